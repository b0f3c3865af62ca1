"""Attributions the cue rules find beyond a cue's own clause: a source phrase's content is the
clause it hangs on, a poll named after the clause ("... in the latest poll"), and a "that" clause
the parse hung on a phrase after the verb ("said in a statement that ...")."""

from __future__ import annotations

import pytest

from reader.analysis.model import Quote
from reader.analysis.quotes import extract_quotes, simple_actors


def quotes_of(nlp, text: str) -> list[Quote]:
    doc = nlp(text)
    return extract_quotes(doc, simple_actors(doc))


def with_rule(quotes: list[Quote], rule: str) -> list[Quote]:
    return [q for q in quotes if q.rule == rule]


@pytest.mark.parametrize(
    ("text", "content", "not_in", "source"),
    [
        # the side holding the clause the phrase hangs on, not the larger one
        (
            "The union has struck a provisional agreement with the mill owners, according to the labor"
            " department, taking a step toward ending a strike that had lasted weeks.",
            "The union has struck a provisional agreement with the mill owners",
            "taking a step",
            "the labor department",
        ),
        # joined clauses before the phrase are all vouched for, not the last one alone
        (
            "Trump received 37 percent, Clinton had 36 percent and Bloomberg snagged 13 percent,"
            " according to the poll.",
            "Trump received 37 percent, Clinton had 36 percent and Bloomberg snagged 13 percent",
            "according",
            "the poll",
        ),
        (
            "According to the governor, the roads will reopen on Monday after a week of repairs.",
            "the roads will reopen on Monday",
            "According",
            "the governor",
        ),
        # a concession the clause opens with is the writer's, not the source's
        (
            "Although the mayor campaigned hard, his rival leads by four points, according to the"
            " latest poll.",
            "his rival leads by four points",
            "Although",
            "the latest poll",
        ),
    ],
)
def test_source_phrase_content_is_its_host_clause(
    nlp, text: str, content: str, not_in: str, source: str
) -> None:
    found = with_rule(quotes_of(nlp, text), "source_phrase")
    assert len(found) == 1, [q.content.text for q in found]
    q = found[0]
    assert content in q.content.text and not_in not in q.content.text
    assert q.speaker is not None and q.speaker.text == source


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        # a poll named after the clause it measures
        (
            "Senator Alvarez leads the governor by nine points in the latest Marist poll.",
            "leads the governor",
            "poll",
        ),
        ("Most voters back the tax plan in a new Gallup survey.", "Most voters back the tax plan", "survey"),
        (
            "Ms. Kerr trails her rival by two points in the average of state polls.",
            "trails her rival",
            "average",
        ),
        # still at the head of the sentence
        (
            "In a Gallup poll released Monday, 40 percent chose the mayor.",
            "40 percent chose the mayor",
            "poll",
        ),
        (
            "Despite early predictions that the mayor would win, she did not gain ground in one of the"
            " first polls.",
            "she did not gain ground",
            "one of the first polls",
        ),
    ],
)
def test_poll_after_its_clause_is_evidence(nlp, text: str, content: str, source: str) -> None:
    found = with_rule(quotes_of(nlp, text), "evidence_in")
    assert len(found) == 1, [q.content.text for q in quotes_of(nlp, text)]
    q = found[0]
    assert content in q.content.text and " in " + source.split()[-1] not in q.content.text
    assert not q.content.text.startswith("Despite")
    assert q.act == "evidence"  # never speech: a poll's numbers are nobody's words
    assert q.speaker is not None and q.speaker.text.endswith(source)


@pytest.mark.parametrize(
    "text",
    [
        # no poll, or a clause that is not one of its own
        "Senator Alvarez leads the governor by nine points in the state capital.",
        "Voters who took part in the latest poll were chosen at random.",
        "The firm that ran the survey was paid in the spring.",
        "The mayor's lead in the latest poll surprised her staff.",
    ],
)
def test_in_without_a_poll_clause_is_not_evidence(nlp, text: str) -> None:
    assert with_rule(quotes_of(nlp, text), "evidence_in") == []


