"""Cue lexicons for attribution: the words that say "someone said, wrote, believes or found this".

One plain data structure, `CUE_LEXICON`, maps a cue class to its words (verb and noun lemmas, or
lower-case phrases); the words are data, in `lexicon/cues.toml`. Extend it by adding words to a class;
a user extends it from the config file (`extra_cues`), which `build_cues` folds in.
`lexicon/cues_polnear.json`, derived from the training split
of the PolNeAR corpus by `scripts/derive_cues.py`, adds (lemma, construction) frames that annotators
marked as attributions, with their precision. Pure Python: no spaCy here.
"""

from __future__ import annotations

import contextlib
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from reader.analysis import lexicon

#: Cue classes and their words (lexicon/cues.toml). Verb and noun entries are lemmas; phrases are
#: lower-case text.
CUE_LEXICON: dict[str, frozenset[str]] = lexicon.lists("cues")

DATA_FILE = lexicon.FOLDER / "cues_polnear.json"


@dataclass(frozen=True, slots=True)
class Frame:
    """One derived cue frame: a lemma whose dependent `dep` is attributed content, with its precision."""

    lemma: str
    dep: str
    precision: float
    count: int


@dataclass(slots=True)
class Cues:
    """The lexicon in the shape the extractor asks it: sets per class plus derived frames."""

    speech: set[str] = field(default_factory=set)
    belief: set[str] = field(default_factory=set)
    intention: set[str] = field(default_factory=set)
    evidence: set[str] = field(default_factory=set)
    noun: set[str] = field(default_factory=set)
    source_phrase: set[str] = field(default_factory=set)
    manner_phrase: set[str] = field(default_factory=set)
    frames: dict[tuple[str, str], Frame] = field(default_factory=dict)
    weights: dict[str, float] = field(default_factory=dict)  # learned scorer, see `score`
    threshold: float = 0.5
    extra: set[str] = field(default_factory=set)  # the user's own cues

    def score(self, features: list[str]) -> float:
        """Probability that a candidate with these features is an attribution (logistic model)."""
        w = self.weights
        z = sum(w.get(f, 0.0) for f in features)
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    @property
    def clausal(self) -> set[str]:
        """Lemmas whose clausal complement (ccomp) is attributed content."""
        return self.speech | self.belief | self.evidence

    def is_speech(self, lemma: str) -> bool:
        return lemma in self.speech

    def frame(self, lemma: str, dep: str) -> Frame | None:
        return self.frames.get((lemma, dep))

    def in_class(self, lemma: str) -> bool:
        """Whether `lemma` is a cue of one of the four classes: speech, belief, intention, evidence."""
        return any(lemma in words for words in (self.speech, self.belief, self.intention, self.evidence))

    def known(self, lemma: str) -> bool:
        """Whether `lemma` is a cue the learned scorer has seen or a lexicon (or the user) lists."""
        return not self.weights or f"l={lemma}" in self.weights or self.in_class(lemma) or lemma in self.extra

    def verb_lemma(self, lemma: str, word: str) -> str:
        """The lexicon's entry for a verb the lemmatiser missed ("harrumphed" -> "harrumph")."""
        if self.in_class(lemma):
            return lemma
        for base in (word.lower(), *base_forms(word)):
            if self.in_class(base):
                return base
        return lemma


def base_forms(word: str) -> list[str]:
    """Candidate base forms of an inflected English verb, most likely first."""
    w = word.lower()
    out = []
    for suffix, repl in (
        ("ing", ""),
        ("ing", "e"),
        ("ied", "y"),
        ("ies", "y"),
        ("ed", ""),
        ("ed", "e"),
        ("es", ""),
        ("s", ""),
        ("d", ""),
    ):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            out.append(w[: len(w) - len(suffix)] + repl)
    return out


def load_scorer(path: Path = DATA_FILE) -> tuple[dict[str, float], float]:
    """The learned scorer's weights and acceptance threshold; without them the frames decide."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        weights = {str(k): float(v) for k, v in data.get("weights", {}).items()}
        return weights, float(data.get("threshold", 0.5))
    except (OSError, ValueError, TypeError, AttributeError):
        return {}, 0.5


def load_frames(path: Path = DATA_FILE) -> dict[tuple[str, str], Frame]:
    """Derived frames from the data file; without the file there are none (the hand lexicon still works)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    frames: dict[tuple[str, str], Frame] = {}
    for row in data.get("frames", []):
        try:
            frame = Frame(str(row["lemma"]), str(row["dep"]), float(row["precision"]), int(row["count"]))
        except (KeyError, TypeError, ValueError):
            continue
        frames[(frame.lemma, frame.dep)] = frame
    return frames


@lru_cache(maxsize=1)
def lexicon_fingerprint() -> str:
    """A short hash of the built-in lexicon and the derived data, for cache keys: analyses made
    with another lexicon or scorer should not be served from the cache."""
    import hashlib

    digest = hashlib.sha256(repr(sorted((k, sorted(v)) for k, v in CUE_LEXICON.items())).encode())
    with contextlib.suppress(OSError):
        digest.update(DATA_FILE.read_bytes())
    return digest.hexdigest()[:12]


@lru_cache(maxsize=8)
def build_cues(extra_cues: tuple[str, ...] = ()) -> Cues:
    """The lexicon plus derived frames plus the user's extra cues.

    An extra cue of one word is taken as a verb of saying ("opine"); one of several words as a source
    phrase ("as told to"), or as a manner phrase when it starts with "in " or "on " ("on his podcast").
    """
    words = CUE_LEXICON
    cues = Cues(
        speech=set(words["speech"]),
        belief=set(words["belief"]),
        intention=set(words["intention"]),
        evidence=set(words["evidence"]),
        noun=set(words["noun"]),
        source_phrase=set(words["source_phrase"]),
        manner_phrase=set(words["manner_phrase"]),
    )
    cues.frames = load_frames()
    cues.weights, cues.threshold = load_scorer()
    for raw in extra_cues:
        cue = " ".join(str(raw).lower().split())
        if not cue:
            continue
        if " " not in cue:
            cues.speech.add(cue)
            cues.extra.add(cue)
        elif cue.startswith(("in ", "on ")):
            cues.manner_phrase.add(cue)
        else:
            cues.source_phrase.add(cue)
    return cues


def cues_for(extra_cues: Iterable[str] = ()) -> Cues:
    """`build_cues` for any iterable of extra cues (cached per distinct set)."""
    return build_cues(tuple(sorted({str(c) for c in extra_cues})))
