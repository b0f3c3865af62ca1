"""Whole-line constructions: interview transcripts and headline claims.

Rules: `interview_turn` ("PENCE: ..." paragraphs, when an article has at least two; "Berg: ..."
beside "Q: ..." questions; "A: ..." answers, credited to the person the article introduces before
the transcript),
`headline_colon` ("John McCain: Republican anger appeals to bad angels") and `headline_source`
("Poll: Trump a big turnoff for Florida Latino voters": a finding, so evidence).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import reader.analysis.quotes.confidence as conf
from reader.analysis import lexicon
from reader.analysis.quotes.base import PERSON_NOUNS, QUOTE_CHARS, Context, Found
from reader.analysis.quotes.prose import KICKER_LABELS

if TYPE_CHECKING:
    from spacy.tokens import Span

_TRANSCRIPT_RE = re.compile(r"([A-Z][A-Z.'\- ]{0,40}[A-Z.]|Q|A)\s*:\s+(?=\S)")
#: A turn labelled by a name in ordinary case ("Berg: ..."), taken only beside the interviewer's
#: "Q:" turns and when the name is the article's own (see `LinePass.named_turns`).
_NAME_TURN_RE = re.compile(r"(?m)^[ \t]*([A-Z][a-z'’\-]+(?: [A-Z][a-z'’\-]+){0,2})[ \t]*:[ \t]+(?=\S)[^\n]*")
#: "UPDATE: ...", "PREVIOUSLY: ...": labels, not speakers
SECTION_LABELS = lexicon.words("web", "section_labels")
#: display names of the unnamed turns of an interview transcript
TURN_LABELS = lexicon.mapping("people", "turn_labels")
#: Lemmas of a sentence that says whom an interview is with ("We spoke to him", "asked her").
INTERVIEW_LEMMAS = lexicon.words("people", "interview_lemmas")
#: Lower-case words inside people's names ("Ludwig van Beethoven").
NAME_PARTICLES = lexicon.words("people", "name_particles")
#: Sources that are documents, polls or records ("Poll: ..."): what they say is evidence.
DOCUMENTS = lexicon.words("acts", "documents")


class LinePass(Context):
    """Attributions a whole line makes by its layout."""

    def transcript(self) -> list[Found]:
        """Interview turns: "PENCE: ..." paragraphs, when the article has at least two of them."""
        out: list[Found] = []
        # a turn may open with a quotation mark when the whole transcript is quoted ("WALLACE: ...)
        for m in re.finditer(r"(?m)^[ \t]*[\"“]?" + _TRANSCRIPT_RE.pattern + r"[^\n]*", self.text):
            name_start = m.start(1)
            name_end = m.end(1)
            tag = " ".join(m.group(1).lower().split())
            if tag in KICKER_LABELS or tag in SECTION_LABELS:
                continue  # "WATCH: ...", "UPDATE: ...": a web or section label, not a speaker's turn
            content_start = self.text.index(":", name_end) + 1
            while content_start < m.end() and self.text[content_start].isspace():
                content_start += 1
            f = Found(
                "direct",
                content_start,
                m.end(),
                [(content_start, m.end())],
                None,
                None,
                conf.INTERVIEW_TURN,
                rule="interview_turn",
            )
            f.speaker_span = (name_start, name_end)
            f.cue = (name_end, name_end + 1)
            label = TURN_LABELS.get(self.text[name_start:name_end].rstrip(".").lower())
            if label is not None:
                f.name = label  # "Q: ..." is the interviewer's turn
            out.append(f)
        if any(f.name == TURN_LABELS["q"] for f in out):
            out = sorted(out + self.named_turns(), key=lambda f: f.start)
        if len(out) < 2:
            return []
        self.credit_answers(out)
        return out

    def credit_answers(self, turns: list[Found]) -> None:
        """Gives the unnamed answers ("A: ...") to the person the article introduces as the one
        interviewed ("Dr Hannah Voss has spent a decade ... We asked her ..."): a reader credits
        them, not an "Interviewee". Left unnamed when the lead-in names nobody, or several people
        and none in a sentence about the interview."""
        answers = [f for f in turns if f.name == TURN_LABELS["a"]]
        mention = self.interviewee(turns[0].start) if answers else None
        if mention is None:
            return
        for f in answers:
            f.speaker_span, f.name = mention, None

    def interviewee(self, before: int) -> tuple[int, int] | None:
        """The first mention of the one person named before the transcript (outside quotes), or
        of the one named in a sentence about the interview when there are several."""
        first: dict[str, tuple[int, int]] = {}
        interviewed: set[str] = set()
        for start, end, actor in self.mentions:
            if end > before or actor.kind != "person" or self.in_quote[self.tok_at(start)] >= 0:
                continue
            first.setdefault(actor.id, (start, end))
            sentence = self.doc[self.tok_at(start)].sent
            if any(t.lemma_.lower() in INTERVIEW_LEMMAS for t in sentence):
                interviewed.add(actor.id)
        if len(first) == 1:
            return next(iter(first.values()))
        if len(interviewed) == 1:
            return first[interviewed.pop()]
        return None

    def named_turns(self) -> list[Found]:
        """The answers of an interview whose questions are "Q:" turns and whose answers are
        labelled by a name in ordinary case ("Berg: We will close in the winter."), when the
        article names that person elsewhere ("Jonas Berg has run the museum ..."): a name
        that appears only as a label is more likely a heading or a web label ("Update: ...")."""
        out: list[Found] = []
        for m in _NAME_TURN_RE.finditer(self.text):
            name = m.group(1)
            if " ".join(name.lower().split()) in KICKER_LABELS or name.lower() in TURN_LABELS:
                continue
            surname = re.escape(name.split()[-1])
            if all(self.line_is_turn(n.start()) for n in re.finditer(rf"\b{surname}\b", self.text)):
                continue  # named only as a label
            content_start = m.end(1) + self.text[m.end(1) : m.end()].index(":") + 1
            while self.text[content_start].isspace():
                content_start += 1
            f = Found(
                "direct", content_start, m.end(), [(content_start, m.end())], None, None,
                conf.INTERVIEW_TURN, rule="interview_turn",
            )  # fmt: skip
            f.speaker_span = (m.start(1), m.end(1))
            f.cue = (m.end(1), m.end(1) + 1)
            out.append(f)
        return out

    def line_is_turn(self, at: int) -> bool:
        """Whether the line holding `at` is itself a "Name: ..." turn."""
        line_start = self.text.rfind("\n", 0, at) + 1
        return _NAME_TURN_RE.match(self.text, line_start) is not None

    def headlines(self) -> list[Found]:
        """Headline claims, "John McCain: Republican anger appeals to bad angels": a line that opens
        with a source (see `headline_source`) and a colon attributes the rest of the line."""
        doc = self.doc
        out: list[Found] = []
        for m in re.finditer(r"(?m)^([^\n:]{2,60}):[ \t]+(\S[^\n]*)$", self.text):
            span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
            if span is None or len(m.group(2).split()) < 4 or len(span) > 6:
                continue
            if m.group(2)[0] in QUOTE_CHARS:
                continue  # a quoted headline is a direct quote, found with the quotation marks
            source = self.headline_source(span, m.end(1))
            if source is None:
                continue
            ent_start, rule = source
            end = m.end(2)
            f = Found(
                "indirect",
                m.start(2),
                end,
                [(m.start(2), end)],
                None,
                None,
                conf.HEADLINE_COLON,
                rule=rule,
            )
            f.speaker_span = (ent_start, m.end(1))
            f.cue = (m.end(1), m.end(1) + 1)
            out.append(f)
        return out

    def headline_source(self, label: Span, label_end: int) -> tuple[int, str] | None:
        """Where the source a headline's label names starts, and the rule: a person or organisation
        the recogniser knows ("John McCain: ..."), a surname it missed at the head of the article
        ("Milbank: ..."), or a poll or report ("Poll: ...", "New report: ...", whose finding is
        evidence). None for a web label ("Breaking: ...") or anything else."""
        if label.ents:
            ent = label.ents[-1]
            if ent.label_ in ("PERSON", "ORG") and ent.end_char == label_end:
                return ent.start_char, "headline_colon"
        words = label.text.split()
        if " ".join(w.lower() for w in words) in KICKER_LABELS or label.text.isupper():
            return None
        if label[-1].lower_ in DOCUMENTS and len(words) <= 3:
            return label.start_char, "headline_source"
        if self.names_an_actor(label):
            return label.start_char, "headline_colon"  # "Sanders: ..." beside "Bernie Sanders told ..."
        if label.start_char == self.lead() and len(label) == 1 and label[0].pos_ == "PROPN":
            return label.start_char, "headline_colon"
        if label.start_char == self.lead() and self.people_label(label):
            return label.start_char, "headline_colon"  # "Historians: ...", "Insiders: ..."
        return None

    @staticmethod
    def people_label(label: Span) -> bool:
        """Whether the label of the article's first line is a capitalised noun for people."""
        last = label[-1]
        return len(label) <= 2 and all(t.is_title for t in label) and last.lemma_.lower() in PERSON_NOUNS

    def names_an_actor(self, label: Span) -> bool:
        """Whether a headline's label is a name the article gives an actor elsewhere, when the
        recogniser did not tag it there ("Sanders: We will win" above "Bernie Sanders told ...")."""
        if len(label) > 4 or not all(t.is_title or t.lower_ in NAME_PARTICLES for t in label):
            return False
        last = label[-1].lower_
        return any(
            actor.kind in ("person", "organisation")
            and any(
                alias.split()[-1].lower() == last for alias in (actor.name, *actor.aliases) if alias.split()
            )
            and any(m.start >= label.end_char or m.end <= label.start_char for m in actor.mentions)
            for actor in self.actors
        )

    def lead(self) -> int:
        """Where the article's first line starts."""
        return len(self.text) - len(self.text.lstrip())
