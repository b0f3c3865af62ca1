"""Fetching from a hostile server, through the installed command: one fetch policy, one clean line.

A local server sends what a hostile one would: redirects to other schemes, escape sequences in the
reason phrase, the content type and the redirect target, a body trickled a byte at a time, and the
user's own credentials come back in no message.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.terminal import UNSAFE as UNSAFE_TEXT
from reader.terminal import mask_url

ESCAPES = "\x1b]0;pwned\x07\x1b[2J\x9b31m\u202e"


REDIRECTS = [
    "ftp://127.0.0.1/pub/story.html",
    "file:///etc/passwd",
    "gopher://127.0.0.1/1",
    "javascript:alert(1)",
]


def test_a_redirect_leaves_http_only_with_a_refusal(
    reader: Callable[..., object], serve: Callable[..., str]
) -> None:
    urls = [
        serve(f"/redirect-{i}", status=302, reason="Found", headers=[("Location", target)])
        for i, target in enumerate(REDIRECTS)
    ]
    run = reader("analyze", "--jsonl", *urls, failures=len(urls))
    assert run.code != 0  # type: ignore[attr-defined]
    errors = _errors(run)
    assert len(errors) == len(REDIRECTS)
    assert all("only http and https" in line for line in errors)
    for target in REDIRECTS:  # the batch engine reports in the order its workers finish
        assert any(f"redirected to {target.split(':')[0]}:" in line for line in errors), target


def _errors(run: object) -> list[str]:
    """Each failed source's one-line error: its JSON line's "error", else its line on stderr."""
    found = [
        json.loads(line)["error"]
        for line in run.stdout.splitlines()  # type: ignore[attr-defined]
        if line.startswith("{") and '"error"' in line
    ]
    found = found or [line for line in run.stderr.strip().splitlines() if line]  # type: ignore[attr-defined]
    for error in found:
        assert "\n" not in error and UNSAFE_TEXT.search(error) is None
    return found


HOSTILE_REPLIES: list[tuple[str, dict[str, object]]] = [
    ("/reason", {"status": 404, "reason": f"Not {ESCAPES} Found"}),
    ("/reason-403", {"status": 403, "reason": "Forbidden\x1b[8m"}),
    ("/type", {"headers": [("Content-Type", f"text/x-{ESCAPES}evil")]}),
    ("/location", {"status": 302, "headers": [("Location", f"/next{ESCAPES}")]}),
    ("/length", {"headers": [("Content-Type", "text/html"), ("Content-Length", "99999999999999999999")]}),
    ("/charset", {"headers": [("Content-Type", f"text/html; charset={ESCAPES}")]}),
    ("/length-junk", {"headers": [("Content-Type", "text/html"), ("Content-Length", f"12{ESCAPES}")]}),
]


def test_server_words_reach_the_terminal_clean(
    reader: Callable[..., object], serve: Callable[..., str], article_html: bytes
) -> None:
    urls = [serve(path, article_html, **route) for path, route in HOSTILE_REPLIES]  # type: ignore[arg-type]
    # The fixture checks the rules: clean streams, one line per failed source, no traceback.
    run = reader("analyze", "--jsonl", *urls, failures=len(urls))
    lines = _errors(run)
    assert any("HTTP 404 Not" in line for line in lines) and any("not a web page" in line for line in lines)
    assert run.stdout.count("Maria Lind") >= 1  # type: ignore[attr-defined]  # a bad charset is not fatal


def test_a_trickling_server_is_cut_off_at_the_deadline(
    reader: Callable[..., object], serve: Callable[..., str]
) -> None:
    url = serve("/trickle", b"<html><body><p>" + b"word " * 2000, pause=0.2)
    began = time.monotonic()
    run = reader("analyze", url, env={"READER_FETCH_TIMEOUT": "1.5"})
    assert run.code == 2 and "timed out" in run.stderr and "1.5 s" in run.stderr  # type: ignore[attr-defined]
    assert time.monotonic() - began < 30


def test_the_deadline_setting_is_checked(
    reader: Callable[..., object], serve: Callable[..., str], article_html: bytes
) -> None:
    url = serve("/for-deadline", article_html)
    run = reader("analyze", url, env={"READER_FETCH_TIMEOUT": "soon\x1b[2J"})
    assert run.code == 2 and "READER_FETCH_TIMEOUT" in run.stderr  # type: ignore[attr-defined]


def test_credentials_never_appear_in_a_message(
    reader: Callable[..., object], serve: Callable[..., str]
) -> None:
    url = serve("/private", status=401, reason="Unauthorized")
    with_secret = url.replace("http://", "http://alice:hunter2@") + "?token=s3cret&page=2"
    run = reader("analyze", with_secret)
    assert run.code == 2  # type: ignore[attr-defined]
    assert "hunter2" not in run.stderr and "s3cret" not in run.stderr and "alice" not in run.stderr  # type: ignore[attr-defined]
    assert "***@" in run.stderr and "page=2" in run.stderr  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://bob:pw@example.org/a", "https://***@example.org/a"),
        ("https://example.org/a?api_key=xyz&q=1", "https://example.org/a?api_key=***&q=1"),
        ("https://example.org/\x1b[2Jx", "https://example.org/␛[2Jx"),
        ("https://example.org/plain", "https://example.org/plain"),
    ],
)
def test_mask_url(url: str, shown: str) -> None:
    assert mask_url(url) == shown


def test_no_cache_reaches_the_page_cache(
    reader: Callable[..., object], serve: Callable[..., str], article_html: bytes, private_dirs: Path
) -> None:
    url = serve("/cached-story", article_html)
    pages = private_dirs / "cache" / "pages"
    run = reader("analyze", "--no-cache", url)
    assert run.code == 0  # type: ignore[attr-defined]
    assert not pages.exists() or not any(pages.iterdir())
