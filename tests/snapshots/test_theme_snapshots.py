"""Snapshots of the seed article in the light and colour-blind themes, with a fixed hand-made analysis.

The analysis is built here from phrases of the seed article (not by spaCy), so these pictures change only
when the theme or the way the app draws highlights changes. The first screen shows people, organisations,
groups, places, dates, quotes and their speakers; a search shows the matches and the current match.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.analysis.model import Analysis, Entity, Event, ModelInfo, Quote, Referent, Span
from reader.article import Article

SEED = Path(__file__).resolve().parent.parent.parent / "sample_articles" / "iran-missile-strikes.txt"
SIZE = (110, 34)

# (phrase, spaCy label, Referent kind or None): longer phrases first, so "Rouhani" inside
# "Hassan Rouhani" is not counted twice.
PHRASES = [
    ("Islamic Revolutionary Guard Corps", "ORG", "organisation"),
    ("Mohammad Javad Zarif", "PERSON", "person"),
    ("Qassem Soleimani", "PERSON", "person"),
    ("Hassan Rouhani", "PERSON", "person"),
    ("Wednesday morning", "DATE", None),
    ("Tuesday evening", "DATE", None),
    ("Tuesday night", "DATE", None),
    ("the Iraq War", "EVENT", None),
    ("Mike Pompeo", "PERSON", "person"),
    ("Middle East", "LOC", "place"),
    ("Quds Force", "ORG", "organisation"),
    ("last week", "DATE", None),
    ("Soleimani", "PERSON", "person"),
    ("Rouhani", "PERSON", "person"),
    ("Zarif", "PERSON", "person"),
    ("Trump", "PERSON", "person"),
    ("Iranian", "NORP", "group"),
    ("Twitter", "ORG", "organisation"),
    ("Tehran", "GPE", "place"),
    ("Iraq", "GPE", "place"),
    ("Iran", "GPE", "place"),
    ("U.S.", "GPE", "place"),
]
CANONICAL = {
    "Rouhani": "Hassan Rouhani",
    "Zarif": "Mohammad Javad Zarif",
    "Soleimani": "Qassem Soleimani",
}


def _find(text: str, phrase: str) -> list[Span]:
    pattern = re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)")
    return [Span(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]


def _span(text: str, phrase: str, after: int = 0) -> Span:
    start = text.index(phrase, after)
    return Span(start, start + len(phrase), phrase)


def seed_article() -> Article:
    text = SEED.read_text(encoding="utf-8")
    return Article(
        text=text,
        source="iran-missile-strikes.txt",
        title=text.splitlines()[0],
        body_end=text.index("Leave a Reply"),
    )


def seed_analysis(article: Article) -> Analysis:
    text = article.text
    taken: list[Span] = []
    entities: list[Entity] = []
    referents: dict[str, Referent] = {}
    for phrase, label, kind in PHRASES:
        for span in _find(text, phrase):
            if span.end > (article.body_end or len(text)):
                continue
            if any(span.start < other.end and other.start < span.end for other in taken):
                continue
            taken.append(span)
            entities.append(Entity(span.start, span.end, span.text, label))
            if kind is not None:
                name = CANONICAL.get(phrase, phrase)
                key = name.lower().replace(" ", "-").replace(".", "")
                record = referents.setdefault(key, Referent(id=key, name=name, kind=kind))
                record.mentions.append(span)
                if phrase != name and phrase not in record.aliases:
                    record.aliases.append(phrase)
    entities.sort(key=lambda e: e.start)
    for record in referents.values():
        record.mentions.sort(key=lambda s: s.start)
    actors = [r for r in referents.values() if r.kind in ("person", "organisation", "group")]
    actors += [referents["iran"], referents["us"]]
    locations = [r for r in referents.values() if r.kind == "place"]

    zarif_quote = _span(
        text,
        "\u201cWe do not seek escalation or war, but will defend ourselves against any aggression,\u201d",
    )
    trump_quote = _span(text, "\u201cAll is well!\u201d")
    rouhani_claim = _span(text, "Tehran seeks the removal of all U.S. forces in the region")
    quotes = [
        Quote(
            kind="indirect",
            content=rouhani_claim,
            speaker=_span(text, "Hassan Rouhani"),
            actor="hassan-rouhani",
            cue=_span(text, "tweeted"),
            confidence=0.9,
            speaker_name="Hassan Rouhani",
        ),
        Quote(
            kind="direct",
            content=zarif_quote,
            speaker=_span(text, "Zarif", zarif_quote.end),
            actor="mohammad-javad-zarif",
            cue=_span(text, "wrote", zarif_quote.end),
            confidence=0.95,
            speaker_name="Mohammad Javad Zarif",
        ),
        Quote(
            kind="direct",
            content=trump_quote,
            speaker=_span(text, "Trump"),
            actor="trump",
            cue=_span(text, "writing on Twitter", text.index("President Trump")),
            confidence=0.8,
            speaker_name="Trump",
        ),
    ]
    launch = _span(text, "launched")
    sentence_start = text.index("Iran on Tuesday night")
    sentence_end = text.index("Iraq.", launch.end) + len("Iraq.")
    events = [
        Event(
            trigger=launch,
            actor="iran",
            object="over a dozen ballistic missiles",
            when="Tuesday night",
            where="iraq",
            sentence=Span(sentence_start, sentence_end, text[sentence_start:sentence_end]),
            salience=1.0,
        )
    ]
    return Analysis(
        text=text,
        model=ModelInfo("snapshot-fixture", "1"),
        body_end=article.body_end,
        entities=entities,
        actors=actors,
        places=locations,
        events=events,
        quotes=quotes,
    )


def make_app(theme: str):
    from reader.ui.app import ReaderApp
    from reader.ui.options import ReaderOptions

    article = seed_article()
    return ReaderApp(article, ReaderOptions(theme=theme, analyse=False), analysis=seed_analysis(article))


def test_fixture_spans_match_the_text() -> None:
    article = seed_article()
    analysis = seed_analysis(article)
    for entity in analysis.entities:
        assert article.text[entity.start : entity.end] == entity.text
    for quote in analysis.quotes:
        for span in (quote.content, quote.speaker, quote.cue):
            assert span is not None and article.text[span.start : span.end] == span.text
    labels = {e.label for e in analysis.entities}
    assert {"PERSON", "ORG", "NORP", "GPE", "LOC", "DATE", "EVENT"} <= labels


@pytest.mark.parametrize("theme", ["light", "colour-blind"])
def test_seed_article(theme: str, snap_compare) -> None:
    """The seed article as first opened: text with highlights, side panel of actors, footer."""
    assert snap_compare(make_app(theme), terminal_size=SIZE)


@pytest.mark.parametrize("theme", ["light", "colour-blind"])
def test_seed_article_search(theme: str, snap_compare) -> None:
    """After searching for "U.S.": every match highlighted, the current one distinct."""
    assert snap_compare(make_app(theme), press=["slash", *"U.S.", "enter"], terminal_size=SIZE)
