"""Cue rules for direct quotes: each quoted stretch finds its cue and speaker in the words around it.

The constructions are one table, `DIRECT_RULES`, tried in order; the first that applies names the
quote's `rule` ("“...,” Zarif wrote" is `cue_verb`, “...” ― Pamela Padilla is `signature`). A
quote no rule takes is kept only when it is long (`unattributed`, see `merge`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import reader.analysis.quotes.confidence as conf
from reader.analysis.quotes.base import PRONOUNS_SUBJECT, Found, agentive
from reader.analysis.quotes.fallbacks import FallbackSpeakers
from reader.analysis.quotes.marks import Quoted

if TYPE_CHECKING:
    from spacy.tokens import Token

#: "“...” ― Pamela Padilla" at the end of a line: a quote signed with its speaker's name
SIGNATURE_RE = re.compile(
    r"[ \t\xa0]*([―—–]|--?)[ \t\xa0]*([A-Z][\w.'’\-]*(?:[ \t]+[A-Z][\w.'’\-]*){0,3})"
    r"(,[ \t\xa0]*[^\n,]{1,40})?[ \t\xa0]*$",  # "― Pamela Padilla, parent", "— Jane Doe, Leeds"
    re.M,
)
_CLAUSE_STOPS = (".", ";", ":", "“", '"')
#: "“...”\n— Jane Smith, union president": the name alone on the line after a quote that is its
#: own line (a pull quote); the dash is optional
PULL_NAME_RE = re.compile(
    r"[ \t\xa0]*\n(?:[ \t]*\n)?[ \t\xa0]*(?:([―—–]|--?)[ \t\xa0]*)?"
    r"([A-Z][\w.'’\-]*(?:[ \t]+(?:[A-Z][\w.'’\-]*|de|van|von|da|al|bin|la|le)){0,4})"
    r"[ \t]*(?:,[^\n]{1,80})?[ \t]*(?=\n|$)"
)
_QUOTE_MARKS = "“”\"'‘’«»„`"
#: Words a title leaves in lower case ("Harry Potter and the Philosopher's Stone").
_TITLE_SMALL = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "nor",
        "but",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "with",
        "by",
        "from",
        "as",
        "vs",
        "vs.",
        "de",
        "la",
        "le",
    ]
)


@dataclass(slots=True)
class Site:
    """One quote (an interrupted quote's pieces joined) and what its rules look at around it."""

    q: Quoted
    first: int  # first token
    last: int  # last token
    n_words: int
    frame: list[int]  # unquoted tokens of its sentence(s)
    cue: int | None  # the nearest cue word in the frame, or the verb right after the quote
    embedded: bool  # words of its sentence on both sides
    prev: Found | None  # the previous quote that was not a fragment
    gap: int  # paragraphs since `prev` (99 without one)


@dataclass(frozen=True, slots=True)
class DirectRule:
    """One construction of a direct quote: its name, what it looks like, and the rule itself.

    `apply` fills the quote's cue, speaker and confidence and returns True when it applies; it
    leaves the quote untouched otherwise.
    """

    name: str
    example: str
    apply: Callable[[DirectPass, Site, Found], bool]


def looks_like_a_title(inner: str) -> bool:
    """Quoted words in title case ("The Grand Budapest Hotel", "Harry Potter and the Philosopher's
    Stone"): a film, book or show, not someone's words."""
    words = inner.strip(_QUOTE_MARKS + " ,.").split()
    if not 2 <= len(words) <= 12 or any(w.endswith((".", "!", ";")) for w in words[:-1]):
        return False
    capitals = sum(w[:1].isupper() for w in words)
    fits = all(w[:1].isupper() or w.lower() in _TITLE_SMALL or not w[:1].isalpha() for w in words)
    return fits and words[0][:1].isupper() and capitals >= 2


class DirectPass(FallbackSpeakers):
    """Quoted stretches to direct quotes with cue and speaker."""

    def direct(self) -> list[Found]:
        doc = self.doc
        found: list[Found] = []
        prev: Found | None = None
        for group in self.merge_interrupted():
            q = Quoted(
                group[0].start, group[-1].end, [s for g in group for s in g.segments], group[-1].closed
            )
            first, last = self.tok_at(q.start), self.tok_at(q.end - 1)
            n_words = sum(1 for i in range(first, last + 1) if not doc[i].is_punct)
            if n_words == 0:
                continue
            frame = self.frame_tokens(q, first, last)
            gap = 99 if prev is None else self.para_of(q.start) - self.para_of(prev.end)
            site = Site(
                q, first, last, n_words, frame, self.quote_cue(q, frame, first, last),
                self.embedded(first, last), prev, gap,
            )  # fmt: skip
            f = Found("direct", q.start, q.end, q.segments, None, None, conf.DIRECT_START, quoted=q)
            for rule in DIRECT_RULES:
                f.rule = rule.name
                if rule.apply(self, site, f):
                    break
            else:
                f.rule = "unattributed"
            if not f.fragment:
                prev = f
            found.append(f)
        return found

    def quote_cue(self, q: Quoted, frame: list[int], first: int, last: int) -> int | None:
        """The cue of a quote: the nearest cue word of its frame, unless a verb right after it is
        nearer ("“...,” an angry Hollande retaliated": whatever verb follows is the cue)."""
        doc = self.doc
        cue = self.best_cue(frame, first, last)
        trailing = self.trailing_verb(q, last)
        if trailing is not None and (
            cue is None or cue > trailing or doc[cue].sent.start != doc[trailing].sent.start
        ):
            return trailing
        return cue

    # -- the rules ---------------------------------------------------------------------------
    def rule_title(self, s: Site, f: Found) -> bool:
        inner = self.text[s.q.start : s.q.end]
        finite = any(self.doc[i].tag_ in ("VBZ", "VBP", "VBD", "MD") for i in range(s.first, s.last + 1))
        if finite or not looks_like_a_title(inner):
            return False  # "It's Our Time": a slogan with a verb is someone's words
        before = self.text[: s.q.start].rstrip()[-1:]
        in_clause = s.embedded or (
            before not in ("", ":", ",", "—", "–", "-", "\n")
            and any(not self.doc[i].is_punct and i < s.first for i in s.frame)
        )
        if not in_clause:
            return False  # “Make America Great Again,” he said: a slogan said by someone
        f.fragment = True
        f.confidence = conf.FRAGMENT
        return True

    def rule_pull_quote(self, s: Site, f: Found) -> bool:
        line_start = self.text.rfind("\n", 0, s.q.start) + 1
        if self.text[line_start : s.q.start].strip():
            return False
        named = PULL_NAME_RE.match(self.text, s.q.end)
        if named is None or (named.group(1) is None and len(named.group(2).split()) < 2):
            return False
        f.cue = named.span(1) if named.group(1) is not None else None
        f.speaker_span = named.span(2)
        f.confidence = conf.SIGNATURE
        return True

    def rule_cue_verb(self, s: Site, f: Found) -> bool:
        if s.cue is None:
            return False
        doc = self.doc
        cue: Token = doc[s.cue]
        speaker = self.subject_of(cue)
        if speaker is not None and self.in_quote[speaker.i] != -1:
            speaker = None
        if speaker is not None and speaker.lower_ in PRONOUNS_SUBJECT:
            speaker = self.reporter_of(cue) or speaker
        if speaker is None and not self.asked_passive(cue):  # "“...?” Warren was asked": not Warren's
            speaker = (
                self.frame_source(cue, s.first, s.last)
                or self.nearby_source(cue, s.first, s.last)
                or self.root_subject(cue)
            )
        f.cue = self.cue_span(cue)
        f.speaker_tok = None if speaker is None else speaker.i
        f.confidence = conf.CUE_WITH_SPEAKER if speaker is not None else conf.CUE_WITHOUT_SPEAKER
        prev = s.prev
        if (
            speaker is None
            and cue.i == cue.sent.start
            and prev is not None
            and (prev.speaker_tok is not None or prev.speaker_span is not None)
            and self.para_of(s.q.start) - self.para_of(prev.end) <= 1
        ):
            # "Adding, “...”", "Continued Stone: “...”": a sentence opened by its cue goes on
            # with the previous quote's speaker
            f.speaker_tok, f.speaker_span = prev.speaker_tok, prev.speaker_span
            f.confidence = conf.CUE_CONTINUES
            f.rule = "cue_continues"
        f.fragment = s.n_words <= 4 and s.embedded
        f.clause = self.continues_clause(s.q, s.first)
        return True

    def rule_signature(self, s: Site, f: Found) -> bool:
        signed = SIGNATURE_RE.match(self.text, s.q.end)
        if signed is None or not self.only_a_description(signed.span(3)):
            return False
        f.cue, f.speaker_span = signed.span(1), signed.span(2)
        f.confidence = conf.SIGNATURE
        return True

    def only_a_description(self, span: tuple[int, int]) -> bool:
        """Whether what follows a signature's name after a comma describes the signer ("parent",
        "Leeds", "union president"), not a sentence going on ("— Jones, however, disagreed")."""
        if span[0] < 0:
            return True
        words = self.doc.char_span(*span, alignment_mode="expand")
        return words is not None and not any(t.pos_ in ("VERB", "AUX") for t in words)

    def rule_according_to(self, s: Site, f: Found) -> bool:
        acc = self.according_in(s.frame)
        if acc is None:
            return False
        f.cue, f.speaker_tok = acc
        f.confidence = conf.ACCORDING_TO
        return True

    def rule_name_colon(self, s: Site, f: Found) -> bool:
        named = self.named_colon(s.first)
        if named is None:
            return False
        f.cue = self.cue_span(named[0])
        f.speaker_span = self.name_span(named[1])
        f.confidence = conf.NAME_COLON
        return True

    def rule_colon_intro(self, s: Site, f: Found) -> bool:
        colon = self.colon_intro(s.frame, s.first)
        if colon is None:
            return False
        f.cue, f.speaker_tok = self.cue_span(colon[0]), colon[1].i
        f.confidence = conf.COLON_INTRO
        return True

    def rule_fragment(self, s: Site, f: Found) -> bool:
        words_outside = any(not self.doc[i].is_punct for i in s.frame)
        if not (s.embedded or (s.n_words <= 3 and words_outside) or self.is_heading(s.q)):
            return False
        f.fragment = True
        f.confidence = conf.FRAGMENT
        return True

    def rule_previous_paragraph_cue(self, s: Site, f: Found) -> bool:
        intro = self.introduced_by_previous(s.first) if s.gap > 1 else None
        if intro is None:
            return False
        f.cue, f.speaker_tok = self.cue_span(intro[0]), intro[1].i
        f.confidence = conf.PREVIOUS_PARAGRAPH_CUE
        return True

    def rule_continuation(self, s: Site, f: Found) -> bool:
        prev = s.prev
        if prev is None or (prev.speaker_tok is None and prev.speaker_span is None) or s.gap > 2:
            return False
        f.speaker_tok, f.speaker_span = prev.speaker_tok, prev.speaker_span
        f.cue, f.inherit = prev.cue, True
        f.confidence = conf.CONTINUATION_NEXT if s.gap <= 1 else conf.CONTINUATION_FAR
        return True

    # -- what the rules look at ---------------------------------------------------------------
    def is_heading(self, q: Quoted) -> bool:
        """A short quoted line alone on its line, with no sentence end inside the marks, is a heading
        that quotes a phrase ("'Years of disruption'"), not the last speaker going on."""
        text = self.text
        start = text.rfind("\n", 0, q.start) + 1
        end = text.find("\n", q.end)
        line = text[start : len(text) if end == -1 else end].strip()
        inner = text[q.start : q.end].strip().rstrip("”\"'’»« ")
        return (
            line == text[q.start : q.end].strip()
            and len(inner.split()) <= 8
            and inner[-1:] not in ".?!…,;:—-"
        )

    def trailing_verb(self, q: Quoted, last: int) -> int | None:
        """The verb of a short attribution right after a quote that ends on a comma, question or
        exclamation mark ("“...,” Trump went on", "“Choke!” blared the Herald"), in any lexicon or none."""
        doc = self.doc
        inner = self.text[q.start : q.end].rstrip("”\"'’»« ")
        if not inner or inner[-1] not in ",?!—-":
            return None
        if inner[-1] in "?!" and last + 1 < len(doc):
            # "“All is well!” He also said ...": after ! or ? a new sentence may begin
            nxt = doc[last + 1]
            if not (nxt.is_lower or nxt.pos_ == "PROPN"):
                return None
        for i in range(last + 1, min(last + 8, len(doc))):
            t = doc[i]
            if (t.is_space and "\n" in t.text) or self.in_quote[i] != -1 or t.text in _CLAUSE_STOPS:
                return None
            if t.pos_ == "VERB" and t.tag_ != "VBG":
                subject = self.subject_of(t)
                after = doc[i + 1] if i + 1 < len(doc) else None
                if (subject is not None and subject.i > last) or (
                    after is not None and (after.pos_ == "PROPN" or agentive(after))
                ):
                    return i
                return None
        return None

    def continues_clause(self, q: Quoted, first: int) -> bool:
        """A quote that carries on a clause begun before it ("inspectors had identified “structural
        weaknesses ...”"): it opens in lower case after words of its sentence."""
        doc = self.doc
        letter = next((ch for ch in self.text[q.start : q.end] if ch.isalpha()), "")
        if not letter.islower():
            return False
        sent = doc[first].sent
        return any(not doc[i].is_punct and self.in_quote[i] == -1 for i in range(sent.start, first))

    def is_word(self, i: int) -> bool:
        """Whether token `i` is a word: not punctuation, not white space."""
        tok = self.doc[i]
        return not (tok.is_punct or tok.is_space)

    def embedded(self, first: int, last: int) -> bool:
        """Whether the quote sits inside a clause (words of the same sentence on both sides)."""
        doc = self.doc
        sent = doc[first].sent
        # words, not the punctuation or the paragraph break the sentence may end with
        left = any(self.is_word(i) and self.in_quote[i] == -1 for i in range(sent.start, first))
        right = any(self.is_word(i) and self.in_quote[i] == -1 for i in range(last + 1, sent.end))
        if not (left and right):
            return False
        # "“...,” he said, “...”" frames a quote with a cue on one side only: not embedded
        inner_end = doc[last].idx - 1 if doc[last].is_punct else doc[last].idx + len(doc[last]) - 1
        if self.text[inner_end : inner_end + 1] not in (",", "?", "!"):
            return True
        return not any(doc[i].lemma_ in self.cues.speech for i in range(last + 1, min(last + 4, sent.end)))

    def merge_interrupted(self) -> list[list[Quoted]]:
        """Group quotes split by a short attribution ("“A,” Zarif wrote, “B.”") into one."""
        groups: list[list[Quoted]] = []
        for q in self.quoted:
            if groups:
                prev = groups[-1][-1]
                gap = self.text[prev.end : q.start]
                if (
                    prev.closed
                    and "\n" not in gap
                    and 0 < len(gap) <= 120
                    and self.text[prev.end - 2 : prev.end - 1] in (",", "—", "-")
                    and gap.rstrip().endswith((",", ":", "—"))
                    and len(groups[-1]) < 6
                ):
                    groups[-1].append(q)
                    continue
            groups.append([q])
        return groups

    def frame_tokens(self, q: Quoted, first: int, last: int) -> list[int]:
        """Unquoted tokens of the sentence(s) around a quote, within its paragraph(s)."""
        doc = self.doc
        s_first, s_last = doc[first].sent, doc[last].sent
        p_first, p_last = self.para_of(q.start), self.para_of(q.end - 1)
        lo, hi = s_first.start, s_last.end
        # "“...” \n he said." split by the tagger: take a short next sentence of the same paragraph
        if all(doc[i].is_punct or doc[i].is_space for i in range(last + 1, hi)) and hi < len(doc):
            nxt = doc[hi].sent
            words = [t for t in nxt if t.is_alpha]
            if (
                len(nxt) <= 14
                and self.para_of(nxt.start_char) == p_last
                and words
                and (words[0].is_lower or not nxt.text.rstrip().endswith("?"))
            ):
                hi = nxt.end
        if all(doc[i].is_punct or doc[i].is_space for i in range(lo, first)) and lo > 0:
            prv = doc[lo - 1].sent
            if self.para_of(prv.start_char) in (p_first, p_first - 1) and prv.text.rstrip().endswith(":"):
                lo = prv.start
        return [
            i
            for i in range(lo, hi)
            if self.in_quote[i] == -1
            and p_first - 1 <= self.para_of(doc[i].idx) <= p_last
            and not doc[i].is_space
        ]

    def best_cue(self, frame: list[int], first: int, last: int) -> int | None:
        """The cue verb of the frame nearest the quote (one after it counts as a little nearer)."""
        doc = self.doc
        best: int | None = None
        best_d: float = 10**9
        for i in frame:
            t = doc[i]
            lemma = self.cues.verb_lemma(t.lemma_.lower(), t.lower_) if t.pos_ == "VERB" else t.lemma_.lower()
            if t.pos_ not in ("VERB", "AUX"):
                continue  # a noun ("his statement") cues reported speech, not a quote beside it
            if self.object_is_relative(t):
                continue  # "added something that I have thought about: “...”": the thing thought
            ok = lemma in self.cues.speech or lemma in self.cues.belief
            if not ok:
                frame_ = self.cues.frame(lemma, "ccomp")
                ok = frame_ is not None and frame_.precision >= conf.MIN_FRAME_PRECISION
            if not ok:
                continue
            d = first - i if i < first else (i - last) * 0.9
            if d < best_d:
                best, best_d = i, d
        return best

    @staticmethod
    def object_is_relative(verb: Token) -> bool:
        """Whether a verb of a relative clause has the relative pronoun for its object and nothing
        more ("something that I have thought about", "a thing which she still remembers"): its
        content is the noun the clause describes, so it cannot be a quote's cue. Not "which he
        called “a cartel”", "whom he describes as “...”" (the quote completes the clause) nor "in
        which he declares, “...”"."""
        if verb.dep_ != "relcl":
            return False
        relative = any(c.dep_ == "dobj" and c.lower_ in ("that", "which", "whom") for c in verb.children)
        completed = any(
            c.dep_ in ("oprd", "xcomp", "ccomp", "attr", "acomp", "dative")
            or (c.dep_ == "prep" and c.lower_ == "as")
            for c in verb.children
        )
        return relative and not completed

    def according_in(self, frame: list[int]) -> tuple[tuple[int, int], int | None] | None:
        """A source phrase next to a quote: “...,” according to officials."""
        doc = self.doc
        for i in frame:
            end = self.source_phrase_end(doc[i])
            if end is not None:
                last = doc[end]
                pobj = next((c for c in last.children if c.dep_ in ("pobj", "dobj")), None)
                return (doc[i].idx, last.idx + len(last)), None if pobj is None else pobj.i
        return None


#: Direct-quote constructions, tried in order: the first that applies makes the quote.
DIRECT_RULES: tuple[DirectRule, ...] = (
    DirectRule(
        "title", "her favourite film, “The Grand Budapest Hotel,” ... (not a quote)", DirectPass.rule_title
    ),
    DirectRule("cue_verb", "“...,” Zarif wrote. / said Zarif, “...”", DirectPass.rule_cue_verb),
    DirectRule("signature", "“...” ― Pamela Padilla", DirectPass.rule_signature),
    DirectRule("pull_quote", "“...”¶— Jane Smith, union president", DirectPass.rule_pull_quote),
    DirectRule("according_to", "“...,” according to officials.", DirectPass.rule_according_to),
    DirectRule("name_colon", "HuffPollster: “...”", DirectPass.rule_name_colon),
    DirectRule("colon_intro", "Kasich resisted: “...”", DirectPass.rule_colon_intro),
    DirectRule("fragment", "a “freak out” in the markets (scare quote, title)", DirectPass.rule_fragment),
    DirectRule(
        "previous_paragraph_cue",
        "Ramírez described the collapse.¶“At first we ...”",
        DirectPass.rule_previous_paragraph_cue,
    ),
    DirectRule(
        "continuation", "“...,” he said. “...” (the same speaker goes on)", DirectPass.rule_continuation
    ),
)
