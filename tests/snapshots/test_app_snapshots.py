"""Snapshots of the main screen: the seed article with a complete analysis, 120x40, default theme.

The analysis is a frozen copy of the engine's output (tests/app/data/seed_analysis.json), so these
pictures change only when the app's drawing changes, not when the analysis improves.
"""

from __future__ import annotations

import json
from pathlib import Path

from reader.analysis.model import Analysis
from reader.article import Article

ROOT = Path(__file__).resolve().parent.parent.parent
SEED = ROOT / "sample_articles" / "iran-missile-strikes.txt"
FROZEN = ROOT / "tests" / "app" / "data" / "seed_analysis.json"
SIZE = (120, 40)


def make_app():
    from reader.sources import load_article
    from reader.ui.app import ReaderApp
    from reader.ui.options import ReaderOptions

    article: Article = load_article(str(SEED))
    analysis = Analysis.from_dict(json.loads(FROZEN.read_text(encoding="utf-8")))
    assert analysis.text == article.text, "the frozen analysis belongs to the seed article"
    return ReaderApp(article, ReaderOptions(theme="dark", analyse=False), analysis=analysis)


def _no_blink(pilot) -> None:
    from textual.widgets import Input

    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False


def test_main_screen(snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE)


def test_selected_actor_and_its_mentions(snap_compare) -> None:
    async def select(pilot) -> None:
        _no_blink(pilot)
        await pilot.press("1", "down", "down", "enter")
        await pilot.pause()

    assert snap_compare(make_app(), run_before=select, terminal_size=SIZE)


def test_search_with_matches(snap_compare) -> None:
    async def search(pilot) -> None:
        _no_blink(pilot)
        await pilot.press("slash", *"Tehran", "enter", "n")
        await pilot.pause()

    assert snap_compare(make_app(), run_before=search, terminal_size=SIZE)


def test_quote_jump_and_panels_hidden(snap_compare) -> None:
    async def jump(pilot) -> None:
        await pilot.press("s", "right_square_bracket", "right_square_bracket")
        await pilot.pause()

    assert snap_compare(make_app(), run_before=jump, terminal_size=SIZE)


async def flash_faded(pilot) -> None:  # noqa: ANN001
    """Wait for the jump's flash to end: for the state, not a time (a busy machine runs timers late)."""
    from reader.ui.widgets.article_view import ArticleView

    view = pilot.app.screen.query_one(ArticleView)
    for _ in range(400):
        await pilot.pause(0.05)
        if view.flash is None:
            break
    await pilot.pause()


def test_quote_panel_with_doubtful_attributions(snap_compare) -> None:
    async def doubtful(pilot) -> None:
        _no_blink(pilot)
        await pilot.press("a", "4")
        await pilot.pause()
        await pilot.press("enter")
        pilot.app.clear_notifications()  # the picture is of the panel, without the jump's notice...
        await flash_faded(pilot)  # ...or its flash

    assert snap_compare(make_app(), run_before=doubtful, terminal_size=SIZE)


def test_library(snap_compare) -> None:
    from reader.ui.app import ReaderApp
    from reader.ui.options import ReaderOptions

    async def counted(pilot) -> None:
        for _ in range(200):  # the exact word counts replace the estimates in the background
            if pilot.app.screen.words_counted:
                break
            await pilot.pause(0.05)
        await pilot.pause()

    app = ReaderApp(None, ReaderOptions(theme="dark", analyse=False))
    assert snap_compare(app, run_before=counted, terminal_size=SIZE)
