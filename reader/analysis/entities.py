"""Named-entity mentions, cleaned up, and merged into one record per real-world thing.

spaCy's small English model finds names well but labels them inconsistently ("Soleimani" comes out
as PERSON in one sentence and GPE in the next, "Erbil" as ORG), leaves titles and possessives on
them and knows nothing about "U.S." being "the United States". This module:

1. turns each doc's entities into `Mention`s: titles, leading "the" and possessives trimmed off,
   a few systematic label slips repaired, and whether the mention acts (is a grammatical subject);
2. merges mentions into `Referent`s (actors and locations): by normalised name, a small alias
   table, surnames ("Soleimani" -> "Qassem Soleimani") and acronyms ("IRGC"), with the kind taken
   by majority vote and the canonical name the fullest form.

Everything is a linear pass over the entities; nothing here is slower than the parse it follows.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reader.analysis import lexicon
from reader.analysis.model import Entity, Referent, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: spaCy labels that name actors or places, and the kind each stands for.
LABEL_KIND = {
    "PERSON": "person",
    "ORG": "organisation",
    "NORP": "group",
    "GPE": "place",
    "LOC": "region",
    "FAC": "facility",
}
ACTOR_KINDS = frozenset({"person", "organisation", "group"})
LOCATION_KINDS = frozenset({"place", "region", "facility"})
#: Which label wins a tied vote: a city mislabelled ORG once and GPE once is a place.
_TIE_ORDER = ("PERSON", "GPE", "ORG", "FAC", "LOC", "NORP")

#: Well-known names and their other forms (lower case) -> canonical name.
_ALIAS_FORMS: dict[str, tuple[str, ...]] = {
    "United States": ("u.s.", "us", "u.s", "usa", "u.s.a.", "u.s.a", "america", "united states of america"),
    "United Kingdom": ("u.k.", "uk", "u.k", "britain", "great britain"),
    "United Nations": ("u.n.", "un", "u.n"),
    "European Union": ("e.u.", "eu", "e.u"),
    "Soviet Union": ("ussr", "u.s.s.r."),
    "United Arab Emirates": ("uae", "u.a.e."),
    "Iran": ("islamic republic", "islamic republic of iran"),
    "North Korea": ("dprk",),
    "Islamic State": (
        "isis",
        "isil",
        "daesh",
        "islamic state of iraq and syria",
        "islamic state of iraq and the levant",
    ),
    "Islamic Revolutionary Guard Corps": ("irgc", "revolutionary guards", "revolutionary guard"),
    "Shia": ("shi'a", "shias", "shiite", "shiites", "shi'ite", "shi'ites"),
    "Sunni": ("sunnis",),
    "Kurds": ("kurd", "kurdish"),
    "Federal Bureau of Investigation": ("fbi",),
    "Central Intelligence Agency": ("cia",),
}
ALIASES: dict[str, str] = {}
for _canonical, _forms in _ALIAS_FORMS.items():
    ALIASES[_canonical.lower()] = _canonical
    for _form in _forms:
        ALIASES[_form] = _canonical

#: Social media: "on Twitter" names where something was said, not someone who acts.
PLATFORMS = _words(
    """twitter facebook instagram youtube telegram tiktok whatsapp reddit linkedin snapchat x.com"""
)
#: Names the small model often gets the label of wrong, with the label they should have.
KNOWN_LABELS: dict[str, str] = {
    **dict.fromkeys(PLATFORMS, "ORG"),
    **dict.fromkeys(["google", "apple", "amazon", "microsoft"], "ORG"),
    **dict.fromkeys(("shia", "shi'a", "shiite", "shi'ite", "sunni", "kurds", "kurd", "kurdish"), "NORP"),
    "congress": "ORG",
    "pentagon": "ORG",
    "kremlin": "ORG",
    "white house": "ORG",
}

#: Titles that precede a person's name and are not part of it (lower case, longest first).
TITLES: tuple[str, ...] = tuple(
    sorted(
        """secretary of state|secretary of defense|secretary of defence|secretary of the treasury|
        secretary-general|secretary general|attorney general|prime minister|foreign minister|
        defense minister|defence minister|interior minister|finance minister|deputy prime minister|
        vice president|president-elect|supreme leader|chief executive|crown prince|house speaker|
        maj. gen.|maj gen.|maj. gen|brig. gen.|lt. gen.|lt. col.|gen.|maj.|lt.|col.|capt.|sgt.|cpl.|adm.|
        cmdr.|gov.|sen.|rep.|dr.|mr.|mrs.|ms.|mx.|prof.|rev.|st.|mr|mrs|ms|dr|
        president|premier|chancellor|minister|secretary|senator|congressman|congresswoman|
        representative|governor|mayor|general|colonel|major|captain|lieutenant|sergeant|admiral|
        commander|ambassador|judge|justice|king|queen|prince|princess|sheikh|emir|ayatollah|imam|
        pope|cardinal|bishop|rabbi|father|sister|sir|dame|lord|lady|professor|doctor|chairman|
        chairwoman|chair|director|spokesman|spokeswoman|spokesperson|leader|commissioner|
        detective|officer|sheriff|pastor|archbishop|councillor|councilor|councilman|councilwoman|
        alderman|superintendent|inspector|constable|chief|baroness|baron|duke|duchess|earl|miss|
        cllr|cllr.|supt.|insp.|det.|pc|mp|coach|president-elect""".replace("\n", "").split("|"),
        key=len,
        reverse=True,
    )
)
TITLES = tuple(t.strip() for t in TITLES if t.strip())
_TITLE_RE = re.compile(
    r"(?:(?:"
    + "|".join(re.escape(t.strip()) for t in TITLES if t.strip())
    + r")(?=[\s\u00a0]|$)[\s\u00a0]*)+",
    re.IGNORECASE,
)
#: A title phrase spaCy may tag on its own ("Secretary of State" -> "State" as ORG).
_TITLE_PHRASE_RE = re.compile(
    r"\b(?:Secretary|Minister|Department|Ministry|Minister) of (?:the )?[A-Z][\w]*(?: [A-Z][\w]*)?$"
)
#: Trailing words that make a name a facility ("al-Asad air base", "the U.S. Embassy").
FACILITY_WORDS = _words(
    """base airbase airfield airport embassy consulate bridge stadium hospital prison camp port harbour
    harbor station palace tower plant refinery dam mosque church cathedral temple shrine square
    university hauptbahnhof centraal terminal terminus depot barracks arena museum"""
)
_FACILITY_TAIL_RE = re.compile(
    r"[\s\u00a0]+(?:(?:air|military|naval|army|airforce|air force|marine)[\s\u00a0]+)?"
    r"(base|airbase|airfield|airport|camp|compound)\b",
    re.IGNORECASE,
)
#: Last words of street and road names ("Mill Road" is a place, whatever the model says).
STREET_WORDS = _words(
    """street road lane avenue boulevard drive way close crescent terrace row place court
    gardens"""
)
#: Prepositions after which a PERSON-tagged name is a place ("in Little Ashby", "near Erbil").
PERSON_PLACE_PREPS = frozenset({"in", "near", "outside", "inside", "around", "across", "throughout"})
#: Nouns a place has and a person or company does not: "Riverside's residents".
PLACE_POSSESSIONS = _words(
    """resident inhabitant villager citizen population townspeople mayor streets coastline border
    suburb outskirts neighbourhood neighborhood"""
)
#: Second words of company names that people drop: "Caldera Power" is also just "Caldera".
BUSINESS_WORDS = _words(
    """power energy group holdings airlines airways motors systems technologies technology media
    pharmaceuticals pharma oil gas petroleum mining telecom communications bank capital partners
    industries foods brands labs software games entertainment rail railways railway trains buses
    insurance"""
)
#: Company-form suffixes that do not change which organisation is meant ("Post Office Ltd").
_COMPANY_SUFFIX_RE = re.compile(r" (?:ltd|ltd\.|limited|inc|inc\.|plc|llc|co\.|corp|corp\.|gmbh|ag|sa)$")
#: Words that show a name is an organisation, so "in X" does not make it a place.
ORG_WORDS = _words(
    """force forces corps council party ministry department army navy committee agency bank company inc
    corp university group front guard guards brigade brigades militia union association organization
    organisation court parliament congress senate times post news network institute foundation"""
)
#: Prepositions after which a one-word ORG or PERSON name is almost always a place ("near Erbil").
LOCATIVE_PREPS = frozenset(
    {"near", "outside", "around", "across", "throughout", "toward", "towards", "inside"}
)
_RELATIVE_OR_PRONOUN = frozenset({"who", "which", "that", "whom", "whose"})
#: Verbs whose subject is a person when the model calls it an organisation ("Ewan MacLeod said").
REPORTING_LEMMAS = lexicon.words("cues", "speech")
#: Nouns in apposition that make a name a person: "his mother, Loretta Bell", "Bell, a bus driver".
PERSON_NOUNS = lexicon.words("people", "person_nouns")
#: Words that are not in people's names: a name holding one is an organisation or a place.
_NOT_NAME_WORDS = (
    ORG_WORDS
    | BUSINESS_WORDS
    | FACILITY_WORDS
    | STREET_WORDS
    | _words(
        """office mail service services trust fund society church school board commission authority police
        royal national british scottish english welsh irish european american federal central international
        global new north south east west northern southern eastern western city state public county
        district general united estate island islands act law"""
    )
)
#: Nouns of landscape and settlement: "the Allt Mòr burn", "the village of Ardal", "Tràigh Bhàn, the beach".
GEO_NOUNS = _words(
    """burn river loch lake hill hills island isle beach glen valley mountain mountains bay village town
    city coast estuary creek moor moorland peninsula strait sound county parish hamlet district region
    province suburb harbour harbor shore headland forest"""
)
#: Nouns right before a name that make it an organisation: "the state mining company Codelsur".
ORG_NOUNS = lexicon.words("people", "org_nouns")
#: Heads after which "to X" is a destination: "the extension to Eastfield", "I have been to Happisburgh".
_MOTION_LEMMAS = _words(
    """extension route line train trains service travel go return move fly drive come journey trip be
    sail commute link road"""
)
#: Words after which "on X" is living on an island, not a topic: "a winter on Inchmorra".
_LIFE_ON = _words(
    """live land arrive stay spend grow winter summer life child children family families people resident
    residents house houses home farm everyone nobody anyone someone"""
)
#: Verbs whose object is a place when the model calls it an organisation: "visited Inchmorra".
_VISIT_LEMMAS = _words("visit tour evacuate")
#: Heads after which "in X" is not a place: "shares in Caldera", "a role in Congress".
_NOT_PLACE_IN = _words("""invest investment stake share interest role job work position member membership""")
#: Capitalised words that begin a sentence or a date, not a name ("said Monday", "said The ...").
_NOT_FIRST_NAMES = _words(
    """the a an this that these those it he she they we i you his her their our its in on at for and but
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december"""
)
#: A capitalised word of a name: "Bell", "O’Neill", "Abdul-Mahdi", "MacLeod".
_NAME_WORD = r"[A-Z][a-zà-ÿ]+(?:[’'-][A-Za-zà-ÿ]+)*(?:[A-Z][a-zà-ÿ]+)?"
#: Full names the model often misses: "said Marcus Bell", "Marcus Bell, who ...", "Marcus Bell, 42, said".
_MISSED_NAME_RES = (
    re.compile(
        r"\b(?:said|says|told|added|asked|wrote)[ \u00a0]+("
        + _NAME_WORD
        + r"(?:[ \u00a0]"
        + _NAME_WORD
        + r"){1,2})(?![\w’'-])(?![ \u00a0]+[A-Z])"
    ),
    re.compile(
        r"(?<![\w’'-])("
        + _NAME_WORD
        + r"[ \u00a0]"
        + _NAME_WORD
        + r"),[ \u00a0]+(?:who|whose|\d{1,3},)[ \u00a0]"
    ),
    # "Iain Morrison, a retired headteacher, ...": a name in apposition to a person noun.
    re.compile(
        r"(?<![\w’'-])("
        + _NAME_WORD
        + r"[ \u00a0]"
        + _NAME_WORD
        + r"),[ \u00a0]+(?:a|an|the|his|her|their)[ \u00a0]+(?:[\w-]+[ \u00a0]+){0,3}?(?:"
        + "|".join(sorted(PERSON_NOUNS))
        + r")\b"
    ),
)
#: A name with a nickname in quotes: "catherine “kate” boyd" (a merge key, so lower case).
_NICKNAME_RE = re.compile(r"^(\S+) [“\"‘'](\S+)[”\"’'] (.+)$")
#: Last words of laws, which the model calls organisations ("the Transport and Works Act").
LAW_WORDS = _words("act bill treaty")

_SPACE_RE = re.compile(r"[\s\u00a0]+")
#: Longer "names" are tokenisation accidents (a run of letters without spaces), not names.
_MAX_NAME_CHARS = 100
_LEADING_THE_RE = re.compile(r"(?:the|The|THE)[\s\u00a0]+")
_POSSESSIVE_RE = re.compile(r"(?:[’']s|(?<=s)[’'])$")
_EDGE_JUNK = " \t\r\n\u00a0,;:\"“”‘’'()[]{}•·▪◦‣*#>|–—"


@dataclass(slots=True)
class Mention:
    """One cleaned-up name mention of an actor or place, in full-text character offsets."""

    start: int
    end: int
    text: str
    label: str
    key: str  # normalised name used for merging
    name: str  # display form: single spaces, no title or possessive
    acts: bool = False  # grammatical subject of a verb: a place that acts is also an actor
    vote: str | None = None  # label this mention votes for when it differs from `label` (set by merging)
    cue: str | None = None  # "person" or "place": the context, not the model, says what this names


@dataclass(slots=True)
class Cluster:
    """Mentions believed to name one thing, before it becomes a Referent."""

    key: str
    mentions: list[Mention] = field(default_factory=list)
    canonical: str | None = None  # from the alias table

    @property
    def first(self) -> int:
        return self.mentions[0].start


def normalise(name: str) -> str:
    """The merge key of a name: lower case, single spaces, straight apostrophes."""
    return _SPACE_RE.sub(" ", name).replace("’", "'").strip().lower()


def _trim(text: str, start: int, label: str) -> tuple[int, int] | None:
    """Offsets (relative to `text`) of the bare name inside an entity's text, or None if nothing is left."""
    lo, hi = 0, len(text)
    while lo < hi and text[lo] in _EDGE_JUNK:
        lo += 1
    while hi > lo and text[hi - 1] in _EDGE_JUNK:
        hi -= 1
    while True:
        changed = False
        match = _LEADING_THE_RE.match(text, lo, hi)
        if match:
            lo = match.end()
            changed = True
        if label == "PERSON":
            match = _TITLE_RE.match(text, lo, hi)
            if match and match.end() < hi:
                lo = match.end()
                changed = True
        match = _POSSESSIVE_RE.search(text, lo, hi)
        if match and match.start() > lo:
            hi = match.start()
            changed = True
        while hi > lo and text[hi - 1] in _EDGE_JUNK:
            hi -= 1
            changed = True
        if not changed:
            break
    return (lo, hi) if hi > lo else None


