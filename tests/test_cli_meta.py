"""`reader analyze` reports the article's facts: the JSON `meta` object, the language and cut-off lines."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "meta"
ROOT = Path(__file__).resolve().parent.parent
WARNING = "names and quotes are found with an English model and will be unreliable"


def reader(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["reader", *args], capture_output=True, text=True, encoding="utf-8", env=dict(os.environ), timeout=300
    )


def test_json_meta_object_of_a_web_page() -> None:
    result = reader("analyze", str(ROOT / "sample_articles" / "tram-extension-saved-page.html"), "--json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    meta = json.loads(result.stdout)["meta"]
    assert meta == {
        "authors": ["Nadia Rahman"],
        "date": "2025-03-19",
        "date_from": "page-metadata",
        "site": "The Harbourside Gazette",
        "url": "https://www.harbourside-gazette.example/news/transport/tram-extension-eastfield-approved",
        "language": "en",
        "truncated": False,
        "truncated_why": None,
        "words": meta["words"],
        "reading_minutes": 3,
    }
    assert 550 < meta["words"] < 700


def test_foreign_articles_warn_once_each_and_are_still_analysed() -> None:
    result = reader(
        "analyze",
        str(DATA / "french.txt"),
        str(DATA / "german.txt"),
        str(DATA / "short-english.txt"),
        "--jsonl",
    )
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert lines == [
        f"reader: {DATA / 'french.txt'}: This article looks French; {WARNING}",
        f"reader: {DATA / 'german.txt'}: This article looks German; {WARNING}",
    ]
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["meta"]["language"] for d in docs] == ["fr", "de", "en"]
    assert docs[0]["entities"], "the analysis still runs on a French text"
    assert docs[2]["meta"]["authors"] is None and docs[2]["meta"]["date"] is None


def test_summary_says_the_text_is_partial(tmp_path: Path) -> None:
    path = tmp_path / "teaser.txt"
    path.write_text(
        "Quay extension approved\n\nBy Jane Doe\n14 March 2024\n\n"
        "The harbour board approved the extension of the northern quay on Tuesday, said its chair, "
        "Margaret Ellison.\n\nSubscribe to continue reading.\n",
        encoding="utf-8",
    )
    result = reader("analyze", str(path))
    assert result.returncode == 0, result.stderr
    out = result.stdout.splitlines()
    assert out[1] == "Jane Doe · 14 March 2024 · 1 min read"
    assert any(line.startswith("Cut-off text (a paywall prompt") for line in out[:5])
    assert any(line.startswith("Actors (") and "from a partial text" in line for line in out)
    assert any(line.startswith("Quotes (") and "from a partial text" in line for line in out)
