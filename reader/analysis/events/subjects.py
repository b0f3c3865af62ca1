"""Who a clause is about: its subject as a reader finds it, where the parse alone goes wrong.

A conjunct or complement shares its head's subject ("arrested two men and seized weapons"); a
finite verb the parser hung on another without a subordinator shares nothing; a clause of saying
between a noun and its verb leaves the noun as the subject ("a binder she said contained copies");
a name set off by commas before a subject-less verb is its subject; "whose mother" is somebody's.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

from reader.analysis.events.lexicon import REPORTING_VERBS
from reader.analysis.events.phrases import DocIndex, subject_phrase

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Finite verb tags: a verb with a tense of its own has (or lacks) a subject of its own.
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
#: Where a name set off by commas sits when the parser hangs it nowhere: "its owner, Ann Lee, retired".
_LOOSE_NAME_DEPS = frozenset({"npadvmod", "appos"})


def subject_of(verb: Token, blocked: AbstractSet[int] = frozenset()) -> tuple[Token | None, bool]:
    """The verb's subject token and whether it is the actor (False for a passive subject).

    `blocked` tokens (the dateline's) are never the subject, though the parse may say so.
    """
    for child in verb.children:
        if child.i in blocked:
            continue
        if child.dep_ in ("nsubj", "csubj", "expl"):
            return child, True
        if child.dep_ in ("nsubjpass", "csubjpass"):
            return child, False
    return None, False


def passive_agent(verb: Token) -> Token | None:
    """The `by` agent of a passive verb: "was killed by a U.S. drone strike" -> strike."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
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


def _contact_antecedent(verb: Token) -> Token | None:
    """The noun a clause of saying hangs on, when it is the subject of the verb right after it.

    "a binder she said contained copies", "the man police say fired the shot": the parser gives the
    second verb no subject (or lends it the main clause's); the reader takes the noun.
    """
    if verb.tag_ not in _FINITE_TAGS or verb.i == 0:
        return None
    saying = verb.doc[verb.i - 1]
    if saying.dep_ != "relcl" or saying.lemma_.lower() not in REPORTING_VERBS:
        return None
    if not any(c.dep_ == "nsubj" for c in saying.children):
        return None
    noun = saying.head
    return noun if noun.pos_ in ("NOUN", "PROPN") and noun.i < saying.i else None


def _loose_name(verb: Token) -> Token | None:
    """A name set off by commas right before a verb without a subject: its subject.

    "after its owner, Ann Lee, announced her retirement": the parser may hang "Ann Lee" nowhere
    and lend "announced" the main clause's subject.
    """
    before = verb.i - 1
    while before >= 0 and verb.doc[before].is_punct:
        before -= 1
    if before < 0 or before == verb.i - 1:
        return None  # the name must be set off by a comma
    name = verb.doc[before]
    if name.pos_ != "PROPN" or name.dep_ not in _LOOSE_NAME_DEPS or name.head.i == verb.i:
        return None
    return name if name.ent_type_ in ("PERSON", "ORG") else None


def shared_subject(verb: Token, blocked: AbstractSet[int]) -> tuple[Token | None, bool, Token]:
    """The subject of `verb` or, for a conjunct or complement without one, of the verb it shares it with.

    A finite verb hung on another without a subject and without a subordinator is a parse that
    joined two clauses: it shares no subject ("a binder she said contained copies").
    """
    subject, active = subject_of(verb, blocked)
    if subject is None:
        found = _contact_antecedent(verb) or _loose_name(verb)
        if found is not None:
            return found, True, verb
    head = verb
    hops = 0
    while subject is None and head.dep_ in ("conj", "xcomp", "advcl") and hops < 4:
        if (
            head.dep_ == "advcl"
            and head.tag_ in _FINITE_TAGS
            and not any(c.dep_ == "mark" for c in head.children)
        ):
            break
        head = _coordinated_head(head)
        subject, active = subject_of(head, blocked)
        hops += 1
    if hops == 1 and not active and _active_infinitive(verb):
        active = True  # "Hargreave was commissioned to review the failure": she reviews it
    return subject, active, head


def _active_infinitive(verb: Token) -> bool:
    """A "to ..." complement in the active voice: the one the verb above it is said of does it."""
    children = list(verb.children)
    return (
        verb.dep_ in ("xcomp", "advcl")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in children)
        and not any(c.dep_ == "auxpass" for c in children)
    )


def whose_phrase(noun: Token, index: DocIndex) -> str | None:
    """ "Marcus Bell, whose mother drowned": the mother is Marcus Bell's, as a reader says it."""
    if not any(c.dep_ == "poss" and c.lower_ == "whose" for c in noun.children):
        return None
    clause = noun.head
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "relcl":
        return None
    owner = subject_phrase(index.text, clause.head)
    if owner is None:
        return None
    mark = "’" if clause.head.tag_ == "NNS" and owner.endswith("s") else "’s"  # "the residents’ homes"
    return f"{owner}{mark} {noun.text}"
