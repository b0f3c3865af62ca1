"""Actors and places as a reader would list them on news the small model mistypes: datelines, bylines,
lines in capitals, nationality adjectives, titles, companies, roads, platforms, cases and acronyms."""

from __future__ import annotations

from typing import Any

import pytest

from reader.analysis.entities.lines import page_lines
from reader.analysis.pipeline import analyse


def records(nlp: Any, text: str) -> tuple[dict[str, str], dict[str, str], dict[str, list[str]]]:
    """Actors by name -> kind, places by name -> kind, and each record's mention texts."""
    analysis = analyse(text, nlp)
    actors = {r.name: r.kind for r in analysis.actors}
    places = {r.name: r.kind for r in analysis.places}
    mentions = {r.name: [m.text for m in r.mentions] for r in (*analysis.actors, *analysis.places)}
    return actors, places, mentions


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("ASHFORD, Kent — Councillors have approved plans for 400 homes on Monday.", "Ashford"),
        ("NAIROBI, Kenya (Reuters) — Kenya and Ethiopia signed an agreement on Thursday.", "Nairobi"),
        ("PORTLAND, Maine — The ferry resumed on Monday after a shutdown.", "Portland"),
        ("LONDON — Shares in the engineering group fell on Tuesday.", "London"),
    ],
)
def test_a_datelines_place_is_a_place_that_does_not_act(nlp: Any, text: str, place: str) -> None:
    actors, places, _ = records(nlp, text)
    assert places.get(place) == "place", places
    assert place not in actors and place.upper() not in actors
    assert not [name for name in (*actors, *places) if "—" in name]


def test_a_datelines_state_abbreviation_is_the_state(nlp: Any) -> None:
    text = "MONTGOMERY, Ala. — A federal judge blocked the map. Alabama will appeal, the governor said."
    _, places, mentions = records(nlp, text)
    assert "Ala." in mentions["Alabama"]
    assert "Ala." not in places


def test_two_states_keep_their_own_abbreviations(nlp: Any) -> None:
    text = (
        "FAIRVIEW, W.Va. — The coal was piled high in southern West Virginia. West Virginia officials "
        "agreed. They moved to Virginia, and opened a restaurant in Roanoke, Va., last year. Back in "
        "Virginia, Clarke said, he decided to act."
    )
    _, places, mentions = records(nlp, text)
    assert "W.Va." in mentions["West Virginia"] and "Va." not in mentions["West Virginia"]
    assert "Va." in mentions["Virginia"]
    assert places["West Virginia"] == places["Virginia"] == "place"


@pytest.mark.parametrize(
    "text",
    [
        "UPDATE — The council met on Monday to discuss the plans.",
        "The NHS — which is funded by taxes — said it would act.",
        "Most of them said the plan was a mistake, OK — but nobody left.",
    ],
)
def test_what_is_not_a_dateline(text: str) -> None:
    assert page_lines(text).cities == ()


def test_only_the_openings_dateline_is_one(nlp: Any) -> None:
    text = (
        "WASHINGTON — The senator spoke on Tuesday.\n\n"
        "CONGRESS HAS INVESTIGATED HIM — His advice earned him the attention of Congress last year.\n\n"
        "NEWPORT NEWS — A subheading of the same form."
    )
    assert [text[s:e] for s, e in page_lines(text).cities] == ["WASHINGTON"]
    actors, places, _ = records(nlp, text)
    assert actors.get("Congress") == "organisation", (actors, places)
    assert "Congress" not in places and "Newport News" not in places


@pytest.mark.parametrize(
    ("text", "label", "person"),
    [
        ("CHAMPIONSHIP\n\nDaniel Farke said his side had shown character.", "CHAMPIONSHIP", "Daniel Farke"),
        ("WORLD NEWS\n\nWilliam Ruto signed the deal in Nairobi.", "WORLD NEWS", "William Ruto"),
    ],
)
def test_a_line_in_capitals_names_no_actor(nlp: Any, text: str, label: str, person: str) -> None:
    actors, places, _ = records(nlp, text)
    assert not [name for name in (*actors, *places) if name.isupper() and len(name) > 4]
    assert actors.get(person) == "person"


