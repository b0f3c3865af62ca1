"""Colour themes: TOML files that set the UI palette and the look of every highlight.

A theme file has a `[palette]` (becomes a Textual `Theme`) and `[styles]` (one Rich style string per
highlight role). The work is split by job: `load` finds files and picks the starting theme, `validate`
checks a file and fills in what it leaves out, `contrast` measures and repairs colours, `model` is the
complete theme, `preview` draws its sample line. This package only names the public entry points.
"""

from reader.settings.state import remember_theme, remembered_theme
from reader.settings.themes.contrast import WCAG_MINIMUM, contrast_ratio, low_contrast
from reader.settings.themes.load import (
    available_themes,
    choose_theme,
    get_theme,
    load_theme_file,
    resolve_theme_name,
    user_themes_dir,
)
from reader.settings.themes.model import (
    DEFAULT_THEME,
    PALETTE_KEYS,
    ROLE_DEFAULTS,
    ReaderTheme,
    no_color_requested,
)
from reader.settings.themes.validate import build_theme

__all__ = [
    "DEFAULT_THEME",
    "PALETTE_KEYS",
    "ROLE_DEFAULTS",
    "WCAG_MINIMUM",
    "ReaderTheme",
    "available_themes",
    "build_theme",
    "choose_theme",
    "contrast_ratio",
    "get_theme",
    "load_theme_file",
    "low_contrast",
    "no_color_requested",
    "remember_theme",
    "remembered_theme",
    "resolve_theme_name",
    "user_themes_dir",
]
