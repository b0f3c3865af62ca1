"""Argument parsing for `reader`: open an article in the app, or analyse, list themes, show config.

Imports stay lazy so `reader analyze` on a cached article never pays for Textual or spaCy, and the
app shows text before spaCy is imported.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from reader import __version__
from reader.errors import ReaderError

SUBCOMMANDS = ("analyze", "themes", "config")


def _common_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", metavar="NAME", help="spaCy pipeline to use (default: best installed)")
    parser.add_argument("--no-cache", action="store_true", help="ignore and do not write the analysis cache")


def build_open_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader",
        description="Read a news article in the terminal: who is in it, where, what happened, who said what.",
        epilog="Subcommands: 'reader analyze FILE' (no UI), 'reader themes', 'reader config'.",
    )
    parser.add_argument(
        "source",
        nargs="?",
        metavar="FILE|URL|-",
        help="article to open (.txt, .md, .html, a URL, or - for stdin); none opens the library",
    )
    parser.add_argument("--theme", metavar="NAME", help="colour theme (see 'reader themes')")
    parser.add_argument("--width", type=int, metavar="COLUMNS", help="readable wrap width of the text")
    _common_options(parser)
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    return parser


def build_analyze_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader analyze",
        description="Analyse articles without the UI: a plain-text summary, JSON, or JSON lines.",
    )
    parser.add_argument(
        "sources", nargs="+", metavar="FILE|URL|-", help="articles to analyse (- reads stdin)"
    )
    fmt = parser.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="print one JSON document (one source only)")
    fmt.add_argument("--jsonl", action="store_true", help="print one JSON line per source")
    _common_options(parser)
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
    if argv and argv[0] == "analyze":
        from reader.cli import analyze

        return analyze.run(build_analyze_parser().parse_args(argv[1:]))
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
        return _dispatch(args)
    except ReaderError as error:
        print(f"reader: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("reader: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `reader analyze ... | head`: the reader went away; that is not an error worth a traceback.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
