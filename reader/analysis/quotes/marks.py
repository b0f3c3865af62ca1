"""Quote marks: pair the quotation marks of an article's text into quoted stretches.

The first pass, on characters alone: every common style of mark, apostrophes told apart from
single quotes, and quotes that run over several paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Opening mark -> closing marks, for the unambiguous typographic styles.
_PAIRS: dict[str, str] = {
    "“": "”",
    "„": "“”",
    "«": "»",
    "»": "«",
    "”": "”",
    "「": "」",
    "『": "』",
    "‹": "›",
    "‘": "’",
    "‚": "‘’",
    "``": "''\"”",
}
#: Marks that open and close alike; context tells which.
_SYMMETRIC = ('"', "''", "'")
_MARK_RE = re.compile(r"``|''|‘‘|’’|[“”„«»「」『』‹›‘’‚\"']")
#: Doubled single marks that stand for double ones (``...’’, ‘‘...’’).
_DOUBLED_OPEN = ("``", "‘‘")
_DOUBLED_CLOSE = ("''", "’’")
_SINGLE = {"‘", "’", "'", "‚", "‹", "›"}
_MAX_SINGLE = 400  # a single-quoted stretch longer than this is taken for apostrophes


@dataclass(slots=True)
class Quoted:
    """A stretch of text between quotation marks (marks included), possibly over several paragraphs."""

    start: int
    end: int
    segments: list[tuple[int, int]]
    closed: bool = True


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _is_word_or_punct(ch: str) -> bool:
    return ch.isalnum() or ch in ".,!?;:"


def _mark_role(text: str, i: int, mark: str) -> str:
    """'open', 'close', 'both' or 'none' (an apostrophe) for the mark at text[i]."""
    before = text[i - 1] if i > 0 else " "
    j = i + len(mark)
    after = text[j] if j < len(text) else " "
    if mark == "“" and _is_word_or_punct(before) and (after.isspace() or after in ".,;:)"):
        return "both"  # “It's unusual,“ said Noble: some texts close with the opening glyph
    if mark in ("“", "„", "«", "「", "『", "‚", "``", "‘‘"):
        return "open"
    if mark == "’’":
        return "close"
    if mark == "”" and before.isspace() and after.isalpha():
        return "open"  # ”Mr. Trump ...” : some texts open with the closing glyph
    if mark in ("”", "」", "』"):
        return "close"
    if mark in ("»", "‹", "›"):
        return "both"
    if mark in ("’", "'", "‘"):
        if _is_word(before) and _is_word(after):
            return "none"  # don't, Shi'a
        if mark == "‘" and _is_word_or_punct(before) and not _is_word(after):
            return "close"  # German ‚…‘
        if mark == "’" or (mark == "'" and not before.isspace() and before not in "([{—–-"):
            # closing single quote or a plural possessive (voters' ...); the pairing decides
            return "close" if not _is_word(after) else "none"
        if re.match(r"\d\ds\b|\d\d\b|em\b|n\b|til\b|cause\b", text[j : j + 5]):
            return "none"  # '90s, 'em, rock 'n' roll
        if after.isspace() or after == "":
            return "none"
        return "open"
    # straight double quote or doubled apostrophe
    if before.isspace() or before in "([{—–-/:;" or i == 0:
        return "open" if not after.isspace() else "both"
    if after.isspace() or after in ".,;:!?)]}—–-" or j >= len(text):
        return "close"
    return "both"


def _closes(opener: str, mark: str) -> bool:
    if opener in _DOUBLED_OPEN:
        return mark in (*_DOUBLED_CLOSE, '"', "”")
    if mark == "’’":
        return opener in ("“", '"', "''")
    if opener in _SYMMETRIC:
        if opener == "'":
            return mark in ("'", "’")
        return mark in ('"', "''", "”")
    if opener == "‘":
        return mark in ("’", "'")
    if opener == "“":
        return mark in ("”", '"', "“")  # some texts close with the opening glyph
    return mark in _PAIRS.get(opener, "")


def _family(mark: str) -> str:
    return "single" if mark in _SINGLE else "double"


def _opens_a_passage(text: str, p_start: int, open_at: int) -> bool:
    """Whether an opening mark can start a quote that runs on over paragraphs: at the start of its
    paragraph, or after a colon, comma, dash or the end of a sentence ("he said: “...")."""
    before = text[p_start:open_at].rstrip()
    return not before or before[-1] in ":,—–-.!?;"


def find_quoted(text: str) -> list[Quoted]:
    """Every outermost quoted stretch in `text`, in order; nested quotes stay inside their host.

    A quote left open at the end of a paragraph continues when the next paragraph opens with a mark
    of the same kind (the print convention for quotes over several paragraphs); otherwise a double
    quote runs to the end of its paragraph and a single one is dropped (it was an apostrophe).
    """
    out: list[Quoted] = []
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    pending: Quoted | None = None  # a quote continuing from the previous paragraph
    pending_family = ""
    for p_start, p_end in paragraphs:
        marks = [(m.start(), m.group()) for m in _MARK_RE.finditer(text, p_start, p_end)]
        opener: str | None = None
        open_at = 0
        current: Quoted | None = None
        k = 0
        if pending is not None:
            lead = text[p_start:p_end].lstrip()
            first = lead[:2] if lead.startswith(("``", "''", "‘‘")) else lead[:1]
            if (
                first
                and _MARK_RE.fullmatch(first) is not None
                and _family(first) == pending_family
                and _mark_role(text, p_end - len(lead), first)
                in (
                    "open",
                    "both",
                )
            ):
                current = pending
                opener = first
                open_at = p_end - len(lead)
                k = 1
            else:
                out.append(pending)
            pending = None
        while k < len(marks):
            pos, mark = marks[k]
            k += 1
            role = _mark_role(text, pos, mark)
            if role == "none":
                continue
            if opener is None:
                if role in ("open", "both"):
                    opener, open_at = mark, pos
                continue
            if (role in ("close", "both") or opener in ("„", "‚", "»")) and _closes(opener, mark):
                end = pos + len(mark)
                if current is not None:
                    current.segments.append((open_at, end))
                    current.end = end
                    out.append(current)
                    current = None
                else:
                    out.append(Quoted(open_at, end, [(open_at, end)]))
                opener = None
        if opener is not None:
            seg_end = len(text[:p_end].rstrip())
            family = _family(opener)
            if family == "single" and (seg_end - open_at > _MAX_SINGLE or current is None):
                # most likely an apostrophe; keep a continuing quote's earlier paragraphs
                if current is not None:
                    out.append(current)
                continue
            if current is None:
                current = Quoted(open_at, seg_end, [(open_at, seg_end)], closed=False)
                if not _opens_a_passage(text, p_start, open_at):
                    # an unbalanced mark inside a sentence ("called the plan “ridiculous and ..."):
                    # it may run to the end of its paragraph, never into the next ones
                    out.append(current)
                    continue
            else:
                current.segments.append((open_at, seg_end))
                current.end = seg_end
            pending, pending_family = current, family
    if pending is not None:
        out.append(pending)
    out.sort(key=lambda q: q.start)
    return out
