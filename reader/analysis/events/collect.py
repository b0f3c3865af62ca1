"""From parsed docs to the article's ranked events: collect raw events per doc, then build once.

`EventCollector.add` reads one doc (a batch of a long text) and keeps its raw events and, for the
first doc, the headline's words; `build` resolves actors and places to the merged referents, marks
what sits in the headline, the lead or a quote, scores, merges mentions of one event, fills the
slots a reader expects (when and where from the lead or the dateline when the sentence is silent),
and returns the events in rank order, the news above its background.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from reader.analysis.credits import credit_spans
from reader.analysis.entities.lines import dateline_name
from reader.analysis.entities.names import name_gender
from reader.analysis.events.extract import RawEvent, events_from_doc
from reader.analysis.events.merge import Group, group_mentions
from reader.analysis.events.notes import note_spans
from reader.analysis.events.parts import ArticleParts, find_parts
from reader.analysis.events.phrases import sentence_words
from reader.analysis.events.rank import (
    Candidate,
    QuoteSpans,
    event_words,
    headline_overlap,
    mark_positions,
    score,
)
from reader.analysis.events.timing import resolve_relative
from reader.analysis.model import Event, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from reader.analysis.entities import Referents

#: How far back (characters) a "he"/"she" subject looks for the person it stands for.
PRONOUN_REACH = 1500
#: Events this early in the text (share of its length) stand in for a lead that gives no day or place...
_NEAR_LEAD = 0.1
#: ... and so do those of the paragraphs right after the lead, up to this many characters after it
#: (a short article's tenth is less than one paragraph).
_NEAR_LEAD_CHARS = 800
#: Referent kinds that can say where something happened.
_PLACE_KINDS = frozenset({"place", "region", "facility"})


class EventCollector:
    """The events of one article, gathered doc by doc (`add`) and ranked on demand (`build`)."""

    def __init__(self, text: str, body_length: int | None = None):
        self.text = text
        self.body_length = len(text) if body_length is None else body_length
        self.parts = find_parts(text[: self.body_length])
        self.raw: list[RawEvent] = []
        self.headline_words: frozenset[str] = frozenset()
        # Headline overlap per (raw event, actor): a streamed article is built again after each batch.
        self._overlaps: dict[tuple[int, str | None], float] = {}

    def add(
        self,
        doc: Doc,
        offset: int,
        mention_bounds: Iterable[tuple[int, int]],
        place_starts: Iterable[int],
        text: str | None = None,
    ) -> list[RawEvent]:
        """Read one doc starting at `offset` of the article; returns its raw events."""
        piece = doc.text if text is None else text
        skip = [*credit_spans(piece), *note_spans(piece)]
        dateline = self.parts.dateline
        if dateline is not None and not (offset <= dateline[0] < offset + len(piece)):
            dateline = None
        local = None if dateline is None else (dateline[0] - offset, dateline[1] - offset)
        events = events_from_doc(
            doc, mention_bounds, place_starts, offset, self.body_length, piece, skip, local
        )
        headline = self.parts.headline
        if headline is not None and offset <= headline[0] < offset + len(piece):
            words: set[str] = set()
            for sent in doc.sents:
                if sent.start_char + offset >= headline[1]:
                    break
                words |= sentence_words(sent)
            self.headline_words = frozenset(words)
        self.raw.extend(events)
        return events

    def _overlap(self, candidate: Candidate, names: dict[str, str]) -> float:
        key = (id(candidate.raw), candidate.actor)
        found = self._overlaps.get(key)
        if found is None:
            found = self._overlaps[key] = headline_overlap(event_words(candidate, names), self.headline_words)
        return found

    def build(
        self, referents: Referents, quotes: Sequence[Quote] = (), published: dt.date | None = None
    ) -> list[Event]:
        """The article's events in rank order (see the module docstring)."""
        parts = find_parts(self.text[: self.body_length], published) if published else self.parts
        candidates = _resolve(self.raw, referents, _Speakers(quotes))
        spans = [(s.start, s.end) for q in quotes if _is_claim(q) for s in (q.segments or [q.content])]
        mark_positions(candidates, parts, QuoteSpans(spans))
        names = {r.id: r.name for r in referents.actors}
        counts = {r.id: len(r.mentions) for r in referents.actors}
        most = max(counts.values(), default=1) or 1
        for c in candidates:
            salience = counts.get(c.actor, 0) / most if c.actor is not None else 0.0
            c.score = score(c, self._overlap(c, names), salience, self.headline_words)
        groups = sorted(
            group_mentions(candidates), key=lambda g: (g.background, -g.score, g.rep.raw.trigger.start)
        )
        _fill_from_opening(groups, parts, referents, self.text)
        return [_event(group, rank, parts.published) for rank, group in enumerate(groups, start=1)]


def _is_claim(quote: Quote) -> bool:
    """A quote whose content is the speaker's claim: any direct quote, and reported speech that opens
    with its source ("Rouhani said that ..."). "The army retook the town, officials said" reports a
    fact first and names its source after: the article tells it as news."""
    if quote.kind != "indirect":
        return True
    return quote.cue is None or quote.cue.start < quote.content.start


class _Speakers:
    """Who speaks inside each direct quote: there, "I" is the speaker."""

    def __init__(self, quotes: Sequence[Quote]):
        spans = sorted(
            (s.start, s.end, q.actor)
            for q in quotes
            if q.kind == "direct" and q.actor is not None
            for s in (q.segments or [q.content])
        )
        self._spans = spans
        self._starts = [start for start, _, _ in spans]

    def at(self, position: int) -> str | None:
        k = bisect.bisect_right(self._starts, position) - 1
        if k >= 0 and position < self._spans[k][1]:
            return self._spans[k][2]
        return None


