"""Pure text layout for the article view: wrap paragraphs into display lines and map offsets.

Kept free of Textual so it can be tested (and timed) on its own. A `Layout` is computed once per
width and cached by the view; every display line is a `(start, end)` character range of the
article text, so highlights (which are character offsets) map straight onto lines and columns.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from rich.cells import cell_len

T = TypeVar("T")

_WORD = re.compile(r"\S+")
#: Lines shorter than this were not wrapped by an editor or a mail program, so they are never joined.
_MIN_HARD_WRAP = 50
_LIST_MARKER = re.compile(r"\s*(?:[-*•–]\s|\d{1,3}[.)]\s|#|>)")


@dataclass(slots=True)
class Layout:
    """Display lines of a text wrapped at `width` cells.

    `starts[i]:ends[i]` is the slice of the text shown on line i (without surrounding spaces);
    a blank separator line between paragraphs has `starts[i] == ends[i]`.
    """

    text: str
    width: int
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.starts)

    def line_text(self, index: int) -> str:
        """The characters of display line `index`; a reflowed line break shows as a space."""
        return self.text[self.starts[index] : self.ends[index]].replace("\n", " ")

    def line_of(self, offset: int) -> int:
        """The display line holding character `offset` (the nearest earlier line for whitespace)."""
        if not self.starts:
            return 0
        return max(0, bisect_right(self.starts, offset) - 1)

    def position(self, offset: int) -> tuple[int, int]:
        """`(line, column)` of a character offset; the column counts characters, not cells."""
        line = self.line_of(offset)
        if not self.starts:
            return 0, 0
        column = min(max(0, offset - self.starts[line]), self.ends[line] - self.starts[line])
        return line, column

    def offset(self, line: int, column: int = 0) -> int:
        """The character offset at `(line, column)`, clamped to the line."""
        if not self.starts:
            return 0
        line = min(max(0, line), len(self.starts) - 1)
        return min(self.starts[line] + max(0, column), self.ends[line])


def _paragraphs(text: str) -> Iterator[tuple[int, int, bool]]:
    """`(start, end, first_of_block)` of each paragraph: runs of non-blank lines, split where
    hard wrapping stops.

    A block of lines that were hard-wrapped (most lines nearly as long as the longest) is one
    paragraph and gets reflowed; short lines (lists, verse, addresses) keep their own lines.
    """
    block: list[tuple[int, int]] = []
    position = 0
    length = len(text)
    while position <= length:
        newline = text.find("\n", position)
        end = length if newline == -1 else newline
        line_end = end - 1 if end > position and text[end - 1] == "\r" else end
        if text[position:line_end].strip():
            block.append((position, line_end))
        elif block:
            yield from _split_block(text, block)
            block = []
        if newline == -1:
            break
        position = newline + 1
    if block:
        yield from _split_block(text, block)


def _split_block(text: str, block: list[tuple[int, int]]) -> Iterator[tuple[int, int, bool]]:
    if len(block) == 1:
        yield block[0][0], block[0][1], True
        return
    longest = max(end - start for start, end in block)
    if longest < _MIN_HARD_WRAP:
        # Short lines (a byline over a dateline, an address) were never hard-wrapped: keep them.
        for index, (start, end) in enumerate(block):
            yield start, end, index == 0
        return
    para_start, para_end = block[0]
    first = True
    for (start, end), (next_start, _next_end) in zip(block, block[1:], strict=False):
        joins = (end - start) >= 0.75 * longest and not _LIST_MARKER.match(text, next_start)
        if not joins:
            yield para_start, end, first
            para_start, first = next_start, False
        para_end = _next_end
    yield para_start, para_end, first


def _wrap_paragraph(text: str, start: int, end: int, width: int, starts: list[int], ends: list[int]) -> None:
    """Greedy word wrap of `text[start:end]`, appending line ranges; overlong words are split."""
    ascii_only = text.isascii()
    line_start = -1
    line_end = -1
    used = 0
    for match in _WORD.finditer(text, start, end):
        word_start, word_end = match.span()
        word_width = (word_end - word_start) if ascii_only else cell_len(match.group())
        if line_start >= 0 and used + 1 + word_width <= width:
            line_end = word_end
            used += 1 + word_width
            continue
        if line_start >= 0:
            starts.append(line_start)
            ends.append(line_end)
        if word_width <= width:
            line_start, line_end, used = word_start, word_end, word_width
            continue
        # A word wider than the line (a URL, a long hash): cut it into line-sized pieces.
        piece_start = word_start
        piece_width = 0
        for index in range(word_start, word_end):
            char_width = 1 if ascii_only else cell_len(text[index])
            if piece_width + char_width > width and index > piece_start:
                starts.append(piece_start)
                ends.append(index)
                piece_start, piece_width = index, 0
            piece_width += char_width
        line_start, line_end, used = piece_start, word_end, piece_width
    if line_start >= 0:
        starts.append(line_start)
        ends.append(line_end)


def wrap(text: str, width: int) -> Layout:
    """Wrap `text` into display lines of at most `width` cells, one blank line between blocks."""
    width = max(1, width)
    layout = Layout(text, width)
    starts, ends = layout.starts, layout.ends
    previous_end = -1
    for para_start, para_end, first_of_block in _paragraphs(text):
        if previous_end >= 0 and first_of_block:
            starts.append(previous_end)
            ends.append(previous_end)
        _wrap_paragraph(text, para_start, para_end, width, starts, ends)
        previous_end = para_end
    return layout


def column_to_cells(line: str, column: int) -> int:
    """Cell position of character `column` in `line` (differs from it for wide characters)."""
    return column if line.isascii() else cell_len(line[:column])


class IntervalIndex(Generic[T]):
    """Find the `(start, end, value)` intervals overlapping a range, fast, even when they nest.

    Sorted by start with a running maximum of the ends: a query walks back from the last interval
    starting before the range's end and stops once no earlier interval can reach the range.
    """

    def __init__(self, intervals: Iterable[tuple[int, int, T]]) -> None:
        self._items = sorted(intervals, key=lambda item: (item[0], item[1]))
        self._starts = [item[0] for item in self._items]
        self._max_ends: list[int] = []
        running = -1
        for _start, end, _value in self._items:
            running = max(running, end)
            self._max_ends.append(running)

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[tuple[int, int, T]]:
        return iter(self._items)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, T]]:
        """Intervals with `item.start < end and item.end > start`, in start order."""
        found: list[tuple[int, int, T]] = []
        index = bisect_left(self._starts, end) - 1
        items, max_ends = self._items, self._max_ends
        while index >= 0 and max_ends[index] > start:
            item = items[index]
            if item[1] > start:
                found.append(item)
            index -= 1
        found.reverse()
        return found

    def at(self, offset: int) -> list[tuple[int, int, T]]:
        """Intervals containing character `offset`."""
        return self.overlapping(offset, offset + 1)
