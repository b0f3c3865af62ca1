"""Fallback speakers: who a cue's words belong to when the parse did not attach a speaker.

The name next to the cue, the subject nearest before it, the sentence's main subject, the clause
before a colon, a name and a colon, or a speech cue ending the paragraph before a quote. The
parse's own attachments are `speakers`'s.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.quotes.base import RELATIVE, agentive, name_head
from reader.analysis.quotes.speakers import SpeakerRules, looks_like_name

if TYPE_CHECKING:
    from spacy.tokens import Token


class FallbackSpeakers(SpeakerRules):
    """Speakers the parse did not attach, shared by the direct and reported passes."""

    def nearby_source(self, tok: Token, a: int, b: int) -> Token | None:
        """A speaker the parse did not attach: the nearest name or pronoun next to a cue verb, outside
        its content ("..., said Robert Reich, who served ...")."""
        doc = self.doc
        sent = tok.sent
        for i in range(tok.i + 1, min(tok.i + 4, sent.end)):
            t = doc[i]
            if a <= i <= b or self.in_quote[i] != -1:
                break
            if agentive(t) or (i == tok.i + 1 and looks_like_name(t)):
                return name_head(t)
        for i in range(tok.i - 1, max(tok.i - 6, sent.start - 1), -1):
            t = doc[i]
            if a <= i <= b or self.in_quote[i] != -1 or t.text in ",;:":
                break
            if agentive(t) and t.dep_ not in ("pobj", "dobj") and not self.own_patient(tok, t):
                return name_head(t)
        return None

    def frame_source(self, cue: Token, first: int, last: int) -> Token | None:
        """The speaker named next to a quote's cue when the parse missed it: "“...,” Mr. Conant, the
        consultant, said" (the words between quote and cue) or "“...,” said Skelly" (the words after)."""
        doc = self.doc
        sent = cue.sent
        inside = first < cue.i < last
        if cue.i > last:
            between = range(last + 1, cue.i)
        elif cue.i < first:
            between = range(sent.start, cue.i)
        elif inside and self.in_quote[cue.i] == -1:
            # an interrupted quote, “...,” Mr. Bell said, “...”: the unquoted words before the cue
            j = cue.i
            while j - 1 > first and self.in_quote[j - 1] == -1:
                j -= 1
            between = range(j, cue.i)
        else:
            return None
        for i in between:
            t = doc[i]
            if self.in_quote[i] == -1 and (agentive(t) or t.pos_ in ("PROPN", "NOUN")) and t.dep_ != "pobj":
                # the head of the first noun phrase
                j = i
                while (
                    j + 1 < cue.i
                    and doc[j + 1].dep_ in ("compound", "flat")
                    or (j + 1 < cue.i and doc[j].dep_ == "compound")
                ):
                    j += 1
                return doc[j]
        if cue.i > last or inside:
            # “...,” said Marcus Bell, whose mother ...: the name right after the cue
            for i in range(cue.i + 1, min(cue.i + 8, sent.end)):
                t = doc[i]
                if self.in_quote[i] != -1 or t.text in ",;:.":
                    break
                if agentive(t) or t.pos_ in ("PROPN", "NOUN") or looks_like_name(t):
                    j = i
                    while j + 1 < sent.end and (doc[j].dep_ == "compound" or doc[j + 1].dep_ in ("flat",)):
                        j += 1
                    return doc[j]
        return None

    def fallback_source(self, tok: Token, a: int, b: int) -> Token | None:
        """When the parse gives a cue no subject, the subject nearest before it in its sentence (most
        attributions have a source, and it is usually the closest preceding subject)."""
        doc = self.doc
        sent = tok.sent
        for i in range(tok.i - 1, sent.start - 1, -1):
            t = doc[i]
            if t.is_space and "\n" in t.text:
                break
            if a <= i <= b or self.in_quote[i] != -1:
                continue
            if (
                t.dep_ in ("nsubj", "nsubjpass")
                and t.pos_ in ("NOUN", "PROPN", "PRON")
                and t.lower_ != "it"
                and not self.own_patient(tok, t)
            ):
                return t
        return None

    def nearest_compatible(self, tok: Token, a: int, b: int) -> Token | None:
        """A last resort for a cue whose speaker the parse does not show: the subject of its sentence's
        main clause, else the nearest name, pronoun or role noun before the cue in its sentence
        ("Criticizing police tactics, she ..."), outside the content and any quote."""
        doc = self.doc
        root = self.root_subject(tok)
        if root is not None and not a <= root.i <= b and root.lower_ not in ("it", "this", "that"):
            return root
        sent = tok.sent
        for i in range(tok.i - 1, sent.start - 1, -1):
            t = doc[i]
            if a <= i <= b or self.in_quote[i] != -1:
                continue
            if agentive(t) and t.lower_ not in RELATIVE and not self.own_patient(tok, t):
                return name_head(t)
        return None

    def root_subject(self, tok: Token) -> Token | None:
        """The subject of the sentence's main verb, for a cue the parse left without one."""
        root = tok.sent.root
        if root.i == tok.i:
            return None
        for child in root.children:
            if child.dep_ in ("nsubj", "nsubjpass") and self.in_quote[child.i] == -1 and child.pos_ != "DET":
                return child
        return None

    def colon_intro(self, frame: list[int], first: int) -> tuple[Token, Token] | None:
        """A quote right after a colon takes the subject of the clause before it ("Kasich resisted: ...")."""
        doc = self.doc
        before = [i for i in frame if i < first]
        if not before or doc[before[-1]].text != ":":
            return None
        verb = doc[before[-1]].head
        while verb.dep_ not in ("ROOT",) and verb.pos_ not in ("VERB", "AUX") and verb.head is not verb:
            verb = verb.head
        subject = self.subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
        if subject is None or self.in_quote[subject.i] != -1:
            return None
        return verb, subject

    def named_colon(self, first: int) -> tuple[Token, Token] | None:
        """A quote after a name and a colon ("... - HuffPollster: “While the Iowa caucuses ...”")."""
        doc = self.doc
        j = first - 1
        while j >= 0 and doc[j].is_space and "\n" not in doc[j].text:
            j -= 1
        if j < 1 or doc[j].text != ":":
            return None
        name = doc[j - 1]
        if name.ent_type_ in ("PERSON", "ORG") or (name.pos_ == "PROPN" and name.text[:1].isupper()):
            return doc[j], name
        if j == 1 and name.is_title:
            return doc[j], name  # "Trump: ‘...’" opening the article: a surname tagged as a noun
        return None

    def introduced_by_previous(self, first: int) -> tuple[Token, Token] | None:
        """For a quote that opens a paragraph: a speech cue with a subject ending the paragraph
        before it ("... Ramírez, 52, described the moment the tunnel collapsed.")."""
        doc = self.doc
        if first == 0 or not (doc[first - 1].is_space and "\n" in doc[first - 1].text):
            return None
        sent = doc[first - 1].sent if not doc[first - 1].is_space else doc[max(0, first - 2)].sent
        if self.para_of(sent.start_char) != self.para_of(doc[first].idx) - 1:
            return None
        if any(self.in_quote[i] != -1 for i in range(sent.start, sent.end)):
            return None
        root = sent.root
        if root.pos_ != "VERB" or root.lemma_.lower() not in self.cues.speech:
            return None
        subject = self.subject_of(root)
        return None if subject is None else (root, subject)
