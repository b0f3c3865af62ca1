"""Every screen fits: help, footer and panels at 60x20, 80x24 and 200x50 (the frozen seed analysis)."""

from __future__ import annotations

import pytest
from test_app_snapshots import make_app

SIZES = [(60, 20), (80, 24), (200, 50)]


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_reading_screen_with_footer(snap_compare, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_help_screen(snap_compare, size: tuple[int, int]) -> None:
    async def open_help(pilot) -> None:
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(make_app(), run_before=open_help, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_quotes_panel(snap_compare, size: tuple[int, int]) -> None:
    async def open_quotes(pilot) -> None:
        await pilot.press("4")
        await pilot.pause()

    assert snap_compare(make_app(), run_before=open_quotes, terminal_size=size)
