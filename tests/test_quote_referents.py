"""A content that is only a relative pronoun ("the levy, which residents had opposed") keeps the
pronoun as its span and is shown with what it stands for: "which [the levy]"."""

from __future__ import annotations

import json
from typing import Any

import pytest

from reader.analysis.model import Quote, Span
from reader.analysis.quotes import extract_quotes, simple_actors
from reader.ui.present import quote_label


def _quote(content: str, refers_to: str | None) -> Quote:
    return Quote(
        kind="indirect",
        content=Span(40, 40 + len(content), content),
        speaker=Span(0, 5, "Smith"),
        actor=None,
        cue=Span(20, 29, "announced"),
        confidence=0.9,
        refers_to=None if refers_to is None else Span(10, 10 + len(refers_to), refers_to),
    )


@pytest.mark.parametrize(
    ("text", "cue", "stands_for"),
    [
        ("The council approved the levy, which residents had opposed for months.", "opposed", "the levy"),
        (
            "Officials dropped the new toll plan, which the mayor announced in May.",
            "announced",
            "the new toll plan",
        ),
        ("Unions condemned the cuts that the minister announced on Friday.", "announced", "the cuts"),
    ],
)
def test_a_relative_pronoun_content_names_what_it_stands_for(
    nlp: Any, text: str, cue: str, stands_for: str
) -> None:
    doc = nlp(text)
    quotes = [q for q in extract_quotes(doc, simple_actors(doc)) if q.cue and q.cue.text.startswith(cue)]
    pronouns = [q for q in quotes if q.content.text in ("which", "that")]
    assert pronouns, [q.content.text for q in quotes]
    assert pronouns[0].refers_to is not None and pronouns[0].refers_to.text == stands_for
    assert pronouns[0].shown == f"{pronouns[0].content.text} [{stands_for}]"


def test_a_content_of_its_own_is_shown_as_it_stands() -> None:
    assert _quote("the  plan\nwas late", None).shown == "the plan was late"


def test_refers_to_round_trips_through_json_and_reads_as_absent_in_older_documents() -> None:
    quote = _quote("which", "the levy")
    again = Quote.from_dict(json.loads(json.dumps(quote.to_dict())))
    assert again == quote and again.to_dict()["refers_to"]["text"] == "the levy"
    older = quote.to_dict()
    del older["refers_to"]
    assert Quote.from_dict(older).refers_to is None


def test_the_quotes_list_shows_the_referent_literally() -> None:
    label = quote_label(_quote("which", "[bold]the levy[/]"))
    assert "which [[bold]the levy[/]]" in label.plain
