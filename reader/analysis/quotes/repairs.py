"""Speaker repairs: the floor hand-over and the fixes to a speaker once the quotes are merged.

A quote that goes on without a cue is whoever last took the floor; a date, a dateline, an
expletive "it", a fronted phrase or a word that cannot speak, which the parse took for the
subject, gives way to the actor the sentence names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis import lexicon
from reader.analysis.quotes.base import RELATIVE, Found, agentive, name_head
from reader.analysis.quotes.speakers import (
    MESSAGE_CARRIERS,
    SAME_PERSON,
    SpeakerRules,
    actor_like,
    speaker_like,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

EXPLETIVE_HOSTS = lexicon.words("verbs", "expletive_hosts")
MESSAGE_RUNS = lexicon.words("people", "message_runs")
DEPICTIONS = lexicon.words("people", "depictions")


class SpeakerRepairs(SpeakerRules):
    """Repairs to the speakers of the merged quotes."""

    def hand_over(self, found: list[Found]) -> None:
        """A quote that goes on without a cue is whoever last took the floor: in "“...,” Clarke said.
        His partner, Lawrence Cummings, called him a master at deals. “He showed ...”" the second
        quote is Cummings's, not Clarke's. The floor passes to the last attribution with a named
        or pronoun speaker in a sentence after the previous quote's, in the quote's paragraph or the
        one before."""
        directs = sorted((f for f in found if f.kind == "direct"), key=lambda f: f.start)
        reported = [g for g in found if g.kind != "direct" and g.speaker_tok is not None and g.cue]
        for k, f in enumerate(directs):
            if f.rule != "continuation" or k == 0:
                continue
            floor = self.doc[self.tok_at(directs[k - 1].end - 1)].sent.end_char
            after = [g for g in reported if floor <= g.start and g.end <= f.start + 1]
            if not after:
                continue
            g = max(after, key=lambda g: g.end)
            assert g.speaker_tok is not None
            tok = self.doc[g.speaker_tok]
            if self.para_of(f.start) - self.para_of(g.end) > 1 or not (agentive(tok) or tok.pos_ == "PROPN"):
                continue
            f.speaker_tok, f.speaker_span, f.cue = g.speaker_tok, None, g.cue

    def repair_speaker(self, f: Found) -> None:
        """A date ("Warren said Saturday") or a dateline ("CLEVELAND - Mukasey told ...") the parse
        took for the subject is never the speaker: the name nearest the cue in its sentence is."""
        cue = self.cue_token(f)
        if cue is None or f.speaker_span is not None:
            return
        self.repair_carrier(f, cue)
        self.repair_object_gerund(f, cue)
        self.repair_split_possessive(f, cue)
        self.repair_source_author(f)
        self.repair_owned_gerund(f, cue)
        self.repair_depicted(f, cue)
        self.repair_addressee(f, cue)
        self.repair_fronted(f, cue)
        if f.speaker_tok is None:
            return
        doc = self.doc
        tok = doc[f.speaker_tok]
        dateline = any(s <= tok.idx < e for s, e in self.datelines)
        if tok.lower_ == "it" and self.repair_expletive(f, tok):
            return
        if tok.ent_type_ not in ("DATE", "TIME") and not dateline:
            self.repair_non_actor(f, tok)
            return
        best: Token | None = None
        for t in cue.sent:
            if t.i == tok.i or f.start <= t.idx < f.end or self.in_quote[t.i] != -1:
                continue
            name_end = t.ent_type_ in ("PERSON", "ORG") and (
                t.i + 1 >= len(doc) or doc[t.i + 1].ent_iob_ != "I"
            )
            if name_end and (best is None or abs(t.i - cue.i) < abs(best.i - cue.i)):
                best = t
        if best is not None:
            f.speaker_tok = best.i

    def repair_carrier(self, f: Found, cue: Token) -> None:
        """A participle written straight after a noun that carries words is a clause on that noun
        (see `carrier_of`): "like others defending the law ...", "phone calls opposing ...", "in the
        wake of a poll showing ..." are the noun's words. A document the sentence's speaker holds or
        put out ("Lopez held up a sign saying ...", "In a statement defending him, the campaign
        said ...") is read as that speaker's words: the speaker stays, and the document is the
        mention the words are read from (`Found.carrier`). One with an owner is its owner's."""
        carrier = self.carrier_of(cue)
        if carrier is None or f.speaker_tok == carrier.i:
            return
        owner = next((c for c in carrier.children if c.dep_ == "poss"), None)
        speaker = None if f.speaker_tok is None else self.doc[f.speaker_tok]
        if owner is not None and speaker is not None and SAME_PERSON.get(owner.lower_) == speaker.lower_:
            return  # "he spent his speech praising ...": he, as the clause has it
        sent = speaker is not None and speaker_like(speaker) and self.sent_by(carrier, speaker)
        if sent and (owner is None or owner.pos_ == "PRON"):
            f.carrier = carrier.i  # "In her statement condemning ..., Harlow said": Harlow's
        elif owner is not None:
            f.speaker_tok = name_head(owner).i  # "defending his tweets shaming ...": his
        else:
            f.speaker_tok = carrier.i

    def repair_object_gerund(self, f: Found, cue: Token) -> None:
        """ "The panel held Pagliano in contempt for refusing ...", "Trump prevented his wife from
        writing ...", "gave Carson two Pinocchios for dismissing ...", "Smith was criticised for
        saying ...": a gerund after "for" or "from" tells what the one the verb acts on did, not
        what its subject did."""
        prep = cue.head
        if cue.tag_ != "VBG" or cue.dep_ != "pcomp" or prep.lower_ not in ("for", "from"):
            return
        verb = prep.head
        if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
            return
        for child in verb.children:
            if child.i > prep.i or self.in_quote[child.i] != -1:
                continue
            acted_on = child.dep_ in ("dobj", "dative") and (agentive(child) or child.pos_ == "PROPN")
            if acted_on or child.dep_ == "nsubjpass" and speaker_like(child):
                f.speaker_tok = name_head(child).i
                return

    def repair_split_possessive(self, f: Found, noun: Token) -> None:
        """ "contradicting Tulsa police’s earlier claim that ...": a possessive "’s" the parse did not
        hang on the cue noun as its owner (it took the "’s" for a verb, or the owner for a subject)
        leaves the noun without one; the noun before the "’s" is whose claim it is."""
        if f.rule != "noun_frame":
            return
        if noun.pos_ != "NOUN" or any(c.dep_ == "poss" for c in noun.children):
            return
        for i in range(max(noun.left_edge.i - 1, noun.sent.start + 1), noun.i):
            mark, owner = self.doc[i], self.doc[i - 1]
            if mark.lower_ in ("'s", "’s") and owner.pos_ in ("NOUN", "PROPN") and owner.dep_ != "poss":
                f.speaker_tok = name_head(owner).i
                return

    def repair_source_author(self, f: Found) -> None:
        """ "according to a speech Mrs. Clinton delivered at NYU", "according to a memo the agency
        wrote": the words are read in the speech, and they are the one's who gave it."""
        if f.rule != "source_phrase" or f.speaker_tok is None:
            return
        source = self.doc[f.speaker_tok]
        for clause in source.children:
            if clause.dep_ != "relcl" or clause.i < source.i:
                continue
            author = next((c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i), None)
            if (
                author is not None
                and (agentive(author) or author.pos_ == "PROPN")
                and author.lower_ not in RELATIVE
            ):
                f.carrier, f.speaker_tok = source.i, name_head(author).i
                return

    def repair_owned_gerund(self, f: Found, cue: Token) -> None:
        """ "his campaign theme of questioning trade deals", "Clinton's habit of saying ...": a gerund
        after "of" on a noun someone owns is what the owner does."""
        prep = cue.head
        if cue.tag_ != "VBG" or cue.dep_ != "pcomp" or prep.lower_ != "of" or prep.head.pos_ != "NOUN":
            return
        owner = next((c for c in prep.head.children if c.dep_ == "poss"), None)
        if owner is not None and (agentive(owner) or owner.pos_ in ("PROPN", "PRON")):
            f.speaker_tok = name_head(owner).i

    def repair_depicted(self, f: Found, cue: Token) -> None:
        """ "The ad uses footage of Hillary Clinton asking, “...”": a participle right after the person a
        recording shows is what that person says, whatever the parse hung it on."""
        if cue.tag_ != "VBG" or cue.i == 0:
            return
        person = self.doc[cue.i - 1]
        if person.ent_type_ != "PERSON" or person.dep_ != "pobj" or person.head.lower_ != "of":
            return
        if person.head.head.lemma_.lower() in DEPICTIONS:
            f.speaker_tok = person.i

    def repair_addressee(self, f: Found, cue: Token) -> None:
        """ "They sent a letter to Senate leaders opposing ...", "wrote a letter to Zucker asking
        ...": a participle the parse hung on whom a message went to is what the message says, so
        its sender's words, not the addressee's."""
        addressee = cue.head
        if cue.tag_ != "VBG" or cue.dep_ != "acl" or addressee.dep_ != "pobj" or addressee.i > cue.i:
            return
        to = addressee.head
        if to.lower_ != "to" or any(t.is_punct for t in self.doc[addressee.i + 1 : cue.i]):
            return
        message = to.head
        if message.pos_ in ("VERB", "AUX"):
            message = next((c for c in message.children if c.dep_ == "dobj" and c.i < to.i), message)
        verb = message.head if message.dep_ == "dobj" else None
        if verb is None or message.lemma_.lower() not in MESSAGE_CARRIERS:
            return
        sender = self.subject_of(verb)
        if sender is not None and speaker_like(sender):
            f.speaker_tok = name_head(sender).i

    def sent_by(self, document: Token, speaker: Token) -> bool:
        """Whether `speaker` is who put out or holds `document`: the subject of the verb the document
        is the object of ("his campaign sent out an email ...", "Holding signs ..., the protesters")
        or that a phrase holding it hangs on ("In a statement ..., the campaign said"); not a poll
        someone speaks "in the wake of", nor calls money was "spent on"."""
        verb = document.head
        while document.dep_ == "pobj" and verb.lower_ == "of" and verb.head.lemma_.lower() in MESSAGE_RUNS:
            document = verb.head  # "unleashed a series of tweets criticizing ...": the series
            verb = document.head
        if document.dep_ == "pobj" and verb.lower_ in ("in", "with", "through", "via"):
            verb = verb.head
        elif document.dep_ != "dobj":
            return False
        if verb.pos_ not in ("VERB", "AUX"):
            return False
        sender = self.subject_of(verb)
        return sender is not None and sender.i == speaker.i

    def repair_expletive(self, f: Found, tok: Token) -> bool:
        """The "it" of "It was at the conference that Swanson spoke, pointing to ...", "It dawned on
        Murphy that ..." or "It falls to the Parliament to ..." is nobody: the actor the clause is
        about speaks (the nearest before the cue, outside the content). Whether it was repaired."""
        assert f.cue is not None
        if tok.head.lemma_.lower() not in EXPLETIVE_HOSTS:
            return False
        cue = self.tok_at(f.cue[0])
        for i in range(cue - 1, tok.i, -1):
            t = self.doc[i]
            if f.start <= t.idx < f.end or self.in_quote[i] != -1 or t.lower_ in RELATIVE:
                continue
            if agentive(t) and t.dep_ in ("nsubj", "nsubjpass", "pobj", "dative"):
                f.speaker_tok = name_head(t).i
                return True
        return False

    def repair_fronted(self, f: Found, cue: Token) -> None:
        """ "In a statement to the Observer, her adviser, Jake Sullivan, said: ...", "Of Carson, Levine,
        who ..., said": the parse hangs the subject on the opening phrase and leaves the cue without
        one, or takes a word of that phrase for it. The speaker is the first actor after the phrase."""
        if cue.pos_ != "VERB" or self.asked_passive(cue):
            return
        if f.speaker_tok is not None:
            tok = self.doc[f.speaker_tok]
            if tok.pos_ != "ADP" and (tok.i > cue.i or agentive(tok) and tok.dep_ != "pobj"):
                return
        found = self.fronted_subject(cue, f)
        if found is not None:
            f.speaker_tok = found.i

    def fronted_subject(self, cue: Token, f: Found) -> Token | None:
        """The first actor between an opening phrase ("In a statement to the Observer,") and cue."""
        doc = self.doc
        sent = cue.sent
        start = sent.start
        while start < cue.i and (doc[start].is_space or doc[start].dep_ == "cc" or doc[start].is_punct):
            start += 1
        if doc[start].pos_ not in ("ADP", "SCONJ"):
            return None
        comma = next((i for i in range(start, cue.i) if doc[i].text == ","), None)
        if comma is None:
            return None
        if f.speaker_tok is not None and not start <= f.speaker_tok < comma:
            return None
        for i in range(comma + 1, cue.i):
            t = doc[i]
            if self.in_quote[i] != -1 or f.start <= t.idx < f.end:
                return None
            if agentive(t) and t.lower_ not in RELATIVE:
                while t.dep_ in ("compound", "amod") and t.head.i > t.i and t.head.i < cue.i:
                    t = t.head
                return name_head(t)
        return None

    def repair_non_actor(self, f: Found, tok: Token) -> None:
        """A speaker is actor-like: a person, organisation, group, or a description headed by a noun
        that can speak. An adjective ("Congressional") gives way to the noun it modifies; an abstract
        noun ("Trump's most famously false contention", "the proportion of voters") to the actor it
        names; with neither, there is no speaker."""
        if tok.pos_ == "ADJ":
            # "Congressional leaders", "Iranian officials": the nationality or body is an adjective
            head = tok.head
            if tok.dep_ == "amod" and head.pos_ in ("NOUN", "PROPN") and actor_like(head):
                f.speaker_tok = head.i
            if not tok.ent_type_:
                return
        if tok.pos_ != "NOUN" or tok.tag_ != "NN" or actor_like(tok):
            return  # a plural ("shareholders", "residents") is people more often than not
        for child in tok.children:
            if child.dep_ == "poss" and (agentive(child) or child.pos_ == "PROPN"):
                f.speaker_tok = name_head(child).i
                return
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for obj in child.children:
                    if obj.dep_ == "pobj" and actor_like(obj) and obj.pos_ != "PRON":
                        f.speaker_tok = name_head(obj).i
                        return
        self.repair_from_above(f, tok)

    def repair_from_above(self, f: Found, tok: Token) -> None:
        """An abstract noun the parse made the speaker of a participle or a second verb ("Bennett
        denied the notion that a shakeup is coming, explaining ...", "officials were angered by the
        deal and predicted ..."): the nearest clause above the cue with an actor for its subject."""
        assert f.cue is not None
        cue = self.doc[self.tok_at(f.cue[0])]
        if tok.head.i == cue.i or f.rule in ("source_phrase", "according_to", "evidence_in"):
            return  # the cue's own subject ("simple math shows ..."), "according to a database"
        for verb in cue.ancestors:
            for child in verb.children:
                if (
                    child.dep_ in ("nsubj", "nsubjpass")
                    and child.i != tok.i
                    and agentive(child)
                    and child.lower_ not in RELATIVE
                    and self.in_quote[child.i] == -1
                    and not f.start <= child.idx < f.end
                ):
                    f.speaker_tok = name_head(child).i
                    return
