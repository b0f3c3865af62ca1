"""Credits and bylines: the stretches of an article that name who took a picture or where to follow
the reporter, not who did anything.

"Getty Images", "(AP Photo/Evan Vucci)", "Photo: Jane Doe", "Follow Ann Lee on Twitter @annlee"
must never become actors, places or events: the entity and event extractors ask `credit_spans`
for these stretches and leave them out. The names are data (`lexicon/credits.toml`, origin in the
lexicon's README); the shapes a credit takes are the patterns below.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reader.analysis import lexicon


def _alternation(words: frozenset[str]) -> str:
    """A regex alternation of `words`, longest first ("afp via getty images" before "getty images"),
    matched without regard to case."""
    ordered = sorted(words, key=lambda w: (-len(w), w))
    return "(?i:" + "|".join(re.escape(w).replace(r"\ ", r"[ \u00a0]+") for w in ordered) + ")"


#: A capitalised name of up to four words: a photographer ("Evan Vucci", "Chip Somodevilla").
_NAME = r"(?:[A-Z][\w'’.\-]*[ \u00a0]){0,3}[A-Z][\w'’.\-]*"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    names = _alternation(lexicon.words("credits", "names"))
    agencies = _alternation(lexicon.words("credits", "agencies"))
    platforms = _alternation(lexicon.words("credits", "platforms"))
    return (
        # "(Photo: Jane Doe)", "(Picture by Reuters)", "(Image credit: ...)"
        re.compile(
            r"\((?:photo|photos|photograph|picture|image|video|credit)s?(?: credit)?"
            r"(?:[ \u00a0]+by|:)[^)\n]{0,160}\)",
            re.IGNORECASE,
        ),
        # A line that is a credit: "Photograph: Alamy", "Image source, Getty".
        re.compile(
            r"^[ \t]*(?:photo|photograph|picture|image|image source|credit|photo credit)"
            r"(?:[ \u00a0]+by|[ \u00a0]*[:,])[^\n]*$",
            re.IGNORECASE | re.MULTILINE,
        ),
        # "Follow Ann Lee on Twitter @annlee."
        re.compile(
            rf"\bFollow[ \u00a0]+[^\n.]{{1,80}}?[ \u00a0]+on[ \u00a0]+(?:{platforms})\b(?:[ \u00a0]*@\w+)?\.?"
        ),
        # "Getty Images", "AP Photo/Evan Vucci"
        re.compile(rf"\b(?:{names})\b(?:[ \u00a0]?/[ \u00a0]?{_NAME})?"),
        # "REUTERS/Kevin Lamarque", "via Reuters"
        re.compile(rf"\b(?:{agencies})[ \u00a0]?/[ \u00a0]?{_NAME}"),
        re.compile(rf"\bvia[ \u00a0]+(?:{agencies})\b"),
        # "Mark Wilson/Getty Images", "Kevin Lamarque/Reuters" (tried only where the text has a slash)
        re.compile(rf"{_NAME}[ \u00a0]?/[ \u00a0]?(?:{names}|{agencies})\b"),
    )


def credit_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every credit or byline footer in `text`, sorted and merged."""
    return list(_credit_spans(text))


@lru_cache(maxsize=4)
def _credit_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Cached: the entity and event passes both ask for the spans of the same doc text."""
    found: list[tuple[int, int]] = []
    patterns = _patterns()
    for pattern in patterns if "/" in text else patterns[:-1]:
        found.extend(match.span() for match in pattern.finditer(text) if match.end() > match.start())
    found.sort()
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return tuple(merged)


def outside_credits(spans: list[tuple[int, int]], text: str, start: int, end: int) -> tuple[int, int] | None:
    """The part of text[start:end] before any credit it runs into, or None if it starts inside one.

    "Interlagos Getty Images" keeps "Interlagos"; "Getty Images" itself is gone.
    """
    for c_start, c_end in spans:
        if c_start >= end:
            break
        if c_end <= start:
            continue
        if c_start <= start:
            return None
        end = c_start
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:-—–(/"):
            end -= 1
        return (start, end) if end > start else None
    return start, end


def inside_credits(spans: list[tuple[int, int]], position: int) -> bool:
    """True when the character at `position` belongs to a credit."""
    return any(c_start <= position < c_end for c_start, c_end in spans)
