"""Stopping on request: Ctrl-C, SIGTERM and a closed terminal end a command with one line and 128 + signal.

Python turns only SIGINT into an exception (KeyboardInterrupt); SIGTERM and SIGHUP would kill the
process on the spot, without the "reader: interrupted" line and with output cut wherever the
signal fell. `as_exceptions` makes them raise `Interrupted` like Ctrl-C does, so every command
stops the same way, including while it waits on a pipe or a FIFO nobody writes to; `held` keeps a
signal back while a line or a whole document is written, so output ends on a complete record.
"""

from __future__ import annotations

import signal
from contextlib import contextmanager

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a cache hit starts faster)
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from types import FrameType
    from typing import Any

#: The signals that end a command: Ctrl-C, a polite kill, the terminal going away.
STOP_SIGNALS: tuple[signal.Signals, ...] = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


class Interrupted(KeyboardInterrupt):
    """A stop signal arrived; `signum` says which (the exit status is 128 + signum)."""

    def __init__(self, signum: int = signal.SIGINT) -> None:
        super().__init__(signum)
        self.signum = int(signum)


def exit_status(error: BaseException) -> int:
    """The conventional exit status of a command stopped by `error`: 130 for Ctrl-C, 143 for SIGTERM."""
    return 128 + (error.signum if isinstance(error, Interrupted) else int(signal.SIGINT))


def _raise(signum: int, _frame: FrameType | None) -> None:
    raise Interrupted(signum)


def _install(handler: Callable[[int, FrameType | None], None]) -> dict[signal.Signals, Any] | None:
    """Set `handler` for every stop signal; the previous handlers, or None outside the main thread."""
    previous: dict[signal.Signals, Any] = {}
    try:
        for sig in STOP_SIGNALS:
            previous[sig] = signal.signal(sig, handler)
    except ValueError:
        _restore(previous)
        return None
    return previous


def _restore(previous: dict[signal.Signals, Any]) -> None:
    """Put back the handlers `_install` replaced."""
    for sig, handler in previous.items():
        signal.signal(sig, handler)


@contextmanager
def as_exceptions() -> Iterator[None]:
    """Within the block, every stop signal raises `Interrupted` in the main thread."""
    previous = _install(_raise)
    if previous is None:  # not the main thread: only the main thread gets signals
        yield
        return
    try:
        yield
    finally:
        _restore(previous)


@contextmanager
def held() -> Iterator[None]:
    """Hold a stop signal back until the block is done, then stop (output ends on a whole record).

    A second signal while held stops at once: a reader who presses Ctrl-C twice, or a pipe that
    stopped draining, is never kept waiting.
    """
    pending: list[int] = []

    def hold(signum: int, _frame: FrameType | None) -> None:
        if pending:
            raise Interrupted(signum)
        pending.append(signum)

    previous = _install(hold)
    if previous is None:
        yield
        return
    try:
        yield
    finally:
        _restore(previous)
    if pending:
        raise Interrupted(pending[0])
