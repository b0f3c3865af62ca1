"""Candidates: the stretches a cue word might attribute, and the features that score them.

Shared with scripts/derive_cues.py, which counts on PolNeAR's training split how often each
(lemma, construction) is an attribution and fits the scorer's weights (see `cues.Cues.score`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from reader.analysis.cues import Cues
from reader.analysis.quotes.base import QUOTE_CHARS, RELATIVE

if TYPE_CHECKING:
    from spacy.tokens import Token

_CONTENT_DEPS = ("ccomp", "xcomp", "dobj", "attr", "oprd")
_PREP_CONTENT = {"for", "about", "on", "of", "against", "to", "with", "that", "as", "in"}


def candidate_frames(tok: Token) -> Iterator[tuple[str, int, int]]:
    """(construction, first token, last token) of each stretch `tok` might attribute as content.

    Constructions: a clausal or nominal dependent ("ccomp", "xcomp", "dobj", ...), a prepositional
    object ("prep_for": "called for an end to ..."), a noun's clause ("acl", "relcl"-less), or, for a
    cue that comments on its host clause ("..., critics say"), "host".
    """
    has_clause = False
    # "X has said ..., yet critics say Y": with a clause after the cue, one before it is not its content
    clause_after = any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children)
    for child in tok.children:
        dep = child.dep_
        if dep == "advcl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children):
            dep = "ccomp"  # "tweeted that Tehran seeks ...", often parsed as an adverbial clause
        elif (
            dep == "advcl"
            and child.i > tok.i
            and tok.pos_ in ("VERB", "AUX")
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
        ):
            dep = "xcomp"  # "sought on Wednesday to ease worries", parsed as a purpose clause
        if dep == "ccomp" and clause_after and child.i < tok.i:
            continue
        if dep in ("ccomp", "xcomp"):
            has_clause = True
        if dep in _CONTENT_DEPS or (dep in ("acl", "advcl") and tok.pos_ in ("NOUN", "PROPN")):
            yield dep, child.left_edge.i, child.right_edge.i
        elif dep == "nsubjpass" and any(c.dep_ == "agent" for c in tok.children):
            yield dep, child.left_edge.i, child.right_edge.i  # "the bill was opposed by Republicans"
        elif dep == "prep" and child.lower_ in _PREP_CONTENT:
            for pobj in child.children:
                if pobj.dep_ in ("pobj", "pcomp"):
                    yield "prep_" + child.lower_, pobj.left_edge.i, pobj.right_edge.i
    if has_clause or tok.pos_ not in ("VERB", "AUX") or not any(c.dep_ == "nsubj" for c in tok.children):
        return
    head = tok.head
    if tok.dep_ == "ccomp" and head.i < tok.i and tok.left_edge.i > head.i:
        yield "host", head.left_edge.i, tok.left_edge.i - 1  # "The strike was retaliatory, critics say"
    elif tok.dep_ == "parataxis" and head is not tok:
        # "In the long run, many economists say, this effect could ripple ..."
        if head.i < tok.i and tok.left_edge.i > head.left_edge.i:
            yield "host", head.left_edge.i, tok.left_edge.i - 1
        elif head.i > tok.i:
            yield "host", tok.right_edge.i + 1, head.right_edge.i
    elif tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children):
        # "As Menendez pointed out, the rulings have real impact"
        if tok.i < head.i:
            yield "as_host", tok.right_edge.i + 1, head.right_edge.i
        else:
            yield "as_host", head.left_edge.i, tok.left_edge.i - 1


_WH = {"whether", "if", "what", "how", "why", "who", "when", "where", "which"}


def frame_features(
    tok: Token, lemma: str, dep: str, a: int, b: int, cues: Cues, speaker: Token | None = None
) -> list[str]:
    """Features of one candidate frame for the learned attribution scorer (see `Cues.score`).

    Shared with scripts/derive_cues.py, which fits the weights on PolNeAR's training split.
    """
    doc = tok.doc
    subj = "none"
    neg = False
    for child in tok.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            subj = child.ent_type_ or child.pos_
            if child.lower_ in RELATIVE:
                subj = "REL"
        elif child.dep_ == "neg":
            neg = True
    first = doc[a].lower_
    if first == "that":
        c0 = "that"
    elif first == "to" or (a + 1 <= b and doc[a + 1].lower_ == "to" and doc[a].pos_ != "VERB"):
        c0 = "to"
    elif first in _WH:
        c0 = "wh"
    else:
        c0 = doc[a].pos_
    n = b - a + 1
    clen = "1" if n == 1 else "2" if n <= 3 else "4" if n <= 8 else "9" if n <= 25 else "26"
    classes = [
        name
        for name, words in (
            ("speech", cues.speech),
            ("belief", cues.belief),
            ("intention", cues.intention),
            ("evidence", cues.evidence),
            ("noun", cues.noun),
        )
        if lemma in words
    ]
    feats = [
        "bias",
        f"ld={lemma}|{dep}",
        f"l={lemma}",
        f"d={dep}",
        f"pd={tok.pos_}|{dep}",
        f"tag={tok.tag_}",
        f"tdep={tok.dep_}|{dep}",
        f"subj={subj}",
        f"subjd={subj}|{dep}",
        f"c0={c0}|{dep}",
        f"clen={clen}|{dep}",
    ]
    if speaker is None:
        feats.append(f"spk=none|{dep}")
    else:
        kind = "REL" if speaker.lower_ in RELATIVE else speaker.ent_type_ or speaker.pos_
        feats.append(f"spk={kind}|{dep}")
        if a <= speaker.i <= b:
            feats.append("spk_inside")
    if neg:
        feats.append("neg")
    for name in classes:
        feats.append(f"hand={name}|{dep}")
    if any(ch in QUOTE_CHARS for ch in doc[a : b + 1].text):
        feats.append(f"quoted|{dep}")
    return feats
