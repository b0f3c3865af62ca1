"""Pilot tests: headings styled in the text, and the contents pane that lists them and jumps to them."""

from __future__ import annotations

from pathlib import Path

from rich.style import Style
from test_app_reading import has_role, styles_at

from reader.article import Article
from reader.sources import load_article
from reader.ui.app import ReaderApp
from reader.ui.options import ReaderOptions
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.contents import NO_HEADINGS, ContentsList, ContentsPane
from reader.ui.widgets.type_filter import FilterInput

ROOT = Path(__file__).resolve().parents[2]
MARKDOWN = ROOT / "sample_articles" / "night-trains-return-markdown.md"
SIZE = (100, 30)


def reading_app(article: Article) -> ReaderApp:
    return ReaderApp(article, ReaderOptions(theme="dark", analyse=False))


def notices(app: ReaderApp) -> list[str]:
    return [notification.message for notification in app._notifications]


def shown_prompts(app: ReaderApp) -> list[str]:
    """The pane's rows as a reader sees them (indentation included)."""
    options = app.screen.query_one(ContentsList)
    lines = []
    for index in range(options.option_count):
        rendered = app.console.render_lines(options.get_option_at_index(index).prompt, app.console.options)
        lines.append("".join(segment.text for segment in rendered[0]).rstrip())
    return lines


async def test_sections_are_styled_as_headings_and_the_headline_keeps_its_own_style() -> None:
    article = load_article(str(MARKDOWN))
    app = reading_app(article)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        heading = article.headings[1]  # "What is new", a ## section
        view.scroll_to_offset(heading.start, top=True)
        await pilot.pause()
        theme_heading = view.styles_by_role["heading"]
        assert theme_heading.bold and theme_heading.color is not None
        assert has_role(styles_at(view, heading.start), theme_heading)
        body = heading.end + 3  # the paragraph under it is plain text
        assert not any(style.color == theme_heading.color for style in styles_at(view, body))
        view.scroll_home(animate=False)
        await pilot.pause()
        title = styles_at(view, article.headings[0].start)
        assert title and all(style.bold for style in title)
        assert not any(style.color == theme_heading.color for style in title)


async def test_o_lists_the_headings_indented_by_level_and_focuses_the_list() -> None:
    app = reading_app(load_article(str(MARKDOWN)))
    async with app.run_test(size=SIZE) as pilot:
        pane = app.screen.query_one(ContentsPane)
        assert not pane.display
        await pilot.press("o")
        await pilot.pause()
        assert pane.display and pane.is_open
        assert isinstance(app.focused, ContentsList)
        assert shown_prompts(app) == [
            "Night trains return to the Alps as sleeper routes boom",
            "  What is new",
            "  Doubts about the numbers",
            "  On board",
        ]
        assert app.focused.highlighted == 0  # at the top, the reader is in the first section
        app.screen.query_one(ArticleView).focus()
        await pilot.press("o")  # from the text, o hides the pane again
        await pilot.pause()
        assert not pane.display
        assert isinstance(app.focused, ArticleView)


async def test_enter_jumps_to_a_heading_and_the_text_has_the_focus_again() -> None:
    article = load_article(str(MARKDOWN))
    app = reading_app(article)
    async with app.run_test(size=SIZE) as pilot:
        view = app.screen.query_one(ArticleView)
        await pilot.press("o", "down", "down", "enter")
        await pilot.pause()
        target = article.headings[2]  # "Doubts about the numbers"
        assert view.top_offset == target.start
        assert view.flash == (target.start, target.end)
        assert app.focused is view
        top = view.scroll_y
        await pilot.press("j")
        await pilot.pause()
        assert view.scroll_y == top + 1  # j moves the text, not the list
        await pilot.press("G")
        await pilot.pause()
        assert view.scroll_y == view.max_scroll_y
        pane = app.screen.query_one(ContentsPane)
        assert pane.display  # the pane stays open beside the text, marking where the reader is
        assert pane.query_one(ContentsList).highlighted == len(article.headings) - 1


async def test_a_click_on_a_heading_jumps_there() -> None:
    article = load_article(str(MARKDOWN))
    app = reading_app(article)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        options = app.screen.query_one(ContentsList)
        row = next(y for y in range(options.size.height) if "On board" in str(options.render_line(y).text))
        await pilot.click(ContentsList, offset=(4, row))
        await pilot.pause()
        assert view.top_offset == article.headings[3].start or view.scroll_y == view.max_scroll_y
        assert view.shows_offset(article.headings[3].start)
        assert app.focused is view


