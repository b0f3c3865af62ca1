"""The collection index: who said what across many articles, in one SQLite file.

Tables (documented for `sqlite3` users in docs/collection.md): `articles`, `actors` (one row per
real-world speaker or actor, merged across articles by name and kind: see `actors.py`, which also
fills `actor_keys`), `aliases` (what each article called an actor), `mentions`, `quotes` (with an
FTS5 index, `quotes_fts`, over the quoted text), and the view `speakers` (quote and article counts
per speaker). An article is keyed by its source; its
`digest` is a hash of its analysed JSON document, so re-indexing an unchanged article touches
nothing, and a changed one is replaced in a single transaction (readers never see half of it).
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterator
from datetime import datetime, timezone
from hashlib import sha256
from pathlib import Path
from typing import Any

from reader.article import count_words
from reader.collection.actors import actor_id
from reader.errors import ReaderError
from reader.settings import paths

#: Version of the tables below; a database of another version is refused with a clear message.
INDEX_SCHEMA_VERSION = 2
DEFAULT_DB_NAME = "collection.sqlite3"

SCHEMA = """
CREATE TABLE IF NOT EXISTS info (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL UNIQUE,
    title TEXT,
    date TEXT,
    words INTEGER NOT NULL,
    digest TEXT NOT NULL,
    indexed_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS actors (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    norm TEXT NOT NULL,
    UNIQUE (norm, kind)
);
CREATE TABLE IF NOT EXISTS actor_keys (
    norm TEXT NOT NULL,
    kind TEXT NOT NULL,
    actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    PRIMARY KEY (norm, kind)
);
CREATE TABLE IF NOT EXISTS aliases (
    actor_id INTEGER NOT NULL REFERENCES actors(id),
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    PRIMARY KEY (actor_id, article_id, alias)
);
CREATE TABLE IF NOT EXISTS mentions (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    actor_id INTEGER NOT NULL REFERENCES actors(id),
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS quotes (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    actor_id INTEGER REFERENCES actors(id),
    speaker TEXT,
    speaker_name TEXT,
    kind TEXT NOT NULL,
    act TEXT,
    text TEXT NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    cue TEXT,
    confidence REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions (article_id);
CREATE INDEX IF NOT EXISTS mentions_actor ON mentions (actor_id);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes (article_id);
CREATE INDEX IF NOT EXISTS quotes_actor ON quotes (actor_id);
CREATE INDEX IF NOT EXISTS aliases_article ON aliases (article_id);
CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5 (
    text, content='quotes', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER IF NOT EXISTS quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE VIEW IF NOT EXISTS speakers AS
    SELECT
        CASE WHEN q.actor_id IS NOT NULL THEN 'actor:' || q.actor_id
             ELSE 'name:' || lower(q.speaker_name) END AS speaker_key,
        COALESCE(a.name, q.speaker_name) AS name,
        a.kind AS kind,
        q.actor_id AS actor_id,
        count(*) AS quotes,
        count(DISTINCT q.article_id) AS articles
    FROM quotes q LEFT JOIN actors a ON a.id = q.actor_id
    WHERE q.actor_id IS NOT NULL OR q.speaker_name IS NOT NULL
    GROUP BY speaker_key;
"""


def default_db_path() -> Path:
    """The index `reader index` and `reader quotes` use without `--db` (in the user's data folder)."""
    return paths.data_dir() / DEFAULT_DB_NAME


def _shown(path: Path) -> str:
    from reader.sources import sanitize_for_terminal

    return " ".join(sanitize_for_terminal(str(path)).split("\n"))


def _schema_version(db: sqlite3.Connection) -> int | None:
    row = db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'info'").fetchone()
    if row is None:
        return None
    found = db.execute("SELECT value FROM info WHERE key = 'schema_version'").fetchone()
    try:
        return int(found[0]) if found else None
    except ValueError:
        return -1


def _prepare(db: sqlite3.Connection, version: int | None, create: bool) -> None:
    if version is None:
        if not create:
            raise sqlite3.DatabaseError("not a reader index")
        db.executescript(SCHEMA)
        db.execute(
            "INSERT OR REPLACE INTO info (key, value) VALUES ('schema_version', ?)",
            (str(INDEX_SCHEMA_VERSION),),
        )
    elif version == 1:
        # Version 1 merged actors by their name only: every actor keeps its name as its first key.
        db.executescript(SCHEMA)
        db.execute(
            "INSERT OR IGNORE INTO actor_keys (norm, kind, actor_id) SELECT norm, kind, id FROM actors"
        )
        db.execute("UPDATE info SET value = ? WHERE key = 'schema_version'", (str(INDEX_SCHEMA_VERSION),))
    elif version != INDEX_SCHEMA_VERSION:
        raise sqlite3.DatabaseError(
            f"index version {version}; this reader reads version {INDEX_SCHEMA_VERSION}"
        )


def connect(path: Path, *, create: bool = True) -> sqlite3.Connection:
    """Open (and with `create`, set up) the index at `path`; every failure is one ReaderError line."""
    if not create and not path.is_file():
        raise ReaderError(f"no index at {_shown(path)}; build one with 'reader index FOLDER'")
    db: sqlite3.Connection | None = None
    try:
        if create:
            path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
        db.execute("PRAGMA foreign_keys = ON")
        _prepare(db, _schema_version(db), create)
    except sqlite3.DatabaseError as error:
        if db is not None:
            db.close()
        raise ReaderError(f"cannot use the index {_shown(path)}: {error}") from None
    except OSError as error:
        raise ReaderError(f"cannot open the index {_shown(path)}: {error.strerror or 'unreadable'}") from None
    return db


@contextlib.contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[None]:
    """All or nothing: BEGIN IMMEDIATE ... COMMIT, rolled back on any error (or Ctrl-C)."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _span_text(span: Any) -> str | None:
    return str(span["text"]) if isinstance(span, dict) and "text" in span else None


def _insert_referents(db: sqlite3.Connection, article_id: int, record: dict[str, Any]) -> dict[str, int]:
    """Actors (and the places that act) with their aliases and mentions; returns analysis id -> actor row."""
    rows: dict[str, int] = {}
    places = record.get("places", record.get("locations", []))  # "locations" before schema 2
    for referent in [*record.get("actors", []), *places]:
        if referent["id"] in rows:
            continue
        actor = actor_id(
            db, str(referent["name"]), str(referent["kind"]), map(str, referent.get("aliases", []))
        )
        rows[referent["id"]] = actor
        mentions = referent.get("mentions", [])
        db.executemany(
            "INSERT OR IGNORE INTO aliases (actor_id, article_id, alias) VALUES (?, ?, ?)",
            [(actor, article_id, str(alias)) for alias in {referent["name"], *referent.get("aliases", [])}],
        )
        db.executemany(
            "INSERT INTO mentions (article_id, actor_id, start_char, end_char, text) VALUES (?, ?, ?, ?, ?)",
            [(article_id, actor, int(m["start"]), int(m["end"]), str(m["text"])) for m in mentions],
        )
    return rows


def _insert_quotes(
    db: sqlite3.Connection, article_id: int, record: dict[str, Any], rows: dict[str, int]
) -> None:
    db.executemany(
        "INSERT INTO quotes (article_id, actor_id, speaker, speaker_name, kind, act, text, start_char,"
        " end_char, cue, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                article_id,
                rows.get(quote.get("actor") or ""),
                _span_text(quote.get("speaker")),
                quote.get("speaker_name"),
                str(quote["kind"]),
                quote.get("act"),
                str(quote["content"]["text"]),
                int(quote["content"]["start"]),
                int(quote["content"]["end"]),
                _span_text(quote.get("cue")),
                float(quote.get("confidence", 0.0)),
            )
            for quote in record.get("quotes", [])
        ],
    )


def _words(record: dict[str, Any]) -> int:
    text = str(record.get("text", ""))
    end = record.get("body_end")
    return count_words(text[: end if isinstance(end, int) else len(text)])


def _date(record: dict[str, Any]) -> str | None:
    meta = record.get("meta")
    date = record.get("date") or (meta.get("date") if isinstance(meta, dict) else None)
    return str(date) if date else None


def add_document(db: sqlite3.Connection, line: str, source: str | None = None) -> str:
    """Index one article's JSON line; returns "added", "replaced" or "unchanged".

    `source` overrides the document's own (the index keys files by absolute path).
    """
    record = json.loads(line)
    source = source or str(record["source"])
    digest = sha256(line.encode("utf-8", "surrogatepass")).hexdigest()
    found = db.execute("SELECT id, digest FROM articles WHERE source = ?", (source,)).fetchone()
    if found is not None and found[1] == digest:
        return "unchanged"
    with transaction(db):
        if found is not None:
            db.execute("DELETE FROM quotes WHERE article_id = ?", (found[0],))
            db.execute("DELETE FROM articles WHERE id = ?", (found[0],))
        stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
        cursor = db.execute(
            "INSERT INTO articles (source, title, date, words, digest, indexed_at) VALUES (?, ?, ?, ?, ?, ?)",
            (source, record.get("title"), _date(record), _words(record), digest, stamp),
        )
        article_id = int(cursor.lastrowid or 0)
        _insert_quotes(db, article_id, record, _insert_referents(db, article_id, record))
        if found is not None:
            _drop_orphan_actors(db)
    return "added" if found is None else "replaced"


def _drop_orphan_actors(db: sqlite3.Connection) -> None:
    db.execute(
        "DELETE FROM actors WHERE id NOT IN (SELECT actor_id FROM mentions)"
        " AND id NOT IN (SELECT actor_id FROM quotes WHERE actor_id IS NOT NULL)"
        " AND id NOT IN (SELECT actor_id FROM aliases)"
    )
