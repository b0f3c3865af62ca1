"""`reader index PATH...`: analyse a collection (cache first) into the SQLite index of who said what."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.cli.analyze import _job, _settings, engine_options
from reader.collection.discover import discover


def db_path(args: argparse.Namespace) -> Path:
    """`--db FILE`, else the default index in the user's data folder."""
    from reader.collection.index import default_db_path

    given = getattr(args, "db", None)
    return Path(given).expanduser() if given else default_db_path()


def run(args: argparse.Namespace) -> int:
    """Index every article the paths stand for; 1 when any could not be read or analysed."""
    from reader.analysis.nlp import resolve_model
    from reader.collection.run import index_sources

    options = engine_options(args)
    sources = discover(args.sources)
    settings = _settings(args)
    resolve_model(settings.model)
    database = db_path(args)
    report = index_sources(sources, _job(settings), options, database)
    from reader.sources import sanitize_for_terminal

    print(sanitize_for_terminal(report.summary(database)), file=sys.stderr)
    return 1 if report.failed else 0
