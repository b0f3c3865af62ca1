"""Events: who did what to whom, when and where, and the main event first.

The first half runs the real model on sentences written for each rule; the second checks the main
event of every bundled sample, written down by hand from reading the article.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from reader.analysis.credits import credit_spans
from reader.analysis.events import REPORTING_VERBS, is_time_point
from reader.analysis.events.parts import find_parts
from reader.analysis.events.timing import find_date, resolve_relative
from reader.analysis.model import Analysis, Event
from reader.analysis.pipeline import analyse
from reader.sources import load_article

SAMPLES = Path(__file__).resolve().parent.parent / "sample_articles"
SEED = SAMPLES / "iran-missile-strikes.txt"


@pytest.fixture(scope="module")
def seed(nlp: Any) -> Analysis:
    article = load_article(str(SEED))
    return analyse(article.text, nlp, body_end=article.body_end)


def find(analysis: Analysis, trigger: str) -> Event:
    matches = [e for e in analysis.events if e.trigger.text == trigger]
    assert matches, [e.trigger.text for e in analysis.events]
    return matches[0]


def rank_of(analysis: Analysis, trigger: str) -> int:
    return find(analysis, trigger).rank


def name(analysis: Analysis, referent_id: str | None) -> str | None:
    record = analysis.referent(referent_id)
    return record.name if record is not None else referent_id


# --- The seed -------------------------------------------------------------------------------------


def test_the_seed_main_event_is_the_missile_strike(seed: Analysis) -> None:
    main = seed.events[0]
    assert main.rank == 1 and main.trigger.text == "launched"
    assert main.actor == "iran"
    assert main.what is not None and main.what.startswith("launched over a dozen ballistic missiles")
    assert main.object is not None and "on two Iraqi military bases" in main.object
    assert main.when == "Tuesday night"
    assert name(seed, main.where) in {"Iraq", "Erbil", "al-Asad air base"}
    assert main.sentence.text.startswith("Iran on Tuesday night launched")
    assert seed.text[main.sentence.start : main.sentence.end] == main.sentence.text
    assert not main.background


def test_the_seed_background_is_below_the_news(seed: Analysis) -> None:
    returned = find(seed, "returned")  # "U.S. forces returned to Iraq in 2014"
    assert returned.when == "2014" and returned.background
    assert returned.rank > seed.events[0].rank
    offered = find(seed, "had seemingly offered")  # past perfect
    assert offered.background


def test_reporting_verbs_are_not_events(seed: Analysis) -> None:
    words = {e.trigger.text.split()[-1].lower() for e in seed.events if e.kind == "action"}
    assert not words & {"said", "say", "wrote", "tweeted", "told", "writing"}
    assert {"say", "tweet", "write", "announce", "confirm"} <= REPORTING_VERBS


def test_copulas_are_not_events(seed: Analysis) -> None:
    assert not [e for e in seed.events if e.trigger.text.lower() in {"is", "was", "were", "has", "had"}]


def test_named_event_entity(seed: Analysis) -> None:
    war = find(seed, "the Iraq War")
    assert war.kind == "named" and war.background


def test_actor_through_a_relative_clause(seed: Analysis) -> None:
    # "... the ISIS, which had taken over large parts of the country, massacred thousands of Iraqis"
    massacre = find(seed, "massacred")
    assert massacre.actor == "islamic-state"
    assert massacre.object == "thousands of Iraqis"


def test_control_verb_joins_its_complement(seed: Analysis) -> None:
    downplay = find(seed, "sought to downplay")
    assert downplay.actor == "trump"
    assert downplay.when == "Tuesday evening"


def test_events_come_in_rank_order(seed: Analysis) -> None:
    assert [e.rank for e in seed.events] == list(range(1, len(seed.events) + 1))
    flags = [e.background for e in seed.events]
    assert flags == sorted(flags)  # the news first, its background below
    for part in (False, True):
        scores = [e.salience for e in seed.events if e.background is part]
        assert scores == sorted(scores, reverse=True)
    assert all(0.0 <= e.salience <= 1.0 for e in seed.events)


def test_every_event_span_slices_the_text(seed: Analysis) -> None:
    for event in seed.events:
        for span in (event.trigger, event.sentence, *event.mentions):
            assert seed.text[span.start : span.end] == span.text
        assert event.trigger in event.mentions
        assert event.actor is None or seed.referent(event.actor) is not None


def test_json_keeps_rank_and_mentions(seed: Analysis) -> None:
    data = seed.to_dict()
    assert [e["rank"] for e in data["events"]] == list(range(1, len(seed.events) + 1))
    assert all(e["mentions"] for e in data["events"])
    again = Analysis.from_dict(data)
    assert again.events == seed.events


# --- Slots on sentences written for each rule ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "trigger", "actor", "when", "where"),
    [
        ("Germany won the World Cup in 2014.", "won", "Germany", "2014", None),
        (
            "Russian troops shelled the port of Odesa on Monday morning, Ukrainian officials said.",
            "shelled",
            "Russian troops",  # a nationality is not who did it: the troops are
            "Monday morning",
            None,
        ),
        (
            "President Joe Biden met Prime Minister Rishi Sunak in London on Friday. "
            "Biden later flew to Berlin.",
            "flew",
            "Joe Biden",
            None,
            "Berlin",
        ),
        (
            "President Joe Biden met Prime Minister Rishi Sunak in London on Friday.",
            "met",
            "Joe Biden",
            "Friday",
            "London",
        ),
        # The `by` agent of a passive is who did it.
        (
            "The bridge was destroyed by Russian forces near Kherson on Monday.",
            "was destroyed",
            "Russian forces",
            "Monday",
            None,
        ),
        # Coordinated verbs share their subject.
        (
            "Interpol arrested two men and seized weapons in Lyon on Friday.",
            "seized",
            "Interpol",
            "Friday",
            "Lyon",
        ),
    ],
)
def test_own_sentences(
    nlp: Any, text: str, trigger: str, actor: str, when: str | None, where: str | None
) -> None:
    analysis = analyse(text, nlp)
    event = find(analysis, trigger)
    assert (name(analysis, event.actor) or event.agent) == actor
    assert event.when == when
    if where is not None:
        assert name(analysis, event.where) == where


@pytest.mark.parametrize(
    ("text", "trigger", "what", "agent"),
    [
        # A passive reads patient first, never "are sold The only bars".
        (
            "The only bars in town are sold at the market.",
            "are sold",
            "the only bars are sold at the market",
            None,
        ),
        (
            "The bridge was destroyed by Russian forces on Monday.",
            "was destroyed",
            "the bridge was destroyed",
            "Russian forces",
        ),
        (
            "Iran launched over a dozen ballistic missiles on two Iraqi military bases.",
            "launched",
            "launched over a dozen ballistic missiles on two Iraqi military bases",
            None,
        ),
        # A `by` phrase naming a thing says how, not who: it stays in what happened.
        (
            "The extension will be funded by a £290 million grant.",
            "will be funded",
            "the extension will be funded by a £290 million grant",
            None,
        ),
        ("The town was hit by a storm on Tuesday.", "was hit", "the town was hit by a storm", None),
        (
            "Dolores Vance was surrounded by neighbours.",
            "was surrounded",
            "Dolores Vance was surrounded",
            "neighbours",
        ),
        # Who did it is kept as text when no actor record names them.
        ("Eleven people died when the levee gave way.", "died", "died", "Eleven people"),
        ("The hearing turned tense on Wednesday.", "turned", "turned tense", "the hearing"),
        (
            "Post Office Ltd confirmed on Monday that the branch would shut.",
            "confirmed",
            "confirmed the branch would shut",
            None,
        ),
        ("The rebels set off a bomb in the market.", "set off", "set off a bomb", "the rebels"),
        ("Dockers at Felixstowe walked out on Tuesday.", "walked out", "walked out", "Dockers"),
        (
            "The men, who were trapped underground, were rescued on Sunday.",
            "were trapped",
            "the men were trapped",  # a relative pronoun stands for its noun
            None,
        ),
    ],
)
def test_what_is_a_readable_phrase(nlp: Any, text: str, trigger: str, what: str, agent: str | None) -> None:
    event = find(analyse(text, nlp), trigger)
    assert event.what == what
    assert event.agent == agent


def test_he_resolves_to_the_last_person(nlp: Any) -> None:
    analysis = analyse("Prime Minister Rishi Sunak visited the factory. He opened a new wing on Monday.", nlp)
    opened = find(analysis, "opened")
    assert name(analysis, opened.actor) == "Rishi Sunak"
    assert opened.object == "a new wing"


# --- Ranking: the main event first ----------------------------------------------------------------

TRAM_CRASH = """Tram crashes into bus in Leeds city centre

