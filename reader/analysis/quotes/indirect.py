"""Cue rules for reported speech, read off the dependency parse.

Rules (each quote's `rule`): `verb_frame` (a cue verb's clause or object: "critics say the strike
was ...", "wants to ...", "called for ..."), `noun_frame` ("his claim that ..."), `source_phrase`
("according to officials, ...") and `evidence_in` ("In an NBC News poll released Monday, ...").
Beyond the parse's own frames (`frames.candidate_frames`), a verb's "that" clause hung on a phrase
after it and the noun a relative clause or participle describes are candidates too (shared with
scripts/derive_cues.py, which fits the scorer on all of them). Which (lemma, construction) pairs
count is the learned scorer's call (see `cues.py`), with the hand lexicon as its fallback.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import reader.analysis.quotes.confidence as conf
from reader.analysis import lexicon
from reader.analysis.cues import Frame
from reader.analysis.quotes.base import Found
from reader.analysis.quotes.constructions import (
    CONSTRUCTIONS,
    FELT_CAUSE,
    construction_frames,
    construction_speaker,
    pronoun_content,
)
from reader.analysis.quotes.fallbacks import FallbackSpeakers
from reader.analysis.quotes.frames import (
    CueFacts,
    candidate_frames,
    content_head,
    cue_facts,
    frame_features,
    not_said,
)
from reader.analysis.quotes.speakers import actor_like

if TYPE_CHECKING:
    from spacy.tokens import Token

EVIDENCE_NOUNS = lexicon.words("people", "evidence_nouns")
#: Adverbs by which the writer offers a reading of their own ("had seemingly offered").
WRITER_HEDGES = lexicon.words("reports", "writer_hedges")
#: Nouns of time: "spoke for the first time" says when, not what.
TIME_NOUNS = lexicon.words("reports", "time_nouns")
#: Verbs of aspect ("continues to grow"): their complement is what goes on, not what was said.
ASPECTUAL = lexicon.words("reports", "aspectual")
_HOSTS = ("host", "as_host")
#: Words that open a concession before the clause a source vouches for.
CONCESSIVE = ("despite", "although", "though", "while")
#: (construction, first token, last token, confidence) of an accepted frame
Accepted = tuple[str, int, int, float]


def detached_clauses(tok: Token) -> list[tuple[str, int, int]]:
    """A verb's "that ..." clause the parse hung on a noun of a phrase after it ("said in a statement
    that the race will be ...", "said on CNN, where he works, that ..."), as a clausal complement:
    only for a verb with no clause of its own after it."""
    if tok.pos_ not in ("VERB", "AUX") or any(
        c.dep_ in ("ccomp", "xcomp") and c.i > tok.i for c in tok.children
    ):
        return []
    out: list[tuple[str, int, int]] = []
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.i < tok.i:
            continue
        for t in prep.subtree:
            mark = next((c for c in t.children if c.lower_ == "that" and c.i == t.left_edge.i), None)
            if mark is None or not _complementizer(mark):
                continue
            if t.pos_ not in ("VERB", "AUX") and t.dep_ not in ("relcl", "acl", "ccomp", "advcl"):
                continue  # a clause: a verb, or a predicate adjective heading one ("was closed")
            if any(h.pos_ in ("VERB", "AUX") for h in _between(t, prep)):
                continue  # the clause belongs to a verb of the phrase ("where he works that ...")
            if any(c.dep_ == "poss" or (c.dep_ == "compound" and c.ent_type_) for c in t.head.children):
                break  # "seized upon a New York Times report that ...": the report's own claim
            out.append(("ccomp", mark.i, t.right_edge.i))
            break
    return out


#: What a verb's own object or content is, when it has one: then the noun it describes is not.
_OWN_CONTENT = ("dobj", "ccomp", "xcomp", "attr", "oprd", "nsubjpass", "dative")


def antecedent_frames(tok: Token) -> list[tuple[str, int, int]]:
    """The noun a cue verb describes as its object, from a relative clause with the object left
    out ("the raid Obama authorized", "everything he said") or a participle with its agent ("a
    practice criticized by Democrats"): scored as the object ("dobj") or the passive's subject
    ("nsubjpass") it stands for."""
    head = tok.head
    if tok.pos_ != "VERB" or head.i >= tok.i or head.pos_ not in ("NOUN", "PRON", "PROPN"):
        return []
    if any(c.dep_ in _OWN_CONTENT for c in tok.children):
        return []
    if head.ent_type_ in ("DATE", "TIME") or head.lemma_.lower() in TIME_NOUNS | {"time", "way", "reason"}:
        return []  # "the day she testified", "the way he said it": when or how, not what
    first, last = head.left_edge.i, tok.left_edge.i - 1
    if last < head.i:
        return []
    if tok.dep_ == "relcl":
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.lower_ in ("that", "which", "who", "whom", "what"):
            return []  # "the raid that killed ...": the noun is the subject, not the object
        if any(c.dep_ == "prep" and not any(g.dep_ == "pobj" for g in c.children) for c in tok.children):
            return []  # "the plan he voted for": the object of the preposition, another frame
        return [("dobj", first, last)]
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and any(c.dep_ == "agent" for c in tok.children):
        return [("nsubjpass", first, last)]
    return []


def _standings(pobj: Token) -> bool:
    """Whether "in the polls" names a candidate's standing, not a poll read from ("slid in the
    polls", "trails in the polls"): the bare plural with "the" and nothing that picks one out."""
    if pobj.tag_ != "NNS" or pobj.lemma_.lower() not in EVIDENCE_NOUNS:
        return False
    return [c.lower_ for c in pobj.children] == ["the"]


def _complementizer(that: Token) -> bool:
    """Whether "that" opens a clause of its own, not a relative one: marked so, or read as the
    clause's subject though the clause has another ("messages that the bridge was closed")."""
    if that.dep_ == "mark":
        return True
    subjects = ("nsubj", "nsubjpass")
    return that.dep_ in subjects and any(c.dep_ in subjects and c.i != that.i for c in that.head.children)


def first_conjunct(host: Token, phrase: Token) -> Token:
    """The clause a source phrase set off after a comma vouches for, when it hangs on the last of
    joined clauses: all of them ("Trump received 37 percent, Clinton had 36 percent and Bloomberg
    snagged 13 percent, according to the results"), not the last one alone."""
    doc = phrase.doc
    if phrase.i == 0 or doc[phrase.i - 1].text != "," or phrase.i < host.i:
        return host
    while host.dep_ == "conj" and host.head.pos_ in ("VERB", "AUX") and host.head.i < host.i:
        host = host.head
    return host


def _between(t: Token, top: Token) -> list[Token]:
    """The heads strictly between `t` and its ancestor `top`."""
    out: list[Token] = []
    h = t.head
    while h.i != top.i and h.head.i != h.i:
        out.append(h)
        h = h.head
    return out


class IndirectPass(FallbackSpeakers):
    """Cue words to indirect attributions with their speaker."""

    def indirect(self) -> list[Found]:
        out: list[Found] = []
        for tok in self.doc:
            if self.in_quote[tok.i] != -1:
                continue
            lemma = tok.lemma_.lower()
            if tok.pos_ == "VERB":
                lemma = self.cues.verb_lemma(lemma, tok.lower_)
            is_phrase, phrase = self.source_phrase(tok)
            if is_phrase:
                if phrase is not None:
                    out.append(phrase)
                continue
            if tok.dep_ == "acl" and tok.tag_ == "VBN" and self.agent_of(tok) is None:
                continue  # "a program called Sandy Hook Promise": naming, not attribution
            if tok.pos_ in ("VERB", "AUX", "ADJ"):
                out.extend(self.verb_frames(tok, lemma))
            elif tok.pos_ == "NOUN":
                out.extend(self.noun_frames(tok, lemma))
        return out

    def source_phrase(self, tok: Token) -> tuple[bool, Found | None]:
        """Whether a source phrase starts at `tok` ("according to X"), and its attribution (None
        when the phrase attributes nothing)."""
        phrase_end = self.source_phrase_end(tok)
        rule = "source_phrase"
        if phrase_end is None and tok.lower_ == "in" and tok.dep_ == "prep" and self.in_evidence(tok):
            phrase_end, rule = tok.i, "evidence_in"
        if phrase_end is None:
            return False, None
        f = self.source_phrase_at(tok.i, phrase_end)
        if f is not None:
            f.rule = rule
        return True, f

    def in_evidence(self, tok: Token) -> bool:
        """Whether "in" opens a poll or study the clause it hangs on is read from: at the head of the
        sentence ("In an NBC News poll released Monday, 50 percent chose Clinton") or after the
        clause ("Trump leads by 20 points in the latest poll", "... in the average of polls")."""
        pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return False
        if _standings(pobj):
            return False
        if pobj.lemma_.lower() not in EVIDENCE_NOUNS:
            of = next((c for c in pobj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            inner = None if of is None else next((c for c in of.children if c.dep_ == "pobj"), None)
            if inner is None or inner.lemma_.lower() not in EVIDENCE_NOUNS:
                return False  # "the average of New Hampshire polls" reads like a poll
        if tok.i - tok.sent.start <= 1:
            return True
        # a clause of its own, not a relative or participle one ("who leads in the poll", "surveyed in")
        host = tok.head
        return (
            host.pos_ in ("VERB", "AUX")
            and host.dep_ in ("ROOT", "ccomp", "conj")
            and host.tag_ not in ("VBN", "VBG")
            and any(c.dep_ in ("nsubj", "expl") for c in host.children)
        )

    def verb_frames(self, tok: Token, lemma: str) -> list[Found]:
        """The attributions a verb (or "clear" in "made it clear") cues."""
        out: list[Found] = []
        accepted: list[Accepted] = []
        frames = list(candidate_frames(tok))
        frames.extend(detached_clauses(tok))
        frames.extend(antecedent_frames(tok))
        frames.extend(construction_frames(tok))
        if any(f[0] == FELT_CAUSE for f in frames):
            frames = [f for f in frames if f[0] != "dobj"]  # "angered his allies": who feels, not what
        taken: set[int] = set()  # the first token of an object taken into a complement
        scored = bool(frames) and bool(self.cues.weights)
        subject = self.subject_of(tok) if scored else None
        facts = cue_facts(tok, lemma, self.cues) if scored else None  # shared by all its frames
        for dep, a, b in frames:
            p = self.accept_verb(tok, lemma, dep, a, b, subject, facts)
            if p is not None:
                if dep in ("prep_as", "oprd"):
                    # "sees him as the stronger candidate": who is seen so belongs to the content
                    obj = next((f for f in frames if f[0] == "dobj" and a - 2 <= f[2] < a), None)
                    if obj is not None and obj[1] > tok.i:
                        a = obj[1]
                        taken.add(a)
                accepted.append((dep, a, b, p))
        accepted = [f for f in accepted if f[0] != "dobj" or f[1] not in taken]
        if accepted and self.in_open_question(tok):
            return out
        for dep, a, b, p in self.join_frames(tok, accepted):
            span = self.trim(a, b) or pronoun_content(self.doc, a, b)
            if span is None:
                continue
            if self.asked_passive(tok):
                # the question of "Warren was asked whether ..." is the asker's: the agent or nobody
                agent = self.agent_of(tok)
                out.append(self.reported(tok, span, a, b, agent, p, "verb_frame", dep, guess=False))
                continue
            if dep in CONSTRUCTIONS:
                speaker = construction_speaker(tok, dep)
                out.append(self.reported(tok, span, a, b, speaker, p, "verb_frame", dep))
                continue
            speaker = self.verb_speaker(tok, dep, a, b)
            rule = "user_cue" if lemma in self.cues.extra else "verb_frame"
            found = self.reported(tok, span, a, b, speaker, p, rule, dep)
            found.not_a_report = self.doubtful_frame(tok, lemma, dep, a, b)
            out.append(found)
        return out

    def doubtful_frame(self, tok: Token, lemma: str, dep: str, a: int, b: int) -> bool:
        """Whether an accepted frame more likely tells what happened than what someone said or
        wants: a thing that "threatens to" or "is expected to" (no one's intention), "called a
        meeting" (convening, not calling it something), a time as content ("spoke for the first
        time"), or a cue the writer hedges ("had seemingly offered an offramp": the writer's
        reading). The corpus often annotates these, so they stay, but doubtful (`doubt_non_reports`).
        So is a verb neither the corpus nor a lexicon knows as a cue ("..., Smith harrumphed")."""
        if not self.cues.known(lemma):
            return True
        if any(c.dep_ == "advmod" and c.lower_ in WRITER_HEDGES for c in tok.children):
            return True
        if dep == "xcomp":
            subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            return subj is not None and subj.pos_ == "NOUN" and not subj.ent_type_ and not actor_like(subj)
        if lemma == "call" and dep == "dobj":
            return not any(c.dep_ in ("oprd", "xcomp", "ccomp") for c in tok.children)
        if dep in ("ccomp", "host", "as_host"):
            return False
        head = content_head(tok, a, b)
        # a day or hour named ("on Thursday", "at 2:40"), not a length of time ("years of disruption")
        named = head.ent_type_ in ("DATE", "TIME") and head.pos_ in ("PROPN", "NUM")
        return named or head.lemma_.lower() in TIME_NOUNS

    def in_open_question(self, tok: Token) -> bool:
        """Whether `tok` sits in a clause the writer leaves open ("It's unclear if Rouhani is laying
        out terms ...", "It remains to be seen whether ..."): what it reports is nobody's claim."""
        for t in (tok, *tok.ancestors):
            if any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in t.children):
                for g in (t.head, t.head.head):
                    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.lower_ == "it" for c in g.children):
                        return True
                return False
        return False

    def verb_speaker(self, tok: Token, dep: str, a: int, b: int) -> Token | None:
        """The speaker of verb `tok`'s content a..b: its subject, or one the parse did not attach."""
        speaker = self.subject_of(tok)
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and self.says_itself(tok.head):
            speaker = tok.head  # "a poll showing ...", "held up a sign saying ...", "those describing ..."
        if speaker is not None and not self.same_para(speaker, tok):
            speaker = None  # a dateline or heading the parser glued to the sentence
        if speaker is not None and speaker.lower_ == "it" and tok.pos_ == "ADJ" and tok.head.lemma_ == "make":
            speaker = self.subject_of(tok.head)  # "Clinton made it clear that ...": not "it"
        if speaker is None:
            speaker = self.nearby_source(tok, a, b)
            if speaker is not None and dep == "ccomp" and tok.i < speaker.i < a:
                speaker = None  # "yelling to the officers that ...": who is told, not who tells
            speaker = speaker or self.fallback_source(tok, a, b)
        if (
            speaker is not None
            and speaker.i >= a
            and speaker.i <= b
            and dep not in _HOSTS
            and not a <= tok.i <= b  # "which officials said will ...": all of it is content
        ):
            speaker = None
        return speaker

    def noun_frames(self, tok: Token, lemma: str) -> list[Found]:
        """The attributions a cue noun heads ("his claim that ...", "warnings from his attorney")."""
        doc, cues = self.doc, self.cues
        out: list[Found] = []
        frames = list(candidate_frames(tok))
        source = self.noun_source(tok) if frames else None  # whose claim: the same for all its frames
        facts = cue_facts(tok, lemma, cues) if frames and cues.weights else None  # shared by its frames
        for dep, a, b in frames:
            frame = cues.frame(lemma, dep)
            derived = frame is not None and frame.precision >= conf.MIN_FRAME_PRECISION
            if cues.weights:
                p = cues.score(frame_features(tok, lemma, dep, a, b, cues, source, facts))
                derived = p >= cues.threshold
                frame = Frame(lemma, dep, p, 0) if derived else None
            if not derived:
                if lemma not in cues.noun or dep not in ("acl", "ccomp"):
                    continue
                if doc[a].lower_ not in ("that", "to") and not (a + 1 <= b and doc[a + 1].lower_ == "to"):
                    continue
            span = self.trim(a, b) or pronoun_content(doc, a, b)
            speaker = source
            if speaker is not None and speaker.dep_ == "poss":
                speaker = self.named_owner(tok, speaker)
            if span is None or (speaker is None and not derived):
                continue
            if speaker is not None and a <= speaker.i <= b:
                # "criticism of Trump", "a supporter of Sanders": whom it is about, not whose it is
                speaker = self.clause_source(tok)
            if speaker is None:
                speaker = self.misread_verb_subject(tok)
            score = frame.precision if derived and frame is not None else conf.NOUN_CLAUSE
            out.append(self.reported(tok, span, a, b, speaker, score, "noun_frame", dep))
        return out

    def reported(
        self,
        tok: Token,
        span: tuple[int, int],
        a: int,
        b: int,
        speaker: Token | None,
        score: float,
        rule: str,
        construction: str,
        guess: bool = True,
    ) -> Found:
        """An indirect attribution cued by `tok`; a speaker guessed from context is as doubtful as none
        (`guess=False` when the construction says the speaker is not named)."""
        guessed = speaker is None and guess
        if guessed:
            speaker = self.nearest_compatible(tok, a, b)
        return Found(
            "indirect",
            span[0],
            span[1],
            [span],
            self.cue_span(tok),
            None if speaker is None else speaker.i,
            score * conf.GUESSED_SPEAKER_FACTOR if guessed else score,
            rule=rule,
            construction=construction,
        )

    def join_frames(self, tok: Token, accepted: list[Accepted]) -> list[Accepted]:
        """Adjacent contents of one cue become one ("called him a liar", "urged Congress to act").
        A relative pronoun as content stays itself ("stances that he disavowed": "that"), as a
        reader points to it (see `constructions.CONTENT_PRONOUNS`)."""
        out: list[Accepted] = []
        for dep, a, b, p in sorted(accepted, key=lambda f: f[1]):
            if (
                out
                and dep not in _HOSTS
                and out[-1][0] not in _HOSTS
                and 0 <= a - out[-1][2] <= 1
                and a > tok.i
            ):
                pdep, pa, _, pconf = out[-1]
                out[-1] = (pdep, pa, b, max(pconf, p))
                continue
            out.append((dep, a, b, p))
        return out

    def accept_verb(
        self,
        tok: Token,
        lemma: str,
        dep: str,
        a: int,
        b: int,
        subject: Token | None,
        facts: CueFacts | None = None,
    ) -> float | None:
        """The confidence that construction `dep` of verb `tok` (whose subject is `subject`, see
        `subject_of`, and whose shared features are `facts`, see `cue_facts`) is an attribution, or
        None."""
        cues = self.cues
        if dep == "xcomp" and lemma in ASPECTUAL:
            return None  # "continued to suggest that ...": the inner cue makes the attribution
        if not_said(tok, dep, a, b, facts or cue_facts(tok, lemma, cues)):
            return None  # "watched “The Godfather” with her friends": what was done, not said
        if cues.weights:
            p = cues.score(frame_features(tok, lemma, dep, a, b, cues, subject, facts))
            if lemma in cues.extra and dep in ("ccomp", "host", "as_host"):
                return max(p, conf.USER_CUE)  # the user's own cues always count
            if p >= cues.threshold:
                return p
            return None
        frame = cues.frame(lemma, dep)
        if dep in ("ccomp", "host", "as_host") and lemma in cues.speech:
            return max(conf.SPEECH_CLAUSE, frame.precision if frame else 0.0)
        if dep == "xcomp" and lemma in cues.intention and self.doc[a].lower_ == "to":
            return max(conf.INTENTION_OR_BELIEF, frame.precision if frame else 0.0)
        if dep == "ccomp" and (lemma in cues.belief or lemma in cues.evidence):
            return max(conf.INTENTION_OR_BELIEF, frame.precision if frame else 0.0)
        if dep == "prep_for" and lemma == "call":
            return conf.CALL_FOR
        if frame is not None and frame.precision >= conf.MIN_FRAME_PRECISION:
            return frame.precision
        return None

    def after_concession(self, host: Token, first: int) -> int:
        """Where the content of `host` starts past a concession it opens with ("Despite media
        pronouncements that ..., she did not receive a bump in the poll"): the writer's contrast,
        not what the source says."""
        doc = self.doc
        if doc[first].lower_ not in CONCESSIVE:
            return first
        for child in host.children:
            if child.left_edge.i == first and child.i < host.i:
                end = child.right_edge.i
                if end + 1 < host.i and doc[end + 1].text == ",":
                    return end + 2
        return first

    def source_phrase_at(self, i: int, j: int) -> Found | None:
        """A phrase that names a source by itself, doc[i..j] ("according to", "in the words of"): the
        source is the object of its last word, the content the larger side of the sentence around it."""
        doc = self.doc
        tok, to = doc[i], doc[j]
        pobj = next((c for c in to.children if c.dep_ in ("pobj", "dobj")), None)
        if pobj is None:
            pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        source = pobj
        host = tok.head if tok.dep_ in ("prep", "advcl", "mark", "advmod") else tok
        host = first_conjunct(host, tok)
        sent = tok.sent
        ph_first, ph_last = tok.i, (pobj.right_edge.i if pobj is not None else to.i)
        if host is tok or host.i == tok.i or i <= host.i <= j:
            first, last = sent.start, sent.end - 1
        else:
            first, last = host.left_edge.i, host.right_edge.i
            first, last = max(first, sent.start), min(last, sent.end - 1)
        # the content is the side of the "according to X" phrase that holds the clause it hangs on
        # ("X struck a deal, according to Y, taking a step ..."), else the larger side
        before = (first, ph_first - 1)
        after = (ph_last + 1, last)
        side = before if before[1] - before[0] >= after[1] - after[0] else after
        if host is not tok and host.pos_ in ("VERB", "AUX"):
            for near in (before, after):
                if near[0] <= host.i <= near[1] and near[1] - near[0] >= 2:
                    side = (self.after_concession(host, near[0]), near[1])
        span = self.trim(*side)
        if span is None:
            return None
        cue = (tok.idx, to.idx + len(to))
        return Found(
            "indirect",
            span[0],
            span[1],
            [span],
            cue,
            None if source is None else source.i,
            conf.SOURCE_PHRASE,
        )
