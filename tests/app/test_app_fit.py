"""Where the keys go and what fits: the focus mark, typing in a list, the panel's width and tabs,
and screenshots."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from textual.color import Color
from textual.widgets import Input, Tabs
from textual.widgets._footer import FooterKey

from reader.analysis.model import Analysis
from reader.article import Article
from reader.settings import state as reader_state
from reader.settings.themes.contrast import contrast_ratio
from reader.ui import screenshot
from reader.ui.app import ReaderApp
from reader.ui.options import ReaderOptions
from reader.ui.screens.article import ArticleScreen
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.footer import PALETTE_CLASS, ReaderFooter
from reader.ui.widgets.side_panel import (
    DEFAULT_SHARE,
    LEGEND_ENTRIES,
    PANEL_TITLES,
    QuoteTree,
    SidePanel,
    quote_legend,
    tab_labels,
)

SIZE = (120, 40)


def make_app(article: Article, analysis: Analysis) -> ReaderApp:
    return ReaderApp(article, ReaderOptions(analyse=False), analysis=analysis)


def messages(app: ReaderApp) -> list[str]:
    return [notification.message for notification in app._notifications]


def close(one: Color, other: Color) -> bool:
    """The same colour, but for the rounding of the theme's variables."""
    return all(abs(a - b) <= 2 for a, b in zip(one.rgb, other.rgb, strict=True))


async def settle(pilot, condition, tries: int = 100) -> None:  # noqa: ANN001
    """Wait for a state, not for a time: timers run late on a busy machine."""
    for _ in range(tries):
        if condition():
            return
        await pilot.pause(0.05)
    assert condition()


# ----------------------------------------------------------------- the focus mark


@pytest.mark.parametrize("theme", ["dark", "light", "high-contrast"])
async def test_the_region_with_the_keys_is_marked(
    theme: str, seed_article: Article, seed_analysis: Analysis
) -> None:
    app = ReaderApp(seed_article, ReaderOptions(analyse=False, theme=theme), analysis=seed_analysis)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        panel = screen.query_one(SidePanel)
        accent = Color.parse(app.current_theme.accent or "")
        assert screen.has_class("-reading")  # the text has the keys: the title line carries the mark
        assert not close(panel.styles.border_left[1], accent)
        await pilot.press("4")
        await pilot.pause()
        assert not screen.has_class("-reading")
        assert panel.has_pseudo_class("focus-within")
        assert close(panel.styles.border_left[1], accent)
        # The mark stands out from the panel's own background in every theme (high contrast too).
        assert contrast_ratio(accent.rgb, panel.styles.background.rgb) >= 3
        await pilot.press("z")  # into the filter box, which lights up
        box = screen.query_one("#filter-quotes", Input)
        assert app.focused is box
        assert not close(box.styles.background, panel.styles.background)
        await pilot.press("escape")
        await pilot.press("escape")  # nothing to clear: back to the text
        await pilot.pause()
        assert isinstance(app.focused, ArticleView)
        assert screen.has_class("-reading")


# ----------------------------------------------------------------- typing in a list


async def test_letters_typed_in_a_list_filter_it(seed_article: Article, seed_analysis: Analysis) -> None:
    app = make_app(seed_article, seed_analysis)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        screen = app.screen
        view = screen.query_one(ArticleView)
        roles, quotes_on = set(view.highlight_roles), view.show_quotes
        assert isinstance(app.focused, QuoteTree)
        # s, e and t are the app's keys (panels, entities, quotes); in a list they are the filter's.
        await pilot.press("s", "e", "t")
        box = screen.query_one("#filter-quotes", Input)
        assert box.value == "set"
        assert app.focused is box
        assert not screen.has_class("-no-sidebar")
        assert set(view.highlight_roles) == roles and view.show_quotes == quotes_on
        await pilot.press("escape")  # clears the filter, keeps the keys in the box
        assert box.value == "" and app.focused is box
        await pilot.press("escape")  # then back to the text
        await pilot.pause()
        assert isinstance(app.focused, ArticleView)


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (200, 50)], ids=["60x20", "80x24", "200x50"])
async def test_every_quote_line_fits_inside_the_panel(
    seed_article: Article, seed_analysis: Analysis, size: tuple[int, int]
) -> None:
    """A speaker or a reported-speech line with a long cue is cut with "…" inside the panel, never by
    its border (a tree line cannot wrap)."""
    from rich.text import Text

    from reader.ui.present import shown_quotes

    reported = [q for _i, q in shown_quotes(seed_analysis, False) if q.kind != "direct" and q.cue]
    assert reported, "the seed has reported speech with a cue"
    app = make_app(seed_article, seed_analysis)
    async with app.run_test(size=size) as pilot:
        await pilot.press("4")
        tree = app.screen.query_one(QuoteTree)
        await settle(pilot, lambda: len(tree.root.children) > 1)
        tree.root.expand_all()
        await pilot.pause()
        width = tree.scrollable_content_region.width
        lines = 0
        for speaker in tree.root.children:
            for node, guide in [(speaker, 2), *((leaf, 4) for leaf in speaker.children)]:
                label = node.label if isinstance(node.label, Text) else Text(str(node.label))
                assert guide + label.cell_len <= width, (width, label.plain)
                lines += 1
        assert lines > len(reported)
        assert tree.virtual_size.width <= width, "nothing to scroll sideways to"


