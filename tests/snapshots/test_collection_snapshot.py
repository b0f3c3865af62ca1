"""Snapshot of the collection screen: two articles, three speakers, the top speaker's quotes, 120x30."""

from __future__ import annotations

import json
from pathlib import Path

SIZE = (120, 30)
QUOTES = [  # (article, title, speaker, actor id, quoted words)
    ("a.txt", "Bridge delayed again", "Ana Lopez", "ana", '"We are ready for the traffic," she said.'),
    ("a.txt", "Bridge delayed again", "Tom Berg", "tom", '"Nobody told the crews," he said.'),
    ("b.txt", "Council hears the bridge plan", "Ana Lopez", "lopez", '"The bridge will open in June."'),
    ("b.txt", "Council hears the bridge plan", "Priya Shah", "shah", '"This is a fair budget."'),
]


def _line(source: str, title: str) -> str:
    rows = [q for q in QUOTES if q[0] == source]
    text = " ".join(q[4] for q in rows)
    quotes = []
    for _, _, name, actor, words in rows:
        start = text.index(words)
        quotes.append(
            {
                "kind": "direct",
                "content": {"start": start, "end": start + len(words), "text": words},
                "actor": actor,
                "confidence": 0.9,
                "speaker_name": name,
            }
        )
    actors = [
        {"id": a, "name": n, "kind": "person", "aliases": [n], "mentions": []} for _, _, n, a, _ in rows
    ]
    return json.dumps({"source": source, "title": title, "text": text, "actors": actors, "quotes": quotes})


def make_app(folder: Path):
    from reader.collection.index import add_document, connect
    from reader.collection.request import CollectionRequest
    from reader.ui.app import ReaderApp
    from reader.ui.options import ReaderOptions

    db_path = folder / "collection.sqlite3"
    db = connect(db_path)
    for source, title in dict((q[0], q[1]) for q in QUOTES).items():
        add_document(db, _line(source, title))
    db.close()
    return ReaderApp(None, ReaderOptions(theme="dark", analyse=False), collection=CollectionRequest(db_path))


def test_collection_screen(snap_compare, tmp_path: Path) -> None:
    async def settle(pilot) -> None:
        from textual.widgets import Input

        for widget in pilot.app.screen.query(Input):
            widget.cursor_blink = False
        await pilot.pause()

    assert snap_compare(make_app(tmp_path), run_before=settle, terminal_size=SIZE)
