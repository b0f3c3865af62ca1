"""User-facing failures: one clear line on stderr and a non-zero exit, never a traceback."""

from __future__ import annotations

from reader.terminal import one_line


class ReaderError(Exception):
    """A problem the user can fix (bad file, missing model, broken config).

    `str(error)` is the whole message: one line, no traceback, no Python jargon. The message is made
    safe here, once for every caller: it quotes file names, addresses and server replies, any of
    which may carry escape sequences or line breaks.
    """

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(one_line(message))
        self.exit_code = exit_code
