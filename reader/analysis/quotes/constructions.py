"""Constructions of attribution beyond the clause or object a cue heads.

The parse's own frames (`frames.candidate_frames`) cover "said that ...", "called for ..." and
their kin. Writers attribute in other shapes too, and readers (and the corpus's annotators) take
them as attributions all the same:

- a pronoun as the whole content: "his critics denounced him", "Americans are mad, and I agree
  with them", "which Trump had called a disaster" — what is denounced or agreed with is what the
  pronoun stands for, and the reader sees it there. Only pronouns that stand for something said
  or someone spoken of count; "said something", "did it himself" attribute nothing.
- a passive with no agent: "The purchase price was not disclosed", "The plan was approved last
  year" attribute the subject to someone left unnamed (construction "subjpass"; the agent's
  passive, "was opposed by Republicans", is the parse's own "nsubjpass" frame).
- a feeling caused: "The remark angered his allies" says what the allies think of the remark
  (construction "felt_cause", the one who feels as the speaker), and so does "Officials were
  angered by the deal" ("felt_agent": the deal, as the officials see it).

- a one-word answer: "46 percent of voters said yes", "Everyone but Hewlett said no", "half
  said so in the earlier poll" (construction "answer"): the word is the whole of what was said.

`construction_frames` gives the candidate frames of these shapes, in the form of
`frames.candidate_frames`, so that the learned scorer weighs them like any other (the extractor and
scripts/derive_cues.py both take them).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from reader.analysis import lexicon
from reader.analysis.quotes.base import RELATIVE, agentive

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: The construction of a passive's subject when no agent is named ("The plan was approved").
BARE_PASSIVE = "subjpass"
#: The constructions of a feeling's cause: the subject ("The remark angered his allies") or the
#: agent of the passive ("Officials were angered by the deal").
FELT_CAUSE = "felt_cause"
FELT_AGENT = "felt_agent"
#: The construction of a one-word answer ("said yes").
ANSWER = "answer"
#: Words that are a whole answer after a verb ("said yes", "said so"). Grammar, not lexicon: the
#: closed class of words that stand for a reply to a question or for what was asked about.
ANSWER_WORDS = frozenset({"yes", "no", "so", "otherwise"})
#: The constructions whose speaker is the construction's own (see `construction_speaker`).
CONSTRUCTIONS = (BARE_PASSIVE, FELT_CAUSE, FELT_AGENT)
FEELING_VERBS = lexicon.words("reactions", "feeling_verbs")
_SAID_NOUNS = lexicon.words("cues", "noun")
#: Object pronouns of someone who can feel ("angered them"); the subject forms are `agentive`'s.
_OBJECT_PERSONS = ("him", "her", "them", "us", "me", "you")

#: Pronouns that may stand for the whole of what a cue is about ("denounced him", "agree with
#: them", "bragged about it", "which he defended"). Grammar, not lexicon: closed-class words.
#: Left out: the indefinite ("something", "some"), reflexive ("himself") and plural demonstrative
#: ("those") ones, which more often fill a verb's slot than name what was said.
CONTENT_PRONOUNS = frozenset(
    {
        "him", "her", "it", "them", "me", "us", "he", "she",
        "who", "whom", "which", "what", "this", "that", "everything", "anything",
    }
)  # fmt: skip


def pronoun_content(doc: Doc, a: int, b: int) -> tuple[int, int] | None:
    """Character span of a content that is one pronoun standing for what the cue is about, or
    None: the fallback for a frame the general trimming drops as saying nothing."""
    if a != b or doc[a].lower_ not in CONTENT_PRONOUNS:
        return None
    tok = doc[a]
    return tok.idx, tok.idx + len(tok)


def construction_frames(tok: Token) -> Iterator[tuple[str, int, int]]:
    """(construction, first token, last token) of each candidate of the shapes above for `tok`."""
    yield from bare_passive(tok)
    yield from felt_cause(tok)
    yield from answer(tok)


def answer(tok: Token) -> Iterator[tuple[str, int, int]]:
    """The word right after a verb that is the whole answer ("said yes", "said so"), when the parse
    hangs it on the verb; not "said no one", where the word opens a phrase."""
    doc = tok.doc
    if tok.pos_ != "VERB" or tok.i + 1 >= len(doc):
        return
    word = doc[tok.i + 1]
    if word.lower_ in ANSWER_WORDS and word.head.i == tok.i and not list(word.children):
        yield ANSWER, word.i, word.i


def construction_speaker(tok: Token, dep: str) -> Token | None:
    """The speaker of construction `dep` of `tok`: where a bare passive was made known, or the
    one who feels."""
    if dep == BARE_PASSIVE:
        return passive_source(tok)
    return feeler(tok)


def bare_passive(tok: Token) -> Iterator[tuple[str, int, int]]:
    """The subject of a passive verb with no agent ("The purchase price was not disclosed"), unless
    a clause of the verb's says what was done with it ("was told to leave", "was asked whether"),
    the subject is someone ("He was charged": done to him, not said of him) or it is itself
    something said ("The statement was released": its speaker is named around it, by other rules)."""
    if tok.pos_ != "VERB" or tok.tag_ != "VBN":
        return
    if any(c.dep_ in ("agent", "ccomp", "xcomp", "oprd", "dobj") for c in tok.children):
        return
    subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    if subj is None or agentive(subj) or subj.lemma_.lower() in _SAID_NOUNS:
        return
    yield BARE_PASSIVE, subj.left_edge.i, subj.right_edge.i


#: Entity kinds that say where or when a thing was done, not who made it known.
_SETTINGS = ("DATE", "TIME", "GPE", "LOC", "FAC", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT")


def passive_source(tok: Token) -> Token | None:
    """Where a passive with no agent was made known, the nearest thing to its source: "is
    documented in the film", "was named in an indictment", "the book, in which the donors are
    named", "the memoir, where the family is described"; not a place or a time ("in Ohio", "in May")."""
    for child in tok.children:
        if child.dep_ == "advmod" and child.lower_ == "where" and child.i < tok.i:
            return child
        if child.dep_ != "prep" or child.lower_ not in ("in", "under"):
            continue
        pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
        if pobj is None or pobj.ent_type_ in _SETTINGS:
            continue
        if pobj.pos_ in ("NOUN", "PROPN") or (pobj.lower_ == "which" and child.i < tok.i):
            return pobj
    return None


