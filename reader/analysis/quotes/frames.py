"""Candidates: the stretches a cue word might attribute, and the features that score them.

Shared with scripts/derive_cues.py, which counts on PolNeAR's training split how often each
(lemma, construction) is an attribution and fits the scorer's weights (see `cues.Cues.score`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.analysis import lexicon
from reader.analysis.cues import Cues
from reader.analysis.quotes.base import QUOTE_CHARS, RELATIVE, agentive

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Nouns of time: "spoke for the first time" says when, not what.
TIME_WORDS = lexicon.words("reports", "time_nouns")
_CONTENT_DEPS = ("ccomp", "xcomp", "dobj", "attr", "oprd")
_PREP_CONTENT = {"for", "about", "on", "of", "against", "to", "with", "that", "as", "in"}


def candidate_frames(tok: Token) -> Iterator[tuple[str, int, int]]:
    """(construction, first token, last token) of each stretch `tok` might attribute as content,
    with the boundaries a reader would draw (see `_bounds`)."""
    for dep, a, b in _raw_frames(tok):
        yield dep, *_bounds(tok, dep, a, b)


_NOMINAL = ("NOUN", "PROPN")
#: What an aside after a noun starts with: "Bush, the former governor", "the pact — one of ..."
_ASIDE_DEPS = ("appos", "relcl", "acl")
_ASIDE_MARKS = (",", "—", "–", "--", "(")
#: Verbs whose subject is part of how things seem ("Her answers seemed to reflect sadness").
_RAISING = {"seem", "appear", "sound"}
#: Conjunctions that open a contrast the reporter adds ("..., while others disagree").
_CONTRAST = {"while", "whereas"}


def _bounds(tok: Token, dep: str, a: int, b: int) -> tuple[int, int]:
    """Stretch a..b as a reader draws it: an object ends before an aside about it ("backed Bush,
    the former Florida governor"); how a subject seems ("Her answers seemed to reflect sadness")
    takes the subject in."""
    doc = tok.doc
    if dep not in ("ccomp", "xcomp", "host", "as_host"):
        head = content_head(tok, a, b)
        if head.pos_ in _NOMINAL:
            for child in head.children:
                if child.i > head.i and child.dep_ in _ASIDE_DEPS and child.left_edge.i - 1 > head.i:
                    mark = doc[child.left_edge.i - 1]
                    if mark.text in _ASIDE_MARKS and mark.i <= b and not _in_quote(doc, a, mark.i):
                        b = mark.i - 1
                        break
    if dep == "dobj":
        b = _trailing_adjuncts(tok, b)
    if dep not in ("host", "as_host"):
        b = _trailing_aside(tok, a, b)
    if dep in ("xcomp", "oprd", "prep_as", "attr") and a > tok.i:
        subj = _described_subject(tok)
        if subj is not None and subj.lower_ not in RELATIVE:
            a = subj.left_edge.i
    return a, b


def _described_subject(tok: Token) -> Token | None:
    """The subject that a complement of `tok` describes: of a verb of seeming ("Her answers seemed
    to ...") or a passive ("The deal is seen as a win", "Ten emails were deemed classified"), where
    the content is what is said of that subject, the subject included."""
    for c in tok.children:
        if c.i < tok.i and (c.dep_ == "nsubjpass" or (c.dep_ == "nsubj" and tok.lemma_.lower() in _RAISING)):
            return c
    return None


#: What may follow an object in the verb's phrase and still belong to what was said or done
#: ("blocked the company from abandoning its plant", "offers loans to parents", "accused Trump of
#: using divisive rhetoric").
_ADJUNCT_DEPS = ("prep", "npadvmod", "dative")
#: Prepositions that set a scene rather than say more ("during a debate", "before the vote").
_SETTING_PREPS = {"during", "throughout", "before", "after", "since", "until", "amid", "despite", "at"}


def _trailing_adjuncts(tok: Token, b: int) -> int:
    """Last token of an object ending at `b` with the verb's adjuncts that directly follow it;
    not a time or a setting ("endorsed Canova in late May", "criticized him during a debate")."""
    for child in sorted(tok.children, key=lambda c: c.i):
        if child.i <= b:
            continue
        if child.left_edge.i != b + 1 or child.dep_ not in _ADJUNCT_DEPS or _setting(child):
            break
        b = child.right_edge.i
    return b


def _setting(adjunct: Token) -> bool:
    """Whether an adjunct tells when or where rather than what: a date or time ("Monday", "on
    Thursday", "this week") or a preposition of setting."""
    if adjunct.lower_ in _SETTING_PREPS:
        return True
    words = [adjunct] if adjunct.dep_ == "npadvmod" else [c for c in adjunct.children if c.dep_ == "pobj"]
    return any(w.ent_type_ in ("DATE", "TIME") or w.lemma_.lower() in TIME_WORDS for w in words)


def _in_quote(doc: Doc, a: int, i: int) -> bool:
    """Whether token `i` lies inside a quotation opened after token `a` (“... – its oppression”)."""
    text = doc[a:i].text  # the span's own text: `doc.text` would join the whole article each time
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


#: What an aside that closes a stretch can be (see `_trailing_aside`).
_ASIDE_KINDS = ("relcl", "appos", "advcl", "acl")


def _trailing_aside(tok: Token, a: int, b: int) -> int:
    """Last token of a..b before an aside that closes it after a comma or dash: a relative clause
    or apposition about something in it (", which Mr. Putin opposed"), a participle (", adding
    ..."), a contrast ("..., while others said ..."). The annotators end the content there."""
    doc = tok.doc
    head = content_head(tok, a, b)
    for t in doc[head.i + 1 : b + 1]:
        kind = t.dep_
        if kind not in _ASIDE_KINDS or t.head.i < a or t.head.i > b or t.right_edge.i < b - 1:
            continue
        first = t.left_edge.i
        if first <= head.i + 1:
            continue
        mark = doc[first - 1]
        if mark.text not in _ASIDE_MARKS or _in_quote(doc, a, mark.i):
            continue
        if kind in ("relcl", "appos"):
            return mark.i - 1
        if kind in ("advcl", "acl") and t.tag_ == "VBG":
            return mark.i - 1
        if kind == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CONTRAST for c in t.children):
            return mark.i - 1
    return b


#: Verbs of asking, whose "if" or "whether" clause is the question ("asked if he was bullied").
_ASKING = lexicon.words("verbs", "question_verbs") | {"wonder"}


def _asked(tok: Token, clause: Token) -> bool:
    """Whether `clause` is the question a verb of asking puts: opened by "if" or "whether"."""
    if tok.lemma_.lower() not in _ASKING:
        return False
    return any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in clause.children)


def _raw_frames(tok: Token) -> Iterator[tuple[str, int, int]]:
    """The stretches the parse offers for `tok`, before `_bounds`.

    Constructions: a clausal or nominal dependent ("ccomp", "xcomp", "dobj", ...), a prepositional
    object ("prep_for": "called for an end to ..."), a noun's clause ("acl", "relcl"-less), or, for a
    cue that comments on its host clause ("..., critics say"), "host".
    """
    has_clause = False
    # "X has said ..., yet critics say Y": with a clause after the cue, one before it is not its content
    clause_after = any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children)
    # "The others are named only by letters. Survey B showed less bias": an object after the cue
    # is its content, and a clause before it belongs to another sentence the parse joined
    content_after = any(
        c.dep_ in ("dobj", "xcomp") and c.i > tok.i and not _addressee(tok, c) for c in tok.children
    )
    for child in tok.children:
        dep = child.dep_
        if dep == "advcl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children):
            dep = "ccomp"  # "tweeted that Tehran seeks ...", often parsed as an adverbial clause
        elif dep == "advcl" and child.i > tok.i and _asked(tok, child):
            dep = "ccomp"  # "Asked if he was ever bullied, ...": the question, not a condition
        elif (
            dep == "advcl"
            and child.i > tok.i
            and tok.pos_ in ("VERB", "AUX")
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
        ):
            dep = "xcomp"  # "sought on Wednesday to ease worries", parsed as a purpose clause
        if dep == "ccomp" and child.i < tok.i and (clause_after or content_after):
            continue
        if dep in ("ccomp", "xcomp"):
            has_clause = True
        if dep in _CONTENT_DEPS or (dep in ("acl", "advcl") and tok.pos_ in ("NOUN", "PROPN")):
            yield dep, child.left_edge.i, child.right_edge.i
        elif dep == "nsubjpass" and any(c.dep_ == "agent" for c in tok.children):
            yield dep, child.left_edge.i, child.right_edge.i  # "the bill was opposed by Republicans"
        elif dep == "prep" and child.lower_ in _PREP_CONTENT:
            if child.lower_ == "to" and _clause_after(tok, child):
                continue  # "yelling to the officers that ...": whom it is said to, not what
            for pobj in child.children:
                if pobj.dep_ in ("pobj", "pcomp") and not _adverbial(child, pobj):
                    yield "prep_" + child.lower_, pobj.left_edge.i, pobj.right_edge.i
    if has_clause or tok.pos_ not in ("VERB", "AUX") or not any(c.dep_ == "nsubj" for c in tok.children):
        return
    head = tok.head
    if tok.dep_ in ("ccomp", "parataxis") and head.i < tok.i and tok.left_edge.i > head.left_edge.i:
        # "The strike was retaliatory, critics say"; "Things have changed, she says, especially
        # online": the host runs on after the cue, and what follows is said too
        yield "host", head.left_edge.i, max(tok.left_edge.i - 1, _host_after(tok, head))
    elif tok.dep_ == "parataxis" and head is not tok and head.i > tok.i:
        # "In the long run, many economists say, this effect could ripple ..."; "The economy, the
        # minister said, will grow": the host's subject before the cue is said too
        first = tok.right_edge.i + 1
        if head.left_edge.i < tok.left_edge.i and _set_off(tok.doc, tok.left_edge.i, tok.right_edge.i):
            first = head.left_edge.i
        yield "host", first, head.right_edge.i
    elif tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children):
        # "As Menendez pointed out, the rulings have real impact"
        if tok.i < head.i:
            yield "as_host", tok.right_edge.i + 1, head.right_edge.i
        else:
            yield "as_host", head.left_edge.i, tok.left_edge.i - 1


