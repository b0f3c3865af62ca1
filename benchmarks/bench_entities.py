"""What the entity passes cost next to the parse they follow.

Prints, for the seed article and for a long text built from the bundled samples, the bare
`nlp(text)` time and the time of the entity passes on that parse (mentions with the page's lines,
the recoveries of missed surnames and groups, the merge into actors and places), and their share.
The passes should stay a small fraction of the parse (a few per cent).

Run from the repository root:  python benchmarks/bench_entities.py [--words 50000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_analysis import best_of, big_text  # noqa: E402  (the same timing and sample text)

from reader.analysis.entities import (  # noqa: E402
    entities_from_doc,
    merge_mentions,
    recover_groups,
    recover_surnames,
)
from reader.analysis.nlp import load_model, resolve_model  # noqa: E402
from reader.resources import samples_dir  # noqa: E402
from reader.sources import load_article  # noqa: E402

SEED = samples_dir() / "iran-missile-strikes.txt"


def entity_passes(doc: Any, text: str) -> None:
    """The entity passes the pipeline runs on one parsed doc."""
    entities, mentions = entities_from_doc(doc, 0, text)
    more_entities, more_mentions = recover_surnames(doc, mentions, entities, 0, text=text)
    _, group_mentions = recover_groups(doc, [*entities, *more_entities], 0, text)
    merge_mentions([*mentions, *more_mentions, *group_mentions])


def measure(nlp: Any, label: str, text: str, repeat: int) -> None:
    nlp(text)  # warm up
    bare = best_of(repeat, lambda: nlp(text))
    doc = nlp(text)
    passes = best_of(repeat * 3, lambda: entity_passes(doc, text))
    print(f"{label} ({len(text.split())} words), best of {repeat}")
    print(f"  bare nlp(text)      {bare * 1000:9.1f} ms")
    print(f"  entity passes       {passes * 1000:9.1f} ms   ({passes / bare:.1%} of the parse)")
    print()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=50_000, help="size of the long text (default 50000)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (best is kept)")
    args = parser.parse_args()
    spec = resolve_model(None)
    nlp = load_model(spec)
    print(f"model: {spec.name} {spec.version}; python {sys.version.split()[0]}")
    print()
    seed = load_article(str(SEED))
    measure(nlp, "seed article", seed.body, args.repeat)
    measure(nlp, "long text", big_text(args.words), max(1, args.repeat // 2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
