"""How much an event is the news: the inverted pyramid read as a score.

The headline and the lead tell the main event, so an event scores for sharing the headline's words
and for coming early; for a salient actor; for being real (said in the past or present tense, by
the article's own voice). It loses for being background (past perfect, an earlier year), unreal
(a modal, a future, a condition or a question), negated, a claim inside someone's quote, or a
verb of saying. The weights are set on sentences written for the tests, not on any article.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from reader.analysis.events.extract import RawEvent
from reader.analysis.events.parts import ArticleParts
from reader.analysis.events.phrases import word_key
from reader.analysis.events.timing import find_date, is_relative_day, years_in

#: What raises an event (each feature is between 0 and 1).
WEIGHTS = {
    "headline": 0.30,  # shares the headline's words
    "early": 0.25,  # headline or lead, else how early in the text
    "actor": 0.10,  # someone did it (a record, or a phrase such as "three of the men")
    "salient": 0.10,  # ... and that someone is one of the article's most mentioned
    "root": 0.05,  # the main clause of its sentence
    "object": 0.05,
    "when": 0.05,
    "where": 0.05,
    "realis": 0.05,  # none of the penalties below
}
#: What lowers it.
PENALTIES = {
    "quoted": 0.30,  # inside a quote: the speaker's claim, not the article's report
    "hypothetical": 0.25,
    "negated": 0.25,
    "modal": 0.20,
    "past_perfect": 0.20,
    "earlier_year": 0.20,
    "future": 0.10,
    "reporting": 0.10,
    "subordinate": 0.10,  # "after the last miner was brought up": the setting of the news
    "named": 0.10,  # "the Iraq War": usually named as background
}
#: Headline words an event must share to count as fully matching it.
_HEADLINE_MATCH = 3
_MIN_PREFIX = 4
#: The share of the text whose days tell when the news is ("on Tuesday": now).
_OPENING_SHARE = 0.2
#: Past the lead, how early an event comes: its score falls from this to nothing over this many characters.
_EARLY_LATER = 0.6
_EARLY_CHARS = 4000
#: The headline feature of an event told in the headline itself.
_HEADLINE_SELF = 0.4


@dataclass(slots=True)
class Candidate:
    """One event mention with its actor and place resolved to referent ids, and its flags."""

    raw: RawEvent
    actor: str | None
    where: str | None
    quoted: bool = False
    earlier_year: bool = False
    in_headline: bool = False
    in_lead: bool = False
    lead_first: bool = False  # the lead's first sentence
    score: float = 0.0

    @property
    def background(self) -> bool:
        """Context rather than the news: earlier, claimed, unreal or negated."""
        raw = self.raw
        return (
            self.quoted
            or self.earlier_year
            or raw.past_perfect
            or raw.hypothetical
            or raw.negated
            or raw.modal
            or raw.kind == "named"
        )


def _matches(word: str, others: frozenset[str]) -> bool:
    """A word the headline shares, allowing a stem ("Iran" and "Iranian", "strike" and "strikes")."""
    if word in others:
        return True
    if len(word) < _MIN_PREFIX:
        return False
    return any(len(o) >= _MIN_PREFIX and (o.startswith(word) or word.startswith(o)) for o in others)


def headline_overlap(words: frozenset[str], headline: frozenset[str]) -> float:
    """How much of the headline an event's words say, 0 to 1 (three shared words are a full match)."""
    if not headline or not words:
        return 0.0
    shared = sum(1 for word in headline if _matches(word, words))
    return min(1.0, shared / min(_HEADLINE_MATCH, len(headline)))


def _early(candidate: Candidate) -> float:
    if candidate.lead_first:
        return 1.0
    if candidate.in_lead:
        return 0.8
    if candidate.in_headline:
        return 0.4  # headlines are parsed worst: the body's telling should carry the event
    return max(0.0, _EARLY_LATER * (1.0 - candidate.raw.trigger.start / _EARLY_CHARS))


def event_words(candidate: Candidate, actor_names: dict[str, str]) -> frozenset[str]:
    """The event's words with its actor's name: what is matched against the headline."""
    words = candidate.raw.words
    if candidate.actor in actor_names:
        words = words | {word_key(w) for w in actor_names[candidate.actor].split()}
    return words


def score(candidate: Candidate, overlap: float, salience: float, headline: frozenset[str]) -> float:
    """The candidate's score, not clamped. `overlap` is its `headline_overlap`; `salience` its actor's
    share of the top actor's mentions; `headline` the headline's words."""
    raw = candidate.raw
    if candidate.in_headline:
        overlap = min(overlap, _HEADLINE_SELF)  # the headline's own words: the body's telling must carry it
    features = {
        "headline": overlap,
        "early": _early(candidate),
        "actor": float(candidate.actor is not None or bool(raw.agent)),
        "salient": salience,
        "root": float(raw.root),
        "object": float(bool(raw.object)),
        "when": float(bool(raw.when)),
        "where": float(bool(candidate.where)),
        "realis": float(not candidate.background and not raw.future),
    }
    flags = {
        "quoted": candidate.quoted,
        "hypothetical": raw.hypothetical,
        "negated": raw.negated,
        "modal": raw.modal,
        "past_perfect": raw.past_perfect,
        "earlier_year": candidate.earlier_year,
        "future": raw.future,
        "reporting": raw.reporting and not _matches(raw.lemma, headline),  # unless saying is the news
        "subordinate": raw.subordinate,
        "named": raw.kind == "named",
    }
    total = sum(WEIGHTS[name] * value for name, value in features.items())
    return total - sum(PENALTIES[name] for name, on in flags.items() if on)


class QuoteSpans:
    """Where the article's quotes are: an event inside one is its speaker's claim."""

    def __init__(self, spans: list[tuple[int, int]]):
        merged: list[tuple[int, int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        self._spans = merged
        self._starts = [s for s, _ in merged]

    def contains(self, position: int) -> bool:
        k = bisect.bisect_right(self._starts, position) - 1
        return k >= 0 and position < self._spans[k][1]


def reference_year(parts: ArticleParts, candidates: list[Candidate]) -> int | None:
    """The year the news is in: the publication year, else the latest full date the opening writes.

    Failing both, a report that says "on Tuesday" near its top is news of now: every year it
    writes is the past.
    """
    if parts.published is not None:
        return parts.published.year
    opening = [c for c in candidates if c.in_lead or c.in_headline]
    days = [found[0] for c in opening if (found := find_date(c.raw.when or ""))]
    if days:
        return max(days).year
    if any(is_relative_day(c.raw.when or "") for c in candidates if c.raw.position <= _OPENING_SHARE):
        return 1 + max((y for c in candidates for y in years_in(c.raw.when or "")), default=0)
    return None


def mark_positions(candidates: list[Candidate], parts: ArticleParts, quotes: QuoteSpans) -> None:
    """Set where each candidate sits (headline, lead, a quote) and whether it names an earlier year."""
    first_lead_sentence: int | None = None
    for c in candidates:
        start = c.raw.trigger.start
        c.in_headline = parts.in_headline(start)
        c.in_lead = parts.in_lead(start)
        if c.in_lead and first_lead_sentence is None:
            first_lead_sentence = c.raw.sentence.start
        c.lead_first = c.in_lead and c.raw.sentence.start == first_lead_sentence
        c.quoted = quotes.contains(start)
    year = reference_year(parts, candidates)
    if year is not None:
        for c in candidates:
            if c.raw.when:
                years = years_in(c.raw.when)
                c.earlier_year = bool(years) and max(years) < year
