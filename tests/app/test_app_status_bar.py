"""The status line says where the reader is in a pager's words, never as a percentage beside a
message about the analysis, where a "0%" read as a progress that never moved."""

from __future__ import annotations

import pytest

from reader.analysis.model import Analysis
from reader.article import Article
from reader.ui.app import ReaderApp
from reader.ui.options import ReaderOptions
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.status_bar import StatusBar, reading_position


@pytest.mark.parametrize(
    ("top", "last_top", "shown"),
    [
        (0, 0, "All"),  # the whole text fits the window
        (0, -5, "All"),
        (0, 120, "Top"),
        (0.4, 120, "Top"),
        (1, 120, "1%"),
        (60, 120, "50%"),
        (119, 120, "99%"),
        (120, 120, "End"),
        (125, 120, "End"),
    ],
)
def test_reading_position(top: float, last_top: float, shown: str) -> None:
    assert reading_position(top, last_top) == shown


async def test_the_position_is_set_apart_from_the_analysis_status(
    seed_article: Article, seed_analysis: Analysis
) -> None:
    app = ReaderApp(seed_article, ReaderOptions(analyse=False), analysis=seed_analysis)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(StatusBar)
        assert bar.position == "Top"
        bar.status = "loading language model…"
        await pilot.pause()
        line = bar.render().plain.rstrip()
        assert line.endswith("loading language model… │ Top") and "%" not in line
        app.screen.query_one(ArticleView).focus()
        await pilot.press("G")
        await pilot.pause()
        assert bar.position == "End"
        await pilot.press("k")
        await pilot.pause()
        assert bar.position.endswith("%") and 50 < int(bar.position[:-1]) < 100
