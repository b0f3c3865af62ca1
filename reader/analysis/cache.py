"""The analysis cache: reopening an article is instant and never imports spaCy.

Entries are JSON files under `paths.cache_dir()/analyses`, named by a SHA-256 of everything the
result depends on: the text, where its body ends, the model's name and version, the analysis
version (and a fingerprint of the analysis code, so an upgrade never serves stale results) and
the user's extra quote cues and the publication date the events' relative days ("on Tuesday") are
read against. A corrupt, truncated or outdated entry is ignored (and removed); an
unwritable cache folder just means no caching. Writes are atomic, so readers never see half a file.

A cache file is outside input like any other (another program, a full disk or a hostile user may
have written it): an entry is served only when every field has its type and every span slices the
text to its own words (`check_entry`), never a traceback and never a wrong highlight later.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path

from reader.analysis.model import SCHEMA_VERSION, Analysis, ModelInfo, Span
from reader.settings import paths
from reader.terminal import is_safe

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a cache hit stays fast)
if TYPE_CHECKING:
    from hashlib import sha256
else:
    try:  # the built-in hash module: importing hashlib would load OpenSSL, a noticeable part of a cache hit
        from _sha256 import sha256
    except ImportError:  # pragma: no cover - Python 3.12+ names it _sha2; elsewhere use hashlib
        try:
            from _sha2 import sha256
        except ImportError:
            from hashlib import sha256

#: Bump when the analysis output changes for the same input (new rules, fixed bugs).
ANALYSIS_VERSION = 1
#: How many analyses the cache keeps (a typical one is 30-100 kB).
MAX_ENTRIES = 2000
_ANALYSIS_DIR = Path(__file__).resolve().parent


def cache_root() -> Path:
    """Folder holding the cached analyses."""
    return paths.cache_dir() / "analyses"


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A digest of the analysis code and data: a changed rule means a new cache key.

    Contents, not file times: the same code installed twice (a wheel and a source checkout) shares
    its cache, and hashing the few hundred kilobytes costs about a millisecond.
    """
    digest = sha256()
    for folder in (_ANALYSIS_DIR, _ANALYSIS_DIR / "quotes", _ANALYSIS_DIR / "lexicon"):
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            if entry.name.endswith((".py", ".json", ".toml", ".txt", ".tsv")) and entry.is_file():
                try:
                    with open(entry.path, "rb") as handle:
                        data = handle.read()
                except OSError:
                    continue
                digest.update(entry.name.encode() + b"\0" + data + b"\0")
    return digest.hexdigest()[:16]


def cache_key(
    text: str,
    body_end: int | None,
    model: ModelInfo,
    extra_cues: Sequence[str] = (),
    published: str | None = None,
    headings: Sequence[tuple[int, int]] = (),
) -> str:
    """The hex key of an analysis: same inputs, same model, same code -> same key.

    `published` (the article's checked date, ISO) is part of it: the same text published on another
    day has its "on Wednesday" on another calendar day. So are the article's `headings` (where no
    one is quoted), when it has any.
    """
    parts: list[object] = [
        ANALYSIS_VERSION,
        SCHEMA_VERSION,
        code_fingerprint(),
        model.name,
        model.version,
        body_end,
        sorted({c.strip().lower() for c in extra_cues if c.strip()}),
        published,
    ]
    if headings:
        parts.append(sorted([start, end] for start, end in headings))
    header = json.dumps(parts, separators=(",", ":"))
    digest = sha256(header.encode("utf-8"))
    digest.update(b"\0")
    digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def entry_path(key: str) -> Path:
    return cache_root() / key[:2] / f"{key}.json"


_QUOTE_KINDS = ("direct", "indirect", "mixed")


def _spans(analysis: Analysis) -> Iterator[Span]:
    yield from (Span(e.start, e.end, e.text) for e in analysis.entities)
    for record in (*analysis.actors, *analysis.places):
        yield from record.mentions
    for event in analysis.events:
        yield event.trigger
        yield event.sentence
    for quote in analysis.quotes:
        yield quote.content
        yield from quote.segments
        yield from (s for s in (quote.speaker, quote.cue) if s is not None)


