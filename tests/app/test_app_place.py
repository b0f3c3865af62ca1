"""The reader's place is kept: searches start from the screen, wraps are announced, focus comes back."""

from __future__ import annotations

from reader.analysis.model import Analysis
from reader.article import Article
from reader.ui.app import ReaderApp
from reader.ui.options import ReaderOptions
from reader.ui.seek import (
    NOT_FOUND,
    QUOTES_WRAPPED_BACKWARD,
    QUOTES_WRAPPED_FORWARD,
    WRAPPED_BACKWARD,
    WRAPPED_FORWARD,
    step_through,
)
from reader.ui.widgets.article_view import ArticleView, shown_quotes
from reader.ui.widgets.find_bar import FindBar
from reader.ui.widgets.side_panel import QuoteTree

SIZE = (100, 24)


def make_app(article: Article, analysis: Analysis) -> ReaderApp:
    return ReaderApp(article, ReaderOptions(analyse=False), analysis=analysis)


def notices(app: ReaderApp) -> list[str]:
    return [notification.message for notification in app._notifications]


def test_step_through_starts_at_the_screen_and_says_when_it_wraps() -> None:
    starts = [10, 50, 90]
    assert step_through(starts, None, 0, +1) == (0, False)
    assert step_through(starts, None, 50, +1) == (1, False)  # a match at the top of the screen counts
    assert step_through(starts, None, 60, +1) == (2, False)
    assert step_through(starts, None, 95, +1) == (0, True)
    assert step_through(starts, None, 60, -1) == (1, False)
    assert step_through(starts, None, 5, -1) == (2, True)
    assert step_through(starts, 2, 0, +1) == (0, True)
    assert step_through(starts, 0, 0, -1) == (2, True)
    assert step_through(starts, 1, 0, +1) == (2, False)


async def test_a_search_with_no_match_leaves_the_view_where_it_was(seed_article, seed_analysis) -> None:
    app = make_app(seed_article, seed_analysis)
    async with app.run_test(size=SIZE) as pilot:
        view = app.screen.query_one(ArticleView)
        await pilot.press("space")
        await pilot.pause()
        before = view.scroll_y
        assert before > 0
        await pilot.press("slash", *"Teh")  # a match on the way moves the view...
        await pilot.pause()
        await pilot.press(*"qqq")  # ...a query that matches nothing puts it back
        await pilot.pause()
        assert view.scroll_y == before
        assert view.matches == [] and view.current is None
        find = app.screen.query_one(FindBar)
        assert str(find.query_one("#find-count").render()) == NOT_FOUND
        await pilot.press("enter", "n")
        assert f"{NOT_FOUND}: “Tehqqq”" in notices(app)
        assert view.scroll_y == before


async def test_a_search_starts_from_the_screen_forward_and_backward(seed_article, seed_analysis) -> None:
    app = make_app(seed_article, seed_analysis)
    async with app.run_test(size=SIZE) as pilot:
        view = app.screen.query_one(ArticleView)
        text = seed_article.text.lower()
        all_matches = [i for i in range(len(text)) if text.startswith("iran", i)]
        await pilot.press("space", "space")
        await pilot.pause()
        top = view.top_offset
        assert any(start < top for start in all_matches) and any(start >= top for start in all_matches)
        await pilot.press("slash", *"iran", "enter")
        await pilot.pause()
        assert view.current is not None
        first_after = min(start for start in all_matches if start >= top)
        assert view.current[0] == first_after  # not the first match of the article
        assert WRAPPED_FORWARD not in notices(app)
        await pilot.press("N")
        assert view.current[0] == max(start for start in all_matches if start < first_after)


async def test_n_and_N_say_when_they_wrap(seed_article, seed_analysis) -> None:
    app = make_app(seed_article, seed_analysis)
    async with app.run_test(size=SIZE) as pilot:
        view = app.screen.query_one(ArticleView)
        await pilot.press("slash", *"tehran", "enter")
        await pilot.pause()
        count = len(view.matches)
        assert count > 1 and view.current == view.matches[0]
        await pilot.press("N")
        assert view.current == view.matches[-1]
        assert WRAPPED_BACKWARD in notices(app)
        await pilot.press("n")
        assert view.current == view.matches[0]
        assert WRAPPED_FORWARD in notices(app)


