"""What every pass shares: the article, its quoted stretches, its paragraphs, and `Found`.

`Context` holds the per-article facts (the parse, which token lies in which quote, where
paragraphs start, the actors' mentions in order) and the small helpers every pass asks of them.
The passes are mixins over it (see `extract.Extractor`), so a rule reads like the sentence it
handles and the state is built once per article.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.analysis import lexicon
from reader.analysis.cues import Cues
from reader.analysis.entities.lines import datelines
from reader.analysis.model import Referent
from reader.analysis.quotes.marks import Quoted, find_quoted

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from reader.analysis.model import QuoteKind

# -- closed-class words (grammar, not lexicon) ------------------------------------------------
PUNCT_TRIM = set(",;:—–-.()[]") | {"--"}
RELATIVE = {"who", "that", "which", "whom"}
PRONOUNS_SUBJECT = {"he", "she", "they", "i", "we"}
CONTRACTED_AUX = {"’s", "'s", "’ve", "'ve", "’d", "'d", "’re", "'re"}
PRONOUNS_PERSON = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
PRONOUNS_PLURAL = {"they", "them", "their", "we", "us", "our"}
QUOTE_CHARS = set('“”"«»„「」')
CLOSING_RE = re.compile(r"[.,!?;:]?[”\"]")

# -- lexicon ----------------------------------------------------------------------------------
PERSON_NOUNS = lexicon.words("people", "person_nouns")
ORG_NOUNS = lexicon.words("people", "org_nouns")


def agentive(tok: Token) -> bool:
    """Whether a token can name who speaks: a person, organisation or group, or a personal pronoun."""
    if tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    if tok.lower_ in PRONOUNS_PERSON or tok.lower_ in ("they", "we", "i", "you"):
        return tok.lower_ not in ("his", "her", "their", "our")
    return tok.pos_ == "NOUN" and (tok.lemma_.lower() in PERSON_NOUNS or tok.lemma_.lower() in ORG_NOUNS)


def name_head(tok: Token) -> Token:
    """The last word of the name a token belongs to ("Robert" -> "Reich")."""
    doc = tok.doc
    i = tok.i
    while i + 1 < len(doc) and doc[i + 1].ent_iob_ == "I" and tok.ent_type_:
        i += 1
    return doc[i]


@dataclass(slots=True)
class Found:
    """A quote before it becomes a `Quote`: token-level facts kept for merging.

    `rule` names the construction that made it (see `direct.DIRECT_RULES`, `indirect`, `lines`),
    so that errors can be counted by rule.
    """

    kind: QuoteKind
    start: int
    end: int
    segments: list[tuple[int, int]]
    cue: tuple[int, int] | None
    speaker_tok: int | None  # head token of the speaker mention
    confidence: float
    rule: str = ""
    fragment: bool = False  # a short quoted phrase inside a sentence (scare quote, title, fragment)
    quoted: Quoted | None = None
    inherit: bool = False  # took its speaker from the previous quote
    speaker_span: tuple[int, int] | None = None  # character span, when not a token's mention
    clause: bool = False  # carries on a clause begun before it ("had identified “structural ...”")
    name: str | None = None  # a display name given by the construction ("Interviewer")
    construction: str = ""  # the cue's dependent that is the content ("ccomp", "xcomp", ...)
    not_a_report: bool = False  # more likely tells what happened than what was said (doubtful)
    carrier: int | None = None  # where the words are read ("held up a sign saying ..."), not the speaker
    extra: dict[str, object] = field(default_factory=dict)


class Context:
    """One article as the passes see it."""

    def __init__(self, doc: Doc, actors: list[Referent], cues: Cues, calibrated: bool = True) -> None:
        self.doc = doc
        self.calibrated = calibrated  # False: keep each rule's own confidence (to fit the calibration)
        self.text = doc.text
        self.cues = cues
        self.actors = actors
        self.quoted = find_quoted(self.text)
        # token index -> index of the quoted stretch it lies in, or -1
        self.in_quote = [-1] * len(doc)
        for qi, q in enumerate(self.quoted):
            for s, e in q.segments:
                span = doc.char_span(s, e, alignment_mode="expand")
                if span is not None:
                    for i in range(span.start, span.end):
                        self.in_quote[i] = qi
        self.phrases: dict[str, list[list[str]]] = {}
        for phrase in sorted(cues.source_phrase, key=len, reverse=True):
            words = phrase.split()
            self.phrases.setdefault(words[0], []).append(words)
        self.para_starts = [0] + [m.end() for m in re.finditer(r"\n+", self.text)]
        # where each line that opens like a dateline ("NEW YORK, March 3 (Reuters) - ") does
        self.datelines = [line.span for line in datelines(self.text)]
        mentions = sorted(
            ((m.start, m.end, a) for a in actors for m in a.mentions), key=lambda m: (m[0], m[1])
        )
        self.mention_starts = [m[0] for m in mentions]
        self.mentions = mentions
        self.genders: dict[str, str] = {}
        # pronoun token -> character span of the unnamed description it stands for
        self.described: dict[int, tuple[int, int]] = {}

    def para_of(self, char: int) -> int:
        return bisect_right(self.para_starts, char) - 1

    def past_dateline(self, start: int, end: int) -> int:
        """`start` moved past the dateline it lies in ("SAN FRANCISCO - State lawmakers" -> "State
        lawmakers"): a dateline is where the words were filed, never part of them or of who said them.
        Unmoved when nothing of start..end is left after the dateline."""
        for s, e in self.datelines:
            if s <= start < e < end:
                return e
        return start

    def cue_token(self, f: Found) -> Token | None:
        """The token the cue of `f` starts at; None when `f` has none (an interview turn, a signature)."""
        return None if f.cue is None else self.doc[self.tok_at(f.cue[0])]

    def tok_at(self, char: int) -> int:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        if span is None or len(span) == 0:
            # whitespace: the next token
            for t in self.doc:
                if t.idx >= char:
                    return t.i
            return len(self.doc) - 1
        return span.start

    def trim(self, first: int, last: int) -> tuple[int, int] | None:
        """Character span of tokens first..last without edge punctuation; None when nothing is said
        ("said that", "said something", a stray "___")."""
        doc = self.doc
        if first == last and doc[first].pos_ in ("PRON", "DET"):
            return None
        if not any(doc[i].is_alpha or doc[i].like_num for i in range(first, last + 1)):
            return None
        while first <= last and (
            doc[first].text in PUNCT_TRIM or doc[first].dep_ == "cc" or doc[first].is_space
        ):
            first += 1
        while last >= first and (doc[last].text in PUNCT_TRIM or doc[last].is_space):
            last -= 1
        if first > last:
            return None
        start, end = doc[first].idx, doc[last].idx + len(doc[last])
        # a content that ends inside a quoted fragment takes its closing mark ("a “freak out.”")
        inner = self.text[start:end]
        if inner.count("“") > inner.count("”") or inner.count('"') % 2 == 1:
            closing = CLOSING_RE.match(self.text, end)
            if closing is not None:
                end = closing.end()
        return start, end

    def same_para(self, x: Token, y: Token) -> bool:
        return self.para_of(x.idx) == self.para_of(y.idx)

    def cue_span(self, tok: Token) -> tuple[int, int]:
        """The cue word with its particle and a following manner phrase ("said in a statement",
        "writing on Twitter", "fired back")."""
        doc = self.doc
        start, end = tok.idx, tok.idx + len(tok)
        last = tok.i
        for child in sorted(tok.children, key=lambda c: c.i):
            if child.dep_ == "prt" and child.i == last + 1:
                end, last = child.idx + len(child), child.i
            elif child.dep_ == "prep" and child.i == last + 1 and child.right_edge.i - child.i <= 3:
                phrase = doc[child.i : child.right_edge.i + 1].text.lower()
                if phrase in self.cues.manner_phrase:
                    right = doc[child.right_edge.i]
                    end, last = right.idx + len(right), right.i
        return start, end

    def agent_of(self, tok: Token) -> Token | None:
        for child in tok.children:
            if child.dep_ == "agent":
                for p in child.children:
                    if p.dep_ == "pobj":
                        return p
        return None

    def name_span(self, tok: Token) -> tuple[int, int]:
        """Character span of the name `tok` ends: its entity, else its run of capitalised words."""
        doc = self.doc
        if tok.ent_type_:
            for ent in doc.ents:
                if ent.start <= tok.i < ent.end:
                    return ent.start_char, ent.end_char
        i = tok.i
        while i > 0 and doc[i - 1].pos_ == "PROPN" and doc[i - 1].text[:1].isupper():
            i -= 1
        return doc[i].idx, tok.idx + len(tok)

    def source_phrase_end(self, tok: Token) -> int | None:
        """Index of the last word of a source phrase starting at `tok`, if one does."""
        doc = self.doc
        for words in self.phrases.get(tok.lower_, ()):
            end = tok.i + len(words) - 1
            if end < len(doc) and all(doc[tok.i + k].lower_ == w for k, w in enumerate(words)):
                return end
        return None