async def test_a_message_in_the_quotes_list_wraps_inside_the_panel(
    seed_article: Article, seed_analysis: Analysis
) -> None:
    """'Nothing matches …' and the like are wrapped to the tree's width, not cut by its border."""
    from rich.text import Text

    expected = "Nothing matches “no such speaker anywhere”."
    app = make_app(seed_article, seed_analysis)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("s", "4", *"no such speaker anywhere")
        tree = app.screen.query_one(QuoteTree)

        def lines() -> list[str]:
            return [
                leaf.label.plain if isinstance(leaf.label, Text) else str(leaf.label)
                for leaf in tree.root.children
            ]

        await settle(pilot, lambda: " ".join(lines()) == expected)  # the filter waits for typing to pause
        width = tree.scrollable_content_region.width
        assert all(2 + len(line) <= width for line in lines()), (width, lines())


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
async def test_tabs_and_legend_fit_before_the_analysis_arrives(
    seed_article: Article, size: tuple[int, int]
) -> None:
    app = ReaderApp(seed_article, ReaderOptions(analyse=False))
    async with app.run_test(size=size) as pilot:
        await pilot.press("4")
        await pilot.pause()
        panel = app.screen.query_one(SidePanel)
        width = panel.content_region.width
        titles = {name: PANEL_TITLES[name] for name in panel.panels}
        expected = tab_labels(titles, {}, "quotes", width).labels
        tabs = app.screen.query_one(Tabs)
        assert {
            tab.id.removeprefix("--content-tab-tab-"): tab.label.plain for tab in tabs.query("Tab")
        } == expected
        assert quote_legend(width - 2) in str(panel.query_one(".quote-legend").render())


async def test_escape_in_a_list_clears_its_filter_first(
    seed_article: Article, seed_analysis: Analysis
) -> None:
    app = make_app(seed_article, seed_analysis)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "z", "a", "r", "i", "f")
        tree = app.screen.query_one(QuoteTree)
        await settle(pilot, lambda: len(tree.root.children) == 1)
        await pilot.press("enter")  # Enter in the box: on to the filtered list
        assert app.focused is tree
        await pilot.press("escape")
        box = app.screen.query_one("#filter-quotes", Input)
        assert box.value == "" and app.focused is tree
        await settle(pilot, lambda: len(tree.root.children) > 1)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.focused, ArticleView)


async def test_digits_and_arrows_keep_their_meaning_in_a_list(
    seed_article: Article, seed_analysis: Analysis
) -> None:
    app = make_app(seed_article, seed_analysis)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "down")
        tree = app.screen.query_one(QuoteTree)
        assert app.focused is tree and tree.cursor_line == 1
        await pilot.press("1")  # the actors panel, not a filter "1"
        await pilot.pause()
        assert app.screen.query_one(SidePanel).active_panel == "actors"
        assert app.screen.query_one("#filter-quotes", Input).value == ""


# ----------------------------------------------------------------- the panel's width


