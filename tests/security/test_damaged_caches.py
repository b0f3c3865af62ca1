"""Damaged cache entries, written by the test: ignored and rebuilt, never a traceback, never stuck.

A page-cache or analysis-cache file is read back as strictly as input from outside.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from reader.analysis import cache
from reader.analysis.service import get_analysis
from reader.sources import fetch

TEXT = "Iran launched missiles at two bases on Tuesday, officials in Baghdad said.\n"


def _entry() -> tuple[Path, dict[str, Any]]:
    paths = sorted((cache.cache_root()).glob("*/*.json"))
    assert len(paths) == 1
    return paths[0], json.loads(paths[0].read_text(encoding="utf-8"))


def _damage_body_end(d: dict[str, Any]) -> None:
    d["analysis"]["body_end"] = "12"


def _damage_offsets(d: dict[str, Any]) -> None:
    d["analysis"]["entities"][0]["end"] = 10**9


def _damage_span_text(d: dict[str, Any]) -> None:
    d["analysis"]["entities"][0]["text"] = "Elsewhere"


def _damage_negative(d: dict[str, Any]) -> None:
    d["analysis"]["actors"][0]["mentions"][0]["start"] = -5


def _damage_actor_type(d: dict[str, Any]) -> None:
    d["analysis"]["events"][0]["actor"] = {"id": 1}


def _damage_name(d: dict[str, Any]) -> None:
    d["analysis"]["actors"][0]["name"] = "\x1b]0;owned\x07"


def _damage_confidence(d: dict[str, Any]) -> None:
    d["analysis"]["quotes"][0]["confidence"] = "high"


def _damage_quote_kind(d: dict[str, Any]) -> None:
    d["analysis"]["quotes"][0]["kind"] = ["direct"]


def _damage_unknown_actor(d: dict[str, Any]) -> None:
    d["analysis"]["quotes"][0]["actor"] = "nobody"


def _damage_list_type(d: dict[str, Any]) -> None:
    d["analysis"]["entities"] = 5


def _damage_analysis_type(d: dict[str, Any]) -> None:
    d["analysis"] = []


DAMAGES = [
    _damage_body_end,
    _damage_offsets,
    _damage_span_text,
    _damage_negative,
    _damage_actor_type,
    _damage_name,
    _damage_confidence,
    _damage_quote_kind,
    _damage_unknown_actor,
    _damage_list_type,
    _damage_analysis_type,
]


@pytest.fixture(scope="module")
def fresh() -> dict[str, Any]:
    return get_analysis(TEXT, use_cache=False).to_dict()


@pytest.mark.parametrize("damage", DAMAGES, ids=lambda f: f.__name__[len("_damage_") :])
def test_a_damaged_analysis_entry_is_rebuilt(
    fresh: dict[str, Any], damage: Callable[[dict[str, Any]], None]
) -> None:
    first = get_analysis(TEXT)
    assert first.quotes and first.events and first.actors, "the sentence must exercise every field"
    path, data = _entry()
    damage(data)
    path.write_text(json.dumps(data), encoding="utf-8")
    again = get_analysis(TEXT)
    assert again.to_dict() == fresh
    assert json.loads(path.read_text(encoding="utf-8")) != data  # rebuilt, not stuck


@pytest.mark.parametrize("raw", [b"[" * 100_000, b"\xff\xfe garbage", b"null", b'{"analysis_version": 1}'])
def test_unreadable_analysis_entries_are_rebuilt(fresh: dict[str, Any], raw: bytes) -> None:
    get_analysis(TEXT)
    path, _ = _entry()
    path.write_bytes(raw)
    assert get_analysis(TEXT).to_dict() == fresh


URL = "http://127.0.0.1:9/story"


@pytest.mark.parametrize(
    "header",
    [
        b"not json",
        b"[" * 100_000,
        b"[]",
        b'{"request": "%s", "url": 5, "content_type": "text/html", "charset": null, "time": 1, "length": 4}',
        b'{"request": "%s", "url": "file:///etc/passwd", "content_type": "text/html", "time": 1, "length": 4}',  # noqa: E501
        b'{"request": "%s", "url": "http://x/", "content_type": "text/html", "time": "now", "length": 4}',
        b'{"request": "%s", "url": "http://x/", "content_type": "text/html", "time": 1e999, "length": 4}',
        b'{"request": "%s", "url": "http://x/", "content_type": "text/html", "time": 1, "length": "4"}',
        b'{"request": "%s", "url": "http://x/", "content_type": "image/png", "time": 1, "length": 4}',
        b'{"request": "%s", "url": "http://x/", "content_type": "text/html", "charset": 7, "time": 1, "length": 4}',  # noqa: E501
        b'{"request": "%s", "url": "http://x/", "content_type": "text/html", "time": 1, "length": 9}',
    ],
)
def test_a_damaged_page_entry_is_ignored(header: bytes) -> None:
    path = fetch._cache_file(URL)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(header.replace(b"%s", URL.encode()) + b"\nbody")
    assert fetch._read_cache(URL) is None


def test_a_sound_page_entry_is_served() -> None:
    page = fetch.FetchedPage("http://x/", "text/html", "utf-8", b"body", 1.0)
    fetch._write_cache(URL, page)
    assert fetch._read_cache(URL) == page


def test_a_damaged_page_entry_through_the_command(
    reader: Callable[..., object], serve: Callable[..., str], article_html: bytes
) -> None:
    url = serve("/damaged-entry", article_html)
    path = fetch._cache_file(url)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b'{"request": "' + url.encode() + b'", "url": {"x": 1}, "length": []}\n\x1b[2J')
    run = reader("analyze", url)
    assert run.code == 0 and "Maria Lind" in run.stdout  # type: ignore[attr-defined]
    assert fetch._read_cache(url) is not None  # rebuilt with the fetched page
