"""The features of a cue's frames are the same whether the facts its frames share (`cue_facts`)
are worked out once for the cue or afresh for each frame."""

from __future__ import annotations

import pytest

from reader.analysis.cues import cues_for
from reader.analysis.quotes.frames import candidate_frames, cue_facts, frame_features


@pytest.mark.parametrize(
    "text",
    [
        "The mayor said the budget was balanced, adding that taxes would not rise.",
        "Critics described the plan as a giveaway to developers, which the council denied.",
        "Will the governor urge Congress to act before the vote?",
        "Her claim that the vote was rigged was not repeated by the party.",
    ],
)
def test_shared_facts_give_the_features_of_a_fresh_computation(nlp, text: str) -> None:
    doc = nlp(text)
    cues = cues_for(())
    compared = 0
    for tok in doc:
        lemma = tok.lemma_.lower()
        facts = cue_facts(tok, lemma, cues)
        for dep, a, b in candidate_frames(tok):
            for speaker in (None, doc[0]):
                got = frame_features(tok, lemma, dep, a, b, cues, speaker, facts)
                assert got == frame_features(tok, lemma, dep, a, b, cues, speaker)
                compared += 1
    assert compared > 0