async def test_typing_a_query_from_the_end_tells_of_the_wrap_once(seed_article, seed_analysis) -> None:
    app = make_app(seed_article, seed_analysis)
    async with app.run_test(size=SIZE) as pilot:
        view = app.screen.query_one(ArticleView)
        await pilot.press("G")
        await pilot.pause()
        await pilot.press("slash", *"zarif", "enter")  # the query, letter by letter, matches above the screen
        await pilot.pause()
        assert view.current == view.matches[0]
        assert notices(app).count(WRAPPED_FORWARD) == 1
        await pilot.press("N", "n")  # n and N still tell of each wrap
        assert notices(app).count(WRAPPED_FORWARD) == 2


async def test_quote_jumps_say_when_they_wrap(seed_article, seed_analysis) -> None:
    app = make_app(seed_article, seed_analysis)
    async with app.run_test(size=SIZE) as pilot:
        view = app.screen.query_one(ArticleView)
        quotes = [q for _i, q in shown_quotes(seed_analysis, show_doubtful=False)]
        assert len(quotes) > 1
        await pilot.press(*["right_square_bracket"] * len(quotes))
        assert view.flash == (quotes[-1].content.start, quotes[-1].content.end)
        assert QUOTES_WRAPPED_FORWARD not in notices(app)
        await pilot.press("right_square_bracket")
        assert view.flash == (quotes[0].content.start, quotes[0].content.end)
        assert QUOTES_WRAPPED_FORWARD in notices(app)
        await pilot.press("left_square_bracket")
        assert view.flash == (quotes[-1].content.start, quotes[-1].content.end)
        assert QUOTES_WRAPPED_BACKWARD in notices(app)


async def test_after_a_jump_from_a_panel_the_keys_move_the_text(seed_article, seed_analysis) -> None:
    app = make_app(seed_article, seed_analysis)
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.screen.query_one(ArticleView)
        await pilot.press("4")  # the Quotes panel
        await pilot.pause()
        tree = app.screen.query_one(QuoteTree)
        assert app.focused is tree
        speaker = tree.root.children[0]
        speaker.expand()
        await pilot.pause()
        tree.move_cursor(speaker.children[0])  # the speaker's first quote
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is view
        before = view.scroll_y
        await pilot.press("G")
        await pilot.pause()
        assert view.scroll_y > before
        await pilot.press("1", "down", "enter")  # an actor: its first mention, and the text again
        await pilot.pause()
        assert app.focused is view


async def test_the_side_panel_grows_with_the_window(seed_article, seed_analysis) -> None:
    widths = {}
    for columns in (120, 200):
        app = make_app(seed_article, seed_analysis)
        async with app.run_test(size=(columns, 40)) as pilot:
            await pilot.press("4")
            await pilot.pause()
            widths[columns] = app.screen.query_one("#sidebar").size.width
    assert widths[120] >= 40  # quotes keep their room in an ordinary window...
    assert widths[200] >= widths[120] + 25  # ...and a wide one gives them more, not the margins


async def test_a_match_already_on_screen_does_not_move_the_view(seed_article, seed_analysis) -> None:
    """As in `less`: the view moves for a match off the screen, never for one the reader can see."""
    app = make_app(seed_article, seed_analysis)
    async with app.run_test(size=SIZE) as pilot:
        view = app.screen.query_one(ArticleView)
        await pilot.press("space")
        await pilot.pause()
        before = view.scroll_y
        assert before > 0
        middle = int(view.scroll_y) + view.scrollable_content_region.height // 2
        word = max(view.display_line_text(middle).split(), key=len).strip(".,;:“”\"'’").lower()
        assert len(word) >= 5, word
        await pilot.press("slash")
        await pilot.pause()
        for letter in word:  # every query on the way matches on this screen too
            await pilot.press(letter)
            await pilot.pause()
            assert view.current is not None and view.shows_offset(view.current[0])
            assert view.scroll_y == before, f"moved at {letter!r}"
        await pilot.press("enter")
        await pilot.pause()
        assert view.scroll_y == before
        shown = [start for start, _end in view.matches if view.shows_offset(start)]
        hidden = [
            start for start, _end in view.matches if start > view.top_offset and not view.shows_offset(start)
        ]
        for _ in shown[shown.index(view.current[0]) + 1 :]:  # n to the next match still on screen
            await pilot.press("n")
            assert view.scroll_y == before
        if hidden:  # a match below the screen is brought into view
            await pilot.press("n")
            await pilot.pause()
            assert view.scroll_y > before and view.shows_offset(view.current[0])
