"""Fetching URLs from a local web server (no internet needed): extraction, errors, and the page cache."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from reader import __version__
from reader.errors import ReaderError
from reader.settings.paths import cache_dir
from reader.sources import load_article

PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>Ferry strike ends after talks</title>
<meta name="author" content="Sam Okafor"><meta property="article:published_time" content="2024-06-02">
</head><body><nav><a href="/">Home</a> | <a href="/world">World</a></nav><article>
<h1>Ferry strike ends after talks</h1>
<p>Ferry crews returned to work on Sunday after a week-long strike that stranded thousands of travellers
on the islands, the operator said.</p>
<p>\u201cWe got most of what we asked for,\u201d said union organiser Maria Lind, speaking at the port.</p>
<p>The company said services would be back to normal by Tuesday, though some routes may see delays.</p>
</article><div class="share">Share this: Facebook Twitter</div><footer>\u00a9 2024 Island News</footer>
</body></html>"""

ROUTES: dict[str, tuple[int, str, bytes]] = {
    "/story": (200, "text/html; charset=utf-8", PAGE.encode("utf-8")),
    "/legacy": (200, "text/html; charset=windows-1252", PAGE.replace("\u2019", "'").encode("cp1252")),
    "/plain.txt": (200, "text/plain", b"Plain headline here\n\nThe body of a plain text story, served.\n"),
    "/notes.md": (200, "text/markdown", b"# Notes from the port\n\nCrews **returned** to work.\n"),
    "/image.png": (200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(200)),
    "/empty-page": (200, "text/html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>"),
    "/caf%C3%A9-news": (
        200,
        "text/plain",
        "Caf\u00e9 news headline\n\nThe caf\u00e9 reopened on Monday.".encode(),
    ),
    "/blocked": (403, "text/html", b"<h1>Forbidden</h1>"),
    "/2024/06/02/ferry": (200, "text/html", PAGE.replace("2024-06-02", "2099-06-02").encode("utf-8")),
    "/big": (200, "text/html", b"<html><body><p>" + b"word " * 4000 + b"</p></body></html>"),
}


class _Handler(BaseHTTPRequestHandler):
    hits: list[tuple[str, str]] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        _Handler.hits.append((self.path, self.headers.get("User-Agent", "")))
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/story")
            self.end_headers()
            return
        status, content_type, body = ROUTES.get(self.path, (404, "text/html", b"<h1>Not Found</h1>"))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - keep test output quiet
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _error(source: str, **kwargs: object) -> str:
    with pytest.raises(ReaderError) as caught:
        load_article(source, **kwargs)  # type: ignore[arg-type]
    assert "\n" not in str(caught.value)
    return str(caught.value)


def test_url_is_fetched_and_extracted(server: str) -> None:
    _Handler.hits.clear()
    article = load_article(server + "/story")
    assert article.source == server + "/story"
    assert article.title == "Ferry strike ends after talks"
    assert article.byline == "Sam Okafor" and article.date == "2024-06-02"
    assert article.site is not None and article.site.startswith("127.0.0.1")
    assert "\u201cWe got most of what we asked for,\u201d said union organiser Maria Lind" in article.text
    assert "Home" not in article.text and "Share this" not in article.text
    assert _Handler.hits == [("/story", f"reader/{__version__} (+terminal news reader)")]


def test_fetched_page_is_cached_and_a_corrupt_entry_is_refetched(server: str) -> None:
    _Handler.hits.clear()
    first = load_article(server + "/story")
    second = load_article(server + "/story")
    assert first == second
    assert len(_Handler.hits) == 1
    entries = list((cache_dir() / "pages").iterdir())
    assert len(entries) == 1
    entries[0].write_bytes(b"{not json")
    assert load_article(server + "/story") == first
    assert len(_Handler.hits) == 2
    load_article(server + "/story", use_cache=False)
    assert len(_Handler.hits) == 3


def test_redirect_and_charset_header(server: str) -> None:
    assert load_article(server + "/moved").title == "Ferry strike ends after talks"
    assert "\u201cWe got most" in load_article(server + "/legacy").text


def test_plain_text_and_markdown_urls(server: str) -> None:
    plain = load_article(server + "/plain.txt")
    assert plain.title == "Plain headline here" and plain.site == "127.0.0.1"
    notes = load_article(server + "/notes.md")
    assert notes.title == "Notes from the port" and notes.text.endswith("Crews returned to work.")


def test_http_error_status(server: str) -> None:
    assert _error(server + "/missing") == f"cannot fetch {server}/missing: HTTP 404 Not Found"


def test_blocked_request_suggests_saving_the_page(server: str) -> None:
    message = _error(server + "/blocked")
    assert message.startswith(
        f"cannot fetch {server}/blocked: HTTP 403 Forbidden (if the site blocks programs"
    )


def test_non_html_content(server: str) -> None:
    assert _error(server + "/image.png") == f"{server}/image.png is not a web page (image/png)"


def test_page_without_article(server: str) -> None:
    assert "no article text found" in _error(server + "/empty-page")


def test_page_over_the_size_limit(server: str) -> None:
    assert "too large" in _error(server + "/big", max_bytes=1000)


def test_unreachable_host() -> None:
    url = f"http://127.0.0.1:{_closed_port()}/story"
    assert _error(url) == f"cannot fetch {url}: connection refused"


def test_invalid_address() -> None:
    assert "not a valid address" in _error("http:///nohost")


def test_non_ascii_address_is_encoded(server: str) -> None:
    assert load_article(server + "/caf\u00e9-news").title == "Caf\u00e9 news headline"
    assert "HTTP 404" in _error(server + "/with space")


def test_stale_cache_is_used_when_the_network_fails(server: str) -> None:
    from reader.sources import fetch

    url = f"http://127.0.0.1:{_closed_port()}/story"
    old = fetch.FetchedPage(url, "text/html", "utf-8", PAGE.encode("utf-8"), 0.0)  # fetched in 1970
    fetch._write_cache(url, old)
    assert load_article(url).title == "Ferry strike ends after talks"
    assert "connection refused" in _error(url, use_cache=False)


def test_fetched_page_facts_are_checked_against_the_fetch(server: str) -> None:
    """A publication day after the fetch is dropped; the address's own day stands; the address is kept."""
    article = load_article(server + "/2024/06/02/ferry")
    assert (article.meta.date, article.meta.date_from) == ("2024-06-02", "url")
    assert article.meta.url == server + "/2024/06/02/ferry"
    assert article.meta.authors == ["Sam Okafor"]
