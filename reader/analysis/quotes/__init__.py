"""Who said what: direct, indirect and mixed quotes with speaker, cue and actor.

A package of named passes over a parsed Doc, in this order:

1. `marks`: quotation marks are paired on the characters (every common style, apostrophes told
   apart, quotes that run over paragraphs).
2. `frames`: the candidate stretches each cue word might attribute, with the features the learned
   scorer weighs (shared with scripts/derive_cues.py).
3. Cue rules: `direct` (each quoted stretch finds its cue in the words around it, by the
   constructions of one rule table), `indirect` (reported speech off the dependency parse, with
   the shapes of `constructions`: a pronoun as content, a bare passive, a feeling's cause) and
   `lines` (interview turns, headline claims).
4. `speakers`: who each cue's words belong to, read off the parse, with `fallbacks` when the parse
   attached no speaker.
5. `merge`: a reported clause that carries a quoted fragment becomes one "mixed" quote; a scare
   quote or title with no cue is dropped. `repairs` then hands the floor to the last speaker
   named and mends a speaker the parse got wrong (a date, a dateline, a word that cannot speak).
6. `resolve`: each speaker mention is linked to an actor.
7. `calibrate`: confidence, from the constants of `confidence`.

Every quote carries the name of the rule that made it (`Quote.rule`). Everything is rules over
the parse plus the lexicon (`reader/analysis/lexicon/`), so it costs a few percent of the parse.
"""

from reader.analysis.quotes.actors import simple_actors
from reader.analysis.quotes.direct import DIRECT_RULES
from reader.analysis.quotes.extract import Extractor, extract_quotes
from reader.analysis.quotes.frames import candidate_frames, frame_features
from reader.analysis.quotes.marks import Quoted, find_quoted

__all__ = [
    "DIRECT_RULES",
    "Extractor",
    "Quoted",
    "candidate_frames",
    "extract_quotes",
    "find_quoted",
    "frame_features",
    "simple_actors",
]
