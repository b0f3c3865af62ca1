"""Actors a reader would list where the small model errs: clubs and companies told by the words
around their names, species' Latin names, a common noun opening a sentence, given names that are not
one name, and a university beside its town. Every sentence is written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from reader.analysis.entities.names import is_binomial
from reader.analysis.entities.words import NICKNAMES
from reader.analysis.pipeline import analyse


def records(nlp: Any, text: str) -> tuple[dict[str, str], dict[str, list[str]]]:
    """Actors and places by name -> kind, and each record's mention texts."""
    analysis = analyse(text, nlp)
    found = (*analysis.actors, *analysis.places)
    return {r.name: r.kind for r in found}, {r.name: [m.text for m in r.mentions] for r in found}


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        # a club's or company's last word, on a name the model left untagged
        ("Bristol City beat Leeds United 2-1 on Saturday.", "Leeds United"),
        ("The deal was agreed with Harland Group on Friday.", "Harland Group"),
        # a town's name ending in City, Town or County, in a sentence about sport
        ("Bristol City beat Leeds United 2-1 on Saturday.", "Bristol City"),
        ("Manchester City said the striker would miss the match.", "Manchester City"),
        ("Kesteven Town were relegated after losing at home.", "Kesteven Town"),
        # an organisation noun before the name, in apposition, or taking it up in the next sentence
        ("The bank Barclays said it would cut 300 jobs.", "Barclays"),
        ("Barclays, the lender, said it would cut 300 jobs.", "Barclays"),
        (
            "Barclays cut 300 jobs on Monday. The bank said branches would close. Shares in Barclays fell.",
            "Barclays",
        ),
        # a firm known by a person's name, with no other word for what it is
        ("Morgan Stanley said the warning was worse than feared.", "Morgan Stanley"),
        ("Charles Schwab reported weaker results. It said client assets had fallen.", "Charles Schwab"),
        # where people work
        ("Analysts at Berenberg Hale said the shares were cheap.", "Berenberg Hale"),
    ],
)
def test_clubs_and_companies_by_the_words_around_them(nlp: Any, text: str, organisation: str) -> None:
    kinds, _ = records(nlp, text)
    assert kinds.get(organisation) == "organisation", kinds


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a town's name outside sport stays a place
        ("Manchester City Council approved the plan. Tourists love Mexico City.", "Mexico City"),
        # nor does a headline in title case make its words a company
        ("Council Approves New Homes Plan For Harbour Group Site\n\nThe plan was approved.", "Harbour Group"),
        # a common noun opening a sentence, taken up by "the company", is no company
        ("Sales fell sharply in March. The company said demand would recover. Sales were lower.", "Sales"),
        ("Lending fell. The bank said rates would rise. Its lending grew.", "Lending"),
        # a person who shares a firm's name, when the text says so
        ("John Lewis, a retired teacher from Leeds, said he would vote for the plan.", "John Lewis"),
    ],
)
def test_what_is_no_club_or_company(nlp: Any, text: str, name: str) -> None:
    kinds, _ = records(nlp, text)
    assert kinds.get(name) != "organisation", kinds


@pytest.mark.parametrize(
    ("text", "species"),
    [
        ("The lion, Panthera leo, is listed as vulnerable. Panthera leo numbers have halved.", "Panthera"),
        ("The brown bear (Ursus arctos) was seen near the village.", "Ursus"),
    ],
)
def test_a_species_latin_name_is_no_person(nlp: Any, text: str, species: str) -> None:
    kinds, _ = records(nlp, text)
    assert not [name for name in kinds if name.startswith(species)], kinds


@pytest.mark.parametrize(
    ("name", "binomial"),
    [
        ("Panthera leo", True),
        ("Homo sapiens", True),
        ("Ludwig van", False),  # a particle of a person's name
        ("Osama bin", False),
        ("Jane Holt", False),
        ("Panthera Leo", False),
        ("Obama administration", True),  # the form alone; only a PERSON tag makes it count
    ],
)
def test_binomial_form(name: str, binomial: bool) -> None:
    assert is_binomial(name) is binomial


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Anger is growing in the town. Residents said the closure came without warning.", "Anger"),
    ],
)
def test_a_common_noun_opening_a_sentence_is_no_actor(nlp: Any, text: str, actor: str) -> None:
    kinds, _ = records(nlp, text)
    assert actor not in kinds, kinds


