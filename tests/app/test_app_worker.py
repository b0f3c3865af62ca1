"""The app's own analysis worker (cache, then spaCy) and the library screen."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from textual.widgets import OptionList

from reader.article import Article
from reader.ui.app import ReaderApp
from reader.ui.messages import AnalysisProgress, AnalysisReady
from reader.ui.options import ReaderOptions
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.library import LibraryScreen
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.side_panel import ReferentList
from reader.ui.widgets.status_bar import StatusBar


async def _run_until_analysed(article: Article, messages: list) -> ArticleScreen:
    app = ReaderApp(article)
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        view = screen.query_one(ArticleView)
        assert view.display_line_text(0)  # the text is there before any analysis
        deadline = time.monotonic() + 120  # the analysis runs in its own process
        while not screen.analysis_done and time.monotonic() < deadline:
            await pilot.pause(0.05)
        await pilot.pause()
        assert screen.analysis_done
        assert screen.query_one(StatusBar).status == ""
        assert len(view.highlights.entities) > 0 and len(view.highlights.quotes) > 0
        assert screen.query_one("#list-actors", ReferentList).option_count == len(screen.analysis.actors)
        process = app.runner.process_id
    if process is not None:  # the analysis process ends with the app, however the app ends
        with pytest.raises(ProcessLookupError):
            os.kill(process, 0)
    return screen


async def test_worker_analyses_then_the_cache_answers(seed_article: Article) -> None:
    first: list = []
    await _run_until_analysed(seed_article, first)
    ready = [m for m in first if isinstance(m, AnalysisReady)]
    assert len(ready) == 1 and not ready[0].cached
    assert any(isinstance(m, AnalysisProgress) for m in first)
    second: list = []
    await _run_until_analysed(seed_article, second)
    ready = [m for m in second if isinstance(m, AnalysisReady)]
    assert len(ready) == 1 and ready[0].cached
    assert not any(isinstance(m, AnalysisProgress) for m in second)


async def test_library_lists_samples_and_opens_one(seed_article: Article) -> None:
    app = ReaderApp(None, ReaderOptions(analyse=False))
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, LibraryScreen)
        entries = app.screen.entries
        titles = [entry.title for entry in entries]
        assert seed_article.title in titles
        seed_entry = next(e for e in entries if e.title == seed_article.title)
        assert seed_entry.detail.startswith("Iran’s president")
        options = app.screen.query_one(OptionList)
        index = entries.index(seed_entry)
        options.highlighted = next(
            i for i in range(options.option_count) if options.get_option_at_index(i).id == str(index)
        )
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        assert Path(app.screen.article.source).name == "iran-missile-strikes.txt"
        await pilot.press("q")
    # the article is now a recent file, listed first
    app = ReaderApp(None, ReaderOptions(analyse=False))
    async with app.run_test(size=(120, 40)):
        first = app.screen.entries[0]
        assert first.group == "recent" and first.source.endswith("iran-missile-strikes.txt")


async def test_library_over_an_article_replaces_it(seed_article: Article) -> None:
    app = ReaderApp(seed_article, ReaderOptions(analyse=False))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("space")
        await pilot.pause()
        first_offset = app.screen.query_one(ArticleView).top_offset
        await pilot.press("ctrl+o")
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, ArticleScreen)
        await pilot.press("ctrl+o")
        library = app.screen
        other = next(e for e in library.entries if not e.source.endswith("iran-missile-strikes.txt"))
        app.open_source(other.source)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.article.source == other.source
        assert sum(isinstance(s, (ArticleScreen, LibraryScreen)) for s in app.screen_stack) == 1
    # the first article's place was saved when it was replaced
    from reader.settings import state

    key = state.article_key(seed_article.source, seed_article.text)
    assert state.load_state().position(key) == first_offset


async def test_without_analysis_the_panels_say_it_is_off(seed_article: Article) -> None:
    """Started without analysis, the panels never promise lists that will not come."""
    app = ReaderApp(seed_article, ReaderOptions(analyse=False))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        actors = screen.query_one("#list-actors", OptionList)
        for _ in range(100):
            if actors.option_count:
                break
            await pilot.pause(0.05)
        shown = [str(actors.get_option_at_index(i).prompt) for i in range(actors.option_count)]
        assert shown == ["Analysis is off."]
        assert "analysing" not in screen.query_one(StatusBar).status