#: Verbs whose object is whom the words went to ("..., Smith told reporters"), not what was said.
_ADDRESSED = lexicon.words("verbs", "addressed")
#: Whom words are told to that are no name: "told reporters", "told the crowd".
_AUDIENCES = lexicon.words("verbs", "audiences")


def _addressee(tok: Token, obj: Token) -> bool:
    """Whether object `obj` of cue `tok` is the one spoken to: a person, group or pronoun after a
    verb of telling ("The plan will fail, he told the Associated Press"), so the clause before the
    cue is still what was said."""
    if obj.dep_ != "dobj" or tok.lemma_.lower() not in _ADDRESSED:
        return False
    return agentive(obj) or obj.lemma_.lower() in _AUDIENCES


def _host_after(tok: Token, head: Token) -> int:
    """Last token of host `head` after an interrupting cue `tok` set off by commas or dashes (", she
    says, ..."), or -1 when the host ends at the cue or what follows is the reporter's participle
    (“...,” she said, blaming ...)."""
    doc = tok.doc
    first, last = tok.left_edge.i, tok.right_edge.i
    if head.right_edge.i <= last + 1 or not _set_off(doc, first, last):
        return -1
    after = [c for c in head.children if c.i > last]
    if after and after[0].tag_ == "VBG" and after[0].dep_ in ("advcl", "acl", "xcomp", "conj"):
        return -1
    return head.right_edge.i


