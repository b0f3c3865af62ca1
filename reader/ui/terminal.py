"""Leaving at once: put the terminal back as it was and end the process, skipping every teardown.

Textual's own shutdown waits for its input thread (two 0.1 s polls), and the interpreter's exit
would then tear down every module object one by one; neither has anything left to do once the
reading state is saved and the analysis process is ended. `QuickExit` remembers the terminal's
modes before the app starts and, on the way out, switches off what the app switched on (mouse
reporting, bracketed paste, the alternate screen, the hidden cursor...) and exits.
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import Any

try:
    import termios
except ImportError:  # pragma: no cover - not a POSIX terminal
    HAVE_TERMIOS = False
else:
    HAVE_TERMIOS = True

#: What the app turns on, turned off: CAN ends any sequence cut short, then synchronized output,
#: mouse reporting (4 modes and pixels), bracketed paste off; line wrap and the cursor back;
#: in-band resize, the kitty keyboard protocol and focus events off; the main screen back.
RESET = (
    "\x18"
    "\x1b[?2026l"
    "\x1b[?1000l\x1b[?1003l\x1b[?1015l\x1b[?1006l\x1b[?1016l"
    "\x1b[?2004l"
    "\x1b[?7h"
    "\x1b[?2048l"
    "\x1b[<u"
    "\x1b[?1049l"
    "\x1b[?25h"
    "\x1b[?1004l"
)


def _terminal_fd(*candidates: int) -> int | None:
    for fd in candidates:
        with contextlib.suppress(OSError):
            if os.isatty(fd):
                return fd
    return None


class QuickExit:
    """Made before the app starts; called (once) with the exit status to leave."""

    def __init__(self) -> None:
        self.input_fd = _terminal_fd(0)
        self.output_fd = _terminal_fd(2, 1)  # Textual draws on stderr when it is the terminal
        self.modes: list[Any] | None = None
        if HAVE_TERMIOS and self.input_fd is not None:
            with contextlib.suppress(termios.error):
                self.modes = termios.tcgetattr(self.input_fd)

    def restore(self) -> None:
        """Switch the app's terminal modes off and give the terminal its old line settings."""
        if self.output_fd is not None:
            with contextlib.suppress(OSError):
                os.write(self.output_fd, RESET.encode())
        if HAVE_TERMIOS and self.input_fd is not None and self.modes is not None:
            with contextlib.suppress(termios.error, OSError):
                termios.tcsetattr(self.input_fd, termios.TCSANOW, self.modes)
                termios.tcflush(self.input_fd, termios.TCIFLUSH)

    def __call__(self, status: int) -> None:
        self.restore()
        _end_pool_processes()
        for stream in (sys.__stdout__, sys.__stderr__):
            with contextlib.suppress(Exception):
                if stream is not None:
                    stream.flush()
        os._exit(status)


def _end_pool_processes() -> None:
    """End the worker processes of a pool still running (a folder being indexed): none outlives the app.

    Only when `multiprocessing` is in use at all; the workers are not waited for.
    """
    multiprocessing = sys.modules.get("multiprocessing")
    if multiprocessing is None:
        return
    for child in multiprocessing.active_children():
        with contextlib.suppress(Exception):
            child.terminate()
