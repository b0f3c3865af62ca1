"""Peak memory of a whole analysis as the text grows: it must stay flat, bounded by one batch's parse.

Each size runs in a fresh process (peak resident memory is per process), analysing prose built from
the bundled samples, without the cache. Printed per size: characters, seconds, peak resident MB, and
the peak next to bare spaCy (the model loaded and one batch-sized text parsed, nothing else).

Run from the repository root:  python benchmarks/bench_memory.py [--sizes 0.1 1 5 20]
(20 MB of text takes about twenty minutes to parse on one core.)
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def prose(size_mb: float) -> str:
    """About `size_mb` megabytes of real article prose: the bundled samples, repeated in turn."""
    from reader.resources import samples_dir
    from reader.sources import load_article

    bodies = [
        load_article(str(path)).body.strip()
        for path in sorted(samples_dir().iterdir())
        if path.suffix in (".txt", ".md")
    ]
    target = int(size_mb * 1024 * 1024)
    parts: list[str] = []
    length = 0
    while length < target:
        body = bodies[len(parts) % len(bodies)]
        parts.append(body)
        length += len(body) + 2
    return "\n\n".join(parts)[:target]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def child(size_mb: float, bare: bool) -> dict[str, float]:
    """Runs in the measured process: analyse (or, for `bare`, parse one batch) and report."""
    from reader.analysis.nlp import BATCH_CHARS, load_model, resolve_model

    text = prose(size_mb)
    start = time.perf_counter()
    if bare:
        nlp = load_model(resolve_model(None))
        nlp(text[:BATCH_CHARS])
        count = 0
    else:
        from reader.analysis.service import get_analysis

        count = len(get_analysis(text, use_cache=False).quotes)
    return {"chars": len(text), "seconds": time.perf_counter() - start, "peak_mb": peak_mb(), "quotes": count}


def measure(size_mb: float, bare: bool = False) -> dict[str, float]:
    command = [sys.executable, __file__, "--child", str(size_mb)] + (["--bare"] if bare else [])
    done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="*", type=float, default=[0.1, 1.0, 5.0, 20.0], help="MB of text")
    parser.add_argument("--child", type=float, help=argparse.SUPPRESS)
    parser.add_argument("--bare", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(child(args.child, args.bare)))
        return
    base = measure(0.1, bare=True)
    print(f"bare spaCy (model loaded, one batch parsed): peak {base['peak_mb']:.0f} MB")
    print(f"{'text':>8} {'characters':>12} {'seconds':>9} {'peak MB':>9} {'vs bare':>8} {'quotes':>8}")
    for size in args.sizes:
        r = measure(size)
        ratio = r["peak_mb"] / base["peak_mb"]
        print(
            f"{size:>6g}MB {r['chars']:>12,.0f} {r['seconds']:>9.1f} {r['peak_mb']:>9.0f} "
            f"{ratio:>8.2f} {r['quotes']:>8,.0f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