def _clause_after(tok: Token, prep: Token) -> bool:
    """Whether cue `tok` has a clause of its own after the phrase `prep` ("said to reporters that
    ..."), the parse's "that" clause hung on the phrase's noun included."""
    hung = [c for p in prep.children for c in p.children if c.dep_ == "relcl"]
    clauses = [c for c in tok.children if c.i > prep.i and c.dep_ in ("ccomp", "advcl")] + hung
    return any(
        c.dep_ == "ccomp" or any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) for c in clauses
    )


def _set_off(doc: Doc, first: int, last: int) -> bool:
    """Whether tokens first..last stand between commas or dashes (their own or their neighbours)."""
    before = doc[first].text in _ASIDE_MARKS or (first > 0 and doc[first - 1].text in _ASIDE_MARKS)
    after = doc[last].text in _ASIDE_MARKS or (last + 1 < len(doc) and doc[last + 1].text in _ASIDE_MARKS)
    return before and after


#: Prepositional phrases that are adverbs, not content ("for example", "for his part", "in turn").
_ADVERBIAL_PHRASES = {
    ("for", "example"),
    ("for", "instance"),
    ("for", "part"),
    ("on", "part"),
    ("in", "turn"),
}


def _adverbial(prep: Token, pobj: Token) -> bool:
    """Whether prep + pobj is an adverbial idiom or says how long ("for months", "for years")."""
    if (prep.lower_, pobj.lemma_.lower()) in _ADVERBIAL_PHRASES:
        return True
    return prep.lower_ == "for" and pobj.ent_type_ in ("DATE", "TIME")


