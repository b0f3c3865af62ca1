"""One word and one number for one thing: "places" in the app, the summary, the JSON and the config;
the same word count in the app's header, `reader analyze` and its JSON."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from textual.widgets import OptionList

from reader.analysis.model import SCHEMA_VERSION, Analysis
from reader.article import count_words
from reader.settings.config import parse_config
from reader.sources import load_article
from reader.ui.app import ReaderApp
from reader.ui.options import ReaderOptions
from reader.ui.screens.library import LibraryScreen
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.side_panel import PANEL_TITLES, SidePanel

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_articles"
OLD_RECORD = ROOT / "tests" / "app" / "data" / "seed_analysis.json"  # written in schema 1
#: A plain text, a Markdown file, a saved web page and a long read (over a thousand words: "5,367"):
#: the loaders differ, the counts must not.
COUNTED = [
    "iran-missile-strikes.txt",
    "night-trains-return-markdown.md",
    "tram-extension-saved-page.html",
    "inchmorra-long-read.txt",
]


def reader(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["reader", *args], capture_output=True, text=True, encoding="utf-8", env=dict(os.environ), timeout=300
    )


Outputs = dict[str, tuple[dict[str, object], str]]


@pytest.fixture(scope="module")
def analyses() -> Outputs:
    """Each sample's JSON document and plain summary, from the installed command."""
    found = {}
    for name in COUNTED:
        as_json = reader("analyze", str(SAMPLES / name), "--json")
        summary = reader("analyze", str(SAMPLES / name))
        assert as_json.returncode == 0 and summary.returncode == 0, as_json.stderr + summary.stderr
        found[name] = (json.loads(as_json.stdout), summary.stdout)
    return found


def test_the_json_and_the_summary_say_places(analyses: Outputs) -> None:
    doc, summary = analyses["iran-missile-strikes.txt"]
    assert doc["schema_version"] == SCHEMA_VERSION == 2
    assert "locations" not in doc
    places = doc["places"]
    assert isinstance(places, list) and places
    assert f"Places ({len(places)})" in summary
    assert "Location" not in summary
    assert PANEL_TITLES["places"] == "Places"


@pytest.mark.parametrize("name", COUNTED)
async def test_one_word_count_everywhere(name: str, analyses: Outputs) -> None:
    doc, summary = analyses[name]
    meta = doc["meta"]
    assert isinstance(meta, dict)
    words = meta["words"]
    assert re.search(rf"\b{words:,} words\b", summary), summary[:300]
    article = load_article(str(SAMPLES / name))
    app = ReaderApp(article, ReaderOptions(analyse=False), analysis=Analysis.from_dict(doc))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        header = " ".join(text for text, role in view.header if role == "meta")
        assert f"{words:,} words · " in header


def test_a_schema_1_record_still_reads() -> None:
    """Saved `--json` output from before the rename: its "locations" are the places."""
    data = json.loads(OLD_RECORD.read_text(encoding="utf-8"))
    assert data["schema_version"] == 1 and data["locations"]
    analysis = Analysis.from_dict(data)
    assert [p.name for p in analysis.places] == [p["name"] for p in data["locations"]]
    again = analysis.to_dict()
    assert again["schema_version"] == SCHEMA_VERSION and "locations" not in again
    assert Analysis.from_dict(again).places == analysis.places


def test_an_unknown_schema_is_refused() -> None:
    data = json.loads(OLD_RECORD.read_text(encoding="utf-8"))
    data["schema_version"] = 99
    with pytest.raises(ValueError, match="schema_version"):
        Analysis.from_dict(data)


def test_an_older_config_keeps_its_places_panel() -> None:
    config, warnings = parse_config(
        {"panels": ["locations", "quotes"], "keymap": {"panel-locations": "p"}}, "config.toml"
    )
    assert config.panels == ["places", "quotes"]
    assert config.keymap == {"panel-places": "p"}
    assert warnings == []


async def test_the_places_tab_is_called_places() -> None:
    article = load_article(str(SAMPLES / "iran-missile-strikes.txt"))
    analysis = Analysis.from_dict(json.loads(OLD_RECORD.read_text(encoding="utf-8")))
    app = ReaderApp(article, ReaderOptions(analyse=False), analysis=analysis)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        panel = app.screen.query_one(SidePanel)
        assert str(panel.query_one("#panel-tabs").get_tab("tab-places").label).startswith("Places")


async def test_the_library_counts_as_the_header_does() -> None:
    """The library's first numbers are quick estimates from the raw files; the loaded counts replace them."""
    expected = {name: count_words(load_article(str(SAMPLES / name)).body) for name in COUNTED}
    app = ReaderApp(None, ReaderOptions(analyse=False))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, LibraryScreen)

        def counts() -> dict[str, int]:
            return {Path(e.source).name: e.words for e in screen.entries if Path(e.source).name in expected}

        for _ in range(200):  # a web page takes a moment to load, longer on a busy machine
            if counts() == expected:
                break
            await pilot.pause(0.05)
        assert counts() == expected
        await pilot.pause()
        option_list = screen.query_one(OptionList)
        prompts = [str(option_list.get_option_at_index(i).prompt) for i in range(option_list.option_count)]
        for words in expected.values():
            assert any(f"{words:,} words · " in prompt for prompt in prompts), words
