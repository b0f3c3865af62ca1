"""Acts: what kind of attribution each one is, from its cue, its content and its source.

`speech` (said, told, wrote, announced, in a statement, according to, interview turns: spoken or
written words), `belief` (believes, thinks, fears; a stance taken without words: "praised the
miners' discipline"), `intention` (wants, plans, hopes to), `evidence` (a poll shows, the report
found, X saw that), `question` (what the reporter or someone unnamed asks: "Asked whether he would
resign, ..."), `topic` (what someone spoke about, without their words: "described the night of the
flood"), `action` (something done that reads like an attribution: "cast the single vote") or
`unsourced` (words nobody the text names said: "it was announced that ...", "fans were told
that ...", "some will say ..."). The
words are data: the cue classes of `lexicon/cues.toml` and the lists of `lexicon/acts.toml`, which
win where a cue word sits in two classes. A reader sees speech by default; the others on request,
each labelled: a reader asked who said what, and only speech is someone's words on the record.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reader.analysis import lexicon
from reader.analysis.quotes.base import Context, Found, agentive
from reader.vocab import ACTS

if TYPE_CHECKING:
    from spacy.tokens import Token

SPEECH, BELIEF, INTENTION, EVIDENCE, QUESTION, TOPIC, ACTION, UNSOURCED = ACTS
#: Cue lemmas whose act the acts lexicon states outright.
_STATED: dict[str, str] = {
    word: act for act in (SPEECH, BELIEF, INTENTION, EVIDENCE) for word in lexicon.words("acts", act)
}
#: Sources that are documents, polls or records: what they say is evidence.
DOCUMENTS = lexicon.words("acts", "documents")
#: ... and things that show words or a reading.
THINGS = lexicon.words("acts", "things")
#: ... and the verbs of carrying one: its words are the bearers' ("Protesters carried banners ...").
CARRYING = lexicon.words("acts", "carrying")
SOURCES_NOT_SPEAKERS = DOCUMENTS | THINGS
#: Contents that tell how much was said, not what ("said it all", "says a lot about ...").
_EMPTY_RE = re.compile(
    r"^(?:"
    + "|".join(re.escape(w) for w in sorted(lexicon.words("acts", "empty_contents"), key=len, reverse=True))
    + r")(?:\s+about\b.*)?$",
    re.IGNORECASE | re.DOTALL,
)
#: Verbs whose bare noun-phrase content is a stance, a topic, or a thing made, not words.
STANCE = lexicon.words("acts", "stance")
TOPIC_VERBS = lexicon.words("acts", "topic")
MAKING = lexicon.words("acts", "making")
ASKING = lexicon.words("acts", "asking")
CLAUSE_ONLY = lexicon.words("acts", "clause_only")
TOPIC_TO = lexicon.words("acts", "topic_to")
POLL_SUBJECTS = lexicon.words("acts", "poll_subjects")
PROCEDURE = lexicon.words("acts", "procedure")
CONVENED = lexicon.words("acts", "convened")
#: Things that carry words: "told by text message that ..." names the channel, not who told.
MESSAGE_CARRIERS = lexicon.words("people", "message_carriers")
#: Cues whose passive subject is the speaker ("the minister was quoted as saying ...").
PASSIVE_SPEAKERS = lexicon.words("acts", "passive_speakers")
GENERIC_SPEAKERS = lexicon.words("acts", "generic_speakers")
#: A cue under one of these speaks of what may be said, not of what was: "some will say ...".
_MAYBE = lexicon.words("events", "modal") | lexicon.words("acts", "future")
_DETERMINERS = frozenset({"a", "an", "the"})
#: A share of those asked, before the cue: "55 per cent of voters", "about four in 10", "a majority of".
_SHARE_RE = re.compile(
    r"\b(?:per ?cent|percent|majority of|plurality of|(?:\d+|one|two|three|four|five|six|seven|eight|nine)"
    r" (?:in|out of) (?:10|ten))\b|%",
    re.IGNORECASE,
)
#: The display name of an interview's unnamed questioner ("Q: ...").
INTERVIEWER = lexicon.mapping("people", "turn_labels")["q"]
#: Rules whose attributions are someone's words whatever their cue.
_SPEECH_RULES = frozenset(
    {"interview_turn", "headline_colon", "name_colon", "signature", "according_to", "unparsed"}
)
#: Words that open an indirect question ("whether he would resign", "how long ...").
_QUESTION_WORDS = frozenset({"whether", "if", "how", "what", "why", "when", "where", "who", "which"})
#: Constructions whose content is a noun phrase or a prepositional object, not a clause.
_NOMINAL = frozenset({"dobj", "attr", "prep_about", "prep_on", "prep_of", "prep_to"})


class ActPass(Context):
    """The act of each found attribution."""

    def act_of(self, f: Found, turn: Found | None = None) -> str:
        """The act of `f` (inside the interview turn `turn`, if any), in order: what its rule
        settles, the reporter's questions, the cue word, a speaker nobody names, a document or poll
        as source, then a content that gives no words. Never drops `f`: the development corpus
        annotates every act, and a reader can still ask to see them all."""
        if f.rule == "evidence_in":
            return EVIDENCE  # "In an NBC News poll released Monday, ..."
        if f.rule == "interview_turn" and f.name == INTERVIEWER:
            return QUESTION  # "Q: ...": the interviewer nobody names
        if turn is not None and turn.name == INTERVIEWER and self.in_the_exchange(f):
            return QUESTION  # "Q: Do you blame the council?": part of the interviewer's question
        if f.rule in _SPEECH_RULES:
            return SPEECH
        if f.rule == "source_phrase":  # "according to the report", "... to the Pew Research Center"
            return EVIDENCE if self.document_source(f) or self.research_body(f) else SPEECH
        lemma = self.cue_lemma(f)
        act = self.act_by_cue(f, lemma)
        if act == SPEECH and self.denied_question(f):
            return TOPIC  # "He did not say what they were": what was not said, no words
        if act == SPEECH and self.nobody_named(f):
            # "it was announced that ...", "some will say ...", "he was asked whether ..."
            return QUESTION if lemma in ASKING else UNSOURCED
        return act

    def act_by_cue(self, f: Found, lemma: str | None) -> str:
        """The act of `f` from its cue word, its source and its content."""
        if lemma in ASKING and self.asks_a_question(f):
            if self.unnamed_asker(f):
                return QUESTION
            if self.indirect_question(f):
                return SPEECH  # "Lester Holt pressed how he would bring jobs back"
            if self.no_words_given(f):
                return TOPIC  # "Boyle asked him a question", "reporters asked about his taxes"
        act = self.cue_act(f)
        carrier = self.carrier(f)
        if carrier is not None:
            # "farmers carrying banners saying “No farmers, no food”": the bearers' writing;
            # "a report saying that ...", "a banner saying “Welcome home” hung from the bridge": a thing's
            return SPEECH if self.borne_by_someone(f, carrier) else EVIDENCE
        if f.kind == "direct" and self.a_thing_shows(f):
            return EVIDENCE  # "A placard read “Save our library”": nobody named wrote it
        if f.kind == "direct":
            return act or SPEECH  # quoted words are someone's unless the cue says otherwise
        if self.document_source(f) or self.poll_share(f):
            return EVIDENCE  # "the report says ...", "a poll found ...", "55 per cent say ..."
        if act == EVIDENCE or (lemma in self.cues.evidence and not self.someone_speaks(f)):
            return EVIDENCE  # "the result suggests ...", "an earlier version indicated that ..."
        without = self.without_words(f, lemma)
        if without is not None:
            return without
        return act or self.unlisted_cue(f)

    def without_words(self, f: Found, lemma: str | None) -> str | None:
        """The act of a content that gives no words: a bare noun phrase after a verb of stance
        ("welcomed the decision"), of speaking about ("described the night") or of making a text
        ("published its assessment"). None when the content may be what was said."""
        if f.kind != "indirect" or lemma is None:
            return None
        first, tok = self.first_of_content(f), self.cue_token(f)
        if first is not None and tok is not None and first.dep_ == "acl" and first.head.i == tok.i:
            return ACTION  # "said in a statement provided to POLITICO": the statement's making
        if f.construction in _NOMINAL and _EMPTY_RE.match(self.text[f.start : f.end].strip()):
            return ACTION  # "said it all", "says a lot about the council's priorities"
        if any(q.start < f.end and f.start < q.end for q in self.quoted):
            return None  # "called it a “witch hunt”": quoted words are given
        if f.not_a_report and (f.construction.startswith("prep_") or lemma == "call"):
            return ACTION  # "called an emergency meeting", "spoke for the first time"
        if lemma == "call" and self.procedure(f):
            return ACTION  # "called for order", "called a recess": the chair running a meeting
        if f.construction in ("dobj", "prep_for") and lemma in STANCE:
            return BELIEF  # "praised the miners' discipline", "thanked fans for their patience"
        if f.construction in _NOMINAL and self.only_a_pronoun(f):
            return TOPIC  # "what she called “a national disgrace”": the quoted words are listed apart
        if lemma in CLAUSE_ONLY and f.construction not in ("ccomp", "host", "as_host"):
            return ACTION  # "continues to build support", "declared a state of emergency"
        if f.construction not in _NOMINAL or self.says_what_it_is(f):
            return None
        if lemma in TOPIC_VERBS and (f.construction != "prep_to" or lemma in TOPIC_TO):
            return TOPIC
        if f.construction == "dobj" and lemma in MAKING:
            return ACTION
        return None

    def no_words_given(self, f: Found) -> bool:
        """Whether a content is only a thing, with no verb, colon or question mark to give words:
        "a question", "about his taxes"; not "the candidates to discuss their ideas", nor "the
        question: Who will win?"."""
        span = self.doc.char_span(f.start, f.end, alignment_mode="expand")
        words = self.text[f.start : f.end]
        return (
            span is not None
            and ":" not in words
            and "?" not in words
            and not any(t.pos_ in ("VERB", "AUX") for t in span)
        )

    def only_a_pronoun(self, f: Found) -> bool:
        """Whether the content is one pronoun standing for what was spoken of ("what", "it")."""
        span = self.doc.char_span(f.start, f.end, alignment_mode="expand")
        return span is not None and len(span) == 1 and span[0].tag_ in ("WP", "WDT", "PRP", "DT")

    def in_the_exchange(self, f: Found) -> bool:
        """Whether an attribution inside an interviewer's question is the exchange's own ("Do you
        blame the council?", "I am quoting him"), not a third party's words the question reports
        ("The Local Government Association said on Monday that ...")."""
        if f.speaker_tok is None:
            return f.speaker_span is None
        if self.cue_lemma(f) == "quote":
            return False  # "He said, and I am quoting him, “...”": his words
        return self.doc[f.speaker_tok].lower_ in ("i", "we", "you")

    def research_body(self, f: Found) -> bool:
        """Whether the source is a body named for its findings: "the Pew Research Center", "the
        Bureau of Labor Statistics" (a document word among its name's parts)."""
        if f.speaker_tok is None:
            return False
        head = self.doc[f.speaker_tok]
        parts = [c for c in head.children if c.dep_ == "compound"]
        parts += [g for c in head.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        return any(p.lower_ in DOCUMENTS or p.lemma_.lower() in DOCUMENTS for p in parts)

    def first_of_content(self, f: Found) -> Token | None:
        """The content's first word."""
        span = self.doc.char_span(f.start, f.end, alignment_mode="expand")
        return None if span is None or not len(span) else span[0]

    def procedure(self, f: Found) -> bool:
        """Whether the content is a step of a meeting's procedure ("order", "a recess") or what is
        convened by calling it ("a snap election")."""
        words = [w for w in self.text[f.start : f.end].lower().split() if w not in _DETERMINERS]
        if f.construction == "dobj" and 0 < len(words) <= 3 and words[-1].strip(".,;:") in CONVENED:
            return True  # "called a snap election", "has called a referendum"
        return " ".join(words) in PROCEDURE

    def nobody_named(self, f: Found) -> bool:
        """Whether the words are said by nobody the text names: a passive cue without its agent
        ("it was announced that ...", "fans were told to keep their tickets", "the captain is said
        to be recovering"), whose subject is who hears or what is said, or a generic speaker under
        a modal ("some will say ...")."""
        tok = self.cue_token(f)
        if tok is None or tok.pos_ != "VERB":
            return False
        deps = {c.dep_: c for c in tok.children}
        if self.bare_participle(tok, deps):
            return True  # "Told that the measure would cost £5 billion, a source declined ..."
        subject = deps.get("nsubjpass")
        if subject is not None and self.agent_is_a_channel(tok):
            return True  # "Passengers were told by text message that ...": nobody named tells
        if subject is not None and "agent" not in deps and self.lemma_of(tok) not in PASSIVE_SPEAKERS:
            return f.speaker_tok is None or subject.left_edge.i <= f.speaker_tok <= subject.right_edge.i
        subject = deps.get("nsubj")
        return (
            subject is not None
            and subject.lower_ in GENERIC_SPEAKERS
            and not any(c.dep_ == "prep" for c in subject.children)  # "some of the residents"
            and any(c.dep_ == "aux" and c.lower_ in _MAYBE for c in tok.children)
        )

    def agent_is_a_channel(self, tok: Token) -> bool:
        """Whether the "by ..." of a passive cue is how the words came, not who spoke them ("told
        by email", "informed by letter")."""
        agent = self.agent_of(tok)
        return agent is not None and not agent.ent_type_ and agent.lemma_.lower() in MESSAGE_CARRIERS

    def borne_by_someone(self, f: Found, carrier: Token) -> bool:
        """Whether the words on a thing carried are given to the people who carry it: the speaker
        found is the bearer ("Protesters carried banners saying ...", "Hundreds of farmers ...
        carrying banners"), not the thing itself. A document stays evidence ("The union released
        a report saying ...")."""
        if f.speaker_tok is None or carrier.lemma_.lower() not in THINGS:
            return False
        if carrier.head.lemma_.lower() not in CARRYING:
            return False  # "Drivers passed banners saying ...": seen, not carried
        tok = self.doc[f.speaker_tok]
        if tok.lemma_.lower() in SOURCES_NOT_SPEAKERS or tok.lower_ in ("it", "this", "that", "which"):
            return False
        return agentive(tok) or tok.tag_ == "NNS" or tok.pos_ == "NUM"

    def a_thing_shows(self, f: Found) -> bool:
        """Whether the source of quoted words is a thing that shows them ("a placard", "the sign")."""
        if f.speaker_tok is None:
            return False
        tok = self.doc[f.speaker_tok]
        return tok.lemma_.lower() in THINGS or tok.lower_ in THINGS

    def denied_question(self, f: Found) -> bool:
        """Whether a negated cue takes a question: "did not say what they were", "would not say
        whether ...": the text says what was not said."""
        tok = self.cue_token(f)
        if tok is None or f.kind != "indirect" or not any(c.dep_ == "neg" for c in tok.children):
            return False
        return self.indirect_question(f) and not self.text[f.start : f.end].rstrip().endswith("?")

    def bare_participle(self, tok: Token, deps: dict[str, Token]) -> bool:
        """Whether a cue is a past participle opening or qualifying a clause, passive and without
        its agent ("Told that ..., the source declined to comment"): its subject hears."""
        return (
            tok.tag_ in ("VBN", "VBD")  # the tagger takes a clause-opening "Told" for a past tense
            and tok.dep_ == "advcl"
            and tok.i < tok.head.i  # opening the sentence, not a verb the parser left subjectless
            and tok.left_edge.i == tok.i
            and not {"agent", "aux", "nsubj", "nsubjpass"} & deps.keys()
            and self.lemma_of(tok) not in PASSIVE_SPEAKERS
        )

    def carrier(self, f: Found) -> Token | None:
        """The document or thing that shows words the cue qualifies ("banners saying “No more
        cuts”", "a report saying that ..."), if it does."""
        tok = self.cue_token(f)
        if tok is None or tok.dep_ not in ("acl", "advcl"):
            return None
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            return None  # "reports that Mateen said ...": Mateen's words
        if tok.dep_ == "acl":
            return tok.head if tok.head.lemma_.lower() in SOURCES_NOT_SPEAKERS else None
        before = tok.doc[tok.i - 1] if tok.i > 0 else tok  # "carried banners saying": parsed as advcl
        carried = before.dep_ in ("dobj", "pobj") and before.lemma_.lower() in SOURCES_NOT_SPEAKERS
        return before if tok.tag_ == "VBG" and carried else None

    def unlisted_cue(self, f: Found) -> str:
        """The act of a cue in no list: a clause as content is a claim ("implied that ...", "made
        clear that ...": speech); else a verb tells a thing done ("doubles as the post office") and
        a noun a topic ("the story of ...")."""
        if f.construction == "ccomp" and not self.result_clause(f):
            return SPEECH
        return TOPIC if self.noun_cue(f) else ACTION

    def says_what_it_is(self, f: Found) -> bool:
        """Whether the content says what its object is: "described the talks as constructive"."""
        tok = self.cue_token(f)
        if tok is None:
            return False
        return any(
            (c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as")) and c.i > tok.i
            for c in tok.children
        )

    def result_clause(self, f: Found) -> bool:
        """Whether a "that" clause tells a result, not a claim ("grew so heated that ...")."""
        tok = self.cue_token(f)
        if tok is None:
            return False
        return any(c.lower_ in ("so", "such") for t in (tok, *tok.children) for c in t.children)

    def cue_lemma(self, f: Found) -> str | None:
        """The cue word's lemma (a verb's as the lexicon spells it), None without a cue."""
        tok = self.cue_token(f)
        return None if tok is None else self.lemma_of(tok)

    def lemma_of(self, tok: Token) -> str:
        """A cue word's lemma, a verb's as the lexicon spells it."""
        lemma = tok.lemma_.lower()
        return self.cues.verb_lemma(lemma, tok.lower_) if tok.pos_ == "VERB" else lemma

    def noun_cue(self, f: Found) -> bool:
        tok = self.cue_token(f)
        return tok is not None and tok.pos_ in ("NOUN", "PROPN")

    def unnamed_asker(self, f: Found) -> bool:
        """Whether a question is put by nobody named: no speaker, or the writer's "I"."""
        if f.speaker_span is not None:
            return False
        if f.speaker_tok is None:
            return True
        # "I asked him whether ...", "We asked her what the data show": the writer's
        return self.doc[f.speaker_tok].lower_ in ("i", "we") and self.in_quote[f.speaker_tok] < 0

    def asks_a_question(self, f: Found) -> bool:
        """Whether the content is a question ("whether he would resign", "how long ...", "about the
        funds"), not a request ("asked to meet the board", "asked that the binder be entered")."""
        words = self.text[f.start : f.end].lower().split()
        if not words:
            return False
        asked = f.construction in ("prep_about", "dobj") and words[0] not in ("that", "to")
        if asked and self.cue_lemma(f) == "ask":
            return True  # "asked about the funds"; not "pressed his face to the glass"
        return self.indirect_question(f)

    def indirect_question(self, f: Found) -> bool:
        """Whether the content is put as a question: "whether ...", "how long ...", "...?"."""
        words = self.text[f.start : f.end].lower().split()
        return bool(_QUESTION_WORDS & set(words[:3])) or self.text[f.start : f.end].rstrip().endswith("?")

    def cue_act(self, f: Found) -> str | None:
        """The act the cue word states, None when it states none (a colon, an unknown verb)."""
        tok = self.cue_token(f)
        if tok is None:
            return None
        lemma = self.lemma_of(tok)
        stated = _STATED.get(lemma) or _STATED.get(tok.lower_)  # "convinced", "worried"
        if stated is not None:
            return stated
        cues = self.cues
        noun = tok.pos_ in ("NOUN", "PROPN")
        if f.construction == "xcomp" and lemma in cues.intention:
            return INTENTION  # "hopes to ...", "expects to ..."
        for act, words in (
            (SPEECH, set() if noun else cues.speech),  # "posts" is no "post" of a verb
            (BELIEF, cues.belief),
            (INTENTION, cues.intention),
            (EVIDENCE, cues.evidence),
            (SPEECH, cues.noun if noun else set()),  # "his assertion that ..."
        ):
            if lemma in words:
                return act
        if lemma in cues.extra:
            return SPEECH  # the user's own cue words are verbs of saying
        return None

    def someone_speaks(self, f: Found) -> bool:
        """Whether the source is someone (a person, body, group or pronoun), or unknown; not a thing
        ("the result suggests ...")."""
        if f.speaker_tok is None:
            return True
        tok = self.doc[f.speaker_tok]
        return tok.pos_ != "NOUN" or agentive(tok)

    def poll_share(self, f: Found) -> bool:
        """Whether those who "say" are a poll's respondents: a share named before the cue in its
        sentence ("55 per cent of likely voters say", "about four in 10 say") or respondents."""
        if f.cue is None or f.speaker_tok is None or f.speaker_tok > self.tok_at(f.cue[0]):
            return False
        head = self.doc[f.speaker_tok]
        while head.dep_ in ("pobj", "prep") and head.head is not head:
            head = head.head  # "voters" of "55 per cent of voters"
        # the subject's own words: not what its verb did before the cue ("the bank held its rate
        # at 10 per cent, saying ...")
        right = head.right_edge
        subject = self.text[head.left_edge.idx : min(right.idx + len(right), f.cue[0])]
        return bool(_SHARE_RE.search(subject)) or any(
            subject.lower().rstrip().endswith(s) for s in POLL_SUBJECTS
        )

    def document_source(self, f: Found) -> bool:
        """Whether the source is a document, poll or record rather than a person or body."""
        if f.speaker_tok is not None:
            tok = self.doc[f.speaker_tok]
            sources = SOURCES_NOT_SPEAKERS
            return tok.lemma_.lower() in sources or tok.lower_ in sources  # "accounts", not "account"
        if f.speaker_span is not None:
            words = self.text[f.speaker_span[0] : f.speaker_span[1]].lower().split()
            return bool(words) and words[-1] in SOURCES_NOT_SPEAKERS
        return False
