"""Leaving the app at any moment, in a real pseudo-terminal: `q`, Ctrl-Q, signals, a closed terminal.

The analysis is slowed on purpose (READER_ANALYSIS_DELAY) so every exit below happens while it
runs; the bounds are generous (the 0.3 s figure is the benchmark's, `benchmarks/bench_exit.py`).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sys
import termios
import time
from pathlib import Path

import pytest

from reader.article import Article
from reader.settings import state as reader_state
from reader.ui.app import ReaderApp
from reader.ui.screens.article import ArticleScreen
from reader.ui.widgets.article_view import ArticleView

pexpect = pytest.importorskip("pexpect")

SEED = Path(__file__).resolve().parents[2] / "sample_articles" / "iran-missile-strikes.txt"
READER = shutil.which("reader")
#: Far longer than any test waits: an exit that waited for the analysis would time the test out.
SLOW = "600"

#: What the app switches on, and the sequence that switches it off: alternate screen, mouse, cursor.
MODES = [("\x1b[?1049h", "\x1b[?1049l"), ("\x1b[?1000h", "\x1b[?1000l"), ("\x1b[?25l", "\x1b[?25h")]

pytestmark = [
    pytest.mark.skipif(READER is None, reason="the reader command is not installed"),
    pytest.mark.skipif(sys.platform != "linux", reason="a Linux pseudo-terminal and /proc"),
]


def _spawn(home: Path, *args: str, delay: str = SLOW):
    env = {
        **os.environ,
        "COLUMNS": "100",
        "LINES": "30",
        "TERM": "xterm-256color",
        "READER_ANALYSIS_DELAY": delay,
    }
    child = pexpect.spawn(READER, [*args], dimensions=(30, 100), encoding="utf-8", timeout=60, env=env)
    return child


def _read_for(child, seconds: float) -> str:
    """What the app drew in the next `seconds` (a terminal nobody reads would stall the app)."""
    seen = []
    end = time.monotonic() + seconds
    while (left := end - time.monotonic()) > 0:
        try:
            seen.append(child.read_nonblocking(65536, timeout=min(left, 0.05)))
        except pexpect.TIMEOUT:
            continue
        except pexpect.EOF:
            break
    return "".join(seen)


def _saved_offset(data_dir: Path) -> int | None:
    try:
        state = json.loads((data_dir / "state.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    entry = state["positions"].get(str(SEED))
    return entry["offset"] if entry else None


def _our_processes(marker: str) -> list[int]:
    """Processes whose environment names this test's private folder (the app and its analysis)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes()
        except OSError:
            continue
        if marker.encode() in environ:
            found.append(int(entry.name))
    return found


def _wait_gone(marker: str, within: float = 5.0) -> list[int]:
    end = time.monotonic() + within
    while (left := _our_processes(marker)) and time.monotonic() < end:
        time.sleep(0.05)
    return left


def _open_and_scroll(private_dirs: Path):
    child = _spawn(private_dirs, str(SEED))
    child.expect("foreign minister")
    _read_for(child, 0.5)
    for key in ("j", "j", "j", " "):
        child.send(key)
        _read_for(child, 0.15)
    _read_for(child, 0.3)
    return child


def _exit_status(child) -> int:
    """The exit status (a signal that killed it as minus its number)."""
    try:
        _pid, status = os.waitpid(child.pid, 0)
    except ChildProcessError:  # pexpect saw the end first and reaped the process
        child.isalive()
        return child.exitstatus if child.exitstatus is not None else -(child.signalstatus or 0)
    child.terminated = True  # reaped here; pexpect must not wait for it again
    return os.waitstatus_to_exitcode(status)


def _assert_terminal_restored(child, output: str) -> None:
    modes = termios.tcgetattr(child.child_fd)
    assert modes[3] & termios.ECHO and modes[3] & termios.ICANON  # line editing and echo are back
    for on, off in (
        ("\x1b[?1049h", "\x1b[?1049l"),
        ("\x1b[?1000h", "\x1b[?1000l"),
        ("\x1b[?25l", "\x1b[?25h"),
    ):
        assert output.rfind(off) > output.rfind(on), repr(off)


