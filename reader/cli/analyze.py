"""`reader analyze`: the analysis without the UI, as a readable summary, one JSON document, or JSON lines.

Cached articles are answered without importing spaCy; with `--jsonl` the uncached ones go through
`nlp.pipe` together, and each line is written as soon as its article is done.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator, Sequence

from reader.analysis import cache
from reader.analysis.model import Analysis
from reader.analysis.nlp import ModelSpec, resolve_model
from reader.analysis.service import get_analysis
from reader.article import Article
from reader.errors import ReaderError

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing: a cache hit starts faster
if TYPE_CHECKING:
    from typing import Any

#: Characters JSON leaves raw that a terminal may still act on (C1 controls, line separators).
_JSON_UNSAFE_RE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_JSONL_BATCH = 8


class _Settings:
    """Model, extra quote cues and cache use for this run (a plain class: no dataclass build at start)."""

    __slots__ = ("extra_cues", "model", "use_cache")

    def __init__(self, model: str | None, extra_cues: tuple[str, ...], use_cache: bool) -> None:
        self.model = model
        self.extra_cues = extra_cues
        self.use_cache = use_cache


def _load_article(source: str) -> Article:
    from reader.sources import load_article

    return load_article(source)


def _settings(args: argparse.Namespace) -> _Settings:
    """Model and extra cues: the command line first, then the config file."""
    model = getattr(args, "model", None)
    extra_cues: tuple[str, ...] = ()
    try:
        from reader.settings.config import load_config
    except ImportError:  # pragma: no cover - the config module ships with the package
        load_config = None
    if load_config is not None:
        config, warnings = load_config()
        for warning in warnings:
            print(f"reader: warning: {warning}", file=sys.stderr)
        model = model or getattr(config, "model", None)
        extra_cues = tuple(getattr(config, "quote_cues", ()) or ())
    return _Settings(model=model, extra_cues=extra_cues, use_cache=not getattr(args, "no_cache", False))


def _title(article: Article) -> str | None:
    if article.title:
        return article.title
    from reader.sources.text import first_line_title

    return first_line_title(article.text)


def document(analysis: Analysis, article: Article) -> dict[str, Any]:
    """The JSON document of one article: the analysis plus where it came from and its title."""
    data = analysis.to_dict()
    data["source"] = article.source
    data["title"] = _title(article)
    return data


def _dumps(data: dict[str, Any], *, indent: int | None) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=indent, separators=None if indent else (",", ":"))
    return _JSON_UNSAFE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _analyse(article: Article, settings: _Settings) -> Analysis:
    return get_analysis(
        article.text,
        model=settings.model,
        body_end=article.body_end,
        use_cache=settings.use_cache,
        extra_cues=settings.extra_cues,
    )


def _chunks(items: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _run_jsonl(sources: Sequence[str], settings: _Settings, spec: ModelSpec) -> int:
    """One JSON line per source, in order; cache misses of each batch share one `nlp.pipe` run."""
    status = 0
    out = sys.stdout
    for chunk in _chunks(sources, _JSONL_BATCH):
        loaded: list[tuple[Article, str, Analysis | None] | None] = []
        for source in chunk:
            try:
                article = _load_article(source)
            except ReaderError as error:
                print(f"reader: {error}", file=sys.stderr)
                status = error.exit_code
                loaded.append(None)
                continue
            key = cache.cache_key(article.text, article.body_end, spec.info, settings.extra_cues)
            hit = cache.load(key, article.text) if settings.use_cache else None
            loaded.append((article, key, hit))
        misses = [item for item in loaded if item is not None and item[2] is None]
        fresh: Iterator[Analysis] = iter(())
        if misses:
            from reader.analysis.nlp import load_model
            from reader.analysis.pipeline import analyse_many

            fresh = analyse_many(
                ((a.text, a.body_end) for a, _, _ in misses),
                load_model(spec),
                extra_cues=settings.extra_cues,
                info=spec.info,
            )
        for item in loaded:
            if item is None:
                continue
            article, key, analysis = item
            if analysis is None:
                analysis = next(fresh)
                if settings.use_cache:
                    cache.store(key, analysis)
            out.write(_dumps(document(analysis, article), indent=None) + "\n")
            out.flush()
    return status


def run(args: argparse.Namespace) -> int:
    """Analyse each source and print it; returns the exit code (2 if any source could not be read)."""
    sources: list[str] = list(args.sources)
    as_json = bool(getattr(args, "json", False))
    as_jsonl = bool(getattr(args, "jsonl", False))
    if as_json and len(sources) > 1:
        raise ReaderError("--json prints one document; use --jsonl for several articles")
    if sources.count("-") > 1:
        raise ReaderError("standard input ('-') can be read only once")
    settings = _settings(args)
    spec = resolve_model(settings.model)  # a missing model fails here, before any reading
    if as_jsonl:
        return _run_jsonl(sources, settings, spec)
    status = 0
    for index, source in enumerate(sources):
        try:
            article = _load_article(source)
        except ReaderError as error:
            if len(sources) == 1:
                raise
            print(f"reader: {error}", file=sys.stderr)
            status = error.exit_code
            continue
        analysis = _analyse(article, settings)
        if as_json:
            # Indented for a person at a terminal, compact (and quicker) for a program reading a pipe.
            indent = 2 if sys.stdout.isatty() else None
            sys.stdout.write(_dumps(document(analysis, article), indent=indent) + "\n")
        else:
            from reader.analysis.summary import format_summary

            if index:
                sys.stdout.write("\n" + "─" * 40 + "\n\n")
            import shutil

            width = max(60, min(140, shutil.get_terminal_size((100, 24)).columns))
            summary = format_summary(analysis, title=_title(article), source=article.source, width=width)
            sys.stdout.write(summary)
        sys.stdout.flush()
    return status
