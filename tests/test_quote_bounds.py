"""Where an attribution's content ends (and starts), as a reader draws it: an aside about the
content is the writer's, not the source's; how a subject seems takes the subject in."""

from __future__ import annotations

import pytest

from reader.analysis.quotes import extract_quotes, simple_actors


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # an apposition after the object: the writer's description of whom the mayor backed
        (
            "The mayor backed Jane Porter, the former state treasurer, in the primary.",
            "backed",
            "Jane Porter",
        ),
        # a relative clause after a comma closing the content
        (
            "The senator refused to sign the trade agreement, which the president strongly opposed.",
            "refused",
            "to sign the trade agreement",
        ),
        # a participle after a comma is a second attribution, not more of the first
        (
            "Ms. Lee said the budget was balanced, adding that the deficit would shrink next year.",
            "said",
            "the budget was balanced",
        ),
        # a contrast the reporter adds
        (
            "Most voters say they prefer an outsider, while about a third want a candidate with experience.",
            "say",
            "they prefer an outsider",
        ),
        # a dash inside a quotation is the source's own: the content runs to the closing mark
        (
            "In a speech in May, Trump attacked “the hateful ideology of radical Islam – its oppression "
            "of women and children.”",
            "attacked",
            "“the hateful ideology of radical Islam – its oppression of women and children.”",
        ),
        # who is seen or described so is part of the content, one attribution, not two
        (
            "Most Democrats see him as the stronger general-election candidate.",
            "see",
            "him as the stronger general-election candidate",
        ),
        (
            "Critics described the plan as a giveaway to developers.",
            "described",
            "the plan as a giveaway to developers",
        ),
        # how a subject seems includes the subject
        (
            "Her answers seemed to reflect a deep frustration with the party.",
            "seemed",
            "Her answers seemed to reflect a deep frustration with the party",
        ),
    ],
)
def test_content_bounds(nlp, text: str, cue: str, content: str) -> None:
    doc = nlp(text)
    quotes = [q for q in extract_quotes(doc, simple_actors(doc)) if q.cue is not None and q.cue.text == cue]
    assert [q.content.text for q in quotes] == [content]


@pytest.mark.parametrize(
    ("text", "cue", "segments"),
    [
        # a passive whose subject the complement describes: the subject is part of what is said
        (
            "The new trade deal is widely seen as a win for the unions.",
            "seen",
            ["The new trade deal", "as a win for the unions"],
        ),
        (
            "The governor is expected to sign the bill next week.",
            "expected",
            ["The governor", "to sign the bill next week"],
        ),
        # a cue that interrupts its content: the words on both sides are said
        (
            "Things have changed over the years, she says, especially since social media arrived.",
            "says",
            ["Things have changed over the years", "especially since social media arrived"],
        ),
        (
            "The economy, the minister said, will grow faster than expected next year.",
            "said",
            ["The economy", "will grow faster than expected next year"],
        ),
        # a cue at the end of its content: one piece
        ("The strike was retaliatory, critics say.", "say", ["The strike was retaliatory"]),
    ],
)
def test_content_around_the_cue(nlp, text: str, cue: str, segments: list[str]) -> None:
    doc = nlp(text)
    quotes = [q for q in extract_quotes(doc, simple_actors(doc)) if q.cue is not None and q.cue.text == cue]
    assert [[s.text for s in q.segments] for q in quotes] == [segments]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # what follows the object in the verb's phrase says more of what was done or said
        (
            "The senator accused the governor of hiding the report from voters.",
            "accused",
            "the governor of hiding the report from voters",
        ),
        ("The council offered loans to small businesses.", "offered", "loans to small businesses"),
        (
            "She cited her endorsements from dozens of retired generals.",
            "cited",
            "her endorsements from dozens of retired generals",
        ),
        # a time or a setting after the object is the writer's, not part of the content
        ("The mayor endorsed Jane Porter on Thursday.", "endorsed", "Jane Porter"),
        ("The governor criticized the plan during a debate in Ohio.", "criticized", "the plan"),
        ("The union praised the contract Monday.", "praised", "the contract"),
    ],
)
def test_object_with_its_adjuncts(nlp, text: str, cue: str, content: str) -> None:
    doc = nlp(text)
    quotes = [q for q in extract_quotes(doc, simple_actors(doc)) if q.cue is not None and q.cue.text == cue]
    assert [q.content.text for q in quotes] == [content]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # what a quote is about is not a second quote by the same cue
        ("“If you noticed, she did not answer your question,” he said of Cruz.", ["direct"]),
        (
            "“He is a great gentleman and a wonderful guy,” the developer said of Mr. Clinton.",
            ["direct"],
        ),
        # an adverbial phrase is not content ("for his part", "for example", "for months")
        ("The governor, for his part, said the plan would fail.", ["indirect"]),
        ("For example, Clinton has argued that the tax cut helps the rich.", ["indirect"]),
        ("The senator has called for months for a new inquiry.", ["indirect"]),
        # with an object after the cue, a clause before it is not its content
        ("The more politics gets polarized, the more they fear the candidate.", ["indirect"]),
        # without a quote, "spoke of" has its content
        ("The senator spoke of her fears for the economy.", ["indirect"]),
    ],
)
def test_one_cue_one_quote(nlp, text: str, kinds: list[str]) -> None:
    doc = nlp(text)
    quotes = [q for q in extract_quotes(doc, simple_actors(doc)) if q.cue is not None]
    assert [q.kind for q in quotes] == kinds