def _is_acronym(name: str) -> bool:
    letters = name.replace(".", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


_TITLE_WORDS = frozenset(t for t in TITLES if " " not in t)


def _looks_personal(name: str) -> bool:
    """One to three capitalised words, none of them an organisation's or a place's."""
    words = name.replace("\u00a0", " ").split(" ")
    if not 1 <= len(words) <= 3 or _is_acronym(name):
        return False
    for word in words:
        lower = normalise(word)
        if not word[:1].isupper() or word.isupper() or lower in _NOT_NAME_WORDS or lower in _TITLE_WORDS:
            return False
    key = normalise(name)
    return key not in KNOWN_LABELS and key not in ALIASES and words[0].lower() not in _NOT_FIRST_NAMES


def _person_cue(doc: Doc, text: str, ent: Any, e: int) -> bool:
    """Whether the context makes a name a person: subject of "said", ", who", a title, a kin noun."""
    root = ent.root
    if root.dep_ == "nsubj" and root.head.lemma_.lower() in REPORTING_LEMMAS:
        return True
    after = text[e : e + 12]  # not doc.text: spaCy rebuilds that string on every access
    if after.startswith((", who ", ", whose ", ", who\n")):
        return True
    if ent.start > 0 and doc[ent.start - 1].lower_.rstrip(".") in _TITLE_WORDS:
        return True
    if root.dep_ == "appos" and root.head.lemma_.lower() in PERSON_NOUNS:
        return True
    return any(c.dep_ == "appos" and c.lemma_.lower() in PERSON_NOUNS for c in root.children)


def _place_cue(doc: Doc, ent: Any, key: str) -> str | None:
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
    if " " in key or _is_acronym(ent.text) or key in ORG_WORDS:
        return None
    if root.dep_ == "pobj" and head.lower_ in ("to", "from") and head.head.ent_type_ in ("GPE", "LOC"):
        return "GPE"  # "Munich to Copenhagen"
    if root.dep_ == "pobj" and head.lower_ == "on" and head.head.lemma_.lower() in _LIFE_ON:
        return "GPE"  # "a winter on Inchmorra", "every child on Inchmorra"
    if root.dep_ == "dobj" and head.lemma_.lower() in _VISIT_LEMMAS:
        return "GPE"  # "the minister visited Inchmorra"
    if root.dep_ == "nsubj" and head.lemma_.lower() == "lie" and head.i > root.i:
        return "GPE"  # "Inchmorra lies eleven miles off the coast"
    if root.dep_ == "pobj" and head.lower_ == "in" and head.head.lemma_.lower() not in _NOT_PLACE_IN:
        return "GPE"  # "people in Eastfield"
    if root.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_.lower() in _MOTION_LEMMAS:
        return "GPE"  # "the extension to Eastfield", "I have been to Happisburgh"
    return None


def _common_word(token: Any, text: str, name: str) -> bool:
    """A capitalised adjective modifying a noun ("a Gaelic name"), or a noun opening a sentence that the
    text also uses in lower case ("Anger can wait." beside "their anger"): not a name."""
    if token.pos_ == "ADJ" and token.dep_ == "amod":
        return True
    if token.pos_ != "NOUN" or not token.is_sent_start:
        return False
    lower = name.lower()
    return lower != name and (f" {lower} " in text or f" {lower}." in text or f" {lower}," in text)


def entities_from_doc(
    doc: Doc, offset: int = 0, text: str | None = None
) -> tuple[list[Entity], list[Mention]]:
    """Every entity of `doc` (shifted by `offset`) and the cleaned mentions of actors and places.

    Repairs applied: an ORG/PERSON single word after "near"/"outside" is a place; a name followed by
    "(air) base" or ending in "Embassy" is a facility (the base words join the span); a name inside a
    title phrase ("Secretary of State") is dropped; names in `KNOWN_LABELS` take that label; a name
    the context makes a person ("Ewan MacLeod said", "Marcus Bell, who") or a place ("in Eastfield",
    "the Allt Mòr burn") takes that label; full names the model missed after "said" or before ", who"
    are added. `text` is the doc's text when the caller has it (doc.text rebuilds the string).
    """
    text = doc.text if text is None else text
    entities: list[Entity] = []
    mentions: list[Mention] = []
    for ent in doc.ents:
        label = ent.label_
        start, end = ent.start_char, ent.end_char
        if label not in LABEL_KIND:
            entities.append(Entity(start + offset, end + offset, ent.text, label))
            continue
        if label == "PERSON" and ent.start > 0 and len(ent) == 1:
            prev = doc[ent.start - 1]
            # "Marcus Bell" with only "Bell" tagged: the first name is a compound of the surname.
            if (
                prev.dep_ == "compound"
                and prev.head.i == ent.root.i
                and prev.pos_ == "PROPN"
                and prev.text.istitle()
                and not prev.ent_type_
                and prev.lower_ not in _TITLE_WORDS
                and prev.lower_ not in _NOT_FIRST_NAMES
            ):
                start = prev.idx
        bounds = _trim(text[start:end], start, label)
        if bounds is None:
            continue
        s, e = start + bounds[0], start + bounds[1]
        name_text = text[s:e]
        if label != "PERSON" and _TITLE_PHRASE_RE.search(text[max(0, s - 40) : e]) and len(name_text) < 20:
            following = text[e : e + 40].lstrip(" \u00a0")
            # "Secretary of State Mike Pompeo", "the Secretary of State for Transport": a title, not a name.
            if following[:1].isupper() or following.startswith(("for ", "of ")) or label == "ORG":
                continue
        key = normalise(name_text)
        root = ent.root
        if len(name_text) > _MAX_NAME_CHARS or not any(ch.isupper() or ch.isdigit() for ch in name_text):
            # "grey water", "piggy": the small model's lower-case guesses are not names.
            entities.append(Entity(s + offset, e + offset, name_text, label))
            continue
        if key in PLATFORMS and root.dep_ == "pobj" and root.head.lower_ in ("on", "via"):
            # "writing on Twitter": the medium, not an actor.
            entities.append(Entity(s + offset, e + offset, name_text, "ORG"))
            continue
        cue: str | None = None
        if label != "NORP" and len(ent) == 1 and _common_word(root, text, name_text):
            # "Anger can wait.", "a Gaelic name": a capitalised common word, not a name of anything.
            entities.append(Entity(s + offset, e + offset, name_text, label))
            continue
        if label == "ORG" and " " in key and key.rsplit(" ", 1)[-1] in LAW_WORDS:
            entities.append(Entity(s + offset, e + offset, name_text, "LAW"))  # a law acts on no one
            continue
        if key in KNOWN_LABELS:
            label = KNOWN_LABELS[key]
        elif label in ("GPE", "PERSON") and ent.start > 0 and doc[ent.start - 1].lower_ in ORG_NOUNS:
            label = "ORG"  # "the state mining company Codelsur"
        elif label == "PERSON" and " " in key and key.rsplit(" ", 1)[-1] in BUSINESS_WORDS:
            label = "ORG"  # "Nordlicht Rail"
        elif label in ("ORG", "GPE") and _looks_personal(name_text) and _person_cue(doc, text, ent, e):
            cue = "person"
            if " " in key:
                label = "PERSON"  # "Ewan MacLeod said": a single word is left to merging ("Caldera said")
        elif label in ("ORG", "PERSON", "NORP"):
            tail = _FACILITY_TAIL_RE.match(text, e)
            place = _place_cue(doc, ent, key) if label != "NORP" else None
            if tail and label != "NORP":
                e = tail.end()
                name_text = text[s:e]
                key = normalise(name_text)
                label = "FAC"
            elif label != "NORP" and " " in key and key.rsplit(" ", 1)[-1] in FACILITY_WORDS | STREET_WORDS:
                label = "FAC"  # "the U.S. Embassy", "Mill Road"
            elif (
                label != "NORP"
                and root.dep_ == "pobj"
                and root.head.lower_ in LOCATIVE_PREPS
                and " " not in key
                and not _is_acronym(name_text)
                and key not in ORG_WORDS
            ):
                label, cue = "GPE", "place"
            elif label != "NORP" and root.dep_ == "poss" and root.head.lemma_.lower() in PLACE_POSSESSIONS:
                label, cue = "GPE", "place"  # "Little Ashby's 900 residents"
            elif (
                label == "PERSON"
                and root.dep_ == "pobj"
                and root.head.lower_ in PERSON_PLACE_PREPS
                and not _TITLE_RE.match(text, max(0, s - 12), s)
            ):
                label, cue = "GPE", "place"  # "a meeting in Little Ashby": people are not "in" each other
            elif place is not None and not (label == "PERSON" and _person_cue(doc, text, ent, e)):
                label, cue = place, "place"
        elif label == "GPE" and (
            (root.dep_ == "pobj" and root.head.lower_ in PERSON_PLACE_PREPS | LOCATIVE_PREPS)
            or (root.dep_ == "poss" and root.head.lemma_.lower() in PLACE_POSSESSIONS)
            or _place_cue(doc, ent, key)
        ):
            cue = "place"  # the context agrees with the model: a surname merge must not outvote it
        if label == "ORG":
            key = _COMPANY_SUFFIX_RE.sub("", key) or key
        canonical = ALIASES.get(key)
        if canonical is None and label == "NORP" and key.endswith("s") and len(key) > 4:
            key = key[:-1]  # "Iraqis" and "Iraqi" are one group
        elif canonical is not None:
            key = canonical.lower()
        dep = root.dep_
        acts = dep in ("nsubj", "csubj") or (dep == "pobj" and root.head.dep_ == "agent")
        name = _SPACE_RE.sub(" ", name_text)
        entities.append(Entity(s + offset, e + offset, name_text, label))
        mentions.append(Mention(s + offset, e + offset, name_text, label, key, name, acts, cue=cue))
    _recover_full_names(doc, text, entities, mentions, offset)
    return entities, mentions


def _overlapping(items: Sequence[Any], starts: Sequence[int], lo: int, hi: int) -> list[Any]:
    """The items (sorted, not overlapping one another) that overlap [lo, hi)."""
    found = []
    j = bisect.bisect_left(starts, hi) - 1
    while j >= 0 and items[j].end > lo:
        found.append(items[j])
        j -= 1
    return found


def _recover_full_names(
    doc: Doc, text: str, entities: list[Entity], mentions: list[Mention], offset: int
) -> None:
    """Add full names the model missed or cut ("said Marcus Bell" with only "Bell" tagged), in place.

    A match that overlaps only mentions lying inside it replaces them; one that overlaps anything else
    (a longer entity, a name spanning the match) or that the model tagged exactly is left alone.
    """
    found: dict[tuple[int, int], str] = {}
    for pattern in _MISSED_NAME_RES:
        for match in pattern.finditer(text):
            name = match.group(1)
            if _looks_personal(name) and " " in name.replace("\u00a0", " "):
                found[match.span(1)] = name
    if not found:
        return
    by_entity = sorted(entities, key=lambda x: x.start)
    entity_starts = [x.start for x in by_entity]
    by_mention = sorted(mentions, key=lambda m: m.start)
    mention_starts = [m.start for m in by_mention]
    dropped: set[int] = set()
    added_end = -1
    for (s, e), name in sorted(found.items()):
        gs, ge = s + offset, e + offset
        if gs < added_end:
            continue  # overlaps a name just added
        overlapping = _overlapping(by_entity, entity_starts, gs, ge)
        if any(x.start < gs or x.end > ge or (x.start == gs and x.end == ge) for x in overlapping):
            continue
        span = doc.char_span(s, e)
        if span is None:
            continue
        dropped.update(id(x) for x in overlapping)
        dropped.update(id(m) for m in _overlapping(by_mention, mention_starts, gs, ge))
        root = span.root
        acts = root.dep_ in ("nsubj", "csubj") or (root.dep_ == "pobj" and root.head.dep_ == "agent")
        clean = _SPACE_RE.sub(" ", name)
        entities.append(Entity(gs, ge, name, "PERSON"))
        mentions.append(Mention(gs, ge, name, "PERSON", normalise(name), clean, acts, cue="person"))
        added_end = ge
    if dropped:
        entities[:] = [x for x in entities if id(x) not in dropped]
        mentions[:] = [m for m in mentions if id(m) not in dropped]
    entities.sort(key=lambda x: (x.start, x.end))
    mentions.sort(key=lambda m: m.start)


def _tokens(key: str) -> list[str]:
    return key.split(" ")


def _cluster(mentions: Iterable[Mention]) -> list[Cluster]:
    """Group mentions by key, then fold surnames and acronyms into the full names they abbreviate."""
    by_key: dict[str, Cluster] = {}
    for mention in mentions:
        mention.vote = None  # decided afresh on every merge: a later full name can make a surname ambiguous
        cluster = by_key.get(mention.key)
        if cluster is None:
            cluster = by_key[mention.key] = Cluster(mention.key, canonical=ALIASES.get(mention.key))
        cluster.mentions.append(mention)

    # The label most of each cluster's mentions carry (computed once: every rule below reads it).
    labels = {key: Counter(m.label for m in c.mentions).most_common(1)[0][0] for key, c in by_key.items()}

    # The context outvotes the model for people: "Ewan MacLeod said" once makes every "Ewan MacLeod" a
    # person, and "Adeyemi said" makes "Marcus Adeyemi" one.
    cued_surnames = {
        key for key, c in by_key.items() if " " not in key and any(m.cue == "person" for m in c.mentions)
    }
    for key, cluster in by_key.items():
        if " " not in key or labels[key] == "PERSON" or cluster.canonical:
            continue
        cued = any(m.cue == "person" for m in cluster.mentions)
        if cued or (_tokens(key)[-1] in cued_surnames and _looks_personal(cluster.mentions[0].name)):
            labels[key] = "PERSON"
            for mention in cluster.mentions:
                mention.vote = None if mention.cue == "place" else "PERSON"

    def majority(cluster: Cluster) -> str:
        return labels[cluster.key]

    # Surnames and name tails: "Soleimani" -> "Qassem Soleimani", "Javad Zarif" -> "Mohammad Javad Zarif".
    # A tail two people share ("Bell": Marcus and Loretta) goes, mention by mention, to the one named last.
    suffix_owners: dict[str, list[str]] = {}
    for key, cluster in by_key.items():
        parts = _tokens(key)
        if len(parts) < 2 or cluster.canonical or majority(cluster) != "PERSON":
            continue
        for i in range(1, len(parts)):
            owners = suffix_owners.setdefault(" ".join(parts[i:]), [])
            if key not in owners:
                owners.append(key)
    # First names: "Margaret" -> "Margaret Ellison", when only one person in the article has it.
    first_owner: dict[str, str | None] = {}
    for key, cluster in by_key.items():
        parts = _tokens(key)
        if len(parts) < 2 or cluster.canonical or majority(cluster) != "PERSON":
            continue
        owner = first_owner.get(parts[0], key)
        first_owner[parts[0]] = key if owner == key else None
    # The head word of an organisation's name: "the Council" -> "Harbourside City Council".
    org_tail_owner: dict[str, str | None] = {}
    for key, cluster in by_key.items():
        parts = _tokens(key)
        if len(parts) < 2 or cluster.canonical or majority(cluster) != "ORG":
            continue
        owner = org_tail_owner.get(parts[-1], key)
        org_tail_owner[parts[-1]] = key if owner == key else None
    # Nicknames: "Kate Boyd" and "Catherine Boyd" -> "Catherine “Kate” Boyd".
    nick_owner: dict[str, str | None] = {}
    for key, cluster in by_key.items():
        named = _NICKNAME_RE.match(key)
        if named is None or majority(cluster) != "PERSON":
            continue
        for short in (f"{named[2]} {named[3]}", f"{named[1]} {named[3]}"):
            owner = nick_owner.get(short, key)
            nick_owner[short] = key if owner == key else None
    # The tail of an organisation's longer name: "Coastal Agency" -> "National Coastal Agency".
    org_suffix_owner: dict[str, str | None] = {}
    for key, cluster in by_key.items():
        parts = _tokens(key)
        if len(parts) < 3 or cluster.canonical or majority(cluster) != "ORG":
            continue
        for i in range(1, len(parts) - 1):
            suffix = " ".join(parts[i:])
            owner = org_suffix_owner.get(suffix, key)
            org_suffix_owner[suffix] = key if owner == key else None
    # Short names of organisations: "Caldera" -> "Caldera Power", when only one starts so.
    org_owner: dict[str, str | None] = {}
    for key, cluster in by_key.items():
        parts = _tokens(key)
        if len(parts) != 2 or parts[1] not in BUSINESS_WORDS:
            continue
        if cluster.canonical or majority(cluster) != "ORG":
            continue
        owner = org_owner.get(parts[0], key)
        org_owner[parts[0]] = key if owner == key else None
    # Acronyms: "IRGC" -> "Islamic Revolutionary Guard Corps".
    acronym_owner: dict[str, str | None] = {}
    for key, cluster in by_key.items():
        parts = [p for p in _tokens(key) if p not in ("of", "the", "and", "for", "&")]
        if len(parts) < 2 or majority(cluster) not in ("ORG", "FAC"):
            continue
        initials = "".join(p[0] for p in parts if p)
        owner = acronym_owner.get(initials, key)
        acronym_owner[initials] = key if owner == key else None

    def personish(key: str, cluster: Cluster) -> bool:
        """A one-word cluster that may name a person even if the model said otherwise."""
        label = majority(cluster)
        if label == "PERSON" or any(m.cue == "person" for m in cluster.mentions):
            return True
        return label == "ORG" and key not in org_tail_owner and key not in org_owner and key not in ORG_WORDS

    def vote_person(cluster: Cluster) -> None:
        for mention in cluster.mentions:
            # A mention whose context says "place" keeps its vote: "Little Ashby's residents".
            mention.vote = None if mention.cue == "place" else "PERSON"

    merged: dict[str, str] = {}
    moves: list[tuple[Mention, str]] = []
    for key, cluster in by_key.items():
        if cluster.canonical and cluster.canonical.lower() != key:
            continue
        owners = suffix_owners.get(key, [])
        if len(owners) > 1 and key not in ALIASES and (" " in key or personish(key, cluster)):
            named = sorted((m.start, owner) for owner in owners for m in by_key[owner].mentions)
            starts = [start for start, _ in named]
            for mention in cluster.mentions:
                k = bisect.bisect_left(starts, mention.start) - 1
                moves.append((mention, named[max(k, 0)][1]))
            vote_person(cluster)
            continue
        target = owners[0] if owners else nick_owner.get(key)
        vote = "PERSON"
        if target is None and " " not in key and key not in TITLES and personish(key, cluster):
            target = first_owner.get(key)
        if target is None and " " not in key and majority(cluster) == "ORG":
            target = org_tail_owner.get(key) or (org_owner.get(key) if key not in ORG_WORDS else None)
            vote = "ORG"
        if (
            target is None
            and " " in key
            and majority(cluster) == "ORG"
            and _tokens(key)[0] not in ("of", "and")
        ):
            target = org_suffix_owner.get(key)
            vote = "ORG"
        if target is None and _is_acronym(cluster.mentions[0].name):
            target = acronym_owner.get(key.replace(".", ""))
            vote = "ORG"
        if target and target != key and key not in ALIASES:
            merged[key] = target
            if vote == "PERSON":
                vote_person(cluster)
            else:
                for mention in cluster.mentions:
                    mention.vote = vote

    def final(key: str) -> str:
        target = key
        seen = {key}
        while target in merged and merged[target] not in seen:  # chains are short; stop on a cycle
            target = merged[target]
            seen.add(target)
        return target

    for key in list(merged):
        target = final(key)
        if target != key and key in by_key and target in by_key:
            by_key[target].mentions.extend(by_key.pop(key).mentions)
    moved = {id(m) for m, _ in moves}
    for key in {m.key for m, _ in moves}:
        if key in by_key:
            by_key[key].mentions = [m for m in by_key[key].mentions if id(m) not in moved]
            if not by_key[key].mentions:
                del by_key[key]
    for mention, owner in moves:
        dest = by_key.get(final(owner)) or by_key.get(owner)
        if dest is None:  # only after a cycle of merges: keep the mention under its own name
            dest = by_key.setdefault(mention.key, Cluster(mention.key))
        dest.mentions.append(mention)
    clusters = list(by_key.values())
    for cluster in clusters:
        cluster.mentions.sort(key=lambda m: m.start)
    return clusters


def _slug(name: str) -> str:
    slug = re.sub(r"[^0-9a-z]+", "-", normalise(name).replace("'", "")).strip("-")
    return slug or "x"


def _name_of(cluster: Cluster) -> str:
    if cluster.canonical:
        return cluster.canonical
    counts = Counter(m.name for m in cluster.mentions)
    # The fullest form: most words, then longest, then most used, then first seen.
    order = {name: i for i, name in reversed(list(enumerate(m.name for m in cluster.mentions)))}
    return max(counts, key=lambda n: (len(n.split()), len(n), counts[n], -order[n]))


def _kind_of(cluster: Cluster) -> str:
    votes = Counter(m.vote or m.label for m in cluster.mentions)
    best = max(votes.values())
    winners = [label for label, count in votes.items() if count == best]
    if "PERSON" in winners and len(winners) > 1:
        full_name = any(" " in m.name and m.label == "PERSON" for m in cluster.mentions)
        if not full_name and any(w in ("GPE", "LOC", "FAC") for w in winners):
            winners.remove("PERSON")  # "Riverside" once a person and once a place: a one-word name is a place
    if (
        "ORG" in winners
        and any(w in ("GPE", "LOC", "FAC") for w in winners)
        and any(m.cue == "place" and (m.vote or m.label) in winners for m in cluster.mentions)
    ):
        winners.remove("ORG")  # a tie between the model's "organisation" and a place the context vouches for
    label = min(winners, key=lambda lab: _TIE_ORDER.index(lab) if lab in _TIE_ORDER else 99)
    return LABEL_KIND[label]


@dataclass(slots=True)
class Referents:
    """The merged records: actors, locations, and which referent each mention (by start offset) names."""

    actors: list[Referent]
    locations: list[Referent]
    by_start: dict[int, str]
    kinds: dict[str, str]


def merge_mentions(mentions: Sequence[Mention]) -> Referents:
    """Merge mentions into actors and locations, sorted by salience (mentions, then first position).

    A place that acts in any mention appears in both lists as the same record (same id).
    """
    clusters = _cluster(mentions)
    clusters.sort(key=lambda c: (-len(c.mentions), c.first))
    actors: list[Referent] = []
    locations: list[Referent] = []
    by_start: dict[int, str] = {}
    kinds: dict[str, str] = {}
    used_ids: set[str] = set()
    for cluster in clusters:
        name = _name_of(cluster)
        base = _slug(name)
        ident, n = base, 2
        while ident in used_ids:
            ident, n = f"{base}-{n}", n + 1
        used_ids.add(ident)
        kind = _kind_of(cluster)
        seen: dict[str, int] = {}
        for m in cluster.mentions:
            if m.name != name:
                seen[m.name] = seen.get(m.name, 0) + 1
        aliases = sorted(seen, key=lambda a: -seen[a])
        record = Referent(
            id=ident,
            name=name,
            kind=kind,
            aliases=aliases,
            mentions=[Span(m.start, m.end, m.text) for m in cluster.mentions],
        )
        kinds[ident] = kind
        for m in cluster.mentions:
            by_start[m.start] = ident
        if kind in ACTOR_KINDS:
            actors.append(record)
        else:
            locations.append(record)
            if any(m.acts for m in cluster.mentions):
                actors.append(record)
    return Referents(actors, locations, by_start, kinds)


class SurnameIndex:
    """The surnames of the people named so far, kept up to date batch by batch (for `recover_surnames`).

    A word that also names a place or an organisation here ("Zurich") is not safe to claim.
    """

    def __init__(self) -> None:
        self._candidates: set[str] = set()
        self._other_keys: set[str] = set()
        self._cached: tuple[frozenset[str], re.Pattern[str] | None] | None = None

    def add(self, mentions: Iterable[Mention]) -> None:
        for mention in mentions:
            if mention.label != "PERSON":
                if mention.key not in self._other_keys:
                    self._other_keys.add(mention.key)
                    self._cached = None
                continue
            if mention.key in ALIASES:
                continue
            parts = mention.name.split(" ")
            last = parts[-1]
            if len(parts) >= 2 and len(last) >= 3 and last[:1].isupper() and last not in self._candidates:
                key = normalise(last)
                if key not in TITLES and key not in FACILITY_WORDS:
                    self._candidates.add(last)
                    self._cached = None

    def pattern(self) -> re.Pattern[str] | None:
        """One regex for every claimable surname (compiled again only when the set changed)."""
        if self._cached is None:
            surnames = frozenset(s for s in self._candidates if normalise(s) not in self._other_keys)
            names = "|".join(re.escape(s) for s in sorted(surnames, key=len, reverse=True))
            compiled = re.compile(r"(?<![\w’'.-])(" + names + r")(?![\w-])") if surnames else None
            self._cached = (surnames, compiled)
        return self._cached[1]


def recover_surnames(
    doc: Doc,
    known: Iterable[Mention],
    entities: Sequence[Entity],
    offset: int = 0,
    index: SurnameIndex | None = None,
    text: str | None = None,
) -> tuple[list[Entity], list[Mention]]:
    """Mentions of known people by surname alone that the model missed ("Biden later flew ...").

    The small model often tags "Joe Biden" but not the bare "Biden" of the next sentence. Every
    surname of a full person name seen so far (`known`, or an `index` kept up to date by the caller)
    is searched in the doc; a match that no entity covers becomes a PERSON mention (and entity).
    One regex pass over the text.
    """
    if index is None:
        index = SurnameIndex()
        index.add(known)
    pattern = index.pattern()
    if pattern is None:
        return [], []
    text = doc.text if text is None else text  # the caller may have it: doc.text rebuilds the string
    taken = sorted((e.start - offset, e.end - offset) for e in entities)
    starts = [s for s, _ in taken]
    new_entities: list[Entity] = []
    new_mentions: list[Mention] = []
    for match in pattern.finditer(text):
        s, e = match.span()
        k = bisect.bisect_right(starts, s) - 1
        if k >= 0 and taken[k][1] > s:
            continue  # inside an entity already found
        if k + 1 < len(taken) and taken[k + 1][0] < e:
            continue
        span = doc.char_span(s, e)
        if span is None:
            continue
        root = span.root
        acts = root.dep_ in ("nsubj", "csubj") or (root.dep_ == "pobj" and root.head.dep_ == "agent")
        name = match.group()
        new_entities.append(Entity(s + offset, e + offset, name, "PERSON"))
        new_mentions.append(Mention(s + offset, e + offset, name, "PERSON", normalise(name), name, acts))
    return new_entities, new_mentions


#: Religious and ethnic groups the small model often misses or mislabels ("Shi’a militias").
_GROUP_RE = re.compile(
    r"(?<![\w’'-])(Shi[’']a|Shia|Shi[’']ites?|Shiites?|Sunnis?|Kurds?|Alawites?|Druze)(?![\w’'-])"
)


def recover_groups(
    doc: Doc, entities: Sequence[Entity], offset: int = 0, text: str | None = None
) -> tuple[list[Entity], list[Mention]]:
    """Mentions of well-known groups that no entity covers, as NORP (one regex pass over the text)."""
    text = doc.text if text is None else text
    taken = sorted((e.start - offset, e.end - offset) for e in entities)
    starts = [s for s, _ in taken]
    new_entities: list[Entity] = []
    new_mentions: list[Mention] = []
    for match in _GROUP_RE.finditer(text):
        s, e = match.span()
        k = bisect.bisect_right(starts, s) - 1
        if (k >= 0 and taken[k][1] > s) or (k + 1 < len(taken) and taken[k + 1][0] < e):
            continue
        name = match.group()
        key = normalise(name)
        key = ALIASES.get(key, name).lower()
        span = doc.char_span(s, e, alignment_mode="expand")
        acts = span is not None and span.root.dep_ in ("nsubj", "csubj")
        new_entities.append(Entity(s + offset, e + offset, name, "NORP"))
        new_mentions.append(Mention(s + offset, e + offset, name, "NORP", key, name, acts))
    return new_entities, new_mentions