async def test_letters_typed_in_the_list_filter_it_and_escape_clears_then_closes() -> None:
    article = load_article(str(MARKDOWN))
    app = reading_app(article)
    async with app.run_test(size=SIZE) as pilot:
        view = app.screen.query_one(ArticleView)
        await pilot.press("o", *"num")  # not o, n and m's own keys: the filter's letters
        await pilot.pause(0.3)
        pane = app.screen.query_one(ContentsPane)
        box = pane.query_one(FilterInput)
        assert pane.display and box.value == "num" and app.focused is box
        assert shown_prompts(app) == ["  Doubts about the numbers"]
        await pilot.press("enter", "enter")  # to the list, then to the heading
        await pilot.pause()
        assert view.top_offset == article.headings[2].start and app.focused is view
        assert pane.display and box.value == "num"  # the pane stays beside the text, as it was
        await pilot.press("o", "o", *"zz")  # hide, show again (the keys in the list), type on
        await pilot.pause(0.3)
        assert shown_prompts(app) == ["Nothing matches “numzz”."]
        await pilot.press("escape")
        await pilot.pause()
        assert box.value == "" and len(shown_prompts(app)) == 4 and pane.display
        await pilot.press("escape")
        await pilot.pause()
        assert not pane.display and app.focused is view


async def test_escape_in_the_pane_closes_it_and_returns_to_the_text() -> None:
    app = reading_app(load_article(str(MARKDOWN)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not app.screen.query_one(ContentsPane).display
        assert isinstance(app.focused, ArticleView)


async def test_an_article_without_headings_says_so_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("it rained, then it stopped.\n\nthe river stayed in its banks.\n", encoding="utf-8")
    article = load_article(str(path))
    assert article.headings == []
    app = reading_app(article)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        await pilot.pause()
        assert not app.screen.query_one(ContentsPane).display  # no empty box
        assert NO_HEADINGS in notices(app)
        assert "\n" not in NO_HEADINGS
        assert isinstance(app.focused, ArticleView)


async def test_the_palette_offers_the_contents_and_each_heading() -> None:
    article = load_article(str(MARKDOWN))
    app = reading_app(article)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        titles = {command.title: command for command in screen.palette_commands()}
        assert "Show contents" in titles
        titles["Show contents"].callback()
        await pilot.pause()
        assert screen.query_one(ContentsPane).display
        titles["Jump to heading: On board"].callback()
        await pilot.pause()
        view = screen.query_one(ArticleView)
        assert view.shows_offset(article.headings[3].start)
        assert app.focused is view


async def test_help_lists_the_contents_key() -> None:
    from reader.ui.screens.help import HelpScreen

    app = reading_app(load_article(str(MARKDOWN)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = {row[2]: row for row in app.screen.rows}
        assert rows["toggle-contents"][0] == "o"
        assert "headings" in rows["toggle-contents"][1]


async def test_a_heading_made_of_markup_and_escapes_shows_literally(tmp_path: Path) -> None:
    path = tmp_path / "hostile.md"
    path.write_text("# [bold]x[/] \x1b[31mred\x1b[0m [link=http://a]y[/link]\n\nText.\n", encoding="utf-8")
    article = load_article(str(path))
    app = reading_app(article)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        await pilot.pause()
        (shown,) = shown_prompts(app)
        assert "[bold]x[/]" in shown and "[link=http://a]y[/link]" in shown
        assert "\x1b" not in shown
        view = app.screen.query_one(ArticleView)
        assert "[bold]x[/]" in view.display_line_text(view.line_for_offset(0))


def test_heading_style_is_a_real_style() -> None:
    """The built-in fallback for headings (before a theme applies) has a non-colour cue."""
    from reader.ui.widgets.highlights import FALLBACK_STYLES

    assert isinstance(FALLBACK_STYLES["heading"], Style) and FALLBACK_STYLES["heading"].bold


async def test_the_heading_jumped_to_stays_marked_when_the_text_cannot_scroll_it_to_the_top() -> None:
    """In a tall window the short sample ends on screen: the pane marks the chosen heading, not the last."""
    article = load_article(str(MARKDOWN))
    app = reading_app(article)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.press("o", "down", "down", "enter")
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        assert view.scroll_y == view.max_scroll_y > 0
        assert app.screen.query_one(ContentsList).highlighted == 2
        assert app.screen.query_one(ContentsPane).has_class("-focused") is False
