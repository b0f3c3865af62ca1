"""Speakers the parse hides or misplaces: a verb read as a noun, a subject read as part of a name,
a message carrier, whom a cue noun is about, an unnamed speaker after an inverted cue, who a thing
leaves thinking, a source phrase, a possessive. Every case is a sentence of our own, run through
the whole analysis."""

from __future__ import annotations

from typing import Any

import pytest
from quote_lookup import quote_with

from reader.analysis.pipeline import analyse


def speaker_mention(nlp: Any, text: str, words: str) -> str | None:
    """The speaker mention, as written, of the quote starting with `words` in `text` (None: no speaker)."""
    quote = quote_with(analyse(text, nlp), words, at_start=True)
    return None if quote.speaker is None else quote.speaker.text


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # "show" read as a noun with the files for its subject
        (
            "Audit records from the firm show that the accounts were opened twice.",
            "that the accounts were opened",
            "Audit records",
        ),
        # a headline's "rules" read as a plural noun, the court as a word of its name
        ("Court rules against council on parking fees", "council on parking fees", "Court"),
        # "cheer" read as a noun, "some" as its determiner
        ("Some cheer when the mayor speaks.", "when the mayor speaks", "Some"),
        # the verb tagged right but its subject hung on it as part of a name
        ("Federal court rules against the new voting map.", "the new voting map", "Federal court"),
    ],
)
def test_a_verb_read_as_a_noun_keeps_its_subject(nlp: Any, text: str, words: str, speaker: str) -> None:
    assert speaker_mention(nlp, text, words) == speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # a noun in a noun's place keeps its owner
        ("The senators' calls for calm went unheeded.", "calm", "The senators"),
        # a verb with its subject needs no repair
        ("Most residents fear the mill will close.", "the mill will close", "Most residents"),
    ],
)
def test_a_cue_read_right_keeps_its_speaker(nlp: Any, text: str, words: str, speaker: str) -> None:
    assert speaker_mention(nlp, text, words) == speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # a participle on something that carries words of its own tells what it says
        ("The station received calls saying the bridge had collapsed.", "the bridge had", "calls"),
        ("Last year Gutierrez gave money to a group backing the mayor.", "the mayor", "a group"),
        ("Harlow leads among those describing themselves as moderates.", "themselves as", "those"),
        # a document its publisher speaks through: the publisher's (see test_quote_speaker_carriers.py)
        ("The mayor issued a statement saying the bridge would reopen.", "the bridge would", "The mayor"),
    ],
)
def test_a_message_carrier_speaks_for_itself(nlp: Any, text: str, words: str, speaker: str) -> None:
    assert speaker_mention(nlp, text, words) == speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # "of X" after a cue noun is whom it is about: the clause's subject holds the view
        ("Rhonda Ortiz is a fervent supporter of Mayor Daniel Park.", "Mayor Daniel Park", "Rhonda Ortiz"),
        ("In her speech Harlow avoided direct criticism of Governor Reyes.", "Governor Reyes", "Harlow"),
        ("The new ad makes no mention of Senator Blake Morrow.", "Senator Blake Morrow", "The new ad"),
        ("Most farmers hold favorable opinions of Governor Reyes.", "Governor Reyes", "Most farmers"),
    ],
)
def test_whom_a_cue_noun_is_about_is_not_its_speaker(nlp: Any, text: str, words: str, speaker: str) -> None:
    assert speaker_mention(nlp, text, words) == speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # an unnamed speaker after an inverted cue
        ("“Better watch the mayor,” tweeted another.", "“Better watch", "another"),
        ("“We will win,” said one of the organisers.", "“We will win", "one of the organisers"),
    ],
)
def test_an_unnamed_speaker_after_an_inverted_cue(nlp: Any, text: str, words: str, speaker: str) -> None:
    assert speaker_mention(nlp, text, words) == speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # what a thing leaves someone feeling or wondering is theirs, not the thing's
        (
            "The floods left many farmers feeling that the council had failed them.",
            "that the council",
            "many farmers",
        ),
        (
            "The long delay left many parents wondering whether the school would open.",
            "whether the school",
            "many parents",
        ),
        ("The report made some officials question the figures.", "the figures", "some officials"),
    ],
)
def test_who_a_thing_leaves_thinking_speaks(nlp: Any, text: str, words: str, speaker: str) -> None:
    assert speaker_mention(nlp, text, words) == speaker


def test_according_to_a_document_keeps_the_document_as_speaker(nlp: Any) -> None:
    # a fronted source phrase names the speaker itself, whatever the clause after it is about
    text = "According to a complaint filed by the city, the company ignored “every single warning” for years."
    quotes = [q for q in analyse(text, nlp).quotes if q.rule == "according_to"]
    assert [q.speaker.text if q.speaker else None for q in quotes] == ["a complaint"]


def test_a_possessive_gives_way_to_the_subject_it_repeats(nlp: Any) -> None:
    # "her attacks" are those of the "she" the clause is about: the subject is the mention
    text = "Later that day, she escalated her attacks on the mayor's budget."
    assert speaker_mention(nlp, text, "the mayor's budget") == "she"


def test_a_dash_the_parse_took_for_the_subject_gives_way_to_the_noun(nlp: Any) -> None:
    text = (
        "The film ― which weaves together the voices of historians and activists ― explains the "
        "history of the prison system."
    )
    assert speaker_mention(nlp, text, "the history of") == "The film"


def test_a_possessive_the_parse_split_off_still_owns_the_claim(nlp: Any) -> None:
    # the parse takes the owner of "’s" for the subject of the noun; the claim is still theirs
    text = (
        "The tape shows that Ortiz was at home, contradicting Denver police’s earlier claim that Ortiz "
        "had refused to stop."
    )
    assert speaker_mention(nlp, text, "that Ortiz had refused") == "Denver police"
