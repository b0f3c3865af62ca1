"""Actors from entity names alone: a fallback when the engine's merged actors are not given."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.model import Referent, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

_KIND = {"PERSON": "person", "ORG": "organisation", "NORP": "group", "GPE": "place", "FAC": "facility"}


def simple_actors(doc: Doc) -> list[Referent]:
    """One actor per distinct entity name, people merged by surname ("Zarif" joins "Mohammad Javad Zarif").

    Good enough for scripts and tests; the analysis pipeline passes its own merged actors instead.
    """
    actors: dict[tuple[str, str], Referent] = {}
    persons_by_last: dict[str, Referent] = {}
    for ent in doc.ents:
        kind = _KIND.get(ent.label_)
        if kind is None:
            continue
        name = ent.text.strip()
        for prefix in ("the ", "The "):
            if kind != "person" and name.startswith(prefix):
                name = name[len(prefix) :]
        if name.endswith(("’s", "'s")):
            name = name[:-2]
        if not name:
            continue
        span = Span(ent.start_char, ent.end_char, ent.text)
        if kind == "person":
            last = name.split()[-1].lower()
            ref = persons_by_last.get(last)
            if ref is None:
                ref = Referent(f"a{len(actors) + 1}", name, kind)
                actors[(kind, last)] = ref
                persons_by_last[last] = ref
            elif len(name) > len(ref.name):
                ref.aliases.append(ref.name)
                ref.name = name
            elif name != ref.name and name not in ref.aliases:
                ref.aliases.append(name)
        else:
            key = (kind, name.lower())
            ref = actors.get(key)
            if ref is None:
                ref = actors[key] = Referent(f"a{len(actors) + 1}", name, kind)
        ref.mentions.append(span)
    return list(actors.values())
