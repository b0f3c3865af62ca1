"""Raw events read off the dependency parse one sentence at a time.

A trigger is a main verb of a clause (not a verb that only introduces what someone said: those make
quotes; not a copula, auxiliary or light verb), or an EVENT entity ("the Iraq War"). Extraction
works on one doc and records *where* the actor and place mentions are (character offsets), not
which referent they are: referents are merged across the whole article later, and `rank` turns
the offsets into ids then. It also notes what a reader uses to tell the news from its background:
tense, modality, negation, conditions, and whether the verb is one of saying.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.analysis.events.lexicon import (
    BARE_SAYING_VERBS,
    CONDITION_WORDS,
    CONTROL_VERBS,
    FUTURE_WORDS,
    LIGHT_VERBS,
    MODAL_WORDS,
    ORG_NOUNS,
    PERSON_NOUNS,
    PROXY_NOUNS,
    SPEECH_EVENTS,
    TIME_CLAUSE_WORDS,
)
from reader.analysis.events.phrases import (
    DocIndex,
    clean_bounds,
    content_words,
    is_place_object,
    object_phrase,
    place_text,
    subject_phrase,
)
from reader.analysis.events.subjects import passive_agent, shared_subject, whose_phrase
from reader.analysis.model import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

#: Clause relations whose verb can head an event.
_CLAUSE_DEPS = frozenset({"ROOT", "conj", "ccomp", "advcl", "relcl", "xcomp", "parataxis", "pcomp"})
_PARTICLES = frozenset({"out", "off", "up", "down", "back", "away", "over", "in"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_PERSONAL = frozenset({"he", "she", "him", "her"})
_EMPTY_SUBJECTS = frozenset({"it", "this", "that", "there", "they", "we", "i", "you", "he", "she"})
#: The speaker's own "I": inside a quote, the one who speaks did it.
_FIRST_PERSON = frozenset({"i"})


@dataclass(slots=True)
class RawEvent:
    """An event with actor and place still as mention offsets (full-text), resolved later."""

    trigger: Span
    sentence: Span
    kind: str = "action"
    lemma: str = ""
    actor_at: int | None = None  # start offset of the actor's mention
    pronoun_at: int | None = None  # a he/she subject at this offset: the last person before it
    pronoun_gender: str | None = None  # "m" for he, "f" for she: a person of the other is not meant
    first_person: bool = False  # "I" did it: inside a direct quote, its speaker
    object: str | None = None
    what: str | None = None  # the readable phrase: "launched missiles at two bases", "the branch was closed"
    agent: str | None = None  # who did it, as text, when no referent names them: "three of the men"
    means: str | None = None  # a passive's `by` phrase that names a thing, not a doer: "by a grant"
    when: str | None = None
    where_at: list[int] = field(default_factory=list)  # place mention offsets, best first
    where_text: str | None = None
    root: bool = False
    position: float = 0.0  # sentence start / text length, for salience
    words: frozenset[str] = frozenset()  # content lemmas of trigger, participants and place
    reporting: bool = False  # a verb of saying whose saying is the news ("confirmed", "announced")
    modal: bool = False  # "could", "would", "may": not (yet) real
    future: bool = False  # "will address"
    negated: bool = False  # "did not come"
    hypothetical: bool = False  # inside an "if" clause or a question
    past_perfect: bool = False  # "had taken over": background to the news
    subordinate: bool = False  # in a time clause: "after the last miner was brought up"


def _span(text: str, start: int, end: int, offset: int) -> Span:
    return Span(start + offset, end + offset, text[start:end])


def _sentence_span(text: str, sent: SpacySpan, offset: int) -> Span:
    start, end = sent.start_char, sent.end_char
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return _span(text, start, end, offset)


def _is_event_verb(token: Token) -> bool:
    return (
        token.pos_ == "VERB"
        and token.is_alpha
        and token.dep_ in _CLAUSE_DEPS
        and token.lemma_.lower() not in BARE_SAYING_VERBS
        and token.lemma_.lower() not in LIGHT_VERBS
    )


def _governing_verbs(start: int, end: int, heads: list[int], event_verbs: list[bool]) -> dict[int, int]:
    """For tokens start..end-1, the nearest event-verb ancestor (token index, -1 if none), memoised.

    Works on plain integer arrays: walking spaCy tokens would create a Python object per step.
    """
    gov: dict[int, int] = {}
    for i in range(start, end):
        path = []
        node = i
        while node not in gov:
            if event_verbs[node]:
                gov[node] = node
                break
            path.append(node)
            head = heads[node]
            if head == node or not (start <= head < end):
                gov[node] = -1
                break
            node = head
        result = gov[node]
        for j in path:
            gov[j] = result
    return gov


def _trigger_bounds(verb: Token) -> tuple[int, int]:
    """Doc-local bounds of the trigger: "sought to downplay", "was killed", "will not launch"."""
    t_start = verb.idx
    t_end = verb.idx + len(verb.text)
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in CONTROL_VERBS and 0 < verb.i - verb.head.i <= 3:
        t_start = verb.head.idx
    negated = any(child.dep_ == "neg" for child in verb.lefts)
    for child in verb.lefts:
        # "has been edited", "did not sail"; but "to", and a bare "did" ("did come"), stay out.
        keep = child.dep_ in ("neg", "auxpass", "aux") and child.lower_ != "to"
        keep = keep and (negated or child.lower_ not in ("do", "does", "did"))
        if keep and verb.i - child.i <= 3:
            t_start = min(t_start, child.idx)
    for child in verb.rights:
        particle = child.dep_ == "prt" or (child.dep_ == "advmod" and child.lower_ in _PARTICLES)
        if particle and child.i == verb.i + 1:  # "set off", "walked out"
            t_end = child.idx + len(child.text)
    return t_start, t_end


def _mark_mood(event: RawEvent, verb: Token) -> None:
    """Tense, modality, negation and condition: what tells the news from its background."""
    holders = [verb]
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in CONTROL_VERBS:
        holders.append(verb.head)  # "would seek to launch", "did not try to stop"
    if verb.dep_ == "conj" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        holders.append(verb.head)  # "had seized the town and held it": the auxiliary is shared
    for holder in holders:
        shared = holder is not verb and verb.dep_ == "conj"  # "did not stop and left": only one is negated
        for child in holder.children:
            word = child.lower_
            if child.dep_ == "neg" and not shared:
                event.negated = True
            elif child.dep_ == "aux" and word in MODAL_WORDS:
                event.modal = True
            elif child.dep_ == "aux" and word in FUTURE_WORDS:
                event.future = True
            elif child.dep_ in ("aux", "auxpass") and word in ("had", "’d", "'d") and holder.tag_ == "VBN":
                event.past_perfect = True
    node = verb
    for _ in range(6):  # "if Iran attacks, ..." -> hypothetical, however deep the clause
        if any(c.dep_ == "mark" and c.lower_ in CONDITION_WORDS for c in node.children):
            event.hypothetical = True
            break
        if node.dep_ == "ROOT" or node.head.i == node.i:
            break
        node = node.head
    if any(c.dep_ == "mark" and c.lower_ in TIME_CLAUSE_WORDS for c in verb.children):
        event.subordinate = True
    elif verb.dep_ == "pcomp" and verb.head.lower_ in TIME_CLAUSE_WORDS:
        event.subordinate = True  # "eleven days after the last miner was brought up"
    if event.sentence.text.rstrip("\"”’' ").endswith("?"):
        event.hypothetical = True


def _actor(
    event: RawEvent, verb: Token, subject: Token | None, active: bool, head: Token, index: DocIndex
) -> None:
    """Who did it: the subject of an active verb, the `by` agent of a passive one. A referent's mention
    becomes `actor_at`, a he/she `pronoun_at`; a phrase that names no referent ("three of the men",
    "a flood barrier") is kept as `agent` text."""
    actor_tok = subject if active else passive_agent(verb)
    if actor_tok is None:
        return
    clause = head
    if clause.dep_ == "ccomp" and clause.head.dep_ == "relcl":
        clause = clause.head  # "a van that officials believe carried the bomb": the van carried it
    if actor_tok.lower_ in _RELATIVE and clause.dep_ == "relcl":
        actor_tok = clause.head
        if actor_tok.dep_ == "appos":
            actor_tok = actor_tok.head
    if actor_tok.lower_ in _PERSONAL:
        event.pronoun_at = actor_tok.idx + index.offset
        event.pronoun_gender = "m" if actor_tok.lower_ in ("he", "him") else "f"
        return
    if actor_tok.lower_ in _FIRST_PERSON:
        event.first_person = True
        return
    whose = whose_phrase(actor_tok, index)
    if whose is not None:
        event.agent = whose
        return
    event.actor_at = index.mention_of(actor_tok)
    if event.actor_at is None and actor_tok.lower_ not in _RELATIVE | _EMPTY_SUBJECTS:
        phrase = subject_phrase(index.text, actor_tok)
        if not active and phrase and _a_thing(actor_tok):
            event.means = f"by {phrase}"  # "funded by a £290 million grant": a means, not a doer
        else:
            event.agent = phrase


def _a_thing(noun: Token) -> bool:
    """A singular common noun that names no person, organisation or force ("a grant", "a storm"):
    in a passive's `by` phrase it says how, not who. Plurals are mostly people ("by neighbours")."""
    lemma = noun.lemma_.lower()
    return (
        noun.tag_ == "NN"
        and not noun.ent_type_
        and lemma not in PERSON_NOUNS
        and lemma not in ORG_NOUNS
        and lemma not in PROXY_NOUNS
    )


