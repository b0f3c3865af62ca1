"""One dateline parse for the whole analysis: the entities read its place, the events its place and day,
the quotes leave it out of what was said and of who said it."""

from __future__ import annotations

from typing import Any

import pytest
from quote_lookup import quote_with

from reader.analysis import lexicon
from reader.analysis.entities.lines import dateline_at, dateline_name, datelines, page_lines
from reader.analysis.events.parts import find_parts
from reader.analysis.events.timing import find_date
from reader.analysis.pipeline import analyse

_LEAD = " the council agreed on Monday to close the road for the whole of the summer."


def _cut(text: str, span: tuple[int, int] | None) -> str | None:
    return None if span is None else text[span[0] : span[1]]


@pytest.mark.parametrize(
    ("opening", "city", "region", "paren"),
    [
        ("ASHFORD, Kent —", "ASHFORD", "Kent", None),
        ("CALDER CITY, Ohio (June 12, 2025) —", "CALDER CITY", "Ohio", "(June 12, 2025)"),
        ("LONDON (Reuters) -", "LONDON", None, "(Reuters)"),
        ("MONTGOMERY, Ala. —", "MONTGOMERY", "Ala.", None),
        ("ABU DHABI, United Arab Emirates –", "ABU DHABI", "United Arab Emirates", None),
        ("ST. LOUIS --", "ST. LOUIS", None, None),
        ("NEWPORT NEWS, Va. -", "NEWPORT NEWS", "Va.", None),
        # A dash may touch the words after it, as some papers print it.
        ("WASHINGTON—", "WASHINGTON", None, None),
        ("BOSTON —", "BOSTON", None, None),
        # A hyphen touching a word joins words: no dateline.
        ("U.S.-backed forces said", None, None, None),
        ("SIEGEL--Jerome Arthur, 98, of Mamaroneck, said", None, None, None),
        # Labels and short words before a dash are no place.
        ("UPDATE —", None, None, None),
        ("OK —", None, None, None),
        ("Councillors in Ashford —", None, None, None),
    ],
)
def test_dateline_parts(opening: str, city: str | None, region: str | None, paren: str | None) -> None:
    text = opening + _LEAD
    found = dateline_at(text, 0, len(text))
    assert (found and _cut(text, found.city), found and _cut(text, found.region)) == (city, region)
    assert (found and _cut(text, found.paren)) == paren
    # The entities and the events read the same dateline from an article that opens with it.
    article = "Road to close for the summer\n\n" + text
    assert [article[s:e] for s, e in page_lines(article).cities] == ([city] if city else [])
    parts = find_parts(article)
    place = city if region is None else f"{city}, {region}"
    assert _cut(article, parts.dateline_place) == (place if city else None)


