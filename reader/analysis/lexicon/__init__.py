"""The word lists of the analysis, kept as data: one folder, one list per concept.

Every list lives in a TOML file of this folder (written by hand) or a JSON file (counted from a
corpus by a script); README.md says where each came from. Quotes, entities and events read their
lists from here, so a word is added in one place and every pass sees it.
"""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

FOLDER = Path(__file__).resolve().parent


class LexiconError(RuntimeError):
    """A list the code asks for is missing or malformed: a broken install, not bad input."""


@cache
def _table(name: str) -> dict[str, Any]:
    path = FOLDER / f"{name}.toml"
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise LexiconError(f"lexicon {name}.toml cannot be read: {error}") from error


def words(table: str, key: str) -> frozenset[str]:
    """The list `key` of `table`.toml, as a set of lower-case words or phrases."""
    value = _table(table).get(key)
    if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
        raise LexiconError(f"lexicon {table}.toml has no list of words named {key!r}")
    return frozenset(value)


def mapping(table: str, key: str) -> dict[str, str]:
    """The string table `key` of `table`.toml ("q" -> "Interviewer")."""
    value = _table(table).get(key)
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise LexiconError(f"lexicon {table}.toml has no table named {key!r}")
    return {str(k): v for k, v in value.items()}


def groups(table: str, key: str) -> tuple[tuple[str, ...], ...]:
    """The list of word groups `key` of `table`.toml, in its order, for lists whose order is their
    meaning (the months, each with its short forms: the fifth group is May)."""
    value = _table(table).get(key)
    if not isinstance(value, list) or not all(
        isinstance(group, list) and group and all(isinstance(w, str) for w in group) for group in value
    ):
        raise LexiconError(f"lexicon {table}.toml has no list of word groups named {key!r}")
    return tuple(tuple(group) for group in value)


def numbered(table: str, key: str) -> dict[str, int]:
    """Each word of the groups `key` of `table`.toml with its group's place from 1 ("sept" -> 9)."""
    return {word: n for n, group in enumerate(groups(table, key), start=1) for word in group}


def lists(table: str) -> dict[str, frozenset[str]]:
    """Every list of `table`.toml by name (for lexicons whose classes are their keys)."""
    return {key: words(table, key) for key, value in _table(table).items() if isinstance(value, list)}


@cache
def derived(name: str, key: str) -> frozenset[str]:
    """The list `key` of the JSON file `name`.json, counted from a corpus by a script (see README.md)."""
    path = FOLDER / f"{name}.json"
    try:
        value = json.loads(path.read_text(encoding="utf-8")).get(key)
    except (OSError, ValueError, AttributeError) as error:
        raise LexiconError(f"lexicon {name}.json cannot be read: {error}") from error
    if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
        raise LexiconError(f"lexicon {name}.json has no list of words named {key!r}")
    return frozenset(value)