@pytest.mark.parametrize(
    ("text", "writer"),
    [
        ("Judge blocks map\n\nBy Marcus Delaney\n\nA judge ruled on Friday.", "Marcus Delaney"),
        ("Frogs\n\nBy Dr. Laura Chen, Science Correspondent\n\nA frog was found.", "Laura Chen"),
    ],
)
def test_a_bylines_name_is_a_person(nlp: Any, text: str, writer: str) -> None:
    actors, _, _ = records(nlp, text)
    assert actors.get(writer) == "person", actors


def test_by_and_a_day_is_no_byline() -> None:
    assert page_lines("By Friday the council had agreed.\nBy then, Mill Road was shut.").bylines == ()


@pytest.mark.parametrize(
    ("text", "adjective", "group"),
    [
        (
            "Kenyan President William Ruto spoke. Kenyans living near the lake said stocks fell.",
            "Kenyan",
            "Kenyans",
        ),
        ("The Peruvian government said it would act. The Peruvians were pleased.", "Peruvian", "Peruvians"),
        ("Iranian officials said they would respond. The Iranians fired missiles.", "Iranian", "Iranians"),
    ],
)
def test_a_nationality_adjective_is_no_group_mention(nlp: Any, text: str, adjective: str, group: str) -> None:
    actors, _, mentions = records(nlp, text)
    assert adjective not in actors
    assert actors.get(group) == "group", actors
    assert adjective not in mentions[group]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        (
            "The frog was named after the broadcaster Sir David Attenborough. "
            "Attenborough said he was honoured.",
            "David Attenborough",
        ),
        ("Mrs Dunn said she would write to her MP, Damian Green.", "Damian Green"),
        ("Evan Milligan, a voter from Montgomery, said he was grateful.", "Evan Milligan"),
    ],
)
def test_a_title_or_a_person_noun_makes_a_person(nlp: Any, text: str, person: str) -> None:
    actors, _, mentions = records(nlp, text)
    assert actors.get(person) == "person", actors
    surname = person.split()[-1]
    if text.count(surname) > 1:
        assert surname in mentions[person]


@pytest.mark.parametrize(
    ("text", "company", "forms"),
    [
        ("Ben & Jerry's donated ice cream to the school on Friday.", "Ben & Jerry", ["Ben & Jerry's"]),
        ("Hargreaves & Lyle said profits would fall.", "Hargreaves & Lyle", ["Hargreaves & Lyle"]),
        ("Casco Bay Lines said the 7 a.m. sailing would run as normal.", "Casco Bay Lines", []),
        (
            "The developer, Barratt Homes, said it would pay. Barratt said work would start in spring.",
            "Barratt Homes",
            ["Barratt Homes", "Barratt"],
        ),
    ],
)
def test_a_company_named_like_people_is_an_organisation(
    nlp: Any, text: str, company: str, forms: list[str]
) -> None:
    actors, _, mentions = records(nlp, text)
    assert actors.get(company) == "organisation", actors
    for form in forms:
        assert any(form.startswith(m) for m in mentions[company]), mentions[company]
    assert not [name for name, kind in actors.items() if kind == "person"]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Marshall said he would take the case to the Supreme Court.", "Supreme Court", "organisation"),
        ("The shop on Mill Road closed on Monday.", "Mill Road", "facility"),
        ("Junction improvements on the A28 would be funded by the developer.", "A28", "facility"),
        ("Evan Milligan, a voter from Montgomery, said he was grateful.", "Montgomery", "place"),
        ("Ruto said the agreement would bring peace to the Turkana basin.", "Turkana", "region"),
    ],
)
def test_the_context_gives_the_kind(nlp: Any, text: str, name: str, kind: str) -> None:
    actors, places, _ = records(nlp, text)
    assert {**places, **actors}.get(name) == kind, (actors, places)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Former President Donald Trump criticised the ruling on Truth Social.", "Truth Social"),
        ("The case, Allen v. Milligan, was brought by a voter.", "Allen v. Milligan"),
        ("Brexit hurt the fishing fleet, and Medicare costs rose.", "Brexit"),
        ("She borrowed the money with a loan from Barclays.", "Barclays"),
        ("Officers have historically been too aggressive toward black residents.  A6.", "A6"),
    ],
)
def test_no_actor_or_place_where_there_is_none(nlp: Any, text: str, name: str) -> None:
    actors, places, _ = records(nlp, text)
    assert name not in places
    if name != "Barclays":
        assert name not in actors


