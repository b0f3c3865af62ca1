"""The type checker passes, so a change that breaks the types is caught with the rest of the suite.

The same check `.ci/run` runs afterwards: `python -m mypy` with the settings in pyproject.toml (strict).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_mypy_finds_no_errors() -> None:
    pytest.importorskip("mypy", reason="mypy comes with the test extra")
    result = subprocess.run(  # its cache (.mypy_cache) makes the next run, and .ci/run's, take a second
        [sys.executable, "-m", "mypy"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
