"""Entity mentions from a parsed doc: names trimmed, the small model's label slips repaired by context."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.credits import credit_spans, outside_credits
from reader.analysis.entities.lines import dateline_name, page_lines
from reader.analysis.entities.missed import add_missed_datelines, recover_full_names, recover_spelled_out
from reader.analysis.entities.names import (
    Mention,
    is_acronym,
    is_binomial,
    looks_personal,
    merge_key,
    name_gender,
    normalise,
    title_before,
    trim_name,
)
from reader.analysis.entities.organisations import recover_organisations, town_club
from reader.analysis.entities.words import (
    ALIASES,
    CASE_NAME_RE,
    COMPANY_LAST_WORDS,
    COMPANY_POSSESSIONS,
    COMPANY_SUFFIX_AFTER_RE,
    COMPANY_SUFFIXES,
    FACILITY_TAIL_RE,
    FACILITY_WORDS,
    FROM_NOUNS,
    GEO_FEATURES,
    GEO_NOUNS,
    KNOWN_LABELS,
    LABEL_KIND,
    LAW_WORDS,
    LIFE_ON,
    LOCATIVE_PREPS,
    MAX_NAME_CHARS,
    MOTION_LEMMAS,
    NOT_FIRST_NAMES,
    NOT_PLACE_IN,
    ORG_NOUNS,
    ORG_TAIL_RE,
    ORG_TAILS,
    ORG_WORDS,
    PERSON_NAMED_FIRMS,
    PERSON_NOUNS,
    PERSON_PLACE_PREPS,
    PLACE_POSSESSIONS,
    PLATFORMS,
    PROGRAMME_NAMES,
    REPORTING_LEMMAS,
    ROAD_NUMBER_RE,
    SPACE_RE,
    STAFF_NOUNS,
    STREET_WORDS,
    TITLE_PHRASE_RE,
    TITLE_RE,
    TITLE_WORDS,
    TOWN_FIRST_WORDS,
    VISIT_LEMMAS,
)
from reader.analysis.model import Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan


def _person_cue(doc: Doc, text: str, ent: SpacySpan, e: int) -> bool:
    """Whether the context makes a name a person: subject of "said", ", who", a title, a kin noun."""
    root = ent.root
    if root.dep_ == "nsubj" and root.head.lemma_.lower() in REPORTING_LEMMAS:
        return True
    return _described_as_person(doc, text, ent, e)


def _described_as_person(doc: Doc, text: str, ent: SpacySpan, e: int) -> bool:
    """Whether the words around a name say it is a person's: ", who", a title, a person noun in
    apposition ("John Lewis, a retired teacher")."""
    root = ent.root
    after = text[e : e + 12]  # not doc.text: spaCy rebuilds that string on every access
    if after.startswith((", who ", ", whose ", ", who\n")):
        return True
    if ent.start > 0 and doc[ent.start - 1].lower_.rstrip(".") in TITLE_WORDS:
        return True
    if root.dep_ == "appos" and root.head.lemma_.lower() in PERSON_NOUNS:
        return True
    return any(c.dep_ == "appos" and c.lemma_.lower() in PERSON_NOUNS for c in root.children)


def _place_cue(doc: Doc, ent: SpacySpan, key: str) -> str | None:
    """The place label the context gives a name the model called a person or organisation, if any."""
    root = ent.root
    if ent.end < len(doc) and doc[ent.end].lower_ in GEO_NOUNS:
        return "LOC"  # "the Allt Mòr burn"
    if any(c.dep_ == "appos" and c.lemma_.lower() in GEO_NOUNS for c in root.children):
        return "LOC"  # "Tràigh Bhàn, the white beach"
    if root.dep_ == "conj" and root.head.ent_type_ in ("GPE", "LOC"):
        return "GPE"  # "in Inverness and Glasgow"
    head = root.head
    if root.dep_ == "pobj" and head.dep_ == "prep" and head.head.lemma_.lower() in GEO_NOUNS:
        return "GPE"  # "the village of Ardal", "the beach at Tràigh Bhàn"
    nxt = ent.end
    if nxt + 1 < len(doc) and doc[nxt].text == "," and doc[nxt + 1].ent_type_ == "GPE":
        before = doc[ent.start - 1] if ent.start else None
        after = doc[nxt + 1 : nxt + 5]
        if before is not None and before.lower_ in ("in", "near", "at"):
            return "GPE"  # "in Erbil, Iraq"
        if (before is None or before.is_space) and any(t.text in ("—", "–", "-", "(") for t in after):
            return "GPE"  # a dateline: "INCHMORRA, Scotland — On the morning ..."
    if " " in key or is_acronym(ent.text) or key in ORG_WORDS:
        return None
    if root.dep_ == "pobj" and head.lower_ in ("to", "from") and head.head.ent_type_ in ("GPE", "LOC"):
        return "GPE"  # "Munich to Copenhagen"
    if root.dep_ == "pobj" and head.lower_ == "from" and head.head.lemma_.lower() in FROM_NOUNS:
        return "GPE"  # "a voter from Montgomery": people come from places
    if root.dep_ == "pobj" and head.lower_ == "on" and head.head.lemma_.lower() in LIFE_ON:
        return "GPE"  # "a winter on Inchmorra", "every child on Inchmorra"
    if root.dep_ == "dobj" and head.lemma_.lower() in VISIT_LEMMAS:
        return "GPE"  # "the minister visited Inchmorra"
    if root.dep_ == "nsubj" and head.lemma_.lower() == "lie" and head.i > root.i:
        return "GPE"  # "Inchmorra lies eleven miles off the coast"
    if root.dep_ == "pobj" and head.lower_ == "in" and head.head.lemma_.lower() not in NOT_PLACE_IN:
        return "GPE"  # "people in Eastfield"
    if root.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_.lower() in MOTION_LEMMAS:
        return "GPE"  # "the extension to Eastfield", "I have been to Happisburgh"
    return None


def _common_word(token: Token, text: str, name: str) -> bool:
    """A capitalised adjective modifying a noun ("a Gaelic name"), or a noun opening a sentence that the
    text also uses in lower case ("Anger can wait." beside "their anger"): not a name."""
    if token.pos_ == "ADJ" and token.dep_ == "amod":
        return True
    if token.pos_ != "NOUN" or not token.is_sent_start:
        return False
    lower = name.lower()
    return lower != name and (f" {lower} " in text or f" {lower}." in text or f" {lower}," in text)


def _opening_common_noun(token: Token) -> bool:
    """ "Anger is growing in the town": a word opening a sentence that the parse reads as a singular
    common noun (not a proper one) names no organisation, unless it speaks ("Target said") or the
    text writes it capitalised inside a sentence too, as a name ("Trump" beside "said Trump")."""
    if not token.is_sent_start or token.tag_ != "NN":
        return False
    if token.dep_ == "nsubj" and token.head.lemma_.lower() in REPORTING_LEMMAS:
        return False
    return not any(t.text == token.text and not t.is_sent_start for t in token.doc)


def _company_cue(doc: Doc, text: str, ent: SpacySpan, key: str, e: int) -> bool:
    """Whether the context makes a name a company's, however personal it looks: a legal-form suffix
    ("Rio Tinto Ltd"), an ampersand ("Ben & Jerry's"), an organisation noun before it or in
    apposition ("the bank Morgan Stanley", "Rio Tinto, the mining company"), or what only an
    organisation has ("Morgan Stanley's shareholders", "shares of Rio Tinto") or a workplace
    ("analysts at Morgan Stanley"). A title before a person's name outweighs them all ("the
    broadcaster Sir David Attenborough")."""
    if " " in key and key.rsplit(" ", 1)[-1] in COMPANY_SUFFIXES:
        return True
    if " & " in key:
        return True  # "Hargreaves & Lyle", "Ben & Jerry's": two names joined are a firm's
    if ent.label_ == "PERSON" and title_before(text, ent.start_char).lower() in TITLE_WORDS:
        return False  # "the broadcaster Sir David Attenborough": a title is a person's
    if COMPANY_SUFFIX_AFTER_RE.match(text, e):
        return True
    if ent.start > 0 and doc[ent.start - 1].lower_ in ORG_NOUNS:
        return True
    root = ent.root
    if root.dep_ == "appos" and root.head.lemma_.lower() in ORG_NOUNS and root.head.i < root.i:
        return True  # "the mining company, Rio Tinto"
    if any(c.dep_ == "appos" and c.lemma_.lower() in ORG_NOUNS for c in root.children):
        return True  # "Rio Tinto, the mining company"
    head = root.head
    if root.dep_ == "poss" and head.lower_ in COMPANY_POSSESSIONS:
        return True
    if ent.label_ == "PERSON" and root.dep_ == "pobj" and head.lower_ == "at":
        return head.head.lemma_.lower() in STAFF_NOUNS  # "analysts at Morgan Stanley"; not "at Cambridge"
    return root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in COMPANY_POSSESSIONS


