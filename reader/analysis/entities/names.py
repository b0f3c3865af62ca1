"""A cleaned-up name mention and the small tests on a name's form that every entity pass uses."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.analysis import lexicon
from reader.analysis.entities.words import (
    ALIASES,
    COMPANY_SUFFIX_RE,
    EDGE_JUNK,
    FEMALE_NAMES,
    FEMALE_TITLES,
    KNOWN_LABELS,
    LEADING_THE_RE,
    MALE_NAMES,
    MALE_TITLES,
    NOT_FIRST_NAMES,
    NOT_NAME_WORDS,
    POSSESSIVE_RE,
    SPACE_RE,
    STATE_ABBREVIATIONS,
    TITLE_RE,
    TITLE_WORDS,
)

_INNER_POSSESSIVE_RE = re.compile(r"(?<=\w)'s(?= )")


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
    cue: str | None = None  # "person", "organisation" or "place": the context, not the model, says so
    gender: str | None = None  # "m" or "f" when a title or the given name says so ("Mrs. Trump", "Mary")
    scene: bool = False  # a dateline's place: it sets the scene and never acts, whatever the parse says


def name_gender(name: str, title: str = "") -> str | None:
    """ "m" or "f" when the title before a name ("Mr.", "Mrs.") or its given name ("Mary Jones") tells a
    person's gender; None when neither does (a surname alone, a name common to both)."""
    word = title.strip().lower()
    if word in MALE_TITLES:
        return "m"
    if word in FEMALE_TITLES:
        return "f"
    parts = name.split()
    if len(parts) < 2:
        return None
    given = parts[0].lower()
    if given in MALE_NAMES:
        return "m"
    if given in FEMALE_NAMES:
        return "f"
    return None


def normalise(name: str) -> str:
    """The merge key of a name: lower case, single spaces, straight apostrophes, no possessive inside
    ("Fox's Island" and "Fox Island" are one place)."""
    return _INNER_POSSESSIVE_RE.sub("", SPACE_RE.sub(" ", name).replace("’", "'").strip().lower())


def trim_name(text: str, start: int, label: str) -> tuple[int, int] | None:
    """Offsets (relative to `text`) of the bare name inside an entity's text, or None if nothing is left."""
    lo, hi = 0, len(text)
    while lo < hi and text[lo] in EDGE_JUNK:
        lo += 1
    while hi > lo and text[hi - 1] in EDGE_JUNK:
        hi -= 1
    while True:
        changed = False
        match = LEADING_THE_RE.match(text, lo, hi)
        if match:
            lo = match.end()
            changed = True
        if label == "PERSON":
            match = TITLE_RE.match(text, lo, hi)
            if match and match.end() < hi:
                lo = match.end()
                changed = True
        match = POSSESSIVE_RE.search(text, lo, hi)
        if match and match.start() > lo:
            hi = match.start()
            changed = True
        while hi > lo and text[hi - 1] in EDGE_JUNK:
            hi -= 1
            changed = True
        if not changed:
            break
    return (lo, hi) if hi > lo else None


def is_acronym(name: str) -> bool:
    letters = name.replace(".", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


def looks_personal(name: str) -> bool:
    """One to three capitalised words, none of them an organisation's or a place's."""
    words = name.replace("\u00a0", " ").split(" ")
    if not 1 <= len(words) <= 3 or is_acronym(name):
        return False
    for word in words:
        lower = normalise(word)
        if not word[:1].isupper() or word.isupper() or lower in NOT_NAME_WORDS or lower in TITLE_WORDS:
            return False
    key = normalise(name)
    return key not in KNOWN_LABELS and key not in ALIASES and words[0].lower() not in NOT_FIRST_NAMES


def title_before(text: str, s: int) -> str:
    """The title word right before a name ("Mrs." in "Mrs. Trump"), or ""."""
    words = text[max(0, s - 12) : s].split()
    return words[-1] if words else ""


def merge_key(key: str, label: str) -> str:
    """The key mentions of one thing share: without a company's legal form, an alias's canonical name,
    a group's singular ("Iraqis" and "Iraqi")."""
    if label == "ORG":
        key = COMPANY_SUFFIX_RE.sub("", key) or key
    canonical = ALIASES.get(key) or (STATE_ABBREVIATIONS.get(key) if label in ("GPE", "LOC") else None)
    if canonical is not None:
        return canonical.lower()
    if label == "NORP" and key.endswith("s") and len(key) > 4:
        return key[:-1]
    return key


#: Lower-case words inside people's names: "Ludwig van Beethoven", "Osama bin Laden".
_NAME_PARTICLES = lexicon.words("people", "name_particles")


def is_binomial(name: str) -> bool:
    """A species' Latin name ("Panthera leo", "Homo sapiens"): a capitalised genus and a lower-case
    epithet, which the small model takes for a person's first name and surname."""
    parts = name.split()
    return (
        len(parts) == 2
        and parts[0].isalpha()
        and parts[0][0].isupper()
        and parts[0][1:].islower()
        and parts[1].isalpha()
        and parts[1].islower()
        and len(parts[1]) > 2
        and parts[1] not in _NAME_PARTICLES
    )