A tram crashed into a double-decker bus in Leeds city centre on Monday morning, injuring twelve people.

"I heard a massive crash and ran outside," said Ann Walker, who works in a nearby cafe.

West Yorkshire Police closed Boar Lane for six hours while investigators examined the scene.
"""

WHITE_HOUSE = """Trump meets Obama at the White House as handover begins

President-elect Donald Trump met President Barack Obama at the White House on Thursday for their
first talks on the handover of power.

Michelle Obama sought to play down their differences when she welcomed Melania Trump to the residence.
"""


@pytest.mark.parametrize(
    ("text", "first", "lower"),
    [
        # A bystander's words are a quote, not the news.
        (TRAM_CRASH, "crashed", "heard"),
        # The headline's event ranks above a side story of the same people.
        (WHITE_HOUSE, "met", "sought to play down"),
        # Past perfect and an earlier year are background.
        (
            "Rebels had seized the town of Kuma in 2019. On Monday the army retook the town.",
            "retook",
            "had seized",
        ),
        # Modals and conditions did not happen.
        (
            "The government could raise taxes next year. The government raised fuel prices on Monday.",
            "raised",
            "could raise",
        ),
        (
            "If the talks fail, the union will strike. Dockers blocked the port of Felixstowe on Monday.",
            "blocked",
            "will strike",
        ),
        # What did not happen is not the news.
        (
            "The ferry did not sail on Monday. The council closed the harbour on Monday.",
            "closed",
            "did not sail",
        ),
        # Claims inside a quote belong to the speaker.
        (
            '"We will destroy every bridge," the general said. '
            "Soldiers blew up a bridge near Kherson on Friday.",
            "blew up",
            "will destroy",
        ),
        # Saying is ranked below doing.
        (
            "The minister announced a review. Police arrested three men in Leeds on Friday.",
            "arrested",
            "announced",
        ),
    ],
)
def test_the_main_event_ranks_first(nlp: Any, text: str, first: str, lower: str) -> None:
    analysis = analyse(text, nlp)
    assert analysis.events[0].trigger.text == first, [e.trigger.text for e in analysis.events]
    assert rank_of(analysis, first) < rank_of(analysis, lower)


def test_background_flags(nlp: Any) -> None:
    analysis = analyse(
        "Rebels had seized the town in 2019. The ferry did not sail on Monday. "
        "The government could raise taxes. The army retook the town on Monday.",
        nlp,
    )
    assert find(analysis, "had seized").background
    assert find(analysis, "did not sail").background
    assert find(analysis, "could raise").background
    assert not find(analysis, "retook").background


def test_mentions_of_one_event_merge(nlp: Any) -> None:
    text = (
        "Leeds council approves tram extension to Eastfield\n\n"
        "Leeds City Council approved a £410 million tram extension to Eastfield on Wednesday.\n\n"
        "Traders on Eastgate Road fear years of disruption.\n\n"
        "The council approved the extension after a seven-hour debate."
    )
    analysis = analyse(text, nlp)
    approvals = [e for e in analysis.events if "approve" in e.trigger.text]
    assert len(approvals) == 1
    main = approvals[0]
    assert main.rank == 1 and len(main.mentions) == 3
    assert (
        main.trigger.text == "approved" and main.when == "Wednesday"
    )  # the lead's telling, not the headline's


# --- When and where as a reader fills them -------------------------------------------------------


def test_relative_day_resolved_against_the_publication_date(nlp: Any) -> None:
    text = "Protesters blocked the main bridge in Calder City on Tuesday."
    published = analyse(text, nlp, published="2025-06-12")  # a Thursday
    assert published.events[0].when == "Tuesday" and published.events[0].date == "2025-06-10"
    assert analyse(text, nlp).events[0].date is None  # no publication date, no calendar day


def test_when_and_where_from_the_dateline(nlp: Any) -> None:
    text = (
        "Levee inquiry opens\n\n"
        "CALDER CITY, Ohio (June 12, 2025) — Residents confronted city officials at the first hearing "
        "of the levee inquiry, which heard evidence for six hours.\n"
    )
    analysis = analyse(text, nlp)
    main = analysis.events[0]
    assert main.trigger.text == "confronted"
    assert main.when == "June 12, 2025" and main.date == "2025-06-12"
    assert name(analysis, main.where) in {"Calder City", "Calder City, Ohio"}


def test_the_dateline_is_no_subject_and_no_date(nlp: Any) -> None:
    text = (
        "Flood barrier fails in Calder City\n\n"
        "CALDER CITY, Ohio (June 12, 2025) — A flood barrier failed on Wednesday, forcing the evacuation "
        "of 400 homes.\n"
    )
    analysis = analyse(text, nlp)
    main = analysis.events[0]
    assert main.trigger.text == "failed" and main.actor is None
    assert main.what == "failed" and main.agent == "a flood barrier"
    assert len(main.mentions) == 2  # the headline's "fails"
    assert main.when == "Wednesday" and main.date == "2025-06-11"  # the Wednesday before June 12


@pytest.mark.parametrize(
    ("text", "background"),
    [
        # A fact told first, its source after: the article's own report.
        ("The army retook Kuma on Monday, officials said.", False),
        # A source first, then what it says: the speaker's claim.
        ("The general said that the army retook Kuma on Monday.", True),
        ('"The army retook Kuma on Monday," the general said.', True),
    ],
)
def test_what_a_quote_claims_is_background(nlp: Any, text: str, background: bool) -> None:
    assert find(analyse(text, nlp), "retook").background is background


def test_when_from_the_lead(nlp: Any) -> None:
    text = (
        "Dockers walk out at Felixstowe\n\n"
        "Dockers at Felixstowe walked out on Monday over pay, halting the port.\n\n"
        "The union has balloted its members at Tilbury."
    )
    analysis = analyse(text, nlp)
    walked = [e for e in analysis.events if e.trigger.text.startswith("walk")]
    assert len(walked) == 1 and walked[0].rank == 1
    assert walked[0].when == "Monday" and len(walked[0].mentions) == 2


@pytest.mark.parametrize(
    ("text", "trigger", "where"),
    [
        # A verb that happens where its object is: the object is the place.
        (
            "On Sunday evening the first sleeper service in twenty years left Zurich Hauptbahnhof "
            "for Amsterdam.",
            "left",
            "Zurich Hauptbahnhof",
        ),
        ("Fiona Baird visited Inchmorra in early November.", "visited", "Inchmorra"),
        ("A storm hit Florida on Tuesday, killing three people.", "hit", "Florida"),
        # Any other verb's object is what it was done to, not where.
        ("China criticised Japan on Monday.", "criticised", None),
    ],
)
def test_where_from_a_place_object(nlp: Any, text: str, trigger: str, where: str | None) -> None:
    analysis = analyse(text, nlp)
    assert name(analysis, find(analysis, trigger).where) == where


@pytest.mark.parametrize("paragraphs", [0, 8])
def test_when_from_the_paragraph_after_the_lead(nlp: Any, paragraphs: int) -> None:
    """A lead without a day takes the day of the paragraph right after it, however long the article."""
    background = "\n\n".join(
        f"In {2010 + i}, a report on the old line found the buses slow and the roads full, and the plan "
        "was shelved again for lack of money."
        for i in range(paragraphs)
    )
    text = (
        "Council approves tram line to Eastfield\n\n"
        "Harbourside City Council has approved a tram extension to Eastfield, ending more than a decade "
        "of argument over the line.\n\n"
        "After a debate that lasted seven hours on Wednesday, councillors voted 38 to 21 for the scheme.\n\n"
        f"{background}\n"
    )
    main = analyse(text, nlp, published="2025-03-21").events[0]
    assert main.trigger.text in ("approves", "has approved")
    assert (main.when, main.date) == ("Wednesday", "2025-03-19")


# --- Credits and bylines --------------------------------------------------------------------------

CREDITS = """Marchers fill London streets

