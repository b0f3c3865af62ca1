"""Named-entity mentions, cleaned up, and merged into one record per real-world thing.

spaCy's small English model finds names well but labels them inconsistently ("Soleimani" comes out
as PERSON in one sentence and GPE in the next, "Erbil" as ORG), leaves titles and possessives on
them and knows nothing about "U.S." being "the United States". The passes, one module each:

1. `mentions`: each doc's entities become `Mention`s: titles, leading "the" and possessives trimmed
   off, systematic label slips repaired by context (and by the page's `lines`: a dateline's place,
   a byline's person, a line in capitals naming nothing), and whether the mention acts (is a
   subject); `missed` adds the names the model missed or cut in that doc (full names after "said",
   a dateline's place, a name spelled out before its acronym);
2. `recover`: bare surnames of people named before and well-known groups the model missed;
3. `merge`: mentions become `Referent`s (actors and places): by normalised name, a small alias
   table, surnames ("Soleimani" -> "Qassem Soleimani") and acronyms ("IRGC"), with the kind taken
   by majority vote and the canonical name the fullest form.

`words` holds the word lists, `names` the mention record and the tests on a name's form.
Everything is a linear pass over the entities; nothing here is slower than the parse it follows.
"""

from reader.analysis.entities.mentions import entities_from_doc
from reader.analysis.entities.merge import Referents, merge_mentions
from reader.analysis.entities.names import Mention, normalise
from reader.analysis.entities.recover import SurnameIndex, recover_groups, recover_surnames
from reader.analysis.entities.words import ACTOR_KINDS, ALIASES, LABEL_KIND, LOCATION_KINDS, TITLES

__all__ = [
    "ACTOR_KINDS",
    "ALIASES",
    "LABEL_KIND",
    "LOCATION_KINDS",
    "TITLES",
    "Mention",
    "Referents",
    "SurnameIndex",
    "entities_from_doc",
    "merge_mentions",
    "normalise",
    "recover_groups",
    "recover_surnames",
]
