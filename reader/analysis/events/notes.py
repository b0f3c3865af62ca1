"""Editors' notes: what the newsroom did to the page is no event of the news.

"This article was amended on 20 March 2025 to correct the number of stops", "This interview has
been edited for length and clarity", "An earlier version of this story misstated ...": the reader
sees them in the text, but the Events panel should not list "this article was amended" beside the
council's vote. The words are data (`lexicon/events.toml`: `note_documents`, `note_verbs`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from reader.analysis import lexicon


def _alternation(words: frozenset[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=1)
def _note_re() -> re.Pattern[str]:
    documents = _alternation(lexicon.words("events", "note_documents"))
    forms = _alternation(lexicon.words("events", "note_own_forms"))
    verbs = _alternation(lexicon.words("events", "note_verbs"))
    space = r"[ \u00a0]+"
    return re.compile(
        r"(?:^|(?<=[.!?\n]))[ \t\u00a0*_(\[]*"  # at the start of a sentence or line
        rf"(?:(?:editor['’]s{space}note|correction|update)[ \u00a0]*:[ \u00a0]*)?"
        rf"(?:(?:this{space}(?:{documents})|the{space}(?:{forms})){space}(?:was|is|has{space}been|had{space}been|have{space}been)"
        rf"{space}(?:{verbs})\b"
        rf"|an{space}earlier{space}version{space}of{space}this{space}(?:{documents})\b)"
        r"[^\n]*?(?:[.!?](?=\s|$)|$)",
        re.IGNORECASE | re.MULTILINE,
    )


def note_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` has an editor's note about the page itself (character offsets)."""
    return [m.span() for m in _note_re().finditer(text)]
