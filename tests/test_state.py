"""Reading positions and recent files: saved atomically, corrupt files ignored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.settings import state
from reader.settings.state import ReaderState


def test_positions_and_recent_files_survive_a_restart(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("hello", encoding="utf-8")
    saved = state.load_state()
    key = state.article_key(str(article), "hello")
    saved.set_position(key, 1234)
    saved.add_recent(str(article), "A title", 1)
    saved.add_recent("-", "stdin is not remembered")
    state.save_state(saved)
    loaded = state.load_state()
    assert loaded.position(key) == 1234
    assert [(r.source, r.title, r.words) for r in loaded.recent] == [(str(article.resolve()), "A title", 1)]


def test_stdin_articles_are_keyed_by_their_text() -> None:
    assert state.article_key("-", "some text") == state.article_key("-", "some text")
    assert state.article_key("-", "some text") != state.article_key("-", "other text")
    assert state.article_key("https://example.com/a", "x") == "https://example.com/a"


def test_corrupt_or_strange_state_is_ignored() -> None:
    path = state.state_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{not json", encoding="utf-8")
    assert state.load_state().positions == {}
    path.write_text(json.dumps({"positions": {"k": {"offset": "x"}, "j": {"offset": 5}}, "recent": [3]}))
    loaded = state.load_state()
    assert loaded.positions == {"j": 5}
    assert loaded.recent == []
    odd_words = [{"source": "/a.txt", "words": value} for value in ("12", True, -4, 1.5)]
    path.write_text(json.dumps({"recent": odd_words}))
    assert [entry.words for entry in state.load_state().recent] == [0]  # one article, its count unknown


def test_recent_list_is_bounded_and_deduplicated(tmp_path: Path) -> None:
    saved = state.ReaderState()
    for index in range(30):
        saved.add_recent(str(tmp_path / f"{index}.txt"), str(index))
    saved.add_recent(str(tmp_path / "5.txt"), "again")
    assert len(saved.recent) == state.MAX_RECENT
    assert saved.recent[0].title == "again"
    assert sum(1 for r in saved.recent if r.source.endswith("/5.txt")) == 1


def test_each_article_is_recent_once_the_newest_visit_winning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("text", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    entries = [
        {"source": "a.txt", "title": "older, relative", "opened": 1.0},
        {"source": "https://example.org/n#top", "title": "address, older", "opened": 2.0},
        {"source": str(article), "title": "newest", "opened": 5.0},
        {"source": "https://example.org/n", "title": "address, newer", "opened": 3.0},
    ]
    loaded = ReaderState.from_dict({"recent": entries})
    assert [r.title for r in loaded.recent] == ["newest", "address, newer"]
    loaded.add_recent("https://example.org/n#later", "address again")
    assert [r.title for r in loaded.recent] == ["address again", "newest"]