def _patient(verb: Token, subject: Token | None, active: bool) -> Token | None:
    """What it was done to: the passive subject, else the direct object."""
    if subject is not None and not active:
        if subject.pos_ in ("VERB", "AUX"):
            return None  # "what happened ... has been watched": a clause, not a thing
        if subject.lower_ in _RELATIVE and verb.dep_ == "relcl":
            return verb.head.head if verb.head.dep_ == "appos" else verb.head
        return subject
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd", "dative")), None)
    if obj is not None and obj.lower_ in _RELATIVE and verb.dep_ == "relcl":
        return verb.head  # "the decision which he took" -> the decision
    return obj


def _what(event: RawEvent, subject: Token | None, active: bool, parts: tuple[str | None, str | None]) -> str:
    """The readable phrase: trigger and object ("launched missiles on two bases"); a passive reads
    patient first ("the branch was closed")."""
    trigger = " ".join(event.trigger.text.split())
    obj, target = parts
    if subject is not None and not active and obj:
        return " ".join(p for p in (obj, trigger, event.means, target) if p)
    tail = " ".join(p for p in (obj, target) if p)
    return f"{trigger} {tail}" if tail else trigger


@dataclass(slots=True)
class _Sentence:
    """One sentence's lookups: its span, dates and places per governing verb."""

    n: int
    sent: SpacySpan
    span: Span
    position: float
    dates: list[tuple[int, int]]
    places_by_verb: dict[int, list[int]]
    dates_by_verb: dict[int, tuple[int, int]]