@pytest.mark.parametrize(
    ("opening", "city", "region", "date", "tag"),
    [
        ("NEW YORK, March 3 (Reuters) -", "NEW YORK", None, "March 3", "(Reuters)"),
        ("WASHINGTON, Dec. 4 (AP) —", "WASHINGTON", None, "Dec. 4", "(AP)"),
        ("LONDON, 5 December 2026 /PRNewswire/ --", "LONDON", None, "5 December 2026", "/PRNewswire/"),
        ("BERLIN, Sept. 30, 2025 (AP) —", "BERLIN", None, "Sept. 30, 2025", "(AP)"),
        ("GENEVA, 3 March (Reuters) -", "GENEVA", None, "3 March", "(Reuters)"),
        ("PARIS, Jan 12 (Reuters) -", "PARIS", None, "Jan 12", "(Reuters)"),
        ("CHICAGO, Ill., May 3 (AP) —", "CHICAGO", "Ill.", "May 3", "(AP)"),
        ("TOKYO, March 3 -", "TOKYO", None, "March 3", None),
        ("OSLO, MARCH 3 —", "OSLO", None, "MARCH 3", None),
        (
            "NEW YORK, March 3, 2026 /PRNewswire-USNewswire/ --",
            "NEW YORK",
            None,
            "March 3, 2026",
            "/PRNewswire-USNewswire/",
        ),
        ("BEIJING, March 3 (Xinhua) --", "BEIJING", None, "March 3", "(Xinhua)"),
        # the wire service's own form: its tag between two dashes that touch their words
        ("AUSTIN, Texas--(BUSINESS WIRE)--", "AUSTIN", "Texas", None, "(BUSINESS WIRE)"),
        # a number after a month that is not its day, a hyphen joining words: no dateline
        ("LONDON, March 3rd-placed Leeds -", None, None, None, None),
        ("LONDON, March 3, 2026-backed", None, None, None, None),
    ],
)
def test_datelines_with_a_date_and_an_agencys_tag(
    opening: str, city: str | None, region: str | None, date: str | None, tag: str | None
) -> None:
    text = opening + _LEAD
    found = dateline_at(text, 0, len(text))
    parts = (city, region, date, tag)
    assert (
        found
        and (
            _cut(text, found.city),
            _cut(text, found.region),
            _cut(text, found.date),
            _cut(text, found.paren),
        )
    ) == (parts if city else None)
    if found is not None:
        assert text[found.span[1] :].startswith("the council")
        # the events read the same place and day
        article = "Road to close for the summer\n\n" + text
        found_parts = find_parts(article)
        place = city if region is None else f"{city}, {region}"
        assert _cut(article, found_parts.dateline_place) == place
        assert date is None or date.endswith(_cut(article, found_parts.dateline_date) or "?")


def test_a_dated_datelines_year_makes_the_publication_day() -> None:
    text = "Solar farm opens\n\nLONDON, 5 December 2026 /PRNewswire/ --" + _LEAD
    parts = find_parts(text)
    assert parts.published is not None and parts.published.isoformat() == "2026-12-05"


@pytest.mark.parametrize("group", lexicon.groups("calendar", "months"))
def test_every_month_of_the_lexicon_is_read_in_dates_and_datelines(group: tuple[str, ...]) -> None:
    number = lexicon.groups("calendar", "months").index(group) + 1
    for name in group:
        for written in (name.title(), name.title() + ".", name.upper()):
            found = find_date(f"Filed {written} 9, 2024, by our reporter")
            assert found is not None and (found[0].month, found[0].day) == (number, 9), written
            line = f"BOSTON, {written} 9 (AP) —" + _LEAD
            found_line = dateline_at(line, 0, len(line))
            assert found_line is not None and _cut(line, found_line.date) == f"{written} 9"


def test_a_datelines_day_is_the_publication_day() -> None:
    text = "Mine reopens\n\nCALDER CITY, Ohio (June 12, 2025) —" + _LEAD
    parts = find_parts(text)
    assert _cut(text, parts.dateline_date) == "June 12, 2025"
    assert parts.published is not None and parts.published.isoformat() == "2025-06-12"


def test_every_line_opening_like_a_dateline() -> None:
    text = "WASHINGTON — The senator spoke.\n\nCONGRESS HAS ASKED — More.\n\nUPDATE — Later."
    assert [text[slice(*d.city)] for d in datelines(text)] == ["WASHINGTON", "CONGRESS HAS ASKED"]


@pytest.mark.parametrize(
    ("place", "shown"),
    [
        ("ASHFORD", "Ashford"),
        ("ST. LOUIS", "St. Louis"),
        ("LA PAZ", "La Paz"),
        ("PALMAR ALTO, Chile", "Palmar Alto, Chile"),
        ("WASHINGTON, D.C.", "Washington, D.C."),
        ("NAIROBI, KENYA", "Nairobi, Kenya"),
        ("O’NEILL", "O’Neill"),
        ("Kent", "Kent"),
    ],
)
def test_how_a_datelines_place_is_shown(place: str, shown: str) -> None:
    assert dateline_name(place) == shown


