"""Speakers of clauses the parse hangs in the wrong place: a participle after a comma, a document
in a relative clause. Every case is a sentence of our own, run through the whole analysis."""

from __future__ import annotations

from typing import Any

import pytest
from quote_lookup import quote_with

from reader.analysis.pipeline import analyse


def speaker_mention(nlp: Any, text: str, words: str) -> str:
    """The speaker mention, as written, of the quote starting with `words` in `text`."""
    quote = quote_with(analyse(text, nlp), words, at_start=True)
    assert quote.speaker is not None
    return quote.speaker.text


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # a participle after a comma goes with the main clause, not the clause the parse hung it on
        (
            "Maria Lopez was adamant that the council keep the library open, telling reporters the "
            "budget could bear it.",
            "the budget could bear it",
            "Maria Lopez",
        ),
        (
            "On Friday, Tom Reed hedged on whether he would back the plan, telling the radio station "
            "his vote depended on the final text.",
            "his vote depended",
            "Tom Reed",
        ),
        # joined by "but" to the participle before it, not to the clause that participle reports
        (
            "Mr. Patel answered the question carefully, acknowledging that the mayor had a point but "
            "warning that the costs would rise.",
            "that the costs would rise",
            "Patel",
        ),
        # a thing does not speak: who it leaves saying so does
        (
            "The floods have left 40 percent of farmers saying they will sell their land.",
            "they will sell",
            "40 percent",
        ),
        # negatives: a speech verb keeps its own speaker; so does a participle on the main clause
        (
            "The plan will fail, Laura Chen added, saying the numbers do not work.",
            "the numbers do not work",
            "Laura Chen",
        ),
        (
            "Ana Ruiz praised the volunteers, saying the town owed them a great deal.",
            "the town owed them",
            "Ana Ruiz",
        ),
    ],
)
def test_a_participle_goes_with_the_clause_it_belongs_to(
    nlp: Any, text: str, words: str, speaker: str
) -> None:
    assert speaker_mention(nlp, text, words) == speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # a document someone recalls speaks for itself
        (
            "Kate Moss recalled Jared Lind's memoir, which described the flood that destroyed the mill.",
            "the flood that destroyed",
            "Jared Lind's memoir",
        ),
        # one someone put out is theirs
        (
            "Trump released a marketing video that said the wall would be built.",
            "the wall would be built",
            "Trump",
        ),
    ],
)
def test_what_a_document_says_is_its_publishers_only_when_they_put_it_out(
    nlp: Any, text: str, words: str, speaker: str
) -> None:
    assert quote_with(analyse(text, nlp), words, at_start=True).speaker_name == speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # a quote that goes on without a cue is whoever last took the floor
        (
            '"We cut costs," Tom Clarke said. His former partner, Lawrence Cummings, called him a master '
            'at deals. "He showed again and again an ability to close them."',
            '"He showed again',
            "Lawrence Cummings",
        ),
        (
            '"We will win," Tom Clarke said.\n\nMayor Ana Ruiz told reporters the race was far from over. '
            '"Nobody should count us out yet."',
            '"Nobody should count',
            "Mayor Ana Ruiz",
        ),
        # negatives: a sentence that reports nobody leaves the floor where it was; an attribution in
        # the previous quote's own sentence is part of that speaker's turn
        (
            '"We cut costs," Tom Clarke said. The plant closed in May. "It was the right call."',
            '"It was the right call',
            "Tom Clarke",
        ),
        (
            '"Who is the real crook here?" said Alan Murphy, adding that Nina Rubio had told him so. '
            '"He should explain himself."',
            '"He should explain',
            "Alan Murphy",
        ),
    ],
)
def test_a_quote_without_a_cue_goes_to_whoever_last_took_the_floor(
    nlp: Any, text: str, words: str, speaker: str
) -> None:
    assert speaker_mention(nlp, text, words) == speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # an "it" that stands for nobody gives way to the actor the clause is about
        (
            "It was a sharp exchange, as Senator Ruth Ames echoed the criticism, saying the mayor had "
            "misled the council.",
            "the mayor had misled",
            "Ruth Ames",
        ),
        (
            "It falls to the European Parliament to provide an opinion on the legality of the deal.",
            "the legality of the deal",
            "the European Parliament",
        ),
        (
            "It was at the conference that Pastor Dan Swanson delivered his sermon, pointing to a letter "
            "from the bishop.",
            "a letter from the bishop",
            "Dan Swanson",
        ),
        # negative: an organisation's "it" speaks
        (
            "The agency said it would appeal, and it told reporters the ruling was wrong.",
            "the ruling was wrong",
            "it",
        ),
    ],
)
def test_an_it_that_stands_for_nobody_is_not_the_speaker(
    nlp: Any, text: str, words: str, speaker: str
) -> None:
    assert speaker_mention(nlp, text, words) == speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # a participle the parse hung on the quoted words goes with the verb that reports them
        ('"Too much hate," she said, blaming some of it on the mayor.', "some of it", "she"),
        # negative: a participle on a noun outside any quote keeps its own reading (the words are
        # read on the signs, and are their carriers': see test_quote_speaker_carriers.py)
        (
            "Volunteers carried signs saying the library must stay open.",
            "the library must stay open",
            "signs",
        ),
    ],
)
def test_a_participle_after_a_quote_goes_with_its_reporter(
    nlp: Any, text: str, words: str, speaker: str
) -> None:
    assert speaker_mention(nlp, text, words) == speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # a gerund after "for" or "from" tells what the one the verb acts on did
        (
            "On Thursday, the panel held Pagliano in contempt of Congress for refusing to show up to "
            "a hearing.",
            "to show up",
            "Pagliano",
        ),
        (
            "The inspectors gave Lopez two warnings for claiming that the mill was safe.",
            "that the mill",
            "Lopez",
        ),
        (
            "Harlow stopped her aide from telling reporters that the deal was dead.",
            "that the deal",
            "her aide",
        ),
        ("The mayor thanked Ortiz for saying that the mill would stay open.", "that the mill", "Ortiz"),
        # with nobody acted on, the subject did it
        ("Ortiz was fined twice for saying that the judge had lied.", "that the judge", "Ortiz"),
    ],
)
def test_a_gerund_after_for_is_what_the_object_did(nlp: Any, text: str, words: str, speaker: str) -> None:
    assert speaker_mention(nlp, text, words) == speaker


def test_a_participle_after_someone_a_recording_shows_is_theirs(nlp: Any) -> None:
    # the parse hangs "asking" on "uses"; the footage shows Lopez asking
    text = (
        "The ad uses footage of Maria Lopez asking, “Why is the library still closed?”  The ad then "
        "shows the empty shelves."
    )
    assert speaker_mention(nlp, text, "“Why is the library") == "Maria Lopez"
