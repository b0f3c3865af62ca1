"""The download deadline as a setting: `fetch_timeout` in config.toml, READER_FETCH_TIMEOUT still wins."""

from __future__ import annotations

import os
import subprocess
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from reader.errors import ReaderError
from reader.settings.config import DEFAULT_CONFIG_TEXT, config_path, parse_config
from reader.sources import fetch


def write_config(text: str) -> Path:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("", fetch.DEADLINE_SECONDS), ("fetch_timeout = 5", 5.0), ("fetch_timeout = 0.5", 0.5)],
)
def test_the_config_sets_the_deadline(monkeypatch: pytest.MonkeyPatch, text: str, seconds: float) -> None:
    monkeypatch.delenv(fetch.DEADLINE_VARIABLE, raising=False)
    write_config(text)
    assert fetch.deadline_seconds() == seconds


def test_the_environment_wins_over_the_config(monkeypatch: pytest.MonkeyPatch) -> None:
    write_config("fetch_timeout = 5")
    monkeypatch.setenv(fetch.DEADLINE_VARIABLE, "12")
    assert fetch.deadline_seconds() == 12.0


@pytest.mark.parametrize("value", ["0", "-3", "3601", "inf", "nan", '"30"', "true", "[30]"])
def test_a_bad_value_is_one_clear_error(value: str) -> None:
    from reader.settings.config import tomllib

    data = tomllib.loads(f"fetch_timeout = {value}")
    with pytest.raises(ReaderError, match=r"'fetch_timeout' must be a number of seconds") as error:
        parse_config(data, "config.toml")
    assert "\n" not in str(error.value)


def test_the_default_file_documents_the_key() -> None:
    assert "# fetch_timeout = 30" in DEFAULT_CONFIG_TEXT
    from reader.settings.config import tomllib

    uncommented = DEFAULT_CONFIG_TEXT.replace("# fetch_timeout = 30", "fetch_timeout = 30")
    config, warnings = parse_config(tomllib.loads(uncommented), "config.toml")
    assert config.fetch_timeout == 30.0 and warnings == []


def reader(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["reader", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env if env is not None else dict(os.environ),
        timeout=120,
    )


def test_reader_config_shows_and_checks_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(fetch.DEADLINE_VARIABLE, raising=False)
    shown = reader("config")
    assert shown.returncode == 0, shown.stderr
    assert "# fetch_timeout =" in shown.stdout and "30 s for a whole download" in shown.stdout
    write_config("fetch_timeout = 7.5\n")
    shown = reader("config")
    assert shown.returncode == 0, shown.stderr
    assert "fetch_timeout = 7.5" in shown.stdout
    env = dict(os.environ, READER_FETCH_TIMEOUT="3")
    assert "READER_FETCH_TIMEOUT=3 overrides this" in reader("config", env=env).stdout
    path = write_config('fetch_timeout = "soon"\n')
    refused = reader("config")
    assert refused.returncode == 2
    assert refused.stderr.strip().splitlines() == [
        f"reader: {path}: 'fetch_timeout' must be a number of seconds for a whole download "
        "(more than 0, at most 3600), not a string"
    ]


class _Trickle(BaseHTTPRequestHandler):
    """Sends a page one byte every 0.2 s: only the overall deadline cuts it off."""

    def do_GET(self) -> None:  # noqa: N802 - the http.server name
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        try:
            for _ in range(100000):
                self.wfile.write(b"a")
                self.wfile.flush()
                time.sleep(0.2)
        except OSError:
            return

    def log_message(self, *_args: object) -> None:
        return


@pytest.fixture
def trickle() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Trickle)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/story"
    finally:
        server.shutdown()
        server.server_close()


def test_the_configured_deadline_cuts_a_trickling_download(
    monkeypatch: pytest.MonkeyPatch, trickle: str
) -> None:
    monkeypatch.delenv(fetch.DEADLINE_VARIABLE, raising=False)
    write_config("fetch_timeout = 1\n")
    env = dict(os.environ)
    env.pop(fetch.DEADLINE_VARIABLE, None)
    began = time.monotonic()
    result = reader("analyze", trickle, "--no-cache", env=env)
    took = time.monotonic() - began
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert "timed out" in lines[0] and "1 s" in lines[0]
    assert took < 20  # not the built-in 30 s
