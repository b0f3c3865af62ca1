"""Leaving and arriving: quit latency at any moment, and cold highlights against a bare spaCy process.

Run: python benchmarks/bench_exit.py [--runs N]   (POSIX; uses pexpect for a real pseudo-terminal)

1. Quit latency: `reader FILE` in a pseudo-terminal with a fresh (cold) cache each run; `q` is pressed
   0.5 s, 1 s and 3 s after the process started; the time from the keypress to the process exit is
   measured (median of N runs), on the seed article and on a 63k-word text. Also Ctrl-Q, and SIGTERM
   and SIGHUP (terminal closed) sent 1 s in, on the seed.
2. Cold highlights: process start to the highlights drawn (the panel's "Actors N"), cold cache,
   against a bare process that imports spaCy, loads the same model and parses the same text.
   Also the cached case: text and highlights together.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "sample_articles" / "iran-missile-strikes.txt"
LONG_SOURCE = ROOT / "sample_articles" / "inchmorra-long-read.txt"
READER = str(Path(sys.executable).parent / "reader")
HIGHLIGHTED = re.compile(r"Actors \d+|Filter \d+ actors")  # a tab with its count, or the filter box
TEXT_MARKER = "foreign minister"

BARE = """
import sys, time
import spacy
from reader.analysis.nlp import resolve_model
nlp = spacy.load(resolve_model(None).package)
text = open(sys.argv[1], encoding="utf-8").read()
nlp(text)
"""


def _private_env(home: Path) -> dict[str, str]:
    env = dict(os.environ, COLUMNS="120", LINES="40", TERM="xterm-256color")
    for kind in ("config", "cache", "data"):
        (home / kind).mkdir(parents=True, exist_ok=True)
        env[f"READER_{kind.upper()}_DIR"] = str(home / kind)
    return env


def _spawn(path: Path, env: dict[str, str]):
    import pexpect

    return pexpect.spawn(READER, [str(path)], dimensions=(40, 120), encoding="utf-8", timeout=120, env=env)


def _drain_until(child, deadline: float) -> None:
    """Read the screen updates until `deadline` (a terminal nobody reads would stall the app)."""
    import pexpect

    while (left := deadline - time.perf_counter()) > 0:
        try:
            child.read_nonblocking(65536, timeout=min(left, 0.05))
        except pexpect.TIMEOUT:
            continue
        except pexpect.EOF:
            return


def quit_latency(path: Path, after: float, how: str, tmp: Path) -> tuple[float, int | None]:
    """Seconds from the key or signal (`after` s into the run) to the process exit, and the exit code."""
    import pexpect

    with tempfile.TemporaryDirectory(dir=tmp) as home:
        child = _spawn(path, _private_env(Path(home)))
        start = time.perf_counter()
        _drain_until(child, start + after)
        sent = time.perf_counter()
        if how == "q":
            child.send("q")
        elif how == "ctrl+q":
            child.send("\x11")
        elif how == "SIGTERM":
            child.kill(signal.SIGTERM)
        elif how == "SIGHUP":
            child.ptyproc.fileobj.close()  # the terminal goes away: the kernel sends SIGHUP
        if how != "SIGHUP":
            child.expect(pexpect.EOF, timeout=60)
        while child.isalive():  # reaps the process as soon as it has exited
            time.sleep(0.002)
        latency = time.perf_counter() - sent
        code = child.exitstatus if child.exitstatus is not None else 128 + (child.signalstatus or 0)
        child.close()
        return latency, code


def highlights_time(path: Path, env: dict[str, str]) -> tuple[float, float]:
    """Seconds from spawning `reader path` to the text on screen, and to the highlights on screen."""
    import pexpect

    child = _spawn(path, env)
    start = time.perf_counter()
    child.expect(re.escape(TEXT_MARKER))
    text_at = time.perf_counter() - start
    child.expect(HIGHLIGHTED)
    highlights_at = time.perf_counter() - start
    child.send("q")
    child.expect(pexpect.EOF)
    child.close()
    return text_at, highlights_at


def bare_spacy(path: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", BARE, str(path)], check=True)
    return time.perf_counter() - start


def long_text() -> str:
    base = LONG_SOURCE.read_text(encoding="utf-8")
    copies = max(1, round(63_000 / len(base.split())))
    return "\n\n".join(base for _ in range(copies))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip-quit", action="store_true", help="only the highlight timings")
    args = parser.parse_args()
    runs = args.runs
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        long_path = tmp / "long.txt"
        text = long_text()
        long_path.write_text(text, encoding="utf-8")
        words = len(text.split())
        if not args.skip_quit:
            print(f"quit latency, keypress or signal to process exit (cold cache, median of {runs}):")
            for label, path in (("seed", SEED), (f"{words}-word text", long_path)):
                for after in (0.5, 1.0, 3.0):
                    found = [quit_latency(path, after, "q", tmp) for _ in range(runs)]
                    median = statistics.median(t for t, _ in found)
                    codes = sorted({c for _, c in found})
                    worst = max(t for t, _ in found)
                    print(f"  {label:16} q at {after:.1f} s: {median:.3f} s (max {worst:.3f}, exit {codes})")
            for how in ("ctrl+q", "SIGTERM", "SIGHUP"):
                found = [quit_latency(SEED, 1.0, how, tmp) for _ in range(runs)]
                median = statistics.median(t for t, _ in found)
                codes = sorted({c for _, c in found})
                print(f"  {'seed':16} {how} at 1.0 s: {median:.3f} s (exit {codes})")
        cold, bare, cached_text, cached_high = [], [], [], []
        for _ in range(runs):
            with tempfile.TemporaryDirectory(dir=tmp) as home:
                env = _private_env(Path(home))
                cold.append(highlights_time(SEED, env)[1])
                t_text, t_high = highlights_time(SEED, env)
                cached_text.append(t_text)
                cached_high.append(t_high)
            bare.append(bare_spacy(SEED))
        cold_m, bare_m = statistics.median(cold), statistics.median(bare)
        print(f"seed, cold highlights: {cold_m:.2f} s; bare spaCy (import, load, parse): {bare_m:.2f} s")
        print(f"  ratio {cold_m / bare_m:.2f}")
        print(
            f"seed, cached: text {statistics.median(cached_text):.2f} s, "
            f"highlights {statistics.median(cached_high):.2f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
