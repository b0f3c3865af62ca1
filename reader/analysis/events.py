"""Events: who did what to whom, when and where, read off the dependency parse one sentence at a time.

A trigger is a main verb of a clause (not a verb of saying: those make quotes, not events; not a
copula, auxiliary or light verb), or an EVENT entity ("the Iraq War"). Extraction works on one doc
and records *where* the actor and place mentions are (character offsets), not which referent they
are: referents are merged across the whole article later, and `resolve_events` turns the offsets
into ids then.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.analysis import lexicon
from reader.analysis.model import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Verbs of saying and believing (lemmas): they introduce quotes, which the quote extractor handles.
REPORTING_VERBS = lexicon.words("cues", "speech") | lexicon.words("cues", "belief")
#: Copulas, auxiliaries and light verbs that carry no event of their own.
LIGHT_VERBS = frozenset(
    ["be", "have", "do", "get", "seem", "appear", "become", "remain", "let", "go", "come", "keep"]
)
#: Verbs whose "to ..." complement is the real action: "sought to downplay" -> downplay.
CONTROL_VERBS = _words(
    """seek try attempt want plan hope aim intend continue begin start threaten vow promise pledge
    agree refuse decide need prepare move rush expect"""
)
#: Clause relations whose verb can head an event.
_CLAUSE_DEPS = frozenset({"ROOT", "conj", "ccomp", "advcl", "relcl", "xcomp", "parataxis", "pcomp"})
#: Nouns standing for the state or group named by their modifier: "U.S. forces returned" -> the U.S.
_PROXY_NOUNS = _words(
    """administration government force forces troop troops military army navy official officials regime
    authority authorities leadership leader leaders militia militias fighter fighters police
    ministry diplomat diplomats negotiator negotiators"""
)
_OBJECT_DEPS = ("dobj", "attr", "oprd", "dative")
_TARGET_PREPS = frozenset({"on", "against", "at", "into", "onto", "to", "toward", "towards", "upon"})
_PLACE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "across", "throughout"})
#: Prepositions whose object can be where an event happened ("in western Iraq", "returned to Iraq").
_WHERE_PREPS = _PLACE_PREPS | {"from", "into", "to", "on", "around", "within", "through", "toward", "towards"}
_LEFT_DEPS = frozenset(
    {"det", "amod", "compound", "nummod", "quantmod", "poss", "case", "nmod", "npadvmod", "advmod", "predet"}
)
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_PERSONAL = frozenset({"he", "she", "him", "her"})
_MAX_OBJECT_CHARS = 80
#: Common nouns that name a place, so "at the base" can say where when no named place does.
PLACE_NOUNS = _words(
    """base airbase airport embassy consulate border city town village capital province region district
    street square building headquarters compound camp port harbour harbor station hospital school
    prison palace parliament court ministry site facility field front frontline coast island country
    state territory area neighbourhood neighborhood market mosque church"""
)


@dataclass(slots=True)
class RawEvent:
    """An event with actor and place still as mention offsets (full-text), resolved later."""

    trigger: Span
    sentence: Span
    kind: str = "action"
    actor_at: int | None = None  # start offset of the actor's mention
    pronoun_at: int | None = None  # a he/she subject at this offset: the last person before it
    object: str | None = None
    when: str | None = None
    where_at: list[int] = field(default_factory=list)  # place mention offsets, best first
    where_text: str | None = None
    root: bool = False
    position: float = 0.0  # sentence start / text length, for salience


_DURATION_RE = re.compile(
    r"(?:^|\s)(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|century)$",
    re.IGNORECASE,
)
_POINT_WORDS_RE = re.compile(
    r"\b(?:ago|last|next|this|past|previous|earlier|later|coming|since|until|of)\b", re.IGNORECASE
)


def is_time_point(text: str) -> bool:
    """True for when something happened ("Tuesday night", "last week", "2014"), not how long it
    lasted or how often ("fifteen years", "more than a decade", "every month")."""
    words = text.lower().split()
    if not words or words[0] in ("every", "each"):
        return False
    if text.strip().isdigit() and len(text.strip()) != 4:
        return False  # "52" (an age, a count), but "2014" is a year
    return not _DURATION_RE.search(text) or bool(_POINT_WORDS_RE.search(text))


def _span(text: str, start: int, end: int, offset: int) -> Span:
    return Span(start + offset, end + offset, text[start:end])


def _sentence_span(text: str, sent, offset: int) -> Span:  # noqa: ANN001 - spaCy Span
    start, end = sent.start_char, sent.end_char
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return _span(text, start, end, offset)


def _short_phrase(token: Token, with_of: bool = True) -> tuple[int, int]:
    """Character bounds of a noun's short form: its left modifiers, the noun, and one "of X"."""
    left = token
    for child in token.lefts:
        if child.dep_ in _LEFT_DEPS:
            left = child.left_edge if child.left_edge.i < left.i else left
            break
    start = left.idx
    end = token.idx + len(token.text)
    if with_of:
        for child in token.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    end = max(end, _short_phrase(pobj, with_of=False)[1])
                break
    return start, end


