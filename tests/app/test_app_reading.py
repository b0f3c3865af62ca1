"""Pilot tests: drive the app on the seed article and check what is on screen."""

from __future__ import annotations

import pytest
from rich.style import Style

from reader.analysis.model import Analysis
from reader.article import Article
from reader.settings.config import Config
from reader.ui.app import ReaderApp
from reader.ui.options import ReaderOptions
from reader.ui.present import is_doubtful, shown_quotes
from reader.ui.screens.actor_card import ActorCard
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.help import HelpScreen
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.find_bar import FindBar
from reader.ui.widgets.side_panel import BACKGROUND_HEADING, MAIN_MARK, EventList, QuoteTree, ReferentList
from reader.ui.widgets.status_bar import StatusBar

SIZE = (120, 40)


def make_app(article: Article, analysis: Analysis, **kwargs) -> ReaderApp:
    return ReaderApp(article, ReaderOptions(analyse=False, **kwargs), analysis=analysis)


def visible_text(view: ArticleView) -> str:
    top = int(view.scroll_y)
    height = view.scrollable_content_region.height
    return "\n".join(view.display_line_text(y) for y in range(top, top + height))


def styles_at(view: ArticleView, offset: int) -> list[Style]:
    """Styles of the rendered cells showing character `offset` (the line must be on screen)."""
    line = view.line_for_offset(offset) - int(view.scroll_y)
    assert 0 <= line < view.scrollable_content_region.height, "offset is not on screen"
    strip = view.render_line(line)
    styles = []
    for segment in strip:
        meta = segment.style.meta if segment.style is not None else {}
        if "offset" not in meta:
            continue
        column, _y = meta["offset"]
        start = view.layout_.starts[view.layout_.line_of(offset)] + column
        if start <= offset < start + len(segment.text):
            styles.append(segment.style)
    return styles


def has_role(styles: list[Style], role: Style) -> bool:
    """Whether a rendered cell carries every colour and cue of a role's style (the top layer wins)."""

    def carries(style: Style) -> bool:
        if role.color is not None and style.color != role.color:
            return False
        if role.bgcolor is not None and style.bgcolor != role.bgcolor:
            return False
        return all(
            getattr(style, cue) for cue in ("bold", "italic", "underline", "reverse") if getattr(role, cue)
        )

    return any(carries(style) for style in styles)


async def test_text_and_title_are_on_screen_with_highlights(seed_article, seed_analysis) -> None:
    app = make_app(seed_article, seed_analysis)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        assert view.display_line_text(0) == "644 words · 3 min read"
        assert view.display_line_text(view.header_lines).startswith("Iranian leaders give mixed signals")
        assert "Iran’s" in visible_text(view)
        # the headline is on screen, so the status line names the file; it shows the title once scrolled
        assert app.screen.query_one(StatusBar).title == "iran-missile-strikes.txt"
        assert app.screen.full_title.startswith("Iranian leaders")
        person = next(e for e in seed_analysis.entities if e.label == "PERSON")
        styles = styles_at(view, person.start)
        assert any(style.color == view.styles_by_role["person"].color for style in styles)


async def test_selecting_an_actor_highlights_all_mentions_and_n_cycles(seed_article, seed_analysis) -> None:
    app = make_app(seed_article, seed_analysis)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        actors = app.screen.query_one("#list-actors", ReferentList)
        assert app.focused is actors
        assert actors.option_count == len(seed_analysis.actors)
        await pilot.press("down")  # the second most mentioned actor
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        record = seed_analysis.referent(actors.highlighted_option.id)
        view = screen.view
        assert view.selected == sorted({(m.start, m.end) for m in record.mentions})
        await pilot.press("enter")  # jump to the first mention
        await pilot.pause()
        first = view.selected[0]
        assert view.current == first
        assert has_role(styles_at(view, first[0]), view.styles_by_role["current"])
        status = screen.query_one(StatusBar)
        assert f"1/{len(view.selected)} mention" in status.info
        view.focus()
        await pilot.press("n")
        assert view.current == view.selected[1 % len(view.selected)]
        assert has_role(styles_at(view, view.selected[1][0]), view.styles_by_role["current"])
        await pilot.press("N", "N")
        assert view.current == view.selected[-1]


