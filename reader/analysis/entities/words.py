"""The word lists and name patterns the entity passes share: labels, aliases, titles, place and company words.

Each list says in its comment what it is for; the ones written here were written by hand from news
text, the others come from the shared lexicon (`reader.analysis.lexicon`, where each file's origin is given).
"""

from __future__ import annotations

import json
import re

from reader.analysis import lexicon


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _alike(one: str, other: str) -> bool:
    """Whether two given names could be one name's forms: the same first letter ("jack", "john") or
    two letters in a row in common ("bill", "william"; "ted", "edward")."""
    if one[:1] == other[:1]:
        return True
    pairs = {one[i : i + 2] for i in range(len(one) - 1)}
    return any(other[i : i + 2] in pairs for i in range(len(other) - 1))


def _nickname_table(name: str) -> dict[str, frozenset[str]]:
    """Each given name -> the names it may be another form of, both ways ("jim" <-> "james").

    The table also links names that are only two forms of a third ("will" and "fred", both
    Wilfred's) or not one name at all ("bill" and "robert"); a link between names with nothing in
    common (`_alike`) is left out, so "Bill Harper" and "Fred Harper" stay two people, unless the
    short form rhymes with or grows from one kept (`_rhymes`): "peg" and "peggy" beside Margaret's
    "meg", "polly" beside Mary's "molly"."""
    path = lexicon.FOLDER / name
    try:
        formal_to_short: dict[str, list[str]] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise lexicon.LexiconError(f"lexicon {name} cannot be read: {error}") from error
    related: dict[str, set[str]] = {}
    for formal, shorts in formal_to_short.items():
        for short in _genuine_forms(formal, shorts):
            related.setdefault(formal, set()).add(short)
            related.setdefault(short, set()).add(formal)
    return {name: frozenset(names) for name, names in related.items()}


def _genuine_forms(formal: str, shorts: list[str]) -> set[str]:
    """The short forms of `formal` that are its own: alike to it, or rhyming with or growing from
    one that is (until none is added)."""
    kept = {short for short in shorts if _alike(formal, short)}
    grown = True
    while grown:
        added = {s for s in shorts if s not in kept and any(_rhymes(s, k) for k in kept)}
        kept |= added
        grown = bool(added)
    return kept


def _rhymes(one: str, other: str) -> bool:
    """Whether two short forms of a name are one form rhymed ("meg", "peg"; "molly", "polly") or
    one grown from the other ("peg", "peggy")."""
    if min(len(one), len(other)) < 3:
        return False
    return one[1:] == other[1:] or one.startswith(other) or other.startswith(one)


#: Given names that tell a person's gender ("Mary Jones ... she said"), and titles that do ("Mrs. Trump").
MALE_NAMES = lexicon.words("given_names", "male")
FEMALE_NAMES = lexicon.words("given_names", "female")
MALE_TITLES = lexicon.words("people", "male_titles")
FEMALE_TITLES = lexicon.words("people", "female_titles")
#: Given names and their other forms: "Jim Hacker" is "James R. Hacker".
NICKNAMES = _nickname_table("nicknames.json")


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
TIE_ORDER = ("PERSON", "GPE", "ORG", "FAC", "LOC", "NORP")

