"""WCAG 2 contrast: every bundled theme keeps text and highlights at 4.5:1 or more against its background.

Relative luminance and the contrast ratio are computed here from the WCAG 2.x definitions, independently of
the theme code. Styles are checked as the terminal shows them: `reverse` swaps foreground and background,
and `dim` is blended towards the background the way Textual renders it.
"""

from __future__ import annotations

import pytest
from rich.style import Style
from textual.constants import DIM_FACTOR

from reader import resources
from reader.settings.themes import get_theme, load_theme_file
from reader.vocab import STYLE_ROLES as ROLES

# Themes in the terminal's own ANSI colours (`ansi = true`) have no fixed RGB values to measure.
THEME_FILES = sorted(
    path for path in resources.themes_dir().glob("*.toml") if not load_theme_file(path, builtin=True)[0].ansi
)
MINIMUM = 4.5


def rgb(hex_colour: str) -> tuple[int, int, int]:
    assert len(hex_colour) == 7 and hex_colour.startswith("#"), hex_colour
    return int(hex_colour[1:3], 16), int(hex_colour[3:5], 16), int(hex_colour[5:7], 16)


def relative_luminance(colour: tuple[int, int, int]) -> float:
    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in colour)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    light, dark = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def blend(background: tuple[int, int, int], colour: tuple[int, int, int], factor: float) -> tuple[int, ...]:
    return tuple(round(b + (c - b) * factor) for b, c in zip(background, colour, strict=True))


def shown_colours(style: Style, foreground: str, background: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The (text, background) colours a terminal shows for `style` on a page of the given colours."""
    fg = style.color.triplet if style.color and style.color.triplet else None
    bg = style.bgcolor.triplet if style.bgcolor and style.bgcolor.triplet else None
    text = tuple(fg) if fg else rgb(foreground)
    page = tuple(bg) if bg else rgb(background)
    if style.reverse:
        text, page = page, text
    if style.dim:
        text = blend(page, text, DIM_FACTOR)
    return text, page


def test_the_formula_matches_known_values() -> None:
    assert contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast((119, 119, 119), (255, 255, 255)) == pytest.approx(4.48, abs=0.01)
    assert contrast((0, 0, 255), (255, 255, 255)) == pytest.approx(8.59, abs=0.01)


def test_there_are_themes_to_check() -> None:
    names = {path.stem for path in THEME_FILES}
    assert {"dark", "light", "high-contrast", "colour-blind"} <= names
    skipped = {path.stem for path in resources.themes_dir().glob("*.toml")} - names
    assert skipped <= {"terminal"}, f"only the ANSI theme may skip the contrast check, not {skipped}"


@pytest.mark.parametrize("path", THEME_FILES, ids=lambda p: p.stem)
def test_text_contrast(path) -> None:
    theme, _ = load_theme_file(path, builtin=True)
    for page in ("background", "surface", "panel"):
        ratio = contrast(rgb(theme.palette["foreground"]), rgb(theme.palette[page]))
        assert ratio >= MINIMUM, f"{path.name}: text on {page} is {ratio:.2f}:1"
    # Secondary text (bylines, the speaker after a quote) is the foreground dimmed: it must read too.
    dimmed = shown_colours(Style(dim=True), theme.palette["foreground"], theme.palette["background"])
    assert contrast(*dimmed) >= MINIMUM, f"{path.name}: dim text is {contrast(*dimmed):.2f}:1"


@pytest.mark.parametrize("path", THEME_FILES, ids=lambda p: p.stem)
def test_highlight_contrast(path) -> None:
    theme, _ = load_theme_file(path, builtin=True)
    failures = []
    for role in ROLES:
        style = Style.parse(theme.styles[role])
        for page in ("background", "surface"):
            text, shown_page = shown_colours(style, theme.palette["foreground"], theme.palette[page])
            ratio = contrast(text, shown_page)
            if ratio < MINIMUM:
                failures.append(f"{role} on {page}: {ratio:.2f}:1 ({theme.styles[role]})")
    assert not failures, f"{path.name}: " + "; ".join(failures)


def test_dim_and_reverse_are_accounted_for() -> None:
    """A dim grey that passes undimmed fails once blended, and reverse checks the swapped pair."""
    dim = shown_colours(Style.parse("dim #767676"), "#ffffff", "#ffffff")
    assert contrast(rgb("#767676"), rgb("#ffffff")) >= MINIMUM
    assert contrast(*dim) < MINIMUM
    reverse = shown_colours(Style.parse("reverse #ffff00"), "#ffffff", "#000000")
    assert reverse == ((0, 0, 0), (255, 255, 0))


def test_the_high_contrast_scrollbar_stands_out_from_its_track() -> None:
    variables = get_theme("high-contrast").to_textual_theme().to_color_system().generate()
    thumb, track = variables["scrollbar"], variables["scrollbar-background"]
    assert contrast(rgb(thumb), rgb(track)) >= 7, (thumb, track)
