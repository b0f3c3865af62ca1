"""Colour themes: TOML files that set the UI palette and the look of every highlight.

A theme file has a `[palette]` (becomes a Textual `Theme`) and `[styles]` (one Rich style string per
highlight role). Anything missing is derived from the palette, so a user theme can be five lines long.
Every role keeps a non-colour cue (bold, italic, underline, reverse, dim), so highlights stay readable
with NO_COLOR or for readers who cannot tell the hues apart. Broken files never stop the app: they are
reported (file, line or key, what is wrong) and skipped.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader import resources
from reader.atomic import write_atomic
from reader.errors import ReaderError
from reader.settings import paths
from reader.settings.config import Config, read_toml
from reader.vocab import STYLE_ROLES

if TYPE_CHECKING:
    from rich.color import Color as RichColor
    from rich.style import Style
    from textual.theme import Theme

DEFAULT_THEME = "dark"
"""Used when neither --theme, the config file nor a remembered choice names a theme."""

PALETTE_KEYS = (
    "background",
    "surface",
    "panel",
    "foreground",
    "primary",
    "secondary",
    "accent",
    "warning",
    "error",
    "success",
)

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

# Each role's default: its non-colour cue and the palette key its colour comes from.
ROLE_DEFAULTS: dict[str, tuple[str, str]] = {
    "person": ("bold underline", "accent"),
    "organisation": ("underline", "primary"),
    "group": ("underline dim", "secondary"),
    "place": ("italic underline", "success"),
    "date": ("italic dim", "foreground"),
    "event": ("bold italic", "error"),
    "other": ("dim", "foreground"),
    "quote": ("italic", "foreground"),
    "speaker": ("bold", "accent"),
    "match": ("reverse", "warning"),
    "current": ("reverse bold", "error"),
    "selection": ("reverse underline", "primary"),
    "boilerplate": ("dim", "foreground"),
}

_TOP_LEVEL_KEYS = ("description", "dark", "ansi", "palette", "styles")
_CUE_ATTRIBUTES = ("bold", "italic", "underline", "reverse", "dim")


@dataclass
class ReaderTheme:
    """A complete theme: every palette key and every role filled in."""

    name: str
    dark: bool
    palette: dict[str, str]
    styles: dict[str, str]
    source: Path | None = None
    description: str = ""
    builtin: bool = True
    overrides_builtin: bool = field(default=False, compare=False)
    ansi: bool = False  # colours are the terminal's own palette (its 16 ANSI colours)

    def to_textual_theme(self) -> Theme:
        """The Textual Theme, with `entity-<role>` (colour) and `entity-<role>-style` variables for TCSS."""
        from rich.style import Style
        from textual.theme import Theme

        def css_colour(colour: RichColor | None) -> str | None:
            if colour is None or colour.is_default:
                return None
            if colour.triplet is not None:
                return colour.triplet.hex
            return f"ansi_{colour.name}" if colour.number is not None and colour.number < 16 else None

        variables: dict[str, str] = {}
        for role, text in self.styles.items():
            style = Style.parse(text)
            colour = css_colour(style.color)
            background = css_colour(style.bgcolor)
            variables[f"entity-{role}"] = colour or self.palette["foreground"]
            variables[f"entity-{role}-background"] = background or self.palette["background"]
            cues = [attr for attr in _CUE_ATTRIBUTES if getattr(style, attr)]
            variables[f"entity-{role}-style"] = " ".join(cues) or "none"
        if self.ansi:  # Textual's own CSS needs the variables its ANSI themes define ($ansi-background...)
            from textual.theme import BUILTIN_THEMES

            variables = {**BUILTIN_THEMES["ansi-dark" if self.dark else "ansi-light"].variables, **variables}
        p = self.palette
        return Theme(
            name=self.name,
            primary=p["primary"],
            secondary=p["secondary"],
            accent=p["accent"],
            warning=p["warning"],
            error=p["error"],
            success=p["success"],
            foreground=p["foreground"],
            background=p["background"],
            surface=p["surface"],
            panel=p["panel"],
            dark=self.dark,
            variables=variables,
            ansi=self.ansi,
        )

    def rich_styles(self, no_color: bool = False) -> dict[str, Style]:
        """Role -> Rich Style; with `no_color` only the bold/italic/underline/reverse/dim cues remain.

        A role whose style is a colour alone (possible in a user theme) gets its default cue in
        `no_color` mode, so no highlight vanishes without colour.
        """
        from rich.style import Style

        styles = {role: Style.parse(text) for role, text in self.styles.items()}
        if not no_color:
            return styles
        plain = {}
        for role, style in styles.items():
            bare = style.without_color
            if not any(getattr(bare, attr) for attr in _CUE_ATTRIBUTES) and role in ROLE_DEFAULTS:
                bare = Style.parse(ROLE_DEFAULTS[role][0])
            plain[role] = bare
        return plain


WCAG_MINIMUM = 4.5
"""WCAG 2 AA contrast for body text; the built-in themes keep every highlight above it."""

_DIM_FACTOR = 0.66  # how far Textual blends dim text towards its background (its default)


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return int(hex_colour[1:3], 16), int(hex_colour[3:5], 16), int(hex_colour[5:7], 16)


def _luminance(colour: tuple[int, ...]) -> float:
    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in colour)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """WCAG 2 contrast ratio of two RGB colours (1 to 21)."""
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def low_contrast(theme: ReaderTheme, minimum: float = WCAG_MINIMUM) -> list[str]:
    """Roles (and "text") that fall below `minimum` against the background, as "role 3.1:1".

    Styles are measured as shown: `reverse` swaps the colours and `dim` blends towards the background.
    """
    from rich.style import Style

    if theme.ansi:  # the terminal's palette decides; nothing to measure here
        return []
    page = _rgb(theme.palette["background"])
    text = _rgb(theme.palette["foreground"])
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


def no_color_requested() -> bool:
    """True when the NO_COLOR convention asks for no colour (any non-empty value)."""
    return bool(os.environ.get("NO_COLOR"))


class _ThemeFileError(Exception):
    """One problem in one theme file; the message already names the file and the key."""


def _check_colour(value: Any, where: str) -> str:
    from rich.color import Color as RichColor
    from rich.color import ColorParseError

    if not isinstance(value, str):
        raise _ThemeFileError(
            f'{where} must be a colour string such as "#e69f00", not {type(value).__name__}'
        )
    text = value.strip()
    if len(text) == 4 and text.startswith("#"):  # CSS shorthand: #abc is #aabbcc
        text = "#" + "".join(c * 2 for c in text[1:])
    try:
        colour = RichColor.parse(text)
    except ColorParseError:
        raise _ThemeFileError(f"{where}: unknown colour '{value}' (use #rrggbb or a colour name)") from None
    if colour.is_default:
        raise _ThemeFileError(f"{where}: 'default' is not a colour here; use #rrggbb")
    triplet = colour.get_truecolor()
    return triplet.hex


def _check_ansi_colour(value: Any, where: str) -> str:
    """An ANSI colour name for an `ansi = true` theme ("red", "ansi_bright_blue", "default")."""
    from rich.color import ANSI_COLOR_NAMES

    if not isinstance(value, str):
        raise _ThemeFileError(
            f'{where} must be a colour name such as "ansi_blue", not {type(value).__name__}'
        )
    name = value.strip().lower().removeprefix("ansi_")
    if name != "default" and ANSI_COLOR_NAMES.get(name, 16) >= 16:
        raise _ThemeFileError(
            f"{where}: '{value}' is not one of the terminal's 16 colours "
            "(an ansi theme uses names such as ansi_red, ansi_bright_blue, ansi_default)"
        )
    return f"ansi_{name}"


def _resolve_style(value: Any, where: str, palette: dict[str, str]) -> str:
    """Check a Rich style string, replacing `$name` palette references by their colours."""
    from rich.errors import StyleSyntaxError
    from rich.style import Style

    if not isinstance(value, str):
        raise _ThemeFileError(
            f'{where} must be a style string such as "bold underline #e69f00", not {type(value).__name__}'
        )
    words = []
    for word in value.split():
        if word.startswith("$"):
            key = word[1:]
            if key not in palette:
                raise _ThemeFileError(f"{where}: unknown palette name '{word}' (known: {', '.join(palette)})")
            words.append(palette[key].removeprefix("ansi_"))  # Rich spells ANSI colours without it
        else:
            words.append(word)
    text = " ".join(words)
    try:
        Style.parse(text)
    except StyleSyntaxError as error:
        raise _ThemeFileError(f"{where}: {error}") from None
    return text


def build_theme(
    name: str, data: dict[str, Any], source: Path | None = None, *, builtin: bool = False
) -> tuple[ReaderTheme, list[str]]:
    """Validate parsed theme data and fill in what is missing; returns the theme and warnings.

    Raises _ThemeFileError for a value that cannot be used (wrong type, unknown colour).
    """
    where = str(source) if source else f"theme '{name}'"
    warnings = [
        f"{where}: unknown key '{key}' ignored (known keys: {', '.join(_TOP_LEVEL_KEYS)})"
        for key in data
        if key not in _TOP_LEVEL_KEYS
    ]
    description = data.get("description", "")
    if not isinstance(description, str):
        raise _ThemeFileError(f"{where}: 'description' must be a string, not {type(description).__name__}")
    raw_palette = data.get("palette", {})
    raw_styles = data.get("styles", {})
    for key, table in (("palette", raw_palette), ("styles", raw_styles)):
        if not isinstance(table, dict):
            raise _ThemeFileError(f"{where}: '{key}' must be a table ([{key}]), not {type(table).__name__}")
    ansi = data.get("ansi", False)
    if not isinstance(ansi, bool):
        raise _ThemeFileError(f"{where}: 'ansi' must be true or false, not {type(ansi).__name__}")
    check_colour = _check_ansi_colour if ansi else _check_colour
    if "dark" in data:
        dark = data["dark"]
        if not isinstance(dark, bool):
            raise _ThemeFileError(f"{where}: 'dark' must be true or false, not {type(dark).__name__}")
    elif (
        "background" in raw_palette and not ansi
    ):  # unsaid: judge by the page colour, so a light page gets dark ink
        dark = (
            _luminance(_rgb(_check_colour(raw_palette["background"], f"{where}: 'palette.background'")))
            < 0.18
        )
    else:
        dark = True

    palette = dict(_ANSI_PALETTE if ansi else _BASE_PALETTES[dark])
    extra: dict[str, str] = {}
    for key, value in raw_palette.items():
        colour = check_colour(value, f"{where}: 'palette.{key}'")
        if key in PALETTE_KEYS:
            palette[key] = colour
        else:
            extra[key] = colour  # a named colour the styles can use as $name
    # Derived defaults: a theme that only sets background/foreground gets matching surfaces.
    for key, lighten in (("surface", 0.04), ("panel", 0.09)):
        if key not in raw_palette and "background" in raw_palette and not ansi:
            palette[key] = _shift(palette["background"], lighten if dark else -lighten)

    names = {**palette, **extra}
    styles: dict[str, str] = {}
    for role in STYLE_ROLES:
        if role in raw_styles:
            styles[role] = _resolve_style(raw_styles[role], f"{where}: 'styles.{role}'", names)
        else:
            cue, colour_key = ROLE_DEFAULTS[role]
            if ansi:
                colour = palette[colour_key].removeprefix("ansi_")
            else:
                colour = _readable(palette[colour_key], palette, dim="dim" in cue, reverse="reverse" in cue)
            styles[role] = f"{cue} {colour}"
    for role in raw_styles:
        if role not in STYLE_ROLES:
            warnings.append(f"{where}: unknown style '{role}' ignored (known: {', '.join(STYLE_ROLES)})")
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


def _readable(colour: str, palette: dict[str, str], *, dim: bool, reverse: bool) -> str:
    """`colour`, moved towards white (dark themes) or black (light ones) until it reads at 4.5:1.

    Derived styles must stay readable whatever palette a user theme gives; explicit styles are
    left alone (and `reader themes` warns when they are too faint).
    """
    page = _rgb(palette["background"])
    target = (255, 255, 255) if _luminance(page) < 0.18 else (0, 0, 0)
    original = _rgb(colour)
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


def _shift(hex_colour: str, amount: float) -> str:
    """Lighten (amount > 0) or darken (amount < 0) a #rrggbb colour a little, for derived surfaces."""
    channels = [int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)]
    if amount >= 0:
        channels = [round(c + (255 - c) * amount) for c in channels]
    else:
        channels = [round(c * (1 + amount)) for c in channels]
    return "#" + "".join(f"{c:02x}" for c in channels)


