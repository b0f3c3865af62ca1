"""Bindings, text selection and every bundled theme in the app."""

from __future__ import annotations

from pathlib import Path

from textual.geometry import Offset
from textual.selection import Selection

from reader.ui.app import ReaderApp, binding_owners
from reader.ui.options import ReaderOptions
from reader.ui.widgets.article_view import ArticleView


def test_every_binding_has_an_id_and_a_description() -> None:
    ids: list[str] = []
    for owner in binding_owners():
        for binding in owner.BINDINGS:
            assert binding.id, f"{owner.__name__} {binding.key} has no id"
            assert binding.description and binding.tooltip, f"{binding.id} needs a description and tooltip"
            ids.append(binding.id)
    assert len(ids) == len(set(ids)), "binding ids are unique (they are the [keymap] names)"


async def test_mouse_selection_copies_the_displayed_text(seed_article, seed_analysis) -> None:
    app = ReaderApp(seed_article, ReaderOptions(analyse=False), analysis=seed_analysis)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        top = view.header_lines  # the lines over the text: reading time
        first = view.display_line_text(top + 3)
        second = view.display_line_text(top + 4)
        text, ending = view.get_selection(Selection(Offset(0, top + 3), Offset(10, top + 4)))
        assert text == first + "\n" + second[:10]
        assert ending == "\n"
        app.screen.selections = {view: Selection(Offset(0, top + 3), Offset(10, top + 4))}
        await pilot.pause()
        assert app.screen.get_selected_text() == text
        await pilot.press("ctrl+c")
        assert app.clipboard == text
        assert app.is_running  # ctrl+c copied instead of quitting


async def test_every_bundled_theme_applies(seed_article, seed_analysis) -> None:
    app = ReaderApp(seed_article, ReaderOptions(analyse=False), analysis=seed_analysis)
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.screen.query_one(ArticleView)
        seen = set()
        for name in app.reader_theme_names():
            app.switch_theme(name)
            await pilot.pause()
            assert app.theme == name
            seen.add(tuple(sorted((role, str(style)) for role, style in view.styles_by_role.items())))
            view.render_line(3)
        assert len(seen) == len(app.reader_theme_names())


async def test_unknown_keymap_ids_are_reported(seed_article, seed_analysis) -> None:
    from reader.settings.config import Config

    app = ReaderApp(
        seed_article,
        ReaderOptions(analyse=False, config=Config(keymap={"no-such-id": "x"})),
        analysis=seed_analysis,
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        messages = [notification.message for notification in app._notifications]
        assert any("no-such-id" in message for message in messages)


async def test_a_remap_the_focused_widget_hides_is_one_notice(seed_article, seed_analysis) -> None:
    """`quit = "j"`: the article text scrolls with j first, so the remap would silently do nothing."""
    from reader.settings.config import Config

    app = ReaderApp(
        seed_article,
        ReaderOptions(analyse=False, config=Config(keymap={"quit": "j"})),
        analysis=seed_analysis,
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        messages = [notification.message for notification in app._notifications]
        about = [message for message in messages if "keymap" in message]
        assert len(about) == 1, messages
        assert all(name in about[0] for name in ("'keymap.quit'", "'j'", "'scroll-down'", "article text"))
        assert app.return_code is None


def test_the_ui_modules_do_not_import_spacy_or_web_loaders() -> None:
    import subprocess
    import sys

    code = (
        "import sys, reader.cli.open_app, reader.ui.app;"
        "import reader.ui.screens.article, reader.ui.screens.library;"
        "from reader.sources import load_article; load_article(sys.argv[1]);"
        "heavy = [m for m in ('spacy', 'thinc', 'trafilatura', 'lxml') if m in sys.modules];"
        "print(heavy); sys.exit(1 if heavy else 0)"
    )
    seed = str(Path(__file__).resolve().parents[2] / "sample_articles" / "iran-missile-strikes.txt")
    result = subprocess.run([sys.executable, "-c", code, seed], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
