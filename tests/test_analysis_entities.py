"""Actors and locations: one merged record per real-world thing, on the seed article and our own sentences."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reader.analysis.entities import Mention, entities_from_doc, merge_mentions
from reader.analysis.model import Analysis, Referent
from reader.analysis.pipeline import analyse
from reader.sources import load_article

SEED = Path(__file__).resolve().parent.parent / "sample_articles" / "iran-missile-strikes.txt"


@pytest.fixture(scope="module")
def seed(nlp: Any) -> Analysis:
    article = load_article(str(SEED))
    return analyse(article.text, nlp, body_end=article.body_end)


def records_mentioning(records: list[Referent], word: str) -> list[Referent]:
    return [r for r in records if any(word in m.text for m in r.mentions)]


@pytest.mark.parametrize(
    ("surname", "full_name"),
    [
        ("Rouhani", "Hassan Rouhani"),
        ("Zarif", "Mohammad Javad Zarif"),
        ("Soleimani", "Qassem Soleimani"),
        ("Trump", "Trump"),
        ("Pompeo", "Mike Pompeo"),
        ("Abdul-Mahdi", "Adel Abdul-Mahdi"),
    ],
)
def test_each_person_is_one_actor(seed: Analysis, surname: str, full_name: str) -> None:
    found = records_mentioning(seed.actors, surname)
    assert len(found) == 1, [r.name for r in found]
    assert found[0].name == full_name
    assert found[0].kind == "person"


def test_soleimani_holds_all_his_mentions(seed: Analysis) -> None:
    (soleimani,) = records_mentioning(seed.actors, "Soleimani")
    assert len(soleimani.mentions) >= 6
    assert "Soleimani" in soleimani.aliases
    # Titles and possessives are not part of a mention.
    for mention in soleimani.mentions:
        assert not mention.text.startswith(("Maj", "Gen"))
        assert not mention.text.endswith(("’s", "'s"))


def test_places_are_locations(seed: Analysis) -> None:
    names = {r.name for r in seed.places}
    assert {"Iraq", "Iran", "Baghdad", "Erbil", "Tehran"} <= names
    for record in seed.places:
        assert record.kind in {"place", "region", "facility"}


def test_us_aliases_are_one_record(seed: Analysis) -> None:
    found = [r for r in seed.places if r.name == "United States"]
    assert len(found) == 1
    texts = {m.text for m in found[0].mentions}
    assert {"U.S.", "US"} <= texts
    assert not [r for r in seed.places if r.name in {"U.S.", "US", "America"}]


def test_a_country_that_acts_is_also_an_actor_with_the_same_id(seed: Analysis) -> None:
    iran_place = next(r for r in seed.places if r.name == "Iran")
    iran_actor = next(r for r in seed.actors if r.name == "Iran")
    assert iran_actor.id == iran_place.id == "iran"
    # "the Islamic Republic" is Iran.
    assert "Islamic Republic" in iran_place.aliases


def test_title_words_are_not_entities(seed: Analysis) -> None:
    # "Secretary of State Mike Pompeo": "State" is part of a title, not an organisation.
    assert not [r for r in seed.actors if r.name == "State"]
    assert not [e for e in seed.entities if e.text == "State"]


def test_small_model_slips_are_repaired(seed: Analysis) -> None:
    erbil = next(r for r in seed.places if r.name == "Erbil")
    assert erbil.kind == "place"  # tagged ORG by the small model
    base = next(r for r in seed.places if "al-Asad" in r.name)
    assert base.kind == "facility" and base.name == "al-Asad air base"
    assert not records_mentioning(seed.actors, "Twitter") or all(
        r.kind == "organisation" for r in records_mentioning(seed.actors, "Twitter")
    )


def test_sorted_by_salience(seed: Analysis) -> None:
    for records in (seed.actors, seed.places):
        keys = [(-len(r.mentions), r.mentions[0].start) for r in records]
        assert keys == sorted(keys)
    ids = [r.id for r in seed.places]
    assert len(ids) == len(set(ids))


def test_mentions_slice_the_text(seed: Analysis) -> None:
    for record in (*seed.actors, *seed.places):
        for mention in record.mentions:
            assert seed.text[mention.start : mention.end] == mention.text
    for entity in seed.entities:
        assert seed.text[entity.start : entity.end] == entity.text


def test_own_sentences_titles_surnames_and_aliases(nlp: Any) -> None:
    text = (
        "President Joe Biden met Prime Minister Rishi Sunak in London on Friday. "
        "Biden later flew to Berlin. Britain and the U.K. government welcomed the talks, "
        "and the United States and America's allies agreed."
    )
    analysis = analyse(text, nlp)
    biden = records_mentioning(analysis.actors, "Biden")
    assert len(biden) == 1 and biden[0].name == "Joe Biden"
    assert len(biden[0].mentions) == 2  # the bare "Biden" the model missed is recovered
    uk = [r for r in (*analysis.actors, *analysis.places) if r.name == "United Kingdom"]
    assert uk and {m.text for m in uk[0].mentions} >= {"Britain", "U.K."}
    us = next(r for r in analysis.places if r.name == "United States")
    assert {m.text for m in us.mentions} == {"United States", "America"}
    assert {"London", "Berlin"} <= {r.name for r in analysis.places}


def test_possessive_and_title_are_trimmed(nlp: Any) -> None:
    analysis = analyse("Dr. Angela Merkel's party won the election in Germany. Merkel thanked voters.", nlp)
    (merkel,) = records_mentioning(analysis.actors, "Merkel")
    assert merkel.name == "Angela Merkel"
    assert [m.text for m in merkel.mentions] == ["Angela Merkel", "Merkel"]


def _mention(start: int, name: str, label: str) -> Mention:
    return Mention(start, start + len(name), name, label, name.lower(), name)


def test_majority_kind_wins() -> None:
    mentions = [
        _mention(0, "Tehran", "ORG"),
        _mention(20, "Tehran", "GPE"),
        _mention(40, "Tehran", "GPE"),
    ]
    merged = merge_mentions(mentions)
    assert [r.name for r in merged.places] == ["Tehran"]
    assert merged.places[0].kind == "place"
    assert len(merged.places[0].mentions) == 3
    assert not merged.actors


def test_surname_mislabelled_as_place_joins_the_person() -> None:
    mentions = [
        _mention(0, "Qassem Soleimani", "PERSON"),
        *[_mention(30 + 20 * i, "Soleimani", "GPE") for i in range(4)],
    ]
    merged = merge_mentions(mentions)
    assert [r.name for r in merged.actors] == ["Qassem Soleimani"]
    assert merged.actors[0].kind == "person"
    assert len(merged.actors[0].mentions) == 5
    assert not merged.places


@pytest.mark.parametrize(
    ("mentions", "expected"),
    [
        # The article called Donald "Trump" before Ivanka came in: the bare surname stays his.
        (
            [(0, "Donald Trump"), (20, "Trump"), (40, "Ivanka Trump"), (60, "Trump")],
            {"Donald Trump": [0, 20, 60], "Ivanka Trump": [40]},
        ),
        # The most mentioned bearer named so far, not the one named last.
        (
            [(0, "Donald Trump"), (20, "Donald Trump"), (40, "Melania Trump"), (60, "Trump")],
            {"Donald Trump": [0, 20, 60], "Melania Trump": [40]},
        ),
        (
            [(0, "Hillary Clinton"), (20, "Bill Clinton"), (40, "Hillary Clinton"), (60, "Clinton")],
            {"Hillary Clinton": [0, 40, 60], "Bill Clinton": [20]},
        ),
        # Equally mentioned (and no title to tell them apart): the one named last.
        (
            [(0, "Donald Trump"), (20, "Melania Trump"), (40, "Trump")],
            {"Donald Trump": [0], "Melania Trump": [20, 40]},
        ),
    ],
)
def test_a_shared_surname_goes_to_its_most_salient_bearer(
    mentions: list[tuple[int, str]], expected: dict[str, list[int]]
) -> None:
    merged = merge_mentions([_mention(start, name, "PERSON") for start, name in mentions])
    assert {r.name: [m.start for m in r.mentions] for r in merged.actors} == expected


def test_a_title_says_which_bearer_of_a_shared_surname_is_meant() -> None:
    mentions = [_mention(0, "Donald Trump", "PERSON"), _mention(20, "Melania Trump", "PERSON")]
    mentions[0].gender = "m"  # "Donald", as the list of given names says
    mentions[1].gender = "f"  # "Melania" is not in that list: a title would have said it
    bare = _mention(40, "Trump", "PERSON")
    bare.gender = "f"  # "Mrs. Trump"
    merged = merge_mentions([*mentions, bare])
    assert {r.name: [m.start for m in r.mentions] for r in merged.actors} == {
        "Donald Trump": [0],
        "Melania Trump": [20, 40],
    }


def test_acronym_joins_its_organisation() -> None:
    mentions = [
        _mention(0, "Federal Emergency Management Agency", "ORG"),
        _mention(50, "FEMA", "ORG"),
        _mention(60, "FEMA", "ORG"),
    ]
    merged = merge_mentions(mentions)
    assert len(merged.actors) == 1
    assert merged.actors[0].name == "Federal Emergency Management Agency"
    assert merged.actors[0].aliases == ["FEMA"]


def test_ids_are_readable_and_unique() -> None:
    merged = merge_mentions([_mention(0, "New York", "GPE"), _mention(20, "New-York", "ORG")])
    ids = [r.id for r in (*merged.actors, *merged.places)]
    assert len(ids) == len(set(ids))
    assert all(i.startswith("new-york") for i in ids)


def test_first_name_joins_the_only_person_with_it() -> None:
    mentions = [
        _mention(0, "Margaret Ellison", "PERSON"),
        _mention(30, "Margaret", "PERSON"),
        _mention(50, "Tom Fairweather", "PERSON"),
    ]
    merged = merge_mentions(mentions)
    margaret = next(r for r in merged.actors if r.name == "Margaret Ellison")
    assert len(margaret.mentions) == 2


def test_council_title_and_street_names(nlp: Any) -> None:
    analysis = analyse("Councillor Derek Whitmore lives on Mill Road. Whitmore opposed the closure.", nlp)
    (whitmore,) = records_mentioning(analysis.actors, "Whitmore")
    assert whitmore.name == "Derek Whitmore" and len(whitmore.mentions) == 2
    road = next(r for r in analysis.places if r.name == "Mill Road")
    assert road.kind == "facility"


def test_company_short_name_joins_the_full_name() -> None:
    mentions = [
        _mention(0, "Caldera Power", "ORG"),
        _mention(30, "Caldera", "ORG"),
        _mention(50, "Inchmorra Community Trust", "ORG"),
        _mention(90, "Inchmorra", "ORG"),
    ]
    merged = merge_mentions(mentions)
    names = sorted(r.name for r in merged.actors)
    assert names == ["Caldera Power", "Inchmorra", "Inchmorra Community Trust"]


def test_lower_case_guesses_are_not_referents(nlp: Any) -> None:
    from spacy.tokens import Span as SpacySpan

    from reader.analysis.entities import entities_from_doc

    doc = nlp("The piggy bank was empty.")
    doc.ents = [SpacySpan(doc, 1, 2, label="GPE")]
    entities, mentions = entities_from_doc(doc)
    assert [e.text for e in entities] == ["piggy"]
    assert mentions == []


def test_head_word_joins_its_organisation() -> None:
    mentions = [_mention(0, "Harbourside City Council", "ORG"), _mention(40, "Council", "ORG")]
    merged = merge_mentions(mentions)
    assert [(r.name, len(r.mentions)) for r in merged.actors] == [("Harbourside City Council", 2)]


def test_place_names_are_not_claimed_as_surnames(nlp: Any) -> None:
    analysis = analyse(
        "The night train left Zurich Hauptbahnhof at 9pm on Sunday evening. Passengers in Zurich cheered.",
        nlp,
    )
    assert not [r for r in analysis.actors if r.kind == "person" and "Zurich" in r.name]
    station = [r for r in analysis.places if r.name == "Zurich Hauptbahnhof"]
    assert station and station[0].kind == "facility"


def test_shia_in_any_spelling_is_one_group(seed: Analysis, nlp: Any) -> None:
    text = "Shi’a militias attacked the embassy. The Shi'a leaders met Sunni clerics in Najaf."
    analysis = analyse(text, nlp)
    (shia,) = [r for r in analysis.actors if r.name == "Shia"]
    assert shia.kind == "group"
    assert [m.text for m in shia.mentions] == ["Shi’a", "Shi'a"]
    # The seed article's "Shi’a militias" and "Shi’a members" are found although the model misses them.
    seed_shia = next(r for r in seed.actors if r.name == "Shia")
    assert len(seed_shia.mentions) == 2


def _actors(nlp: Any, text: str) -> dict[str, tuple[str, list[str]]]:
    analysis = analyse(text, nlp)
    records = {r.id: r for r in (*analysis.actors, *analysis.places)}
    return {r.name: (r.kind, [m.text for m in r.mentions]) for r in records.values()}


def test_a_son_who_shares_his_mothers_surname_keeps_his_own_mentions(nlp: Any) -> None:
    text = (
        '"Taking responsibility," said Marcus Bell, whose mother drowned in her basement. '
        "There was applause. Bell, a bus driver, said his mother, Loretta Bell, 78, had called him. "
        "Loretta Bell had lived there for forty years."
    )
    found = _actors(nlp, text)
    assert found["Marcus Bell"][0] == "person"
    assert found["Marcus Bell"][1] == ["Marcus Bell", "Bell"]
    assert found["Loretta Bell"][1] == ["Loretta Bell", "Loretta Bell"]


@pytest.mark.parametrize("tagged", [None, "ORG", "PERSON"])
def test_a_full_name_the_model_missed_or_cut_is_recovered(nlp: Any, tagged: str | None) -> None:
    from spacy.tokens import Span as TokenSpan

    doc = nlp('"It is over," said Marcus Bell, whose mother drowned. Okafor, who runs the bakery, left.')
    bell = next(t for t in doc if t.text == "Bell")
    # As if the model had found nothing there, or only the surname (with some label).
    doc.ents = [] if tagged is None else [TokenSpan(doc, bell.i, bell.i + 1, label=tagged)]
    _entities, mentions = entities_from_doc(doc)
    people = [(m.name, m.label) for m in mentions]
    assert people == [("Marcus Bell", "PERSON")]  # one word before ", who" is not enough for a name


def test_the_subject_of_said_is_a_person_not_an_organisation(nlp: Any) -> None:
    text = (
        "Ewan MacLeod, who fishes for lobster out of the harbour, said he signed a letter. "
        "Ewan MacLeod campaigned for the scheme. On Friday, MacLeod was on the slipway."
    )
    found = _actors(nlp, text)
    kind, mentions = found["Ewan MacLeod"]
    assert kind == "person"
    assert len(mentions) == 3


def test_a_place_once_tagged_as_a_person_is_a_place(nlp: Any) -> None:
    text = (
        "The warning system failed to reach a third of Riverside's residents. "
        '"You will find that Riverside has been told to wait for fifty years," she said.'
    )
    found = _actors(nlp, text)
    assert found["Riverside"][0] == "place"


def test_place_contexts_make_places(nlp: Any) -> None:
    text = (
        "The council approved the tram extension to Eastfield on Monday. "
        "For twenty years people in Eastfield have been promised a connection. "
        "She has worked for conservation charities in Inverness and Glasgow."
    )
    found = _actors(nlp, text)
    assert found["Eastfield"][0] == "place"
    assert found["Glasgow"][0] == "place"


def test_village_name_with_its_short_form_is_a_place(nlp: Any) -> None:
    text = (
        "The closure would be a hammer blow for Little Ashby's 900 residents. "
        "The campaign said Little Ashby was the fourteenth village to lose its branch. "
        "'We are committed to services in Little Ashby,' he said."
    )
    found = _actors(nlp, text)
    name = next(n for n in found if "Ashby" in n)
    assert found[name][0] == "place"


def test_a_shorter_form_of_an_organisations_name_joins_it() -> None:
    mentions = [_mention(0, "National Coastal Agency", "ORG"), _mention(40, "Coastal Agency", "ORG")]
    merged = merge_mentions(mentions)
    assert [(r.name, r.aliases) for r in merged.actors] == [("National Coastal Agency", ["Coastal Agency"])]


def test_landscape_words_and_company_words_decide_the_kind(nlp: Any) -> None:
    text = (
        "The cable landfall was planned for Tràigh Bhàn, the white beach on the eastern shore. "
        "Children swim at the beach at Tràigh Bhàn every summer. "
        "A team from the state mining company Codelsur broke through on Friday."
    )
    found = _actors(nlp, text)
    assert found["Tràigh Bhàn"][0] in {"place", "region"}
    assert found["Codelsur"][0] == "organisation"


def test_capitalised_common_words_are_not_referents(nlp: Any) -> None:
    text = (
        "She called the hill by a Gaelic name that meant the place of the birds. "
        "Their anger had not faded by March. Anger can wait, she said."
    )
    names = set(_actors(nlp, text))
    assert "Gaelic" not in names
    assert "Anger" not in names


def test_a_nickname_form_joins_the_full_name() -> None:
    mentions = [
        _mention(0, "Catherine “Kate” Boyd", "PERSON"),
        _mention(40, "Kate Boyd", "PERSON"),
        _mention(60, "Boyd", "PERSON"),
    ]
    merged = merge_mentions(mentions)
    assert [(r.name, len(r.mentions)) for r in merged.actors] == [("Catherine “Kate” Boyd", 3)]


def test_a_name_in_apposition_to_a_person_noun_is_recovered(nlp: Any) -> None:
    doc = nlp("Its chair at the time was Iain Morrison, a retired headteacher, who admitted it later.")
    doc.ents = []  # as if the model had missed the name
    _entities, mentions = entities_from_doc(doc)
    assert [(m.name, m.label) for m in mentions] == [("Iain Morrison", "PERSON")]


def test_laws_are_not_actors(nlp: Any) -> None:
    analysis = analyse("The council applied for an order under the Transport and Works Act in March.", nlp)
    assert not [r for r in analysis.actors if "Act" in r.name]


def test_an_island_that_is_visited_and_lies_off_the_coast_is_a_place(nlp: Any) -> None:
    text = (
        "TULLAGH, Ireland — The ferry was late again.\n\n"
        "Tullagh lies eleven miles off the west coast. The minister visited Tullagh in May, "
        "and it helps to spend a winter on Tullagh to understand why."
    )
    found = _actors(nlp, text)
    name = next(n for n in found if n.lower() == "tullagh")
    assert found[name][0] == "place"


@pytest.mark.parametrize(
    ("text", "name", "forms"),
    [
        (
            "Donald J. Trump signed the order on Monday. Donald Trump later said he was pleased. "
            "Mr. Trump flew to Florida.",
            "Donald J. Trump",
            ["Donald J. Trump", "Donald Trump", "Trump"],
        ),
        (
            "Jim Hacker arrived late. James R. Hacker, the minister, said the plan would work. Hacker left.",
            "James R. Hacker",
            ["Jim Hacker", "James R. Hacker", "Hacker"],
        ),
        (
            "Bill Clinton spoke first. William Jefferson Clinton was president for eight years.",
            "William Jefferson Clinton",
            ["Bill Clinton", "William Jefferson Clinton"],
        ),
        (
            "Hillary Rodham Clinton spoke on Monday. Hillary Clinton said she would return.",
            "Hillary Rodham Clinton",
            ["Hillary Rodham Clinton", "Hillary Clinton"],
        ),
    ],
)
def test_forms_of_one_full_name_are_one_person(nlp: Any, text: str, name: str, forms: list[str]) -> None:
    found = _actors(nlp, text)
    assert found[name] == ("person", forms)


@pytest.mark.parametrize(
    ("text", "apart"),
    [
        # Two given names that are not one name: two people.
        ("Bill Clinton spoke first. Hillary Clinton spoke later.", ["Bill Clinton", "Hillary Clinton"]),
        # A son is not his father.
        ("Donald Trump Jr. spoke first. Donald Trump spoke later.", ["Donald Trump Jr.", "Donald Trump"]),
        # "Ron" may be Ronald or Aaron: it joins neither.
        (
            "Ronald Weaver spoke first. Aaron Weaver spoke later. Ron Weaver left.",
            ["Ronald Weaver", "Aaron Weaver", "Ron Weaver"],
        ),
    ],
)
def test_different_people_with_one_family_name_stay_apart(nlp: Any, text: str, apart: list[str]) -> None:
    found = _actors(nlp, text)
    for name in apart:
        assert found[name][0] == "person", found
        assert found[name][1][0] == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Morgan Stanley, the bank, said profits rose. Morgan Stanley cut 500 jobs.", "Morgan Stanley"),
        ("Rio Tinto Ltd said output fell. Rio Tinto expects more next year.", "Rio Tinto Ltd"),
        ("The mining company Harper Lyle closed the pit. Harper Lyle said it had no choice.", "Harper Lyle"),
        ("Harper Lyle, a mining company, closed the pit. Harper Lyle said it had no choice.", "Harper Lyle"),
        ("Shareholders of Harper Lyle voted. Harper Lyle said the vote was fair.", "Harper Lyle"),
        ("Harper Lyle's shareholders voted on Monday. Harper Lyle said the vote was fair.", "Harper Lyle"),
    ],
)
def test_a_company_named_like_a_person_is_an_organisation(nlp: Any, text: str, name: str) -> None:
    found = _actors(nlp, text)
    kind, mentions = found[name]
    assert kind == "organisation", found
    assert len(mentions) == 2
    assert not [n for n, (k, _) in found.items() if k == "person"], found


@pytest.mark.parametrize(
    "text",
    [
        "Boats sail from Fox Island every day. Residents of Fox's Island said the ferry was late.",
        "Residents of Fox's Island said the ferry was late. Boats sail from Fox Island every day.",
    ],
)
def test_a_possessive_inside_a_place_name_is_the_same_place(nlp: Any, text: str) -> None:
    analysis = analyse(text, nlp)
    islands = [r for r in analysis.places if "Island" in r.name]
    assert len(islands) == 1
    assert sorted(m.text for m in islands[0].mentions) == ["Fox Island", "Fox's Island"]
    assert not [r for r in analysis.actors if "Island" in r.name]


@pytest.mark.parametrize(
    ("text", "programme"),
    [
        ("Medicare will pay for the drugs, the senator said.", "Medicare"),
        ("Critics said Medicaid covers too few people.", "Medicaid"),
        ("Obamacare was passed in 2010, and Republicans vowed to repeal it.", "Obamacare"),
        ("The Affordable Care Act expanded coverage, officials said.", "Affordable Care Act"),
        ("The Paris Agreement was signed by almost every country.", "Paris Agreement"),
    ],
)
def test_programmes_and_laws_are_not_actors(nlp: Any, text: str, programme: str) -> None:
    analysis = analyse(text, nlp)
    assert not [r for r in (*analysis.actors, *analysis.places) if programme in r.name]


@pytest.mark.parametrize(
    "text",
    [
        "The plan was announced on Monday, said Ivanka Trump's spokesman.",
        "Ivanka Trump acknowledged the plan. The plan was praised, said Ivanka Trump's aide.",
    ],
)
def test_a_recovered_name_leaves_its_possessive_out(nlp: Any, text: str) -> None:
    _entities, mentions = entities_from_doc(nlp(text))
    assert [m.name for m in mentions if "Ivanka" in m.name] and all(
        m.name == "Ivanka Trump" for m in mentions if "Ivanka" in m.name
    )
