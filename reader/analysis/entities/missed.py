"""Names the model missed or cut inside one doc: full names after "said", datelines' places, and
names spelled out before their acronym ("the Campaign to Protect Rural England (CPRE)")."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol, TypeVar

from reader.analysis.entities.lines import PageLines, dateline_name
from reader.analysis.entities.names import (
    Mention,
    looks_personal,
    merge_key,
    name_gender,
    normalise,
    title_before,
)
from reader.analysis.entities.words import PERSON_NOUNS, SPACE_RE
from reader.analysis.model import Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: An acronym in brackets after the name it abbreviates: "... Rural England (CPRE)".
_ACRONYM_RE = re.compile(r"[ \u00a0]\(([A-Z]{2,8})\)")
#: The words of a spelled-out name, and the small words that may join them ("Campaign to Protect").
_SPELLING_WORD_RE = re.compile(r"[\w’'-]+|&")
_NAME_JOINERS = frozenset({"of", "the", "and", "for", "to", "on", "&"})

#: A capitalised word of a name: "Bell", "O’Neill", "Abdul-Mahdi", "MacLeod" (not a possessive "Bell’s").
_NAME_WORD = r"[A-Z][a-zà-ÿ]+(?:[’'-](?!s\b)[A-Za-zà-ÿ]+)*(?:[A-Z][a-zà-ÿ]+)?"
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


def add_missed_datelines(
    text: str, lines: PageLines, entities: list[Entity], mentions: list[Mention], offset: int
) -> None:
    """Add a dateline's place the model did not tag at all ("PORTLAND, Maine — ..."), in place."""
    added = False
    for s, e in lines.cities:
        if any(x.start < e + offset and s + offset < x.end for x in entities):
            continue
        name_text = text[s:e]
        name = dateline_name(name_text)
        entities.append(Entity(s + offset, e + offset, name_text, "GPE"))
        mentions.append(
            Mention(s + offset, e + offset, name_text, "GPE", merge_key(normalise(name_text), "GPE"), name)
        )
        mentions[-1].cue = "place"
        mentions[-1].scene = True
        added = True
    if added:
        entities.sort(key=lambda x: (x.start, x.end))
        mentions.sort(key=lambda m: m.start)


class _Spanned(Protocol):
    @property
    def end(self) -> int: ...


_SpannedT = TypeVar("_SpannedT", bound=_Spanned)


def _overlapping(items: Sequence[_SpannedT], starts: Sequence[int], lo: int, hi: int) -> list[_SpannedT]:
    """The items (sorted, not overlapping one another) that overlap [lo, hi)."""
    found = []
    j = bisect.bisect_left(starts, hi) - 1
    while j >= 0 and items[j].end > lo:
        found.append(items[j])
        j -= 1
    return found


def recover_full_names(
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
            if looks_personal(name) and " " in name.replace("\u00a0", " "):
                found[match.span(1)] = name
    if found:
        put_in(doc, text, entities, mentions, offset, found, "PERSON")


def recover_spelled_out(
    doc: Doc, text: str, entities: list[Entity], mentions: list[Mention], offset: int
) -> None:
    """Add an organisation's name the model missed where the text spells it out before its acronym
    ("the Campaign to Protect Rural England (CPRE)"), so the acronym's mentions join it, in place."""
    found: dict[tuple[int, int], str] = {}
    for match in _ACRONYM_RE.finditer(text):
        start = _spelled_out_start(text, match.start(), match.group(1))
        if start is not None:
            found[(start, match.start())] = text[start : match.start()]
    if found:
        put_in(doc, text, entities, mentions, offset, found, "ORG")


def _spelled_out_start(text: str, end: int, acronym: str) -> int | None:
    """Where the words before `end` whose initials spell `acronym` begin, or None if they do not."""
    letters = list(acronym)
    words = list(_SPELLING_WORD_RE.finditer(text, max(0, end - 160), end))
    if not words or words[-1].end() != end:
        return None
    for word in reversed(words):
        if not letters:
            break
        token = word.group()
        if token[0].isupper():
            if token[0] != letters[-1]:
                return None
            letters.pop()
            if not letters:
                return word.start()
        elif token not in _NAME_JOINERS:
            return None
    return None


def put_in(
    doc: Doc,
    text: str,
    entities: list[Entity],
    mentions: list[Mention],
    offset: int,
    found: dict[tuple[int, int], str],
    label: str,
) -> None:
    """Add the names `found` (by span), each replacing the mentions that lie inside it, in place."""
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
        clean = SPACE_RE.sub(" ", name)
        entities.append(Entity(gs, ge, name, label))
        cue = "person" if label == "PERSON" else "organisation"
        mention = Mention(gs, ge, name, label, merge_key(normalise(name), label), clean, acts, cue=cue)
        if label == "PERSON":
            mention.gender = name_gender(clean, title_before(text, s))
        mentions.append(mention)
        added_end = ge
    if dropped:
        entities[:] = [x for x in entities if id(x) not in dropped]
        mentions[:] = [m for m in mentions if id(m) not in dropped]
    entities.sort(key=lambda x: (x.start, x.end))
    mentions.sort(key=lambda m: m.start)
