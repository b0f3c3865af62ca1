"""`reader quotes`: quotes across an indexed collection, grouped by speaker, with their articles."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import textwrap

from reader.cli.index import db_path
from reader.collection.query import QuoteRow

#: A quote whose text already opens with a quotation mark is printed as it is.
_OPENING_MARKS = ("“", '"', "‘", "'", "«", "„", "「")


def _groups(rows: list[QuoteRow]) -> list[tuple[str, list[QuoteRow]]]:
    groups: list[tuple[str, list[QuoteRow]]] = []
    for row in rows:
        if not groups or groups[-1][1][0].speaker_key != row.speaker_key:
            groups.append((row.speaker, []))
        groups[-1][1].append(row)
    return groups


def _quoted(text: str) -> str:
    """A direct quote keeps its own marks; reported speech gets curly ones so each reads as quoted."""
    body = " ".join(text.split())
    return body if body.startswith(_OPENING_MARKS) else f"“{body}”"


def _text(rows: list[QuoteRow], width: int) -> str:
    from reader.analysis.model import DOUBTFUL_CONFIDENCE
    from reader.sources import sanitize_for_terminal

    lines: list[str] = []
    for speaker, quotes in _groups(rows):
        articles = len({q.source for q in quotes})
        plural = "s" if articles != 1 else ""
        lines.append(
            f"{speaker} ({len(quotes)} quote{'s' if len(quotes) != 1 else ''}, {articles} article{plural})"
        )
        for quote in quotes:
            mark = "? " if quote.confidence < DOUBTFUL_CONFIDENCE else ""
            lines.extend(
                textwrap.wrap(
                    f"{mark}{_quoted(quote.text)}", width - 4, initial_indent="  ", subsequent_indent="    "
                )
            )
            origin = f"{quote.title}  ({quote.source})" if quote.title else quote.source
            lines.append(f"      — {origin}")
        lines.append("")
    return sanitize_for_terminal("\n".join(lines))


def _json(rows: list[QuoteRow]) -> str:
    speakers = [{"speaker": name, "quotes": [q.to_dict() for q in quotes]} for name, quotes in _groups(rows)]
    return json.dumps({"speakers": speakers}, ensure_ascii=True, indent=2 if sys.stdout.isatty() else None)


def run(args: argparse.Namespace) -> int:
    """Print the matching quotes; 0 even when none match (an empty answer is an answer)."""
    from reader.collection.index import connect
    from reader.collection.query import quotes

    db = connect(db_path(args), create=False)
    try:
        rows = quotes(db, speaker=args.speaker, search=args.search, act=args.act)
    finally:
        db.close()
    if args.json:
        sys.stdout.write(_json(rows) + "\n")
    elif rows:
        width = max(60, min(120, shutil.get_terminal_size((100, 24)).columns))
        sys.stdout.write(_text(rows, width))
    else:
        print("reader: no quotes match", file=sys.stderr)
    return 0
