"""`reader themes`: the built-in and user themes, which one starts by default, and a preview of each."""

from __future__ import annotations

import argparse
import sys

from reader.errors import ReaderError
from reader.settings.config import Config, load_config
from reader.settings.themes import (
    DEFAULT_THEME,
    WCAG_MINIMUM,
    ReaderTheme,
    available_themes,
    low_contrast,
    no_color_requested,
    remembered_theme,
    resolve_theme_name,
    user_themes_dir,
)
from reader.settings.themes.preview import preview_line
from reader.terminal import one_line


def _origin(theme: ReaderTheme) -> str:
    if theme.builtin:
        return "built-in"
    return "user, overrides built-in" if theme.overrides_builtin else "user"


def _why_current(config: Config) -> str:
    if config.theme:
        return "set in config.toml"
    if remembered_theme():
        return "last picked in the app"
    return "the default"


def run(args: argparse.Namespace) -> int:
    """List the themes; broken theme files are reported on stderr and skipped."""
    themes, warnings = available_themes()
    try:
        config, config_warnings = load_config()
    except ReaderError as error:
        config, config_warnings = Config(), [f"{error} (config ignored for this list)"]
    for theme in themes.values():
        if not theme.builtin and (weak := low_contrast(theme)):
            where = theme.source or theme.name
            warnings.append(f"{where}: low contrast (below {WCAG_MINIMUM}:1) for {', '.join(weak)}")
    for message in [*config_warnings, *warnings]:
        print(f"reader: {message}", file=sys.stderr)

    current = resolve_theme_name(None, config)
    name_width = max((len(name) for name in themes), default=10) + 2
    origin_width = max((len(_origin(theme)) for theme in themes.values()), default=8) + 2

    from rich.console import Console

    no_color = no_color_requested()
    console = Console(no_color=no_color or None, highlight=False, soft_wrap=True)
    show_previews = console.is_terminal
    for name, theme in themes.items():
        marker = "*" if name == current else " "
        notes = []
        if name == DEFAULT_THEME:
            notes.append("default")
        if name == current:
            notes.append("current")
        suffix = f" ({', '.join(notes)})" if notes else ""
        description = one_line(theme.description or (str(theme.source) if theme.source else ""))
        console.print(
            f"{marker} {one_line(name):<{name_width}}{_origin(theme):<{origin_width}}{description}{suffix}",
            markup=False,
        )
        if show_previews:
            console.print(preview_line(theme, no_color))
    print()
    current = one_line(current)
    if current in themes:
        print(f"* current: {current} ({_why_current(config)}). Start with another: reader --theme NAME FILE")
    else:
        print(f"current: {current} ({_why_current(config)}) is not available; the app will refuse it")
    print(f"User themes go in {user_themes_dir()}/NAME.toml (see docs/themes.md).")
    return 0
