"""Where an article's headings stand in its text, kept as data from the source that knew them.

Markdown and HTML say which blocks are headings, but the reading text drops the `##` marks and the
tags, and nothing downstream should parse the text again to guess. So each source hands its blocks
over as `(text, level)` pairs (level 0 for running text), `join_blocks` joins them into the reading
text and notes each heading's offsets, and `settle` checks them against the finished text. A plain
text has no marks: its title line is its one heading.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from reader.article import MAX_HEADING_LEVEL, Heading

#: Between two blocks of the reading text: one blank line.
BLOCK_SEPARATOR = "\n\n"


def heading_level(tag: str | None) -> int:
    """The level of an HTML heading tag ("h2" -> 2); 0 for anything else or a level too deep to keep."""
    if not tag or len(tag) != 2 or tag[0].lower() != "h" or not tag[1].isdigit():
        return 0
    level = int(tag[1])
    return level if 1 <= level <= MAX_HEADING_LEVEL else 0


def join_blocks(blocks: Iterable[tuple[str, int]]) -> tuple[str, list[Heading]]:
    """The blocks joined by blank lines, and a Heading for each block whose level is 1 to 3."""
    parts: list[str] = []
    headings: list[Heading] = []
    position = 0
    for text, level in blocks:
        if parts:
            position += len(BLOCK_SEPARATOR)
        if 1 <= level <= MAX_HEADING_LEVEL:
            headings.append(Heading(level, position, position + len(text), text))
        parts.append(text)
        position += len(text)
    return BLOCK_SEPARATOR.join(parts), headings


def settle(headings: Sequence[Heading], text: str, shift: int = 0) -> list[Heading]:
    """The headings moved by `shift` characters (text trimmed off the front) and checked against `text`.

    A heading that fell outside the text or has no words left is dropped; each keeps the slice of the
    finished (terminal-safe) text it covers, on one line, so the contents pane never shows a raw
    control character or a line break.
    """
    settled: list[Heading] = []
    for heading in headings:
        start, end = heading.start - shift, heading.end - shift
        start, end = max(0, start), min(len(text), end)
        if end <= start or not 1 <= heading.level <= MAX_HEADING_LEVEL:
            continue
        words = " ".join(text[start:end].split())
        if words:
            settled.append(Heading(heading.level, start, end, words))
    return settled


def title_heading(text: str, title: str | None) -> list[Heading]:
    """The title line of a plain text as its one heading, when the text opens with it."""
    if not title:
        return []
    start = len(text) - len(text.lstrip())
    if not text.startswith(title, start):
        return []
    return settle([Heading(1, start, start + len(title), title)], text)
