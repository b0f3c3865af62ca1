"""Merge: direct quotes, reported clauses and whole-line attributions become one list.

A reported clause that is all quote hands its cue and speaker to the quote (`reported_clause`); one
that carries a quoted fragment becomes one `mixed` quote; a scare quote or title with no cue is
dropped, and so is a weak attribution nested in another one's content.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

import reader.analysis.quotes.confidence as conf
from reader.analysis.quotes.base import PRONOUNS_SUBJECT, Found
from reader.analysis.quotes.calibrate import ConfidencePass
from reader.analysis.quotes.direct import DirectPass
from reader.analysis.quotes.indirect import IndirectPass
from reader.analysis.quotes.lines import LinePass
from reader.analysis.quotes.prose import ProsePass
from reader.analysis.quotes.repairs import SpeakerRepairs

if TYPE_CHECKING:
    from spacy.tokens import Token

    from reader.analysis.quotes.resolve import Resolver


#: What belongs to a cue verb's own words: "is widely seen", "were not deemed", "is expected".
_CUE_WORDS = ("aux", "auxpass", "neg", "advmod", "prt")


class MergePass(DirectPass, IndirectPass, SpeakerRepairs, LinePass, ProsePass, ConfidencePass):
    """Runs the cue passes and merges what they found."""

    def run(self) -> list[Found]:
        direct = self.direct()
        kept, consumed = self.merge_reported(direct, self.indirect())
        kept.extend(self.standalone_direct(direct, consumed))
        kept = self.add_lines(kept)
        kept = self.drop_weak_nested(kept)
        kept = self.drop_inner_frames(kept)
        kept = self.drop_quote_topics(kept)
        self.hand_over(kept)
        kept = self.drop_furniture(kept)
        for f in kept:
            self.split_at_cue(f)
        for f in kept:
            self.repair_speaker(f)
            self.cut_dateline(f)
        self.calibrate(kept)
        self.doubt_headline(kept)
        self.doubt_non_reports(kept)
        kept.sort(key=lambda f: (f.start, -f.end))
        return kept

    def merge_reported(self, direct: list[Found], indirect: list[Found]) -> tuple[list[Found], set[int]]:
        """The reported clauses to keep, and the direct quotes (by index) they took in as fragments."""
        kept: list[Found] = []
        consumed: set[int] = set()
        for f in indirect:
            inside = [
                k
                for k, d in enumerate(direct)
                if d.start >= f.start - 2 and d.end <= f.end + 2 and d.end > d.start
            ]
            quoted_chars = sum(direct[k].end - direct[k].start for k in inside)
            length = f.end - f.start
            if len(inside) == 1 and quoted_chars * 10 >= length * 7:
                # the complement is the quote itself: the direct quote takes this cue and speaker;
                # quotes joined by the writer's own words stay one mixed quote ("said he's “looking
                # forward to it” because “these are matches you play for”")
                for k in inside:
                    self.take_clause_source(direct[k], f)
                if f.construction != "oprd" or not all(direct[k].fragment for k in inside):
                    continue
                # what someone called it, in quoted fragments ("called him a “pathological liar”",
                # "what she called “a national disgrace”"): the clause is kept with the words quoted
            if inside:
                f.kind = "mixed"
                # a quoted fragment joins the reported clause; a quote with its own cue stays itself
                consumed.update(
                    k for k in inside if direct[k].fragment or direct[k].cue is None or direct[k].clause
                )
            # a partial overlap with a full quote sentence: keep the quote, drop the clause
            clash = [d for d in direct if not d.fragment and d.start < f.end and f.start < d.end]
            if clash and not inside:
                over = sum(min(d.end, f.end) - max(d.start, f.start) for d in clash)
                if over * 2 >= length:
                    continue
            kept.append(f)
        return kept, consumed

    @staticmethod
    def take_clause_source(d: Found, f: Found) -> None:
        """Direct quote `d` is the whole content of reported clause `f` ("said “...”"); a title stays
        a title ("She named “The Grand Budapest Hotel”"). The clause's own cue beats a speaker the
        quote only carried on from the one before ("As Ms. Simonyan put it, RT is “...”")."""
        if d.rule == "title":
            return
        unnamed = d.speaker_tok is None and d.speaker_span is None
        if (unnamed or d.inherit) and f.speaker_tok is not None:
            d.inherit, d.speaker_span = False, None
            d.speaker_tok, d.cue, d.confidence = f.speaker_tok, f.cue, max(d.confidence, conf.REPORTED_CLAUSE)
            d.fragment = False
            d.rule = "reported_clause"
        elif d.fragment and d.cue is None:
            d.fragment = False
            d.speaker_tok, d.cue = f.speaker_tok, f.cue
            d.rule = "reported_clause"

    def standalone_direct(self, direct: list[Found], consumed: set[int]) -> list[Found]:
        """Direct quotes that stand by themselves: not fragments, not taken in by a clause, and
        either attributed or long enough to be someone's words (`unattributed`)."""
        out: list[Found] = []
        for k, d in enumerate(direct):
            if k in consumed or d.fragment:
                continue
            if d.speaker_tok is None and d.speaker_span is None and d.cue is None:
                words = len(self.text[d.start : d.end].split())
                if words < 6:
                    continue
                d.confidence = conf.UNATTRIBUTED
            out.append(d)
        return out

    def add_lines(self, kept: list[Found]) -> list[Found]:
        """Interview turns (or, without them, headline claims) not already covered by a quote."""
        lines = self.transcript()
        if lines:
            # a quote over several turns ("WALLACE: ...\n\n"PENCE: ...) is the turns themselves
            names = [t.speaker_span[0] for t in lines if t.speaker_span is not None]
            kept = [k for k in kept if k.kind != "direct" or not any(k.start <= n < k.end for n in names)]
        lines = lines or self.headlines()
        if lines:
            # a quote nobody is named for inside a headline claim is part of it ("Bill Clinton:
            # Hillary ‘Better Qualified ...’"): the claim names whose it is
            spans = [(k.start, k.end) for k in kept if k.kind == "direct" and not self.unnamed(k)]
            for t in lines:
                if not any(s < t.end and t.start < e and e - s > (t.end - t.start) // 2 for s, e in spans):
                    kept = [k for k in kept if not (self.unnamed(k) and t.start <= k.start < k.end <= t.end)]
                    kept.append(t)
        return kept

    @staticmethod
    def unnamed(f: Found) -> bool:
        """Whether a quote has neither a speaker nor a cue."""
        return f.speaker_tok is None and f.speaker_span is None and f.cue is None

    @staticmethod
    def drop_inner_frames(found: list[Found]) -> list[Found]:
        """One cue, one content: a frame inside another frame of the same cue ("cited his
        endorsements from 88 generals" holds "88 generals") is part of it, not a second quote."""
        spans: dict[tuple[int, int], list[tuple[int, int]]] = {}
        for f in found:
            if f.kind == "indirect" and f.cue is not None:
                spans.setdefault(f.cue, []).append((f.start, f.end))
        out = []
        for f in found:
            outer = spans.get(f.cue, []) if f.kind == "indirect" and f.cue is not None else []
            if any(s <= f.start and f.end <= e and (s, e) != (f.start, f.end) for s, e in outer):
                continue
            out.append(f)
        return out

    @staticmethod
    def drop_quote_topics(found: list[Found]) -> list[Found]:
        """What a quote is about is not a second quote: in "“It will fail,” she said of the plan",
        "the plan" names the topic of the words quoted, which the direct quote already lists."""
        quoted_cues = {f.cue for f in found if f.kind == "direct" and f.cue is not None}
        return [f for f in found if not (f.construction == "prep_of" and f.cue in quoted_cues)]

    def split_at_cue(self, f: Found) -> None:
        """A reported clause with its cue inside is two pieces, the cue left out: a cue that
        interrupts it ("Things have changed, she says, especially online") or one whose subject
        the content describes ("The deal is widely seen as a win")."""
        if f.kind != "indirect" or f.cue is None or not f.start < f.cue[0] < f.end:
            return
        tok = self.doc[self.tok_at(f.cue[0])]
        first, last = self.tok_at(f.start), self.tok_at(f.end - 1)
        if first < tok.left_edge.i and tok.right_edge.i < last:
            hole = (tok.left_edge.i, tok.right_edge.i)
        else:
            hole = self.cue_words(tok)
        if not first < hole[0] <= hole[1] < last:
            return
        pieces = [self.trim(first, hole[0] - 1), self.trim(hole[1] + 1, last)]
        f.segments = [p for p in pieces if p is not None]

    def cut_dateline(self, f: Found) -> None:
        """A clause that opens the story ("LAGOS, Nigeria (Reuters) - The bank raised its rate, its
        governor said") starts after the dateline: the place and the agency are no one's words."""
        f.start = self.past_dateline(f.start, f.end)
        if f.segments:
            s, e = f.segments[0]
            f.segments[0] = (self.past_dateline(s, e), e)

    def cue_words(self, tok: Token) -> tuple[int, int]:
        """First and last token of a cue verb with the auxiliaries, negation, adverbs and particles
        around it ("is widely seen", "were not deemed")."""
        first = last = tok.i
        for child in sorted(tok.children, key=lambda c: -c.i):  # the nearest first
            if child.i < tok.i and child.dep_ in _CUE_WORDS and child.right_edge.i == first - 1:
                first = child.left_edge.i
        for child in sorted(tok.children, key=lambda c: c.i):
            if child.i > tok.i and child.dep_ in _CUE_WORDS and child.left_edge.i == last + 1:
                last = child.right_edge.i
        return first, last

    def drop_weak_nested(self, found: list[Found]) -> list[Found]:
        """Drop a doubtful attribution whose cue sits inside another one's content ("Rouhani tweeted
        that Tehran seeks ..."): it is part of what the outer source said, rarely a claim of its own.
        One in the outer speaker's own voice stays ("She said she wants to run": what she wants is
        hers, in her words), unless it is only what they mean to do ("hopes to announce further
        measures": nothing announced yet)."""
        limit = conf.NESTED_MIN
        outers = [f for f in found if f.kind != "direct"]
        out = []
        for f in found:
            if f.kind == "indirect" and f.cue is not None and f.confidence < limit:
                c = f.cue[0]
                around = [o for o in outers if o.start <= c < o.end and o.confidence > f.confidence]
                own = not self.infinitive(c) and any(self.same_voice(f, o) for o in around)
                if around and not own:
                    continue
            out.append(f)
        return out

    def infinitive(self, char: int) -> bool:
        """Whether the cue word at `char` is a "to" infinitive ("hopes to announce")."""
        tok = self.doc[self.tok_at(char)]
        return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)

    def same_voice(self, inner: Found, outer: Found) -> bool:
        """Whether two attributions have one speaker: the same mention or name, or a pronoun that
        stands for the outer speaker ("Warren said she is proud of the bill")."""
        if inner.speaker_tok is None or outer.speaker_tok is None:
            return False
        mine, theirs = self.doc[inner.speaker_tok], self.doc[outer.speaker_tok]
        if mine.i == theirs.i or (mine.pos_ == "PROPN" and mine.lower_ == theirs.lower_):
            return True
        if mine.lower_ not in PRONOUNS_SUBJECT:
            return False
        resolver = cast("Resolver", self)  # the extractor resolves as well as merges
        actor = resolver.resolve(mine)
        return actor is not None and actor is resolver.resolve(theirs)
