"""Moving through a list of places in the text (search matches, mentions, quotes) as a pager does.

A search or a walk starts from where the reader is, forward or backward, and wraps around the end
only with a notice, so the reader always knows when the view went back to the top.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

#: What the reader is told when a forward or a backward walk wraps (the wording of vi and less).
WRAPPED_FORWARD = "search hit BOTTOM, continuing at TOP"
WRAPPED_BACKWARD = "search hit TOP, continuing at BOTTOM"
NOT_FOUND = "Pattern not found"
QUOTES_WRAPPED_FORWARD = "Past the last quote: back to the first"
QUOTES_WRAPPED_BACKWARD = "Before the first quote: on to the last"


def step_through(starts: Sequence[int], cursor: int | None, origin: int, step: int) -> tuple[int, bool]:
    """The index of the next (`step` > 0) or previous target, and whether that wrapped around.

    `starts` are the targets' offsets in text order. With no current target (`cursor` None) the
    walk starts at `origin` (the top of the screen): forward, the first target at or after it;
    backward, the last one before it.
    """
    count = len(starts)
    if not count:
        raise ValueError("nothing to step through")
    if cursor is None or not 0 <= cursor < count:
        index = bisect_left(starts, origin) if step > 0 else bisect_right(starts, origin - 1) - 1
    else:
        index = cursor + (1 if step > 0 else -1)
    return index % count, not 0 <= index < count


def wrap_notice(step: int) -> str:
    return WRAPPED_FORWARD if step > 0 else WRAPPED_BACKWARD
