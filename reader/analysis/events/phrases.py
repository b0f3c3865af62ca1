"""Noun phrases as a reader would quote them, and the per-doc lookups that name their referents.

"over a dozen ballistic missiles on two Iraqi military bases", not "missiles" and not a clipped
"are sold The only bars": a phrase is its noun with the left modifiers, one "of X", and for an
object the target the verb aims it at ("on", "against", "at").
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from reader.analysis.events.lexicon import PLACE_NOUNS, PLACE_OBJECT_VERBS, PROXY_NOUNS
from reader.analysis.events.timing import is_time_point

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

_TARGET_PREPS = frozenset({"on", "against", "at", "into", "onto", "to", "toward", "towards", "upon"})
_PLACE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "across", "throughout"})
#: Prepositions whose object can be where an event happened ("in western Iraq", "returned to Iraq").
_WHERE_PREPS = _PLACE_PREPS | {"from", "into", "to", "on", "around", "within", "through", "toward", "towards"}
_LEFT_DEPS = frozenset(
    {"det", "amod", "compound", "nummod", "quantmod", "poss", "case", "nmod", "npadvmod", "advmod", "predet"}
)
_MAX_OBJECT_CHARS = 80
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
#: Words of a phrase whose lemmas count for matching it against the headline.
_MAX_PHRASE_TOKENS = 12
#: Entity types whose words keep their capital at a phrase's start ("Iranian leaders").
_NAME_TYPES = frozenset({"NORP", "PERSON", "ORG", "GPE", "LOC", "FAC"})
_JUNK = " \t\r\n\u00a0,;:\"“”‘’'"


def clean_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """`start`, `end` moved inwards past spaces, commas and quote marks."""
    while start < end and text[start] in _JUNK:
        start += 1
    while end > start and text[end - 1] in _JUNK:
        end -= 1
    return start, end


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


def phrase_text(text: str, token: Token) -> str | None:
    """The noun phrase `token` heads, short enough to read at a glance, or None."""
    start, end = clean_bounds(text, *_short_phrase(token))
    if end - start > _MAX_OBJECT_CHARS:
        start, end = clean_bounds(text, *_short_phrase(token, with_of=False))
    if end - start > _MAX_OBJECT_CHARS or end <= start:
        return None
    phrase = " ".join(text[start:end].split())
    first = next((t for t in token.subtree if t.idx == start), token)
    if (
        first.pos_ in ("DET", "PRON", "ADJ")
        and first.ent_type_ not in _NAME_TYPES
        and phrase.split()[0].istitle()
    ):
        phrase = phrase[0].lower() + phrase[1:]  # "The only bars" at a sentence start reads "the only bars"
    return phrase


def subject_phrase(text: str, subject: Token) -> str | None:
    """The subject's phrase for "eleven people died": no pronouns, no clauses."""
    if subject.pos_ in ("PRON", "VERB", "AUX") or subject.dep_ == "csubj":
        return None
    phrase = phrase_text(text, subject)
    conj = next((c for c in subject.rights if c.dep_ == "conj"), None)
    if phrase and conj is not None:  # "Iran's president and foreign minister"
        more = phrase_text(text, conj)
        cc = next((c.text for c in subject.rights if c.dep_ == "cc"), "and")
        if more and len(phrase) + len(more) < _MAX_OBJECT_CHARS:
            phrase = f"{phrase} {cc} {more}"
    return phrase


def object_phrase(text: str, verb: Token, patient: Token | None) -> tuple[str | None, str | None]:
    """What the verb was done to and the target it aims at: ("missiles", "on two Iraqi military bases").

    With neither, a complement stands in: "turned tense", "confirmed the branch would shut".
    """
    obj = phrase_text(text, patient) if patient is not None else None
    target = None
    for holder in (patient, verb) if patient is not None else (verb,):
        for child in holder.children:
            if child.dep_ in ("prep", "dative") and child.lower_ in _TARGET_PREPS:
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None and pobj.ent_type_ not in ("DATE", "TIME"):
                    phrase = phrase_text(text, pobj)
                    if phrase:
                        target = f"{child.text} {phrase}"
                        break
        if target:
            break
    if obj and target and len(obj) + len(target) >= _MAX_OBJECT_CHARS + 20:
        target = None
    if obj is None and target is None:
        obj = _complement(text, verb)
    return obj, target


def _complement(text: str, verb: Token) -> str | None:
    """An adjective ("turned tense") or a reported clause ("confirmed [that] the branch would shut")."""
    for child in verb.children:
        if child.dep_ == "acomp":
            return " ".join(
                text[child.left_edge.idx : child.right_edge.idx + len(child.right_edge.text)].split()
            )
        if child.dep_ == "ccomp" and child.pos_ in ("VERB", "AUX") and child.i > verb.i:
            start = next((t for t in child.subtree if t.dep_ != "mark"), child)
            end = child
            for right in child.rights:
                if right.dep_ in ("dobj", "attr", "acomp", "prt", "oprd"):
                    end = right.doc[right.right_edge.i]
                    break
            start_i, end_i = clean_bounds(text, start.idx, end.idx + len(end.text))
            if 0 < end_i - start_i <= _MAX_OBJECT_CHARS:
                return " ".join(text[start_i:end_i].split())
    return None


