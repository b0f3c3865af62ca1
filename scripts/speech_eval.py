#!/usr/bin/env python3
"""Score the reader's speech attributions on a hand-annotated set of news-like passages.

usage: speech_eval.py [SET.toml] [--model NAME] [--errors] [--group NAME]

Only attributions the reader labels `act == "speech"` are scored: the set (by default
tests/data/speech_eval.toml, whose header says how it is annotated) holds people's speech and
writing only, so a belief, an intention, a finding, a heading or a caption listed as speech is an
error. Matching is by character overlap, as for the development corpus:

- a gold quote is *found* when the predictions together cover at least half of its characters
  (over its segments); its *partner* is the prediction that covers most of it;
- a prediction is *right* when at least half of its characters lie inside one gold quote;
- the speaker is right when the predicted mention overlaps the gold mention, or the last word of the
  predicted name equals the last word of the gold name (or of one of its comma- or
  parenthesis-separated parts), case and a possessive 's aside;
- "direct": recall over direct gold quotes, precision over direct predictions; "all": every gold
  quote against every speech prediction; "speaker": over found gold quotes; "e2e": found or right
  and the speaker right.

A passage may belong to a named group (`group = "unseen"`: written apart, before the rules were
looked at for it); `--group NAME` scores that group alone, and the figures of each group are printed
too, so what was tuned and what was not can be told apart.

The last line printed is one JSON object with every figure.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

DEFAULT_SET = ROOT / "tests" / "data" / "speech_eval.toml"
Span = tuple[int, int]


class SetError(ValueError):
    """The evaluation set names words its passage does not hold: a slip in the data file."""


@dataclass
class Attribution:
    """One quote, gold or predicted, in the scorer's terms."""

    segments: list[Span]
    direct: bool
    source: Span | None = None
    source_text: str | None = None
    label: str = ""  # what the errors listing shows (rule, cue)

    @property
    def content(self) -> Span:
        return self.segments[0][0], self.segments[-1][1]


@dataclass
class Passage:
    id: str
    text: str
    gold: list[Attribution]
    group: str = ""
    predicted: list[Attribution] = field(default_factory=list)


# -- the set ------------------------------------------------------------------------------------


def _find(text: str, words: str, where: str, after: int = 0) -> Span:
    start = text.find(words, after)
    if start < 0:
        raise SetError(f"{where}: {words!r} is not in the passage")
    return start, start + len(words)


def _nearest(text: str, words: str, content: Span, where: str) -> Span:
    """The occurrence of `words` nearest the content (a speaker named twice, "he" said twice)."""
    spans = [(m.start(), m.end()) for m in re.finditer(re.escape(words), text)]
    if not spans:
        raise SetError(f"{where}: speaker {words!r} is not in the passage")
    return min(spans, key=lambda s: min(abs(s[0] - content[1]), abs(s[1] - content[0])))


def _gold(text: str, row: dict[str, Any], where: str) -> Attribution:
    content = _find(text, row["content"], where)
    if text.find(row["content"], content[0] + 1) >= 0:
        raise SetError(f"{where}: {row['content']!r} occurs twice")
    segments = [content]
    if row.get("segments"):
        segments, after = [], content[0]
        for piece in row["segments"]:
            segments.append(_find(text, piece, where, after))
            after = segments[-1][1]
    source = _nearest(text, row["speaker"], content, where) if row.get("speaker") else None
    name = row.get("who") or row.get("speaker")
    return Attribution(segments, bool(row.get("direct")), source, name)


def load_set(path: Path) -> list[Passage]:
    """The passages of an evaluation set, with each gold quote located in its text."""
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    passages = []
    for entry in data.get("passage", []):
        text = entry["text"].strip("\n") + "\n"
        gold = [_gold(text, row, entry["id"]) for row in entry.get("quotes", [])]
        passages.append(Passage(entry["id"], text, gold, str(entry.get("group", ""))))
    return passages


# -- the reader's predictions ---------------------------------------------------------------------