_WH = {"whether", "if", "what", "how", "why", "who", "when", "where", "which"}
_CLASSES = ("speech", "belief", "intention", "evidence", "noun")


@dataclass(frozen=True, slots=True)
class CueFacts:
    """What every frame of one cue word shares in its features: its subject (kind and who it is),
    negation, the hand lexicon's classes of its lemma, its modals, and whether it asks."""

    subj: str
    subj_tok: Token | None
    neg: bool
    who: str
    classes: tuple[str, ...]
    modals: tuple[str, ...]
    question: bool


def cue_facts(tok: Token, lemma: str, cues: Cues) -> CueFacts:
    """The facts of cue `tok` (read as `lemma`) that `frame_features` needs for each of its frames."""
    subj = "none"
    subj_tok: Token | None = None
    neg = False
    modals: list[str] = []
    for child in tok.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            subj_tok = child
            subj = child.ent_type_ or child.pos_
            if child.lower_ in RELATIVE:
                subj = "REL"
        elif child.dep_ == "neg":
            neg = True
        if child.dep_ == "aux" and child.tag_ == "MD":
            modals.append(child.lower_)
    classes = tuple(name for name in _CLASSES if lemma in getattr(cues, name))
    question = tok.sent[-1].text == "?"
    return CueFacts(subj, subj_tok, neg, _who(subj_tok), classes, tuple(modals), question)


def _who(subj: Token | None) -> str:
    """Is the subject someone: a relative pronoun, a pronoun, an agent or a thing."""
    if subj is None:
        return "none"
    if subj.lower_ in RELATIVE:
        return "rel"
    if subj.pos_ == "PRON":
        return subj.lower_ if subj.lower_ in ("it", "this", "that", "you", "i", "we") else "pron"
    return "agent" if agentive(subj) else "thing"


def frame_features(
    tok: Token,
    lemma: str,
    dep: str,
    a: int,
    b: int,
    cues: Cues,
    speaker: Token | None = None,
    facts: CueFacts | None = None,
) -> list[str]:
    """Features of one candidate frame for the learned attribution scorer (see `Cues.score`).

    Shared with scripts/derive_cues.py, which fits the weights on PolNeAR's training split. `facts`
    are `cue_facts(tok, lemma, cues)`, worked out once for all the frames of one cue when given.
    """
    doc = tok.doc
    if facts is None:
        facts = cue_facts(tok, lemma, cues)
    subj = facts.subj
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
    feats.extend(_extra_features(tok, dep, a, b, facts))
    if facts.neg:
        feats.append("neg")
    for name in facts.classes:
        feats.append(f"hand={name}|{dep}")
    if not QUOTE_CHARS.isdisjoint(doc[a : b + 1].text):
        feats.append(f"quoted|{dep}")
    return feats


def not_said(tok: Token, dep: str, a: int, b: int, facts: CueFacts) -> bool:
    """Whether stretch a..b is plainly not what anyone said: the passive subject of a verb with a
    clause of its own (who was told, "Staff were told by managers that ..."), the place a "that"
    clause the parse hung inside it was said in ("said in a tweet that ..."), or, of a verb no cue
    class lists, whom the thing was done with ("watched it with her friends"), a quoted title it
    starts with ("watched “The Godfather” last night"), a label the writer distances themself
    from ("her so-called “friends”") or a thing another cue names ("attacked what she called
    ..."). The scorer weighs words; these it cannot tell apart alone."""
    if dep == "nsubjpass" and any(c.dep_ in ("ccomp", "xcomp") for c in tok.children):
        return True  # "Staff were told by managers that ...": who was told, not what
    doc = tok.doc
    if dep == "prep_in" and any(t.dep_ == "mark" and t.lower_ == "that" for t in doc[a : b + 1]):
        return True  # "said in one of a series of tweets that ...": where it was said, not what
    if facts.classes:
        return False
    head = content_head(tok, a, b)
    first = tok.doc[a]
    named = first.lower_ == "what" and first.head.i == head.i and first.dep_ in ("dobj", "attr")
    if dep == "ccomp" and named:
        return True  # "attacked what she called “a disgrace”": a thing someone named, not a claim
    if dep in ("ccomp", "xcomp", "host", "as_host"):
        return False
    if dep == "prep_with" and agentive(head):
        return True
    return _so_called(head) or _quoted_title(tok.doc, a, head)


