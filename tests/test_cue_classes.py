"""Which words are cues, asked of one place (`Cues`): the four classes, the learned scorer's words and
the user's own cues."""

from __future__ import annotations

import pytest

from reader.analysis.cues import Cues, build_cues


@pytest.mark.parametrize(
    ("lemma", "in_class"),
    [("say", True), ("believe", True), ("want", True), ("find", True), ("eat", False), ("harrumph", False)],
)
def test_cue_classes(lemma: str, in_class: bool) -> None:
    assert build_cues().in_class(lemma) is in_class


@pytest.mark.parametrize(
    ("word", "lemma", "entry"),
    [("harrumphed", "harrumphed", "harrumph"), ("said", "say", "say"), ("ate", "eat", "eat")],
)
def test_a_verb_the_lemmatiser_missed_finds_its_entry(word: str, lemma: str, entry: str) -> None:
    cues = Cues(speech={"say", "harrumph"})
    assert cues.verb_lemma(lemma, word) == entry


def test_known_cues() -> None:
    cues = build_cues(("harrumph",))
    assert cues.known("say") and cues.known("harrumph")  # a class's word, the user's own
    assert cues.known("eat")  # the learned scorer has weighed it
    assert not cues.known("sneeze") and not build_cues().known("harrumph")
    learned = Cues(weights={"l=tweet": 1.2})
    assert learned.known("tweet") and not learned.known("eat")
    assert Cues().known("eat")  # no learned scorer: every verb may be a cue
