"""`reader analyze` as users run it: the installed command in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from reader.settings import paths

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "sample_articles" / "iran-missile-strikes.txt"


def reader(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["reader", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=dict(os.environ),
        timeout=300,
    )


def spans_of(doc: dict[str, Any]) -> list[dict[str, Any]]:
    spans = list(doc["entities"])
    for record in (*doc["actors"], *doc["places"]):
        spans += record["mentions"]
    for event in doc["events"]:
        spans += [event["trigger"], event["sentence"]]
    for quote in doc["quotes"]:
        spans += [s for s in (quote["content"], quote["speaker"], quote["cue"]) if s is not None]
        spans += quote.get("segments", [])
    return spans


def test_json_document_and_every_span(tmp_path: Path) -> None:
    result = reader("analyze", str(SEED), "--json")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["schema_version"] >= 1
    assert doc["text"] == SEED.read_text(encoding="utf-8")
    assert doc["source"] == str(SEED)
    assert doc["title"].startswith("Iranian leaders give mixed signals")
    assert doc["model"]["name"] and doc["model"]["version"]
    assert doc["body_end"] < len(doc["text"])  # the web footer is not analysed
    for key in ("entities", "actors", "places", "events", "quotes"):
        assert isinstance(doc[key], list) and doc[key], key
    spans = spans_of(doc)
    assert len(spans) > 200
    for span in spans:
        assert doc["text"][span["start"] : span["end"]] == span["text"], span
    ids = {r["id"] for r in (*doc["actors"], *doc["places"])}
    for event in doc["events"]:
        assert event["actor"] is None or event["actor"] in ids
        assert set(event) >= {"trigger", "actor", "object", "when", "where", "sentence"}
    for quote in doc["quotes"]:
        assert quote["kind"] in {"direct", "indirect", "mixed"}
        assert quote["actor"] is None or quote["actor"] in ids
    # The second run is answered from the cache, with the same result.
    assert list((paths.cache_dir() / "analyses").glob("*/*.json"))
    again = reader("analyze", str(SEED), "--json")
    assert json.loads(again.stdout) == doc


@pytest.mark.parametrize("command", ["analyze", "analyse"])
def test_plain_summary(command: str) -> None:
    result = reader(command, str(SEED))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("Iranian leaders give mixed signals")
    for heading in ("Actors (", "Places (", "Events (", "Quotes ("):
        assert heading in out
    assert "Qassem Soleimani" in out and "also: Soleimani" in out
    assert "main: Iran — launched over a dozen ballistic missiles" in out
    assert "Tuesday night" in out


def test_missing_model_is_one_line_exit_2() -> None:
    result = reader("analyze", str(SEED), "--model", "en_core_web_nothere")
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("reader: model 'en_core_web_nothere' is not installed")
    assert "Traceback" not in result.stderr


def test_missing_file_is_one_line_exit_2(tmp_path: Path) -> None:
    result = reader("analyze", str(tmp_path / "nope.txt"))
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_json_with_several_sources_is_refused(tmp_path: Path) -> None:
    result = reader("analyze", str(SEED), str(SEED), "--json")
    assert result.returncode == 2
    assert "--jsonl" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_jsonl_streams_one_line_per_source(tmp_path: Path) -> None:
    other = tmp_path / "worldcup.txt"
    other.write_text("Germany won the World Cup in 2014. Joachim Löw praised the team.\n", encoding="utf-8")
    result = reader("analyze", str(SEED), str(other), "--jsonl")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    docs = [json.loads(line) for line in lines]
    assert sorted(d["source"] for d in docs) == sorted([str(SEED), str(other)])
    docs.sort(key=lambda d: d["source"] != str(SEED))
    assert any(r["name"] == "Qassem Soleimani" for r in docs[0]["actors"])
    assert any(r["name"] == "Germany" for r in docs[1]["actors"])
    for doc in docs:
        for span in spans_of(doc):
            assert doc["text"][span["start"] : span["end"]] == span["text"]


def test_jsonl_goes_on_after_a_bad_source(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Germany won the World Cup in 2014.\n", encoding="utf-8")
    result = reader("analyze", str(tmp_path / "missing.txt"), str(good), "--jsonl")
    assert result.returncode == 1  # an article failed; the batch went on
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"] for r in records if "error" not in r] == [str(good)]
    errors = [r for r in records if "error" in r]
    assert errors == [{"source": str(tmp_path / "missing.txt"), "error": errors[0]["error"]}]
    assert "no such file" in errors[0]["error"]
    assert len(result.stderr.strip().splitlines()) == 1


def test_summary_goes_on_after_a_bad_source_with_the_batch_status(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Germany won the World Cup in 2014.\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = reader("analyze", str(tmp_path))
    assert result.returncode == 1  # as with --jsonl: an article failed, the others were printed
    assert "Germany" in result.stdout
    assert result.stderr.strip().splitlines() == [f"reader: {tmp_path / 'empty.txt'} is empty"]


def test_stdin() -> None:
    result = reader("analyze", "-", "--json", stdin="Germany won the World Cup in 2014.\n")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["source"] == "-"
    assert doc["actors"][0]["name"] == "Germany"
    assert doc["events"][0]["trigger"]["text"] == "won"


def test_no_cache_writes_nothing() -> None:
    result = reader("analyze", "-", "--json", "--no-cache", stdin="Iran launched missiles on Tuesday.\n")
    assert result.returncode == 0, result.stderr
    assert not list((paths.cache_dir() / "analyses").glob("*/*.json"))


def test_terminal_escapes_are_made_harmless(tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(
        "Angela Merkel\x1b]0;owned\x07 met Joe Biden in Berlin.\x1b[2J\n\n"
        "Merkel said \u202egnorw\u202c things.\n",
        encoding="utf-8",
    )
    result = reader("analyze", str(hostile))
    assert result.returncode == 0, result.stderr
    for char in ("\x1b", "\x07", "\u202e", "\x9b"):
        assert char not in result.stdout
    assert "Joe Biden" in result.stdout
    as_json = reader("analyze", str(hostile), "--json")
    assert "\x1b" not in as_json.stdout and "\u202e" not in as_json.stdout
    json.loads(as_json.stdout)


def test_cached_analyze_does_not_import_spacy() -> None:
    assert reader("analyze", str(SEED), "--json").returncode == 0  # fills the cache
    code = (
        "import sys\n"
        "from reader.cli import main\n"
        f"status = main(['analyze', {str(SEED)!r}, '--json'])\n"
        "print(status, 'spacy' in sys.modules, 'textual' in sys.modules, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=dict(os.environ), timeout=120
    )
    assert result.stderr.split() == ["0", "False", "False"], result.stderr
    assert json.loads(result.stdout)["actors"]


def test_analyse_is_accepted_as_well_as_analyze() -> None:
    british = subprocess.run(["reader", "analyse", str(SEED), "--json"], capture_output=True, timeout=300)
    american = subprocess.run(["reader", "analyze", str(SEED), "--json"], capture_output=True, timeout=300)
    assert british.returncode == american.returncode == 0, british.stderr
    assert json.loads(british.stdout) == json.loads(american.stdout)