def load_theme_file(path: Path, *, builtin: bool = False) -> tuple[ReaderTheme, list[str]]:
    """Load one theme file; raises ReaderError naming the file and the line or key that is wrong."""
    data = read_toml(path)
    try:
        return build_theme(path.stem, data, path, builtin=builtin)
    except _ThemeFileError as error:
        raise ReaderError(str(error)) from None


def user_themes_dir() -> Path:
    """Where user themes live: `<config dir>/themes/*.toml`."""
    return paths.config_dir() / "themes"


def _theme_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.toml") if not p.name.startswith("."))


def _load_all() -> tuple[dict[str, ReaderTheme], list[str], set[str]]:
    themes: dict[str, ReaderTheme] = {}
    warnings: list[str] = []
    broken: set[str] = set()
    for folder, builtin in ((resources.themes_dir(), True), (user_themes_dir(), False)):
        for path in _theme_files(folder):
            try:
                theme, notes = load_theme_file(path, builtin=builtin)
            except ReaderError as error:
                warnings.append(f"{error}; theme skipped")
                broken.add(path.stem)
                continue
            warnings.extend(notes)
            if not builtin and path.stem in themes and themes[path.stem].builtin:
                theme.overrides_builtin = True
            themes[path.stem] = theme
            broken.discard(path.stem)
    return themes, warnings, broken