def _so_called(head: Token) -> bool:
    """Whether `head` is marked as the writer's scare quote ("so-called", "so called")."""
    for child in head.children:
        if child.lower_ == "so-called":
            return True
        if child.lower_ == "called" and any(c.lower_ == "so" for c in child.children):
            return True
    return False


#: Words a title leaves in lower case ("War and Peace", "Meet the Press").
_TITLE_SMALL = {"a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"}


def _quoted_title(doc: Doc, a: int, head: Token) -> bool:
    """Whether the stretch from `a` starts (after a determiner or possessive) with a quotation of a
    few capitalised words holding `head`: a work's or a show's title (“The Godfather”), not
    someone's words."""
    i = a
    while i < head.i and doc[i].dep_ in ("det", "poss"):
        i += 1
    if doc[i].text not in QUOTE_CHARS:
        return False
    words = []
    j = i + 1
    while j < len(doc) and doc[j].text not in QUOTE_CHARS and j - i <= 7:
        words.append(doc[j])
        j += 1
    if j >= len(doc) or doc[j].text not in QUOTE_CHARS or not i < head.i < j:
        return False
    alpha = [w for w in words if w.is_alpha]
    return (
        0 < len(alpha) <= 6
        and alpha[0].text[0].isupper()
        and all(w.text[0].isupper() or w.lower_ in _TITLE_SMALL for w in alpha)
    )


def content_head(tok: Token, a: int, b: int) -> Token:
    """The word of a..b that heads it: the one whose head lies outside the stretch."""
    doc = tok.doc
    for i in range(a, b + 1):
        head = doc[i].head
        if head.i < a or head.i > b or head.i == i:
            return doc[i]
    return doc[a]


_MODIFIER = ("amod", "compound", "nmod", "advmod")


def _extra_features(tok: Token, dep: str, a: int, b: int, facts: CueFacts) -> list[str]:
    """Features beyond the frame itself: is the subject someone, is the content a clause or a
    noun phrase (a proposition or a topic), the cue's own clause (a modal, a question)."""
    doc = tok.doc
    head = content_head(tok, a, b)
    # a clause has a verb of its own; "so-called" or "the proposed plan" does not make one
    verb = any(doc[i].pos_ in ("VERB", "AUX") and doc[i].dep_ not in _MODIFIER for i in range(a, b + 1))
    shape = "cl" if verb else "np"
    feats = [
        f"shape={shape}|{dep}",
        f"who={facts.who}|{dep}",
        f"chp={head.pos_}|{head.dep_}|{dep}",
        f"ctag={tok.dep_}|{tok.tag_}",
    ]
    if head.pos_ in ("NOUN", "PROPN") and not verb:
        feats.append(f"obj={head.ent_type_ or head.pos_}|{dep}")
    for modal in facts.modals:
        feats.append(f"modal={modal}")
    if facts.question:
        feats.append("question")
    feats.append(f"cpos={_place(tok)}|{'pre' if tok.i < a else 'post'}")
    if any(doc[i].dep_ == "ccomp" for i in range(a, b + 1)):
        feats.append(f"inner|{dep}")  # "said he believes ...": a clause within that is itself reported
    if dep not in ("ccomp", "xcomp") and any(
        c.dep_ in ("ccomp", "xcomp") and not a <= c.i <= b for c in tok.children
    ):
        feats.append(f"clause_too|{dep}")  # "Staff were told by managers that ...": whom, not what
    return feats


def _place(tok: Token) -> str:
    """Where the cue stands in its sentence: first word, near the start, early or late. A cue that
    opens a sentence ("Asked about ...", "Says ...") or comes late in it reads differently."""
    k = tok.i - tok.sent.start
    return "0" if k == 0 else "1" if k <= 2 else "3" if k <= 6 else "7"
