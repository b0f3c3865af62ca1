"""One dateline parse for the whole analysis: the entities read its place, the events its place and day."""

from __future__ import annotations

import pytest

from reader.analysis.entities.lines import dateline_at, dateline_name, datelines, page_lines
from reader.analysis.events.parts import find_parts

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