async def test_the_panel_width_key_is_remembered(seed_article: Article, seed_analysis: Analysis) -> None:
    app = make_app(seed_article, seed_analysis)
    async with app.run_test(size=SIZE) as pilot:
        panel = app.screen.query_one(SidePanel)
        await settle(pilot, lambda: panel.outer_size.width == round(SIZE[0] * DEFAULT_SHARE / 100))
        await pilot.press("greater_than_sign")
        # wait for the state, not for one pause: the layout and the notice come late when busy
        await settle(pilot, lambda: panel.outer_size.width == round(SIZE[0] * (DEFAULT_SHARE + 5) / 100))
        await settle(pilot, lambda: reader_state.load_state().panel_share == DEFAULT_SHARE + 5)
        await settle(pilot, lambda: any("42%" in message for message in messages(app)))
    again = make_app(seed_article, seed_analysis)
    async with again.run_test(size=(200, 50)) as pilot:
        side = again.screen.query_one(SidePanel)
        await settle(pilot, lambda: side.outer_size.width == 84)  # the share, at any window width
        for _ in range(20):
            await pilot.press("less_than_sign")
        await settle(pilot, lambda: side.outer_size.width == 200 * reader_state.PANEL_SHARE_MIN // 100)
        await settle(pilot, lambda: "The side panel is as narrow as it goes" in messages(again))
    assert reader_state.load_state().panel_share == reader_state.PANEL_SHARE_MIN


def test_a_saved_width_is_kept_within_bounds() -> None:
    assert (
        reader_state.ReaderState.from_dict({"panel_share": 500}).panel_share == reader_state.PANEL_SHARE_MAX
    )
    assert reader_state.ReaderState.from_dict({"panel_share": -3}).panel_share == reader_state.PANEL_SHARE_MIN
    for junk in ("wide", True, 4.5, None, [1]):
        assert reader_state.ReaderState.from_dict({"panel_share": junk}).panel_share is None


# ----------------------------------------------------------------- tabs that fit

TITLES = dict(PANEL_TITLES)
COUNTS = {"actors": 19, "places": 15, "events": 42, "quotes": 10}


@pytest.mark.parametrize(
    ("width", "expected"),
    [
        (0, ["Actors 19", "Places 15", "Events 42", "Quotes 10"]),  # not laid out yet
        (80, ["Actors 19", "Places 15", "Events 42", "Quotes 10"]),
        (43, ["Actors 19", "Places 15", "Events 42", "Quotes 10"]),  # the last blank may go
        (42, ["Actors", "Places", "Events", "Quotes"]),
        (31, ["Actors", "Places", "Events", "Quotes"]),
        (30, ["Actors", "Places", "Events", "Quotes"]),  # one space apart
        (28, ["Actors", "Places", "Events", "Quotes"]),
        (27, ["A", "P", "E", "Quotes"]),
        (23, ["A", "P", "E", "Quotes"]),
    ],
)
def test_tab_labels_fit_their_width(width: int, expected: list[str]) -> None:
    labels, tight = tab_labels(TITLES, COUNTS, "quotes", width)
    assert list(labels.values()) == expected
    assert tight == (28 <= width < 31)
    padding = 1 if tight else 2
    assert not width or sum(len(label) + padding for label in labels.values()) - padding // 2 <= width


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (200, 50)])
async def test_no_tab_is_cut_off(
    size: tuple[int, int], seed_article: Article, seed_analysis: Analysis
) -> None:
    app = make_app(seed_article, seed_analysis)
    async with app.run_test(size=size) as pilot:
        for key in ("4", "2", "3", "1"):
            await pilot.press(key)
            await pilot.pause()
            tabs = app.screen.query_one(SidePanel).query_one(Tabs)
            row = sum(tab.outer_size.width for tab in tabs.query("Tab"))
            last = tabs.query("Tab").last()
            blank = last.styles.padding.right  # the last tab's right padding may fall off the edge
            assert row - blank <= tabs.content_region.width, (key, row, tabs.content_region.width)
            active = tabs.active_tab
            assert active is not None and active.label.plain.startswith(
                ("Actors", "Places", "Events", "Quotes")
            )


# ----------------------------------------------------------------- keys in the footer that fit


def footer_line(app: ReaderApp) -> str:
    """The footer as the user reads it: the keys that are shown, in order."""
    footer = app.screen.query_one(ReaderFooter)
    keys = [key for key in footer.query(FooterKey) if key.visible]
    return " ".join(f"{key.key_display} {key.description}".strip() for key in keys)


async def test_a_key_that_does_not_fit_whole_is_left_out(
    seed_article: Article, seed_analysis: Analysis
) -> None:
    app = make_app(seed_article, seed_analysis)
    async with app.run_test(size=(60, 20)) as pilot:
        # "q Quit" would be cut to "q Q" by the palette key: it is left out instead
        expected = "? Help / Search n Next ] Next quote s Panels ^p palette"
        await settle(pilot, lambda: footer_line(app) == expected)
        footer = app.screen.query_one(ReaderFooter)
        palette = footer.query_one(f".{PALETTE_CLASS}")
        shown = [key for key in footer.query(FooterKey) if key.visible and key is not palette]
        assert all(key.region.right <= palette.region.x for key in shown)
        await pilot.resize_terminal(160, 40)
        await settle(pilot, lambda: footer_line(app).endswith("s Panels q Quit ^p palette"))


@pytest.mark.parametrize("width", [30, 40, 60, 80, 120])
async def test_help_stays_first_at_every_width(
    width: int, seed_article: Article, seed_analysis: Analysis
) -> None:
    app = make_app(seed_article, seed_analysis)
    async with app.run_test(size=(width, 20)) as pilot:
        footer = app.screen.query_one(ReaderFooter)
        await settle(pilot, lambda: bool(footer.query(FooterKey)))
        await settle(pilot, lambda: footer_line(app).startswith("? Help"))  # laid out late when busy