_WIRE = [
    (
        "LAGOS, Nigeria (Reuters) - Nigeria's central bank raised its rate on Tuesday, its governor said.",
        "Nigeria's central bank raised",
        "its governor",
    ),
    (
        "PARIS, Jan 12 (Reuters) - France will raise its defence budget, the prime minister said on Friday.",
        "France will raise",
        "the prime minister",
    ),
    (
        "TOKYO, March 3 - Japan's economy shrank in the last quarter, the government said on Monday.",
        "Japan's economy shrank",
        "the government",
    ),
    (
        "SAN FRANCISCO - State lawmakers said the budget would be balanced by June.",
        "the budget would be balanced",
        "State lawmakers",
    ),
    (
        "NEW YORK, March 3 (Reuters) - Wells Fargo said it would cut 2,000 jobs in its mortgage unit.",
        "it would cut 2,000 jobs",
        "Wells Fargo",
    ),
    (
        "LONDON, 5 December 2026 /PRNewswire/ -- Brightwater Energy announced it had opened a solar farm.",
        "it had opened a solar farm",
        "Brightwater Energy",
    ),
    (
        "BERLIN, Sept. 30, 2025 (AP) — German police said they had arrested three men after a raid.",
        "they had arrested three men",
        "German police",
    ),
    (
        "WASHINGTON, Dec. 4 (AP) — Senator Ana Ruiz told reporters the bill would pass before the recess.",
        "the bill would pass",
        "Ana Ruiz",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), _WIRE)
def test_no_quote_or_speaker_holds_the_dateline(nlp: Any, text: str, words: str, speaker: str) -> None:
    line = dateline_at(text, 0, len(text))
    assert line is not None
    analysis = analyse(text, nlp)
    quote = quote_with(analysis, words, at_start=True)
    assert quote.speaker is not None and quote.speaker.text == speaker
    for q in analysis.quotes:
        spans = [q.content, *q.segments, *([q.speaker] if q.speaker is not None else [])]
        assert all(span.start >= line.span[1] for span in spans), (q.content.text, q.speaker)


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        ("SAN FRANCISCO - Critics who say the plan is unfair have sued the city.", "the plan is", "Critics"),
        (
            "SAN FRANCISCO - Protesters carried signs saying the plan was unfair.",
            "the plan was",
            "Protesters",
        ),
        (
            "DENVER, Colo., May 2 (AP) — A city spokesman said the plan would go ahead. He said it was fair.",
            "it was fair",
            "A city spokesman",
        ),
    ],
)
def test_no_speakers_name_holds_the_dateline(nlp: Any, text: str, words: str, name: str) -> None:
    assert quote_with(analyse(text, nlp), words, at_start=True).speaker_name == name


@pytest.mark.parametrize(("text", "words", "speaker"), _WIRE)
def test_a_dated_datelines_place_is_a_place_and_nothing_more(
    nlp: Any, text: str, words: str, speaker: str
) -> None:
    line = dateline_at(text, 0, len(text))
    assert line is not None
    city = text[slice(*line.city)]
    analysis = analyse(text, nlp)
    place = next(p for p in analysis.places if p.name == dateline_name(city))
    assert [m.text for m in place.mentions] == [city]
    assert all(city not in a.name.upper() for a in analysis.actors)
    # every record's mention lies after the dateline or inside one of its parts ("Reuters" of its tag)
    parts = [p for p in (line.city, line.region, line.date, line.paren) if p is not None]
    for record in (*analysis.actors, *analysis.places):
        for m in record.mentions:
            assert m.start >= line.span[1] or any(s <= m.start and m.end <= e for s, e in parts), m
    for event in analysis.events:
        where = analysis.referent(event.where)
        shown = where.name if where is not None else event.where
        assert shown is None or not any(c in shown for c in "—-("), shown
