"""Check parsed theme data and fill in what it leaves out, naming the file and key of any problem.

Anything missing is derived from the palette, so a user theme can be five lines long; derived colours
are moved until they read at 4.5:1 against the page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.settings.themes.contrast import luminance, readable, rgb, shift
from reader.settings.themes.model import OPTIONAL_PALETTE_KEYS, PALETTE_KEYS, ROLE_DEFAULTS, ReaderTheme
from reader.vocab import STYLE_ROLES

# Fallback palettes for the keys a theme leaves out (chosen by its `dark` flag).
_BASE_PALETTES: dict[bool, dict[str, str]] = {
    True: {
        "background": "#16181d",
        "surface": "#1d2027",
        "panel": "#262a33",
        "foreground": "#d9dde4",
        "primary": "#6cb6ff",
        "secondary": "#c4a5ff",
        "accent": "#f2c26b",
        "warning": "#f0b429",
        "error": "#ff7b72",
        "success": "#7fd99a",
    },
    False: {
        "background": "#fbfaf7",
        "surface": "#f2f0ea",
        "panel": "#e6e3da",
        "foreground": "#24292f",
        "primary": "#0b5cad",
        "secondary": "#6f42c1",
        "accent": "#8a4b00",
        "warning": "#8c5a00",
        "error": "#b3261e",
        "success": "#1a7f37",
    },
}


# The fallback for themes in the terminal's own colours (`ansi = true`): Textual's ANSI colour names.
_ANSI_PALETTE: dict[str, str] = {
    "background": "ansi_default",
    "surface": "ansi_default",
    "panel": "ansi_default",
    "foreground": "ansi_default",
    "primary": "ansi_blue",
    "secondary": "ansi_magenta",
    "accent": "ansi_yellow",
    "warning": "ansi_yellow",
    "error": "ansi_red",
    "success": "ansi_green",
}


_TOP_LEVEL_KEYS = ("description", "dark", "ansi", "palette", "styles")


class ThemeFileError(Exception):
    """One problem in one theme file; the message already names the file and the key."""


def _check_colour(value: Any, where: str) -> str:
    from rich.color import Color as RichColor
    from rich.color import ColorParseError

    if not isinstance(value, str):
        raise ThemeFileError(f'{where} must be a colour string such as "#e69f00", not {type(value).__name__}')
    text = value.strip()
    if len(text) == 4 and text.startswith("#"):  # CSS shorthand: #abc is #aabbcc
        text = "#" + "".join(c * 2 for c in text[1:])
    try:
        colour = RichColor.parse(text)
    except ColorParseError:
        raise ThemeFileError(f"{where}: unknown colour '{value}' (use #rrggbb or a colour name)") from None
    if colour.is_default:
        raise ThemeFileError(f"{where}: 'default' is not a colour here; use #rrggbb")
    triplet = colour.get_truecolor()
    return triplet.hex


def _check_ansi_colour(value: Any, where: str) -> str:
    """An ANSI colour name for an `ansi = true` theme ("red", "ansi_bright_blue", "default")."""
    from rich.color import ANSI_COLOR_NAMES

    if not isinstance(value, str):
        raise ThemeFileError(f'{where} must be a colour name such as "ansi_blue", not {type(value).__name__}')
    name = value.strip().lower().removeprefix("ansi_")
    if name != "default" and ANSI_COLOR_NAMES.get(name, 16) >= 16:
        raise ThemeFileError(
            f"{where}: '{value}' is not one of the terminal's 16 colours "
            "(an ansi theme uses names such as ansi_red, ansi_bright_blue, ansi_default)"
        )
    return f"ansi_{name}"


def _resolve_style(value: Any, where: str, palette: dict[str, str]) -> str:
    """Check a Rich style string, replacing `$name` palette references by their colours."""
    from rich.errors import StyleSyntaxError
    from rich.style import Style

    if not isinstance(value, str):
        raise ThemeFileError(
            f'{where} must be a style string such as "bold underline #e69f00", not {type(value).__name__}'
        )
    words = []
    for word in value.split():
        if word.startswith("$"):
            key = word[1:]
            if key not in palette:
                raise ThemeFileError(f"{where}: unknown palette name '{word}' (known: {', '.join(palette)})")
            words.append(palette[key].removeprefix("ansi_"))  # Rich spells ANSI colours without it
        else:
            words.append(word)
    text = " ".join(words)
    try:
        Style.parse(text)
    except StyleSyntaxError as error:
        raise ThemeFileError(f"{where}: {error}") from None
    return text


def build_theme(
    name: str, data: dict[str, Any], source: Path | None = None, *, builtin: bool = False
) -> tuple[ReaderTheme, list[str]]:
    """Validate parsed theme data and fill in what is missing; returns the theme and warnings.

    Raises ThemeFileError for a value that cannot be used (wrong type, unknown colour).
    """
    where = str(source) if source else f"theme '{name}'"
    warnings = [
        f"{where}: unknown key '{key}' ignored (known keys: {', '.join(_TOP_LEVEL_KEYS)})"
        for key in data
        if key not in _TOP_LEVEL_KEYS
    ]
    description, raw_palette, raw_styles, ansi = _top_level(data, where)
    dark = _is_dark(data, raw_palette, ansi, where)
    palette, extra = _palette(raw_palette, dark=dark, ansi=ansi, where=where)
    styles = _styles(raw_styles, palette, extra, ansi=ansi, where=where)
    warnings.extend(
        f"{where}: unknown style '{role}' ignored (known: {', '.join(STYLE_ROLES)})"
        for role in raw_styles
        if role not in STYLE_ROLES
    )
    theme = ReaderTheme(
        name=name,
        dark=dark,
        palette=palette,
        styles=styles,
        source=source,
        description=description,
        builtin=builtin,
        ansi=ansi,
    )
    return theme, warnings


def _top_level(data: dict[str, Any], where: str) -> tuple[str, dict[str, Any], dict[str, Any], bool]:
    """The description, the [palette] and [styles] tables and the `ansi` flag, each of the right type."""
    description = data.get("description", "")
    if not isinstance(description, str):
        raise ThemeFileError(f"{where}: 'description' must be a string, not {type(description).__name__}")
    raw_palette = data.get("palette", {})
    raw_styles = data.get("styles", {})
    for key, table in (("palette", raw_palette), ("styles", raw_styles)):
        if not isinstance(table, dict):
            raise ThemeFileError(f"{where}: '{key}' must be a table ([{key}]), not {type(table).__name__}")
    ansi = data.get("ansi", False)
    if not isinstance(ansi, bool):
        raise ThemeFileError(f"{where}: 'ansi' must be true or false, not {type(ansi).__name__}")
    return description, raw_palette, raw_styles, ansi


def _is_dark(data: dict[str, Any], raw_palette: dict[str, Any], ansi: bool, where: str) -> bool:
    """The `dark` flag as given; unsaid, judged by the page colour, so a light page gets dark ink."""
    if "dark" in data:
        dark = data["dark"]
        if not isinstance(dark, bool):
            raise ThemeFileError(f"{where}: 'dark' must be true or false, not {type(dark).__name__}")
        return dark
    if "background" in raw_palette and not ansi:
        background = _check_colour(raw_palette["background"], f"{where}: 'palette.background'")
        return luminance(rgb(background)) < 0.18
    return True


def _palette(
    raw_palette: dict[str, Any], *, dark: bool, ansi: bool, where: str
) -> tuple[dict[str, str], dict[str, str]]:
    """Every palette key (given, derived from the background, or the base palette's) and the extra names."""
    check_colour = _check_ansi_colour if ansi else _check_colour
    palette = dict(_ANSI_PALETTE if ansi else _BASE_PALETTES[dark])
    extra: dict[str, str] = {}
    for key, value in raw_palette.items():
        colour = check_colour(value, f"{where}: 'palette.{key}'")
        if key in PALETTE_KEYS or key in OPTIONAL_PALETTE_KEYS:
            palette[key] = colour
        else:
            extra[key] = colour  # a named colour the styles can use as $name
    # Derived defaults: a theme that only sets background/foreground gets matching surfaces.
    for key, lighten in (("surface", 0.04), ("panel", 0.09)):
        if key not in raw_palette and "background" in raw_palette and not ansi:
            palette[key] = shift(palette["background"], lighten if dark else -lighten)
    return palette, extra


def _styles(
    raw_styles: dict[str, Any], palette: dict[str, str], extra: dict[str, str], *, ansi: bool, where: str
) -> dict[str, str]:
    """A style per role: the theme's (with $names resolved), else the role's cue in a readable colour."""
    names = {**palette, **extra}
    styles: dict[str, str] = {}
    for role in STYLE_ROLES:
        if role in raw_styles:
            styles[role] = _resolve_style(raw_styles[role], f"{where}: 'styles.{role}'", names)
            continue
        cue, colour_key = ROLE_DEFAULTS[role]
        if ansi:
            colour = palette[colour_key].removeprefix("ansi_")
        else:
            colour = readable(palette[colour_key], palette, dim="dim" in cue, reverse="reverse" in cue)
        styles[role] = f"{cue} {colour}"
    return styles
