"""Driving a batch for the command line: pick the engine, write the lines, count the failures.

`analyze_to_jsonl` backs `reader analyze --jsonl/--output`, `index_sources` backs `reader index`.
Each article's error is one line on stderr and, in JSON lines output, a `{"source", "error"}`
line; the batch goes on, and the exit status is 1 when any article failed.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.collection.output import LineWriter, completed_sources, open_results, remaining
from reader.collection.progress import BatchProgress
from reader.collection.worker import Job, Outcome
from reader.errors import ReaderError
from reader.sources import is_url

ENGINES = ("local", "dask")


@dataclass(frozen=True, slots=True)
class EngineOptions:
    """Where the work runs: `jobs` local processes, or a Dask cluster (`scheduler`, else a local one)."""

    engine: str = "local"
    jobs: int | None = None
    scheduler: str | None = None

    def check(self) -> None:
        if self.engine not in ENGINES:
            raise ReaderError(f"--engine must be one of {', '.join(ENGINES)} (got {self.engine!r})")
        if self.jobs is not None and self.jobs < 1:
            raise ReaderError(f"--jobs must be at least 1 (got {self.jobs})")
        if self.scheduler and self.engine != "dask":
            raise ReaderError("--scheduler needs --engine dask")


def outcomes(sources: Sequence[str], job: Job, options: EngineOptions) -> Iterator[Outcome]:
    """The articles' outcomes from the chosen engine, as each finishes."""
    if options.engine == "dask":
        from reader.collection.dask_engine import run_dask

        return run_dask(sources, job, scheduler=options.scheduler, workers=options.jobs)
    from reader.collection.batch import run_batch  # only now: it pulls in multiprocessing

    return run_batch(sources, job, jobs=options.jobs)


def error_line(outcome: Outcome) -> str:
    """The JSON line of a failed article (ASCII-escaped: nothing in it can act on a terminal)."""
    return json.dumps({"source": outcome.source, "error": outcome.error})


def analyze_to_jsonl(
    sources: Sequence[str],
    job: Job,
    options: EngineOptions,
    *,
    output: Path | None = None,
    resume: bool = False,
) -> int:
    """Stream one line per article to stdout or `output`; returns 1 when any article failed, else 0."""
    if resume:
        if output is None:
            raise ReaderError("--resume needs --output FILE (the results to continue)")
        sources = remaining(sources, completed_sources(output))
    writer = open_results(output, resume=resume) if output else LineWriter(sys.stdout.fileno(), owned=False)
    if output is None:
        sys.stdout.flush()
    failed = 0
    try:
        with BatchProgress(len(sources)) as bar:
            for outcome in outcomes(sources, job, options):
                if outcome.error is not None:
                    failed += 1
                    bar.note(f"reader: {outcome.error}")
                    writer.write(error_line(outcome))
                else:
                    if outcome.warning:
                        bar.note(f"reader: {outcome.warning}")
                    writer.write(outcome.line or "")
                bar.advance()
    finally:
        writer.close()
    return 1 if failed else 0


def index_key(source: str) -> str:
    """How the index names a source: files by absolute path (the same from any folder)."""
    return source if source == "-" or is_url(source) else os.path.abspath(source)


@dataclass(slots=True)
class IndexReport:
    """What `reader index` did, for its closing line."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: int = 0

    def summary(self, db: Path) -> str:
        total = self.added + self.replaced + self.unchanged
        return (
            f"indexed {total} article{'s' if total != 1 else ''} into {db} "
            f"({self.added} new, {self.replaced} changed, {self.unchanged} unchanged, {self.failed} failed)"
        )


def index_sources(sources: Sequence[str], job: Job, options: EngineOptions, db_path: Path) -> IndexReport:
    """Analyse (cache first) and index every source into the database at `db_path`."""
    from reader.collection.index import add_document, connect

    db = connect(db_path)
    report = IndexReport()
    try:
        with BatchProgress(len(sources), "indexing") as bar:
            for outcome in outcomes(sources, job, options):
                if outcome.error is not None or outcome.line is None:
                    report.failed += 1
                    bar.note(f"reader: {outcome.error}")
                else:
                    result = add_document(db, outcome.line, index_key(outcome.source))
                    setattr(report, result, getattr(report, result) + 1)
                bar.advance()
    finally:
        db.close()
    return report
