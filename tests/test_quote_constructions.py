"""Attributions in shapes beyond a cue's own clause or noun-phrase object (see
`reader.analysis.quotes.constructions`): a pronoun that stands for what the cue is about, a
passive with no agent, a feeling whose cause is what the one who feels thinks of."""

from __future__ import annotations

import pytest

from reader.analysis.model import Quote
from reader.analysis.quotes import extract_quotes, simple_actors


def quotes_of(nlp, text: str) -> list[Quote]:
    doc = nlp(text)
    return extract_quotes(doc, simple_actors(doc))


def cued_by(quotes: list[Quote], cue: str) -> list[Quote]:
    return [q for q in quotes if q.cue is not None and q.cue.text.split()[0] == cue]


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        ("After the mayor set the tax, her rivals denounced it.", "denounced", "it", "her rivals"),
        ("The council passed a budget; the governor praised it.", "praised", "it", "the governor"),
        ("Voters are angry about the tolls, and I agree with them.", "agree", "them", "I"),
        ("The senator bragged about it to reporters.", "bragged", "it", "The senator"),
        ("The plan is popular, but the senator opposes it.", "opposes", "it", "the senator"),
    ],
)
def test_a_pronoun_is_the_whole_content(nlp, text: str, cue: str, content: str, speaker: str) -> None:
    found = [q for q in cued_by(quotes_of(nlp, text), cue) if q.content.text == content]
    assert len(found) == 1, [q.content.text for q in quotes_of(nlp, text)]
    assert found[0].speaker is not None and found[0].speaker.text == speaker


@pytest.mark.parametrize(
    "text",
    [
        "She said something.",  # an indefinite pronoun names nothing said
        "He fixed it himself.",  # not a cue
        "They carried it downstairs.",
    ],
)
def test_a_pronoun_that_stands_for_nothing_said_is_no_content(nlp, text: str) -> None:
    assert quotes_of(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        ("The senator's stance, which the party rejected, drew fire.", "rejected", "which", "the party"),
        ("The council dropped the levy, which residents had opposed.", "opposed", "which", "residents"),
    ],
)
def test_a_relative_pronoun_stays_the_content(nlp, text: str, cue: str, content: str, speaker: str) -> None:
    found = cued_by(quotes_of(nlp, text), cue)
    assert [q.content.text for q in found] == [content]
    assert found[0].speaker is not None and found[0].speaker.text == speaker


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("The purchase price was not disclosed.", "The purchase price", None),
        ("The results were announced on Friday.", "The results", None),
        # where it was made known stands for who made it known
        ("The cuts were criticized in the report.", "The cuts", "the report"),
    ],
)
def test_a_passive_without_agent_attributes_its_subject(
    nlp, text: str, content: str, speaker: str | None
) -> None:
    found = [q for q in quotes_of(nlp, text) if q.content.text == content]
    assert len(found) == 1
    assert (found[0].speaker.text if found[0].speaker is not None else None) == speaker


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("The mayor was charged with fraud.", "The mayor"),  # done to someone, not said of them
        ("The statement was released on Monday.", "The statement"),  # its speaker is named elsewhere
    ],
)
def test_a_passive_subject_that_is_someone_or_something_said_is_not_content(
    nlp, text: str, subject: str
) -> None:
    assert all(q.content.text != subject for q in quotes_of(nlp, text))


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("The deal angered the city's unions.", "The deal", "the city's unions"),
        ("The remark worried some analysts.", "The remark", "some analysts"),
        ("The vote surprised them.", "The vote", "them"),
        ("Local officials were angered by the ruling.", "the ruling", "Local officials"),
    ],
)
def test_a_feeling_attributes_its_cause_to_who_feels_it(nlp, text: str, content: str, speaker: str) -> None:
    found = quotes_of(nlp, text)
    assert [q.content.text for q in found] == [content]
    assert found[0].speaker is not None and found[0].speaker.text == speaker


def test_a_feeling_nobody_has_attributes_nothing(nlp) -> None:
    # the harbor feels nothing: the storm is nobody's view
    assert all(q.content.text != "The storm" for q in quotes_of(nlp, "The storm worried the harbor."))
