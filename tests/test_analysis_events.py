"""Events: who did what to whom, when and where; reporting verbs are quotes, not events."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reader.analysis.events import REPORTING_VERBS
from reader.analysis.model import Analysis, Event
from reader.analysis.nlp import load_model, resolve_model
from reader.analysis.pipeline import analyse
from reader.sources import load_article

SEED = Path(__file__).resolve().parent.parent / "sample_articles" / "iran-missile-strikes.txt"


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_model(resolve_model(None))


@pytest.fixture(scope="module")
def seed(nlp: Any) -> Analysis:
    article = load_article(str(SEED))
    return analyse(article.text, nlp, body_end=article.body_end)


def find(analysis: Analysis, trigger: str) -> Event:
    matches = [e for e in analysis.events if e.trigger.text == trigger]
    assert matches, [e.trigger.text for e in analysis.events]
    return matches[0]


def test_the_missile_launch(seed: Analysis) -> None:
    launch = find(seed, "launched")
    assert launch.actor == "iran"
    assert launch.object is not None and launch.object.startswith("over a dozen ballistic missiles")
    assert "on two Iraqi military bases" in launch.object
    assert launch.when == "Tuesday night"
    place = seed.referent(launch.where)
    assert place is not None and place.name in {"Iraq", "Erbil", "al-Asad air base"}
    assert launch.sentence.text.startswith("Iran on Tuesday night launched")
    assert seed.text[launch.sentence.start : launch.sentence.end] == launch.sentence.text
    # One of the most salient events of the article.
    assert launch in seed.events[:3]


def test_reporting_verbs_are_not_events(seed: Analysis) -> None:
    words = {e.trigger.text.split()[-1].lower() for e in seed.events if e.kind == "action"}
    assert not words & {"said", "say", "wrote", "tweeted", "told", "writing"}
    assert {"say", "tweet", "write"} <= REPORTING_VERBS


def test_copulas_are_not_events(seed: Analysis) -> None:
    assert not [e for e in seed.events if e.trigger.text.lower() in {"is", "was", "were", "has", "had"}]


def test_named_event_entity(seed: Analysis) -> None:
    war = find(seed, "the Iraq War")
    assert war.kind == "named"


def test_actor_through_a_relative_clause(seed: Analysis) -> None:
    # "... the ISIS, which had taken over large parts of the country, massacred thousands of Iraqis"
    massacre = find(seed, "massacred")
    assert massacre.actor == "islamic-state"
    assert massacre.object == "thousands of Iraqis"


def test_control_verb_joins_its_complement(seed: Analysis) -> None:
    downplay = find(seed, "sought to downplay")
    assert downplay.actor == "trump"
    assert downplay.when == "Tuesday evening"


def test_events_ranked_by_salience(seed: Analysis) -> None:
    scores = [e.salience for e in seed.events]
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 <= s <= 1.0 for s in scores)


def test_every_event_span_slices_the_text(seed: Analysis) -> None:
    for event in seed.events:
        for span in (event.trigger, event.sentence):
            assert seed.text[span.start : span.end] == span.text
        assert event.actor is None or seed.referent(event.actor) is not None


@pytest.mark.parametrize(
    ("text", "trigger", "actor", "when", "where"),
    [
        ("Germany won the World Cup in 2014.", "won", "Germany", "2014", None),
        (
            "Russian troops shelled the port of Odesa on Monday morning, Ukrainian officials said.",
            "shelled",
            "Russian",
            "Monday morning",
            None,
        ),
        (
            "President Joe Biden met Prime Minister Rishi Sunak in London on Friday. "
            "Biden later flew to Berlin.",
            "flew",
            "Joe Biden",
            None,
            "Berlin",
        ),
        (
            "President Joe Biden met Prime Minister Rishi Sunak in London on Friday.",
            "met",
            "Joe Biden",
            "Friday",
            "London",
        ),
    ],
)
def test_own_sentences(
    nlp: Any, text: str, trigger: str, actor: str, when: str | None, where: str | None
) -> None:
    analysis = analyse(text, nlp)
    event = find(analysis, trigger)
    record = analysis.referent(event.actor)
    assert record is not None and record.name == actor
    assert event.when == when
    if where is not None:
        place = analysis.referent(event.where)
        assert place is not None and place.name == where


def test_he_resolves_to_the_last_person(nlp: Any) -> None:
    analysis = analyse("Prime Minister Rishi Sunak visited the factory. He opened a new wing on Monday.", nlp)
    opened = find(analysis, "opened")
    assert analysis.referent(opened.actor).name == "Rishi Sunak"
    assert opened.object == "a new wing"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tuesday night", True),
        ("last week", True),
        ("2014", True),
        ("two days ago", True),
        ("20 March 2025", True),
        ("fifteen years", False),
        ("more than a decade", False),
        ("every month", False),
        ("almost seven hours", False),
    ],
)
def test_when_is_a_point_in_time(text: str, expected: bool) -> None:
    from reader.analysis.events import is_time_point

    assert is_time_point(text) is expected


def test_durations_are_not_when(nlp: Any) -> None:
    analysis = analyse("Yusuf Kaya has run a barber's shop in Leeds for fifteen years.", nlp)
    run = find(analysis, "run")
    assert run.when is None


def test_ages_are_not_when() -> None:
    from reader.analysis.events import is_time_point

    assert not is_time_point("52")
    assert is_time_point("1887")