@pytest.mark.parametrize("key", ["q", "\x11"], ids=["q", "ctrl+q"])
def test_a_key_leaves_mid_analysis_with_the_position_kept(private_dirs: Path, key: str) -> None:
    child = _open_and_scroll(private_dirs)
    sent = time.monotonic()
    child.send(key)
    output = _read_for(child, 10)  # returns as soon as the terminal closes
    elapsed = time.monotonic() - sent
    assert elapsed < 5, elapsed
    assert _exit_status(child) == 0
    assert (_saved_offset(private_dirs / "data") or 0) > 0
    _assert_terminal_restored(child, output)
    assert _wait_gone(str(private_dirs)) == []  # the analysis process is gone too


@pytest.mark.parametrize(("sig", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_leaves_with_128_plus_its_number(private_dirs: Path, sig: int, status: int) -> None:
    child = _open_and_scroll(private_dirs)
    os.kill(child.pid, sig)
    output = _read_for(child, 10)
    assert _exit_status(child) == status
    assert (_saved_offset(private_dirs / "data") or 0) > 0
    _assert_terminal_restored(child, output)
    assert _wait_gone(str(private_dirs)) == []


def test_closing_the_terminal_keeps_the_position(private_dirs: Path) -> None:
    child = _open_and_scroll(private_dirs)
    child.ptyproc.fileobj.close()  # the terminal window goes away: the kernel sends SIGHUP
    assert _exit_status(child) == 128 + signal.SIGHUP
    assert (_saved_offset(private_dirs / "data") or 0) > 0
    assert _wait_gone(str(private_dirs)) == []


def test_a_killed_process_keeps_the_position_read_a_moment_before(private_dirs: Path) -> None:
    child = _open_and_scroll(private_dirs)
    _read_for(child, 2.0)  # the position is saved about a second after the last scroll
    offset = _saved_offset(private_dirs / "data")
    os.kill(child.pid, signal.SIGKILL)
    _exit_status(child)
    assert offset is not None and offset > 0
    assert _saved_offset(private_dirs / "data") == offset
    assert _wait_gone(str(private_dirs)) == []  # the analysis process ends with its parent


async def test_q_mid_analysis_saves_the_position_on_screen(
    seed_article: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("READER_ANALYSIS_DELAY", SLOW)
    app = ReaderApp(seed_article)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("space", "j", "j")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticleScreen) and not screen.analysis_done
        on_screen = screen.query_one(ArticleView).top_offset
        assert on_screen > 0
        process = app.runner.process_id
        assert process is not None
        started = time.monotonic()
        await pilot.press("q")
    assert time.monotonic() - started < 5
    key = reader_state.article_key(seed_article.source, seed_article.text)
    assert reader_state.load_state().position(key) == on_screen
    with pytest.raises(ProcessLookupError):
        os.kill(process, 0)  # the analysis process was ended and reaped


async def test_an_analysis_cut_off_leaves_no_cache_entry(tmp_path: Path) -> None:
    from reader.analysis import cache
    from reader.ui.messages import AnalysisProgress

    long_read = SEED.parent / "inchmorra-long-read.txt"
    text = "\n\n".join([long_read.read_text(encoding="utf-8")] * 4)
    messages: list[object] = []
    app = ReaderApp(Article(text, source="-"))
    async with app.run_test(size=(100, 30), message_hook=messages.append) as pilot:
        end = time.monotonic() + 120
        while not any(isinstance(m, AnalysisProgress) for m in messages) and time.monotonic() < end:
            await pilot.pause(0.1)
        assert any(isinstance(m, AnalysisProgress) for m in messages)
        assert not app.screen.analysis_done  # the first part is shown, the rest is still being parsed
        await pilot.press("q")
    assert list(cache.cache_root().glob("*/*.json")) == []