def _name_bounds(doc: Doc, text: str, ent: SpacySpan) -> tuple[int, int] | None:
    """The bare name of an entity (title, leading "the", possessive trimmed), with a first name the model
    left out: "Marcus Bell" when only "Bell" is tagged and "Marcus" is a compound of it."""
    label = ent.label_
    start, end = ent.start_char, ent.end_char
    if label == "PERSON" and ent.start > 0 and len(ent) == 1:
        prev = doc[ent.start - 1]
        if (
            prev.dep_ == "compound"
            and prev.head.i == ent.root.i
            and prev.pos_ == "PROPN"
            and prev.text.istitle()
            and not prev.ent_type_
            and prev.lower_ not in TITLE_WORDS
            and prev.lower_ not in NOT_FIRST_NAMES
        ):
            start = prev.idx
    bounds = trim_name(text[start:end], start, label)
    return None if bounds is None else (start + bounds[0], start + bounds[1])


def _in_title_phrase(text: str, s: int, e: int, label: str) -> bool:
    """ "Secretary of State Mike Pompeo", "the Secretary of State for Transport": "State" is a title's."""
    if label == "PERSON" or len(text[s:e]) >= 20 or not TITLE_PHRASE_RE.search(text[max(0, s - 40) : e]):
        return False
    following = text[e : e + 40].lstrip(" \u00a0")
    return following[:1].isupper() or following.startswith(("for ", "of ")) or label == "ORG"


