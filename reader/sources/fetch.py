"""Fetching articles over http(s), with a page cache so an article re-opens instantly and offline.

Fetched pages are kept under `cache_dir()/pages/` for a day: one file per URL holding a JSON header line
(final URL, content type, fetch time) and then the raw bytes, written atomically. A corrupt entry is
ignored and fetched again. A stale entry is still used when the network fails.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import socket
import time
from dataclasses import dataclass
from pathlib import Path

from reader import __version__
from reader.atomic import write_atomic
from reader.errors import ReaderError
from reader.settings.paths import cache_dir

USER_AGENT = f"reader/{__version__} (+terminal news reader)"
TIMEOUT_SECONDS = 15.0
CACHE_MAX_AGE_SECONDS = 24 * 3600
_BLOCKED_HINT = " (if the site blocks programs, save the page from your browser and open the .html file)"
_ACCEPTED_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "text/markdown", "application/xml")


@dataclass(slots=True)
class FetchedPage:
    """Raw bytes of a fetched URL and how the server described them."""

    url: str  # the final URL after redirects
    content_type: str  # e.g. "text/html" (no parameters)
    charset: str | None
    data: bytes
    fetched_at: float


def _cache_file(url: str) -> Path:
    return cache_dir() / "pages" / (hashlib.sha256(url.encode("utf-8")).hexdigest()[:40] + ".page")


def _read_cache(url: str) -> FetchedPage | None:
    """The cached page for `url`, or None if there is none or it is unreadable."""
    try:
        raw = _cache_file(url).read_bytes()
        header, _, data = raw.partition(b"\n")
        meta = json.loads(header)
        if meta.get("request") != url or len(data) != meta["length"]:
            return None
        return FetchedPage(meta["url"], meta["content_type"], meta.get("charset"), data, float(meta["time"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


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
    with contextlib.suppress(OSError):
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
        return f"secure connection failed ({getattr(error, 'reason', None) or 'TLS error'})"
    text = getattr(error, "strerror", None) or str(error) or type(error).__name__
    return " ".join(str(text).split())


def _ascii_url(url: str) -> str:
    """The URL as HTTP needs it: an IDNA host name and percent-encoded spaces and non-ASCII characters."""
    from urllib.parse import quote, urlsplit, urlunsplit

    if url.isascii() and " " not in url:
        return url
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        raise ReaderError(f"{url} is not a valid address (bad host name)") from None
    netloc = host if parts.port is None else f"{host}:{parts.port}"
    safe = "/%:@!$&'()*+,;=?~-._"
    return urlunsplit(
        (parts.scheme, netloc, quote(parts.path, safe=safe), quote(parts.query, safe=safe), parts.fragment)
    )


def _download(url: str, max_bytes: int) -> FetchedPage:
    import urllib.error
    import urllib.request

    request = urllib.request.Request(
        _ascii_url(url),
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.5",
            "Accept-Language": "en;q=1.0, *;q=0.5",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            content_type = response.headers.get_content_type() or "application/octet-stream"
            charset = response.headers.get_content_charset()
            final_url = response.geturl() or url
            if content_type not in _ACCEPTED_TYPES and not content_type.endswith("+xml"):
                raise ReaderError(f"{url} is not a web page ({content_type})")
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                size, limit = _size(int(length)), _size(max_bytes)
                raise ReaderError(f"{url} is too large ({size}; the limit is {limit})")
            data = response.read(max_bytes + 1)
    except urllib.error.HTTPError as error:
        reason = " ".join(str(error.reason or "").split())
        hint = _BLOCKED_HINT if error.code in (401, 403, 429, 451) else ""
        raise ReaderError(
            f"cannot fetch {url}: HTTP {error.code}{' ' + reason if reason else ''}{hint}"
        ) from None
    except ReaderError:
        raise
    except (urllib.error.URLError, OSError, ValueError) as error:
        raise ReaderError(f"cannot fetch {url}: {_reason(error)}") from None
    except Exception as error:  # noqa: BLE001 - http.client raises assorted protocol errors
        raise ReaderError(f"cannot fetch {url}: {type(error).__name__}") from None
    if len(data) > max_bytes:
        raise ReaderError(f"{url} is too large (over the {_size(max_bytes)} limit)")
    return FetchedPage(final_url, content_type, charset, data, time.time())


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB".replace(".0 MB", " MB")
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n} bytes"


def fetch(url: str, *, max_bytes: int, use_cache: bool = True) -> FetchedPage:
    """Fetch `url` (or take it from the page cache); network failures raise a one-line ReaderError."""
    cached = _read_cache(url) if use_cache else None
    if cached is not None and time.time() - cached.fetched_at < CACHE_MAX_AGE_SECONDS:
        return cached
    try:
        page = _download(url, max_bytes)
    except ReaderError:
        if cached is not None:
            return cached
        raise
    if use_cache:
        _write_cache(url, page)
    return page
