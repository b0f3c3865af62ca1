"""Replies and the shapes around them: a one-word answer is what was said ("said yes", a quoted
"Probably." ending its paragraph), the "if" clause of a question is what was asked, a clause's own
cue names the speaker of the quote it holds, quotes joined by the writer's words are one mixed
quote, and what a speaker says of their own mind stays listed beside what they said."""

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
    ("text", "content", "speaker"),
    [
        (
            'Asked whether he would fire the writer, Priebus said, "Probably."\n\nThe party met.',
            '"Probably."',
            "Priebus",
        ),
        ('She shook her head and said, "No."\n\nAides said little.', '"No."', "She"),
    ],
)
def test_a_short_answer_ending_its_paragraph_is_a_quote(nlp, text: str, content: str, speaker: str) -> None:
    found = [q for q in quotes_of(nlp, text) if q.kind == "direct"]
    assert [q.content.text for q in found] == [content]
    assert found[0].speaker is not None and found[0].speaker.text == speaker


def test_a_clause_names_the_speaker_of_the_quote_it_holds(nlp) -> None:
    # the quote would otherwise carry on with the spokeswoman, who spoke a paragraph before
    text = (
        '"We will win," the spokeswoman said.\n\nAs Ms. Simonyan put it in a statement, RT is "providing'
        " a perspective you won't get from the mainstream press.\""
    )
    found = [q for q in quotes_of(nlp, text) if q.content.text.startswith('"providing')]
    assert len(found) == 1
    assert found[0].speaker is not None and found[0].speaker.text == "Simonyan"


def test_what_a_speaker_says_of_their_own_mind_is_listed_too(nlp) -> None:
    found = cued_by(quotes_of(nlp, "Senator Elizabeth Warren said she is proud of the bill."), "proud")
    assert [q.content.text for q in found] == ["the bill"]


def test_a_weak_claim_about_someone_else_stays_inside_the_speakers_words(nlp) -> None:
    assert cued_by(quotes_of(nlp, "Bernie Sanders said the mayor is proud of the city."), "proud") == []


@pytest.mark.parametrize(
    "text",
    [
        'The report says little, and the front page of Tuesday\'s paper read "Chaos at the border".\n',
        'The crowd cheered when the sign read "Welcome home, Dad".\n',
    ],
)
def test_words_a_thing_shows_are_no_ones_speech(nlp, text: str) -> None:
    found = [q for q in quotes_of(nlp, text) if q.kind == "direct"]
    assert found and all(q.act == "evidence" for q in found), [(q.content.text, q.act) for q in found]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("Asked if the plan was legal, 46 percent of voters said yes.", "yes", "46 percent"),
        ("Everyone but Hewlett said yes.", "yes", "Everyone"),
        ("Asked if he was ever bullied, the candidate said no.", "no", "the candidate"),
        ("He said so himself.", "so", "He"),
    ],
)
def test_a_one_word_answer_is_what_was_said(nlp, text: str, content: str, speaker: str) -> None:
    found = [q for q in cued_by(quotes_of(nlp, text), "said") if q.content.text == content]
    assert len(found) == 1, [q.content.text for q in quotes_of(nlp, text)]
    assert found[0].speaker is not None and found[0].speaker.text == speaker


def test_a_word_that_opens_a_phrase_is_no_answer(nlp) -> None:
    assert [q.content.text for q in quotes_of(nlp, "She said no one would come.")] == ["no one would come"]


def test_quotes_joined_by_the_writers_words_are_one_mixed_quote(nlp) -> None:
    text = 'Murray said he is "looking forward to it" because "these are matches you play for."'
    found = cued_by(quotes_of(nlp, text), "said")
    assert [(q.kind, q.content.text) for q in found] == [
        ("mixed", 'he is "looking forward to it" because "these are matches you play for."')
    ]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Asked if he was ever bullied, the candidate said no.", "Asked", "if he was ever bullied"),
        ("He wondered if the deal would hold.", "wondered", "if the deal would hold"),
    ],
)
def test_the_if_clause_of_a_question_is_what_was_asked(nlp, text: str, cue: str, content: str) -> None:
    assert [q.content.text for q in cued_by(quotes_of(nlp, text), cue)] == [content]


def test_an_if_clause_after_another_verb_is_a_condition(nlp) -> None:
    found = cued_by(quotes_of(nlp, "The mayor will resign if the council rejects the budget."), "resign")
    assert found == []


def test_a_quoted_headline_after_a_surname_is_that_persons(nlp) -> None:
    text = "Trump: 'We are going to win so much.'\n\nDonald Trump was magnanimous on Tuesday night.\n"
    found = [q for q in quotes_of(nlp, text) if q.kind == "direct"]
    assert [q.content.text for q in found] == ["'We are going to win so much.'"]
    assert found[0].speaker is not None and found[0].speaker.text == "Trump"


def test_a_headline_claim_holds_the_quote_inside_it(nlp) -> None:
    text = (
        "Bill Clinton: Hillary 'Better Qualified to Be President Than I Was When I Ran.'\n\n"
        "Bill Clinton spoke in Ohio on Tuesday.\n"
    )
    found = [q for q in quotes_of(nlp, text) if q.content.start < 80]
    assert [(q.rule, q.content.text) for q in found] == [
        ("headline_colon", "Hillary 'Better Qualified to Be President Than I Was When I Ran.'")
    ]
    assert found[0].speaker is not None and found[0].speaker.text == "Bill Clinton"
