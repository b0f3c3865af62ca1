"""Batch throughput: `reader analyze --jsonl` on one core and on all, against bare spaCy `nlp.pipe`.

Every run is a fresh process over the same folder of article files, timed from start to the last
line (model loading included, as a user would wait for it), with an empty analysis cache:

  bare nlp.pipe, 1 process        the parse alone, the yardstick (ratio 1.00)
  bare nlp.pipe, n_process=all    spaCy's own multiprocessing, parse alone
  reader --jobs 1                 the whole analysis, JSON lines out
  reader --jobs all               the whole analysis on the process pool
  nlp.pipe(n_process=all) + extraction in the parent   the alternative to the pool
  reader --engine dask            the same work on a Dask LocalCluster

and prints articles/s, tokens/s, each one's ratio to the yardstick, and the CPU seconds all its
processes used (on a busy machine the wall-clock ratios of parallel runs shrink; CPU time does
not). `--sizes 50,100,200` also times `reader --jobs all` on growing prefixes of the collection (how
cost grows with size).

The folder holds the bundled sample articles plus, with `--jsonl FILE`, the "text" of each line of
FILE (at most `--limit`), written to a temporary folder at run time and removed afterwards.

Run from the repository root:
    python benchmarks/bench_batch.py [--jsonl FILE] [--limit 200] [--sizes 50,100,200] [--no-dask]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.collection.batch import available_cores  # noqa: E402
from reader.collection.discover import walk_folder  # noqa: E402
from reader.resources import samples_dir  # noqa: E402

BARE_PIPE = """
import sys, spacy
from reader.analysis.nlp import load_model, resolve_model
from reader.sources import load_article
paths = sys.argv[2:]
texts = [load_article(p).body for p in paths]
nlp = load_model(resolve_model(None))
n = 0
for doc in nlp.pipe(texts, batch_size=8, n_process=int(sys.argv[1])):
    n += len(doc)
print(n)
"""

PIPE_THEN_EXTRACT = """
import sys
from reader.analysis.nlp import load_model, resolve_model
from reader.analysis.pipeline import analysis_from_doc
from reader.sources import load_article
spec = resolve_model(None)
articles = [load_article(p) for p in sys.argv[2:]]
nlp = load_model(spec)
texts = [a.body for a in articles]
for article, doc in zip(articles, nlp.pipe(texts, batch_size=8, n_process=int(sys.argv[1]))):
    analysis_from_doc(doc, article.text, body_end=article.body_end, info=spec.info)
"""


def build_folder(folder: Path, jsonl: Path | None, limit: int) -> list[str]:
    """The sample articles plus up to `limit` texts of `jsonl`, as files in `folder`."""
    for path in sorted(samples_dir().iterdir()):
        if path.is_file():
            shutil.copy(path, folder / path.name)
    if jsonl is not None:
        with jsonl.open(encoding="utf-8") as handle:
            for i, line in enumerate(handle):
                if i >= limit:
                    break
                text = json.loads(line).get("text", "")
                (folder / f"article-{i:05}.txt").write_text(text, encoding="utf-8")
    return list(walk_folder(str(folder)))


def count_tokens(paths: list[str]) -> int:
    """Tokens the parser sees (the tokenizer alone over each article's body)."""
    from reader.analysis.nlp import load_model, resolve_model
    from reader.sources import load_article

    nlp = load_model(resolve_model(None))
    return sum(len(nlp.tokenizer(load_article(p).body)) for p in paths)


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock seconds and CPU seconds (user + system, every process of the run) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"failed: {' '.join(command[:4])}...: {result.stderr.strip()[-300:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def reader_command(folder: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "reader", "analyze", str(folder), "--jsonl", "--no-cache", *extra]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--jsonl", type=Path, help="a JSON-lines file of articles with a 'text' field")
    parser.add_argument("--limit", type=int, default=200, help="articles to take from --jsonl")
    parser.add_argument("--sizes", default="", help="comma-separated collection sizes for the growth table")
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask LocalCluster run")
    args = parser.parse_args()
    cores = available_cores()
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        paths = build_folder(folder, args.jsonl, args.limit)
        env = dict(os.environ, READER_CACHE_DIR=str(Path(tmp) / "cache"), PYTHONPATH=str(ROOT))
        tokens = count_tokens(paths)
        print(f"{len(paths)} articles, {tokens:,} tokens, {cores} cores")
        runs: list[tuple[str, list[str]]] = [
            ("bare nlp.pipe, 1 process", [sys.executable, "-c", BARE_PIPE, "1", *paths]),
            (f"bare nlp.pipe, n_process={cores}", [sys.executable, "-c", BARE_PIPE, str(cores), *paths]),
            ("reader --jobs 1", reader_command(folder, "--jobs", "1")),
            (f"reader --jobs {cores} (process pool)", reader_command(folder, "--jobs", str(cores))),
            (
                f"nlp.pipe(n_process={cores}) + extraction in parent",
                [sys.executable, "-c", PIPE_THEN_EXTRACT, str(cores), *paths],
            ),
        ]
        if not args.no_dask:
            runs.append(
                (
                    f"reader --engine dask (LocalCluster, {cores} workers)",
                    reader_command(folder, "--engine", "dask"),
                )
            )
        base = None
        print(f"load average before: {os.getloadavg()[0]:.1f}")
        print(f"{'run':<52} {'seconds':>8} {'articles/s':>11} {'tokens/s':>10} {'ratio':>6} {'cpu s':>7}")
        for label, command in runs:
            seconds, cpu = timed(command, env)
            base = base or seconds
            print(
                f"{label:<52} {seconds:8.1f} {len(paths) / seconds:11.2f} {tokens / seconds:10.0f}"
                f" {base / seconds:6.2f} {cpu:7.1f}"
            )
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
        if sizes:
            print(f"\ngrowth, reader --jobs {cores}:")
            print(f"{'articles':>8} {'seconds':>8} {'s/article':>10}")
            for size in sizes:
                part = Path(tmp) / f"part-{size}"
                part.mkdir()
                for path in paths[:size]:
                    os.link(path, part / Path(path).name)
                seconds, _cpu = timed(reader_command(part, "--jobs", str(cores)), env)
                print(f"{min(size, len(paths)):>8} {seconds:8.1f} {seconds / min(size, len(paths)):10.3f}")


if __name__ == "__main__":
    main()
