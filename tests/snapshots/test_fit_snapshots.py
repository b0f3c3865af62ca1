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


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_places_filtered_by_typing(snap_compare, size: tuple[int, int]) -> None:
    """Letters typed in the places list filter it; the panel's edge and filter box show the keys are there."""

    async def filter_places(pilot) -> None:
        await pilot.press("2", "i", "r")
        pilot.app.screen.query_one("#filter-places").cursor_blink = False  # the same picture every time
        places = pilot.app.screen.query_one("#list-places")
        for _ in range(100):  # the list is rebuilt after a pause in typing (later on a busy machine)
            await pilot.pause(0.05)
            if places.option_count == 3:  # Iraq, Iran, al-Asad air base
                break

    assert snap_compare(make_app(), run_before=filter_places, terminal_size=size)


@pytest.mark.usefixtures("lasting_notices", "steady_flash")
def test_a_wider_panel_at_200_columns(snap_compare) -> None:
    """`>` twice: the quotes panel takes 47% of a wide window, so quotes are cut less.

    The picture shows both notices of the width and the flash of the quote jumped to: they last the
    whole test, so a busy machine's slow keys cannot let them fade before the snapshot.
    """

    async def widen(pilot) -> None:
        await pilot.press("4", "greater_than_sign", "greater_than_sign", "enter")
        await pilot.pause()

    assert snap_compare(make_app(), run_before=widen, terminal_size=(200, 50))
