"""What is said or wanted, told apart from what happened: a thing that "threatens to" act, a
meeting that is "called", a time as content and a reading the writer hedges are doubtful;
approving a plan is a decision, not speech. Each stays doubtful rather than gone: the development
corpus annotates many of them."""

from __future__ import annotations

import pytest

from reader.analysis.model import DOUBTFUL_CONFIDENCE, Quote
from reader.analysis.quotes import extract_quotes, simple_actors


def quotes_of(nlp, text: str) -> list[Quote]:
    doc = nlp(text)
    return extract_quotes(doc, simple_actors(doc))


def with_content(quotes: list[Quote], content: str) -> list[Quote]:
    return [q for q in quotes if q.content.text.startswith(content)]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # the writer's own reading of an act ("seemingly"), not the minister's words
        (
            "Yet the foreign minister had seemingly offered an offramp to tensions, writing on Twitter "
            "that the attack was over.",
            "an offramp",
        ),
        # a thing has no intentions
        (
            "Yet the confrontation between the two countries threatens to undermine gains by reformers.",
            "to undermine gains",
        ),
        ("The storm is expected to reach the coast by Friday.", "to reach the coast"),
        # convening a meeting is not calling it something
        (
            "The parish council has called an emergency meeting for Thursday evening at the village hall.",
            "an emergency meeting",
        ),
        # when someone spoke, not what they said
        ("Three of the miners spoke publicly for the first time on Thursday.", "the first time"),
    ],
)
def test_what_happened_is_doubtful(nlp, text: str, content: str) -> None:
    quotes = quotes_of(nlp, text)
    assert all(q.confidence < DOUBTFUL_CONFIDENCE for q in with_content(quotes, content))


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # what someone said, wants or calls something stays sure
        (
            "Yet the foreign minister had seemingly offered an offramp to tensions, writing on Twitter "
            "that the attack was over.",
            "that the attack was over",
        ),
        ("She called the plan a disaster.", "the plan a disaster"),
        ("The union has called for an independent inquiry.", "an independent inquiry"),
        ("Opponents warn of years of disruption for traders.", "years of disruption"),
    ],
)
def test_what_is_said_stays_sure(nlp, text: str, content: str) -> None:
    found = with_content(quotes_of(nlp, text), content)
    assert found and all(q.confidence >= DOUBTFUL_CONFIDENCE for q in found)


@pytest.mark.parametrize(
    ("text", "content", "act"),
    [
        ("The city council approved a £410 million extension of the tram line.", "a £410", "intention"),
        ("The shareholders approved the revised scheme on Tuesday.", "the revised scheme", "intention"),
        ("The senator said the scheme was approved in March.", "the scheme was approved", "speech"),
    ],
)
def test_approving_is_deciding(nlp, text: str, content: str, act: str) -> None:
    found = with_content(quotes_of(nlp, text), content)
    assert [q.act for q in found] == [act]


def test_seed_lists_no_offramp_and_no_confrontation_as_someone(nlp, seed_text: str) -> None:
    quotes = [q for q in quotes_of(nlp, seed_text) if q.confidence >= DOUBTFUL_CONFIDENCE]
    assert not [q for q in quotes if q.content.text == "an offramp"]
    assert not [q for q in quotes if q.speaker is not None and q.speaker.text == "the confrontation"]
    # the minister's own words stay his
    assert [q for q in quotes if q.speaker_name == "Mohammad Javad Zarif" and q.kind == "direct"]