@pytest.mark.parametrize(
    ("text", "content", "speaker", "act"),
    [
        (
            "Representative Ana Lopez said in a statement that the announcements were important first steps.",
            "that the announcements were important first steps",
            "Ana Lopez",
            "speech",
        ),
        (
            "Marc Dubois said on the radio, where he is now a paid host, that the minister should resign.",
            "that the minister should resign",
            "Marc Dubois",
            "speech",
        ),
        (
            "The mayor said in one of a series of tweets that the bridge was closed.",
            "that the bridge was closed",
            "mayor",
            "speech",
        ),
        # who is told is not who tells
        (
            "Ms. Stone ran outside, yelling to the officers that her husband was unarmed.",
            "that her husband was unarmed",
            "Stone",
            "speech",
        ),
    ],
)
def test_that_clause_after_a_phrase_is_the_verbs(
    nlp, text: str, content: str, speaker: str, act: str
) -> None:
    quotes = quotes_of(nlp, text)
    found = [q for q in quotes if q.content.text.startswith(content)]
    assert found, [q.content.text for q in quotes]
    q = found[0]
    assert q.act == act
    assert q.speaker is not None and q.speaker.text.endswith(speaker.split()[-1])


@pytest.mark.parametrize(
    "text",
    [
        # a relative clause about the phrase's noun is not what anyone said
        "He lives in a house that he built with his brother.",
        "She spoke at a rally that drew thousands of people.",
        "The minister worked on a plan that would cut taxes for families.",
    ],
)
def test_relative_clause_after_a_phrase_is_not_content(nlp, text: str) -> None:
    assert quotes_of(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "content", "speaker", "act"),
    [
        # a relative clause that leaves out the cue's object: the noun it describes is the content
        ("These are the reforms the mayor promised.", "the reforms", "mayor", "speech"),
        ("It is the kind of contest the governor had envisioned.", "the kind of contest", "governor", None),
        # a participle with its agent: the noun it describes, said or judged by the agent
        (
            "It is a practice criticized by Democrats and Republicans alike.",
            "a practice",
            "Democrats",
            "speech",
        ),
        (
            "The campaign, first reported by The Washington Post, is a key element of the plan.",
            "The campaign",
            "Post",
            "speech",
        ),
        ("The tax, opposed by most of the council, passed on Tuesday.", "The tax", "council", "belief"),
    ],
)
def test_noun_a_cue_describes_is_its_content(
    nlp, text: str, content: str, speaker: str, act: str | None
) -> None:
    quotes = quotes_of(nlp, text)
    found = [q for q in quotes if q.content.text == content]
    assert found, [q.content.text for q in quotes]
    q = found[0]
    assert q.speaker is not None and q.speaker.text.endswith(speaker)
    if act is not None:
        assert q.act == act
    assert act != "speech" or q.act == "speech"


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        # when or how, not what
        ("She still recalls the day she testified.", "the day"),
        ("That is the way he said it.", "the way"),
        # the noun is the relative clause's subject, not its object
        ("He wrote about the raid that killed the commander.", "the raid"),
        # no agent: a name, not an attribution
        ("She founded a charity called Open Doors.", "a charity"),
        # a verb that attributes nothing
        ("He bought the house she built.", "the house"),
    ],
)
def test_noun_a_cue_describes_negatives(nlp, text: str, noun: str) -> None:
    quotes = quotes_of(nlp, text)
    assert not [q for q in quotes if q.content.text == noun], [(q.content.text, q.rule) for q in quotes]


BODY = "\n\nThe race tightened this week as both campaigns spent heavily on television in the state.\n"