def _not_an_actor(doc: Doc, text: str, ent: SpacySpan, key: str, name_text: str) -> str | None:
    """The entity label to keep for a name that is no actor or place at all, or None for one that may be.

    Lower-case guesses ("grey water"), tokenisation accidents, a platform something was said on
    ("writing on Twitter"), a capitalised common word ("Anger can wait.", "a Gaelic name"), a
    nationality as an adjective ("Kenyan President William Ruto"), and programmes, laws and court
    cases ("Medicare", "Brexit", "the Affordable Care Act", "Allen v. Milligan"), which act on no one.
    """
    label: str = ent.label_
    root = ent.root
    if len(name_text) > MAX_NAME_CHARS or not any(ch.isupper() or ch.isdigit() for ch in name_text):
        return label
    if key in PLATFORMS and root.dep_ == "pobj" and root.head.lower_ in ("on", "via"):
        return "ORG"
    if label != "NORP" and len(ent) == 1 and _common_word(root, text, name_text):
        return label
    if label == "ORG" and len(ent) == 1 and key not in KNOWN_LABELS and _opening_common_noun(root):
        return label
    if label == "PERSON" and (is_binomial(name_text) or _genus(doc, ent)):
        return label  # "Panthera leo" is a species, not a person, and "Panthera" its genus
    if label == "NORP" and _adjective(root) and key not in ALIASES and key not in KNOWN_LABELS:
        return label  # "Kenyan President William Ruto", "the Peruvian government": no group acts
    if key in ALIASES:
        return None
    if ROAD_NUMBER_RE.match(name_text) and name_text[0] != "I":
        before = text[max(0, ent.start_char - 4) : ent.start_char + 4].lower()
        if "the " not in before:
            return label  # "A6." closing a page, an Audi A6: only "the A6" is a road
    if key in PROGRAMME_NAMES or CASE_NAME_RE.search(name_text):
        return "LAW"
    if label in ("GPE", "LOC"):
        return None
    if " " in key and key.rsplit(" ", 1)[-1] in LAW_WORDS:
        return "LAW"
    return None


def _genus(doc: Doc, ent: SpacySpan) -> bool:
    """A one-word name followed by the epithet it has in a species' name the doc tags whole
    ("Panthera leo numbers" beside "Panthera leo")."""
    if len(ent) != 1 or ent.end >= len(doc):
        return False
    pair = f"{ent.text} {doc[ent.end].text}"
    return is_binomial(pair) and any(e.text == pair for e in doc.ents)


def _adjective(root: Token) -> bool:
    """A nationality or group word used as an adjective ("Iranian officials", "European law"), not a
    group named as such ("the Iranians", "Kenyans living near the lake")."""
    if root.tag_ in ("NNS", "NNPS"):
        return False
    return root.tag_ == "JJ" or root.dep_ in ("amod", "compound", "nmod", "npadvmod")