#: Well-known names and their other forms (lower case) -> canonical name.
ALIAS_FORMS: dict[str, tuple[str, ...]] = {
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
for _canonical, _forms in ALIAS_FORMS.items():
    ALIASES[_canonical.lower()] = _canonical
    for _form in _forms:
        ALIASES[_form] = _canonical

#: Social media: "on Twitter" names where something was said, not someone who acts.
PLATFORMS = _words(
    """twitter facebook instagram youtube telegram tiktok whatsapp reddit linkedin snapchat x.com
    bluesky mastodon threads weibo wechat"""
) | {"truth social"}
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
        cllr|cllr.|supt.|insp.|det.|pc|mp|coach|president-elect|keeper|goalkeeper|striker|midfielder|
        manager|skipper|zookeeper|ranger|warden""".replace("\n", "").split("|"),
        key=len,
        reverse=True,
    )
)
TITLES = tuple(t.strip() for t in TITLES if t.strip())
TITLE_RE = re.compile(
    r"(?:(?:"
    + "|".join(re.escape(t.strip()) for t in TITLES if t.strip())
    + r")(?=[\s\u00a0]|$)[\s\u00a0]*)+",
    re.IGNORECASE,
)
#: A title phrase spaCy may tag on its own ("Secretary of State" -> "State" as ORG).
TITLE_PHRASE_RE = re.compile(
    r"\b(?:Secretary|Minister|Department|Ministry|Minister) of (?:the )?[A-Z][\w]*(?: [A-Z][\w]*)?$"
)
#: Trailing words that make a name a facility ("al-Asad air base", "the U.S. Embassy").
FACILITY_WORDS = _words(
    """base airbase airfield airport embassy consulate bridge stadium hospital prison camp port harbour
    harbor station palace tower plant refinery dam mosque church cathedral temple shrine square
    hauptbahnhof centraal terminal terminus depot barracks arena museum"""
)
FACILITY_TAIL_RE = re.compile(
    r"[\s\u00a0]+(?:(?:air|military|naval|army|airforce|air force|marine)[\s\u00a0]+)?"
    r"(base|airbase|airfield|airport|camp|compound)\b",
    re.IGNORECASE,
)
#: Last words of street and road names ("Mill Road" is a place, whatever the model says).
STREET_WORDS = _words(
    """street road lane avenue boulevard drive way close crescent terrace row place court
    gardens"""
)
#: An organisation's last word, tagged or not: "the Darwin Initiative", "the Darwin| Initiative".
ORG_TAILS = lexicon.words("organisations", "name_tails")
ORG_TAIL_RE = re.compile(
    r"[ \u00a0]+(?:"
    + "|".join(sorted({w.capitalize() for w in ORG_TAILS} | {w.upper() for w in ORG_TAILS if len(w) <= 3}))
    + r")(?![\w’'-])"
)
#: Numbered roads, which the model calls organisations: "the A28", "the M25", "I-95".
ROAD_NUMBER_RE = re.compile(r"(?:[AM]\d{1,4}(?:\(M\))?|B\d{4}|I-\d{1,3})$")
#: First words of towns the model calls facilities: "Fort William", "Port Ardal".
TOWN_FIRST_WORDS = lexicon.words("places", "town_first_words")
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
    insurance lines homes"""
)
#: Last words that make a name the model calls a person's an organisation's: "Nordlicht Rail".
COMPANY_LAST_WORDS = BUSINESS_WORDS | ORG_TAILS
#: Company-form suffixes that do not change which organisation is meant ("Post Office Ltd").
COMPANY_SUFFIXES = lexicon.words("organisations", "suffixes")
_SUFFIX_ALTERNATIVES = "|".join(re.escape(s) for s in sorted(COMPANY_SUFFIXES, key=len, reverse=True))
COMPANY_SUFFIX_RE = re.compile(r" (?:" + _SUFFIX_ALTERNATIVES + r")$")
#: A company-form suffix right after a name the model cut short: "Rio Tinto| Ltd", "Apple|, Inc.".
COMPANY_SUFFIX_AFTER_RE = re.compile(
    r",?[ \u00a0]+(?:"
    + "|".join(re.escape(s) for s in sorted(COMPANY_SUFFIXES, key=len, reverse=True))
    + r")(?![\w])",
    re.IGNORECASE,
)
#: What an organisation has and a person does not: "Morgan Stanley's shareholders".
COMPANY_POSSESSIONS = lexicon.words("organisations", "possessions")
#: Firms known by a person's name ("Morgan Stanley"), unless the text calls the name a person's.
PERSON_NAMED_FIRMS = lexicon.words("organisations", "person_named_firms")
#: People who work somewhere: "analysts at Morgan Stanley" names a firm.
STAFF_NOUNS = lexicon.words("organisations", "staff_nouns")
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
#: Verbs whose subject is a person when the model calls it an organisation ("Ewan MacLeod said").
REPORTING_LEMMAS = lexicon.words("cues", "speech")
#: Nouns in apposition that make a name a person: "his mother, Loretta Bell", "Bell, a bus driver".
PERSON_NOUNS = lexicon.words("people", "person_nouns")
#: Nouns after which "from X" is where people come from: "a voter from Montgomery".
FROM_NOUNS = PERSON_NOUNS | lexicon.words("people", "from_nouns")
#: Words that are not in people's names: a name holding one is an organisation or a place.
NOT_NAME_WORDS = (
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
    province suburb harbour harbor shore headland forest basin delta plateau desert gulf sea ocean atoll
    reef archipelago canyon cape fjord lagoon glacier"""
)
#: Last words that make a name a natural feature, whatever the model says: "Fox's Island", "Snake River".
GEO_FEATURES = GEO_NOUNS - _words("village town city county parish hamlet district region province suburb")
#: Nouns that say a name is an organisation's: "the state mining company Codelsur", "Rio Tinto, the miner".
ORG_NOUNS = lexicon.words("people", "org_nouns") | lexicon.words("organisations", "company_nouns")
#: Heads after which "to X" is a destination: "the extension to Eastfield", "I have been to Happisburgh".
MOTION_LEMMAS = _words(
    """extension route line train trains service travel go return move fly drive come journey trip be
    sail commute link road"""
)
#: Words after which "on X" is living on an island, not a topic: "a winter on Inchmorra".
LIFE_ON = _words(
    """live land arrive stay spend grow winter summer life child children family families people resident
    residents house houses home farm everyone nobody anyone someone"""
)
#: Verbs whose object is a place when the model calls it an organisation: "visited Inchmorra".
VISIT_LEMMAS = _words("visit tour evacuate")
#: Heads after which "in X" is not a place: "shares in Caldera", "a role in Congress".
NOT_PLACE_IN = _words("""invest investment stake share interest role job work position member membership""")
#: Capitalised words that begin a sentence or a date, not a name ("said Monday", "said The ...");
#: the months by their full names ("Jan" is also a given name).
NOT_FIRST_NAMES = _words(
    """the a an this that these those it he she they we i you his her their our its in on at for and but
    monday tuesday wednesday thursday friday saturday sunday"""
) | frozenset(names[0] for names in lexicon.groups("calendar", "months"))
#: A name with a nickname in quotes: "catherine “kate” boyd" (a merge key, so lower case).
NICKNAME_RE = re.compile(r"^(\S+) [“\"‘'](\S+)[”\"’'] (.+)$")
#: Last words of laws, which the model calls organisations ("the Transport and Works Act").
LAW_WORDS = lexicon.words("programmes", "last_words")
#: Programmes and laws named without such a word: "Medicare", "Obamacare" (lower case).
PROGRAMME_NAMES = lexicon.words("programmes", "names")
#: A court case's name: "Allen v. Milligan", "Roe vs Wade" (the separators are in the lexicon).
CASE_NAME_RE = re.compile(
    r"[ \u00a0](?:"
    + "|".join(
        re.escape(w) for w in sorted(lexicon.words("programmes", "case_separators"), key=len, reverse=True)
    )
    + r")[ \u00a0]+[A-Z]"
)
#: The US states as datelines abbreviate them: "Ala." is Alabama.
STATE_ABBREVIATIONS = lexicon.mapping("places", "state_abbreviations")

SPACE_RE = re.compile(r"[\s\u00a0]+")
#: Longer "names" are tokenisation accidents (a run of letters without spaces), not names.
MAX_NAME_CHARS = 100
LEADING_THE_RE = re.compile(r"(?:the|The|THE)[\s\u00a0]+")
POSSESSIVE_RE = re.compile(r"(?:[’']s|(?<=s)[’'])$")
EDGE_JUNK = " \t\r\n\u00a0,;:\"“”‘’'()[]{}•·▪◦‣*#>|–—"
#: One-word titles ("gen", "mr."), for looking at the word before a name.
TITLE_WORDS = frozenset(t for t in TITLES if " " not in t)
