"""Mentions the model missed: bare surnames of people named before, well-known groups."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from reader.analysis.entities.names import Mention, name_gender, normalise, title_before
from reader.analysis.entities.words import (
    ALIASES,
    FACILITY_WORDS,
    TITLES,
)
from reader.analysis.model import Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc


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
        mention = Mention(s + offset, e + offset, name, "PERSON", normalise(name), name, acts)
        mention.gender = name_gender(name, title_before(text, s))
        new_mentions.append(mention)
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