def test_a_name_the_model_cut_keeps_its_organisation_word(nlp: Any) -> None:
    for text in (
        "The work was funded by the National Science Foundation (NSF) and the Darwin Initiative.",
        "Grants came from the Darwin Initiative, which Quispe praised.",
    ):
        actors, _, _ = records(nlp, text)
        assert actors.get("Darwin Initiative") == "organisation", actors
        assert "Darwin" not in actors


@pytest.mark.parametrize(
    ("text", "name", "acronym"),
    [
        (
            'The Campaign to Protect Rural England (CPRE) said the decision was "a disgrace". '
            "CPRE will appeal.",
            "Campaign to Protect Rural England",
            "CPRE",
        ),
    ],
)
def test_a_name_spelled_out_before_its_acronym_is_one_organisation(
    nlp: Any, text: str, name: str, acronym: str
) -> None:
    actors, _, mentions = records(nlp, text)
    assert actors.get(name) == "organisation", actors
    assert acronym in mentions[name]
    assert acronym not in actors


@pytest.mark.parametrize(
    "text",
    [
        "Viewers watched the programme on Channel Four (BBC) on Monday.",
        "The ruling (ECHR) was read out.",
    ],
)
def test_initials_that_do_not_spell_the_acronym_make_no_name(nlp: Any, text: str) -> None:
    actors, places, _ = records(nlp, text)
    assert not [name for name in (*actors, *places) if " " in name and name.split()[0] in ("Viewers", "The")]


def test_an_island_the_context_calls_a_place_outvotes_the_models_organisation(nlp: Any) -> None:
    text = (
        "INCHMORRA, Scotland — The ferry did not come.\n\n"
        "The island that said no: how Inchmorra took on an energy giant. Nothing stood between "
        "Inchmorra and a slow emptying. Inchmorra lies eleven miles off the coast. The minister visited "
        "Inchmorra in November. Every child on Inchmorra learns to swim. What Inchmorra showed is that "
        "ownership matters."
    )
    actors, places, _ = records(nlp, text)
    assert places.get("Inchmorra") == "place", places


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            "The Royal Society for the Protection of Birds, which had objected, said it was pleased.",
            "Royal Society for the Protection of Birds",
            "organisation",
        ),
        ("The baby was born in the maternity unit at Fort William in 2019.", "Fort William", "place"),
        (
            "Leeds visit Preston on Tuesday, and Bristol Rovers host Leeds United.",
            "Leeds United",
            "organisation",
        ),
    ],
)
def test_a_name_the_model_split_or_mistyped_is_whole_and_right(
    nlp: Any, text: str, name: str, kind: str
) -> None:
    actors, places, _ = records(nlp, text)
    assert {**places, **actors}.get(name) == kind, (actors, places)
    assert "Protection of Birds" not in actors


def test_two_organisations_side_by_side_stay_two(nlp: Any) -> None:
    actors, _, _ = records(nlp, "She worked at Google for the Bank of England before joining Barclays.")
    assert not [name for name in actors if " for " in name], actors
