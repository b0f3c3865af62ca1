"""The last pass: confidence a reader can trust.

A title line's attributions are doubtful unless a named person speaks in it ("Trump says ...").
"""

from __future__ import annotations

import reader.analysis.quotes.confidence as conf
from reader.analysis.quotes.base import Context, Found


class ConfidencePass(Context):
    """Adjusts the confidence the rules gave."""

    def doubt_headline(self, found: list[Found]) -> None:
        """A title line ("Village fights to save its post office as Royal Mail confirms closure plans")
        is written in headline grammar: its verbs are events, not speech. Its attributions keep their
        confidence only with a speech cue and a named person ("Trump says ..."); others drop below 0.5."""
        doc, text = self.doc, self.text
        lead = len(text) - len(text.lstrip())
        end = text.find("\n", lead)
        title = text[lead:end].strip() if end != -1 else ""
        words = title.lstrip("#").split()
        if not words or len(words) > 25 or title[-1] in ".!?:;,”\"’'…)" or not text[end:].strip():
            return
        for f in found:
            where = f.cue[0] if f.cue is not None else f.start
            if not lead <= where < end:
                continue
            cue_tok = doc[self.tok_at(f.cue[0])] if f.cue is not None else None
            speech = cue_tok is not None and (
                self.cues.verb_lemma(cue_tok.lemma_.lower(), cue_tok.lower_) in self.cues.speech
            )
            if f.speaker_tok is not None:
                person = doc[f.speaker_tok].ent_type_ == "PERSON"
            elif f.speaker_span is not None:
                span = doc.char_span(*f.speaker_span, alignment_mode="expand")
                person = span is not None and any(e.label_ == "PERSON" for e in span.ents)
            else:
                person = False
            if not (speech and person):
                f.confidence = min(f.confidence, conf.TITLE_LINE_CAP)
