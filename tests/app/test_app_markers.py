"""Speaker markers on screen: every speaker of a paragraph is named, even when two share its last line."""

from __future__ import annotations

import pytest

from reader.analysis.model import Analysis, ModelInfo, Quote, Span
from reader.article import Article
from reader.ui.app import ReaderApp
from reader.ui.options import ReaderOptions
from reader.ui.widgets.article_view import ArticleView

TEXT = (
    'Bridge row\n\nThe mayor said the bridge was safe while an engineer said "the cracks are old" and '
    "left the room before the vote, which the council then put off until the spring.\n\nNext paragraph."
)


def said(fragment: str, speaker: str) -> Quote:
    start, at = TEXT.index(fragment), TEXT.index(speaker)
    content = Span(start, start + len(fragment), fragment)
    return Quote("indirect", content, Span(at, at + len(speaker), speaker), None, None, 0.9)


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (200, 50)], ids=["60x20", "80x24", "200x50"])
async def test_both_speakers_of_a_paragraph_are_named(size: tuple[int, int]) -> None:
    quotes = [said("the bridge was safe", "mayor"), said('"the cracks are old"', "engineer")]
    analysis = Analysis(text=TEXT, model=ModelInfo("test", "0"), quotes=quotes)
    app = ReaderApp(Article(text=TEXT, source="bridge.txt"), ReaderOptions(analyse=False), analysis=analysis)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        shown = "\n".join(view.render_line(y).text for y in range(view.scrollable_content_region.height))
        assert "— mayor" in shown and "— engineer" in shown, shown
