"""Stretches a verb governs that are plainly not what anyone said, whatever the learned scorer
makes of its words (see `frames.not_said`): whom a thing was done with, a quoted title, the writer's
so-called label, and who was told when a clause says what."""

from __future__ import annotations

import pytest

from reader.analysis.cues import build_cues
from reader.analysis.model import Quote
from reader.analysis.quotes import candidate_frames, extract_quotes, simple_actors
from reader.analysis.quotes.frames import cue_facts, not_said


def quotes_of(nlp, text: str) -> list[Quote]:
    doc = nlp(text)
    return extract_quotes(doc, simple_actors(doc))


def verdicts(nlp, text: str, verb: str) -> dict[str, bool]:
    """For each candidate frame of `verb` in `text`: its words -> whether it is not said."""
    doc = nlp(text)
    tok = next(t for t in doc if t.text == verb)
    cues = build_cues(())
    facts = cue_facts(tok, tok.lemma_.lower(), cues)
    return {doc[a : b + 1].text: not_said(tok, dep, a, b, facts) for dep, a, b in candidate_frames(tok)}


@pytest.mark.parametrize(
    ("text", "verb", "words", "expected"),
    [
        # whom it was done with
        ("They danced with their neighbours until dawn.", "danced", "their neighbours", True),
        ("He walked with the farmers to the gate.", "walked", "the farmers", True),
        # a quoted title the object starts with
        ("She watched “The Godfather” last night.", "watched", "“The Godfather”", True),
        ("He played “The Entertainer” on the piano.", "played", "“The Entertainer” on the piano", True),
        # the writer's so-called label
        (
            "He ignored the so-called “experts” on the panel.",
            "ignored",
            "the so-called “experts” on the panel",
            True,
        ),
        # a thing another cue names
        (
            "The mayor attacked what she called “a betrayal” of the town.",
            "attacked",
            "what she called “a betrayal” of the town",
            True,
        ),
        # who was told, when a clause says what
        ("Staff were told by managers that the depot would close.", "told", "Staff", True),
        # where it was said, when the parse hung the clause of what inside it
        (
            "The governor said in one of a series of posts that the road was shut.",
            "said",
            "one of a series of posts that the road was shut",
            True,
        ),
        # what stays for the scorer to weigh
        ("The bill was opposed by Republicans.", "opposed", "The bill", False),
        ("She agreed with the senator on the budget.", "agreed", "the senator on the budget", False),
        (
            "The mayor wrote “a letter of thanks” to the firemen.",
            "wrote",
            "a letter of thanks” to the firemen",
            False,
        ),
    ],
)
def test_what_is_plainly_not_said(nlp, text: str, verb: str, words: str, expected: bool) -> None:
    assert verdicts(nlp, text, verb)[words] is expected


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("She watched “The Godfather” with her so-called “friends” last night.", "watched"),
        ("They danced with their neighbours until dawn.", "danced"),
        ("He played “The Entertainer” with his students every winter.", "played"),
        ("Staff were told by managers that the depot would close in June.", "told"),
    ],
)
def test_no_quote_of_what_was_not_said(nlp, text: str, cue: str) -> None:
    quotes = quotes_of(nlp, text)
    wrong = [
        q.content.text for q in quotes if q.cue is not None and q.cue.text == cue and q.rule == "verb_frame"
    ]
    assert all("depot" in w for w in wrong), wrong  # "that the depot would close": what was told


def test_who_was_told_is_not_the_content(nlp) -> None:
    quotes = quotes_of(nlp, "Staff were told by managers that the depot would close in June.")
    assert [(q.content.text, q.speaker.text if q.speaker else None) for q in quotes] == [
        ("that the depot would close in June", "managers")
    ]
