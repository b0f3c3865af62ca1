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
