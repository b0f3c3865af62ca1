"""Speakers: who a cue's words belong to, read off the parse.

The subject of the cue verb, the agent of a passive, the reporter of a clause that carries a
quote, the owner of a claim ("his claim that ..."). The fallbacks for a parse that did not
attach one (the name next to the cue, the sentence's main subject) are `fallbacks`'s, the floor
hand-over and the repairs once the quotes are merged `repairs`'s. Turning a speaker token into
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
    Context,
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
MESSAGE_CARRIERS = lexicon.words("people", "message_carriers")
SIGNS = lexicon.words("people", "signs")
TALKS = lexicon.words("people", "talks")
#: Pronouns for people the text does not name: a participle can follow them ("others defending
#: ...", "one saying ..."), and they can speak after an inverted cue ("“...,” said one.").
GROUP_PRONOUNS = frozenset({"one", "another", "others", "some", "many", "several"})
TIMES = {"DATE", "TIME", "CARDINAL", "ORDINAL"}
#: A possessive pronoun and the subject pronoun of the same person ("she revised her statement").
SAME_PERSON = {"his": "he", "her": "she", "their": "they", "its": "it"}
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
                if not any(ch.isalnum() for ch in child.text):
                    # "The film ― which weaves ... ― explains": a dash the parse took for a verb
                    inner = next((c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                    if inner is not None:
                        return inner
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
                if child.tag_ == "VBG" and child.dep_ == "nsubj" and child.i < tok.i:
                    # "Writing on Facebook, the pub's landlord, Mick Fallon, said ...": the parse took
                    # the opening participle for the subject and hung the speaker on it
                    named = [t for t in child.subtree if t.dep_ == "appos" and agentive(t)]
                    if named:
                        return named[-1]
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
                    if (
                        child.dep_ == "dobj"
                        and child.i < tok.i
                        and child.lower_ not in ("it", "this", "that")
                    ):
                        return child  # not "could leave it thinking ...": a thing told nothing
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
        return self.inverted_subject(tok) or self.quantity_subject(tok) or self.compound_subject(tok)

    def says_itself(self, head: Token) -> bool:
        """Whether a participle on noun `head` tells what the noun itself says: a message carrier
        ("a poll showing ...", "a group backing ...", "held up a sign reading ...") or a pronoun
        for people ("those describing themselves as ..."). Not a document its publisher or owner
        speaks through ("issued a statement saying ...", "her statement condemning ...", "in
        an article stating ...")."""
        if head.dep_ == "dobj" and head.head.lemma_.lower() in self.cues.speech:
            return False  # "noted reports alleging ...", "called those backing it fools": the verb's speaker
        if head.lower_ in ("those", "ones"):
            return head.dep_ != "dobj"  # "called those backing it fools": the caller's words
        if head.lemma_.lower() not in MESSAGE_CARRIERS or any(c.dep_ == "poss" for c in head.children):
            return False
        if head.dep_ == "dobj":
            return head.head.lemma_.lower() not in PUBLISHING
        if head.dep_ == "pobj":
            # "in an article stating ...": the writer's; "Trump's flurry of tweets targeting ...": the owner's
            return head.head.lower_ not in ("in", "on", "by", "of")
        return False

    def carrier_of(self, tok: Token) -> Token | None:
        """The noun whose words participle `tok` gives when it is written straight after it, with no
        comma ("a sign saying ...", "an email stressing ...", "others defending ..."): a clause on the
        noun ("a sign that says ..."). After a comma the participle goes with the sentence's subject
        ("Trump made a third attempt, writing on Twitter ..."); a talk someone gives ("a speech
        attacking ...") is the speaker's own, so it counts only with its owner named ("Clinton's
        speech denouncing ..."). None when there is no such noun."""
        head = tok.head
        if tok.dep_ != "acl" or tok.tag_ != "VBG" or not head.i < tok.i:
            return None
        if any(t.is_punct for t in self.doc[head.i + 1 : tok.i]) or self.in_quote[head.i] != -1:
            return None
        lemma = head.lemma_.lower()
        owned = any(c.dep_ == "poss" for c in head.children)
        if owned and (lemma in TALKS or lemma in MESSAGE_CARRIERS or lemma in SIGNS):
            return head  # "answered Clinton's speech denouncing ...": the one it belongs to
        if head.dep_ == "dobj" and head.head.lemma_.lower() in PUBLISHING | self.cues.speech:
            # "issued a statement saying ...", "noted reports alleging ...": the verb's speaker's
            # words, as `says_itself` has it
            return None
        carries = lemma in MESSAGE_CARRIERS or lemma in SIGNS or head.lower_ in GROUP_PRONOUNS
        return head if carries else None

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
        last = after.i + 1 >= len(self.doc) or not self.doc[after.i + 1].is_alpha
        if after.lower_ in GROUP_PRONOUNS and last and self.in_quote[after.i] == -1:
            return after  # "“...,” tweeted another.", "“...,” read one.": someone the sentence does not name
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

    @staticmethod
    def compound_subject(tok: Token) -> Token | None:
        """A headline's subject the parse hung on the verb as part of a name ("Federal court rules
        against ...", court a compound of "rules"): the noun right before the verb."""
        if tok.pos_ != "VERB" or tok.i == 0:
            return None
        before = tok.doc[tok.i - 1]
        if before.head.i != tok.i or before.dep_ != "compound" or before.pos_ not in ("NOUN", "PROPN"):
            return None
        return before if actor_like(before) else None

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

    def named_owner(self, noun: Token, owner: Token) -> Token:
        """ "De Blasio repeated his claim that ...": a possessive pronoun on the object of a verb is
        the verb's named subject, and the name says more than "his"."""
        if owner.lower_ not in ("his", "her", "their", "its") or noun.dep_ not in ("dobj", "attr"):
            return owner
        for child in noun.head.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i < owner.i and child.pos_ in ("PROPN", "NOUN"):
                return child
            if child.dep_ == "nsubj" and SAME_PERSON.get(owner.lower_) == child.lower_:
                return child  # "she revised her statement": the subject, where the clause names her
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
        return self.clause_source(noun)

    def clause_source(self, noun: Token) -> Token | None:
        """The subject of the clause a cue noun is the object of: "Trump made no mention of ...",
        "he rose to the defense of ...", "Hughes is a fervent supporter of ..."."""
        if noun.dep_ in ("dobj", "pobj", "attr") and noun.head is not noun:
            head = noun.head if noun.dep_ != "pobj" else noun.head.head
            if head.pos_ in ("VERB", "AUX"):
                return self.subject_of(head, 1)
        return None

    def misread_verb_subject(self, noun: Token) -> Token | None:
        """The subject of a cue verb the tagger read as a noun heading its clause ("Trump predicts
        that ...", "Federal court rules against ...", "Some cheer when ...", "Audit files show
        that ..."): the noun phrase right before it, which the parse hung on it as a compound,
        determiner or subject. None when the cue is a noun in a noun's place."""
        doc = self.doc
        if noun.i == noun.sent.start or noun.tag_ not in ("NN", "NNS"):
            return None
        if noun.dep_ == "dobj" and noun.head.i == noun.i - 1 and noun.head.dep_ == "ROOT":
            # "Trump calls for ...": the parse made the name the root and the verb its object
            before = noun.head
            return before if before.pos_ in ("PROPN", "NOUN") and actor_like(before) else None
        if noun.dep_ not in ("ROOT", "dep"):
            return None
        for child in noun.lefts:
            if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ not in ("it", "this", "that"):
                return child
        before = doc[noun.i - 1]
        if before.head.i != noun.i or before.dep_ not in ("compound", "amod", "det", "nmod", "nummod"):
            return None
        if before.pos_ in ("PROPN", "NOUN", "PRON") and actor_like(before):
            return before
        return before if before.lower_ in QUANTITY_WORDS or before.lower_ in ("all", "one", "both") else None

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
