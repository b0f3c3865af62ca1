"""The installed `reader` in a real pseudo-terminal: opens, takes keys, quits with exit code 0."""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")

SEED = Path(__file__).resolve().parents[2] / "sample_articles" / "iran-missile-strikes.txt"
READER = shutil.which("reader")

pytestmark = [
    pytest.mark.skipif(READER is None, reason="the reader command is not installed"),
    pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal"),
]


def _spawn(command: str, args: list[str]):
    env = {**os.environ, "COLUMNS": "120", "LINES": "40", "TERM": "xterm-256color"}
    return pexpect.spawn(command, args, dimensions=(40, 120), encoding="utf-8", timeout=60, env=env)


def _press(child, *keys: str) -> None:
    """Send keys one by one, reading the screen updates in between as a terminal would.

    (A pseudo-terminal nobody reads from fills up and stalls the app's output.)
    """
    for key in keys:
        child.send(key)
        child.expect([pexpect.TIMEOUT], timeout=0.15)


def _quit(child) -> None:
    child.send("q")
    child.expect(pexpect.EOF, timeout=20)
    child.close()
    assert child.exitstatus == 0, child.before[-2000:]


def test_open_read_search_and_quit() -> None:
    child = _spawn(READER, [str(SEED)])
    child.expect("foreign")
    _press(child, "j", "j", "G", "g", "]", "s", "/", *"Tehran")
    child.expect("matches")
    _press(child, "\x1b")  # Esc clears the search
    time.sleep(0.3)  # a lone Esc, not the start of an escape sequence
    child.send("?")
    child.expect("What it does")
    _press(child, "\x1b")
    time.sleep(0.3)
    _quit(child)


def test_piped_article_still_reads_keys_from_the_terminal() -> None:
    child = _spawn("/bin/sh", ["-c", f"cat '{SEED}' | '{READER}' -"])
    child.expect("foreign")
    _press(child, "j", " ")
    child.send("\x03")  # ctrl+c with nothing selected quits, also while the analysis runs
    child.expect(pexpect.EOF, timeout=60)
    child.close()
    assert child.exitstatus == 0


def test_a_q_typed_while_the_article_opens_quits() -> None:
    """Keys typed before the screen is drawn reach the text's keys, not a hidden filter box."""
    child = _spawn(READER, [str(SEED)])
    child.send("q")  # at once: the process has not even started reading keys
    child.expect(pexpect.EOF, timeout=60)
    child.close()
    assert child.exitstatus == 0
