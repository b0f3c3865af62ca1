"""Print the top three events of each article, and score the main event against a baseline.

For every bundled sample (or the files given), prints the three best-ranked events with who, what,
when and where. Then, on short articles written for this check (each with its main event written
down), compares the reader's top event with a baseline that takes the title and the first sentence
and picks their first entities: who = first person, organisation or country; what = the first
sentence's main verb and object; when = first date; where = first place.

Run from the repository root:  python scripts/events_top3.py [FILE ...]
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.analysis.model import Analysis, Event  # noqa: E402
from reader.analysis.nlp import load_model, resolve_model  # noqa: E402
from reader.analysis.pipeline import analyse  # noqa: E402
from reader.resources import samples_dir  # noqa: E402
from reader.sources import load_article  # noqa: E402


@dataclass(frozen=True, slots=True)
class Case:
    """A short article and its main event: who (a word of it), a word of what happened, when, where."""

    text: str
    who: str
    what: str
    when: str
    where: str


CASES = [
    Case(
        "Tram crashes into bus in Leeds\n\n"
        "A tram crashed into a double-decker bus in Leeds city centre on Monday morning, injuring twelve "
        "people.\n\n"
        '"I heard a massive crash and ran outside," said Ann Walker, who works in a nearby cafe.\n\n'
        "West Yorkshire Police closed Boar Lane for six hours.",
        "tram",
        "crash",
        "Monday morning",
        "Leeds",
    ),
    Case(
        "Trump meets Obama at the White House as handover begins\n\n"
        "Michelle Obama sought to play down their differences when she welcomed Melania Trump on "
        "Thursday.\n\n"
        "President-elect Donald Trump met President Barack Obama at the White House on Thursday for their "
        "first talks on the handover of power.",
        "Trump",
        "met",
        "Thursday",
        "White House",
    ),
    Case(
        "Army retakes Kuma from rebels\n\n"
        "KUMA, Mali — Rebels had seized this desert town in 2019 and held it for five years. On Monday the "
        "Malian army retook Kuma after two days of fighting, officials said.",
        "Malian",
        "retook",
        "Monday",
        "Kuma",
    ),
    Case(
        "Dockers strike at Felixstowe\n\n"
        "If the talks fail, the union said, the strike could spread to Tilbury.\n\n"
        "Dockers at Felixstowe walked out on Tuesday over pay, halting Britain's busiest container port.",
        "Dockers",
        "walked",
        "Tuesday",
        "Felixstowe",
    ),
    Case(
        "Flood barrier fails in Calder City\n\n"
        "CALDER CITY, Ohio (June 12, 2025) — A flood barrier on the Whitewater River failed on Wednesday, "
        "forcing the evacuation of 400 homes.\n\n"
        "The barrier was built in 1998 and had been repaired twice.",
        "flood barrier",
        "failed",
        "Wednesday",
        "Calder City",
    ),
    Case(
        "Marchers fill London streets\n\n"
        "Getty Images\n\n"
        "Thousands of people marched through central London on Saturday to demand a ceasefire.",
        "people",
        "marched",
        "Saturday",
        "London",
    ),
    Case(
        "Ukraine says bridge was destroyed\n\n"
        '"We will destroy every bridge," the Russian general said last month.\n\n'
        "The Antonivskyi Bridge was destroyed by Ukrainian forces near Kherson on Friday.",
        "Ukrainian",
        "destroyed",
        "Friday",
        "Kherson",
    ),
    Case(
        "Council approves tram extension\n\n"
        "The minister announced a review of transport spending last week.\n\n"
        "Camden Council approved a £410 million tram extension to Eastfield on Wednesday after a "
        "seven-hour debate.",
        "Camden Council",
        "approved",
        "Wednesday",
        "Eastfield",
    ),
]


def _name(analysis: Analysis, referent_id: str | None) -> str:
    record = analysis.referent(referent_id)
    return record.name if record is not None else (referent_id or "")


def describe(analysis: Analysis, event: Event) -> tuple[str, str, str, str]:
    """(who, what, when, where) of an event as text."""
    what = event.what or " ".join(p for p in (event.trigger.text, event.object) if p)
    when = event.when or ""
    if event.date:
        when += f" ({event.date})"
    who = _name(analysis, event.actor) or event.agent or ""
    return who, what, when, _name(analysis, event.where)


def baseline(text: str, nlp: Any) -> tuple[str, str, str, str]:
    """Title and first sentence, their first entities (who, when, where) and the first sentence's verb."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    title = paragraphs[0] if paragraphs else ""
    body = nlp("\n\n".join(paragraphs[1:]))
    first = next(iter(body.sents), None)
    doc = nlp(title + ". " + (first.text if first is not None else ""))
    first_of = {
        label: next((e.text for e in doc.ents if e.label_ in labels), "") for label, labels in _LABELS
    }
    what = ""
    if first is not None:
        root = first.root
        obj = next((c for c in root.children if c.dep_ in ("dobj", "attr", "prep")), None)
        what = root.text + (" " + " ".join(t.text for t in obj.subtree) if obj is not None else "")
    return first_of["who"], what, first_of["when"], first_of["where"]


_LABELS = (
    ("who", ("PERSON", "ORG", "GPE", "NORP")),
    ("when", ("DATE", "TIME")),
    ("where", ("GPE", "LOC", "FAC")),
)


def _hit(expected: str, found: str) -> bool:
    return bool(found) and expected.lower() in found.lower()


def score(case: Case, found: tuple[str, str, str, str]) -> tuple[bool, bool, bool, bool]:
    who, what, when, where = found
    return (
        _hit(case.who, who),
        case.what.lower() in what.lower(),
        _hit(case.when, when),
        _hit(case.where, where),
    )


def main(argv: list[str]) -> int:
    nlp = load_model(resolve_model(None))
    paths = [Path(a) for a in argv] or sorted(p for p in samples_dir().iterdir() if p.is_file())
    for path in paths:
        article = load_article(str(path))
        analysis = analyse(article.text, nlp, body_end=article.body_end, published=article.date)
        print(f"{path.name}: {article.title or ''}")
        for event in analysis.events[:3]:
            who, what, when, where = describe(analysis, event)
            mark = " (background)" if event.background else ""
            print(
                f"  {event.rank}. who={who or '-'} | what={what} | when={when or '-'} "
                f"| where={where or '-'}{mark}"
            )
        print()
    totals = {"reader": [0, 0, 0, 0], "baseline": [0, 0, 0, 0]}
    print("Written cases: top event against the title-and-first-sentence baseline (who what when where)")
    for n, case in enumerate(CASES, start=1):
        analysis = analyse(case.text, nlp)
        ours = describe(analysis, analysis.events[0]) if analysis.events else ("", "", "", "")
        for name, found in (("reader", ours), ("baseline", baseline(case.text, nlp))):
            hits = score(case, found)
            totals[name] = [t + h for t, h in zip(totals[name], hits, strict=True)]
            marks = " ".join("+" if h else "-" for h in hits)
            print(f"  {n}. {name:<8} {marks}   {' | '.join(found)}")
    print()
    for name, hits in totals.items():
        shares = "  ".join(
            f"{label} {h}/{len(CASES)}"
            for label, h in zip(("who", "what", "when", "where"), hits, strict=True)
        )
        print(f"  {name:<8} {shares}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