def _resolve(raws: list[RawEvent], referents: Referents, speakers: _Speakers) -> list[Candidate]:
    """Each raw event with its actor and place ids: a he/she is the last person named before it, an
    "I" inside a direct quote its speaker."""
    person_starts = sorted(s for s, i in referents.by_start.items() if referents.kinds.get(i) == "person")
    genders = _Genders(referents)
    out = []
    for raw in raws:
        actor = referents.by_start.get(raw.actor_at) if raw.actor_at is not None else None
        if actor is None and raw.first_person:
            actor = speakers.at(raw.trigger.start)
        if actor is None and raw.pronoun_at is not None:
            actor = _person_before(raw, person_starts, referents, genders)
        where: str | None = None
        for start in raw.where_at:
            rid = referents.by_start.get(start)
            if rid is not None and referents.kinds.get(rid) in _PLACE_KINDS and rid != actor:
                where = rid
                break
        out.append(Candidate(raw, actor, where if where is not None else raw.where_text))
    return out


class _Genders:
    """Each person's gender as their names tell it ("Mrs Ellison", "Loretta Bell"), looked up once."""

    def __init__(self, referents: Referents):
        self._records = {r.id: r for r in referents.actors}
        self._known: dict[str, str | None] = {}

    def of(self, rid: str) -> str | None:
        if rid not in self._known:
            record = self._records.get(rid)
            found = set()
            for form in (record.name, *record.aliases) if record is not None else ():
                words = form.split()
                gender = name_gender(form, words[0]) if words else None
                if gender:
                    found.add(gender)
            self._known[rid] = found.pop() if len(found) == 1 else None
        return self._known[rid]


def _person_before(
    raw: RawEvent, person_starts: list[int], referents: Referents, genders: _Genders
) -> str | None:
    """The person a "he" or "she" stands for: the last one named before it, within reach, whose
    names do not say the other gender ("Bell said his mother, Loretta Bell, ... He stopped")."""
    assert raw.pronoun_at is not None
    k = bisect.bisect_left(person_starts, raw.pronoun_at) - 1
    while k >= 0 and raw.pronoun_at - person_starts[k] <= PRONOUN_REACH:
        rid = referents.by_start[person_starts[k]]
        gender = genders.of(rid)
        if gender is None or raw.pronoun_gender is None or gender == raw.pronoun_gender:
            return rid
        k -= 1
    return None


def _dateline_place(parts: ArticleParts, referents: Referents, text: str) -> str | None:
    """The dateline's place as a location id when a record starts there, else its text in title case
    ("PALMAR ALTO, Chile" -> "Palmar Alto, Chile")."""
    if parts.dateline_place is None:
        return None
    start, end = parts.dateline_place
    rid = referents.by_start.get(start)
    if rid is not None and referents.kinds.get(rid) in _PLACE_KINDS:
        return rid
    return dateline_name(" ".join(text[start:end].split()))


def _near_lead(candidate: Candidate, parts: ArticleParts) -> bool:
    """Told early: in the first tenth of the text, or in the paragraphs right after the lead."""
    if candidate.raw.position <= _NEAR_LEAD:
        return True
    return parts.lead is not None and candidate.raw.trigger.start < parts.lead[1] + _NEAR_LEAD_CHARS


def _opening_slots(groups: list[Group], parts: ArticleParts) -> tuple[list[str | None], list[str | None]]:
    """(when, where) of the lead paragraph's first real event, then of the paragraphs just after it."""
    lead = [c for g in groups for c in g.mentions if not c.background and not c.in_headline]
    in_lead = sorted((c for c in lead if c.in_lead), key=lambda c: c.raw.trigger.start)
    near = sorted(
        (c for c in lead if not c.in_lead and _near_lead(c, parts)), key=lambda c: c.raw.trigger.start
    )
    whens = [next((c.raw.when for c in found if c.raw.when), None) for found in (in_lead, near)]
    wheres = [next((c.where for c in found if c.where), None) for found in (in_lead, near)]
    return whens, wheres


def _fill_from_opening(groups: list[Group], parts: ArticleParts, referents: Referents, text: str) -> None:
    """When and where the sentence leaves out, read as a reader would from the lead and the dateline.

    When: the lead's, else the dateline's, else the next paragraphs'. Where: the dateline's, else the
    lead's. Only for events the opening tells (headline or lead) and for the main event: a
    background event deep in the article did not happen on the day of the news.
    """
    (lead_when, near_when), (lead_where, near_where) = _opening_slots(groups, parts)
    dateline_when = None if parts.dateline_date is None else text[slice(*parts.dateline_date)]
    dateline_where = _dateline_place(parts, referents, text)
    for rank, group in enumerate(groups):
        opening = any(c.in_headline or c.lead_first for c in group.mentions)
        if not (opening or rank == 0) or group.background:
            continue
        group.when = group.when or lead_when or dateline_when or near_when
        group.where = group.where or dateline_where or lead_where or near_where


def _event(group: Group, rank: int, published: dt.date | None) -> Event:
    rep = group.rep
    raw = rep.raw
    day = resolve_relative(group.when, published, future=raw.future) if group.when else None
    mentions = sorted((c.raw.trigger for c in group.mentions), key=lambda s: s.start)
    return Event(
        trigger=raw.trigger,
        actor=group.actor,
        object=raw.object,
        when=group.when,
        where=group.where,
        sentence=raw.sentence,
        kind=raw.kind,
        salience=round(max(0.0, min(1.0, group.score)), 4),
        rank=rank,
        what=raw.what,
        agent=group.agent,
        mentions=mentions,
        background=group.background,
        date=None if day is None else day.isoformat(),
    )
