"""Whole-line constructions: interview transcripts and headline claims.

Rules: `interview_turn` ("PENCE: ..." paragraphs, when an article has at least two) and
`headline_colon` ("John McCain: Republican anger appeals to bad angels").
"""

from __future__ import annotations

import re

import reader.analysis.quotes.confidence as conf
from reader.analysis import lexicon
from reader.analysis.quotes.base import QUOTE_CHARS, Context, Found
from reader.analysis.quotes.prose import KICKER_LABELS

_TRANSCRIPT_RE = re.compile(r"([A-Z][A-Z.'\- ]{0,40}[A-Z.]|Q|A)\s*:\s+(?=\S)")
#: display names of the unnamed turns of an interview transcript
TURN_LABELS = lexicon.mapping("people", "turn_labels")


class LinePass(Context):
    """Attributions a whole line makes by its layout."""

    def transcript(self) -> list[Found]:
        """Interview turns: "PENCE: ..." paragraphs, when the article has at least two of them."""
        out: list[Found] = []
        # a turn may open with a quotation mark when the whole transcript is quoted ("WALLACE: ...)
        for m in re.finditer(r"(?m)^[ \t]*[\"“]?" + _TRANSCRIPT_RE.pattern + r"[^\n]*", self.text):
            name_start = m.start(1)
            name_end = m.end(1)
            if " ".join(m.group(1).lower().split()) in KICKER_LABELS:
                continue  # "WATCH: ...", "RELATED: ...": a web label, not a speaker's turn
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
        return out if len(out) >= 2 else []

    def headlines(self) -> list[Found]:
        """Headline claims, "John McCain: Republican anger appeals to bad angels": a line that opens
        with a person's or organisation's name and a colon attributes the rest of the line."""
        doc = self.doc
        out: list[Found] = []
        for m in re.finditer(r"(?m)^([^\n:]{2,60}):[ \t]+(\S[^\n]*)$", self.text):
            span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
            if span is None or not span.ents or len(m.group(2).split()) < 4:
                continue
            ent = span.ents[-1]
            if ent.label_ not in ("PERSON", "ORG") or ent.end_char != m.end(1) or len(span) > 6:
                continue
            if m.group(2)[0] in QUOTE_CHARS:
                continue  # a quoted headline is a direct quote, found with the quotation marks
            end = m.end(2)
            f = Found(
                "indirect",
                m.start(2),
                end,
                [(m.start(2), end)],
                None,
                None,
                conf.HEADLINE_COLON,
                rule="headline_colon",
            )
            f.speaker_span = (ent.start_char, ent.end_char)
            f.cue = (m.end(1), m.end(1) + 1)
            out.append(f)
        return out
