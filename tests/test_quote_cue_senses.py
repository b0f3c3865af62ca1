"""Cue words that tell what happened, not what anyone said: a verb of aspect ("continues to grow")
cues nothing itself, while a cue inside its complement ("continued to insist that ...") still does."""

from __future__ import annotations

import pytest

from reader.analysis.model import Quote
from reader.analysis.quotes import extract_quotes, simple_actors


def quotes_of(nlp, text: str) -> list[Quote]:
    doc = nlp(text)
    return extract_quotes(doc, simple_actors(doc))


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("The governor's lead in the state continues to grow after the primary.", "continues"),
        ("The senator continued to insist that the report was false.", "continued"),
        ("The minister continues to deny that the deal was ever signed.", "continues"),
        ("The union keeps trying to reach the workers at the plant.", "keeps"),
        ("The mayor began to rebuild the bridge last spring.", "began"),
        ("Prices started to climb in the second week of March.", "started"),
    ],
)
def test_a_verb_of_aspect_cues_nothing(nlp, text: str, verb: str) -> None:
    quotes = quotes_of(nlp, text)
    assert [q for q in quotes if q.cue is not None and q.cue.text == verb] == []


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        (
            "The senator continued to insist that the report was false.",
            "insist",
            "the report was false",
            "senator",
        ),
        (
            "The minister continues to deny that the deal was ever signed.",
            "deny",
            "the deal was ever signed",
            "minister",
        ),
    ],
)
def test_the_cue_inside_the_complement_still_attributes(
    nlp, text: str, cue: str, content: str, speaker: str
) -> None:
    quotes = [q for q in quotes_of(nlp, text) if q.cue is not None and q.cue.text == cue]
    assert len(quotes) == 1
    assert content in quotes[0].content.text
    assert quotes[0].speaker is not None and speaker in quotes[0].speaker.text


@pytest.mark.parametrize(
    ("text", "reads_a_poll"),
    [
        ("The governor slid in the polls after the debate.", False),
        ("The mayor has risen in the polls since the spring.", False),
        ("The senator leads by ten points in the latest poll.", True),
        ("In the latest polls, the senator trails the governor.", True),
        ("In a new Gallup poll released Monday, most voters backed the plan.", True),
    ],
)
def test_in_the_polls_is_a_standing_unless_a_poll_is_named(nlp, text: str, reads_a_poll: bool) -> None:
    quotes = [q for q in quotes_of(nlp, text) if q.rule == "evidence_in"]
    assert bool(quotes) == reads_a_poll
