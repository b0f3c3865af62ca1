#!/usr/bin/env python3
"""Fit the quote finder's confidence calibration on PolNeAR's training split, and report it.

usage: calibrate_confidence.py TRAIN.jsonl TRAIN_PRED.jsonl [--check GOLD.jsonl PRED.jsonl]
                               [--out reader/analysis/lexicon/calibration.json]

TRAIN_PRED comes from `polnear_predict.py --raw-confidence` (the rules' own confidences). A
prediction is *right* as the corpus's scorer counts an end-to-end hit: at least half of it lies in
one gold attribution and its speaker is right (the span overlaps the gold source, or the last words
agree). For each rule with enough predictions, and for all of them together, an isotonic regression
(pool-adjacent-violators) maps the raw confidence to the share of right predictions; the steps are
written to --out. `--check` applies the written table to another split's raw predictions and prints
its ten-bin reliability table and expected calibration error. Only the training split may be fitted.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

#: A rule with fewer training predictions than this shares the table of all rules.
MIN_RULE_COUNT = 150


def load(path: Path) -> dict[str, dict]:
    with path.open(encoding="utf-8") as handle:
        return {a["id"]: a for a in (json.loads(line) for line in handle if line.strip())}


def _segments(q: dict) -> list[tuple[int, int]]:
    return sorted(tuple(s) for s in q.get("segments") or [q["content"]])


def _inter(segs: list[tuple[int, int]], span: list[int]) -> int:
    ps, pe = span
    return sum(max(0, min(e, pe) - max(s, ps)) for s, e in segs)


def _last_word(text: str | None) -> str | None:
    words = re.findall(r"[\w\-]+", re.sub(r"['’]s\b", "", text or "").lower())
    return words[-1] if words else None


def _speaker_right(gold: dict, pred: dict) -> bool:
    if not gold.get("source_text"):
        return True
    if pred.get("source") and gold.get("source"):
        (gs, ge), (ps, pe) = gold["source"], pred["source"]
        if min(ge, pe) > max(gs, ps):
            return True
    last = _last_word(pred.get("source_text"))
    return last is not None and last in {_last_word(c) for c in re.split(r"[,(]", gold["source_text"])}


def judged(gold: dict[str, dict], pred: dict[str, dict]) -> list[tuple[str, float, bool]]:
    """(rule, confidence, right) of every prediction, right as an end-to-end hit of the scorer."""
    out = []
    for aid, article in gold.items():
        gq = article["quotes"]
        for p in pred.get(aid, {}).get("quotes", []):
            size = (p["content"][1] - p["content"][0]) or 1
            best = max(gq, key=lambda g: _inter(_segments(g), p["content"]), default=None)
            ok = best is not None and _inter(_segments(best), p["content"]) * 2 >= size
            out.append((str(p.get("rule", "")), float(p["confidence"]), bool(ok and _speaker_right(best, p))))
    return out


def isotonic(points: list[tuple[float, bool]]) -> list[list[float]]:
    """Pool-adjacent-violators: [[upper raw confidence of a block, share right in it], ...]."""
    tied: dict[float, list[float]] = {}
    for x, y in points:  # one starting block per distinct confidence
        tied.setdefault(x, [0.0, 0.0])
        tied[x][0] += float(y)
        tied[x][1] += 1.0
    blocks: list[list[float]] = []  # [max x, sum y, count]
    for x, (total, count) in sorted(tied.items()):
        blocks.append([x, total, count])
        while len(blocks) > 1 and blocks[-2][1] / blocks[-2][2] >= blocks[-1][1] / blocks[-1][2]:
            top = blocks.pop()
            blocks[-1] = [top[0], blocks[-1][1] + top[1], blocks[-1][2] + top[2]]
    return [[round(x, 4), round(s / n, 4)] for x, s, n in blocks]


def reliability(rows: list[tuple[float, bool]]) -> tuple[list[tuple[str, int, float, float]], float]:
    """Ten equal-width bins (range, count, mean confidence, share right) and the calibration error."""
    table = []
    ece = 0.0
    for b in range(10):
        lo, hi = b / 10, (b + 1) / 10
        inside = [(c, r) for c, r in rows if lo <= c < hi or (b == 9 and c == 1.0)]
        if not inside:
            table.append((f"{lo:.1f}-{hi:.1f}", 0, 0.0, 0.0))
            continue
        conf = sum(c for c, _ in inside) / len(inside)
        acc = sum(r for _, r in inside) / len(inside)
        ece += len(inside) / len(rows) * abs(acc - conf)
        table.append((f"{lo:.1f}-{hi:.1f}", len(inside), conf, acc))
    return table, ece


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("train", type=Path)
    ap.add_argument("train_pred", type=Path)
    ap.add_argument("--check", nargs=2, type=Path, metavar=("GOLD", "PRED"))
    ap.add_argument("--out", type=Path, default=ROOT / "reader" / "analysis" / "lexicon" / "calibration.json")
    args = ap.parse_args(argv)
    if "test" in args.train.name:
        print("calibrate_confidence: refusing a test split; fit on the training split only", file=sys.stderr)
        return 2
    rows = judged(load(args.train), load(args.train_pred))
    rules: dict[str, list[tuple[float, bool]]] = {}
    for rule, conf, right in rows:
        rules.setdefault(rule, []).append((conf, right))
    table = {
        "source": "PolNeAR training split, end-to-end hits; fitted by scripts/calibrate_confidence.py",
        "all": isotonic([(c, r) for _, c, r in rows]),
        "rules": {rule: isotonic(pts) for rule, pts in sorted(rules.items()) if len(pts) >= MIN_RULE_COUNT},
    }
    args.out.write_text(json.dumps(table, indent=1) + "\n", encoding="utf-8")
    print(f"fitted on {len(rows)} predictions; rules with their own table: {sorted(table['rules'])}")
    if args.check:
        from reader.analysis.quotes.calibrate import Calibration

        calibration = Calibration.load(args.out)
        checked = [
            (calibration.apply(rule, c), r) for rule, c, r in judged(load(args.check[0]), load(args.check[1]))
        ]
        for name, pairs in (
            ("raw", [(c, r) for _, c, r in judged(load(args.check[0]), load(args.check[1]))]),
            ("calibrated", checked),
        ):
            bins, ece = reliability(pairs)
            print(f"\n{name}: {len(pairs)} predictions, expected calibration error {ece:.3f}")
            print("| confidence | predictions | mean confidence | right |")
            print("|---|---|---|---|")
            for label, n, conf, acc in bins:
                print(f"| {label} | {n} | {conf:.3f} | {acc:.3f} |" if n else f"| {label} | 0 | – | – |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