@pytest.mark.parametrize(
    ("title", "content", "source", "rule", "act"),
    [
        # a poll or report named by the label: its finding is evidence, never speech
        (
            "Poll: Alvarez leads Kerr by four points in Ohio.",
            "Alvarez leads Kerr",
            "Poll",
            "headline_source",
            "evidence",
        ),
        (
            "New report: The agency ignored warnings for years.",
            "The agency ignored",
            "New report",
            "headline_source",
            "evidence",
        ),
        # a surname the entity recogniser missed, at the head of the article
        (
            "Ryan: Anti-Semitic images have no place in a presidential campaign.",
            "Anti-Semitic images",
            "Ryan",
            "headline_colon",
            "speech",
        ),
        # a name the entity recogniser knows, as before
        (
            "John Alvarez: The tax plan will hurt families.",
            "The tax plan will hurt",
            "John Alvarez",
            "headline_colon",
            "speech",
        ),
    ],
)
def test_headline_label_names_its_source(
    nlp, title: str, content: str, source: str, rule: str, act: str
) -> None:
    quotes = quotes_of(nlp, title + BODY)
    found = [q for q in quotes if q.rule == rule]
    assert len(found) == 1, [(q.content.text, q.rule) for q in quotes]
    q = found[0]
    assert q.content.text.startswith(content)
    assert q.speaker is not None and q.speaker.text == source
    assert q.act == act


@pytest.mark.parametrize(
    "text",
    [
        # web labels and kickers
        "Breaking: Alvarez leads Kerr by four points in Ohio." + BODY,
        "BOMBSHELL: Alvarez leads Kerr by four points in Ohio." + BODY,
        "The Latest: Alvarez leads Kerr by four points in Ohio." + BODY,
        # a topic, not a source
        "Election night: Alvarez leads Kerr by four points in Ohio." + BODY,
        # too short to be a claim
        "Poll: Alvarez ahead." + BODY,
    ],
)
def test_headline_label_that_names_no_source(nlp, text: str) -> None:
    quotes = quotes_of(nlp, text)
    assert not [q for q in quotes if q.rule.startswith("headline")], [
        (q.content.text, q.rule) for q in quotes
    ]


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        # a surname the tagger reads as a common noun, named in the story
        (
            "Sanders: Clinton email story has moved.\n\nSenator Bernie Sanders spoke in Iowa on Monday.\n",
            "Clinton email story has moved.",
            "Sanders",
        ),
        (
            "De Blasio: Trust the police chief on security.\n\nMayor Bill de Blasio answered critics.\n",
            "Trust the police chief on security.",
            "De Blasio",
        ),
        # a noun for people
        (
            "Historians: The two presidents are linked no matter what." + BODY,
            "The two presidents",
            "Historians",
        ),
    ],
)
def test_headline_label_names_someone_in_the_story(nlp, text: str, content: str, source: str) -> None:
    found = [q for q in quotes_of(nlp, text) if q.rule == "headline_colon"]
    assert len(found) == 1
    assert found[0].content.text.startswith(content)
    assert found[0].speaker is not None and found[0].speaker.text == source


@pytest.mark.parametrize(
    "text",
    [
        "Revealed: What the videos contain makes the claim even worse." + BODY,
        "Wow: The senator just said something unexpected about the race." + BODY,
    ],
)
def test_headline_teaser_label_names_no_one(nlp, text: str) -> None:
    assert not [q for q in quotes_of(nlp, text) if q.rule.startswith("headline")]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The economy is strong and will grow next year, Smith told reporters on Monday.",
            "The economy is strong and will grow next year",
            "Smith",
        ),
        ("The plan will fail, he told the Associated Press.", "The plan will fail", "he"),
        (
            "Officials had known about the leak for weeks, a spokesman told CNN.",
            "Officials had known about the leak for weeks",
            "a spokesman",
        ),
        ("The bridge is safe, the mayor assured residents.", "The bridge is safe", "the mayor"),
    ],
)
def test_clause_before_a_verb_of_telling_is_what_was_said(nlp, text: str, content: str, speaker: str) -> None:
    """Whom the words went to ("told reporters") is no content: the clause before the verb is."""
    found = quotes_of(nlp, text)
    quotes = [q for q in found if q.content.text == content]
    assert quotes, [q.content.text for q in found]
    assert quotes[0].speaker is not None and quotes[0].speaker.text == speaker
    assert quotes[0].act == "speech"
