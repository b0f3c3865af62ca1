"""An incomplete install: without the language detector the analysis still runs, language unknown.

The detector (py3langid) is a dependency, but a package can go missing or its model file be damaged.
The reader must then say nothing of the language rather than die in a thread with a traceback.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from reader.analysis import language

DATA = Path(__file__).resolve().parent / "data" / "meta"


@pytest.fixture
def no_detector(monkeypatch: pytest.MonkeyPatch) -> None:
    """`import py3langid` fails as it would with the package gone (a None entry makes import raise)."""
    monkeypatch.setitem(sys.modules, "py3langid", None)
    monkeypatch.setitem(sys.modules, "py3langid.langid", None)
    monkeypatch.setattr(language, "_identifier", None)
    monkeypatch.setattr(language, "_unavailable", False)


@pytest.mark.usefixtures("no_detector")
def test_without_the_detector_a_foreign_text_is_unknown_and_english_still_english() -> None:
    assert language.detect_language((DATA / "french.txt").read_text(encoding="utf-8")) is None
    assert language.detect_language((DATA / "short-english.txt").read_text(encoding="utf-8")) == "en"
    assert language.language_warning(None) is None


@pytest.mark.usefixtures("no_detector")
def test_warming_up_without_the_detector_raises_nothing_in_its_thread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    failures: list[threading.ExceptHookArgs] = []
    monkeypatch.setattr(threading, "excepthook", failures.append)
    language.warm_up()
    for thread in threading.enumerate():
        if thread.name == "language-model":
            thread.join(timeout=30)
    assert failures == []
    assert language._unavailable


def test_a_damaged_model_file_is_unknown_too(monkeypatch: pytest.MonkeyPatch) -> None:
    import py3langid.langid as langid  # type: ignore[import-untyped]

    def broken(*_args: object, **_kwargs: object) -> object:
        raise OSError("model file unreadable")

    monkeypatch.setattr(langid.LanguageIdentifier, "from_model_file", broken)
    monkeypatch.setattr(language, "_identifier", None)
    monkeypatch.setattr(language, "_unavailable", False)
    assert language.detect_language((DATA / "french.txt").read_text(encoding="utf-8")) is None


@pytest.fixture
def missing_package(tmp_path: Path) -> dict[str, str]:
    """An environment whose `py3langid` is a broken stand-in found before the real one."""
    fake = tmp_path / "shadow" / "py3langid"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text('raise ImportError("py3langid is not installed")\n', encoding="utf-8")
    env = dict(os.environ)
    env["PYTHONPATH"] = str(fake.parent) + os.pathsep + env.get("PYTHONPATH", "")
    return env


@pytest.mark.parametrize("mode", [["--json"], ["--jsonl", "--jobs", "1"], []])
def test_reader_analyze_works_without_the_detector(missing_package: dict[str, str], mode: list[str]) -> None:
    result = subprocess.run(
        ["reader", "analyze", str(DATA / "french.txt"), *mode, "--no-cache"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=missing_package,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "Error" not in result.stderr, result.stderr
    assert "looks French" not in result.stderr  # unknown: no warning either way
    if mode:
        doc = json.loads(result.stdout.splitlines()[0])
        assert doc["meta"]["language"] is None
        assert doc["actors"] or doc["entities"]  # the analysis itself ran
