"""User-facing failures: one clear line on stderr and a non-zero exit, never a traceback."""

from __future__ import annotations


class ReaderError(Exception):
    """A problem the user can fix (bad file, missing model, broken config).

    `str(error)` is the whole message: one line, no traceback, no Python jargon.
    """

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = exit_code
