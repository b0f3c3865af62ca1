"""The batch progress bar: articles done of total, rate and time left, on stderr when it is a terminal.

Silent when stderr is a file or a pipe, so logs and scripts only ever see the one-line messages.
"""

from __future__ import annotations

import sys
from types import TracebackType
from typing import Any


class BatchProgress:
    """A context manager with `advance()`; draws with Rich only when stderr is a terminal."""

    def __init__(self, total: int, label: str = "analysing") -> None:
        self.total = total
        self.label = label
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> BatchProgress:
        if self.total > 0 and _stderr_is_terminal():
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeRemainingColumn,
            )

            self._bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]}"),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._bar.start()
            self._task = self._bar.add_task(self.label, total=self.total, rate="")
        return self

    def advance(self) -> None:
        if self._bar is None:
            return
        self._bar.advance(self._task)
        task = self._bar.tasks[0]
        speed = task.finished_speed or task.speed
        self._bar.update(self._task, rate=f"{speed:.1f} articles/s" if speed else "")

    def note(self, message: str) -> None:
        """A line above the bar (an article's error), or plainly on stderr without one."""
        if self._bar is not None:
            self._bar.console.print(message, markup=False, highlight=False, soft_wrap=True)
        else:
            print(message, file=sys.stderr, flush=True)

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._bar is not None:
            self._bar.stop()


def _stderr_is_terminal() -> bool:
    try:
        return sys.stderr is not None and sys.stderr.isatty()
    except (ValueError, OSError):
        return False
