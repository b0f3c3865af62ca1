"""Acts: what kind of attribution each one is, from its cue and its source.

`speech` (said, told, wrote, announced, in a statement, according to, interview turns: spoken or
written words), `belief` (believes, thinks, fears), `intention` (wants, plans, hopes to) or
`evidence` (a poll shows, the report found, X saw that). The words are data: the cue classes of
`lexicon/cues.toml` and the lists of `lexicon/acts.toml`, which win where a cue word sits in two
classes. A reader sees speech by default; the others on request.
"""

from __future__ import annotations

from reader.analysis import lexicon
from reader.analysis.quotes.base import Context, Found
from reader.vocab import ACTS

SPEECH, BELIEF, INTENTION, EVIDENCE = ACTS
#: Cue lemmas whose act the acts lexicon states outright.
_STATED: dict[str, str] = {word: act for act in ACTS for word in lexicon.words("acts", act)}
#: Sources that are documents, polls or records: what they say is evidence.
DOCUMENTS = lexicon.words("acts", "documents")
#: Rules whose attributions are someone's words whatever their cue.
_SPEECH_RULES = frozenset(
    {"interview_turn", "headline_colon", "name_colon", "signature", "according_to", "unparsed"}
)


class ActPass(Context):
    """The act of each found attribution."""

    def act_of(self, f: Found) -> str:
        if f.rule == "evidence_in":
            return EVIDENCE  # "In an NBC News poll released Monday, ..."
        if f.rule in _SPEECH_RULES:
            return SPEECH
        if f.rule == "source_phrase":
            return EVIDENCE if self.document_source(f) else SPEECH  # "according to the report"
        act = self.cue_act(f)
        if f.kind == "direct":
            return act or SPEECH  # quoted words are someone's unless the cue says otherwise
        if self.document_source(f):
            return EVIDENCE  # "the report says ...", "a poll found ..."
        return act or SPEECH

    def cue_act(self, f: Found) -> str | None:
        """The act the cue word states, None when it states none (a colon, an unknown verb)."""
        if f.cue is None:
            return None
        tok = self.doc[self.tok_at(f.cue[0])]
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB":
            lemma = self.cues.verb_lemma(lemma, tok.lower_)
        stated = _STATED.get(lemma) or _STATED.get(tok.lower_)  # "convinced", "worried"
        if stated is not None:
            return stated
        cues = self.cues
        if f.construction == "xcomp" and lemma in cues.intention:
            return INTENTION  # "hopes to ...", "expects to ..."
        for act, words in (
            (SPEECH, cues.speech),
            (BELIEF, cues.belief),
            (INTENTION, cues.intention),
            (EVIDENCE, cues.evidence),
        ):
            if lemma in words:
                return act
        return None

    def document_source(self, f: Found) -> bool:
        """Whether the source is a document, poll or record rather than a person or body."""
        if f.speaker_tok is not None:
            return self.doc[f.speaker_tok].lemma_.lower() in DOCUMENTS
        if f.speaker_span is not None:
            words = self.text[f.speaker_span[0] : f.speaker_span[1]].lower().split()
            return bool(words) and words[-1] in DOCUMENTS
        return False