def _own_date(verb: Token, sentence: _Sentence) -> tuple[int, int] | None:
    """The date of the verb's clause, else of a clause it hangs on ("On Monday Iran fired and left"),
    else one no verb governs; never the date of another verb's clause ("which has served since 1887")."""
    node = verb
    for _ in range(4):
        date = sentence.dates_by_verb.get(node.i)
        if date is not None:
            return date
        if node.head.i == node.i:
            break
        node = node.head
    return sentence.dates_by_verb.get(-1)


def _verb_event(verb: Token, sentence: _Sentence, index: DocIndex, text: str) -> RawEvent | None:
    """The event a verb heads, with its slots filled, or None when there is nothing to show."""
    lemma = verb.lemma_.lower()
    if lemma in CONTROL_VERBS and any(c.dep_ == "xcomp" and c.pos_ == "VERB" for c in verb.children):
        return None  # the complement verb carries the event, with this verb in its trigger
    subject, active, head = shared_subject(verb, index.dateline)
    event = RawEvent(
        trigger=_span(text, *_trigger_bounds(verb), index.offset),
        sentence=sentence.span,
        lemma=lemma,
        root=verb.dep_ == "ROOT" or (verb.dep_ == "xcomp" and verb.head.dep_ == "ROOT"),
        position=sentence.position,
        reporting=lemma in SPEECH_EVENTS,
    )
    _mark_mood(event, verb)
    _actor(event, verb, subject, active, head, index)
    patient = _patient(verb, subject, active)
    obj, target = object_phrase(text, verb, patient)
    event.object = f"{obj} {target}" if obj and target else obj or target
    date = _own_date(verb, sentence)
    if date is not None:
        event.when = " ".join(text[date[0] : date[1]].split())
    for tok_i in sentence.places_by_verb.get(verb.i, ()):
        start = index.token_mention[tok_i] + index.offset
        if start != event.actor_at:
            event.where_at.append(start)
    event.where_text = place_text(text, verb)  # when no place record is found among `where_at`
    no_one = event.actor_at is None and event.pronoun_at is None and not event.first_person
    if no_one and event.object is None and subject is None:
        return None  # "it is unclear": nothing to show
    event.what = _what(event, subject, active, (obj, target))
    participants = [verb, *(t for t in (subject, patient, passive_agent(verb)) if t is not None)]
    event.words = content_words(participants, verb)
    return event


