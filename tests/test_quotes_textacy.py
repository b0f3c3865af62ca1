"""textacy's own direct-quotation test sentences (its tests of `extract.direct_quotations`): the
reader finds the same quotes with the same speakers and cues as textacy's expected output."""

from __future__ import annotations

import pytest

from reader.analysis.model import Quote
from reader.analysis.quotes import extract_quotes, simple_actors


def quotes_of(nlp, text: str) -> list[Quote]:
    doc = nlp(text)
    return extract_quotes(doc, simple_actors(doc))


def last_word(text: str) -> str:
    return text.split()[-1].strip(".,")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (speaker, cue, quoted words) of each direct quote, in text order
        ('Burton said, "I love cats!"', [("Burton", "said", '"I love cats!"')]),
        ('Burton explained from a podium. "I love cats," he said.', [("he", "said", '"I love cats,"')]),
        (
            '"I love cats!" insists Burton. "I absolutely do."',
            [("Burton", "insists", '"I love cats!"'), ("Burton", "insists", '"I absolutely do."')],
        ),
        ('"Some people say otherwise," he conceded.', [("he", "conceded", '"Some people say otherwise,"')]),
        ('"We love cats!" reply Burton and Nick.', [("Burton", "reply", '"We love cats!"')]),
        # a title and a scare quote are nobody's direct quote
        ('Burton claims that his favorite book is "One Hundred Years of Solitude".', []),
        ('Burton thinks that cats are "cuties".', []),
    ],
)
def test_direct_quotations(nlp, text: str, expected: list[tuple[str, str, str]]) -> None:
    direct = [q for q in quotes_of(nlp, text) if q.kind == "direct"]
    found = [
        (q.speaker.text if q.speaker else None, q.cue.text if q.cue else None, q.content.text) for q in direct
    ]
    assert [(s and last_word(s), c, t) for s, c, t in found] == [(last_word(s), c, t) for s, c, t in expected]


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # a mark that opens with ' and closes with " pairs with nothing; the scare quote is Edward's
        (
            "'AMANDA, you stabbed me,\" a stunned Anna Ramirez told her identical twin early Saturday"
            ' outside their Camden home. Edward said prosecutors had established "clear and convincing'
            ' evidence" that Ramirez should be held.',
            ["Edward"],
        ),
        # an apostrophe inside a quote does not end it
        ('He approached the stable. "Where are the horses\' carrots?" he asked.', ["he"]),
        # a quote inside a quote stays inside
        (
            "The stranger was eating a burger. He told everyone, \"This 'hamburger with extra cheese and"
            " pickles' is good.\"",
            ["He"],
        ),
        # a stray mark ends at its line break
        (
            "'uneasy' on Gilmer street\"\nPolice are investigating a shooting. They did not identify the"
            ' 17-year-old because he is a minor.\n"Detectives are looking into it," Richmond police said'
            " in a news release Tuesday morning.",
            ["police"],
        ),
        # one speaker for a quote and the one that goes on after "said Paul Martin, ..."
        (
            "He pounces on counters and jabs the gun at tellers, only 2 pounds of pressure preventing that"
            " gun from firing.\n\"He's going to hurt somebody because he's carrying a revolver with the"
            " hammer cocked back. He's saying he's going to kill people,\" said Paul Martin, a Pinellas"
            " sheriff's detective who has been chasing the robber for two years. \"He's pointed guns at"
            " people's heads.\"\nThey call him the crowbar robber because in ",
            ["Martin", "Martin"],
        ),
    ],
)
def test_quote_detection_adjustments(nlp, text: str, speakers: list[str]) -> None:
    quoted = [q for q in quotes_of(nlp, text) if any(m in q.content.text for m in '"“”')]
    assert [last_word(q.speaker.text) if q.speaker else None for q in quoted] == speakers
