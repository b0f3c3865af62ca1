"""Who said what: direct, indirect and mixed quotes with speaker, cue and actor.

(First cut: returns nothing until quote attribution lands.)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from reader.analysis.model import Quote, Referent

if TYPE_CHECKING:
    from spacy.tokens import Doc


def extract_quotes(doc: Doc, actors: list[Referent], extra_cues: Iterable[str] = ()) -> list[Quote]:
    """All attributions in `doc`, each linked to an actor from `actors` where one can be resolved."""
    return []
