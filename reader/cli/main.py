"""Argument parsing for `reader`: open an article in the app, or analyse, list themes, show config.

Imports stay lazy so `reader analyze` on a cached article never pays for Textual or spaCy, and the
app shows text before spaCy is imported.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from reader import __version__
from reader.cli.interrupts import as_exceptions, exit_status
from reader.errors import ReaderError
from reader.terminal import SafeWriter
from reader.vocab import ACTS

SUBCOMMANDS = ("analyze", "index", "quotes", "themes", "config")


def _common_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", metavar="NAME", help="spaCy pipeline to use (default: best installed)")
    parser.add_argument(
        "--no-cache", action="store_true", help="ignore and do not write the page and analysis caches"
    )


def build_open_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader",
        description="Read a news article in the terminal: who is in it, where, what happened, who said what.",
        epilog="Subcommands: 'reader analyze PATH' (no UI), 'reader index PATH', 'reader quotes',"
        " 'reader themes', 'reader config'.",
    )
    parser.add_argument(
        "source",
        nargs="?",
        metavar="FILE|DIR|URL|-",
        help="article to open (.txt, .md, .html, a URL, or - for stdin), or a folder to browse as a"
        " collection; none opens the library",
    )
    parser.add_argument("--db", metavar="FILE", help="open the collection screen on this index")
    parser.add_argument("--theme", metavar="NAME", help="colour theme (see 'reader themes')")
    parser.add_argument("--width", type=int, metavar="COLUMNS", help="readable wrap width of the text")
    _common_options(parser)
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    return parser


def _confidence(text: str) -> float:
    """A confidence threshold from the command line: a number from 0 to 1."""
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0.0 <= value <= 1.0:  # also rejects nan
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 1, got {text[:40]!r}")
    return value


def build_analyze_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader analyze",
        description="Analyse articles without the UI: a plain-text summary, JSON, or JSON lines.",
    )
    parser.add_argument(
        "sources",
        nargs="+",
        metavar="PATH",
        help="articles: files, folders (their .txt .md .html .htm), globs, URLs, - for stdin",
    )
    fmt = parser.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="print one JSON document (one source only)")
    fmt.add_argument("--jsonl", action="store_true", help="print one JSON line per article as each finishes")
    parser.add_argument("--output", metavar="FILE", help="write the JSON lines to FILE instead of stdout")
    parser.add_argument(
        "--resume", action="store_true", help="with --output: add only articles not yet in FILE"
    )
    _engine_options(parser)
    parser.add_argument(
        "--min-confidence",
        type=_confidence,
        default=0.0,
        metavar="X",
        help="leave out attributions less sure than X (0-1; below 0.5 is doubtful)",
    )
    _common_options(parser)
    return parser


def _engine_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--jobs", type=int, metavar="N", help="worker processes (default: all cores)")
    parser.add_argument(
        "--engine", choices=("local", "dask"), default="local", help="local processes, or a Dask cluster"
    )
    parser.add_argument(
        "--scheduler", metavar="ADDRESS", help="Dask scheduler (default with --engine dask: a local cluster)"
    )


def build_index_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader index",
        description="Analyse articles (cache first) into an SQLite index of who said what.",
    )
    parser.add_argument("sources", nargs="+", metavar="PATH", help="files, folders, globs or URLs to index")
    parser.add_argument("--db", metavar="FILE", help="the index file (default: in the user data folder)")
    _engine_options(parser)
    _common_options(parser)
    return parser


def build_quotes_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader quotes", description="Quotes across an indexed collection, grouped by speaker."
    )
    parser.add_argument("--db", metavar="FILE", help="the index file (default: in the user data folder)")
    parser.add_argument("--speaker", metavar="NAME", help="only speakers whose name contains NAME")
    parser.add_argument("--search", metavar="WORDS", help="only quotes containing every one of WORDS")
    parser.add_argument(
        "--act",
        choices=(*ACTS, "all"),
        default="all",
        help="only attributions of this kind (default: all)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    return parser


def build_themes_parser() -> argparse.ArgumentParser:
    return argparse.ArgumentParser(prog="reader themes", description="List the available colour themes.")


def build_config_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader config",
        description="Show where config, data and cache live and the effective settings.",
    )
    parser.add_argument("--init", action="store_true", help="write a commented default config.toml")
    return parser


def _dispatch(argv: list[str]) -> int:
    if argv and (argv[0] in SUBCOMMANDS or argv[0] == "analyse"):
        # Nothing on stderr (nor in `reader config`) is meant to drive the terminal.
        sys.stderr = SafeWriter(sys.stderr)
        if argv[0] == "config":
            sys.stdout = SafeWriter(sys.stdout)
    if argv and argv[0] in ("analyze", "analyse"):  # both spellings of the word
        from reader.cli import analyze

        return analyze.run(build_analyze_parser().parse_args(argv[1:]))
    if argv and argv[0] == "index":
        from reader.cli import index

        return index.run(build_index_parser().parse_args(argv[1:]))
    if argv and argv[0] == "quotes":
        from reader.cli import quotes

        return quotes.run(build_quotes_parser().parse_args(argv[1:]))
    if argv and argv[0] == "themes":
        from reader.cli import themes

        return themes.run(build_themes_parser().parse_args(argv[1:]))
    if argv and argv[0] == "config":
        from reader.cli import config

        return config.run(build_config_parser().parse_args(argv[1:]))
    from reader.cli import open_app

    return open_app.run(build_open_parser().parse_args(argv))


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `reader` script; returns the process exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        with as_exceptions():  # SIGTERM and a closed terminal stop a command as Ctrl-C does
            return _dispatch(args)
    except ReaderError as error:
        print(f"reader: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt as interrupt:
        print("reader: interrupted", file=sys.stderr)
        return exit_status(interrupt)
    except BrokenPipeError:
        # `reader analyze ... | head`: the reader went away; that is not an error worth a traceback.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
