"""Attributions in shapes beyond a cue's own clause or noun-phrase object (see
`reader.analysis.quotes.constructions`): a pronoun that stands for what the cue is about."""

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
