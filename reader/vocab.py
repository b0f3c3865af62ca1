"""The words every part of the reader shares, each defined once.

The analysis names what it finds, the settings let a user pick among these names, the themes style
them and the app shows them; all of them spell the names from here, so a new role or panel is added in
one place. Plain tuples and one function: importing this module costs nothing.
"""

from __future__ import annotations

ENTITY_ROLES = ("person", "organisation", "group", "place", "date", "event", "other")
"""How a named thing is highlighted in the text: the kind of actor, place, date or event it is."""

HIGHLIGHT_KINDS = (*ENTITY_ROLES, "quote")
"""What the `highlight` setting can switch on: the entity roles and quotes."""

STYLE_ROLES = (*HIGHLIGHT_KINDS, "speaker", "match", "current", "selection", "boilerplate", "heading")
"""Everything the article view highlights, and the article's headings; a theme gives each a Rich style."""

PANELS = ("actors", "places", "events", "quotes")
"""The side panels, in their default order."""

ACTS = ("speech", "belief", "intention", "evidence", "question", "topic", "action", "unsourced")
"""What an attributed content is: something said, believed, intended, or shown by evidence; a
question nobody named puts (the reporter's); what someone spoke about without their words;
something done, not said, that reads like an attribution ("cast the single vote"); or words said by
nobody the text names ("it was announced that ...", "fans were told that ...", "some will say ...")."""

# spaCy entity labels and Referent kinds -> highlight role.
_ROLE_FOR = {
    "PERSON": "person",
    "ORG": "organisation",
    "NORP": "group",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "DATE": "date",
    "TIME": "date",
    "EVENT": "event",
    "region": "place",
    "facility": "place",
}


def role_for(kind_or_label: str) -> str:
    """The highlight role of a Referent kind ("person", "region") or a spaCy label ("GPE")."""
    if kind_or_label in STYLE_ROLES:
        return kind_or_label
    return _ROLE_FOR.get(kind_or_label, "other")