def available_themes() -> tuple[dict[str, ReaderTheme], list[str]]:
    """Built-in and user themes by name (a user theme overrides a built-in one of the same name).

    The list holds one message per broken file (which is skipped) and per ignored unknown key.
    """
    themes, warnings, _broken = _load_all()
    return dict(sorted(themes.items())), warnings


def _unknown(name: str, themes: dict[str, ReaderTheme]) -> ReaderError:
    import difflib

    close = difflib.get_close_matches(name.lower(), list(themes), n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'? " if close else ""
    return ReaderError(f"unknown theme '{name}'; {hint}available: {', '.join(sorted(themes))}")


def _lookup(name: str, names: Iterable[str]) -> str | None:
    """`name` as spelled in the theme list, ignoring case ("Light" finds "light")."""
    for candidate in names:
        if candidate == name:
            return candidate
    folded = name.casefold()
    return next((candidate for candidate in names if candidate.casefold() == folded), None)


def get_theme(name: str) -> ReaderTheme:
    """The theme called `name`; ReaderError (exit 2) listing the available names if there is none.

    A theme whose file exists but is broken gives the default theme instead (see `choose_theme`
    for the message to show).
    """
    themes, _warnings, broken = _load_all()
    if (found := _lookup(name, themes)) is not None:
        return themes[found]
    if _lookup(name, broken) is not None:
        return themes.get(DEFAULT_THEME) or _fallback_theme()
    raise _unknown(name, themes)


def _fallback_theme() -> ReaderTheme:
    """The default palette built in code: used only if the bundled theme files are missing."""
    theme, _ = build_theme(DEFAULT_THEME, {}, None, builtin=True)
    return theme


def resolve_theme_name(cli: str | None, config: Config) -> str:
    """The theme to start with: --theme, else the config file, else the remembered one, else the default."""
    for candidate in (cli, config.theme, remembered_theme()):
        if candidate and candidate.strip():
            return candidate.strip()
    return DEFAULT_THEME


def choose_theme(cli: str | None, config: Config) -> tuple[ReaderTheme, list[str]]:
    """The theme to start the app with, and a message if the chosen one is broken and the default is used.

    A name given with --theme or in the config that does not exist is a ReaderError (exit 2); a
    remembered name that has since disappeared quietly gives the default. The messages about every
    broken file come from `available_themes()`, which the app calls to register the themes.
    """
    themes, _warnings, broken = _load_all()
    warnings: list[str] = []
    explicit = (cli or "").strip() or (config.theme or "").strip()
    name = resolve_theme_name(cli, config)
    if (found := _lookup(name, themes)) is not None:
        return themes[found], warnings
    default = themes.get(DEFAULT_THEME) or _fallback_theme()
    if _lookup(name, broken) is not None:
        return default, [*warnings, f"theme '{name}' is broken; using '{default.name}'"]
    if explicit:
        raise _unknown(name, themes)
    return default, warnings


def _remembered_path() -> Path:
    return paths.data_dir() / "theme"


def remember_theme(name: str) -> None:
    """Store the theme the user switched to, so the next start uses it (an atomic one-line file)."""
    write_atomic(_remembered_path(), name.strip() + "\n")


def remembered_theme() -> str | None:
    """The last theme the user switched to in the app, if any."""
    try:
        name = _remembered_path().read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return name or None
