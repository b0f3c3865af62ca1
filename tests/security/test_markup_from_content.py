"""Textual markup in what came from outside is shown as text, never read: the app's pilot.

Quotes, names, search words, theme names, file names and notices may hold "[/b]", "[bold red]" or
"[@click=app.quit]"; read as markup they would crash the app or restyle it.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList

from reader.analysis.model import Analysis, ModelInfo, Quote, Referent, Span
from reader.article import Article
from reader.ui.app import ReaderApp
from reader.ui.options import ReaderOptions
from reader.ui.widgets.status_bar import StatusBar

MARKUP = ["[/b]", "[/zz]", "[bold red]", "[$accent]", "[@click=app.quit]x[/]", "[link=file:///etc]y[/link]"]
NAME = "Ana [/b] Lee"
QUOTE = "“We will not [/zz] stop [@click=app.quit]now[/],” Ana [/b] Lee said."
TEXT = f"Headline [bold red] here\n\n{QUOTE}\n\nThe council met on [$accent] Tuesday.\n"


def hostile_article() -> tuple[Article, Analysis]:
    start = TEXT.index(QUOTE)
    content = Span(start, start + QUOTE.index(",”") + 2, QUOTE[: QUOTE.index(",”") + 2])
    name_at = TEXT.index(NAME)
    speaker = Span(name_at, name_at + len(NAME), NAME)
    actor = Referent("person-1", NAME, "person", ["[/zz]"], [speaker])
    quote = Quote("direct", content, speaker, actor.id, None, 0.9, [content], NAME)
    article = Article(TEXT, "/tmp/[/b]\x1b]0;title\x07.txt", title="Headline [bold red] here")
    return article, Analysis(TEXT, ModelInfo("test", "0"), actors=[actor], quotes=[quote])


async def test_markup_in_the_article_search_palette_and_notices_is_text() -> None:
    article, analysis = hostile_article()
    app = ReaderApp(article, ReaderOptions(analyse=False), analysis=analysis)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"[/zz]", "enter")  # a search with markup, and its notice
        await pilot.press("escape")
        await pilot.press("right_square_bracket")  # jump to the quote: its speaker in the status bar
        await pilot.pause()
        for text in MARKUP:
            app.notify(text, title=text, timeout=600)
        await pilot.pause()  # the notices are drawn: markup read there would raise
        messages = [n.message for n in app._notifications]
        assert "[/zz]" in messages and "[@click=app.quit]x[/]" in messages
        app.switch_theme("[/zz]")  # an unknown theme's name in a notice
        await pilot.press("ctrl+p")
        await pilot.pause()
        palette_input = app.screen.query_one(Input)
        for query in ("ana", "zz", "jump"):
            palette_input.value = query
            await pilot.pause(0.3)
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running and app.return_code is None
        bar = app.screen.query_one(StatusBar)
        assert "\x1b" not in bar.title and "\x07" not in bar.title


async def test_a_hostile_file_name_in_the_library_and_status_bar(tmp_path: Path) -> None:
    from reader.settings import state

    name = tmp_path / "evil [b] \x1b]2;owned\x07 name.txt"
    name.write_text("A plain story about the council.\n", encoding="utf-8")
    state.update_state(lambda s: s.add_recent(str(name), "[bold red]\x1b[2J title"))
    state.update_state(lambda s: s.add_recent("https://alice:pw@example.org/[/b]", "https://alice:pw@x.org/"))
    app = ReaderApp(None, ReaderOptions(analyse=False))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        rows = app.screen.query_one("#library-list", OptionList)
        prompts = [str(rows.get_option_at_index(i).prompt) for i in range(rows.option_count)]
        recent = "\n".join(p for p in prompts if "title" in p or "example.org" in p or "x.org" in p)
        assert "[bold red]" in recent and "***@example.org" in recent  # shown as text, password masked
        assert "\x1b" not in recent and "\x07" not in recent and ":pw@" not in recent
        assert app.is_running