def load_pipeline(name: str | None) -> Any:
    from reader.analysis.nlp import load_model, resolve_model

    return load_model(resolve_model(name))


def actors_of(doc: Any) -> list[Any]:
    """The engine's merged actors, as the reader's analysis gives them to the quote passes."""
    from reader.analysis.entities import entities_from_doc, merge_mentions

    _, mentions = entities_from_doc(doc)
    referents = merge_mentions(mentions)
    seen = {r.id for r in referents.actors}
    return list(referents.actors) + [r for r in referents.places if r.id not in seen]


def predict(nlp: Any, passages: list[Passage]) -> None:
    """Fills each passage's `predicted` with the reader's speech attributions."""
    from reader.analysis.quotes import extract_quotes

    for passage, doc in zip(passages, nlp.pipe([p.text for p in passages]), strict=True):
        for q in extract_quotes(doc, actors_of(doc)):
            if q.act != "speech":
                continue
            passage.predicted.append(
                Attribution(
                    [(s.start, s.end) for s in q.segments] or [(q.content.start, q.content.end)],
                    q.kind == "direct",
                    None if q.speaker is None else (q.speaker.start, q.speaker.end),
                    None if q.speaker is None else (q.speaker_name or q.speaker.text),
                    f"{q.rule}, cue {q.cue.text if q.cue else None!r}",
                )
            )


# -- matching -------------------------------------------------------------------------------------


def _inter(segments: list[Span], span: Span) -> int:
    return sum(max(0, min(e, span[1]) - max(s, span[0])) for s, e in segments)


def _covered(segments: list[Span], preds: list[Attribution]) -> int:
    marks: set[int] = set()
    for p in preds:
        ps, pe = p.content
        for s, e in segments:
            marks.update(range(max(s, ps), min(e, pe)))
    return len(marks)


def _last_word(words: str | None) -> str | None:
    found = re.findall(r"[\w\-]+", re.sub(r"['’]s\b", "", words or "").lower())
    return found[-1] if found else None


def speaker_right(gold: Attribution, pred: Attribution) -> bool:
    if not gold.source_text:
        return True
    if pred.source and gold.source:
        (gs, ge), (ps, pe) = gold.source, pred.source
        if min(ge, pe) > max(gs, ps):
            return True
    last = _last_word(pred.source_text)
    return last is not None and last in {_last_word(part) for part in re.split(r"[,(]", gold.source_text)}


