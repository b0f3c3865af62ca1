"""Prose: which lines of an article are its running text, and which are page furniture.

A teaser line ("READ MORE: Trump says ..."), a video or link label ("WATCH: ..."), a line in
capitals, a photo credit or caption, an editor's note in brackets, and a heading (Markdown
"## ...", an HTML heading, or a short title-like line between paragraphs) are not where anyone is
quoted: attributions found there are dropped. The article's first line is its headline, which
`calibrate` handles on its own.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from reader.analysis import lexicon
from reader.analysis.quotes.base import Context, Found

KICKER_LABELS = lexicon.words("web", "kicker_labels")
CREDIT_MARKERS = lexicon.words("web", "credit_markers")
NOTE_MARKERS = lexicon.words("web", "note_markers")
AGENCIES = lexicon.words("credits", "agencies")
#: A picture credit closing its line: "... overnight. Jane Doe/Reuters", "(Kevin Lamarque/AP)".
_AGENCY = "|".join(re.escape(a) for a in sorted(AGENCIES, key=len, reverse=True))
_AGENCY_CREDIT_RE = re.compile(
    r"(?:\b[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)*/(?:" + _AGENCY + r")|\bvia (?:" + _AGENCY + r"))\)?[ \t]*$",
    re.IGNORECASE,
)
_KICKER_RE = re.compile(
    r"^[ \t]*(?:[▶►•|]\s*)?(?P<label>[A-Za-z][A-Za-z' ]{0,24}?)[ \t]*(?:[:|—–]|$)", re.IGNORECASE
)
_HEADING_RE = re.compile(r"^[ \t]*(?:#{1,6}[ \t]|<h[1-6][\s>])", re.IGNORECASE)
_QUOTE_MARKS = "“”\"'‘’«»„"
_FINAL = ".!?:;,…"
#: A title-like line has at most this many words.
MAX_HEADING_WORDS = 10


def is_kicker(line: str) -> bool:
    """ "READ MORE: ...", "WATCH | ...", "Advertisement"."""
    match = _KICKER_RE.match(line)
    return match is not None and " ".join(match.group("label").lower().split()) in KICKER_LABELS


def is_capitals(line: str) -> bool:
    """A line in capitals ("TRUMP SAYS THE WALL WILL BE BUILT"): a kicker or a shouted heading."""
    letters = [ch for ch in line if ch.isalpha()]
    return (
        len(letters) >= 8
        and len(line.split()) >= 3
        and sum(ch.isupper() for ch in letters) >= 0.9 * len(letters)
    )


def is_credit(line: str) -> bool:
    """A photo credit or caption line ("... on Tuesday. (Photo: John Smith/AP)", "... Jane
    Doe/Reuters")."""
    lower = line.lower()
    return any(marker in lower for marker in CREDIT_MARKERS) or bool(_AGENCY_CREDIT_RE.search(line))


def is_note(line: str) -> bool:
    """An editor's note or a footer wholly in brackets ("(Reporting by Jane Doe; editing by ...)",
    "(This story has been corrected.)"). Not any bracketed paragraph: news sets asides with real
    quotes in brackets ("(Mr. Rhodes said, ...)")."""
    words = line.strip()
    if len(words) < 3 or words[0] not in "([" or words[-1] not in ")]":
        return False
    inner = " ".join(words[1:].lower().split())
    return any(inner.startswith(marker) for marker in NOTE_MARKERS)


def is_heading(line: str, first: bool, last: bool) -> bool:
    """A Markdown or HTML heading, or (not first nor last) a short line without final punctuation
    that is not a "Name: claim" line ("Years of disruption", "'Years of disruption'")."""
    if _HEADING_RE.match(line):
        return True
    if first or last or ":" in line:
        return False
    words = line.strip().strip(_QUOTE_MARKS).strip()
    if not words or words[-1] in _FINAL or len(words.split()) > MAX_HEADING_WORDS:
        return False
    return words[0].isupper() or words[0].isdigit()


class ProsePass(Context):
    """Finds the lines that are not prose and drops what was found in them."""

    def furniture(self) -> list[tuple[int, int]]:
        """Character spans of the lines that are page furniture, in order."""
        lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", self.text)]
        out: list[tuple[int, int]] = []
        for k, (start, end) in enumerate(lines):
            line = self.text[start:end]
            if (
                is_kicker(line)
                or is_capitals(line)
                or is_credit(line)
                or is_note(line)
                or is_heading(line, first=k == 0, last=k == len(lines) - 1)
            ):
                out.append((start, end))
        return out

    def drop_furniture(self, found: list[Found]) -> list[Found]:
        """Every attribution whose content or cue starts in a line of page furniture goes."""
        spans = self.furniture()
        if not spans:
            return found
        starts = [s for s, _ in spans]

        def inside(char: int) -> bool:
            k = bisect_right(starts, char) - 1
            return k >= 0 and spans[k][0] <= char < spans[k][1]

        return [f for f in found if not inside(f.start) and (f.cue is None or not inside(f.cue[0]))]
