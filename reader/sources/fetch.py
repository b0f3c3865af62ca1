"""Fetching articles over http(s), with a page cache so an article re-opens instantly and offline.

One fetch policy for a hostile network: only http and https, also after a redirect; one overall
deadline for the whole download (a server trickling a byte a second is cut off), a size cap, and
every message made of the server's words (reason phrase, content type, final address) passes
through `reader.terminal.one_line` with any credentials in an address masked.

Fetched pages are kept under `cache_dir()/pages/` for a day: one file per URL holding a JSON header line
(final URL, content type, fetch time) and then the raw bytes, written atomically. An entry is read back
as strictly as a server's reply: a damaged or implausible one is ignored and fetched again. A stale
entry is still used when the network fails.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import math
import os
import socket
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader import __version__
from reader.atomic import write_atomic
from reader.errors import ReaderError
from reader.settings.config import MAX_FETCH_TIMEOUT
from reader.settings.paths import cache_dir
from reader.terminal import mask_url, one_line

USER_AGENT = f"reader/{__version__} (+terminal news reader)"
TIMEOUT_SECONDS = 15.0
"""The longest wait for any one step (connecting, one read)."""
DEADLINE_SECONDS = 30.0
"""The longest a whole download may take, unless READER_FETCH_TIMEOUT or `fetch_timeout` says otherwise."""
DEADLINE_VARIABLE = "READER_FETCH_TIMEOUT"
CACHE_MAX_AGE_SECONDS = 24 * 3600
_BLOCKED_HINT = " (if the site blocks programs, save the page from your browser and open the .html file)"
_ACCEPTED_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "text/markdown", "application/xml")
_SCHEMES = ("http", "https")
_CHUNK = 64 * 1024


@dataclass(slots=True)
class FetchedPage:
    """Raw bytes of a fetched URL and how the server described them."""

    url: str  # the final URL after redirects
    content_type: str  # e.g. "text/html" (no parameters)
    charset: str | None
    data: bytes
    fetched_at: float


def deadline_seconds() -> float:
    """The overall download deadline: READER_FETCH_TIMEOUT (seconds) if set, else the config's
    `fetch_timeout`, else DEADLINE_SECONDS.

    The environment wins, as it does for the folders: one run can be given more time without
    editing the file. The config is read only here, when a page is about to be downloaded.
    """
    raw = os.environ.get(DEADLINE_VARIABLE, "").strip()
    if not raw:
        return _configured_deadline()
    try:
        seconds = float(raw)
    except ValueError:
        seconds = -1.0
    if not (0 < seconds <= MAX_FETCH_TIMEOUT and math.isfinite(seconds)):
        raise ReaderError(
            f"{DEADLINE_VARIABLE} must be a number of seconds up to {MAX_FETCH_TIMEOUT} "
            f"(got {one_line(raw, 40)!r})"
        )
    return seconds


def _configured_deadline() -> float:
    """`fetch_timeout` from config.toml (already checked by `load_config`), else DEADLINE_SECONDS."""
    from reader.settings.config import load_config

    config, _warnings = load_config()  # the warnings were shown when the command started
    return DEADLINE_SECONDS if config.fetch_timeout is None else config.fetch_timeout


def _cache_file(url: str) -> Path:
    return (
        cache_dir()
        / "pages"
        / (hashlib.sha256(url.encode("utf-8", "surrogatepass")).hexdigest()[:40] + ".page")
    )


def _valid_entry(meta: Any, url: str, data: bytes) -> FetchedPage | None:
    """The page a cache header describes, or None unless every field is what `_write_cache` writes."""
    from urllib.parse import urlsplit

    if not isinstance(meta, dict) or meta.get("request") != url:
        return None
    final, content_type, charset = meta.get("url"), meta.get("content_type"), meta.get("charset")
    fetched_at, length = meta.get("time"), meta.get("length")
    if not isinstance(final, str) or not isinstance(content_type, str) or content_type not in _ACCEPTED_TYPES:
        return None
    if charset is not None and not (
        isinstance(charset, str) and 0 < len(charset) <= 40 and charset.isascii()
    ):
        return None
    if (
        isinstance(fetched_at, bool)
        or not isinstance(fetched_at, (int, float))
        or not math.isfinite(fetched_at)
    ):
        return None
    if fetched_at > time.time() + 60 or type(length) is not int or length != len(data):
        return None
    try:
        if urlsplit(final).scheme.lower() not in _SCHEMES:
            return None
    except ValueError:
        return None
    return FetchedPage(final, content_type, charset, data, float(fetched_at))


def _read_cache(url: str) -> FetchedPage | None:
    """The cached page for `url`, or None if there is none or it is damaged in any way."""
    try:
        raw = _cache_file(url).read_bytes()
    except OSError:
        return None
    header, _, data = raw.partition(b"\n")
    try:
        meta = json.loads(header)
    except (ValueError, RecursionError):
        return None
    return _valid_entry(meta, url, data)


def _write_cache(request: str, page: FetchedPage) -> None:
    header = {
        "request": request,
        "url": page.url,
        "content_type": page.content_type,
        "charset": page.charset,
        "time": page.fetched_at,
        "length": len(page.data),
    }
    # A read-only or full cache folder must not stop the user from reading the article.
    with contextlib.suppress(OSError, ValueError):
        write_atomic(_cache_file(request), json.dumps(header).encode("utf-8") + b"\n" + page.data)


def _reason(error: BaseException) -> str:
    """A short human reason for a network failure ("connection refused", "timed out")."""
    import urllib.error

    if isinstance(error, urllib.error.URLError) and not isinstance(error, urllib.error.HTTPError):
        error = error.reason if isinstance(error.reason, BaseException) else error
    if isinstance(error, (socket.timeout, TimeoutError)):
        return "timed out"
    if isinstance(error, socket.gaierror):
        return "host not found (no network, or a mistyped address?)"
    if isinstance(error, ConnectionRefusedError):
        return "connection refused"
    if isinstance(error, ConnectionResetError):
        return "connection reset"
    import ssl

    if isinstance(error, ssl.SSLError):
        return f"secure connection failed ({one_line(getattr(error, 'reason', None) or 'TLS error', 60)})"
    text = getattr(error, "strerror", None) or str(error) or type(error).__name__
    return one_line(text, 120)


def _request_address(url: str) -> tuple[str, str | None]:
    """The URL as HTTP needs it (an IDNA host, percent-encoded path) and its "user:password", if any.

    Credentials go in an Authorization header, never in the request line (nor in any message).
    """
    from urllib.parse import quote, unquote, urlsplit, urlunsplit

    shown = mask_url(url)
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise ReaderError(f"{shown} is not a valid address (bad port or host)") from None
    credentials = None
    if parts.username is not None or parts.password is not None:
        credentials = f"{unquote(parts.username or '')}:{unquote(parts.password or '')}"
    if url.isascii() and " " not in url and credentials is None:
        return url, None
    host = parts.hostname or ""
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        raise ReaderError(f"{shown} is not a valid address (bad host name)") from None
    if ":" in host:
        host = f"[{host}]"  # an IPv6 address
    netloc = host if port is None else f"{host}:{port}"
    safe = "/%:@!$&'()*+,;=?~-._"
    address = urlunsplit(
        (parts.scheme, netloc, quote(parts.path, safe=safe), quote(parts.query, safe=safe), parts.fragment)
    )
    return address, credentials


class _Refused(Exception):
    """A reply the fetch policy does not follow; the message is already safe to show.

    `is_reason`: the message says why ("redirected to ftp://..."), to follow "cannot fetch URL: ".
    """

    def __init__(self, message: str, *, is_reason: bool = False) -> None:
        super().__init__(message)
        self.is_reason = is_reason


def _redirect_handler() -> Any:
    """A redirect handler that follows http and https only (urllib would also follow ftp)."""
    import urllib.request
    from urllib.parse import urljoin, urlsplit

    def check(req: Any, newurl: str) -> str:
        target = str(urljoin(req.full_url, newurl))
        try:
            scheme = urlsplit(target).scheme.lower()
        except ValueError:
            scheme = ""
        if scheme not in _SCHEMES:
            shown = mask_url(target)
            raise _Refused(
                f"redirected to {shown} (only http and https addresses are followed)", is_reason=True
            )
        return target

    class RedirectPolicy(urllib.request.HTTPRedirectHandler):
        max_redirections = 10

        def http_error_302(self, req, fp, code, msg, headers):  # type: ignore[no-untyped-def]
            location = headers.get("location") or headers.get("uri")
            if location:
                check(req, location)  # before urllib's own check, which lets ftp through
            return super().http_error_302(req, fp, code, msg, headers)

        http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

        def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
            return super().redirect_request(req, fp, code, msg, headers, check(req, newurl))

    return RedirectPolicy()


def _check_reply(url: str, response: Any, max_bytes: int) -> tuple[str, str | None, str]:
    """Content type, charset and final address of a reply we accept; raise `_Refused` otherwise."""
    content_type = one_line(response.headers.get_content_type() or "application/octet-stream", 60)
    try:
        charset = response.headers.get_content_charset()
    except (ValueError, LookupError):
        charset = None
    if charset is not None and not (charset.isascii() and 0 < len(charset) <= 40):
        charset = None
    final_url = response.geturl() or url
    if content_type not in _ACCEPTED_TYPES and not content_type.endswith("+xml"):
        raise _Refused(f"{mask_url(url)} is not a web page ({content_type})")
    length = (response.headers.get("Content-Length") or "").strip()
    if length.isdigit() and len(length) < 20 and int(length) > max_bytes:
        raise _Refused(
            f"{mask_url(url)} is too large ({_size(int(length))}; the limit is {_size(max_bytes)})"
        )
    return content_type, charset, final_url


def _read_body(url: str, response: Any, max_bytes: int, deadline: float) -> bytes:
    """The body, read in chunks until `max_bytes` or the overall `deadline` (monotonic) is passed."""
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise TimeoutError("deadline")
        chunk = response.read1(_CHUNK) if hasattr(response, "read1") else response.read(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            raise _Refused(f"{mask_url(url)} is too large (over the {_size(max_bytes)} limit)")


def _download_now(url: str, max_bytes: int, deadline: float) -> FetchedPage:
    """One download, raising ReaderError (one safe line) for anything but a page we accept."""
    import urllib.error
    import urllib.request

    shown = mask_url(url)
    address, credentials = _request_address(url)
    try:
        request = urllib.request.Request(
            address,
            headers={
                "User-Agent": USER_AGENT,
                "Accept": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.5",
                "Accept-Language": "en;q=1.0, *;q=0.5",
            },
        )
    except ValueError:
        raise ReaderError(f"{shown} is not a valid address") from None
    if credentials is not None:
        token = base64.b64encode(credentials.encode("utf-8")).decode("ascii")
        request.add_unredirected_header("Authorization", f"Basic {token}")  # not sent on to a redirect
    opener = urllib.request.build_opener(_redirect_handler())
    timeout = max(0.1, min(TIMEOUT_SECONDS, deadline - time.monotonic()))
    try:
        with opener.open(request, timeout=timeout) as response:
            content_type, charset, final_url = _check_reply(url, response, max_bytes)
            data = _read_body(url, response, max_bytes, deadline)
    except _Refused as refusal:
        raise ReaderError(f"cannot fetch {shown}: {refusal}" if refusal.is_reason else str(refusal)) from None
    except urllib.error.HTTPError as error:
        reason = one_line(error.reason or "", 80)
        hint = _BLOCKED_HINT if error.code in (401, 403, 429, 451) else ""
        raise ReaderError(
            f"cannot fetch {shown}: HTTP {error.code}{' ' + reason if reason else ''}{hint}"
        ) from None
    except (urllib.error.URLError, OSError, ValueError) as error:
        raise ReaderError(f"cannot fetch {shown}: {_reason(error)}") from None
    except Exception as error:  # noqa: BLE001 - http.client raises assorted protocol errors
        raise ReaderError(f"cannot fetch {shown}: {type(error).__name__}") from None
    return FetchedPage(final_url, content_type, charset, data, time.time())


def _download(url: str, max_bytes: int, seconds: float | None = None) -> FetchedPage:
    """Download within one overall deadline, however slowly the server sends.

    The download runs in a daemon thread: a server trickling its headers one byte at a time would
    hold a plain read for ever, but the caller gets its one-line error when the deadline passes.
    """
    limit = deadline_seconds() if seconds is None else seconds
    deadline = time.monotonic() + limit
    outcome: list[FetchedPage | BaseException] = []

    def run() -> None:
        try:
            outcome.append(_download_now(url, max_bytes, deadline))
        except BaseException as error:  # noqa: BLE001 - handed to the caller's thread
            outcome.append(error)

    worker = threading.Thread(target=run, name="reader-fetch", daemon=True)
    worker.start()
    worker.join(limit + 1.0)
    if not outcome:
        raise ReaderError(f"cannot fetch {mask_url(url)}: timed out (no complete page within {limit:g} s)")
    result = outcome[0]
    if isinstance(result, BaseException):
        if isinstance(result, ReaderError) and time.monotonic() >= deadline - 0.05:
            raise ReaderError(
                f"cannot fetch {mask_url(url)}: timed out (no complete page within {limit:g} s)"
            )
        raise result
    return result


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB".replace(".0 MB", " MB")
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n} bytes"


def fetch(url: str, *, max_bytes: int, use_cache: bool = True, deadline: float | None = None) -> FetchedPage:
    """Fetch `url` (or take it from the page cache); every failure raises a one-line ReaderError.

    `use_cache=False` neither reads nor writes the page cache. `deadline` (seconds) bounds the whole
    download (default: `deadline_seconds()`).
    """
    cached = _read_cache(url) if use_cache else None
    if cached is not None and time.time() - cached.fetched_at < CACHE_MAX_AGE_SECONDS:
        return cached
    try:
        page = _download(url, max_bytes, deadline)
    except ReaderError:
        if cached is not None:
            return cached
        raise
    if use_cache:
        _write_cache(url, page)
    return page
