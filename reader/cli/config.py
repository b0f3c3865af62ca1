"""`reader config`: where settings, data and cache live, the settings in effect; `--init` writes a default."""

from __future__ import annotations

import argparse
import json
import sys

from reader.errors import ReaderError
from reader.settings import paths
from reader.settings.config import Config, config_path, init_config, load_config
from reader.settings.themes import DEFAULT_THEME, get_theme, remembered_theme, user_themes_dir
from reader.terminal import one_line


def _toml_value(value: object) -> str:
    """A setting written the way it would be in config.toml (strings and lists as JSON are valid TOML)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value, ensure_ascii=False)


def _model_note(config: Config) -> str:
    from reader.analysis.nlp import resolve_model

    try:
        spec = resolve_model(config.model)
    except ReaderError as error:
        return f"# {error}"
    if config.model:
        return f"# installed, version {spec.version}"
    return f"# unset: the best installed pipeline, now {spec.name} {spec.version}"


def _fetch_note(config: Config) -> str:
    """Where the download deadline in effect comes from (the environment wins over the file)."""
    import os

    from reader.sources.fetch import DEADLINE_SECONDS, DEADLINE_VARIABLE

    raw = os.environ.get(DEADLINE_VARIABLE, "").strip()
    if raw:
        return f"# {DEADLINE_VARIABLE}={one_line(raw, 20)} overrides this"
    if config.fetch_timeout is None:
        return f"# unset: {DEADLINE_SECONDS:g} s for a whole download"
    return "# seconds for a whole download"


def _theme_note(config: Config) -> str:
    if config.theme:
        try:
            get_theme(config.theme)
        except ReaderError:
            return (
                f"# no such theme: the app will refuse it (see 'reader themes'); default is '{DEFAULT_THEME}'"
            )
        return "# --theme overrides this"
    remembered = remembered_theme()
    if remembered:
        return f"# unset: the theme last picked in the app, now '{remembered}'"
    return f"# unset: the default, '{DEFAULT_THEME}'"


def _print_locations() -> None:
    path = config_path()
    state = "" if path.exists() else "  (not created yet: defaults in use; 'reader config --init' writes one)"
    themes = user_themes_dir()
    count = len(list(themes.glob("*.toml"))) if themes.is_dir() else 0
    print(f"config file   {path}{state}")
    print(f"user themes   {themes}  ({count} theme{'s' if count != 1 else ''})")
    print(f"data          {paths.data_dir()}  (reading positions, the remembered theme)")
    print(f"cache         {paths.cache_dir()}  (analyses; safe to delete)")


def _print_settings(config: Config) -> None:
    print("\n# effective settings")
    for key, value in config.as_dict().items():
        if key == "keymap":
            continue
        if key == "theme":
            shown = f"theme = {_toml_value(value)}" if value else "# theme ="
            print(f"{shown:<40}{_theme_note(config)}")
        elif key == "model":
            shown = f"model = {_toml_value(value)}" if value else "# model ="
            print(f"{shown:<40}{_model_note(config)}")
        elif key == "fetch_timeout":
            shown = f"fetch_timeout = {_toml_value(value)}" if value is not None else "# fetch_timeout ="
            print(f"{shown:<40}{_fetch_note(config)}")
        else:
            print(f"{key} = {_toml_value(value)}")
    print("\n[keymap]" + ("" if config.keymap else "                                # no remaps"))
    for binding, keys in config.keymap.items():
        print(f"{binding} = {_toml_value(keys)}")


def check_keymap(keymap: dict[str, str], source: object) -> None:
    """Refuse a `[keymap]` the app could not honour (one ReaderError line); Textual is loaded only when
    there is a keymap to check, so `reader config` stays light."""
    if keymap:
        from reader.ui.app import binding_owners
        from reader.ui.keymap import check_keymap as check

        check(keymap, source, binding_owners())


def run(args: argparse.Namespace) -> int:
    """Show locations and settings, or write the commented default config (never overwriting one)."""
    if getattr(args, "init", False):
        path = init_config()
        print(f"wrote {path}; edit it, then check it with 'reader config'")
        return 0
    _print_locations()
    config, warnings = load_config()
    check_keymap(config.keymap, config_path())
    for message in warnings:
        print(f"reader: {message}", file=sys.stderr)
    _print_settings(config)
    return 0
