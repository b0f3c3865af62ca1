"""Reading the collection index: speakers ranked by how often they are quoted, and their quotes.

Shared by `reader quotes` and the collection screen. User words never reach SQL or FTS5 syntax:
names go through parameters, search words become quoted FTS5 terms.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from reader.collection.actors import normalise_name

_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")

#: Speaker names left unresolved that name nobody ("I" in an unattributed first-person quote): a
#: name-only speaker with one of these is not ranked as a speaker of the collection.
UNNAMED_SPEAKERS = frozenset({"i", "me", "we", "us", "you", "he", "him", "she", "her", "they", "them", "it"})


@dataclass(frozen=True, slots=True)
class Speaker:
    """One speaker across the collection: an actor record, or a name no actor matched ("critics")."""

    key: str
    name: str
    kind: str | None
    quotes: int
    articles: int


@dataclass(frozen=True, slots=True)
class QuoteRow:
    """One quote with the speaker it is grouped under and the article it came from."""

    id: int
    speaker_key: str
    speaker: str
    text: str
    kind: str
    act: str | None
    cue: str | None
    confidence: float
    start: int
    end: int
    source: str
    title: str | None

    def to_dict(self) -> dict[str, object]:
        return {
            "speaker": self.speaker,
            "text": self.text,
            "kind": self.kind,
            "act": self.act,
            "cue": self.cue,
            "confidence": self.confidence,
            "start": self.start,
            "end": self.end,
            "source": self.source,
            "title": self.title,
        }


def fts_terms(words: str) -> str | None:
    """FTS5 query matching quotes with every word (each quoted: no operator reaches FTS5), or None."""
    words = _CONTROL_RE.sub(" ", words)  # FTS5 reads a NUL as the end of the query
    terms = [w.replace('"', '""') for w in words.split() if w.replace('"', "")]
    return " ".join(f'"{t}"' for t in terms) or None


def _scope_clause(prefix: str | None) -> tuple[str, list[object]]:
    if not prefix:
        return "", []
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return (
        " AND q.article_id IN (SELECT id FROM articles WHERE source LIKE ? ESCAPE '\\')",
        [escaped + "%"],
    )


def speakers(
    db: sqlite3.Connection,
    *,
    name_filter: str = "",
    scope: str | None = None,
    min_confidence: float = 0.0,
    limit: int = 500,
) -> list[Speaker]:
    """Speakers ranked by number of quotes, then articles, then name; `scope`: sources under a prefix.

    `min_confidence` counts only the quotes held at least that likely, so a doubtful attribution
    never makes a speaker (or ranks one) on its own.
    """
    where, params = _scope_clause(scope)
    where += " AND q.confidence >= ?"
    params.append(min_confidence)
    rows = db.execute(
        "SELECT CASE WHEN q.actor_id IS NOT NULL THEN 'actor:' || q.actor_id"
        " ELSE 'name:' || lower(q.speaker_name) END AS k, COALESCE(a.name, q.speaker_name), a.kind,"
        " count(*), count(DISTINCT q.article_id)"
        " FROM quotes q LEFT JOIN actors a ON a.id = q.actor_id"
        " WHERE (q.actor_id IS NOT NULL OR q.speaker_name IS NOT NULL)" + where + " GROUP BY k",
        params,
    ).fetchall()
    wanted = normalise_name(name_filter)
    found = [
        Speaker(str(k), str(name), kind, int(n), int(m))
        for k, name, kind, n, m in rows
        if (not wanted or wanted in normalise_name(str(name)))
        and not (str(k).startswith("name:") and normalise_name(str(name)) in UNNAMED_SPEAKERS)
    ]
    found.sort(key=lambda s: (-s.quotes, -s.articles, s.name.casefold()))
    return found[:limit]


def _speaker_condition(speaker: str | None, speaker_key: str | None) -> tuple[str, list[object]]:
    if speaker_key is not None:
        kind, _, value = speaker_key.partition(":")
        if kind == "actor":
            return " AND q.actor_id = ?", [int(value)]
        return " AND q.actor_id IS NULL AND lower(q.speaker_name) = ?", [value]
    if speaker:
        wanted = normalise_name(speaker)
        return " AND norm_name(COALESCE(a.name, q.speaker_name)) LIKE ?", [f"%{wanted}%"]
    return "", []


def quotes(
    db: sqlite3.Connection,
    *,
    speaker: str | None = None,
    speaker_key: str | None = None,
    search: str | None = None,
    act: str = "all",
    scope: str | None = None,
    min_confidence: float = 0.0,
    limit: int | None = None,
) -> list[QuoteRow]:
    """Matching quotes, grouped by speaker (most quoted first), each speaker's in article order."""
    db.create_function("norm_name", 1, lambda s: normalise_name(s or ""), deterministic=True)
    clause, params = _speaker_condition(speaker, speaker_key)
    clause += " AND q.confidence >= ?"
    params.append(min_confidence)
    if search is not None:
        terms = fts_terms(search)
        if terms is None:
            return []
        clause += " AND q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)"
        params.append(terms)
    if act != "all":
        clause += " AND q.act = ?"
        params.append(act)
    scope_clause, scope_params = _scope_clause(scope)
    rows = db.execute(
        "SELECT q.id, CASE WHEN q.actor_id IS NOT NULL THEN 'actor:' || q.actor_id"
        " ELSE 'name:' || lower(q.speaker_name) END, COALESCE(a.name, q.speaker_name), q.text, q.kind,"
        " q.act, q.cue, q.confidence, q.start_char, q.end_char, r.source, r.title"
        " FROM quotes q LEFT JOIN actors a ON a.id = q.actor_id JOIN articles r ON r.id = q.article_id"
        " WHERE (q.actor_id IS NOT NULL OR q.speaker_name IS NOT NULL)" + clause + scope_clause,
        [*params, *scope_params],
    ).fetchall()
    found = [QuoteRow(*row) for row in rows]
    counts: dict[str, int] = {}
    for row in found:
        counts[row.speaker_key] = counts.get(row.speaker_key, 0) + 1
    found.sort(key=lambda r: (-counts[r.speaker_key], r.speaker.casefold(), r.speaker_key, r.source, r.start))
    return found if limit is None else found[:limit]


def article_count(db: sqlite3.Connection, scope: str | None = None) -> int:
    """How many articles the index (or the part of it under `scope`) holds."""
    if not scope:
        return int(db.execute("SELECT count(*) FROM articles").fetchone()[0])
    escaped = scope.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return int(
        db.execute(
            "SELECT count(*) FROM articles WHERE source LIKE ? ESCAPE '\\'", [escaped + "%"]
        ).fetchone()[0]
    )
