"""Plain-text helpers shared by every source: line endings, terminal safety, headline detection.

Offsets in an `Analysis` index the text exactly as loaded, so every change made here either happens
before the text is handed over (line endings) or keeps the length of the string (control characters).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reader.terminal import sanitize_for_terminal

__all__ = [
    "control_ratio",
    "find_byline",
    "find_date",
    "first_line_title",
    "normalize_newlines",
    "sanitize_for_terminal",
    "unwrap_hard_wrapped",
]


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR become LF: the loaded text (and so every offset) always uses "\\n"."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def control_ratio(text: str, sample: int = 8192) -> float:
    """Share of control characters (other than whitespace) in the first `sample` characters."""
    head = text[:sample]
    if not head:
        return 0.0
    controls = sum(1 for char in head if (ord(char) < 0x20 and char not in "\t\n\r\f\v") or char == "\x7f")
    return controls / len(head)


_SENTENCE_END = re.compile(r"[.;:,]$")
_BULLET = re.compile(r"^\s*(?:[-*•>#]|\d+[.)])\s")


def first_line_title(text: str) -> str | None:
    """The first line of a plain text if it reads like a headline, else None.

    A headline is a short first line that stands alone (followed by a blank line, or the start of a
    longer paragraph) and does not end like a sentence fragment (comma, colon, full stop).
    """
    stripped = text.lstrip()
    if not stripped:
        return None
    first, _, rest = stripped.partition("\n")
    first = first.strip()
    if not first or not rest.strip():
        return None
    words = first.split()
    if len(first) > 200 or len(words) > 30 or len(words) < 2:
        return None
    if _SENTENCE_END.search(first) or _BULLET.match(first):
        return None
    next_line = rest.split("\n", 1)[0].strip()
    if next_line and len(next_line) < max(60, len(first)):
        # Two short lines in a row look like verse or an address block, not a headline over a story.
        return None
    return first


_BYLINE = re.compile(
    r"^(?i:by)\s+((?:[A-Z][\w.'\u2019-]*)(?:\s+(?:[A-Z][\w.'\u2019-]*|and|&|de|del|da|la|le|du|di|dos|das|van|von|der|den|al|bin|ibn))*)"
    r"(?=[*_]*\s*(?:[,|\u00b7\u2022\u2014\u2013-]|$))",
)


def top_lines(text: str, lines: int = 8, *, extra_strip: str = "") -> Iterator[str]:
    """The first `lines` non-blank lines of a text's opening, stripped: where bylines and datelines sit.

    One definition of "the top of the article" for every reader of bylines and dates, so they agree
    on which lines they look at.
    """
    checked = 0
    for raw in text[:4000].split("\n"):
        line = raw.strip().strip(extra_strip) if extra_strip else raw.strip()
        if not line:
            continue
        checked += 1
        if checked > lines:
            return
        yield line


def find_byline(text: str, lines: int = 8) -> str | None:
    """The author named by a "By Jane Doe, Correspondent" line near the top of a plain text, if any."""
    for line in top_lines(text, lines, extra_strip="*_"):
        if len(line) <= 120 and not line.endswith((".", "?", "!", ":")):
            match = _BYLINE.match(line)
            if match:
                return match.group(1).strip()
    return None


_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)? {_MONTHS},? \d{{4}}|{_MONTHS} \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}|"
    r"\d{4}-\d{2}-\d{2})\b"
)


def find_date(text: str, lines: int = 8) -> str | None:
    """The date on a short dateline or byline line near the top of a plain text ("14 March 2024")."""
    for line in top_lines(text, lines):
        if len(line) <= 100:
            match = _DATE.search(line)
            if match:
                return match.group(0)
    return None


_LIST_START = re.compile(r"^\s*(?:[-*•+>]|\d+[.)]|[A-Z][A-Z .'-]{0,30}:|Q:|A:)\s")


def unwrap_hard_wrapped(text: str, *, keep_before: int = 0) -> str:
    """Join the lines of hard-wrapped paragraphs (email, old text files) so the reader can re-flow them.

    Only when the text as a whole is wrapped at a fixed width (most lines end near the same column)
    is a line break inside a paragraph replaced by a space, and only after a line that reaches that
    width and before a line that does not start a list item or a speaker turn. One character for one:
    the length of the text and so every offset are unchanged. Line breaks before `keep_before` (say,
    after a headline) are kept.
    """
    lines = text.split("\n")
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(lengths) < 6:
        return text
    width = lengths[int(len(lengths) * 0.9)]
    if not 40 <= width <= 100:
        return text
    continued = [
        len(line.rstrip())
        for line, after in zip(lines, lines[1:], strict=False)
        if line.strip() and after.strip()
    ]
    if len(continued) < len(lengths) / 2 or sum(n >= width * 0.6 for n in continued) < 0.7 * len(continued):
        return text
    out: list[str] = []
    position = 0
    for index, line in enumerate(lines):
        out.append(line)
        position += len(line) + 1
        if index == len(lines) - 1:
            break
        after = lines[index + 1]
        joins = (
            position > keep_before
            and line.strip()
            and after.strip()
            and len(line.rstrip()) + 1 + len(after.split()[0]) > width * 0.75
            and not _LIST_START.match(after)
        )
        out.append(" " if joins else "\n")
    return "".join(out)