def _place_label(
    doc: Doc, text: str, ent: SpacySpan, label: str, key: str, s: int, e: int
) -> tuple[str, str | None, int]:
    """The label, cue and end of a name the model called a person, organisation or group, when the
    context says it is a facility or a place ("al-Asad air base", "near Erbil", "Little Ashby's
    residents", "Fox's Island"); the model's label otherwise."""
    root = ent.root
    if label == "NORP":
        return label, None, e
    tail = FACILITY_TAIL_RE.match(text, e)
    if tail:
        return "FAC", None, tail.end()
    last = key.rsplit(" ", 1)[-1] if " " in key else None
    if last in FACILITY_WORDS or (last in STREET_WORDS and not (label == "ORG" and last in ORG_WORDS)):
        return "FAC", None, e  # "the U.S. Embassy", "Mill Road"; not "the Supreme Court"
    if ROAD_NUMBER_RE.match(text[s:e]):
        return "FAC", None, e  # "the A28", "I-95"
    if (
        last in GEO_FEATURES
        and last not in ORG_WORDS
        and not (label == "PERSON" and _person_cue(doc, text, ent, e))
    ):
        return "LOC", "place", e  # "Fox's Island", "the Snake River"; not "The chair, Ian Moor, said"
    if (
        root.dep_ == "pobj"
        and root.head.lower_ in LOCATIVE_PREPS
        and last is None
        and not is_acronym(text[s:e])
        and key not in ORG_WORDS
    ):
        return "GPE", "place", e
    if root.dep_ == "poss" and root.head.lemma_.lower() in PLACE_POSSESSIONS:
        return "GPE", "place", e  # "Little Ashby's 900 residents"
    if (
        label == "PERSON"
        and root.dep_ == "pobj"
        and root.head.lower_ in PERSON_PLACE_PREPS
        and not TITLE_RE.match(text, max(0, s - 12), s)
    ):
        return "GPE", "place", e  # "a meeting in Little Ashby": people are not "in" each other
    place = _place_cue(doc, ent, key)
    if place is not None and not (label == "PERSON" and _person_cue(doc, text, ent, e)):
        return place, "place", e
    return label, None, e


def _label_by_context(
    doc: Doc, text: str, ent: SpacySpan, key: str, s: int, e: int
) -> tuple[str, str | None, int]:
    """The label a mention takes, the cue that says why ("person", "organisation", "place"), and its end
    (a facility's base words join it): the small model's label slips repaired by the context."""
    label = ent.label_
    root = ent.root
    if key in KNOWN_LABELS:
        return KNOWN_LABELS[key], None, e
    if label != "NORP" and town_club(ent, key):
        return "ORG", "organisation", e  # "Bristol City beat Leeds United 2-1"
    first, _, last = key.partition(" ")
    if label == "FAC" and first in TOWN_FIRST_WORDS and last.rsplit(" ", 1)[-1] not in FACILITY_WORDS:
        return "GPE", None, e  # "at Fort William", "Port Ardal": towns named after what they grew from
    tail = ORG_TAIL_RE.match(text, e) if label in ("PERSON", "ORG") else None
    if tail is not None:
        return "ORG", "organisation", tail.end()  # "the Darwin Initiative", tagged "Darwin"
    if label != "NORP" and _company_cue(doc, text, ent, key, e):
        return "ORG", "organisation", e
    if key in PERSON_NAMED_FIRMS and not _described_as_person(doc, text, ent, e):
        return "ORG", "organisation", e  # "Morgan Stanley said ..."; not "John Lewis, a retired teacher"
    if label == "PERSON" and " " in key and key.rsplit(" ", 1)[-1] in COMPANY_LAST_WORDS:
        return "ORG", None, e  # "Nordlicht Rail", "the Darwin Initiative"
    if label in ("ORG", "GPE") and looks_personal(text[s:e]) and _person_cue(doc, text, ent, e):
        # "Ewan MacLeod said": a single word is left to merging ("Caldera said")
        return ("PERSON" if " " in key else label), "person", e
    if label in ("ORG", "PERSON", "NORP"):
        return _place_label(doc, text, ent, label, key, s, e)
    if label == "GPE" and (
        (root.dep_ == "pobj" and root.head.lower_ in PERSON_PLACE_PREPS | LOCATIVE_PREPS)
        or (root.dep_ == "poss" and root.head.lemma_.lower() in PLACE_POSSESSIONS)
        or _place_cue(doc, ent, key)
    ):
        return label, "place", e  # the context agrees with the model: a surname merge must not outvote it
    return label, None, e


