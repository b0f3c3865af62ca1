"""Resolve: each speaker mention to an actor, and each found attribution to a `Quote`.

A name links to its actor directly; a relative pronoun through its antecedent; "he", "she",
"they" and descriptions such as "the minister" to the most recent compatible actor (gender from
titles, given names, kin nouns and earlier pronouns; the subject of a recent clause first).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import TYPE_CHECKING

from reader.analysis import lexicon
from reader.analysis.entities.names import name_gender
from reader.analysis.model import Quote, Referent, Span
from reader.analysis.quotes.acts import ActPass
from reader.analysis.quotes.base import (
    ORG_NOUNS,
    PERSON_NOUNS,
    PRONOUNS_PERSON,
    PRONOUNS_PLURAL,
    RELATIVE,
    Found,
    name_head,
)
from reader.analysis.quotes.constructions import antecedent

if TYPE_CHECKING:
    from spacy.tokens import Token

GENERIC_ORG_NOUNS = lexicon.words("organisations", "generic_nouns")
MALE_TITLES = lexicon.words("people", "male_titles")
QUANTITY_WORDS = lexicon.words("people", "quantity_words")
#: who may speak inside someone else's interview turn: people, organisations, documents
TURN_SPEAKER_NOUNS = PERSON_NOUNS | ORG_NOUNS | lexicon.words("people", "evidence_nouns")
FIRST_PERSON = {"i", "we", "me", "us"}
REFLEXIVE = {"himself": "m", "herself": "f"}
INDEFINITE = {"a", "an", "another", "one", "some", "any", "many", "several", "few", "two", "three"}
FEMALE_TITLES = lexicon.words("people", "female_titles")
KIN_NOUNS: dict[str, str] = {
    **dict.fromkeys(lexicon.words("people", "female_kin"), "f"),
    **dict.fromkeys(lexicon.words("people", "male_kin"), "m"),
}
_KIN_WORDS = "|".join(sorted(KIN_NOUNS, key=lambda w: (-len(w), w)))
# "his mother, Loretta Bell" / "Loretta Bell, his mother," (a name in apposition to a kin noun)
_KIN_BEFORE_RE = re.compile(
    r"\b(?:his|her|their|my|our|a|the|whose)\s+(?:\w+\s+)?(?P<kin>" + _KIN_WORDS + r"),\s*$", re.I
)
_KIN_AFTER_RE = re.compile(r",\s*(?:his|her|their|a|the)\s+(?:\w+\s+)?(?P<kin>" + _KIN_WORDS + r")\b", re.I)


class Resolver(ActPass):
    """Speaker tokens to actors, and found attributions to quotes (with their act)."""

    def mention_span(self, tok: Token) -> tuple[int, int]:
        """The speaker mention around head token `tok`: its entity, or its name or description words."""
        doc = self.doc
        if tok.lower_ in RELATIVE and tok.head.dep_ == "relcl" and 0 < tok.i - tok.head.head.i <= 8:
            # "a non-profit that advocates ...", "Sanders, who said ...": the mention runs from the
            # antecedent to the pronoun, so it shows who is meant
            return self.mention_span(tok.head.head)[0], tok.idx + len(tok)
        if tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
            i, j = tok.i, tok.i
            while i > 0 and doc[i - 1].ent_iob_ == "I" or (doc[i].ent_iob_ == "I" and i > 0):
                i -= 1
                if doc[i].ent_iob_ == "B":
                    break
            while j + 1 < len(doc) and doc[j + 1].ent_iob_ == "I":
                j += 1
            return doc[i].idx, doc[j].idx + len(doc[j])
        if tok.pos_ == "NOUN":
            for child in tok.children:
                if child.dep_ == "appos" and child.ent_type_ == "PERSON":
                    return self.mention_span(child)
        titled = titled_name(tok)
        if titled is not None:
            # "GOP presidential contender and former neurosurgeon Ben Carson": one person, two titles
            return tok.left_edge.idx, self.mention_span(titled)[1]
        first = tok.i
        for child in tok.lefts:
            if child.dep_ in ("compound", "amod", "det", "poss", "nmod", "nummod", "quantmod"):
                first = min(first, child.left_edge.i)
        end = tok.idx + len(tok)
        if tok.pos_ == "NUM" or tok.lower_ in QUANTITY_WORDS:
            # "three of the men", "many of her neighbours": a number alone says nothing of who
            for prep in tok.rights:
                if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i == tok.i + 1:
                    right = doc[prep.right_edge.i]
                    end = right.idx + len(right)
        if tok.pos_ in ("NOUN", "PRON"):
            # "someone like Mr. Clarke", "proponents like Mr. Eisenbrey": the name says who is meant
            for prep in tok.rights:
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if (
                    prep.lower_ == "like"
                    and prep.i == tok.i + 1
                    and obj is not None
                    and obj.ent_type_ == "PERSON"
                ):
                    end = max(end, self.mention_span(obj)[1])
        if tok.pos_ == "NOUN":
            # "a recent report from Bloomberg New Energy Finance", "a tally by the Associated Press":
            # the mention runs to the name of whoever stands behind the document; so does a person's
            # ("officials with the Democratic Congressional Campaign Committee", "a spokesman for Exxon")
            for prep in tok.rights:
                people = tok.lemma_.lower() in PERSON_NOUNS and prep.lower_ in ("with", "at", "for", "of")
                if prep.dep_ == "prep" and (prep.lower_ in ("by", "from") or people) and prep.i <= tok.i + 2:
                    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    if obj is not None and obj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
                        end = max(end, self.mention_span(obj)[1])
        return doc[first].idx, end

    def actor_at(self, start: int, end: int) -> Referent | None:
        k = bisect_right(self.mention_starts, end) - 1
        while k >= 0 and self.mentions[k][0] > start - 400:
            s, e, actor = self.mentions[k]
            if s < end and start < e:
                return actor
            k -= 1
        return None

    def resolve(self, tok: Token) -> Referent | None:
        """The actor a speaker token refers to (name, relative pronoun, pronoun or description)."""
        lower = tok.lower_
        if lower in RELATIVE and tok.head.dep_ == "relcl":
            antecedent = tok.head.head
            return self.actor_at(antecedent.idx, antecedent.idx + len(antecedent))
        for child in tok.children:
            if child.dep_ == "appos" and child.ent_type_ in ("PERSON", "ORG"):
                # "Iran's foreign minister, Mohammad Javad Zarif", "the union, the Workers' Federation"
                tok = name_head(child)
        titled = titled_name(tok)
        if titled is not None:
            tok = name_head(titled)  # "GOP presidential contender and former neurosurgeon Ben Carson"
        direct = self.actor_at(tok.idx, tok.idx + len(tok))
        if direct is not None:
            return direct
        if tok.pos_ == "PROPN":
            # a surname the entity recogniser missed this time ("Castillo told the panel")
            named = self.actor_by_name(tok.text)
            if named is not None and named.kind == "person":
                return named
        if tok.pos_ == "PRON" or lower in PRONOUNS_PERSON:
            unnamed = self.unnamed_subject(tok)
            if unnamed is not None:
                self.described[tok.i] = self.mention_span(unnamed)
                return None
            if lower in PRONOUNS_PERSON:
                missed = self.missed_name(tok, PRONOUNS_PERSON[lower])
                if missed is not None:
                    return missed
                return self.antecedent(tok.idx, {"person"}, PRONOUNS_PERSON[lower])
            if lower in PRONOUNS_PLURAL:
                return self.antecedent(tok.idx, {"group", "organisation"}, None)
            if lower == "it":
                return self.antecedent(tok.idx, {"organisation"}, None)
            return None
        if not self.definite(tok):
            return None  # "a White House official", "some residents": someone not named before
        if tok.lemma_.lower() in PERSON_NOUNS:
            return self.antecedent(tok.idx, {"person"}, None, role=tok.lemma_.lower())
        if tok.lemma_.lower() in ORG_NOUNS and not any(c.dep_ in ("compound", "poss") for c in tok.children):
            # "the union" is an organisation the article calls a union, not just the last one named;
            # "the company" may be any
            noun = tok.lemma_.lower()
            found = self.antecedent(tok.idx, {"organisation"}, None, role=noun)
            if found is None and noun in GENERIC_ORG_NOUNS:
                found = self.antecedent(tok.idx, {"organisation"}, None)
            return found
        return None

    def subjects_before(self, tok: Token) -> Iterator[Token]:
        """Subjects outside quotation marks before a pronoun, nearest first, in its sentence and the one
        before it in the same paragraph: where a reader looks for whom "he" or "she" means."""
        doc = self.doc
        start = tok.sent.start
        if start > 0 and self.para_of(doc[start - 1].idx) == self.para_of(tok.idx):
            start = doc[start - 1].sent.start
        for i in range(tok.i - 1, start - 1, -1):
            if self.in_quote[i] == -1 and doc[i].dep_ in ("nsubj", "nsubjpass"):
                yield doc[i]

    def unnamed_subject(self, tok: Token) -> Token | None:
        """The description a pronoun stands for when the nearest person before it, in its sentence or
        the one before in its paragraph, is someone nobody names: "A Post Office spokesman said ...
        'We are committed,' he said." is the spokesman's, not the last named person's."""
        plural = tok.lower_ in ("they", "we")
        if not plural and tok.lower_ not in ("he", "she"):
            return None
        for t in self.subjects_before(tok):
            if t.lower_ in RELATIVE or t.lower_ in ("it", "this"):
                continue  # "a van service that would visit ...": a thing
            if t.ent_type_ == "PERSON" or t.pos_ in ("PROPN", "PRON"):
                return None  # a name or a pronoun: the usual chain
            if t.pos_ == "NOUN" and t.lemma_.lower() in PERSON_NOUNS:
                if (t.tag_ == "NNS") != plural or self.actor_at(t.idx, t.idx + len(t)) is not None:
                    return None
                return t if not self.definite(t) else None
        return None

    def missed_name(self, tok: Token, gender: str) -> Referent | None:
        """A pronoun right after a sentence whose subject is a surname the entity recogniser missed
        there ("Sinclair read every page. “...,” she said."): that person, when the name and the
        pronoun agree."""
        for t in self.subjects_before(tok):
            if t.lower_ in RELATIVE:
                continue
            if t.pos_ != "PROPN" or self.actor_at(t.idx, t.idx + len(t)) is not None:
                return None  # a person the mentions know, or no name: the usual chain
            named = self.actor_by_name(t.text)
            if named is None or named.kind != "person" or self.gender(named) not in (None, gender):
                return None
            return named
        return None

    @staticmethod
    def definite(tok: Token) -> bool:
        """Whether a description names someone already met: "the minister", "the company" do; "a
        spokesman", "one aide", "residents" and "some officials" (plural people) do not."""
        det = next((c for c in tok.children if c.dep_ in ("det", "nummod", "quantmod")), None)
        if det is not None and det.lower_ in INDEFINITE:
            return False
        return not (tok.tag_ == "NNS" and tok.lemma_.lower() in PERSON_NOUNS)

    def gender(self, actor: Referent) -> str | None:
        g = self.genders.get(actor.id)
        if g is not None:
            return g or None
        found = ""
        for m in actor.mentions:
            before = self.text[max(0, m.start - 6) : m.start].lower().split()
            word = before[-1] if before else ""
            if word in MALE_TITLES:
                found = "m"
                break
            if word in FEMALE_TITLES:
                found = "f"
                break
        if not found:
            found = next((g for g in map(name_gender, (actor.name, *actor.aliases)) if g), "")
        if not found:
            found = self.kin_gender(actor)
        if not found:
            found = self.reflexive_gender(actor)
        self.genders[actor.id] = found
        return found or None

    def kin_gender(self, actor: Referent) -> str:
        """A gender from a kin or gendered noun in apposition: "his mother, Loretta Bell" or "Loretta
        Bell, his mother"; "" when there is none."""
        for m in actor.mentions:
            before = _KIN_BEFORE_RE.search(self.text, max(0, m.start - 40), m.start)
            after = _KIN_AFTER_RE.match(self.text, m.end)
            for hit in (before, after):
                if hit is not None:
                    return KIN_NOUNS[hit.group("kin").lower()]
        return ""

    def reflexive_gender(self, actor: Referent) -> str:
        """A gender from a reflexive pronoun on the verb the actor is subject of: "Campbell ...
        describes herself as ..."; "" when there is none."""
        doc = self.doc
        for m in actor.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or span.root.dep_ != "nsubj":
                continue
            verb = span.root.head
            for child in (
                *verb.children,
                *(g for c in verb.children if c.dep_ == "prep" for g in c.children),
            ):
                if child.lower_ in REFLEXIVE:
                    return REFLEXIVE[child.lower_]
        return ""

    def antecedent(
        self, char: int, kinds: set[str], gender: str | None, role: str | None = None
    ) -> Referent | None:
        k = bisect_right(self.mention_starts, char) - 1
        seen = 0
        fallback: Referent | None = None
        sent_start = self.doc[self.tok_at(char)].sent.start_char
        while k >= 0 and seen < 40:
            s, e, actor = self.mentions[k]
            k -= 1
            if e > char or actor.kind not in kinds:
                continue
            seen += 1
            if char - s > 3000:
                break
            if not self.compatible(actor, gender, role):
                continue
            # prefer the subject of a recent clause ("Trump sought ..., writing on Twitter ... He said")
            root = self.subject_root(s, e)
            if fallback is None:
                fallback = actor
            if root is None and (sent_start - s) < 600:
                continue
            chosen = fallback if root is None else self.main_subject(k, root, kinds, gender, role) or actor
            if gender is not None and chosen is not None and not self.genders.get(chosen.id):
                self.genders[chosen.id] = gender
            return chosen
        if fallback is not None and gender is not None and not self.genders.get(fallback.id):
            self.genders[fallback.id] = gender
        return fallback

    def compatible(self, actor: Referent, gender: str | None, role: str | None) -> bool:
        """Whether `actor` can be what a pronoun of `gender` or a description naming `role` means."""
        if gender is not None:
            g = self.gender(actor)
            if g is not None and g != gender:
                return False
        if role is not None:
            context = " ".join(
                self.text[max(0, m.start - 60) : m.end + 60].lower() for m in actor.mentions[:6]
            )
            if role not in context:
                return False
        return True

    def subject_root(self, start: int, end: int) -> Token | None:
        """The head of the mention at start..end when it is a clause's subject (or in apposition to one)."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        root = None if span is None else span.root
        if root is None:
            return None
        if root.dep_ == "appos" and root.head.dep_ in ("nsubj", "nsubjpass"):
            root = root.head
        return root if root.dep_ in ("nsubj", "nsubjpass") else None

    def main_subject(
        self, k: int, subject: Token, kinds: set[str], gender: str | None, role: str | None
    ) -> Referent | None:
        """The subject of its sentence's main clause, when the nearest subject before a pronoun is
        that of a clause inside it ("Campbell, who was elected after Morrison stood down, is ... She
        said"): the main clause's subject is what the next sentence goes on about."""
        if in_main_clause(subject):
            return None
        sent = subject.sent
        while k >= 0 and self.mentions[k][0] >= sent.start_char:
            s, e, actor = self.mentions[k]
            k -= 1
            root = self.subject_root(s, e)
            if (
                root is not None
                and in_main_clause(root)
                and actor.kind in kinds
                and self.compatible(actor, gender, role)
            ):
                return actor
        return None

    def to_quotes(self, found: list[Found]) -> list[Quote]:
        text = self.text
        quotes: list[Quote] = []
        last_actor: dict[int, Referent | None] = {}
        turns = [f for f in found if f.rule == "interview_turn"]
        for f in found:
            speaker, actor = self.speaker_of(f, last_actor)
            name = self.display_name(f, speaker, actor)
            turn = (
                None
                if f.rule == "interview_turn"
                else next((t for t in turns if t.start <= f.start < t.end), None)
            )
            if turn is not None:
                if f.speaker_tok is not None and self.doc[f.speaker_tok].lower_ in FIRST_PERSON:
                    # "I think ..." inside a turn: the one whose turn it is
                    turn_speaker, actor = self.speaker_of(turn, last_actor)
                    name = self.display_name(turn, turn_speaker, actor)
                elif not self.speaks_in_turn(f, actor):
                    continue  # "the evidence says ...", "insurance, which tells ...": the turn's words
            cue = None if f.cue is None else Span(f.cue[0], f.cue[1], text[f.cue[0] : f.cue[1]])
            segments = [Span(s, e, text[s:e]) for s, e in f.segments]
            stands_for = antecedent(self.doc, f.start, f.end)
            quotes.append(
                Quote(
                    kind=f.kind,
                    content=Span(f.start, f.end, text[f.start : f.end]),
                    speaker=speaker,
                    actor=None if actor is None else actor.id,
                    cue=cue,
                    confidence=round(f.confidence, 3),
                    segments=segments,
                    speaker_name=name,
                    rule=f.rule,
                    act=self.act_of(f, turn),
                    refers_to=None if stands_for is None else Span(*stands_for, text[slice(*stands_for)]),
                )
            )
        return quotes

    def speaks_in_turn(self, f: Found, actor: Referent | None) -> bool:
        """Whether an attribution inside an interview turn has a speaker of its own a reader would
        list beside the turn: an actor, a name, or a person, organisation or document noun ("the
        report says ..."). Anything else ("the evidence says", "insurance, which tells you") is the
        turn's own words, already listed as the turn."""
        if actor is not None:
            return True
        if f.speaker_tok is None:
            return False
        tok = self.doc[f.speaker_tok]
        if tok.lower_ in RELATIVE and tok.head.dep_ == "relcl":
            tok = tok.head.head
        elif tok.pos_ == "PRON":
            return True  # "Do you think ...?", "they say ...": someone in the exchange
        lemma = tok.lemma_.lower()
        return (
            bool(tok.ent_type_)
            or tok.pos_ == "PROPN"
            or tok.tag_ == "NNS"  # "full-blown capitalists are saying ...": people
            or lemma in TURN_SPEAKER_NOUNS
        )

    def speaker_of(
        self, f: Found, last_actor: dict[int, Referent | None]
    ) -> tuple[Span | None, Referent | None]:
        """The speaker mention of `f` and the actor it resolves to (one resolution per token)."""
        text, doc = self.text, self.doc
        if f.speaker_span is not None:
            s, e = f.speaker_span
            s = self.past_dateline(s, e)
            return Span(s, e, text[s:e]), self.actor_by_name(text[s:e])
        if f.speaker_tok is None:
            return None, None
        tok = doc[f.speaker_tok]
        # "Lopez held up a sign saying ...": the words are read on the sign, they are its holder's
        s, e = self.mention_span(tok if f.carrier is None else doc[f.carrier])
        s = self.past_dateline(s, e)
        if f.speaker_tok in last_actor:
            actor = last_actor[f.speaker_tok]
        else:
            actor = last_actor[f.speaker_tok] = self.resolve(tok)
        return Span(s, e, text[s:e]), actor

    def display_name(self, f: Found, speaker: Span | None, actor: Referent | None) -> str | None:
        """The name a reader sees: the actor's, a construction's own ("Interviewer"), or the mention."""
        name = actor.name if actor is not None else (speaker.text if speaker is not None else None)
        if actor is None and f.carrier is not None and f.speaker_tok is not None:
            s, e = self.mention_span(self.doc[f.speaker_tok])
            name = self.text[self.past_dateline(s, e) : e]  # who holds the sign, not the sign
        if f.name:
            name = f.name
        if actor is None and f.speaker_tok in self.described:
            s, e = self.described[f.speaker_tok]
            # "he", after "A Post Office spokesman said ...": the spokesman
            name = self.text[self.past_dateline(s, e) : e]
        elif actor is None and f.speaker_tok is not None:
            tok = self.doc[f.speaker_tok]
            if tok.lower_ in RELATIVE and tok.head.dep_ == "relcl" and tok.head.head.i < tok.i:
                s, e = self.mention_span(tok.head.head)  # "critics who say ...": show "critics"
                name = self.text[self.past_dateline(s, e) : e]
        return name

    def actor_by_name(self, name: str) -> Referent | None:
        last = name.split()[-1].lower().strip(".") if name.split() else ""
        for actor in self.actors:
            for alias in (actor.name, *actor.aliases):
                if alias.split() and alias.split()[-1].lower() == last:
                    return actor
        return None


def in_main_clause(subject: Token) -> bool:
    """Whether a subject belongs to its sentence's main verb, one joined to it by "and", or a clause
    it reports ("Boyd said Sinclair was seen ..."); not one of a relative or adverbial clause ("who
    was elected after Morrison stood down")."""
    verb = subject.head
    while verb.head.i != verb.i:
        if verb.dep_ in ("relcl", "advcl", "acl"):
            return False
        verb = verb.head
    return True


def titled_name(tok: Token) -> Token | None:
    """The name a bare title is joined to by "and" ("GOP presidential contender and former
    neurosurgeon Ben Carson"): one person with two titles, not two speakers. None otherwise."""
    if tok.tag_ not in ("NN", "NNP") or tok.ent_type_ == "PERSON":
        return None
    if (
        tok.pos_ != "NOUN"
        and tok.lemma_.lower().rstrip(".") not in PERSON_NOUNS | MALE_TITLES | FEMALE_TITLES
    ):
        return None  # "Sanders and Clinton", "Weld and Johnson": two people
    if any(c.dep_ in ("det", "poss", "nummod") for c in tok.children):
        return None  # "the senator and Ben Carson", "his aide and Ben Carson": two people
    conj = next((c for c in tok.children if c.dep_ == "conj"), None)
    if conj is None or conj.ent_type_ != "PERSON" or any(c.dep_ == "conj" for c in conj.children):
        return None
    return conj
