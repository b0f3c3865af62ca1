"""A theme as the app uses it: every palette key and every highlight role filled in.

`ReaderTheme` turns into a Textual `Theme` (the UI palette plus `entity-<role>` variables for TCSS) and
into Rich styles per role; with NO_COLOR only the non-colour cues (bold, italic, underline, reverse, dim)
remain, so no highlight vanishes without colour.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

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

OPTIONAL_PALETTE_KEYS = ("scrollbar",)
"""Palette keys a theme may set to override what Textual derives: a scrollbar thumb blended from the
primary colour towards the background can vanish on a pure black page."""


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
    "heading": ("bold", "primary"),
}


CUE_ATTRIBUTES = ("bold", "italic", "underline", "reverse", "dim")


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
            cues = [attr for attr in CUE_ATTRIBUTES if getattr(style, attr)]
            variables[f"entity-{role}-style"] = " ".join(cues) or "none"
        if self.ansi:  # Textual's own CSS needs the variables its ANSI themes define ($ansi-background...)
            from textual.theme import BUILTIN_THEMES

            variables = {**BUILTIN_THEMES["ansi-dark" if self.dark else "ansi-light"].variables, **variables}
        p = self.palette
        if "scrollbar" in p:
            thumb = p["scrollbar"]
            variables = {
                "scrollbar": thumb,
                "scrollbar-hover": thumb,
                "scrollbar-active": p["accent"],
                **variables,
            }
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
            if not any(getattr(bare, attr) for attr in CUE_ATTRIBUTES) and role in ROLE_DEFAULTS:
                bare = Style.parse(ROLE_DEFAULTS[role][0])
            plain[role] = bare
        return plain


def no_color_requested() -> bool:
    """True when the NO_COLOR convention asks for no colour (any non-empty value)."""
    return bool(os.environ.get("NO_COLOR"))