def _named_events(
    sentence: _Sentence, ents: Iterable[SpacySpan], index: DocIndex, text: str
) -> list[RawEvent]:
    """Events the text names ("the Iraq War"), placed by the sentence's places."""
    out = []
    for ent in ents:
        named = RawEvent(
            trigger=_span(text, *clean_bounds(text, ent.start_char, ent.end_char), index.offset),
            sentence=sentence.span,
            kind="named",
            lemma=ent.text.lower(),
            position=sentence.position,
            words=content_words([ent.root], ent.root),
        )
        named.what = named.trigger.text
        for tok_i in sorted(i for ids in sentence.places_by_verb.values() for i in ids):
            if not (ent.start <= tok_i < ent.end):
                named.where_at.append(index.token_mention[tok_i] + index.offset)
        out.append(named)
    return out


class _Buckets:
    """Dates, mention tokens and EVENT entities bucketed by sentence once (Span.ents scans the doc)."""

    def __init__(self, doc: Doc, index: DocIndex, sent_starts: list[int]):
        self.sent_starts = sent_starts
        self.dates: dict[int, list[tuple[int, int, int]]] = {}
        for date in index.dates:
            self.dates.setdefault(self.sentence_of(date[0]), []).append(date)
        self.mentions: dict[int, list[tuple[int, int]]] = {}
        for tok_i, local_start in index.token_mention.items():
            self.mentions.setdefault(self.sentence_of(tok_i), []).append((tok_i, local_start))
        self.named: dict[int, list[SpacySpan]] = {}
        for ent in doc.ents:
            if ent.label_ == "EVENT":
                self.named.setdefault(self.sentence_of(ent.start), []).append(ent)

    def sentence_of(self, token_i: int) -> int:
        return bisect.bisect_right(self.sent_starts, token_i) - 1


def _sentence(
    n: int, sent: SpacySpan, buckets: _Buckets, index: DocIndex, gov: dict[int, int], text: str, total: int
) -> _Sentence:
    span = _sentence_span(text, sent, index.offset)
    places_by_verb: dict[int, list[int]] = {}
    for tok_i, local_start in sorted(buckets.mentions.get(n, ())):
        if tok_i in index.dateline:
            continue
        if local_start + index.offset in index.places and tok_i in index.first_tokens:
            root = index.mention_root.get(local_start)
            if root is not None and is_place_object(root):
                places_by_verb.setdefault(gov.get(tok_i, -1), []).append(tok_i)
    dates_by_verb: dict[int, tuple[int, int]] = {}
    # "the April floods": a date that modifies a noun is not when the clause happened.
    own = [d for d in buckets.dates.get(n, ()) if sent.doc[d[0]].dep_ not in _MODIFIER_DEPS]
    for root_i, s, e in own:
        dates_by_verb.setdefault(gov.get(root_i, -1), (s, e))
    dates = [(s, e) for _, s, e in sorted(own, key=lambda d: d[1])]
    return _Sentence(n, sent, span, span.start / total, dates, places_by_verb, dates_by_verb)


def events_from_doc(
    doc: Doc,
    mention_bounds: Iterable[tuple[int, int]],
    place_starts: Iterable[int],
    offset: int = 0,
    total_length: int | None = None,
    text: str | None = None,
    skip: Iterable[tuple[int, int]] = (),
    dateline: tuple[int, int] | None = None,
) -> list[RawEvent]:
    """Raw events of one doc; mention bounds are full-text (`offset` is where the doc starts).

    `text` is the doc's text when the caller has it (doc.text is built anew on every access);
    `skip` lists doc-local stretches (credits, bylines) where no event is read; `dateline` is the
    doc-local dateline, which holds no subject, date or place of any clause.
    """
    text = doc.text if text is None else text
    index = DocIndex(doc, text, mention_bounds, place_starts, offset, dateline)
    total = max(1, total_length or len(text))
    tokens = list(doc)
    heads = [token.head.i for token in tokens]
    event_verbs = [_is_event_verb(token) for token in tokens]
    for start, end in skip:
        for token in doc.char_span(start, end, alignment_mode="expand") or ():
            event_verbs[token.i] = False
    sents = list(doc.sents)
    buckets = _Buckets(doc, index, [sent.start for sent in sents])
    out: list[RawEvent] = []
    for n, sent in enumerate(sents):
        gov = _governing_verbs(sent.start, sent.end, heads, event_verbs)
        sentence = _sentence(n, sent, buckets, index, gov, text, total)
        for verb in tokens[sent.start : sent.end]:
            if event_verbs[verb.i]:
                event = _verb_event(verb, sentence, index, text)
                if event is not None:
                    out.append(event)
        out.extend(_named_events(sentence, buckets.named.get(n, ()), index, text))
    return out
