"""Every kind of input, good and bad, through the installed `reader` command.

Happy paths use `reader analyze` (the app needs a terminal); the JSON it prints carries the text as
decoded, so these tests also check that every offset indexes exactly that text. Bad inputs must give
exit code 2 and exactly one line on stderr, with no traceback, whichever command reads them.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_articles"
READER = shutil.which("reader")

pytestmark = pytest.mark.skipif(READER is None, reason="the reader command is not installed")

STORY = (
    "Harbour plan approved after two-year fight\n\n"
    "The council voted 7-2 on Tuesday to approve the harbour plan, officials in Portsmouth said.\n\n"
    "\u201cThis is a good day for the town,\u201d said Mayor Ellen Park. \u201cWe waited long enough.\u201d\n"
)


def run(*args: str, stdin: bytes | None = None, timeout: float = 240) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [READER or "reader", *args],
        input=stdin if stdin is not None else b"",
        capture_output=True,
        timeout=timeout,
        env={**os.environ, "COLUMNS": "100"},
        check=False,
    )


def assert_one_line_error(
    result: subprocess.CompletedProcess[bytes], *fragments: str, status: int = 2
) -> str:
    stderr = result.stderr.decode("utf-8", "replace")
    assert result.returncode == status, stderr
    assert "Traceback" not in stderr
    assert stderr.endswith("\n") and stderr.count("\n") == 1, repr(stderr)
    assert stderr.startswith("reader: ")
    assert "\x1b" not in stderr
    for fragment in fragments:
        assert fragment in stderr, stderr
    return stderr


def _spans(analysis: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield from analysis["entities"]
    for record in (*analysis["actors"], *analysis["places"]):
        yield from record["mentions"]
    for event in analysis["events"]:
        yield event["trigger"]
        yield event["sentence"]
    for quote in analysis["quotes"]:
        yield quote["content"]
        yield from quote["segments"]
        for key in ("speaker", "cue"):
            if quote[key] is not None:
                yield quote[key]


def assert_spans_index_text(analysis: dict[str, Any]) -> None:
    text = analysis["text"]
    for span in _spans(analysis):
        assert 0 <= span["start"] <= span["end"] <= len(text)
        assert text[span["start"] : span["end"]] == span["text"]


# --- good inputs ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def odd_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("inputs")
    files = {
        "crlf": ("story-dos.txt", STORY.replace("\n", "\r\n").encode("utf-8")),
        "bom": ("story-bom.txt", b"\xef\xbb\xbf" + STORY.encode("utf-8")),
        "utf16": ("story-utf16.txt", b"\xff\xfe" + STORY.encode("utf-16-le")),
        "cp1252": ("story-legacy.txt", STORY.replace("Park", "Park, caf\u00e9 owner,").encode("cp1252")),
        "unknown": ("story.article", STORY.encode("utf-8")),
        "escapes": ("story-escapes.txt", STORY.replace("Tuesday", "Tuesday\x1b[2J\x1b]0;x\x07").encode()),
        "markdown": (
            "story.md",
            b"# Harbour plan approved\n\nThe **council** voted [7-2](http://x) on Tuesday.\n",
        ),
    }
    paths = {}
    for key, (name, data) in files.items():
        path = folder / name
        path.write_bytes(data)
        paths[key] = path
    return paths


@pytest.fixture(scope="module")
def jsonl_run(odd_files: dict[str, Path]) -> tuple[subprocess.CompletedProcess[bytes], list[Path]]:
    """One `reader analyze --jsonl` over every sample and odd file (one model load for all of them)."""
    sources = sorted(SAMPLES.iterdir()) + list(odd_files.values())
    return run("analyze", "--jsonl", *map(str, sources)), sources


def test_every_sample_and_encoding_analyses(
    jsonl_run: tuple[subprocess.CompletedProcess[bytes], list[Path]],
) -> None:
    result, sources = jsonl_run
    assert result.returncode == 0, result.stderr.decode()
    assert result.stderr == b""
    documents = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    # Lines come as each article finishes: every source once, in any order.
    assert sorted(doc["source"] for doc in documents) == sorted(str(path) for path in sources)
    for doc in documents:
        assert doc["text"].strip()
        assert "\r" not in doc["text"] and "\ufeff" not in doc["text"] and "\x1b" not in doc["text"]
        assert_spans_index_text(doc)


def test_decoded_texts_match(jsonl_run: tuple[subprocess.CompletedProcess[bytes], list[Path]]) -> None:
    documents = {
        Path(doc["source"]).name: doc for doc in map(json.loads, jsonl_run[0].stdout.decode().splitlines())
    }
    for name in ("story-dos.txt", "story-bom.txt", "story-utf16.txt", "story.article"):
        assert documents[name]["text"] == STORY.rstrip()
        assert documents[name]["title"] == "Harbour plan approved after two-year fight"
    assert "Park, caf\u00e9 owner," in documents["story-legacy.txt"]["text"]
    escaped = documents["story-escapes.txt"]["text"]
    assert "Tuesday\u241b[2J\u241b]0;x\u2407" in escaped and len(escaped) == len(STORY.rstrip()) + 10
    assert documents["story.md"]["text"] == "Harbour plan approved\n\nThe council voted 7-2 on Tuesday."
    seed = documents["iran-missile-strikes.txt"]
    assert seed["body_end"] < len(seed["text"])
    assert seed["text"][seed["body_end"] :].startswith("Leave a Reply")
    assert not any("Pinterest" in a["name"] for a in seed["actors"])
    page = documents["tram-extension-saved-page.html"]
    assert page["title"] == "Tram extension to Eastfield approved after marathon council debate"
    assert "Leave a Reply" not in page["text"] and "Most read" not in page["text"]
    long_read = documents["inchmorra-long-read.txt"]
    assert len(long_read["text"].split()) >= 5000


def test_summary_output_is_terminal_safe(odd_files: dict[str, Path]) -> None:
    result = run("analyze", str(odd_files["escapes"]))
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode("utf-8")
    assert "Harbour plan approved" in out
    assert "\x1b" not in out and "\x07" not in out


def test_stdin(odd_files: dict[str, Path]) -> None:
    result = run("analyze", "--json", "-", stdin=odd_files["cp1252"].read_bytes())
    assert result.returncode == 0, result.stderr.decode()
    doc = json.loads(result.stdout)
    assert doc["source"] == "-" and "caf\u00e9 owner" in doc["text"]
    assert doc["title"] == "Harbour plan approved after two-year fight"
    assert_spans_index_text(doc)


PAGE = (SAMPLES / "tram-extension-saved-page.html").read_bytes()


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        routes = {
            "/tram": (200, "text/html; charset=utf-8", PAGE),
            "/logo.png": (200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64)),
            "/nav-only": (200, "text/html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>"),
        }
        status, kind, body = routes.get(self.path, (404, "text/html", b"<h1>Not Found</h1>"))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_url(server: str) -> None:
    result = run("analyze", "--json", server + "/tram")
    assert result.returncode == 0, result.stderr.decode()
    doc = json.loads(result.stdout)
    assert doc["source"] == server + "/tram"
    assert doc["title"] == "Tram extension to Eastfield approved after marathon council debate"
    assert "Share on Facebook" not in doc["text"]
    assert_spans_index_text(doc)


# --- bad inputs -------------------------------------------------------------------------------------


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_url_errors(server: str) -> None:
    assert_one_line_error(run("analyze", server + "/missing"), "HTTP 404")
    assert_one_line_error(run("analyze", server + "/logo.png"), "not a web page (image/png)")
    assert_one_line_error(run("analyze", server + "/nav-only"), "no article text")
    assert_one_line_error(run("analyze", f"http://127.0.0.1:{_closed_port()}/x"), "connection refused")


BINARIES = {
    "scan.pdf": (b"%PDF-1.5\n%\xb5\xb5\n1 0 obj\n<<>>\nendobj\n" + bytes(range(256)), "a PDF document"),
    "photo.png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "a PNG image"),
    "photo.jpg": (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)), "a JPEG image"),
    "archive.zip": (b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)), "a ZIP archive"),
    "story.txt.gz": (b"\x1f\x8b\x08\x00\x00\x00\x00\x00" + bytes(range(256)), "a gzip archive"),
    "program": (b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)), "an executable program"),
}


@pytest.mark.parametrize("name", sorted(BINARIES))
def test_binary_files(tmp_path: Path, name: str) -> None:
    data, kind = BINARIES[name]
    path = tmp_path / name
    path.write_bytes(data)
    assert_one_line_error(run("analyze", str(path)), f"looks like {kind}, not an article")


def test_bad_files(tmp_path: Path) -> None:
    assert_one_line_error(run("analyze", str(tmp_path / "missing.txt")), "no such file")
    assert_one_line_error(run("analyze", str(tmp_path)), "no articles (.txt, .md, .html, .htm) in the folder")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert_one_line_error(run("analyze", str(empty)), "is empty")
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b" \n\n\t \r\n")
    assert_one_line_error(run("analyze", str(blank)), "is empty")
    nul = tmp_path / "nul.txt"
    nul.write_bytes(b"Some words\x00\x01\x02 and \x00 more \x03\x00" * 20)
    assert_one_line_error(run("analyze", str(nul)), "NUL bytes")
    noise = tmp_path / "noise.txt"
    noise.write_bytes(b"Not UTF-8: " + bytes((i * 7919 + 13) % 255 + 1 for i in range(4000)))
    assert_one_line_error(run("analyze", str(noise)))
    assert_one_line_error(run("analyze", "-", stdin=b""), "stdin is empty")


def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(STORY)
    if os.geteuid() != 0:
        path.chmod(0)
        assert_one_line_error(run("analyze", str(path)), "permission denied")
        return
    # Root reads any file, so refuse the read inside the real command-line entry point instead.
    import sys

    code = (
        "import pathlib, sys\n"
        "def refuse(*args, **kwargs):\n"
        "    raise PermissionError(13, 'Permission denied')\n"
        "pathlib.Path.open = refuse\n"
        "from reader.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, "analyze", str(path)], capture_output=True, timeout=120, check=False
    )
    assert_one_line_error(result, "cannot read", "permission denied")


def test_bad_input_to_the_app_is_one_line_too(tmp_path: Path) -> None:
    """`reader FILE` reads the article before it takes the terminal, so it fails the same way."""
    assert_one_line_error(run(str(tmp_path / "missing.txt")), "no such file")
    png = tmp_path / "photo.txt"
    png.write_bytes(BINARIES["photo.png"][0])
    assert_one_line_error(run(str(png)), "looks like a PNG image")
    assert_one_line_error(run("-", stdin=b"   \n"), "stdin is empty")


def test_one_bad_source_among_several(odd_files: dict[str, Path], tmp_path: Path) -> None:
    result = run("analyze", "--jsonl", str(tmp_path / "missing.txt"), str(odd_files["bom"]))
    assert_one_line_error(result, "missing.txt", "no such file", status=1)
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [r["source"] for r in records if "error" not in r] == [str(odd_files["bom"])]
    assert [r["source"] for r in records if "error" in r] == [str(tmp_path / "missing.txt")]
