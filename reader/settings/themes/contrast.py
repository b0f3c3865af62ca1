"""Colour arithmetic for themes: WCAG contrast, readable derived colours, lighter or darker surfaces.

Styles are measured as a terminal shows them: `reverse` swaps the colours and `dim` blends the text
towards its background.
"""

from __future__ import annotations

from reader.settings.themes.model import ReaderTheme

WCAG_MINIMUM = 4.5
"""WCAG 2 AA contrast for body text; the built-in themes keep every highlight above it."""

_DIM_FACTOR = 0.66  # how far Textual blends dim text towards its background (its default)


def rgb(hex_colour: str) -> tuple[int, int, int]:
    return int(hex_colour[1:3], 16), int(hex_colour[3:5], 16), int(hex_colour[5:7], 16)


def luminance(colour: tuple[int, ...]) -> float:
    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in colour)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """WCAG 2 contrast ratio of two RGB colours (1 to 21)."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def low_contrast(theme: ReaderTheme, minimum: float = WCAG_MINIMUM) -> list[str]:
    """Roles (and "text") that fall below `minimum` against the background, as "role 3.1:1".

    Styles are measured as shown: `reverse` swaps the colours and `dim` blends towards the background.
    """
    from rich.style import Style

    if theme.ansi:  # the terminal's palette decides; nothing to measure here
        return []
    page = rgb(theme.palette["background"])
    text = rgb(theme.palette["foreground"])
    found = []
    if (ratio := contrast_ratio(text, page)) < minimum:
        found.append(f"text {ratio:.1f}:1")
    for role, spec in theme.styles.items():
        style = Style.parse(spec)
        fg = tuple(style.color.get_truecolor()) if style.color and not style.color.is_default else text
        bg = tuple(style.bgcolor.get_truecolor()) if style.bgcolor and not style.bgcolor.is_default else page
        if style.reverse:
            fg, bg = bg, fg
        if style.dim:
            fg = tuple(round(b + (f - b) * _DIM_FACTOR) for f, b in zip(fg, bg, strict=True))
        if (ratio := contrast_ratio(fg, bg)) < minimum:
            found.append(f"{role} {ratio:.1f}:1")
    return found


def readable(colour: str, palette: dict[str, str], *, dim: bool, reverse: bool) -> str:
    """`colour`, moved towards white (dark themes) or black (light ones) until it reads at 4.5:1.

    Derived styles must stay readable whatever palette a user theme gives; explicit styles are
    left alone (and `reader themes` warns when they are too faint).
    """
    page = rgb(palette["background"])
    target = (255, 255, 255) if luminance(page) < 0.18 else (0, 0, 0)
    original = rgb(colour)
    for step in range(11):
        mixed = tuple(round(c + (t - c) * step / 10) for c, t in zip(original, target, strict=True))
        if reverse:  # the page colour is drawn on this one
            ratio = contrast_ratio(page, mixed)
        elif dim:
            shown = tuple(round(b + (c - b) * _DIM_FACTOR) for c, b in zip(mixed, page, strict=True))
            ratio = contrast_ratio(shown, page)
        else:
            ratio = contrast_ratio(mixed, page)
        if ratio >= WCAG_MINIMUM:
            return "#" + "".join(f"{c:02x}" for c in mixed)
    return colour


def shift(hex_colour: str, amount: float) -> str:
    """Lighten (amount > 0) or darken (amount < 0) a #rrggbb colour a little, for derived surfaces."""
    channels = [int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)]
    if amount >= 0:
        channels = [round(c + (255 - c) * amount) for c in channels]
    else:
        channels = [round(c * (1 + amount)) for c in channels]
    return "#" + "".join(f"{c:02x}" for c in channels)