def entities_from_doc(
    doc: Doc, offset: int = 0, text: str | None = None
) -> tuple[list[Entity], list[Mention]]:
    """Every entity of `doc` (shifted by `offset`) and the cleaned mentions of actors and places.

    Repairs applied: an ORG/PERSON single word after "near"/"outside" is a place; a name followed by
    "(air) base" or ending in "Embassy" is a facility (the base words join the span); a name inside a
    title phrase ("Secretary of State") is dropped; names in `KNOWN_LABELS` take that label; a name
    the context makes a company ("Rio Tinto, the mining company"), a person ("Ewan MacLeod said",
    "Marcus Bell, who") or a place ("in Eastfield", "the Allt Mòr burn") takes that label; programmes
    and laws are not actors; full names the model missed after "said" or before ", who" are added.
    `text` is the doc's text when the caller has it (doc.text rebuilds the string).
    """
    text = doc.text if text is None else text
    entities: list[Entity] = []
    mentions: list[Mention] = []
    credits = credit_spans(text)  # "Getty Images", "(AP Photo/...)": never actors or places
    lines = page_lines(text, opening=offset == 0)  # the dateline, bylines, lines in capitals
    for ent in _joined(doc, text):
        if ent.label_ not in LABEL_KIND:
            entities.append(Entity(ent.start_char + offset, ent.end_char + offset, ent.text, ent.label_))
            continue
        bounds = _name_bounds(doc, text, ent)
        if bounds is not None and credits:
            bounds = outside_credits(credits, text, *bounds)
        if bounds is None or _in_title_phrase(text, bounds[0], bounds[1], ent.label_):
            continue
        role = lines.role(*bounds)
        s, e = lines.part(*bounds) or bounds
        key = normalise(text[s:e])
        plain = "" if role in ("city", "region", "byline") else _not_an_actor(doc, text, ent, key, text[s:e])
        if role == "capitals" or plain:
            entities.append(Entity(s + offset, e + offset, text[s:e], plain or ent.label_))
            continue
        mention = _mention(doc, text, ent, role, s, e, offset)
        entities.append(Entity(mention.start, mention.end, mention.text, mention.label))
        mentions.append(mention)
    recover_full_names(doc, text, entities, mentions, offset)
    recover_spelled_out(doc, text, entities, mentions, offset)
    recover_organisations(doc, text, entities, mentions, offset)
    add_missed_datelines(text, lines, entities, mentions, offset)
    return entities, mentions


def _joined(doc: Doc, text: str) -> list[SpacySpan]:
    """The doc's entities, with an organisation's name the model split in two joined again ("The Royal
    Society| for |the Protection of Birds"): the first part ends in an organisation's word and the
    second names what it is for ("Google for the Bank of England" stays apart)."""
    from spacy.tokens import Span  # the parse is loaded: spaCy is imported already

    ents = list(doc.ents)
    out: list[SpacySpan] = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        nxt = ents[i + 1] if i + 1 < len(ents) else None
        if (
            nxt is not None
            and ent.label_ == nxt.label_ == "ORG"
            and text[ent.end_char : nxt.start_char] in (" for ", " for the ")
            and ent.text.rsplit(" ", 1)[-1].lower() in ORG_WORDS | ORG_TAILS
            and " of " in nxt.text
        ):
            out.append(Span(doc, ent.start, nxt.end, label="ORG"))
            i += 2
            continue
        out.append(ent)
        i += 1
    return out


def _mention(doc: Doc, text: str, ent: SpacySpan, role: str | None, s: int, e: int, offset: int) -> Mention:
    """The mention of an actor or place: its label from the page's lines or the context, its merge key,
    display name, whether it acts, and a person's gender."""
    key = normalise(text[s:e])
    cue: str | None
    if role in ("city", "region"):
        label, cue = "GPE", "place"  # a dateline's place sets the scene: it does not act
    elif role == "byline":
        label, cue = "PERSON", "person"
    else:
        label, cue, e = _label_by_context(doc, text, ent, key, s, e)
    name_text = text[s:e]
    name = SPACE_RE.sub(" ", name_text)
    dep = ent.root.dep_
    acts = role is None and (dep in ("nsubj", "csubj") or (dep == "pobj" and ent.root.head.dep_ == "agent"))
    if role == "city":
        name = dateline_name(name)
    key = merge_key(normalise(name_text), label)
    mention = Mention(
        s + offset, e + offset, name_text, label, key, name, acts, cue=cue, scene=role == "city"
    )
    if label == "PERSON":
        mention.gender = name_gender(name, title_before(text, s))
    return mention