def _clean_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    junk = " \t\r\n\u00a0,;:\"“”‘’'"
    while start < end and text[start] in junk:
        start += 1
    while end > start and text[end - 1] in junk:
        end -= 1
    return start, end


def _phrase_text(text: str, token: Token) -> str | None:
    start, end = _clean_bounds(text, *_short_phrase(token))
    if end - start > _MAX_OBJECT_CHARS:
        start, end = _clean_bounds(text, *_short_phrase(token, with_of=False))
    if end - start > _MAX_OBJECT_CHARS or end <= start:
        return None
    return " ".join(text[start:end].split())


def _is_event_verb(token: Token) -> bool:
    return (
        token.pos_ == "VERB"
        and token.is_alpha
        and token.dep_ in _CLAUSE_DEPS
        and token.lemma_.lower() not in REPORTING_VERBS
        and token.lemma_.lower() not in LIGHT_VERBS
    )


def _subject(verb: Token) -> tuple[Token | None, bool]:
    """The verb's subject token and whether it is the actor (False for a passive subject)."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj", "expl"):
            return child, True
        if child.dep_ in ("nsubjpass", "csubjpass"):
            return child, False
    return None, False


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


class _DocIndex:
    """Per-doc lookups built once: which token starts a referent mention, date groups, places."""

    def __init__(
        self,
        doc: Doc,
        text: str,
        mention_bounds: Iterable[tuple[int, int]],
        place_starts: Iterable[int],
        offset: int,
    ):
        self.offset = offset
        self.places = set(place_starts)
        self.token_mention: dict[int, int] = {}  # token index -> mention start (doc-local)
        self.mention_root: dict[int, Token] = {}  # mention start (doc-local) -> syntactic root token
        self.first_tokens: set[int] = set()  # the first token of each mention
        for start, end in mention_bounds:
            span = doc.char_span(start - offset, end - offset, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            local = start - offset
            for tok in span:
                self.token_mention[tok.i] = local
            self.mention_root[local] = span.root
            self.first_tokens.add(span.start)
        # Adjacent DATE/TIME entities read as one: "Tuesday" + "night" -> "Tuesday night".
        self.dates: list[tuple[int, int, int]] = []  # (root token index, start char, end char)
        group: list = []
        for ent in doc.ents:
            if ent.label_ in ("DATE", "TIME"):
                if group and text[group[-1].end_char : ent.start_char].strip(" \u00a0") == "":
                    group.append(ent)
                    continue
                if group:
                    self._add_date(doc, group)
                group = [ent]
            elif group:
                self._add_date(doc, group)
                group = []
        if group:
            self._add_date(doc, group)

    def _add_date(self, doc: Doc, group: list) -> None:
        if not is_time_point(" ".join(ent.text for ent in group)):
            return
        span = doc[group[0].start : group[-1].end]
        self.dates.append((span.root.i, group[0].start_char, group[-1].end_char))

    def mention_of(self, token: Token) -> int | None:
        """Full-text start of the referent mention this noun phrase names, if any."""
        local = self.token_mention.get(token.i)
        if local is not None:
            return local + self.offset
        for child in token.children:  # "Iran's foreign minister, Mohammad Javad Zarif"
            if child.dep_ == "appos":
                local = self.token_mention.get(child.i)
                if local is not None:
                    return local + self.offset
        if token.lemma_.lower() in _PROXY_NOUNS or token.lower_ in _PROXY_NOUNS:
            for child in token.children:
                if child.dep_ in ("compound", "amod", "poss", "nmod"):
                    local = self.token_mention.get(child.i)
                    if local is not None:
                        return local + self.offset
        return None


def _coordinated_head(verb: Token) -> Token:
    """The verb a conjunct shares its subject with.

    The parser often hangs the second verb of a relative clause on the main verb ("ISIS, which had
    taken over ..., massacred thousands"): a relative clause ending right before the conjunct wins.
    """
    head = verb.head
    if verb.dep_ == "conj":
        for token in verb.doc[head.i + 1 : verb.i]:
            if token.dep_ == "relcl" and token.pos_ == "VERB" and 0 < verb.i - token.right_edge.i <= 2:
                return token
    return head


def _is_place_object(root: Token) -> bool:
    """A place mention that says where something happened: the object of "in", "near", "to", ..."""
    while root.dep_ in ("conj", "appos") and root.head.i != root.i:
        root = root.head
    return root.dep_ == "pobj" and root.head.lower_ in _WHERE_PREPS


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


def events_from_doc(
    doc: Doc,
    mention_bounds: Iterable[tuple[int, int]],
    place_starts: Iterable[int],
    offset: int = 0,
    total_length: int | None = None,
    text: str | None = None,
) -> list[RawEvent]:
    """Raw events of one doc; mention bounds are full-text (`offset` is where the doc starts).

    `text` is the doc's text when the caller has it (doc.text is built anew on every access).
    """
    text = doc.text if text is None else text
    index = _DocIndex(doc, text, mention_bounds, place_starts, offset)
    total = max(1, total_length or len(text))
    out: list[RawEvent] = []
    tokens = list(doc)
    heads = [token.head.i for token in tokens]
    event_verbs = [_is_event_verb(token) for token in tokens]
    sents = list(doc.sents)
    sent_starts = [sent.start for sent in sents]

    def sentence_of(token_i: int) -> int:
        return bisect.bisect_right(sent_starts, token_i) - 1

    # Bucket dates, mention tokens and EVENT entities by sentence once: Span.ents is a scan of the doc.
    dates_in: dict[int, list[tuple[int, int, int]]] = {}
    for date in index.dates:
        dates_in.setdefault(sentence_of(date[0]), []).append(date)
    mentions_in: dict[int, list[tuple[int, int]]] = {}
    for tok_i, local_start in index.token_mention.items():
        mentions_in.setdefault(sentence_of(tok_i), []).append((tok_i, local_start))
    named_in: dict[int, list] = {}
    for ent in doc.ents:
        if ent.label_ == "EVENT":
            named_in.setdefault(sentence_of(ent.start), []).append(ent)
    for n, sent in enumerate(sents):
        gov = _governing_verbs(sent.start, sent.end, heads, event_verbs)
        sentence = _sentence_span(text, sent, offset)
        position = (sentence.start) / total
        sent_dates = [(s, e) for _, s, e in sorted(dates_in.get(n, ()), key=lambda d: d[1])]
        # Where-candidates and dates per governing verb.
        places_by_verb: dict[int, list[int]] = {}
        for tok_i, local_start in sorted(mentions_in.get(n, ())):
            if local_start + offset in index.places and tok_i in index.first_tokens:
                root = index.mention_root.get(local_start)
                if root is not None and _is_place_object(root):
                    places_by_verb.setdefault(gov.get(tok_i, -1), []).append(tok_i)
        dates_by_verb: dict[int, tuple[int, int]] = {}
        for root_i, s, e in dates_in.get(n, ()):
            dates_by_verb.setdefault(gov.get(root_i, -1), (s, e))
        for verb in tokens[sent.start : sent.end]:
            if not event_verbs[verb.i]:
                continue
            lemma = verb.lemma_.lower()
            xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
            if lemma in CONTROL_VERBS and xcomp is not None:
                continue  # the complement verb carries the event, with this verb in its trigger
            subject, active = _subject(verb)
            head = verb
            hops = 0
            while subject is None and head.dep_ in ("conj", "xcomp", "advcl") and hops < 4:
                head = _coordinated_head(head)
                subject, active = _subject(head)
                hops += 1
            # Trigger text: "sought to downplay", "was killed", "will not launch", "setting off".
            t_start = verb.idx
            t_end = verb.idx + len(verb.text)
            if (
                verb.dep_ == "xcomp"
                and verb.head.lemma_.lower() in CONTROL_VERBS
                and 0 < verb.i - verb.head.i <= 3
            ):
                t_start = verb.head.idx
            for child in verb.lefts:
                keep = child.dep_ in ("neg", "auxpass") or (child.dep_ == "aux" and child.tag_ == "MD")
                if keep and verb.i - child.i <= 3:
                    t_start = min(t_start, child.idx)
            for child in verb.rights:
                if child.dep_ == "prt" and child.i == verb.i + 1:
                    t_end = child.idx + len(child.text)
            event = RawEvent(
                trigger=_span(text, t_start, t_end, offset),
                sentence=sentence,
                root=verb.dep_ == "ROOT" or (verb.dep_ == "xcomp" and verb.head.dep_ == "ROOT"),
                position=position,
            )
            # Actor.
            actor_tok = subject if active else _agent(verb)
            if actor_tok is not None:
                if actor_tok.lower_ in _RELATIVE and head.dep_ == "relcl":
                    actor_tok = head.head
                    if actor_tok.dep_ == "appos":
                        actor_tok = actor_tok.head
                if actor_tok.lower_ in _PERSONAL:
                    event.pronoun_at = actor_tok.idx + offset
                else:
                    event.actor_at = index.mention_of(actor_tok)
            # Object: the direct object (or passive subject), plus a target ("on two Iraqi military bases").
            obj_tok = None
            if subject is not None and not active:
                obj_tok = subject
                if obj_tok.lower_ in _RELATIVE and verb.dep_ == "relcl":
                    obj_tok = verb.head.head if verb.head.dep_ == "appos" else verb.head
            if obj_tok is None:
                obj_tok = next((c for c in verb.children if c.dep_ in _OBJECT_DEPS), None)
                if obj_tok is not None and obj_tok.lower_ in _RELATIVE and verb.dep_ == "relcl":
                    obj_tok = verb.head  # "the decision which he took" -> the decision
            obj = _phrase_text(text, obj_tok) if obj_tok is not None else None
            target = None
            for holder in (obj_tok, verb) if obj_tok is not None else (verb,):
                for child in holder.children:
                    if child.dep_ in ("prep", "dative") and child.lower_ in _TARGET_PREPS:
                        pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                        if pobj is not None and pobj.ent_type_ not in ("DATE", "TIME"):
                            phrase = _phrase_text(text, pobj)
                            if phrase:
                                target = f"{child.text} {phrase}"
                                break
                if target:
                    break
            if obj and target and len(obj) + len(target) < _MAX_OBJECT_CHARS + 20:
                obj = f"{obj} {target}"
            elif obj is None and target:
                obj = target
            event.object = obj
            # When: a date in the clause, else in the sentence.
            when = dates_by_verb.get(verb.i) or (sent_dates[0] if sent_dates else None)
            if when is not None:
                event.when = " ".join(text[when[0] : when[1]].split())
            # Where: places in the clause, not the actor itself.
            for tok_i in places_by_verb.get(verb.i, ()):
                start = index.token_mention[tok_i] + offset
                if start != event.actor_at:
                    event.where_at.append(start)
            if not event.where_at:
                for child in verb.children:
                    if child.dep_ == "prep" and child.lower_ in _PLACE_PREPS:
                        pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                        if (
                            pobj is not None
                            and pobj.ent_type_ in ("", "GPE", "LOC", "FAC")
                            and (pobj.pos_ == "PROPN" or pobj.lemma_.lower() in PLACE_NOUNS)
                        ):
                            event.where_text = _phrase_text(text, pobj)
                            break
            if event.actor_at is None and event.pronoun_at is None and event.object is None:
                continue  # "it is unclear": nothing to show
            out.append(event)
        # Named events: "the Iraq War".
        for ent in named_in.get(n, ()):
            named = RawEvent(
                trigger=_span(text, *_clean_bounds(text, ent.start_char, ent.end_char), offset),
                sentence=sentence,
                kind="named",
                position=position,
            )
            for tok_i in sorted(i for ids in places_by_verb.values() for i in ids):
                if not (ent.start <= tok_i < ent.end):
                    named.where_at.append(index.token_mention[tok_i] + offset)
            out.append(named)
    return out