def feeler(tok: Token) -> Token | None:
    """Who feels what verb `tok` causes: the object of the active ("angered his allies"), the
    subject of the passive with its cause as agent ("Officials were angered by the deal"); someone,
    not something ("The tax worried markets" is no one's view)."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in FEELING_VERBS:
        return None
    deps = ("nsubjpass",) if any(c.dep_ == "agent" for c in tok.children) else ("dobj",)
    who = next((c for c in tok.children if c.dep_ in deps), None)
    if who is None or not (agentive(who) or who.lower_ in _OBJECT_PERSONS):
        return None
    return who


def felt_cause(tok: Token) -> Iterator[tuple[str, int, int]]:
    """The cause of a feeling `tok` names, as what the one who feels thinks of: the subject of the
    active, the agent of the passive."""
    who = feeler(tok)
    if who is None:
        return
    if who.dep_ == "dobj":
        cause = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if cause is not None:
            yield FELT_CAUSE, cause.left_edge.i, cause.right_edge.i
        return
    agent = next(c for c in tok.children if c.dep_ == "agent")
    pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
    if pobj is not None:
        yield FELT_AGENT, pobj.left_edge.i, pobj.right_edge.i


def antecedent(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Character span of the noun phrase a relative pronoun content stands for, or None.

    The corpus marks "which" itself as what "the levy, which residents had opposed" attributes, so
    the content stays the pronoun; a reader listing quotes needs the levy it stands for, shown
    beside it.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return None
    tok = span[0]
    if tok.lower_ not in RELATIVE or tok.head.dep_ != "relcl":
        return None
    noun = tok.head.head
    if noun.i >= tok.i or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    first = noun.left_edge
    return first.idx, noun.idx + len(noun.text)