def _optional_text(value: object) -> bool:
    """None, or a string a terminal can show as it is (names and labels are shown outside the text)."""
    return value is None or (isinstance(value, str) and is_safe(value))


def _number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def check_entry(analysis: Analysis, text: str) -> None:
    """Raise ValueError unless `analysis` is a well-formed analysis of exactly `text`."""
    if analysis.text != text:
        raise ValueError("entry for another text")
    body_end = analysis.body_end
    if body_end is not None and (type(body_end) is not int or not 0 <= body_end <= len(text)):
        raise ValueError("body_end out of range")
    for span in _spans(analysis):
        start, end = span.start, span.end
        if not (0 <= start <= end <= len(text)) or text[start:end] != span.text:
            raise ValueError("span outside the text")
    records = (*analysis.actors, *analysis.places)
    if not all(_optional_text(v) for r in records for v in (r.id, r.name, r.kind, *r.aliases)):
        raise ValueError("bad actor or place")
    ids = {r.id for r in records}
    for event in analysis.events:
        fields = (event.actor, event.object, event.when, event.where, event.date)
        if not all(map(_optional_text, fields)) or not _number(event.salience):
            raise ValueError("bad event")
        if event.actor is not None and event.actor not in ids:
            raise ValueError("event names an unknown actor")
    for quote in analysis.quotes:
        if quote.kind not in _QUOTE_KINDS or not _number(quote.confidence):
            raise ValueError("bad quote")
        if not (_optional_text(quote.actor) and _optional_text(quote.speaker_name)):
            raise ValueError("bad quote")
        if quote.actor is not None and quote.actor not in ids:
            raise ValueError("quote names an unknown actor")


def _discard(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def load(key: str, text: str) -> Analysis | None:
    """The cached analysis for `key` (checked against `text`), or None; bad entries are removed."""
    path = entry_path(key)
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    try:
        data = json.loads(raw)
        if data.get("analysis_version") != ANALYSIS_VERSION or data.get("key") != key:
            raise ValueError("outdated entry")
        analysis = Analysis.from_dict(data["analysis"])
        check_entry(analysis, text)
    except (ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError, OverflowError):
        _discard(path)
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used: pruning removes the oldest entries first
    return analysis


def store(key: str, analysis: Analysis, *, max_entries: int = MAX_ENTRIES) -> bool:
    """Write the entry atomically; False (and no error) when the cache cannot be written.

    Keeps the cache bounded: past `max_entries` the least recently used entries go.
    """
    from reader.atomic import write_atomic  # only writers pay for tempfile and friends

    payload = {"analysis_version": ANALYSIS_VERSION, "key": key, "analysis": analysis.to_dict()}
    try:
        write_atomic(entry_path(key), json.dumps(payload, ensure_ascii=False, separators=(",", ":")))
    except (OSError, ValueError):
        return False
    prune(max_entries)
    return True


def prune(max_entries: int = MAX_ENTRIES) -> int:
    """Remove the least recently used entries beyond `max_entries`; returns how many went."""
    root = cache_root()
    try:
        found = [(entry.stat().st_mtime, entry) for entry in root.glob("*/*.json")]
    except OSError:
        return 0
    if len(found) <= max_entries:
        return 0
    found.sort(key=lambda item: item[0])
    removed = 0
    for _, path in found[: len(found) - max_entries]:
        with contextlib.suppress(OSError):
            path.unlink()
            removed += 1
    return removed


def clear() -> int:
    """Remove every cached analysis; returns how many entries went."""
    removed = 0
    root = cache_root()
    if not root.is_dir():
        return 0
    for path in root.glob("*/*.json"):
        with contextlib.suppress(OSError):
            path.unlink()
            removed += 1
    return removed
