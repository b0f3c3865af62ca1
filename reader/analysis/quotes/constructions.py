"""Constructions of attribution beyond the clause or object a cue heads.

The parse's own frames (`frames.candidate_frames`) cover "said that ...", "called for ..." and
their kin. Writers attribute in other shapes too, and readers (and the corpus's annotators) take
them as attributions all the same:

- a pronoun as the whole content: "his critics denounced him", "Americans are mad, and I agree
  with them", "which Trump had called a disaster" — what is denounced or agreed with is what the
  pronoun stands for, and the reader sees it there. Only pronouns that stand for something said
  or someone spoken of count; "said something", "did it himself" attribute nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: Pronouns that may stand for the whole of what a cue is about ("denounced him", "agree with
#: them", "bragged about it", "which he defended"). Grammar, not lexicon: closed-class words.
#: Left out: the indefinite ("something", "some"), reflexive ("himself") and plural demonstrative
#: ("those") ones, which more often fill a verb's slot than name what was said.
CONTENT_PRONOUNS = frozenset(
    {
        "him", "her", "it", "them", "me", "us", "he", "she",
        "who", "what", "this", "that", "everything", "anything",
    }
)  # fmt: skip


def pronoun_content(doc: Doc, a: int, b: int) -> tuple[int, int] | None:
    """Character span of a content that is one pronoun standing for what the cue is about, or
    None: the fallback for a frame the general trimming drops as saying nothing."""
    if a != b or doc[a].lower_ not in CONTENT_PRONOUNS:
        return None
    tok = doc[a]
    return tok.idx, tok.idx + len(tok)
