"""The last pass: confidence a reader can trust.

Each rule's own confidence is mapped through a table fitted on the training split
(`lexicon/calibration.json`, written by scripts/calibrate_confidence.py), so that among quotes
given confidence c about c are right, speaker included. A title line's attributions are then
doubtful unless a named person speaks in it ("Trump says ..."), and so is a frame that tells what
happened rather than what someone said.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import reader.analysis.quotes.confidence as conf
from reader.analysis import lexicon
from reader.analysis.quotes.base import Context, Found


class ConfidencePass(Context):
    """Adjusts the confidence the rules gave."""

    def calibrate(self, found: list[Found]) -> None:
        """Each confidence becomes the share of right attributions its rule had at that confidence."""
        table = calibration() if self.calibrated else None
        if table is None:
            return
        for f in found:
            if f.rule not in _UNCALIBRATED:
                f.confidence = table.apply(f.rule, f.confidence)

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
            cue_tok = self.cue_token(f)
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

    def doubt_non_reports(self, found: list[Found]) -> None:
        """A frame that more likely tells what happened than what someone said or wants ("the
        confrontation threatens to ...", "had seemingly offered an offramp") is doubtful, whatever
        share of such frames the corpus annotates: a reader asked who said what. Calibrated only:
        the table is fitted on the rules' own confidences."""
        if not self.calibrated:
            return
        for f in found:
            if f.not_a_report:
                f.confidence = min(f.confidence, conf.NOT_A_REPORT_CAP)


#: The fitted table (scripts/calibrate_confidence.py); without it confidences stay as the rules set them.
CALIBRATION_FILE = lexicon.FOLDER / "calibration.json"
#: Rules the training split has no examples of: the user's own cue words keep their confidence.
_UNCALIBRATED = frozenset({"user_cue"})
#: A calibrated confidence never reaches 0 or 1: no rule is sure of nothing or of everything.
_FLOOR, _CEILING = 0.01, 0.99
Steps = tuple[tuple[float, float], ...]


def _steps(value: object) -> Steps:
    if not isinstance(value, list):
        raise ValueError("a calibration table is a list of [raw, calibrated] pairs")
    return tuple((float(raw), float(cal)) for raw, cal in value)


@dataclass(frozen=True, slots=True)
class Calibration:
    """Step functions from a rule's own confidence to the share of its attributions that are right
    (content and speaker), fitted on the training split: among quotes given c, about c are right."""

    all: Steps
    rules: dict[str, Steps]

    @classmethod
    def load(cls, path: Path = CALIBRATION_FILE) -> Calibration | None:
        """The table in `path`; None when it is missing or unreadable (raw confidences are kept)."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            rules = data.get("rules", {})
            return cls(_steps(data["all"]), {str(k): _steps(v) for k, v in rules.items()})
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return None

    def apply(self, rule: str, raw: float) -> float:
        """The calibrated confidence of an attribution `rule` made with confidence `raw`."""
        steps = self.rules.get(rule, self.all)
        if not steps:
            return raw
        k = bisect_left([upper for upper, _ in steps], raw)
        value = steps[min(k, len(steps) - 1)][1]
        return min(_CEILING, max(_FLOOR, value))


@lru_cache(maxsize=1)
def calibration() -> Calibration | None:
    return Calibration.load()