# ----------------------------------------------------------------- screenshots


async def test_the_screenshot_command_saves_an_svg_and_says_where(
    seed_article: Article, seed_analysis: Analysis
) -> None:
    app = make_app(seed_article, seed_analysis)
    folder = screenshot.screenshot_folder()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Screenshot")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot, lambda: folder.is_dir() and any(folder.glob("*.svg")))
        (saved,) = folder.glob("*.svg")
        assert saved.name.startswith("reader-iranian-leaders-give-mixed-signals")
        assert saved.read_text(encoding="utf-8").startswith("<svg")
        await settle(pilot, lambda: any(str(saved) in message for message in messages(app)))
        # A second picture in the same second gets its own name: nothing is replaced.
        second = app.save_screenshot_file()
        third = app.save_screenshot_file()
        assert second is not None and third is not None
        assert len({saved, second, third}) == 3 and len(list(folder.glob("*.svg"))) == 3
        assert not list(folder.glob(".*.tmp"))


@pytest.mark.parametrize(
    ("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)], ids=["022", "077", "002"]
)
async def test_a_screenshot_is_created_as_the_umask_says(
    seed_article: Article, seed_analysis: Analysis, umask: int, mode: int
) -> None:
    """A picture is the user's to share: created like any file (0644 under umask 022), still atomically."""
    app = make_app(seed_article, seed_analysis)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = os.umask(umask)
        try:
            saved = app.save_screenshot_file()
        finally:
            os.umask(before)
        assert saved is not None and saved.read_text(encoding="utf-8").startswith("<svg")
        assert stat.S_IMODE(saved.stat().st_mode) == mode
        assert not list(saved.parent.glob(".*.tmp"))


async def test_an_unwritable_screenshot_folder_is_one_notice(
    seed_article: Article, seed_analysis: Analysis, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    monkeypatch.setattr(screenshot, "screenshot_folder", lambda: blocker / "screenshots")
    app = make_app(seed_article, seed_analysis)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.save_screenshot_file() is None
        await pilot.pause()
        failures = [m for m in messages(app) if m.startswith("Could not save the screenshot")]
        assert len(failures) == 1 and str(blocker) in failures[0]
        assert blocker.read_text(encoding="utf-8") == "a file where the folder should be"


def test_a_screenshot_name_is_safe_whatever_the_title() -> None:
    from datetime import datetime

    when = datetime(2026, 12, 5, 0, 12, 30)
    assert screenshot.screenshot_name("../../etc/passwd\x1b[31m", when) == (
        "reader-etc-passwd-31m-2026-12-05_00-12-30.svg"
    )
    assert screenshot.screenshot_name(None, when) == "reader-2026-12-05_00-12-30.svg"
    assert screenshot.screenshot_name("“Все” — 日本", when) == "reader-2026-12-05_00-12-30.svg"


@pytest.mark.parametrize("width", [60, 41, 30, 28, 22, 16])
def test_the_quote_legend_fits_and_never_splits_an_entry(width: int) -> None:
    """A legend wrapped by the panel read "≈" on one line and "mixed" on the next."""
    lines = quote_legend(width).splitlines()
    assert all(len(line) <= width for line in lines), lines
    marks = [entry.split()[0] for entry in LEGEND_ENTRIES]
    for mark in marks:  # each mark on the same line as its word
        (line,) = [line for line in lines if mark in line]
        assert line[line.index(mark) + 2 :].split()[0].isalpha()


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (200, 50)], ids=["60x20", "80x24", "200x50"])
async def test_the_facts_line_breaks_between_facts(size: tuple[int, int]) -> None:
    """Never "· 4" at the end of one line and "min read" on the next."""
    from reader.sources import load_article
    from reader.ui.present import article_meta

    separator = " · "

    article = load_article(
        str(
            Path(__file__).resolve().parents[2] / "sample_articles" / "mine-rescue-multi-paragraph-quotes.txt"
        )
    )
    facts = (article_meta(article) or "").split(separator)
    assert len(facts) >= 3
    app = ReaderApp(article, ReaderOptions(analyse=False))
    async with app.run_test(size=size) as pilot:
        if app.screen.has_class("-no-sidebar"):
            await pilot.press("s")  # the panel takes room: the line has to break
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        lines = [text for text, role in view.header if role == "meta" and text]
        assert separator.join(lines) == separator.join(facts)
        assert all(set(line.split(separator)) <= set(facts) for line in lines), lines
