"""The per-article frame finder gives the same frames and features as working them out afresh,
and works each cue's frames out once."""

from __future__ import annotations

import pytest

from reader.analysis.cues import cues_for
from reader.analysis.quotes.frames import FrameFinder, candidate_frames, frame_features


@pytest.mark.parametrize(
    "text",
    [
        "The mayor said the budget was balanced, adding that taxes would not rise.",
        "Critics described the plan as a giveaway to developers, which the council denied.",
        "Will the governor urge Congress to act before the vote?",
        "Her claim that the vote was rigged was not repeated by the party.",
    ],
)
def test_frames_and_features_match_a_fresh_computation(nlp, text: str) -> None:
    doc = nlp(text)
    cues = cues_for(())
    finder = FrameFinder(cues)
    compared = 0
    for tok in doc:
        frames = finder.frames(tok)
        assert frames == list(candidate_frames(tok))
        assert finder.frames(tok) is frames  # the second ask is the first answer, not a new one
        lemma = tok.lemma_.lower()
        for dep, a, b in frames:
            for speaker in (None, doc[0]):
                got = finder.features(tok, lemma, dep, a, b, speaker)
                assert got == frame_features(tok, lemma, dep, a, b, cues, speaker)
                compared += 1
    assert compared > 0
