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


def _default_keys_by_owner() -> dict[str, dict[str, list[str]]]:
    """Each screen's and widget's binding ids with their default keys; imported late, so `reader config`
    stays light."""
    from textual.binding import Binding

    from reader.ui.app import binding_owners

    defaults: dict[str, dict[str, list[str]]] = {}
    for owner in binding_owners():
        for binding in owner.BINDINGS:
            if isinstance(binding, Binding) and binding.id:
                keys = [key.strip() for key in binding.key.split(",") if key.strip()]
                defaults.setdefault(owner.__name__, {})[binding.id] = keys
    return defaults


def check_keymap(keymap: dict[str, str], source: object) -> None:
    """Refuse a `[keymap]` the app could not honour: an id no binding has, or one key for two bindings.

    Two bindings clash only when one screen or widget owns both: the same key may close help and a card.
    A remapped key also clashes with a binding of the same screen that keeps its default key (`n` for
    `next-quote` while `next` is still `n`): one of the two would never fire.
    """
    if not keymap:
        return
    defaults = _default_keys_by_owner()
    owners: dict[str, set[str]] = {}
    for owner, bindings in defaults.items():
        for binding in bindings:
            owners.setdefault(binding, set()).add(owner)
    for binding in keymap:
        if binding not in owners:
            import difflib  # only for a misspelt id

            close = difflib.get_close_matches(binding, list(owners), n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'? " if close else ""
            raise ReaderError(
                f"{source}: 'keymap.{binding}' is not a binding id ({hint}'reader' shows the ids under ?)"
            )
    _refuse_shared_keys(keymap, owners, source)
    _refuse_keys_taken_by_defaults(keymap, defaults, source)


def _refuse_shared_keys(keymap: dict[str, str], owners: dict[str, set[str]], source: object) -> None:
    claimed: dict[tuple[str, str], str] = {}
    for binding, keys in keymap.items():
        for key in keys.split(","):
            for owner in sorted(owners[binding]):
                other = claimed.setdefault((owner, key), binding)
                if other != binding:
                    raise ReaderError(
                        f"{source}: 'keymap.{other}' and 'keymap.{binding}' both use the key '{key}'"
                    )


def _refuse_keys_taken_by_defaults(
    keymap: dict[str, str], defaults: dict[str, dict[str, list[str]]], source: object
) -> None:
    for owner in sorted(defaults):
        bindings = defaults[owner]
        kept = {key: binding for binding, keys in bindings.items() if binding not in keymap for key in keys}
        for binding, keys in keymap.items():
            if binding not in bindings:
                continue
            for key in keys.split(","):
                if key in kept:
                    raise ReaderError(
                        f"{source}: 'keymap.{binding}' uses the key '{key}', which '{kept[key]}' "
                        f"still has (remap '{kept[key]}' too)"
                    )


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
