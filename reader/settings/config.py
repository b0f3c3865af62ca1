"""The user's settings: `config.toml` in the user config folder, validated strictly, never written for them.

Unknown keys only warn (a newer or older reader may know them); a value of the wrong type is one clear
error naming the file, the key and the expected type, because silently ignoring it would surprise.
This module never imports Textual: the analysis side and `reader config` use it too.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field, fields
from pathlib import Path

from reader.errors import ReaderError
from reader.settings import paths
from reader.vocab import HIGHLIGHT_KINDS, PANELS

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a few ms at every start)
if TYPE_CHECKING:
    from types import ModuleType
    from typing import Any


def _tomllib() -> ModuleType:
    """The TOML parser, imported only when there is a file to read (a run without one never pays)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    return tomllib


def __getattr__(name: str) -> object:
    if name == "tomllib":  # `from reader.settings.config import tomllib` still works, lazily
        return _tomllib()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


CONFIG_NAME = "config.toml"
DEFAULT_HIGHLIGHT = ("person", "organisation", "group", "place", "date", "event", "quote")
MIN_WRAP_WIDTH = 20
MAX_WRAP_WIDTH = 1000
#: The longest download deadline a user may set (seconds): an hour, the same for the config key and
#: READER_FETCH_TIMEOUT.
MAX_FETCH_TIMEOUT = 3600
#: Panel names and binding ids an older config may still use, and what they are called now.
RENAMED = {"locations": "places"}
RENAMED_BINDINGS = {"panel-locations": "panel-places"}


@dataclass
class Config:
    """Effective settings; every field has a default so a missing or empty file is fine."""

    theme: str | None = None
    model: str | None = None
    wrap_width: int = 80
    panels: list[str] = field(default_factory=lambda: list(PANELS))
    show_sidebar: bool = True
    highlight: list[str] = field(default_factory=lambda: list(DEFAULT_HIGHLIGHT))
    quote_cues: list[str] = field(default_factory=list)
    keymap: dict[str, str] = field(default_factory=dict)
    fetch_timeout: float | None = None  # seconds for a whole download; None: the built-in deadline

    def as_dict(self) -> dict[str, Any]:
        """The settings as plain data, in declaration order (for `reader config`)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


# What each key must hold, as (a type check, the words used in the error message).
_KEY_TYPES: dict[str, tuple[Any, str]] = {
    "theme": (lambda v: isinstance(v, str), "a string (a theme name, see 'reader themes')"),
    "model": (lambda v: isinstance(v, str), "a string (a spaCy pipeline name)"),
    "wrap_width": (
        lambda v: isinstance(v, int) and not isinstance(v, bool),
        f"an integer number of columns ({MIN_WRAP_WIDTH}-{MAX_WRAP_WIDTH})",
    ),
    "panels": (
        lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
        f"a list of strings (from {', '.join(PANELS)})",
    ),
    "show_sidebar": (lambda v: isinstance(v, bool), "true or false"),
    "highlight": (
        lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
        f"a list of strings (from {', '.join(HIGHLIGHT_KINDS)})",
    ),
    "quote_cues": (
        lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
        "a list of strings (extra verbs that introduce quotes, such as 'quipped')",
    ),
    "keymap": (lambda v: isinstance(v, dict), 'a table of binding id = "keys"'),
    "fetch_timeout": (
        lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
        f"a number of seconds for a whole download (more than 0, at most {MAX_FETCH_TIMEOUT})",
    ),
}


def config_path() -> Path:
    """Where `config.toml` lives (the user config folder, or READER_CONFIG_DIR)."""
    return paths.config_dir() / CONFIG_NAME


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return f"a {type(value).__name__}"


def read_toml(path: Path) -> dict[str, Any]:
    """Parse a TOML file or raise one ReaderError naming the file, line and column of the mistake."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ReaderError(f"cannot read {path}: {error.strerror or error}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ReaderError(f"{path}: not valid UTF-8 text") from None
    tomllib = _tomllib()
    try:
        data: dict[str, Any] = tomllib.loads(text)
        return data
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        found = re.search(r"\(at line (\d+), column (\d+)\)", message)
        if found:
            what = message[: found.start()].strip()
            raise ReaderError(
                f"{path}, line {found.group(1)}, column {found.group(2)}: invalid TOML: {what}"
            ) from None
        raise ReaderError(f"{path}: invalid TOML: {message}") from None


