"""The contents pane fits: the Markdown sample's headings beside the text at 60x20, 80x24 and 200x50.

No analysis runs (the pane lists the article's own headings, which need none), so these pictures
change only when the drawing does.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_app_snapshots import flash_faded

ROOT = Path(__file__).resolve().parent.parent.parent
MARKDOWN = ROOT / "sample_articles" / "night-trains-return-markdown.md"
SIZES = [(60, 20), (80, 24), (200, 50)]


def make_app():
    from reader.sources import load_article
    from reader.ui.app import ReaderApp
    from reader.ui.options import ReaderOptions

    return ReaderApp(load_article(str(MARKDOWN)), ReaderOptions(theme="dark", analyse=False))


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_contents_pane(snap_compare, size: tuple[int, int]) -> None:
    async def open_contents(pilot) -> None:
        await pilot.press("o", "down")
        await pilot.pause()

    assert snap_compare(make_app(), run_before=open_contents, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_after_a_jump_to_a_heading(snap_compare, size: tuple[int, int]) -> None:
    async def jump(pilot) -> None:
        await pilot.press("o", "down", "down", "enter")
        await flash_faded(pilot)

    assert snap_compare(make_app(), run_before=jump, terminal_size=size)


def test_contents_filtered_by_typing(snap_compare) -> None:
    async def filtered(pilot) -> None:
        from textual.widgets import Input

        await pilot.press("o")
        for box in pilot.app.screen.query(Input):
            box.cursor_blink = False
        await pilot.press(*"on")
        await pilot.pause(0.3)

    assert snap_compare(make_app(), run_before=filtered, terminal_size=(80, 24))
