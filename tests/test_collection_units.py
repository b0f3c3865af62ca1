"""Collection building blocks without spaCy: discovery, the results file, the index and its queries."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.collection.actors import normalise_name
from reader.collection.discover import discover, is_glob
from reader.collection.index import add_document, connect
from reader.collection.output import completed_sources, open_results, remaining
from reader.collection.query import fts_terms, quotes, speakers
from reader.errors import ReaderError


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Qassem Soleimani", "qassem soleimani"),
        ("QASSEM SOLEIMANI’s", "qassem soleimani"),
        ("Qassem Soleimaní", "qassem soleimani"),
        ("  Mohammad  Javad-Zarif ", "mohammad javad zarif"),
        ("U.S.", "u s"),
    ],
)
def test_actor_names_merge_on_a_normalised_key(name: str, key: str) -> None:
    assert normalise_name(name) == key


def test_discovery_of_folders_globs_files_and_urls(tmp_path: Path) -> None:
    for name in ("a.txt", "b.md", "c.html", "d.htm", "e.csv", ".f.txt", "sub/g.txt", ".hidden/h.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = discover([str(tmp_path), str(tmp_path / "*.txt"), "https://example.org/a", "-", "missing.txt"])
    names = [os.path.relpath(p, tmp_path) if p.startswith(str(tmp_path)) else p for p in found]
    assert names == [
        "a.txt",
        "b.md",
        "c.html",
        "d.htm",
        "sub/g.txt",
        "https://example.org/a",
        "-",
        "missing.txt",
    ]
    with pytest.raises(ReaderError, match="only once"):
        discover(["-", "-"])
    with pytest.raises(ReaderError, match="no articles match"):
        discover([str(tmp_path / "*.pdf")])
    (tmp_path / "odd[1].txt").write_text("x")
    assert not is_glob(str(tmp_path / "odd[1].txt"))  # an existing file name is never a pattern


def test_results_file_keeps_whole_lines_and_knows_what_is_done(tmp_path: Path) -> None:
    out = tmp_path / "r.jsonl"
    out.write_bytes(
        b'{"source": "a.txt", "text": "x"}\n{"source": "b.txt", "error": "bad"}\n{"source": "c.txt", "te'
    )
    done = completed_sources(out)
    assert done == {"a.txt"}  # errors are retried, a half line does not count
    assert remaining(["a.txt", "./b.txt", "c.txt"], done) == ["./b.txt", "c.txt"]
    writer = open_results(out, resume=True)
    writer.write('{"source": "c.txt"}')
    writer.close()
    assert out.read_bytes().splitlines() == [
        b'{"source": "a.txt", "text": "x"}',
        b'{"source": "b.txt", "error": "bad"}',
        b'{"source": "c.txt"}',
    ]
    with pytest.raises(ReaderError, match="--resume"):
        open_results(out, resume=False)


def _line(source: str, quotes_: list[tuple[str, str | None, str, str | None]], title: str = "T") -> str:
    """A document with quotes given as (speaker name, actor id, text, act)."""
    text = " ".join(q[2] for q in quotes_)
    actors = {
        a: {"id": a, "name": n, "kind": "person", "aliases": [n], "mentions": []}
        for n, a, _, _ in quotes_
        if a
    }
    records = []
    for name, actor, words, act in quotes_:
        start = text.index(words)
        record = {
            "kind": "direct",
            "content": {"start": start, "end": start + len(words), "text": words},
            "speaker": {"start": 0, "end": 1, "text": name},
            "actor": actor,
            "cue": {"start": 0, "end": 4, "text": "said"},
            "confidence": 0.9,
            "speaker_name": name,
        }
        if act is not None:
            record["act"] = act
        records.append(record)
    return json.dumps(
        {"source": source, "title": title, "text": text, "actors": list(actors.values()), "quotes": records}
    )


@pytest.fixture
def db(tmp_path: Path) -> sqlite3.Connection:
    connection = connect(tmp_path / "i.sqlite3")
    add_document(
        connection,
        _line(
            "/news/a.txt",
            [
                ("Ana Lopez", "a1", "the bridge opens in May", "speech"),
                ("Ana Lopez", "a1", "voters trust the plan", "belief"),
                ("critics", None, "the cost is too high", "speech"),
                ("I", None, "nobody asked me", None),
            ],
        ),
    )
    add_document(connection, _line("/news/b.txt", [("ANA LOPEZ’s", "x9", "bridges matter", "speech")]))
    return connection


def test_speakers_merge_across_articles_and_rank_by_quotes(db: sqlite3.Connection) -> None:
    ranked = [(s.name, s.quotes, s.articles) for s in speakers(db)]
    assert ranked == [("Ana Lopez", 3, 2), ("critics", 1, 1)]  # "I" names nobody
    assert [s.name for s in speakers(db, name_filter="crit")] == ["critics"]
    assert [s.name for s in speakers(db, scope="/news/b")] == ["Ana Lopez"]


def test_quote_filters_speaker_search_and_act(db: sqlite3.Connection) -> None:
    assert [q.text for q in quotes(db, speaker="lopez", act="speech")] == [
        "the bridge opens in May",
        "bridges matter",
    ]
    assert [q.text for q in quotes(db, search="bridge")] == ["the bridge opens in May", "bridges matter"]
    assert [q.text for q in quotes(db, act="belief")] == ["voters trust the plan"]
    assert quotes(db, search='" OR ') == []


def test_a_doubtful_quote_makes_no_speaker_when_confidence_is_asked(db: sqlite3.Connection) -> None:
    db.execute("UPDATE quotes SET confidence = 0.3 WHERE text = 'the cost is too high'")
    assert [s.name for s in speakers(db)] == ["Ana Lopez", "critics"]
    assert [s.name for s in speakers(db, min_confidence=0.5)] == ["Ana Lopez"]
    assert "the cost is too high" not in [q.text for q in quotes(db, min_confidence=0.5)]
    assert "the cost is too high" in [q.text for q in quotes(db)]


def test_reindexing_is_a_no_op_and_a_change_replaces(db: sqlite3.Connection) -> None:
    line = _line("/news/b.txt", [("ANA LOPEZ’s", "x9", "bridges matter", "speech")])
    assert add_document(db, line) == "unchanged"
    assert add_document(db, _line("/news/b.txt", [("Tom Berg", "t", "roads matter", "speech")])) == "replaced"
    assert [s.name for s in speakers(db)] == ["Ana Lopez", "critics", "Tom Berg"]
    assert db.execute("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'bridges'").fetchone()[0] == 1


def _actor_line(source: str, name: str, aliases: list[str]) -> str:
    text = f"{name} said it was time."
    actor = {"id": "x", "name": name, "kind": "person", "aliases": aliases, "mentions": []}
    quote = {
        "kind": "indirect",
        "content": {"start": len(name) + 6, "end": len(text) - 1, "text": "it was time"},
        "actor": "x",
        "confidence": 0.9,
        "speaker_name": name,
    }
    return json.dumps({"source": source, "title": source, "text": text, "actors": [actor], "quotes": [quote]})


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 1, 0), (1, 0, 2)])
def test_an_actor_is_one_across_articles_in_any_order(tmp_path: Path, order: tuple[int, ...]) -> None:
    lines = [
        _actor_line("/a", "Republican Donald Trump", ["Republican Donald Trump", "Donald Trump", "Trump"]),
        _actor_line("/b", "Donald Trump", ["Donald Trump", "Trump", "Mr. Trump"]),
        _actor_line("/c", "Donald Trump Jr.", ["Donald Trump Jr.", "Trump", "Mr. Trump"]),  # someone else
    ]
    connection = connect(tmp_path / "i.sqlite3")
    for i in order:
        add_document(connection, lines[i])
    ranked = sorted((s.name, s.quotes, s.articles) for s in speakers(connection))
    assert ranked == [("Donald Trump", 2, 2), ("Donald Trump Jr.", 1, 1)]


@settings(max_examples=60, deadline=None)
@given(st.text())
def test_any_search_words_are_a_valid_query(words: str) -> None:
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE VIRTUAL TABLE t USING fts5 (text)")
    terms = fts_terms(words)
    if terms is not None:
        connection.execute("SELECT * FROM t WHERE t MATCH ?", (terms,)).fetchall()
