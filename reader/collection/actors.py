"""One actor across a collection: which per-article actor records are the same real-world actor.

Each article's analysis merges its own mentions ("Qassem Soleimani", "Soleimani", "he"); across
articles the index merges by name and kind. Every actor row has merge keys in `actor_keys`: its
normalised name and each of its full-name aliases ("Donald Trump" for an article's "Republican
Donald Trump"; not "Mr. Trump", whose title words come from the people lexicon). An article's actor
joins the first existing actor that holds one of its keys, else becomes a new one, and adds its
keys either way, so the order in which articles are indexed does not split an actor. Single-word
aliases ("Trump", "Clinton") are never keys: across articles they name too many different people.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

_POSSESSIVE_RE = re.compile(r"['’]s\b")
_NON_WORD_RE = re.compile(r"[^\w]+")


def normalise_name(name: str) -> str:
    """The key actors merge on across articles: no accents, case, possessive or punctuation.

    "Qassem Soleimani", "QASSEM SOLEIMANI’s" and "Qassem Soleimaní" share one key.
    """
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    plain = _POSSESSIVE_RE.sub("", plain)
    return " ".join(_NON_WORD_RE.sub(" ", plain).split())


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    """Words that open a title, not a name: "Mr.", "President", "Sen." ("Mr. Trump" names too many)."""
    from reader.analysis.lexicon import words

    titles = (
        words("people", "person_nouns") | words("people", "male_titles") | words("people", "female_titles")
    )
    return frozenset(t.rstrip(".") for t in titles)


def _proper_name(alias: str) -> bool:
    """A full name: two words or more, first and last capitalised, no title first.

    "Donald Trump" and "Bank of England" are; "the union", "Mr. Trump" and "Sen. Warren" are not.
    """
    words = alias.split()
    if len(words) < 2 or not (words[0][:1].isupper() and words[-1][:1].isupper()):
        return False
    first = words[0].casefold()
    abbreviation = first.endswith(".") and len(first) <= 5
    return not abbreviation and first.rstrip(".") not in _titles()


def merge_keys(name: str, aliases: Iterable[str]) -> list[str]:
    """The actor's keys: its normalised name first, then its proper-name aliases, each once."""
    keys = [normalise_name(name) or name.casefold()]
    for alias in aliases:
        key = normalise_name(alias)
        if key and key not in keys and _proper_name(alias):
            keys.append(key)
    return keys


def actor_id(db: sqlite3.Connection, name: str, kind: str, aliases: Iterable[str]) -> int:
    """The actor row for an article's actor: found by any of its keys, else created; keys recorded."""
    keys = merge_keys(name, aliases)
    found: int | None = None
    for key in keys:
        row = db.execute(
            "SELECT actor_id FROM actor_keys WHERE norm = ? AND kind = ?", (key, kind)
        ).fetchone()
        if row is not None:
            found = int(row[0])
            break
    if found is None:
        cursor = db.execute("INSERT INTO actors (name, kind, norm) VALUES (?, ?, ?)", (name, kind, keys[0]))
        found = int(cursor.lastrowid or 0)
    else:
        _prefer_shorter_name(db, found, name, keys[0])
    db.executemany(
        "INSERT OR IGNORE INTO actor_keys (norm, kind, actor_id) VALUES (?, ?, ?)",
        [(key, kind, found) for key in keys],
    )
    return found


def _prefer_shorter_name(db: sqlite3.Connection, actor: int, name: str, norm: str) -> None:
    """Show the plainest full name: "Donald Trump" over an earlier article's "Republican Donald Trump"."""
    row = db.execute("SELECT name FROM actors WHERE id = ?", (actor,)).fetchone()
    if row is None or len(name) >= len(row[0]) or not _proper_name(name):
        return
    taken = db.execute(
        "SELECT 1 FROM actors WHERE norm = ? AND kind = (SELECT kind FROM actors WHERE id = ?) AND id != ?",
        (norm, actor, actor),
    ).fetchone()
    if taken is None:
        db.execute("UPDATE actors SET name = ?, norm = ? WHERE id = ?", (name, norm, actor))