async def test_quote_jumps_land_on_quotes_and_flash_them(seed_article, seed_analysis) -> None:
    app = make_app(seed_article, seed_analysis)
    async with app.run_test(size=SIZE) as pilot:
        quotes = [q for _i, q in shown_quotes(seed_analysis, show_doubtful=False)]
        assert quotes, "the seed article has quotes"
        await pilot.press("right_square_bracket")
        view = app.screen.query_one(ArticleView)
        assert view.flash == (quotes[0].content.start, quotes[0].content.end)
        await pilot.press("right_square_bracket", "right_square_bracket")
        target = quotes[2 % len(quotes)].content
        assert view.flash == (target.start, target.end)
        line = view.line_for_offset(target.start)
        assert view.scroll_y <= line < view.scroll_y + view.scrollable_content_region.height
        assert has_role(styles_at(view, target.start), view.styles_by_role["current"])
        await pilot.press("left_square_bracket")
        assert view.flash == (quotes[1].content.start, quotes[1].content.end)


async def test_search_marks_and_counts_matches(seed_article, seed_analysis) -> None:
    app = make_app(seed_article, seed_analysis)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        find = app.screen.query_one(FindBar)
        assert find.has_class("-visible")
        await pilot.press(*"tehran")
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        expected = seed_article.text.lower().count("tehran")
        assert expected > 1
        assert len(view.matches) == expected
        assert str(find.query_one("#find-count").render()) == f"{expected} matches"
        assert f"1/{expected} matches" in app.screen.query_one(StatusBar).info
        await pilot.press("enter")
        assert app.focused is view
        await pilot.press("n")
        assert view.current == view.matches[1]
        assert has_role(styles_at(view, view.matches[1][0]), view.styles_by_role["current"])
        others = [m for m in view.matches if m != view.current]
        on_screen = [m for m in others if 0 <= view.line_for_offset(m[0]) - view.scroll_y < 30]
        assert has_role(styles_at(view, on_screen[0][0]), view.styles_by_role["match"])
        await pilot.press("escape")
        assert view.matches == [] and view.current is None
        assert not find.has_class("-visible")


async def test_panels_list_real_records(seed_article, seed_analysis) -> None:
    app = make_app(seed_article, seed_analysis)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await pilot.press("2")  # panels are filled when they are shown
        places = screen.query_one("#list-places", ReferentList)
        assert places.option_count == len(seed_analysis.places)
        await pilot.press("3")
        events = screen.query_one(EventList)
        heading = any(e.background for e in seed_analysis.events)  # the background's divider
        assert events.option_count == len(seed_analysis.events) + heading
        await pilot.press("4")
        tree = screen.query_one(QuoteTree)
        speakers = {str(node.label).split("  (")[0] for node in tree.root.children}
        confident = [q for q in seed_analysis.quotes if not is_doubtful(q) and q.is_speech]
        named = {q.speaker_name or (q.speaker.text if q.speaker else "Unattributed") for q in confident}
        assert speakers == named
        assert sum(len(node.children) for node in tree.root.children) == len(confident)
        # the filter box narrows the list
        await pilot.press("1")
        top = seed_analysis.actors[0].name
        screen.query_one("#filter-actors").value = top
        actors = screen.query_one("#list-actors", ReferentList)
        for _ in range(100):  # the list is rebuilt after a pause in typing: wait for it, not for a time
            await pilot.pause(0.1)
            if actors.option_count < len(seed_analysis.actors):
                break
        names = [str(actors.get_option_at_index(i).prompt).split("  ")[0] for i in range(actors.option_count)]
        assert top in names and len(names) < len(seed_analysis.actors)
        # Enter on an event scrolls there and flashes its trigger
        await pilot.press("3")
        await pilot.press("end", "enter")
        last = seed_analysis.events[-1]
        view = screen.query_one(ArticleView)
        assert view.flash == (last.trigger.start, last.trigger.end)
        # Enter on a quote in the tree jumps to it
        await pilot.press("4")
        tree.root.children[0].expand()
        await pilot.pause()
        tree.move_cursor(tree.root.children[0].children[0])
        await pilot.press("enter")
        kind, index = tree.root.children[0].children[0].data
        quote = seed_analysis.quotes[index]
        assert view.flash == (quote.content.start, quote.content.end)
        # s hides the panels
        await pilot.press("s")
        assert screen.has_class("-no-sidebar")


async def test_the_events_filter_narrows_the_list(seed_article, seed_analysis) -> None:
    app = make_app(seed_article, seed_analysis)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        trigger = seed_analysis.events[0].trigger.text
        app.screen.query_one("#filter-events").value = trigger
        events = app.screen.query_one(EventList)
        for _ in range(100):  # the list is rebuilt after a pause in typing (later on a busy machine)
            await pilot.pause(0.05)
            if events.option_count < len(seed_analysis.events):
                break
        assert 0 < events.option_count < len(seed_analysis.events)
        for i in range(events.option_count):
            if events.get_option_at_index(i).disabled:
                continue  # the background's heading
            event = seed_analysis.events[int(events.get_option_at_index(i).id or -1)]
            shown = f"{events.get_option_at_index(i).prompt} {event.sentence.text}".casefold()
            assert trigger.casefold() in shown


