"""Shared fixtures: a private config/cache/data home per test, and one loaded spaCy model per run."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "sample_articles" / "iran-missile-strikes.txt"


# Subprocess tests run the installed `reader` script; it sits beside this interpreter even when the
# virtual environment is not activated (`.venv/bin/python -m pytest`).
os.environ["PATH"] = str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")


@pytest.fixture(autouse=True)
def private_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every user directory at a temporary folder so a developer's own config never leaks in."""
    home = tmp_path_factory.mktemp("home")
    for kind in ("config", "cache", "data"):
        (home / kind).mkdir()
        monkeypatch.setenv(f"READER_{kind.upper()}_DIR", str(home / kind))
    monkeypatch.delenv("NO_COLOR", raising=False)
    return home


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The spaCy pipeline the reader picks by default, loaded once for the whole run."""
    from reader.analysis.nlp import load_model, resolve_model

    return load_model(resolve_model(None))


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


LASTING_NOTICE = 600.0  # seconds: longer than any test


@pytest.fixture
def lasting_notices(monkeypatch: pytest.MonkeyPatch) -> None:
    """The app's notices stay up for the whole test.

    A notice vanishes after two or three seconds; on a busy machine a pilot can take longer than that
    between the key that raised it and the check or snapshot that reads it, and would find nothing.
    What a test proves is which notices were raised and how they look, never how long they last.
    """
    from reader.ui.app import ReaderApp

    notify = ReaderApp.notify

    def lasting(app: ReaderApp, message: str, **options: Any) -> None:
        notify(app, message, **{**options, "timeout": LASTING_NOTICE})

    monkeypatch.setattr(ReaderApp, "notify", lasting)


@pytest.fixture
def steady_flash(monkeypatch: pytest.MonkeyPatch) -> None:
    """A jump's flash outlasts a slow machine's pauses, so tests that read or show it never race its timer."""
    from reader.ui.widgets.article_view import ArticleView

    monkeypatch.setattr(ArticleView, "FLASH_SECONDS", 60.0)
