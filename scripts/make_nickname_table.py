#!/usr/bin/env python3
"""Write `reader/analysis/lexicon/nicknames.json`: each English given name and the short forms it goes by.

usage: make_nickname_table.py NAMES.csv

NAMES.csv is the hand-curated table of the `nicknames` package (Apache-2.0; its `nicknames/names.csv`,
rows `name,has_nickname,nickname`). The output maps a formal name to its sorted nicknames, all lower case,
so that "Jim Hacker" and "James R. Hacker" can be told to be one person.
"""

from __future__ import annotations

import csv
import json
import sys
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "reader" / "analysis" / "lexicon" / "nicknames.json"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    table: dict[str, set[str]] = defaultdict(set)
    with open(argv[0], encoding="utf-8", newline="") as f:
        for row in csv.reader(f):
            if len(row) == 3 and row[1] == "has_nickname":
                formal, nick = row[0].strip().lower(), row[2].strip().lower()
                if formal.isalpha() and nick.isalpha() and formal != nick:
                    table[formal].add(nick)
    data = {name: sorted(nicks) for name, nicks in sorted(table.items())}
    lines = [f"{json.dumps(name)}: {json.dumps(nicks)}" for name, nicks in data.items()]
    OUT.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")
    print(f"{len(data)} names, {sum(map(len, data.values()))} nicknames -> {OUT.name}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