@pytest.mark.parametrize(
    ("text", "one", "other"),
    [
        ("Bill Harper said the plan was sound. Fred Harper, his brother, said it was not.", "Bill", "Fred"),
        ("Will Daley said the plan was sound. Fred Daley, his cousin, disagreed.", "Will", "Fred"),
        ("Robert Kane said the plan was sound. Bill Kane, his son, disagreed.", "Robert", "Bill"),
    ],
)
def test_given_names_the_table_links_only_through_a_third_stay_apart(
    nlp: Any, text: str, one: str, other: str
) -> None:
    _, mentions = records(nlp, text)
    family = text.split(".")[0].split()[1]
    assert f"{one} {family}" in mentions and f"{other} {family}" in mentions, mentions


@pytest.mark.parametrize(
    ("text", "full", "short"),
    [
        ("William Ashton said the plan was sound. Bill Ashton added that it was cheap.", "William", "Bill"),
        ("James R. Hacker said the plan was sound. Jim Hacker added that it was cheap.", "James", "Jim"),
        ("John Kemp said the plan was sound. Jack Kemp added that it was cheap.", "John", "Jack"),
        # familiar forms that rhyme with one sharing letters ("Meg", "Molly")
        ("Margaret Ellis said the plan was sound. Peggy Ellis added that it was cheap.", "Margaret", "Peggy"),
        ("Mary Dunn said the plan was sound. Polly Dunn added that it was cheap.", "Mary", "Polly"),
    ],
)
def test_a_given_name_and_its_familiar_form_are_one_person(
    nlp: Any, text: str, full: str, short: str
) -> None:
    _, mentions = records(nlp, text)
    merged = [names for names in mentions.values() if any(n.startswith(short + " ") for n in names)]
    assert merged and any(n.startswith(full) for n in merged[0]), mentions


@pytest.mark.parametrize(
    ("given", "form", "linked"),
    [
        ("william", "bill", True),
        ("james", "jim", True),
        ("edward", "ted", True),
        ("robert", "bob", True),
        ("wilfred", "will", True),
        ("wilfred", "fred", True),
        ("will", "fred", False),  # both Wilfred's, not one another's
        ("bill", "fred", False),
        ("robert", "bill", False),
        ("margaret", "peggy", True),
        ("margaret", "peg", True),
        ("mary", "polly", True),
        ("margaret", "daisy", False),  # shares no letters and rhymes with none of its forms
    ],
)
def test_the_nickname_table(given: str, form: str, linked: bool) -> None:
    assert (form in NICKNAMES.get(given, frozenset())) is linked


def test_a_university_and_its_town_are_two_records(nlp: Any) -> None:
    text = (
        "The University of Cambridge said it would cut fees. Residents of Cambridge said the plan was "
        "unfair. Cambridge University said the cuts were needed."
    )
    kinds, mentions = records(nlp, text)
    assert kinds.get("University of Cambridge") == "organisation", kinds
    assert kinds.get("Cambridge") == "place", kinds
    assert "Cambridge" not in mentions["University of Cambridge"]
    assert kinds.get("Cambridge University") == "organisation", kinds  # an institution, not a building


def test_a_town_named_alone_stays_a_place(nlp: Any) -> None:
    """An article that says only "Cambridge" lists the place: nothing in the text tells a reader
    (or the reader) that the university is meant, so no institution is made up."""
    kinds, _ = records(nlp, "Researchers at Cambridge said the vaccine worked. Cambridge is busy in May.")
    assert kinds.get("Cambridge") == "place", kinds


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # a surname that is a word for land is a person's when the text says the name is one
        ("The trust's chair, Ian Moor, said the amount of plastic had doubled.", "Ian Moor"),
        ("Tom Hill said the road would reopen in May.", "Tom Hill"),
    ],
)
def test_a_person_named_like_a_landform(nlp: Any, text: str, person: str) -> None:
    kinds, _ = records(nlp, text)
    assert kinds.get(person) == "person", kinds


def test_a_landform_stays_a_place(nlp: Any) -> None:
    kinds, _ = records(nlp, "Walkers crossed Ilkley Moor on Sunday. The boat sank off Fox's Island.")
    assert kinds.get("Ilkley Moor") in ("place", "region"), kinds
