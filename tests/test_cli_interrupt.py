"""Stopping `reader analyze`: Ctrl-C, SIGTERM, a closed terminal: one line, 128 + signal, whole output."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "sample_articles" / "iran-missile-strikes.txt"
LONG_READ = ROOT / "sample_articles" / "inchmorra-long-read.txt"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and FIFOs")


def _start(*args: str, **kwargs: object) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        ["reader", "analyze", *args],
        stdout=kwargs.pop("stdout", subprocess.PIPE),  # type: ignore[arg-type]
        stderr=subprocess.PIPE,
        stdin=kwargs.pop("stdin", subprocess.DEVNULL),  # type: ignore[arg-type]
        env=dict(os.environ),
        **kwargs,  # type: ignore[arg-type]
    )


def _stop(process: subprocess.Popen[bytes], sig: int) -> tuple[float, bytes, bytes]:
    """Send `sig`; seconds until the process is gone, and what it printed."""
    sent = time.monotonic()
    process.send_signal(sig)
    out, err = process.communicate(timeout=30)
    return time.monotonic() - sent, out, err


@pytest.mark.parametrize(
    ("sig", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 143), (signal.SIGHUP, 129)]
)
def test_waiting_on_a_fifo_nobody_writes_to(tmp_path: Path, sig: int, status: int) -> None:
    fifo = tmp_path / "article.fifo"
    os.mkfifo(fifo)
    process = _start(str(fifo), "--json")
    time.sleep(1.0)  # opening the FIFO blocks: no writer will ever come
    assert process.poll() is None
    elapsed, out, err = _stop(process, sig)
    assert process.returncode == status
    assert err.decode() == "reader: interrupted\n"
    assert out == b""
    assert elapsed < 5  # the figure that matters (0.5 s) is the benchmark's


def test_waiting_on_stdin_nobody_writes_to() -> None:
    read_end, write_end = os.pipe()
    try:
        process = _start("-", "--json", stdin=read_end)
        time.sleep(1.0)
        elapsed, out, err = _stop(process, signal.SIGINT)
    finally:
        os.close(read_end)
        os.close(write_end)
    assert (process.returncode, err.decode(), out) == (130, "reader: interrupted\n", b"")
    assert elapsed < 5


def test_interrupted_mid_parse_writes_nothing(tmp_path: Path) -> None:
    long_text = "\n\n".join([LONG_READ.read_text(encoding="utf-8")] * 12)  # about 64,000 words
    source = tmp_path / "long.txt"
    source.write_text(long_text, encoding="utf-8")
    target = tmp_path / "out.json"
    with target.open("wb") as out:
        process = _start(str(source), "--json", "--no-cache", stdout=out)
        time.sleep(4.0)  # the model is loading or the text is being parsed (that takes far longer)
        assert process.poll() is None
        elapsed, _out, err = _stop(process, signal.SIGINT)
    assert (process.returncode, err.decode()) == (130, "reader: interrupted\n")
    assert target.read_bytes() == b""  # a `--json` file is whole or not written at all
    assert elapsed < 5


def test_interrupted_jsonl_ends_on_a_whole_line(tmp_path: Path) -> None:
    warm = subprocess.run(["reader", "analyze", str(SEED), "--json"], capture_output=True, timeout=300)
    assert warm.returncode == 0, warm.stderr  # now every line below comes from the cache, at once
    copies = []
    for number in range(40):
        copy = tmp_path / f"copy-{number:02}.txt"
        copy.write_bytes(SEED.read_bytes())
        copies.append(str(copy))
    process = _start(*copies, "--jsonl")
    assert process.stdout is not None
    head = os.read(process.stdout.fileno(), 1000)  # a line is more than a pipe holds: the writer waits
    time.sleep(1.0)
    process.send_signal(signal.SIGINT)
    rest, err = process.communicate(timeout=30)
    output = head + rest
    assert (process.returncode, err.decode()) == (130, "reader: interrupted\n")
    assert output.endswith(b"\n")
    lines = output.decode("utf-8").splitlines()
    assert 1 <= len(lines) < 40
    for line in lines:
        assert json.loads(line)["source"] in copies
