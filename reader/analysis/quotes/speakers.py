"""Speakers: who a cue's words belong to, read off the parse.

The subject of the cue verb, the agent of a passive, the reporter of a clause that carries a
quote, the owner of a claim ("his claim that ..."), and the fallbacks for a parse that did not
attach one (the name next to the cue, the sentence's main subject). Turning a speaker token into
an actor is `resolve`'s job.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis import lexicon
from reader.analysis.quotes.base import (
    CONTRACTED_AUX,
    ORG_NOUNS,
    PERSON_NOUNS,
    PRONOUNS_SUBJECT,
    RELATIVE,
    Context,
    Found,
    agentive,
    name_head,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

OBJECT_CONTROL = lexicon.words("verbs", "object_control")
QUANTITY_WORDS = lexicon.words("people", "quantity_words")
QUESTION_VERBS = lexicon.words("verbs", "question_verbs")
PARTICIPLE_ONLY = lexicon.words("verbs", "participle_only")
PUBLISHING = lexicon.words("verbs", "publishing")
EXPLETIVE_HOSTS = lexicon.words("verbs", "expletive_hosts")
TIMES = {"DATE", "TIME", "CARDINAL", "ORDINAL"}
CLOSING_MARKS = {"”", '"', "''", "’", "'"}
#: Common nouns that can head a speaker: people, organisations, groups, documents, polls, shares.
SPEAKER_NOUNS = (
    lexicon.derived("speaker_nouns", "speaker_nouns")
    | PERSON_NOUNS
    | ORG_NOUNS
    | lexicon.words("people", "evidence_nouns")
    | QUANTITY_WORDS
)


class SpeakerRules(Context):
    """Speaker-finding rules shared by the direct and reported passes."""

    def subject_of(self, tok: Token, depth: int = 0) -> Token | None:
        """The speaker of cue `tok`: its subject, the agent of a passive, or its host verb's subject."""
        if self.asked_passive(tok):
            # "Warren was asked whether ...", "Asked about the tariffs, ...": the question is the
            # asker's turn, and the asker is the agent or nobody named; never the one asked
            return self.agent_of(tok)
        if self.reduced_passive(tok):
            # "(Fiction written for this project's samples.)": a passive the tagger read as a past
            # tense; its subject is what was written, its author the agent or nobody named
            return self.agent_of(tok)
        # with two subjects ("Q: The association said ..."), the one nearest the verb
        for child in sorted(tok.children, key=lambda c: abs(c.i - tok.i)):
            if child.dep_ in ("nsubj", "nsubjpass", "csubj"):
                if child.dep_ == "nsubjpass":
                    agent = self.agent_of(tok)
                    if agent is not None:
                        return agent
                    # "the strike was described as ...": the subject is the topic, not the source
                    if (
                        tok.lemma_ not in ("quote", "report", "describe", "cite")
                        and tok.pos_ == "VERB"
                        and tok.tag_ == "VBN"
                        and tok.lemma_ not in self.cues.speech
                    ):
                        return None
                if child.lower_ in CONTRACTED_AUX and child.i > 0 and child.nbor(-1).pos_ == "PRON":
                    # "he’s said", "who’ve already said": the parse takes the contracted verb for
                    # the subject; the pronoun it is written onto is
                    return child.nbor(-1)
                if child.lower_ in ("that", "which") and tok.dep_ == "relcl" and depth < 3:
                    head = tok.head
                    if (
                        not agentive(head)
                        and head.pos_ == "NOUN"
                        and head.dep_ == "dobj"
                        and head.head.pos_ == "VERB"
                        and head.head.lemma_.lower() in PUBLISHING
                    ):
                        # "Trump released a marketing video that said ...": who released it
                        found = self.subject_of(head.head, depth + 1)
                        if found is not None and agentive(found):
                            return found
                return child
        agent = self.agent_of(tok)
        if agent is not None:
            return agent
        if (
            depth < 3
            and tok.dep_ in ("conj", "xcomp", "advcl", "pcomp", "ccomp", "acomp")
            and tok.head is not tok
        ):
            if tok.dep_ == "ccomp" and tok.head.i > tok.i:
                return None
            host = tok.head
            if host.dep_ == "ROOT" and host.pos_ in ("NOUN", "PROPN") and host.text[:1].isupper():
                # "Trump defended eminent domain, calling ...": the parse made the name the root
                return host
            if tok.tag_ == "VBG" and tok.dep_ in ("advcl", "conj"):
                found = self.participle_subject(tok, depth)
                if found is not None:
                    return found
            if (
                (
                    tok.dep_ == "advcl"
                    and tok.tag_ == "VBG"
                    or tok.dep_ == "conj"
                    and tok.tag_ in ("VBD", "VBZ")
                )
                and host.dep_ == "ccomp"
                and host.head.pos_ == "VERB"
                and host.head.lemma_.lower() in self.cues.speech
            ):
                # "Perdue said he didn't believe ..., arguing that ...": the participle goes with the
                # speaker of the reported clause it hangs on, not with that clause's own subject
                return self.subject_of(host.head, depth + 1)
            if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in OBJECT_CONTROL:
                # object control: "urged Congress to act", "led Republicans to say"
                for child in tok.head.children:
                    if child.dep_ == "dobj" and child.i < tok.i:
                        return child
            return self.subject_of(tok.head, depth + 1)
        if depth < 3 and tok.dep_ == "prep" or (tok.dep_ == "pcomp" and tok.head.dep_ == "prep"):
            return self.subject_of(tok.head, depth + 1)
        if tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
            if tok.dep_ == "acl" and tok.head.lemma_ in self.cues.noun:
                return self.noun_source(tok.head)
            if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.lemma_.lower() in self.cues.speech:
                # "(Fiction written for this project's samples)", "a letter signed by ...": the noun is
                # what was said or written; its author is the agent, found above, or nobody named
                return None
            if tok.dep_ == "acl" and tok.tag_ in ("VBG", "VBN"):
                head = tok.head
                if self.in_quote[head.i] != -1 and self.in_quote[tok.i] == -1:
                    # "“Too much hate,” she said, blaming ...": the parse hung the participle on the
                    # quoted words; it goes with the verb that reports them
                    cue = next(
                        (
                            t
                            for t in self.doc[head.i + 1 : tok.i]
                            if t.pos_ == "VERB"
                            and self.in_quote[t.i] == -1
                            and t.lemma_.lower() in self.cues.speech
                        ),
                        None,
                    )
                    if cue is not None and depth < 3:
                        return self.subject_of(cue, depth + 1)
                if (
                    not agentive(head)
                    and head.dep_ in ("dobj", "pobj")
                    and head.head.pos_ in ("VERB", "AUX")
                    and depth < 3
                ):
                    # "POLITICO published a story detailing ...": who published it
                    found = self.subject_of(head.head, depth + 1)
                    if found is not None:
                        return found
                if not agentive(head) and head.pos_ != "PROPN" and depth < 3:
                    # "the spectacle denouncing ...", "a speech attacking ...": the clause's subject
                    verb = head.head
                    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                        verb = verb.head
                    found = self.subject_of(verb, depth + 1) if verb.pos_ in ("VERB", "AUX") else None
                    if found is not None and found.i != head.i and agentive(found):
                        return found
                return head  # "Republicans, saying ...", "a group backing ..."
        return self.inverted_subject(tok) or self.quantity_subject(tok)

    def participle_subject(self, tok: Token, depth: int) -> Token | None:
        """The speaker of a participle without a subject ("..., telling reporters ...") when the
        parse's host clause does not give it: the main clause's subject, or who a thing acts on."""
        matrix = self.participle_host(tok)
        verb = matrix or tok.head
        found = self.subject_of(verb, depth + 1)
        if found is not None and not speaker_like(found):
            # "It took him a day ..., delivering ...", "The floods have left 40 percent of farmers
            # saying ...": a thing or "it" does not speak; who the verb acts on does
            found = self.object_speaker(verb) or (found if matrix is not None else None)
        return found if matrix is not None or found is not None and speaker_like(found) else None

    def participle_host(self, tok: Token) -> Token | None:
        """The clause a participle without a subject belongs to when the parse hung it on a clause
        inside that one: "She was adamant that she ... keep the upper hand, telling Keyworth ...",
        "he hedged on whether he would support her, telling MSNBC ...", "acknowledging that Mr.
        Trump had tapped into a vein but warning that ...". None when the parse's host stands."""
        host = tok.head
        if tok.dep_ == "conj":
            if host.tag_ == "VBG":
                return None  # "acknowledging ... and warning ...": the host participle's own
            # a participle joined to a finite verb: the parse's mistake; it goes on the participle
            # (or the clause) that verb hangs on
            verb = next((a for a in host.ancestors if a.tag_ == "VBG" and a.dep_ in ("advcl", "ROOT")), None)
            return verb
        verb = host
        while verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head
        climbed = False
        while verb.dep_ in ("ccomp", "pcomp", "prep") and verb.head.i != verb.i and verb.head.i < tok.i:
            if verb.lemma_.lower() in self.cues.speech and any(
                c.dep_ == "nsubj" and agentive(c) for c in verb.children
            ):
                break  # "..., Lewandowski added, saying": the speech verb's own speaker
            verb = verb.head
            climbed = True
        return verb if climbed and verb.pos_ in ("VERB", "AUX") else None

    @staticmethod
    def object_speaker(verb: Token) -> Token | None:
        """The object of `verb` when it is someone who can speak ("left many Republicans wondering",
        "left 62 percent of voters saying"), else None."""
        for child in verb.children:
            if child.dep_ != "dobj":
                continue
            if (agentive(child) or speaking_noun(child)) and child.lower_ not in ("it", "its"):
                return child
            for prep in child.children:
                people = (c for c in prep.children if c.dep_ == "pobj" and (agentive(c) or speaking_noun(c)))
                if prep.dep_ == "prep" and prep.lower_ == "of" and any(people):
                    return child
        return None

    def inverted_subject(self, tok: Token) -> Token | None:
        """ "..., said Skelly, explaining ...": a speech verb's subject after it, which the parse left
        unattached (or took for an adverb)."""
        if tok.lemma_.lower() not in self.cues.speech or tok.i + 1 >= len(self.doc) or tok.i == 0:
            return None
        prev = self.doc[tok.i - 1].text
        prev2 = self.doc[tok.i - 2].text if tok.i >= 2 else ""
        if prev not in CLOSING_MARKS and not (prev == "," and prev2 in CLOSING_MARKS):
            return None  # only the inverted order right after a quote: "...,” said Skelly
        after = self.doc[tok.i + 1]
        if (
            self.in_quote[after.i] != -1
            or after.dep_ in ("dobj", "dative", "npadvmod")
            or after.ent_type_ in TIMES
            or after.dep_ in ("nsubj", "nsubjpass")
            and after.head.i != tok.i  # "says she warned"
        ):
            return None
        return name_head(after) if agentive(after) or looks_like_name(after) else None

    @staticmethod
    def reduced_passive(tok: Token) -> bool:
        """A past participle without an auxiliary, which the parse gives a subject ("Fiction written
        for ..."): a reduced passive, whatever the tag says."""
        return (
            tok.tag_ in ("VBD", "VBN")
            and tok.lower_ in PARTICIPLE_ONLY
            and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)
        )

    def own_patient(self, tok: Token, t: Token) -> bool:
        """Whether `t` is the subject of reduced passive `tok`: what was said, never who said it."""
        return t.head.i == tok.i and t.dep_ in ("nsubj", "nsubjpass") and self.reduced_passive(tok)

    def asked_passive(self, tok: Token) -> bool:
        """A questioning verb in the passive ("was asked") or as a bare participle ("Asked about X,")."""
        if tok.lemma_.lower() not in QUESTION_VERBS or tok.tag_ not in ("VBN", "VBD"):
            return False
        deps = {child.dep_ for child in tok.children}
        if tok.tag_ == "VBN" and ("nsubjpass" in deps or "auxpass" in deps):
            return True
        if tok.tag_ == "VBD" and not (tok.dep_ == "advcl" and tok.head.i > tok.i and self.opens_clause(tok)):
            # "Warren asked whether ..." is Warren's question; only a participle opening a clause
            # before the main one, which the parse mistook for a past tense ("Asked whether he was
            # angry, Ramírez ..."), is not
            return False
        return not deps & {"nsubj", "aux", "csubj"} and tok.dep_ in ("advcl", "ROOT", "acl")

    def opens_clause(self, tok: Token) -> bool:
        """Whether `tok` is the first word of its sentence or comes right after a comma or dash."""
        if tok.i == tok.sent.start:
            return True
        before = self.doc[tok.i - 1]
        return before.is_space or before.text in (",", ";", "—", "–", "-", "--", "(")

    def quantity_subject(self, tok: Token) -> Token | None:
        """A poll share the parse leaves without a subject ("About 4 in 10 say ...", "Less than a
        third agreed ..."): the words before the verb, when they are all a quantity."""
        sent = tok.sent
        words = [t for t in self.doc[sent.start : tok.i] if not t.is_space]
        if not words or tok.dep_ != "ROOT" or tok.pos_ != "VERB":
            return None
        quantity = any(t.like_num or t.lower_ in QUANTITY_WORDS for t in words)
        if quantity and all(t.pos_ in ("NUM", "ADV", "ADP", "DET", "ADJ", "NOUN") for t in words):
            return words[-1]
        return None

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

    def named_owner(self, noun: Token, owner: Token) -> Token:
        """ "De Blasio repeated his claim that ...": a possessive pronoun on the object of a verb is
        the verb's named subject, and the name says more than "his"."""
        if owner.lower_ not in ("his", "her", "their", "its") or noun.dep_ not in ("dobj", "attr"):
            return owner
        for child in noun.head.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i < owner.i and child.pos_ in ("PROPN", "NOUN"):
                return child
        return owner

    def noun_source(self, noun: Token) -> Token | None:
        """Who made a claim: its possessor, "by X"/"from X", or the subject of "X made a claim"."""
        for child in noun.children:
            if child.dep_ == "poss":
                return child
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
                for p in child.children:
                    if p.dep_ == "pobj" and child.lower_ in ("by", "from") and p.pos_ in ("NOUN", "PROPN"):
                        return p  # "warnings from his attorney", "a speech by Mrs. Clinton"
                    if p.dep_ == "pobj" and (
                        p.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or p.pos_ == "PRON"
                    ):
                        return p
        if noun.dep_ in ("dobj", "pobj", "attr") and noun.head is not noun:
            head = noun.head if noun.dep_ != "pobj" else noun.head.head
            if head.pos_ in ("VERB", "AUX"):
                return self.subject_of(head, 1)
        return None

    def reporter_of(self, cue: Token) -> Token | None:
        """Who reports a quote's cue clause, "Benjamin said he believes “...”": the quoted words are
        the reporter's own, so the reporter (not the pronoun of the reported clause) is the speaker."""
        host = cue.head
        if cue.dep_ != "ccomp" or host.i > cue.i or host.pos_ != "VERB":
            return None
        if host.lemma_.lower() not in self.cues.speech:
            return None
        outer = self.subject_of(host, 1)
        if outer is None or self.in_quote[outer.i] != -1 or outer.lower_ in PRONOUNS_SUBJECT:
            return None
        return outer if agentive(outer) or outer.pos_ == "PROPN" else None

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
        if f.cue is None or f.speaker_span is not None:
            return
        self.repair_fronted(f)
        if f.speaker_tok is None:
            return
        doc = self.doc
        tok = doc[f.speaker_tok]
        para_start = self.para_starts[self.para_of(tok.idx)]
        dateline = (
            tok.is_upper
            and len(tok) > 2
            and self.text[para_start : tok.idx].strip() == ""
            and any(t.text in ("—", "-", "–", "―", "--") for t in doc[tok.i + 1 : tok.i + 10])
        )
        if tok.lower_ == "it" and self.repair_expletive(f, tok):
            return
        if tok.ent_type_ not in ("DATE", "TIME") and not dateline:
            self.repair_non_actor(f, tok)
            return
        cue = self.tok_at(f.cue[0])
        sent = doc[cue].sent
        best: Token | None = None
        for t in sent:
            if t.i == tok.i or f.start <= t.idx < f.end or self.in_quote[t.i] != -1:
                continue
            name_end = t.ent_type_ in ("PERSON", "ORG") and (
                t.i + 1 >= len(doc) or doc[t.i + 1].ent_iob_ != "I"
            )
            if name_end and (best is None or abs(t.i - cue) < abs(best.i - cue)):
                best = t
        if best is not None:
            f.speaker_tok = best.i

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

    def repair_fronted(self, f: Found) -> None:
        """ "In a statement to the Observer, her adviser, Jake Sullivan, said: ...", "Of Carson, Levine,
        who ..., said": the parse hangs the subject on the opening phrase and leaves the cue without
        one, or takes a word of that phrase for it. The speaker is the first actor after the phrase."""
        assert f.cue is not None
        cue = self.doc[self.tok_at(f.cue[0])]
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
        if tok.head.i == cue.i or f.rule == "source_phrase":
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


