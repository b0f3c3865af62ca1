"""`reader FILE` fails fast, with one line and exit code 2, before the UI takes the terminal."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parents[2] / "sample_articles" / "iran-missile-strikes.txt"
READER = shutil.which("reader")

pytestmark = pytest.mark.skipif(READER is None, reason="the reader command is not installed")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--theme", "no-such-theme", str(SEED)], "unknown theme 'no-such-theme'; available:"),
        (["--model", "no_such_model", str(SEED)], "model 'no_such_model' is not installed"),
        (["--width", "5", str(SEED)], "--width must be at least 20"),
        ([str(SEED)], "the reader needs a terminal"),
    ],
)
def test_bad_startup_gives_one_line_and_exit_2(args: list[str], message: str) -> None:
    result = subprocess.run(
        [READER, *args], capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("reader: ") and message in lines[0]
    assert "Traceback" not in result.stderr