async def test_events_panel_puts_the_main_event_on_top(seed_article, seed_analysis) -> None:
    app = make_app(seed_article, seed_analysis)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        events = app.screen.query_one(EventList)
        prompts = [str(events.get_option_at_index(i).prompt) for i in range(events.option_count)]
        assert prompts[0].startswith(MAIN_MARK) and "launched" in prompts[0]
        at = prompts.index(BACKGROUND_HEADING)
        foreground = [e for e in seed_analysis.events if not e.background]
        assert at == len(foreground) and events.get_option_at_index(at).disabled
        assert all(MAIN_MARK not in p for p in prompts[1:])
        # Enter on the main event jumps to its trigger
        events.focus()
        events.highlighted = 0
        await pilot.press("enter")
        main = seed_analysis.events[0]
        assert app.screen.query_one(ArticleView).flash == (main.trigger.start, main.trigger.end)


async def test_help_lists_every_key(seed_article, seed_analysis) -> None:
    app = make_app(seed_article, seed_analysis)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        rows = app.screen.rows
        ids = {row[2] for row in rows}
        for wanted in (
            "search",
            "next",
            "next-quote",
            "toggle-sidebar",
            "page-down",
            "top",
            "bottom",
            "quit",
            "help",
        ):
            assert wanted in ids
        keys = {row[2]: row[0] for row in rows}
        assert "j" in keys["scroll-down"] and "G" in keys["bottom"]
        await pilot.press("escape")
        assert isinstance(app.screen, ArticleScreen)


async def test_toggles_remove_and_restore_layers(seed_article, seed_analysis) -> None:
    app = make_app(seed_article, seed_analysis)
    async with app.run_test(size=SIZE) as pilot:
        view = app.screen.query_one(ArticleView)
        person = next(e for e in seed_analysis.entities if e.label == "PERSON")
        colour = view.styles_by_role["person"].color
        assert any(s.color == colour for s in styles_at(view, person.start))
        await pilot.press("e")
        assert not view.highlight_roles
        assert not any(s.color == colour for s in styles_at(view, person.start))
        await pilot.press("e")
        assert any(s.color == colour for s in styles_at(view, person.start))
        assert len(view.highlights.quotes) > 0
        await pilot.press("t")
        assert len(view.highlights.quotes) == 0 and not view.show_quotes
        app.screen.toggle_role("person")
        assert "person" not in view.highlight_roles


async def test_reading_position_is_restored(seed_article, seed_analysis) -> None:
    app = make_app(seed_article, seed_analysis)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        saved = view.top_offset
        assert saved > 0
        await pilot.press("q")
    app = make_app(seed_article, seed_analysis)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        top_line = view.layout_.line_of(saved)
        assert view.layout_.starts[top_line] <= saved <= view.layout_.ends[top_line]
        assert int(view.scroll_y) == view.line_for_offset(saved)


async def test_clicking_a_name_opens_its_card(seed_article, seed_analysis) -> None:
    app = make_app(seed_article, seed_analysis)
    async with app.run_test(size=SIZE) as pilot:
        view = app.screen.query_one(ArticleView)
        speaker = next(
            q for q in seed_analysis.quotes if q.actor and not is_doubtful(q) and q.act == "speech"
        )
        record = seed_analysis.referent(speaker.actor)
        mention = record.mentions[0]
        view.scroll_to_offset(mention.start, top=True)
        await pilot.pause()
        line, column = view.layout_.position(mention.start)
        y = view.line_for_offset(mention.start) - int(view.scroll_y)
        x = view._pad + 2 + column
        await pilot.click(ArticleView, offset=(x, y))
        await pilot.pause()
        assert isinstance(app.screen, ActorCard)
        body = str(app.screen.query_one("#card-body").render())
        assert record.name in body and "Said (" in body
        await pilot.press("m")
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.selected_referent == record.id


async def test_theme_switch_restyles_and_is_remembered(seed_article, seed_analysis) -> None:
    from reader.settings.themes import remembered_theme

    app = make_app(seed_article, seed_analysis)
    async with app.run_test(size=SIZE) as pilot:
        view = app.screen.query_one(ArticleView)
        before = view.styles_by_role["person"]
        other = next(name for name in app.reader_theme_names() if name != app.reader_theme_name)
        app.switch_theme(other)
        await pilot.pause()
        assert app.theme == other
        assert view.styles_by_role["person"] != before or other == "dark"
        assert remembered_theme() == other


