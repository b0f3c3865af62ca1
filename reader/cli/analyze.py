"""`reader analyze`: the analysis without the UI, as a readable summary, one JSON document, or JSON lines.

Cached articles are answered without importing spaCy. Folders and globs expand to their articles;
with `--jsonl` (or `--output FILE`) the batch runs on all cores (`reader.collection`), each line
written as soon as its article is done.
"""

from __future__ import annotations

import argparse
import json
import re
import sys

from reader.analysis.model import Analysis
from reader.analysis.nlp import resolve_model
from reader.analysis.service import get_analysis
from reader.article import Article
from reader.cli.interrupts import held
from reader.collection.discover import discover
from reader.collection.run import EngineOptions
from reader.collection.worker import Job
from reader.errors import ReaderError
from reader.terminal import UNSAFE_CHARACTERS

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing: a cache hit starts faster
if TYPE_CHECKING:
    from typing import Any

#: Characters JSON leaves raw that a terminal may still act on (C1 controls, line separators).
_JSON_UNSAFE_RE = re.compile(f"[{UNSAFE_CHARACTERS}]")


class _Settings:
    """Model, extra quote cues, cache use and the least confidence shown for this run (a plain class:
    no dataclass build at start)."""

    __slots__ = ("extra_cues", "min_confidence", "model", "use_cache")

    def __init__(
        self, model: str | None, extra_cues: tuple[str, ...], use_cache: bool, min_confidence: float = 0.0
    ) -> None:
        self.model = model
        self.extra_cues = extra_cues
        self.use_cache = use_cache
        self.min_confidence = min_confidence


def _load_article(source: str, settings: _Settings) -> Article:
    from reader.sources import load_article

    return load_article(source, use_cache=settings.use_cache)


def _settings(args: argparse.Namespace) -> _Settings:
    """Model and extra cues: the command line first, then the config file."""
    model = getattr(args, "model", None)
    extra_cues: tuple[str, ...] = ()
    from reader.settings.config import load_config

    config, warnings = load_config()
    for warning in warnings:
        print(f"reader: warning: {warning}", file=sys.stderr)
    model = model or config.model
    extra_cues = tuple(config.quote_cues)
    return _Settings(
        model=model,
        extra_cues=extra_cues,
        use_cache=not getattr(args, "no_cache", False),
        min_confidence=float(getattr(args, "min_confidence", 0.0) or 0.0),
    )


def _confident(analysis: Analysis, minimum: float) -> Analysis:
    """The analysis with only the attributions at least `minimum` sure (`--min-confidence`)."""
    if minimum <= 0:
        return analysis
    from dataclasses import replace

    return replace(analysis, quotes=[q for q in analysis.quotes if q.confidence >= minimum])


def _title(article: Article) -> str | None:
    if article.title:
        return article.title
    from reader.sources.text import first_line_title

    return first_line_title(article.text)


def with_article_facts(analysis: Analysis, article: Article) -> Analysis:
    """The analysis carrying the article's checked facts, completed by the language it detected."""
    from dataclasses import replace

    return replace(analysis, meta=article.meta.with_text_facts(analysis.meta))


def warn_language(analysis: Analysis, source: str) -> None:
    """One line on stderr for an article not in English: the analysis still runs, but read it warily."""
    from reader.analysis.language import language_warning
    from reader.analysis.summary import safe

    warning = language_warning(analysis.meta.language if analysis.meta is not None else None)
    if warning:
        print(f"reader: {safe(source)}: {warning}", file=sys.stderr)


def document(analysis: Analysis, article: Article) -> dict[str, Any]:
    """The JSON document of one article: the analysis, its facts, where it came from and its title."""
    data = with_article_facts(analysis, article).to_dict()
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
        published=article.meta.date,
        headings=article.heading_spans,
    )


def jsonl_line(analysis: Analysis, article: Article, min_confidence: float = 0.0) -> str:
    """One article's JSON line (what `--jsonl` prints; the batch workers render with it)."""
    return _dumps(document(_confident(analysis, min_confidence), article), indent=None)


def _job(settings: _Settings) -> Job:
    from functools import partial

    render = jsonl_line
    if settings.min_confidence > 0:
        render = partial(jsonl_line, min_confidence=settings.min_confidence)
    return Job(
        render=render, model=settings.model, extra_cues=settings.extra_cues, use_cache=settings.use_cache
    )


def engine_options(args: argparse.Namespace) -> EngineOptions:
    """--engine, --jobs and --scheduler, checked (shared with `reader index`)."""
    options = EngineOptions(
        engine=getattr(args, "engine", None) or "local",
        jobs=getattr(args, "jobs", None),
        scheduler=getattr(args, "scheduler", None),
    )
    options.check()
    return options


def run(args: argparse.Namespace) -> int:
    """Analyse each source and print it; returns the exit code.

    One unreadable source alone is an error (its own code, 2); among several, it is one line on stderr
    and the others are printed, with status 1 as a batch of JSON lines gives.
    """
    as_json = bool(getattr(args, "json", False))
    output = getattr(args, "output", None)
    as_jsonl = bool(getattr(args, "jsonl", False)) or output is not None
    if as_json and output is not None:
        raise ReaderError("--output writes JSON lines; use it without --json")
    if getattr(args, "resume", False) and output is None:
        raise ReaderError("--resume needs --output FILE (the results to continue)")
    options = engine_options(args)
    sources = discover(args.sources)
    if as_json and (len(args.sources) > 1 or len(sources) > 1):
        raise ReaderError("--json prints one document; use --jsonl for several articles")
    settings = _settings(args)
    resolve_model(settings.model)  # a missing model fails here, before any reading
    if as_jsonl:
        from pathlib import Path

        from reader.collection.run import analyze_to_jsonl

        target = Path(output) if output is not None else None
        return analyze_to_jsonl(
            sources, _job(settings), options, output=target, resume=bool(getattr(args, "resume", False))
        )
    status = 0
    for index, source in enumerate(sources):
        try:
            article = _load_article(source, settings)
        except ReaderError as error:
            if len(sources) == 1:
                raise
            print(f"reader: {error}", file=sys.stderr)
            status = 1
            continue
        analysis = with_article_facts(
            _confident(_analyse(article, settings), settings.min_confidence), article
        )
        warn_language(analysis, article.source)
        if as_json:
            # Indented for a person at a terminal, compact (and quicker) for a program reading a pipe.
            indent = 2 if sys.stdout.isatty() else None
            _write_whole(sys.stdout, _dumps(document(analysis, article), indent=indent) + "\n")
        else:
            from reader.analysis.summary import format_summary

            if index:
                sys.stdout.write("\n" + "─" * 40 + "\n\n")
            import shutil

            width = max(60, min(140, shutil.get_terminal_size((100, 24)).columns))
            summary = format_summary(analysis, title=_title(article), source=article.source, width=width)
            _write_whole(sys.stdout, summary)
    return status


def _write_whole(out: Any, text: str) -> None:
    """Write one document or summary whole: a stop signal waits for its end.

    The analysis is done before anything is written, so an interrupted run leaves either nothing
    or a whole record: a `--json` file is complete or empty.
    """
    with held():
        out.write(text)
        out.flush()
