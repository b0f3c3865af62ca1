"""Find the theme files (built-in, then the user's) and pick the one to start with.

Broken files never stop the app: they are reported (file, line or key, what is wrong) and skipped.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from reader import resources
from reader.errors import ReaderError
from reader.settings import paths
from reader.settings.config import Config, read_toml
from reader.settings.state import remembered_theme
from reader.settings.themes.model import DEFAULT_THEME, ReaderTheme
from reader.settings.themes.validate import ThemeFileError, build_theme


def load_theme_file(path: Path, *, builtin: bool = False) -> tuple[ReaderTheme, list[str]]:
    """Load one theme file; raises ReaderError naming the file and the line or key that is wrong."""
    data = read_toml(path)
    try:
        return build_theme(path.stem, data, path, builtin=builtin)
    except ThemeFileError as error:
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