async def test_no_color_keeps_non_colour_cues(seed_article, seed_analysis, monkeypatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(seed_article, seed_analysis)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        for role in ("person", "organisation", "place", "quote", "speaker", "match", "current"):
            style = view.styles_by_role[role]
            assert style.color is None and style.bgcolor is None
            assert style.bold or style.italic or style.underline or style.reverse


async def test_keymap_from_config_remaps_a_binding(seed_article, seed_analysis) -> None:
    config = Config(keymap={"next-quote": "x"})
    app = make_app(seed_article, seed_analysis, config=config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("x")
        view = app.screen.query_one(ArticleView)
        first = shown_quotes(seed_analysis, show_doubtful=False)[0][1]
        # The jump's status line stays (its flash ends after a moment, sooner than a busy machine asserts).
        assert app.screen.query_one(StatusBar).info.startswith("quote 1/")
        assert view.shows_offset(first.content.start)


async def test_palette_offers_actors_quotes_toggles_and_themes(seed_article, seed_analysis) -> None:
    from reader.ui.palette import article_commands

    app = make_app(seed_article, seed_analysis)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        commands = {
            title: callback
            for title, callback, _help in article_commands(
                screen, screen.analysis, screen.visible_quotes(), ("person",)
            )
        }
        actor = seed_analysis.actors[0]
        commands[f"Jump to actor: {actor.name}"]()
        await pilot.pause()
        assert screen.selected_referent == actor.id
        assert screen.view.current == min((m.start, m.end) for m in actor.mentions)
        assert any(title.startswith("Jump to quote:") for title in commands)
        assert "Toggle quote highlights" in commands
        await pilot.press("ctrl+p")
        await pilot.press(*"jump to quote")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.view.flash is not None
        app_wide = {command.title: command for command in app.get_system_commands(screen)}
        assert "Open the library" in app_wide and "Help" in app_wide
        app_wide["Theme: light"].callback()
        await pilot.pause()
        assert app.theme == "light"


async def test_boilerplate_is_dimmed_and_control_characters_are_replaced() -> None:
    body = "Headline here\n\nThe mayor said the plan \x1b[31mwas\x07 approved.\u202e\n\n"
    footer = "Share this article. Leave a reply."
    article = Article(body + footer, source="-", title="Headline here", body_end=len(body))
    app = ReaderApp(article, ReaderOptions(analyse=False))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        shown = "\n".join(view.display_line_text(y) for y in range(view.header_lines + len(view.layout_)))
        assert "\x1b" not in shown and "\x07" not in shown and "\u202e" not in shown
        assert "\u241b[31mwas\u2407 approved" in shown  # the loader's visible symbols: one sanitizer
        strip_text = "".join(segment.text for y in range(8) for segment in view.render_line(y))
        assert "\x1b" not in strip_text
        boiler = view.styles_by_role["boilerplate"]
        assert has_role(styles_at(view, len(body) + 2), boiler)
        assert not has_role(styles_at(view, body.index("mayor")), boiler)
        # the title the text opens with is not repeated as a header
        assert [role for _text, role in view.header] == ["meta", "meta"]  # "1 min read" and a blank line
        assert view.display_line_text(view.header_lines) == "Headline here"


async def test_reading_width_cycles_and_reflows(seed_article, seed_analysis) -> None:
    app = make_app(seed_article, seed_analysis, config=Config(show_sidebar=False))
    async with app.run_test(size=(160, 40)) as pilot:
        view = app.screen.query_one(ArticleView)
        assert view.layout_.width == 80
        lines_at_80 = len(view.layout_)
        await pilot.press("w")
        assert view.layout_.width == 100 and len(view.layout_) < lines_at_80
        assert all(len(view.layout_.line_text(i)) <= 100 for i in range(len(view.layout_)))


async def test_y_copies_the_quote_jumped_to(seed_article, seed_analysis) -> None:
    app = make_app(seed_article, seed_analysis)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right_square_bracket", "y")
        first = shown_quotes(seed_analysis, show_doubtful=False)[0][1]
        assert app.clipboard.startswith(" ".join(first.content.text.split()))
        if first.speaker_name:
            assert app.clipboard.endswith(f"— {first.speaker_name}")


@pytest.mark.parametrize("width", [50, 76])
def test_help_never_breaks_a_binding_id_over_two_lines(width: int) -> None:
    from rich.console import Console

    from reader.ui.screens.help import key_table

    rows = [("^c", "Copy the selected text, or quit when nothing is selected", "copy-or-quit")]
    rows += [("o", "Show or hide the contents: the article's headings", "toggle-contents")]
    rows += [("a", "Show every attribution: beliefs, intentions and evidence", "toggle-doubtful")]
    console = Console(width=width, record=True, color_system=None)
    console.print(key_table(rows))
    shown = console.export_text()
    assert max(len(line) for line in shown.splitlines()) <= width
    for _keys, _what, binding_id in rows:
        assert binding_id in shown, shown
