"""The quote finder: every pass over one article, in order, and its entry point `extract_quotes`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import reader.analysis.quotes.confidence as conf
from reader.analysis.cues import cues_for
from reader.analysis.model import Quote, Referent, Span
from reader.analysis.quotes.marks import find_quoted
from reader.analysis.quotes.merge import MergePass
from reader.analysis.quotes.resolve import Resolver

if TYPE_CHECKING:
    from spacy.tokens import Doc


class Extractor(MergePass, Resolver):
    """All passes over one article: `run` finds the attributions, `to_quotes` resolves them."""


def _unparsed_quotes(doc: Doc) -> list[Quote]:
    """Quotation marks only, for a pipeline without a parser: no cue, no speaker, low confidence."""
    text = doc.text
    out = []
    for q in find_quoted(text):
        if len(text[q.start : q.end].split()) < 3:
            continue  # a title or scare quote, most likely
        out.append(
            Quote(
                kind="direct",
                content=Span(q.start, q.end, text[q.start : q.end]),
                speaker=None,
                actor=None,
                cue=None,
                confidence=conf.UNPARSED,
                segments=[Span(s, e, text[s:e]) for s, e in q.segments],
                rule="unparsed",
            )
        )
    return out


def extract_quotes(
    doc: Doc, actors: list[Referent], extra_cues: Iterable[str] = (), *, calibrated: bool = True
) -> list[Quote]:
    """All attributions in `doc`, each linked to an actor from `actors` where one can be resolved.

    `calibrated=False` keeps each rule's own confidence (what scripts/calibrate_confidence.py fits)."""
    if len(doc) == 0:
        return []
    if not doc.has_annotation("DEP"):
        return _unparsed_quotes(doc)
    extractor = Extractor(doc, actors, cues_for(extra_cues), calibrated)
    return extractor.to_quotes(extractor.run())