def parse_config(data: dict[str, Any], source: Path | str) -> tuple[Config, list[str]]:
    """Validate parsed TOML into a Config; returns it with warnings (unknown keys, unknown names)."""
    config = Config()
    warnings: list[str] = []
    for key, value in data.items():
        if key not in _KEY_TYPES:
            import difflib  # only for a misspelt key

            close = difflib.get_close_matches(key.lower(), list(_KEY_TYPES), n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'? " if close else ""
            known = ", ".join(_KEY_TYPES)
            warnings.append(f"{source}: unknown key '{key}' ignored ({hint}known keys: {known})")
            continue
        check, expected = _KEY_TYPES[key]
        if not check(value):
            raise ReaderError(f"{source}: '{key}' must be {expected}, not {_type_name(value)}")
        if key == "wrap_width" and not MIN_WRAP_WIDTH <= value <= MAX_WRAP_WIDTH:
            raise ReaderError(f"{source}: 'wrap_width' must be {expected}, not {value}")
        if key == "fetch_timeout":
            if not (0 < value <= MAX_FETCH_TIMEOUT):  # also refuses nan; inf is above the limit
                raise ReaderError(f"{source}: 'fetch_timeout' must be {expected}, not {value}")
            value = float(value)
        if key in ("panels", "highlight"):
            allowed = PANELS if key == "panels" else HIGHLIGHT_KINDS
            kept = []
            for item in value:
                item = RENAMED.get(item, item) if key == "panels" else item
                if item in allowed:
                    if item not in kept:
                        kept.append(item)
                else:
                    warnings.append(
                        f"{source}: '{key}' has unknown name '{item}' ignored (known: {', '.join(allowed)})"
                    )
            value = kept
        if key == "keymap":
            for binding, keys in value.items():
                if not isinstance(keys, str) or not keys.replace(",", "").strip():
                    given = "an empty string" if isinstance(keys, str) else _type_name(keys)
                    raise ReaderError(
                        f"{source}: 'keymap.{binding}' must be a string of comma-separated keys "
                        f'(such as "j,down"), not {given}'
                    )
            value = {
                RENAMED_BINDINGS.get(binding, binding): ",".join(
                    k.strip() for k in keys.split(",") if k.strip()
                )
                for binding, keys in value.items()
            }
        if key == "quote_cues":
            value = [cue.strip() for cue in value if cue.strip()]
        if key in ("theme", "model"):
            value = value.strip() or None
        setattr(config, key, value)
    return config, warnings


def load_config(path: Path | None = None) -> tuple[Config, list[str]]:
    """Read the user's config (default: `config_path()`); a missing file means all defaults.

    Returns the settings and a list of warnings to show; raises ReaderError for broken TOML or a
    value of the wrong type. Never writes anything.
    """
    path = config_path() if path is None else path
    if not path.exists():
        return Config(), []
    if path.is_dir():
        raise ReaderError(f"{path}: is a folder, expected a config file")
    return parse_config(read_toml(path), path)


DEFAULT_CONFIG_TEXT = f"""\
# reader configuration. Every setting is optional: delete a line to get the default back.
# `reader config` shows the effective settings; `reader themes` lists the themes.

# Colour theme. Unset: the theme you last picked in the app, else "dark".
# The --theme option overrides this.
# theme = "light"

# spaCy pipeline for the analysis. Unset: the best installed English pipeline.
# The --model option overrides this.
# model = "en_core_web_sm"

# Readable width of the text in columns (narrower windows wrap earlier). --width overrides this.
wrap_width = 80

# Side panels shown at start, in this order: {", ".join(PANELS)}.
panels = [{", ".join(f'"{p}"' for p in PANELS)}]

# Show the side panel at start (toggle it in the app with `s`).
show_sidebar = true

# What to highlight in the text: {", ".join(HIGHLIGHT_KINDS)}.
highlight = [{", ".join(f'"{k}"' for k in DEFAULT_HIGHLIGHT)}]

# Extra verbs that introduce quotes, on top of the built-in ones ("said", "told", ...).
quote_cues = []

# Seconds a whole download of a web page may take. READER_FETCH_TIMEOUT overrides this.
# fetch_timeout = 30

# Key remaps: binding id = "comma-separated keys". Press ? in the app to see the bindings.
[keymap]
# quit = "q,ctrl+q"
"""


def init_config() -> Path:
    """Write a commented default `config.toml` (atomically); never overwrite an existing file."""
    path = config_path()
    if path.is_symlink() and not path.exists():
        target = os.readlink(path)
        raise ReaderError(f"{path} is a link to {target}, which does not exist; not replacing the link")
    if path.exists():
        raise ReaderError(f"{path} already exists; not overwriting it (edit it, or move it away first)")
    from reader.atomic import write_atomic  # only writers pay for tempfile and friends

    try:
        write_atomic(path, DEFAULT_CONFIG_TEXT)
    except OSError as error:
        reason = "a file is in the way" if isinstance(error, (FileExistsError, NotADirectoryError)) else None
        raise ReaderError(
            f"cannot write {path}: {reason or error.strerror or type(error).__name__}"
        ) from None
    return path
