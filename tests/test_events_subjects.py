"""Who did it, as a reader would accept it: rules on sentences written for each phenomenon.

Each row is a construction where the parse alone gives a wrong or empty subject: a document said
to contain something is not the person holding it; a nationality is not the troops; "whose mother"
is somebody's mother; inside a quote "I" is its speaker; an editor's note is no event.
"""

from __future__ import annotations

from typing import Any

import pytest

from reader.analysis.events.notes import note_spans
from reader.analysis.model import Analysis, Event
from reader.analysis.pipeline import analyse


def find(analysis: Analysis, trigger: str) -> Event:
    matches = [e for e in analysis.events if e.trigger.text == trigger]
    assert matches, [e.trigger.text for e in analysis.events]
    return matches[0]


def who(analysis: Analysis, event: Event) -> str | None:
    record = analysis.referent(event.actor)
    return record.name if record is not None else event.agent


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # A clause of saying between a noun and its verb: the noun did it, not the one who said so.
        ("Vance held up a binder she said contained copies of fourteen letters.", "contained", "a binder"),
        ("Police arrested a man they say stole three cars in Leeds.", "stole", "a man"),
        ("Witnesses described a van that officials believe carried the bomb.", "carried", "a van"),
        # A name set off by commas before a verb the parser left without a subject.
        (
            "The council said the library would close after its manager, Ann Lee, announced her retirement.",
            "announced",
            "Ann Lee",
        ),
        # A nationality is an adjective: the troops, officials or leaders did it.
        ("Iranian leaders take to Twitter to speak to the world.", "take", "Iranian leaders"),
        ("Iranian officials met the envoy in Geneva on Monday.", "met", "Iranian officials"),
        ("Chinese diplomats left the talks in Geneva on Friday.", "left", "Chinese diplomats"),
        # ... but a country's forces stand for the country.
        ("U.S. forces returned to Iraq in 2014.", "returned", "United States"),
        # "whose X": the X of the one the clause is about.
        ("The mayor thanked Ann Lee, whose son drowned in the flood.", "drowned", "Ann Lee’s son"),
        (
            "Taking responsibility would mean somebody losing their job, said Marcus Bell, whose mother "
            "drowned in her basement.",
            "drowned",
            "Marcus Bell’s mother",
        ),
        # Inside a direct quote, "I" is its speaker.
        ('"I made a promise to my wife," said Luis Carrasco, a driller.', "made", "Luis Carrasco"),
        ('"We counted the hours, and I prayed," said Rosa Diaz.', "prayed", "Rosa Diaz"),
        # "he" and "she" stand for the last person named whose name does not say the other gender.
        (
            "Marcus Bell said his mother, Loretta Bell, had called him at night. He stopped to drink.",
            "stopped",
            "Marcus Bell",
        ),
        ("Mary Jones met John Smith in Leeds. She left the meeting early.", "left", "Mary Jones"),
        ("Mary Jones met John Smith in Leeds. He left the meeting early.", "left", "John Smith"),
        # A given name either gender bears says nothing: the last person named.
        ("Mary Jones met Jordan Lee in Leeds. She left the meeting early.", "left", "Jordan Lee"),
        # The one a passive is said of does what its "to ..." complement says.
        (
            "Susan Hargreave, a hydrologist who was commissioned by the inquiry to review the records, "
            "spoke on Monday.",
            "review",
            "Susan Hargreave",
        ),
        ("The envoy was sent to negotiate a truce in Geneva.", "negotiate", "the envoy"),
        # The subject of the main clause is still shared where it should be.
        ("Interpol arrested two men and seized weapons in Lyon on Friday.", "seized", "Interpol"),
        (
            "The council approved the bridge on Wednesday, ending a decade of argument.",
            "ending",
            "the council",
        ),
    ],
)
def test_who_did_it(nlp: Any, text: str, trigger: str, expected: str) -> None:
    analysis = analyse(text, nlp)
    assert who(analysis, find(analysis, trigger)) == expected


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # "we" in a quote is a group the speaker belongs to: not the speaker alone.
        ('"We counted the hours," said Rosa Diaz.', "counted"),
        # "I" outside any quote is the writer, who is nobody's actor here.
        ("I visited the island last autumn and met the ferry crew.", "visited"),
    ],
)
def test_no_one_rather_than_the_wrong_one(nlp: Any, text: str, trigger: str) -> None:
    analysis = analyse(text, nlp)
    assert who(analysis, find(analysis, trigger)) is None


@pytest.mark.parametrize(
    ("text", "notes"),
    [
        (
            "Council votes.\nThis article was amended on 20 March 2025 to correct the number of stops.\n",
            ["This article was amended on 20 March 2025 to correct the number of stops."],
        ),
        (
            "This interview has been edited for length and clarity.",
            ["This interview has been edited for length and clarity."],
        ),
        (
            "Correction: An earlier version of this story misstated the date. The council voted.",
            ["Correction: An earlier version of this story misstated the date."],
        ),
        ("*This story has been updated with comment.*", ["*This story has been updated with comment.*"]),
        (
            "She spoke to us in Norwich. The interview has been edited for length.",
            [" The interview has been edited for length."],
        ),
        # Not notes: the article's own subject, a report in the news.
        ("This article is about trains, which updated nothing.", []),
        ("This report found the levee was changed in 2019.", []),
        ("The council said this plan was amended twice.", []),
        ("The report was amended after the inquiry.", []),
    ],
)
def test_editors_notes(text: str, notes: list[str]) -> None:
    assert [text[a:b] for a, b in note_spans(text)] == notes


def test_an_editors_note_is_no_event(nlp: Any) -> None:
    text = (
        "The council approved the tram extension on Wednesday.\n\n"
        "This article was amended on 20 March 2025 to correct the number of stops on the new line.\n"
    )
    analysis = analyse(text, nlp)
    assert [e.trigger.text for e in analysis.events] == ["approved"]


def test_two_doers_of_one_verb_stay_two_events(nlp: Any) -> None:
    """ "Dockers walked out" and "the manager walked through the yard" share a verb and a word, not a doer."""
    text = (
        "Dockers walk out over pay\n\n"
        "FELIXSTOWE, England — Hundreds of dockers at the port walked out on Tuesday in a dispute over "
        "pay, halting most of the container traffic into Britain.\n\n"
        "Port manager Sarah Blake walked through the yard with union leaders later in the day. Blake "
        "said the talks would go on. Blake has run the port since 2019.\n"
    )
    analysis = analyse(text, nlp)
    main = analysis.events[0]
    assert (main.trigger.text, who(analysis, main), main.when) == (
        "walked out",
        "Hundreds of dockers",
        "Tuesday",
    )
    assert who(analysis, find(analysis, "walked")) == "Sarah Blake"


def test_two_doers_named_by_text_stay_two_events(nlp: Any) -> None:
    """ "had been owned by a family trust" and "the island trust would own a stake": two owners."""
    text = (
        "The estate had been owned since 1967 by a family trust based in London. Under the deal, the "
        "island trust would own a fifteen per cent stake in the project."
    )
    owned = [e for e in analyse(text, nlp).events if "own" in e.trigger.text]
    assert len(owned) == 2, [(e.trigger.text, e.agent, e.what) for e in owned]
    assert {e.what for e in owned} == {
        "the estate had been owned by a family trust",
        "would own a fifteen per cent stake",
    }
