"""A participle written straight after a noun that carries words ("a sign saying ...", "a statement
defending ...", "others defending ...") is a clause on that noun: the noun is where the words are
read, and whoever holds or put out a document stays who says them. After a comma, or on a talk
someone gives, the participle goes with the sentence's speaker; what a talk or document someone owns
or gave says ("his campaign theme of questioning ...", "according to a speech Clinton delivered")
is its owner's. Every case is a sentence of our own, run through the whole analysis."""

from __future__ import annotations

from typing import Any

import pytest
from quote_lookup import quote_with

from reader.analysis.pipeline import analyse


def mention_and_name(nlp: Any, text: str, words: str) -> tuple[str | None, str | None]:
    """The speaker mention, as written, and the name a reader sees, of the quote opening with `words`."""
    quote = quote_with(analyse(text, nlp), words, at_start=True)
    return (None if quote.speaker is None else quote.speaker.text), quote.speaker_name


@pytest.mark.parametrize(
    ("text", "words", "mention", "name"),
    [
        # a sign held up, a statement read out: the words are read in it, they are its holder's
        (
            "Maria Lopez held up a sign saying the mill must stay open.",
            "the mill must stay open",
            "a sign",
            "Maria Lopez",
        ),
        (
            "In a statement explaining the delay, the agency blamed the weather.",
            "the delay",
            "a statement",
            "the agency",
        ),
        (
            "Volunteers carried signs saying the library must stay open.",
            "the library must stay open",
            "signs",
            "Volunteers",
        ),
        # a run of messages is its sender's as much as one message is
        ("Trump unleashed a series of tweets criticizing Machado on Friday.", "Machado", "tweets", "Trump"),
    ],
)
def test_a_document_is_read_as_its_senders_words(
    nlp: Any, text: str, words: str, mention: str, name: str
) -> None:
    assert mention_and_name(nlp, text, words) == (mention, name)


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # people named by a pronoun, and a poll nobody in the sentence put out, speak for themselves
        (
            "Like others defending the new law, Ortiz said the courts had gone too far.",
            "the new law",
            "others",
        ),
        (
            "Gutierrez spoke in the wake of a new poll showing the mayor ahead by ten points.",
            "the mayor",
            "a new poll",
        ),
    ],
)
def test_a_noun_a_participle_follows_speaks_itself(nlp: Any, text: str, words: str, speaker: str) -> None:
    assert mention_and_name(nlp, text, words) == (speaker, speaker)


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # a talk someone gives is theirs
        ("Clinton attacked the plan during a speech praising the workers.", "the workers", "Clinton"),
        # a document put out by the subject of the verb: the verb's speaker, as before
        ("The mayor issued a statement saying the bridge would reopen.", "the bridge would", "The mayor"),
        # after a comma the participle is the sentence's, not the noun's
        ("Harlow read the letter aloud, saying it proved her case.", "it proved her case", "Harlow"),
    ],
)
def test_a_participle_that_is_not_the_nouns_keeps_the_speaker(
    nlp: Any, text: str, words: str, speaker: str
) -> None:
    assert mention_and_name(nlp, text, words)[0] == speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # a talk or document with its owner named is the owner's
        ("Harlow will answer Clinton’s Tuesday speech denouncing his budget.", "his budget", "Clinton"),
        # unless the owner is the clause's own subject, named by a pronoun
        ("Later he spent much of his own speech praising the candidate.", "the candidate", "he"),
    ],
)
def test_an_owned_talk_is_its_owners(nlp: Any, text: str, words: str, speaker: str) -> None:
    assert mention_and_name(nlp, text, words)[0] == speaker


@pytest.mark.parametrize(
    ("text", "words", "mention", "name"),
    [
        # "according to" a talk or document someone gave: read in it, and theirs
        (
            "The tax would curb activist investors, according to a speech Mrs. Clinton delivered at New "
            "York University in July.",
            "The tax would",
            "a speech",
            "Clinton",
        ),
        # a gerund after "of" on a noun someone owns is what the owner does
        (
            "Trump has won over working-class voters through his campaign theme of questioning trade deals.",
            "trade deals",
            "his",
            "his",
        ),
    ],
)
def test_what_an_owned_source_says_is_the_owners(
    nlp: Any, text: str, words: str, mention: str, name: str
) -> None:
    assert mention_and_name(nlp, text, words) == (mention, name)


def test_a_participle_on_whom_a_message_went_to_is_the_senders(nlp: Any) -> None:
    # the parse hangs "opposing" on the addressees; the letter opposes, and it is its senders'
    text = "They sent a letter on Thursday to Senate leaders opposing reauthorization of the program."
    assert mention_and_name(nlp, text, "reauthorization")[0] == "They"
