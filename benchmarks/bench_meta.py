"""How often each of an article's facts is filled, and how often the date is right, on pages at hand.

Reads the bundled samples, the hand-written news pages in `benchmarks/pages/` (each a pattern real
sites use, with the day its story was written for in `truth.json`) and the language test texts, with
no network. Prints one row per article, how often each `meta` field is filled, the date right /
wrong / unknown beside htmldate alone (the date library under trafilatura), the language flags, and
what the checks cost.

    python benchmarks/bench_meta.py
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.analysis import language  # noqa: E402
from reader.sources import load_article  # noqa: E402

PAGES = ROOT / "benchmarks" / "pages"
FIELDS = ("authors", "date", "site", "url", "language", "truncated")


def articles() -> list[Path]:
    found = sorted((ROOT / "sample_articles").iterdir())
    found += sorted(PAGES.glob("*.html"))
    found += sorted((ROOT / "tests" / "data" / "meta").glob("*.txt"))
    return found


def htmldate_alone(path: Path) -> str | None:
    """What the date library says by itself (it reads the canonical address too)."""
    from htmldate import find_date

    return find_date(path.read_text(encoding="utf-8"), original_date=True)


def score(found: str | None, truth: str) -> str:
    return "unknown" if found is None else ("right" if found == truth else "wrong")


def main() -> None:
    started = time.perf_counter()
    language._load_identifier()
    model_load = time.perf_counter() - started
    truth = json.loads((PAGES / "truth.json").read_text(encoding="utf-8"))["pages"]
    rows, load_ms, detect_ms = [], [], []
    tallies: dict[str, dict[str, int]] = {"reader": {}, "htmldate alone": {}}
    flags = {"non-English flagged": [0, 0], "English flagged": [0, 0]}
    print(f"{'article':42} {'authors':22} {'date':24} {'site':22} {'lang':4} truncated")
    for path in articles():
        t0 = time.perf_counter()
        article = load_article(str(path))
        t1 = time.perf_counter()
        code = language.detect_language(article.body)
        t2 = time.perf_counter()
        load_ms.append((t1 - t0) * 1000)
        detect_ms.append((t2 - t1) * 1000)
        meta = article.meta.to_dict()
        meta["language"] = code
        rows.append(meta)
        when = f"{meta['date']} ({meta['date_from']})" if meta["date"] else "-"
        authors = ", ".join(meta["authors"] or []) or "-"
        cut = meta["truncated_why"] or ""
        print(
            f"{path.name[:42]:42} {authors[:22]:22} {when[:24]:24} {(meta['site'] or '-')[:22]:22} "
            f"{code or '-':4} {cut}"
        )
        expected = truth.get(path.name)
        if expected:
            for who, found in (("reader", meta["date"]), ("htmldate alone", htmldate_alone(path))):
                verdict = score(found, expected["date"])
                tallies[who][verdict] = tallies[who].get(verdict, 0) + 1
            foreign = expected["language"] != "en"
            key = "non-English flagged" if foreign else "English flagged"
            flags[key][0] += bool(language.language_warning(code))
            flags[key][1] += 1
    print(f"\n{len(rows)} articles; share of articles with each field filled:")
    for name in FIELDS:
        filled = sum(bool(row[name]) for row in rows)
        print(f"  {name:10} {filled:3} of {len(rows)}  ({filled / len(rows):.0%})")
    print(f"\ndates on the {sum(tallies['reader'].values())} hand-dated pages (right / wrong / unknown):")
    for who, tally in tallies.items():
        print(
            f"  {who:15} {tally.get('right', 0):3} / {tally.get('wrong', 0):3} / {tally.get('unknown', 0):3}"
        )
    for name, (hit, total) in flags.items():
        print(f"  {name}: {hit} of {total}")
    print(
        f"\ncost: language model load {model_load * 1000:.0f} ms (once per process); "
        f"loading with facts {statistics.median(load_ms):.1f} ms median per article; "
        f"language detection {statistics.median(detect_ms):.2f} ms median, {max(detect_ms):.2f} ms max"
    )


if __name__ == "__main__":
    main()