def place_text(text: str, verb: Token) -> str | None:
    """A place the verb's own "in"/"at" phrase names when no place entity does: "at the base"."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in _PLACE_PREPS:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            # A named organisation one is "at" or "in" is a place there: "at the White House".
            kinds = (
                ("", "GPE", "LOC", "FAC", "ORG")
                if child.lower_ in ("at", "in")
                else ("", "GPE", "LOC", "FAC")
            )
            if (
                pobj is not None
                and pobj.ent_type_ in kinds
                and (pobj.pos_ == "PROPN" or pobj.lemma_.lower() in PLACE_NOUNS)
            ):
                return phrase_text(text, pobj)
    return None


def is_place_object(root: Token) -> bool:
    """A place mention that says where something happened: the object of "in", "near", "to", ...,
    or of a verb that happens where its object is ("left Zurich", "entered Kherson")."""
    while root.dep_ in ("conj", "appos") and root.head.i != root.i:
        root = root.head
    if root.dep_ == "dobj":
        return root.head.lemma_.lower() in PLACE_OBJECT_VERBS
    return root.dep_ == "pobj" and root.head.lower_ in _WHERE_PREPS


def word_key(word: str) -> str:
    """A word as compared with the headline's: lower case, no dots ("U.S." and "US" are one)."""
    return word.lower().replace(".", "").replace("’", "'")


def content_words(participants: Iterable[Token], verb: Token) -> frozenset[str]:
    """Content lemmas of the trigger and of each participant's phrase (at most a dozen tokens each)."""
    words = {word_key(verb.lemma_)}
    for token in participants:
        if token.i == verb.i:
            continue
        lo, hi = token.left_edge.i, min(token.right_edge.i + 1, token.left_edge.i + _MAX_PHRASE_TOKENS)
        for t in token.doc[lo:hi]:
            if t.pos_ in _CONTENT_POS and not t.is_stop and (t.is_alpha or t.like_num):
                words.add(word_key(t.lemma_))
    return frozenset(words)


def sentence_words(sent: SpacySpan) -> frozenset[str]:
    """Content lemmas of a whole sentence (the headline's, to match events against)."""
    return frozenset(
        word_key(t.lemma_)
        for t in sent
        if t.pos_ in _CONTENT_POS and not t.is_stop and (t.is_alpha or t.like_num)
    )


class DocIndex:
    """Per-doc lookups built once: which token starts a referent mention, date groups, places."""

    def __init__(
        self,
        doc: Doc,
        text: str,
        mention_bounds: Iterable[tuple[int, int]],
        place_starts: Iterable[int],
        offset: int,
        dateline: tuple[int, int] | None = None,
    ):
        self.offset = offset
        self.text = text
        #: Tokens of the dateline ("CALDER CITY, Ohio —"): no subject, date or place of a clause.
        self.dateline: set[int] = set()
        if dateline is not None:
            span = doc.char_span(dateline[0], dateline[1], alignment_mode="expand")
            self.dateline = {t.i for t in span} if span is not None else set()
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
        self.dates: list[tuple[int, int, int]] = []  # (root token index, start char, end char)
        self._group_dates(doc, text)

    def _group_dates(self, doc: Doc, text: str) -> None:
        """Adjacent DATE/TIME entities read as one: "Tuesday" + "night" -> "Tuesday night"."""
        group: list[SpacySpan] = []
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

    def _add_date(self, doc: Doc, group: list[SpacySpan]) -> None:
        if not is_time_point(" ".join(ent.text for ent in group)) or group[0].root.i in self.dateline:
            return
        span = doc[group[0].start : group[-1].end]
        self.dates.append((span.root.i, group[0].start_char, group[-1].end_char))

    def mention_of(self, token: Token) -> int | None:
        """Full-text start of the referent mention this noun phrase names, if any."""
        if token.i in self.dateline:
            return None
        local = self.token_mention.get(token.i)
        if local is not None:
            return local + self.offset
        for child in token.children:  # "Iran's foreign minister, Mohammad Javad Zarif"
            if child.dep_ == "appos":
                local = self.token_mention.get(child.i)
                if local is not None:
                    return local + self.offset
        if token.lemma_.lower() in PROXY_NOUNS or token.lower_ in PROXY_NOUNS:
            for child in token.children:
                # "U.S. forces" are the U.S.; "Iranian leaders" are not "Iranian" (an adjective).
                if child.dep_ in ("compound", "amod", "poss", "nmod") and child.ent_type_ != "NORP":
                    local = self.token_mention.get(child.i)
                    if local is not None:
                        return local + self.offset
        return None