Thousands of people marched through central London on Saturday to demand a ceasefire.

Getty Images

Lewis Hamilton celebrates his win at Interlagos Getty Images

Police kept the crowds away from Downing Street. (Photo: Jane Doe/Reuters)

Follow Ann Lee on Twitter @annlee.
"""


def test_credits_are_never_actors_places_or_events(nlp: Any) -> None:
    analysis = analyse(CREDITS, nlp)
    names = {r.name for r in (*analysis.actors, *analysis.places)}
    assert not {n for n in names if "Getty" in n or "Reuters" in n or "Jane Doe" in n or "Ann Lee" in n}
    assert "London" in names
    assert "Interlagos" in {r.name for r in analysis.places} | {r.name for r in analysis.actors}
    assert not [e for e in analysis.events if e.trigger.text.lower() == "follow"]
    assert analysis.events[0].trigger.text == "marched"
    assert not [e.text for e in analysis.entities if "Getty" in e.text]


# --- Pure helpers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tuesday night", True),
        ("last week", True),
        ("2014", True),
        ("two days ago", True),
        ("20 March 2025", True),
        ("fifteen years", False),
        ("more than a decade", False),
        ("every month", False),
        ("almost seven hours", False),
        ("52", False),
        ("thirty-four years old", False),
        ("78-year-old", False),
        ("1887", True),
    ],
)
def test_when_is_a_point_in_time(text: str, expected: bool) -> None:
    assert is_time_point(text) is expected


def test_durations_are_not_when(nlp: Any) -> None:
    analysis = analyse("Yusuf Kaya has run a barber's shop in Leeds for fifteen years.", nlp)
    assert find(analysis, "has run").when is None


@pytest.mark.parametrize(
    ("when", "published", "future", "expected"),
    [
        ("Tuesday", dt.date(2025, 6, 12), False, dt.date(2025, 6, 10)),
        ("Tuesday night", dt.date(2025, 6, 12), False, dt.date(2025, 6, 10)),
        ("on Thursday", dt.date(2025, 6, 12), False, dt.date(2025, 6, 12)),
        ("Thursday", dt.date(2025, 6, 12), True, dt.date(2025, 6, 19)),
        ("Saturday", dt.date(2025, 6, 12), True, dt.date(2025, 6, 14)),
        ("yesterday", dt.date(2025, 6, 12), False, dt.date(2025, 6, 11)),
        ("June 3, 2024", None, False, dt.date(2024, 6, 3)),
        ("Tuesday", None, False, None),
        ("last month", dt.date(2025, 6, 12), False, None),
    ],
)
def test_relative_days(when: str, published: dt.date | None, future: bool, expected: dt.date | None) -> None:
    assert resolve_relative(when, published, future) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CALDER CITY, Ohio (June 12, 2025) — text", dt.date(2025, 6, 12)),
        ("Tuesday 4 February 2025", dt.date(2025, 2, 4)),
        ("2025-03-19T18:42:00+00:00", dt.date(2025, 3, 19)),
        ("By Lena Hoffmann · Zurich · 7 November 2024", dt.date(2024, 11, 7)),
        ("February 30, 2025", None),
        ("no date here", None),
    ],
)
def test_dates_in_text(text: str, expected: dt.date | None) -> None:
    found = find_date(text)
    assert (found[0] if found else None) == expected


def test_article_parts() -> None:
    text = (
        "Trapped miners describe five days underground\n\n"
        "By Daniel Ortega\nOctober 3, 2024\n\n"
        "PALMAR ALTO, Chile — Three of the men spoke publicly for the first time on Thursday, "
        "describing the dark.\n\n"
        "More text follows here."
    )
    parts = find_parts(text)
    assert parts.headline is not None and text[slice(*parts.headline)].startswith("Trapped miners")
    assert parts.lead is not None and text[slice(*parts.lead)].startswith("PALMAR ALTO")
    assert parts.dateline_place is not None and text[slice(*parts.dateline_place)] == "PALMAR ALTO, Chile"
    assert parts.published == dt.date(2024, 10, 3)
    assert find_parts(text, dt.date(2024, 10, 4)).published == dt.date(2024, 10, 4)
    assert find_parts("").headline is None


# --- The main event of every sample ---------------------------------------------------------------

#: (file, trigger, who (actor's name, else agent text), what starts with, when, where): read off each
#: article by hand.
SAMPLE_MAIN_EVENTS = [
    (
        "iran-missile-strikes.txt",
        "launched",
        "Iran",
        "launched over a dozen ballistic missiles",
        "Tuesday night",
        "Iraq",
    ),
    (
        "flood-inquiry-many-voices.txt",
        "turned",
        "the first public hearing of the independent inquiry",
        "turned tense",
        "Wednesday",
        "Calder City",  # the dateline's place is a record of its own
    ),
    # A long read opens on a scene: its first event is the lede's.
    ("inchmorra-long-read.txt", "walked down", "Morag Sinclair", "walked down", "the morning", "Port Ardal"),
    (
        "interview-chief-scientist-transcript.txt",
        "published",
        "the agency",
        "published its first long-range assessment of erosion",
        "Monday",
        None,
    ),
    # The miners describe their days underground: the lead says so ("describing the darkness"), the
    # shift supervisor's account right after it tells it with a name.
    (
        "mine-rescue-multi-paragraph-quotes.txt",
        "describing",
        "three of the men",
        "describing the darkness",
        "Thursday",
        "Palmar Alto",
    ),
    (
        "night-trains-return-markdown.md",
        "left",
        "the first sleeper service",
        "left Zurich Hauptbahnhof",
        "Sunday evening",
        "Zurich Hauptbahnhof",
    ),
    (
        "tram-extension-saved-page.html",
        "has approved",
        "Harbourside City Council",
        "has approved a £410 million extension of the tram network to Eastfield",
        "Wednesday",  # the day of the debate in the paragraph after the lead
        None,
    ),
    (
        "village-post-office-british-style.txt",
        "vowed to fight",
        "Residents of Little Ashby",
        "vowed to fight plans",
        "4 February 2025",
        None,
    ),
]


@pytest.mark.parametrize(("path", "trigger", "who", "what", "when", "where"), SAMPLE_MAIN_EVENTS)
def test_sample_main_event(
    nlp: Any, path: str, trigger: str, who: str | None, what: str, when: str | None, where: str | None
) -> None:
    article = load_article(str(SAMPLES / path))
    analysis = analyse(article.text, nlp, body_end=article.body_end, published=article.date)
    main = analysis.events[0]
    assert main.trigger.text == trigger, [(e.rank, e.trigger.text) for e in analysis.events[:5]]
    assert (name(analysis, main.actor) or main.agent) == who
    assert main.what is not None and main.what.startswith(what)
    assert main.when == when
    if where is not None:
        assert name(analysis, main.where) == where
    assert not main.background


def test_every_sample_is_covered() -> None:
    assert {row[0] for row in SAMPLE_MAIN_EVENTS} == {p.name for p in SAMPLES.iterdir() if p.is_file()}


@pytest.mark.parametrize(
    ("text", "credits"),
    [
        ("Hamilton celebrates at Interlagos Getty Images", ["Getty Images"]),
        ("Marchers in London. (Photo: Jane Doe/Reuters)", ["(Photo: Jane Doe/Reuters)"]),
        ("Follow Ann Lee on Twitter @annlee.", ["Follow Ann Lee on Twitter @annlee."]),
        ("Trump speaks (AP Photo/Evan Vucci) today", ["AP Photo/Evan Vucci"]),
        ("REUTERS/Kevin Lamarque", ["REUTERS/Kevin Lamarque"]),
        ("Mark Wilson/Getty Images", ["Mark Wilson/Getty Images"]),
        ("Photograph: Alamy Stock Photo\nThe story", ["Photograph: Alamy Stock Photo"]),
        # An agency as the source of a story stays a name.
        ("Reuters reported that AP had the figures first.", []),
        ("The city/state split and/or more.", []),
    ],
)
def test_credit_spans(text: str, credits: list[str]) -> None:
    assert [text[s:e] for s, e in credit_spans(text)] == credits
