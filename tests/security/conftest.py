"""Shared by the hostile-input tests: run the installed `reader`, and judge what reached the terminal.

Every run must end in normal output or a non-zero exit with exactly one line on stderr, never a
traceback, and no byte a terminal would act on may reach stdout or stderr: C0 controls other than
newline and tab, DEL, C1 controls, Unicode line separators or bidi overrides.
"""

from __future__ import annotations

import os
import re
import subprocess
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

#: What a terminal may act on, in text decoded with surrogateescape (raw C1 bytes become \udc80-\udc9f).
UNSAFE_OUTPUT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\udc80-\udc9f]")


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str


def judge(run: Run, failures: int = 1) -> Run:
    """Assert the rules every run keeps, whatever the input; returns the run for further checks.

    `failures`: how many sources of a multi-source run may each add their one line to stderr.
    """
    for name, stream in (("stdout", run.stdout), ("stderr", run.stderr)):
        found = UNSAFE_OUTPUT.search(stream)
        assert found is None, f"{name} carries {found.group()!r}: {stream[:300]!r}"
    assert "Traceback" not in run.stderr and "Traceback" not in run.stdout, run.stderr
    if run.code != 0:
        lines = run.stderr.strip().splitlines()
        fewest = (
            1 if failures == 1 else 0
        )  # several sources (--jsonl) may report failures in their JSON lines
        assert fewest <= len(lines) <= failures, f"expected one line per failure on stderr, got {lines!r}"
        assert all(line.startswith("reader: ") for line in lines), lines
    return run


def run_reader(
    *args: str, env: dict[str, str] | None = None, stdin: bytes | None = None, timeout: float = 120
) -> Run:
    """The installed command, its output decoded so that no raw byte is hidden from `judge`."""
    done = subprocess.run(
        ["reader", *args],
        input=stdin if stdin is not None else b"",
        capture_output=True,
        timeout=timeout,
        env={**os.environ, "NO_COLOR": "1", **(env or {})},
    )
    return Run(
        done.returncode,
        done.stdout.decode("utf-8", "surrogateescape"),
        done.stderr.decode("utf-8", "surrogateescape"),
    )


@pytest.fixture
def reader() -> Callable[..., Run]:
    """`reader(*args)`: run the installed command and check it against the rules."""

    def run(*args: str, failures: int = 1, **kwargs: object) -> Run:
        return judge(run_reader(*args, **kwargs), failures)  # type: ignore[arg-type]

    return run


#: A route: (status, reason phrase, headers, body, seconds to wait between body bytes).
Route = tuple[int, str, list[tuple[str, str]], bytes, float]
ROUTES: dict[str, Route] = {}
HITS: list[str] = []


class HostileHandler(BaseHTTPRequestHandler):
    """Serves ROUTES verbatim: any reason phrase, any header, trickled bodies."""

    protocol_version = "HTTP/1.0"

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        HITS.append(self.path)
        status, reason, headers, body, pause = ROUTES.get(self.path, (404, "Not Found", [], b"", 0.0))
        self.wfile.write(f"HTTP/1.0 {status} ".encode() + reason.encode("latin-1", "replace") + b"\r\n")
        for name, value in headers:
            self.wfile.write(f"{name}: ".encode() + value.encode("latin-1", "replace") + b"\r\n")
        self.wfile.write(b"\r\n")
        try:
            if not pause:
                self.wfile.write(body)
                return
            for byte in body:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                threading.Event().wait(pause)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - keep test output quiet
        pass


@pytest.fixture(scope="session")
def hostile_server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), HostileHandler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def serve(hostile_server: str) -> Callable[..., str]:
    """`serve(path, body=..., status=..., reason=..., headers=..., pause=...)`: the URL of a new route."""

    def add(
        path: str,
        body: bytes = b"",
        *,
        status: int = 200,
        reason: str = "OK",
        headers: list[tuple[str, str]] | None = None,
        pause: float = 0.0,
    ) -> str:
        default = [("Content-Type", "text/html; charset=utf-8")]
        ROUTES[path] = (status, reason, default if headers is None else headers, body, pause)
        return f"http://{hostile_server}{path}"

    return add


ARTICLE = (
    "<html><head><title>Ferry strike ends</title></head><body><article><h1>Ferry strike ends</h1>"
    "<p>Ferry crews returned to work on Sunday after a week-long strike that stranded thousands of"
    " travellers on the islands, the operator said.</p><p>\u201cWe got most of what we asked for,\u201d"
    " said union organiser Maria Lind, speaking at the port on Sunday morning.</p></article></body></html>"
).encode()


@pytest.fixture
def article_html() -> bytes:
    """A small, well-formed news page."""
    return ARTICLE
