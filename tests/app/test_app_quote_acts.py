"""Speech first: the Quotes panel and the quote highlights show spoken or written words by default;
`a` (or the palette's "Show all attributions") adds beliefs, intentions and evidence, labelled."""

from __future__ import annotations

import pytest

from reader.analysis.model import Analysis, Quote
from reader.article import Article
from reader.ui.app import ReaderApp
from reader.ui.options import ReaderOptions
from reader.ui.present import shown_quotes
from reader.ui.screens.article import ArticleScreen
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.side_panel import QuoteTree

SIZE = (120, 40)
ACT_CYCLE = ("belief", "intention", "evidence")


@pytest.fixture
def acts_analysis(seed_analysis: Analysis) -> Analysis:
    """The seed analysis, every quote confident, every second one made a belief, intention or evidence."""
    quotes = [
        Quote.from_dict(
            {
                **q.to_dict(),
                "confidence": max(q.confidence, 0.9),
                "act": "speech" if i % 2 == 0 else ACT_CYCLE[(i // 2) % 3],
            }
        )
        for i, q in enumerate(seed_analysis.quotes)
    ]
    return Analysis(
        text=seed_analysis.text,
        model=seed_analysis.model,
        body_end=seed_analysis.body_end,
        entities=seed_analysis.entities,
        actors=seed_analysis.actors,
        places=seed_analysis.places,
        events=seed_analysis.events,
        quotes=quotes,
    )


def leaf_labels(tree: QuoteTree) -> list[str]:
    return [str(leaf.label) for node in tree.root.children for leaf in node.children]


async def test_speech_only_by_default_and_all_acts_labelled_with_a(
    seed_article: Article, acts_analysis: Analysis
) -> None:
    speech = [i for i, q in enumerate(acts_analysis.quotes) if q.act == "speech"]
    other = [i for i, q in enumerate(acts_analysis.quotes) if q.act != "speech"]
    assert speech and other
    app = ReaderApp(seed_article, ReaderOptions(analyse=False), analysis=acts_analysis)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        view = screen.query_one(ArticleView)
        assert {index for _s, _e, index in view.highlights.quote_extents} <= set(speech)
        await pilot.press("4")
        tree = screen.query_one(QuoteTree)
        labels = leaf_labels(tree)
        assert len(labels) == len(speech)
        assert not any(f"[{act}]" in label for label in labels for act in ACT_CYCLE)
        await pilot.press("escape", "a")  # a is the text's key: typed in the list, it would filter it
        await pilot.pause()
        labels = leaf_labels(tree)
        assert len(labels) == len(acts_analysis.quotes)
        for act in ACT_CYCLE:
            n = sum(q.act == act for q in acts_analysis.quotes)
            assert sum(f"[{act}]" in label for label in labels) == n
        assert {index for _s, _e, index in view.highlights.quote_extents} >= set(other)
        markers = [m.label for m in view.markers.values()]
        assert any(label.endswith(f"({act})") for label in markers for act in ACT_CYCLE)
        await pilot.press("a")
        await pilot.pause()
        assert len(leaf_labels(tree)) == len(speech)


async def test_palette_shows_all_attributions(seed_article: Article, acts_analysis: Analysis) -> None:
    from reader.ui.palette import ScreenCommands

    app = ReaderApp(seed_article, ReaderOptions(analyse=False), analysis=acts_analysis)
    async with app.run_test(size=SIZE) as pilot:
        provider = ScreenCommands(app.screen)
        commands = {title: callback for title, callback, _help in provider._commands()}
        jumps = [title for title in commands if title.startswith("Jump to quote:")]
        assert len(jumps) == len(shown_quotes(acts_analysis, show_doubtful=False))
        commands["Show all attributions"]()
        await pilot.pause()
        helps = [
            help_text for title, _c, help_text in provider._commands() if title.startswith("Jump to quote:")
        ]
        assert len(helps) == len(acts_analysis.quotes)
        assert sum(any(f", {act}" in h for act in ACT_CYCLE) for h in helps) == sum(
            q.act != "speech" for q in acts_analysis.quotes
        )
