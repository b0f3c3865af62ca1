"""App timings: start to text on screen, to highlights (cold and cached), and long-text paging.

Run: python benchmarks/bench_app.py   (needs a terminal-capable OS; uses pexpect for real runs)

1. `reader SEED` in a pseudo-terminal with a fresh cache: time until the article text is drawn and
   until the highlights (and panel counts) are drawn; then again with the cache warm.
2. A ~100k-word text (the bundled long read repeated): time until the first screen is annotated.
3. The same text in the app with a precomputed analysis of the same density: 100 page-downs, timing
   the view's own `render_lines` for each never-rendered, highlighted screen.
"""

from __future__ import annotations

import asyncio
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "sample_articles" / "iran-missile-strikes.txt"
LONG_SOURCE = ROOT / "sample_articles" / "inchmorra-long-read.txt"
READER = str(Path(sys.executable).parent / "reader")
HIGHLIGHTED = re.compile(r"Actors \d+|Filter \d+ actors")  # a tab with its count, or the filter box


def _private_env(home: Path) -> dict[str, str]:
    env = dict(os.environ, COLUMNS="120", LINES="40", TERM="xterm-256color")
    for kind in ("config", "cache", "data"):
        (home / kind).mkdir(parents=True, exist_ok=True)
        env[f"READER_{kind.upper()}_DIR"] = str(home / kind)
    return env


def timed_run(path: Path, env: dict[str, str], text_marker: str) -> tuple[float, float]:
    """Seconds from spawning `reader path` to the text on screen, and to the highlights on screen."""
    import pexpect

    start = time.perf_counter()
    child = pexpect.spawn(READER, [str(path)], dimensions=(40, 120), encoding="utf-8", timeout=120, env=env)
    child.expect(re.escape(text_marker))
    text_at = time.perf_counter() - start
    child.expect(HIGHLIGHTED)
    highlights_at = time.perf_counter() - start
    child.send("q")
    child.expect(pexpect.EOF)
    child.close()
    return text_at, highlights_at


def long_text() -> str:
    base = LONG_SOURCE.read_text(encoding="utf-8")
    copies = max(1, round(100_000 / len(base.split())))
    return "\n\n".join(base for _ in range(copies))


def long_analysis(text: str):
    """The long read's real analysis, repeated with shifted offsets to cover the whole long text."""
    from reader.analysis import service
    from reader.analysis.model import Analysis, Entity, Quote, Referent, Span

    base_text = LONG_SOURCE.read_text(encoding="utf-8")
    base = service.get_analysis(base_text)
    step = len(base_text) + 2
    copies = text.count(base_text[:200])

    def span(s: Span | None, d: int) -> Span | None:
        return None if s is None else Span(s.start + d, s.end + d, s.text)

    entities, quotes = [], []
    actors = {a.id: Referent(a.id, a.name, a.kind, list(a.aliases), []) for a in base.actors}
    for copy in range(copies):
        d = copy * step
        entities += [Entity(e.start + d, e.end + d, e.text, e.label) for e in base.entities]
        quotes += [
            Quote(
                q.kind,
                span(q.content, d),
                span(q.speaker, d),
                q.actor,
                span(q.cue, d),
                q.confidence,
                [span(s, d) for s in q.segments],
                q.speaker_name,
            )
            for q in base.quotes
        ]
        for a in base.actors:
            actors[a.id].mentions += [span(m, d) for m in a.mentions]
    return Analysis(
        text=text, model=base.model, entities=entities, actors=list(actors.values()), quotes=quotes
    )


async def page_through(text: str, analysis, pages: int = 100) -> list[float]:
    """Milliseconds of `render_lines` for each screen reached by page-down (never rendered before)."""
    from reader.article import Article
    from reader.ui.app import ReaderApp
    from reader.ui.options import ReaderOptions
    from reader.ui.widgets.article_view import ArticleView

    app = ReaderApp(Article(text, source="-"), ReaderOptions(analyse=False), analysis=analysis)
    timings: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.screen.query_one(ArticleView)
        original = view.render_lines

        def timed(crop):
            started = time.perf_counter()
            result = original(crop)
            timings.append((time.perf_counter() - started) * 1000)
            return result

        view.render_lines = timed  # type: ignore[method-assign]
        await pilot.pause()
        timings.clear()
        per_page: list[float] = []
        for _ in range(pages):
            before = len(timings)
            await pilot.press("pagedown")
            await pilot.pause()
            per_page.append(sum(timings[before:]))
    return per_page


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        env = _private_env(Path(tmp) / "seed")
        marker = "foreign minister"
        cold_text, cold_high = timed_run(SEED, env, marker)
        warm_text, warm_high = timed_run(SEED, env, marker)
        print(f"seed article, cold cache:  text on screen {cold_text:.2f} s, highlights {cold_high:.2f} s")
        print(f"seed article, warm cache:  text on screen {warm_text:.2f} s, highlights {warm_high:.2f} s")

        text = long_text()
        long_path = Path(tmp) / "long.txt"
        long_path.write_text(text, encoding="utf-8")
        first_words = " ".join(text.split()[:3])
        long_env = _private_env(Path(tmp) / "long")
        long_text_at, first_annotated = timed_run(long_path, long_env, first_words)
        words = len(text.split())
        print(
            f"long text ({words} words):  text on screen {long_text_at:.2f} s, "
            f"first screen annotated {first_annotated:.2f} s"
        )

        os.environ.update({k: v for k, v in long_env.items() if k.startswith("READER_")})
        analysis = long_analysis(text)
        per_page = asyncio.run(page_through(text, analysis))
        print(
            "100 page-downs on the long text: render_lines per new page "
            f"median {statistics.median(per_page):.2f} ms, mean {statistics.mean(per_page):.2f} ms, "
            f"max {max(per_page):.2f} ms"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