def actor_like(tok: Token) -> bool:
    """Whether a token can head a speaker: a name, a pronoun, or a noun that can speak."""
    if agentive(tok) or tok.ent_type_ or tok.pos_ in ("PROPN", "PRON", "NUM") or tok.text[:1].isupper():
        return True
    if tok.pos_ == "NOUN":
        return tok.lemma_.lower() in SPEAKER_NOUNS or tok.lower_ in SPEAKER_NOUNS
    return tok.pos_ != "ADJ"


def speaker_like(tok: Token) -> bool:
    """Whether a subject can be a speaker: an actor or an organisation's "it", never "what", "this",
    the "it" of "It took him a day" or "It was there that", or a noun that cannot speak."""
    if tok.lower_ == "it":
        return tok.head.lemma_.lower() not in ("be", "take")
    return tok.lower_ not in ("what", "this") and actor_like(tok)


def speaking_noun(tok: Token) -> bool:
    """A common noun that can head a speaker ("voters", "the campaign", "the report")."""
    return tok.pos_ == "NOUN" and (tok.lemma_.lower() in SPEAKER_NOUNS or tok.lower_ in SPEAKER_NOUNS)


def looks_like_name(tok: Token) -> bool:
    """A capitalised word inside a sentence that the tagger took for something else ("said Skelly"
    with Skelly an adverb): a name more often than not."""
    return (
        tok.text[:1].isupper()
        and tok.is_alpha
        and tok.i != tok.sent.start
        and not tok.is_stop
        and tok.pos_ in ("PROPN", "NOUN", "ADV", "ADJ", "X", "VERB")
    )
