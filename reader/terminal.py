"""The one rule for text on its way to a terminal: nothing from outside may drive it.

Articles, page titles, server replies, URLs, file names, config and theme files, environment values:
any of them may hold an escape sequence (ESC, CSI), a bell, a backspace, a C1 control, a Unicode line
separator or a bidi override that reorders what the user sees. Every such string passes through
`sanitize_for_terminal` (article text: same length, so analysis offsets stay valid) or `one_line`
(messages, titles, list rows, the status bar: folded onto one line) before it is shown.

This module imports nothing heavy: the command line uses it on its error path.
"""

from __future__ import annotations

import re
from typing import Any, TextIO

#: Characters a terminal acts on or that reorder text: C0 controls (not tab and newline), DEL, the C1
#: block, Unicode line and paragraph separators, and the bidi embeddings, overrides and isolates.
UNSAFE_CHARACTERS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
UNSAFE = re.compile(f"[{UNSAFE_CHARACTERS}]")

_LINE_BREAKS = {"\u2028", "\u2029", "\x0b", "\x0c", "\x85"}
_SYMBOL_FOR_UNKNOWN = "\ufffd"  # "�" for C1 controls, which have no control pictures


def _visible(code: int) -> str:
    """The harmless stand-in for one unsafe character (always one character)."""
    char = chr(code)
    if char in _LINE_BREAKS:
        return "\n"
    if code < 0x20:
        return chr(0x2400 + code)  # its Unicode "control picture": ESC -> "␛"
    if code == 0x7F:
        return "\u2421"  # "␡"
    if 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069:
        return " "  # a bidi control has no picture; a space keeps words apart and the length
    return _SYMBOL_FOR_UNKNOWN


_TRANSLATION = {
    code: _visible(code)
    for code in (*range(0xA0), 0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
    if UNSAFE.match(chr(code))
}


def sanitize_for_terminal(text: str) -> str:
    """Replace every unsafe character with a harmless visible one, keeping the length.

    ESC becomes "␛" and other C0 controls their control pictures, DEL "␡", C1 controls "�"; form feed,
    vertical tab and Unicode line/paragraph separators become "\\n"; bidi controls a space. Tab and
    newline are kept. `len(sanitize_for_terminal(s)) == len(s)` always holds, so offsets stay valid.
    """
    if not UNSAFE.search(text):
        return text
    return text.translate(_TRANSLATION)


_WHITESPACE_RUN = re.compile(r"\s+")


def one_line(text: object, limit: int | None = None) -> str:
    """`text` made safe and folded onto one line (runs of whitespace become one space), for messages.

    With `limit`, a longer result is cut with an ellipsis: a hostile name cannot flood the screen.
    """
    folded = _WHITESPACE_RUN.sub(" ", sanitize_for_terminal(str(text))).strip()
    if limit is not None and len(folded) > limit:
        folded = folded[: max(0, limit - 1)].rstrip() + "\u2026"
    return folded


#: Query parameters whose values are secrets as much as a password in the address is.
_SECRET_PARAMETERS = frozenset(
    {
        "token",
        "access_token",
        "api_key",
        "apikey",
        "key",
        "password",
        "passwd",
        "secret",
        "auth",
        "sig",
        "signature",
    }
)


def mask_url(url: str) -> str:
    """`url` safe to show in a message, a title or a list: on one line, with a user name and password
    and the values of secret-looking query parameters ("token", "key", ...) replaced by "***"."""
    from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

    try:
        parts = urlsplit(url)
        netloc = parts.netloc
        if "@" in netloc:
            netloc = "***@" + netloc.rpartition("@")[2]
        query = parts.query
        if query:
            pairs = parse_qsl(query, keep_blank_values=True)
            if any(name.lower() in _SECRET_PARAMETERS for name, _ in pairs):
                masked = [(n, "***" if n.lower() in _SECRET_PARAMETERS else v) for n, v in pairs]
                query = urlencode(masked, safe="*")
        url = urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))
    except ValueError:
        if "@" in url:
            url = url.split("://", 1)[0] + "://***@" + url.rpartition("@")[2]
    return one_line(url, limit=200)


def is_safe(text: str) -> bool:
    """True when `text` holds no character a terminal would act on (newline and tab allowed)."""
    return UNSAFE.search(text) is None


class SafeWriter:
    """A text stream that passes everything written to it through `sanitize_for_terminal`.

    For streams that never carry an escape sequence on purpose (stderr, `reader config`): whatever a
    config file, an environment value or a file name holds, it reaches the terminal as visible text.
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(sanitize_for_terminal(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)