@dataclass
class Counts:
    found: int = 0
    found_speaker: int = 0
    with_source: int = 0
    speaker_ok: int = 0
    right: int = 0
    right_speaker: int = 0
    gold: int = 0
    pred: int = 0
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        for name in ("found", "found_speaker", "with_source", "speaker_ok", "right", "right_speaker"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in ("gold", "pred"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.missed += other.missed
        self.spurious += other.spurious


def match(passage: Passage, gold: list[Attribution], preds: list[Attribution]) -> Counts:
    """The scorer's counts for one passage's gold quotes against its predictions."""
    c = Counts(gold=len(gold), pred=len(preds))
    text = passage.text
    for g in gold:
        size = sum(e - s for s, e in g.segments) or 1
        touching = [p for p in preds if _inter(g.segments, p.content) > 0]
        if _covered(g.segments, touching) * 2 >= size:
            c.found += 1
            partner = max(touching, key=lambda p: _inter(g.segments, p.content))
            ok = speaker_right(g, partner)
            c.found_speaker += ok
            if g.source_text:
                c.with_source += 1
                c.speaker_ok += ok
            if not ok:
                c.missed.append(f"{passage.id}: wrong speaker {partner.source_text!r} for {g.source_text!r}")
        else:
            c.missed.append(f"{passage.id}: missed {text[g.content[0] : g.content[1]]!r}")
    for p in preds:
        size = (p.content[1] - p.content[0]) or 1
        best = max(gold, key=lambda g: _inter(g.segments, p.content), default=None)
        if best is not None and _inter(best.segments, p.content) * 2 >= size:
            c.right += 1
            c.right_speaker += speaker_right(best, p)
        else:
            words = text[p.content[0] : p.content[1]]
            c.spurious.append(f"{passage.id}: not speech {words[:100]!r} ({p.source_text!r}; {p.label})")
    return c


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _div(x: int, y: int) -> float:
    return x / y if y else 0.0


def score(passages: list[Passage]) -> tuple[dict[str, float | int], Counts]:
    """Direct, all, speaker and end-to-end figures over the passages, and the pooled counts."""
    total, direct_found, direct_gold, direct_right, direct_pred = Counts(), 0, 0, 0, 0
    for passage in passages:
        total.add(match(passage, passage.gold, passage.predicted))
        direct_gold_quotes = [g for g in passage.gold if g.direct]
        direct_preds = [p for p in passage.predicted if p.direct]
        direct_found += match(passage, direct_gold_quotes, passage.predicted).found
        direct_gold += len(direct_gold_quotes)
        direct_right += match(passage, passage.gold, direct_preds).right
        direct_pred += len(direct_preds)
    dp, dr = _div(direct_right, direct_pred), _div(direct_found, direct_gold)
    p, r = _div(total.right, total.pred), _div(total.found, total.gold)
    ep, er = _div(total.right_speaker, total.pred), _div(total.found_speaker, total.gold)
    figures: dict[str, float | int] = {
        "direct_p": dp,
        "direct_r": dr,
        "direct_f1": _f1(dp, dr),
        "all_p": p,
        "all_r": r,
        "all_f1": _f1(p, r),
        "speaker_acc": _div(total.speaker_ok, total.with_source),
        "e2e_p": ep,
        "e2e_r": er,
        "e2e_f1": _f1(ep, er),
        "gold": total.gold,
        "pred": total.pred,
    }
    return {k: round(v, 4) if isinstance(v, float) else v for k, v in figures.items()}, total


def evaluate(
    path: Path = DEFAULT_SET, nlp: Any = None, group: str | None = None
) -> tuple[dict[str, float | int], Counts, dict[str, dict[str, float | int]]]:
    """Loads the set, runs the reader over it and scores its speech attributions: over every
    passage (or only `group`'s), and over each named group apart."""
    passages = load_set(path)
    if group is not None:
        passages = [p for p in passages if p.group == group]
        if not passages:
            raise SetError(f"no passage is in the group {group!r}")
    predict(nlp if nlp is not None else load_pipeline(None), passages)
    figures, counts = score(passages)
    groups = sorted({p.group for p in passages if p.group})
    return figures, counts, {g: score([p for p in passages if p.group == g])[0] for g in groups}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("set", type=Path, nargs="?", default=DEFAULT_SET)
    ap.add_argument("--model", default=None, help="spaCy pipeline (default: the reader's)")
    ap.add_argument("--errors", action="store_true", help="list every missed and spurious quote")
    ap.add_argument("--group", default=None, help="score only the passages of this group")
    args = ap.parse_args(argv)
    try:
        figures, counts, groups = evaluate(args.set, load_pipeline(args.model), args.group)
    except (OSError, tomllib.TOMLDecodeError, SetError, KeyError) as error:
        print(f"speech_eval: {args.set}: {error}", file=sys.stderr)
        return 2
    if args.errors:
        for line in counts.missed + counts.spurious:
            print(line)
    print(f"{'':14}{'P':>7}{'R':>7}{'F1':>7}")
    for label, key in (("direct quotes", "direct"), ("all", "all"), ("end to end", "e2e")):
        print(f"{label:14}{figures[key + '_p']:7.3f}{figures[key + '_r']:7.3f}{figures[key + '_f1']:7.3f}")
    print(f"speaker accuracy on found quotes: {figures['speaker_acc']:.3f}")
    for name, part in groups.items():
        print(
            f"group {name}: direct {part['direct_f1']:.3f}, all {part['all_f1']:.3f} (P {part['all_p']:.3f}),"
            f" speaker {part['speaker_acc']:.3f}, e2e {part['e2e_f1']:.3f} ({part['gold']} quotes)"
        )
    print(json.dumps({**figures, "groups": groups}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
