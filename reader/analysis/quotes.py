"""Who said what: direct, indirect and mixed quotes with speaker, cue and actor.

Three passes over a parsed Doc:

1. Quotation marks are paired on the characters (every common style, apostrophes told apart,
   quotes that run over paragraphs), and each quoted stretch looks for its cue and speaker in the
   words around it ("..., Zarif wrote", "said Zarif", "writing on Twitter, ...").
2. Reported speech is read off the dependency parse: a cue verb with a clausal complement ("critics
   say the strike was ..."), an intention ("wants to ..."), "according to X", a cue noun ("his claim
   that ..."), and the (lemma, construction) frames derived from PolNeAR (see `cues.py`).
3. Both are merged (a reported clause that carries a quoted fragment becomes one "mixed" quote; a
   scare quote or title with no cue is dropped), and each speaker mention is linked to an actor:
   directly, through a relative pronoun, or, for "he", "she", "they" and descriptions such as "the
   minister", to the most recent compatible actor.

Everything is rules over the parse plus a lexicon, so it costs a few percent of the parse itself.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.analysis.cues import Cues, Frame, cues_for
from reader.analysis.model import Quote, Referent, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# ----------------------------------------------------------------------------------------------
# 1. Quotation marks
# ----------------------------------------------------------------------------------------------

#: Opening mark -> closing marks, for the unambiguous typographic styles.
_PAIRS: dict[str, str] = {
    "“": "”",
    "„": "“”",
    "«": "»",
    "»": "«",
    "”": "”",
    "「": "」",
    "『": "』",
    "‹": "›",
    "‘": "’",
    "‚": "‘’",
    "``": "''\"”",
}
#: Marks that open and close alike; context tells which.
_SYMMETRIC = ('"', "''", "'")
_MARK_RE = re.compile(r"``|''|[“”„«»「」『』‹›‘’‚\"']")
_SINGLE = {"‘", "’", "'", "‚", "‹", "›"}
_MAX_SINGLE = 400  # a single-quoted stretch longer than this is taken for apostrophes


@dataclass(slots=True)
class Quoted:
    """A stretch of text between quotation marks (marks included), possibly over several paragraphs."""

    start: int
    end: int
    segments: list[tuple[int, int]]
    closed: bool = True


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _is_word_or_punct(ch: str) -> bool:
    return ch.isalnum() or ch in ".,!?;:"


def _mark_role(text: str, i: int, mark: str) -> str:
    """'open', 'close', 'both' or 'none' (an apostrophe) for the mark at text[i]."""
    before = text[i - 1] if i > 0 else " "
    j = i + len(mark)
    after = text[j] if j < len(text) else " "
    if mark == "“" and _is_word_or_punct(before) and (after.isspace() or after in ".,;:)"):
        return "both"  # “It's unusual,“ said Noble: some texts close with the opening glyph
    if mark in ("“", "„", "«", "「", "『", "‚", "``"):
        return "open"
    if mark == "”" and before.isspace() and after.isalpha():
        return "open"  # ”Mr. Trump ...” : some texts open with the closing glyph
    if mark in ("”", "」", "』"):
        return "close"
    if mark in ("»", "‹", "›"):
        return "both"
    if mark in ("’", "'", "‘"):
        if _is_word(before) and _is_word(after):
            return "none"  # don't, Shi'a
        if mark == "‘" and _is_word_or_punct(before) and not _is_word(after):
            return "close"  # German ‚…‘
        if mark == "’" or (mark == "'" and not before.isspace() and before not in "([{—–-"):
            # closing single quote or a plural possessive (voters' ...); the pairing decides
            return "close" if not _is_word(after) else "none"
        if re.match(r"\d\ds\b|\d\d\b|em\b|n\b|til\b|cause\b", text[j : j + 5]):
            return "none"  # '90s, 'em, rock 'n' roll
        if after.isspace() or after == "":
            return "none"
        return "open"
    # straight double quote or doubled apostrophe
    if before.isspace() or before in "([{—–-/:;" or i == 0:
        return "open" if not after.isspace() else "both"
    if after.isspace() or after in ".,;:!?)]}—–-" or j >= len(text):
        return "close"
    return "both"


def _closes(opener: str, mark: str) -> bool:
    if opener in _SYMMETRIC:
        if opener == "'":
            return mark in ("'", "’")
        return mark in ('"', "''", "”")
    if opener == "‘":
        return mark in ("’", "'")
    if opener == "“":
        return mark in ("”", '"', "“")  # some texts close with the opening glyph
    return mark in _PAIRS.get(opener, "")


def _family(mark: str) -> str:
    return "single" if mark in _SINGLE else "double"


def find_quoted(text: str) -> list[Quoted]:
    """Every outermost quoted stretch in `text`, in order; nested quotes stay inside their host.

    A quote left open at the end of a paragraph continues when the next paragraph opens with a mark
    of the same kind (the print convention for quotes over several paragraphs); otherwise a double
    quote runs to the end of its paragraph and a single one is dropped (it was an apostrophe).
    """
    out: list[Quoted] = []
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    pending: Quoted | None = None  # a quote continuing from the previous paragraph
    pending_family = ""
    for p_start, p_end in paragraphs:
        marks = [(m.start(), m.group()) for m in _MARK_RE.finditer(text, p_start, p_end)]
        opener: str | None = None
        open_at = 0
        current: Quoted | None = None
        k = 0
        if pending is not None:
            lead = text[p_start:p_end].lstrip()
            first = lead[:2] if lead.startswith(("``", "''")) else lead[:1]
            if (
                first
                and _MARK_RE.fullmatch(first) is not None
                and _family(first) == pending_family
                and _mark_role(text, p_end - len(lead), first)
                in (
                    "open",
                    "both",
                )
            ):
                current = pending
                opener = first
                open_at = p_end - len(lead)
                k = 1
            else:
                out.append(pending)
            pending = None
        while k < len(marks):
            pos, mark = marks[k]
            k += 1
            role = _mark_role(text, pos, mark)
            if role == "none":
                continue
            if opener is None:
                if role in ("open", "both"):
                    opener, open_at = mark, pos
                continue
            if (role in ("close", "both") or opener in ("„", "‚", "»")) and _closes(opener, mark):
                end = pos + len(mark)
                if current is not None:
                    current.segments.append((open_at, end))
                    current.end = end
                    out.append(current)
                    current = None
                else:
                    out.append(Quoted(open_at, end, [(open_at, end)]))
                opener = None
        if opener is not None:
            seg_end = len(text[:p_end].rstrip())
            family = _family(opener)
            if family == "single" and (seg_end - open_at > _MAX_SINGLE or current is None):
                # most likely an apostrophe; keep a continuing quote's earlier paragraphs
                if current is not None:
                    out.append(current)
                continue
            if current is None:
                current = Quoted(open_at, seg_end, [(open_at, seg_end)], closed=False)
            else:
                current.segments.append((open_at, seg_end))
                current.end = seg_end
            pending, pending_family = current, family
    if pending is not None:
        out.append(pending)
    out.sort(key=lambda q: q.start)
    return out


# ----------------------------------------------------------------------------------------------
# Actors (a fallback when the engine's merged actors are not given)
# ----------------------------------------------------------------------------------------------

_KIND = {"PERSON": "person", "ORG": "organisation", "NORP": "group", "GPE": "place", "FAC": "facility"}


def simple_actors(doc: Doc) -> list[Referent]:
    """One actor per distinct entity name, people merged by surname ("Zarif" joins "Mohammad Javad Zarif").

    Good enough for scripts and tests; the analysis pipeline passes its own merged actors instead.
    """
    actors: dict[tuple[str, str], Referent] = {}
    persons_by_last: dict[str, Referent] = {}
    for ent in doc.ents:
        kind = _KIND.get(ent.label_)
        if kind is None:
            continue
        name = ent.text.strip()
        for prefix in ("the ", "The "):
            if kind != "person" and name.startswith(prefix):
                name = name[len(prefix) :]
        if name.endswith(("’s", "'s")):
            name = name[:-2]
        if not name:
            continue
        span = Span(ent.start_char, ent.end_char, ent.text)
        if kind == "person":
            last = name.split()[-1].lower()
            ref = persons_by_last.get(last)
            if ref is None:
                ref = Referent(f"a{len(actors) + 1}", name, kind)
                actors[(kind, last)] = ref
                persons_by_last[last] = ref
            elif len(name) > len(ref.name):
                ref.aliases.append(ref.name)
                ref.name = name
            elif name != ref.name and name not in ref.aliases:
                ref.aliases.append(name)
        else:
            key = (kind, name.lower())
            ref = actors.get(key)
            if ref is None:
                ref = actors[key] = Referent(f"a{len(actors) + 1}", name, kind)
        ref.mentions.append(span)
    return list(actors.values())


# ----------------------------------------------------------------------------------------------
# Candidate frames (shared with scripts/derive_cues.py, which counts how often each is an attribution)
# ----------------------------------------------------------------------------------------------

_CONTENT_DEPS = ("ccomp", "xcomp", "dobj", "attr", "oprd")
_PREP_CONTENT = {"for", "about", "on", "of", "against", "to", "with", "that", "as", "in"}


def candidate_frames(tok: Token) -> Iterator[tuple[str, int, int]]:
    """(construction, first token, last token) of each stretch `tok` might attribute as content.

    Constructions: a clausal or nominal dependent ("ccomp", "xcomp", "dobj", ...), a prepositional
    object ("prep_for": "called for an end to ..."), a noun's clause ("acl", "relcl"-less), or, for a
    cue that comments on its host clause ("..., critics say"), "host".
    """
    has_clause = False
    # "X has said ..., yet critics say Y": with a clause after the cue, one before it is not its content
    clause_after = any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children)
    for child in tok.children:
        dep = child.dep_
        if dep == "advcl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children):
            dep = "ccomp"  # "tweeted that Tehran seeks ...", often parsed as an adverbial clause
        elif (
            dep == "advcl"
            and child.i > tok.i
            and tok.pos_ in ("VERB", "AUX")
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
        ):
            dep = "xcomp"  # "sought on Wednesday to ease worries", parsed as a purpose clause
        if dep == "ccomp" and clause_after and child.i < tok.i:
            continue
        if dep in ("ccomp", "xcomp"):
            has_clause = True
        if dep in _CONTENT_DEPS or (dep in ("acl", "advcl") and tok.pos_ in ("NOUN", "PROPN")):
            yield dep, child.left_edge.i, child.right_edge.i
        elif dep == "nsubjpass" and any(c.dep_ == "agent" for c in tok.children):
            yield dep, child.left_edge.i, child.right_edge.i  # "the bill was opposed by Republicans"
        elif dep == "prep" and child.lower_ in _PREP_CONTENT:
            for pobj in child.children:
                if pobj.dep_ in ("pobj", "pcomp"):
                    yield "prep_" + child.lower_, pobj.left_edge.i, pobj.right_edge.i
    if has_clause or tok.pos_ not in ("VERB", "AUX") or not any(c.dep_ == "nsubj" for c in tok.children):
        return
    head = tok.head
    if tok.dep_ == "ccomp" and head.i < tok.i and tok.left_edge.i > head.i:
        yield "host", head.left_edge.i, tok.left_edge.i - 1  # "The strike was retaliatory, critics say"
    elif tok.dep_ == "parataxis" and head is not tok:
        # "In the long run, many economists say, this effect could ripple ..."
        if head.i < tok.i and tok.left_edge.i > head.left_edge.i:
            yield "host", head.left_edge.i, tok.left_edge.i - 1
        elif head.i > tok.i:
            yield "host", tok.right_edge.i + 1, head.right_edge.i
    elif tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children):
        # "As Menendez pointed out, the rulings have real impact"
        if tok.i < head.i:
            yield "as_host", tok.right_edge.i + 1, head.right_edge.i
        else:
            yield "as_host", head.left_edge.i, tok.left_edge.i - 1


_EVIDENCE_NOUNS = {"poll", "survey", "study", "report", "analysis", "audit", "review", "census", "memo"}
_WH = {"whether", "if", "what", "how", "why", "who", "when", "where", "which"}
_QUOTE_CHARS = set('“”"«»„「」')


def frame_features(
    tok: Token, lemma: str, dep: str, a: int, b: int, cues: Cues, speaker: Token | None = None
) -> list[str]:
    """Features of one candidate frame for the learned attribution scorer (see `Cues.score`).

    Shared with scripts/derive_cues.py, which fits the weights on PolNeAR's training split.
    """
    doc = tok.doc
    subj = "none"
    neg = False
    for child in tok.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            subj = child.ent_type_ or child.pos_
            if child.lower_ in _RELATIVE:
                subj = "REL"
        elif child.dep_ == "neg":
            neg = True
    first = doc[a].lower_
    if first == "that":
        c0 = "that"
    elif first == "to" or (a + 1 <= b and doc[a + 1].lower_ == "to" and doc[a].pos_ != "VERB"):
        c0 = "to"
    elif first in _WH:
        c0 = "wh"
    else:
        c0 = doc[a].pos_
    n = b - a + 1
    clen = "1" if n == 1 else "2" if n <= 3 else "4" if n <= 8 else "9" if n <= 25 else "26"
    classes = [
        name
        for name, words in (
            ("speech", cues.speech),
            ("belief", cues.belief),
            ("intention", cues.intention),
            ("evidence", cues.evidence),
            ("noun", cues.noun),
        )
        if lemma in words
    ]
    feats = [
        "bias",
        f"ld={lemma}|{dep}",
        f"l={lemma}",
        f"d={dep}",
        f"pd={tok.pos_}|{dep}",
        f"tag={tok.tag_}",
        f"tdep={tok.dep_}|{dep}",
        f"subj={subj}",
        f"subjd={subj}|{dep}",
        f"c0={c0}|{dep}",
        f"clen={clen}|{dep}",
    ]
    if speaker is None:
        feats.append(f"spk=none|{dep}")
    else:
        kind = "REL" if speaker.lower_ in _RELATIVE else speaker.ent_type_ or speaker.pos_
        feats.append(f"spk={kind}|{dep}")
        if a <= speaker.i <= b:
            feats.append("spk_inside")
    if neg:
        feats.append("neg")
    for name in classes:
        feats.append(f"hand={name}|{dep}")
    if any(ch in _QUOTE_CHARS for ch in doc[a : b + 1].text):
        feats.append(f"quoted|{dep}")
    return feats


# ----------------------------------------------------------------------------------------------
# 2. Extraction
# ----------------------------------------------------------------------------------------------

_PUNCT_TRIM = set(",;:—–-.()[]") | {"--"}
_RELATIVE = {"who", "that", "which", "whom"}
_PRONOUNS_SUBJECT = {"he", "she", "they", "i", "we"}
_CONTRACTED_AUX = {"’s", "'s", "’ve", "'ve", "’d", "'d", "’re", "'re"}
_PRONOUNS_PERSON = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_PRONOUNS_PLURAL = {"they", "them", "their", "we", "us", "our"}
_ROLE_NOUNS = set(
    [
        "minister",
        "president",
        "senator",
        "governor",
        "candidate",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "secretary",
        "leader",
        "official",
        "chairman",
        "chairwoman",
        "chair",
        "director",
        "mayor",
        "congressman",
        "congresswoman",
        "representative",
        "nominee",
        "adviser",
        "advisor",
        "aide",
        "strategist",
        "ambassador",
        "general",
        "commander",
        "judge",
        "lawyer",
        "attorney",
        "businessman",
        "billionaire",
        "prime",
        "king",
        "queen",
        "chancellor",
        "premier",
        "host",
        "anchor",
        "chief",
        "executive",
        "founder",
    ]
)
_ORG_NOUNS = set(
    [
        "campaign",
        "company",
        "administration",
        "government",
        "party",
        "committee",
        "agency",
        "department",
        "ministry",
    ]
)
_OBJECT_CONTROL = set(
    [
        "urge",
        "ask",
        "tell",
        "lead",
        "force",
        "encourage",
        "push",
        "press",
        "prompt",
        "persuade",
        "convince",
        "invite",
        "implore",
        "beg",
        "challenge",
        "dare",
        "order",
        "instruct",
        "advise",
        "warn",
        "remind",
        "pressure",
        "call",
        "expect",
        "want",
        "need",
        "get",
    ]
)
_MALE_TITLES = {"mr.", "mr", "sir", "king", "lord", "father", "brother"}
_FEMALE_TITLES = {"mrs.", "mrs", "ms.", "ms", "miss", "madam", "lady", "queen", "mother", "sister"}
_KIN_NOUNS = {
    **dict.fromkeys(
        [
            "mother",
            "wife",
            "daughter",
            "sister",
            "grandmother",
            "granddaughter",
            "aunt",
            "niece",
            "widow",
            "girlfriend",
            "stepmother",
            "fiancée",
        ],
        "f",
    ),
    **dict.fromkeys(
        [
            "father",
            "husband",
            "son",
            "brother",
            "grandfather",
            "grandson",
            "uncle",
            "nephew",
            "widower",
            "boyfriend",
            "stepfather",
            "fiancé",
        ],
        "m",
    ),
}
_KIN_WORDS = "|".join(sorted(_KIN_NOUNS, key=len, reverse=True))
# "his mother, Loretta Bell" / "Loretta Bell, his mother," (a name in apposition to a kin noun)
_KIN_BEFORE_RE = re.compile(
    r"\b(?:his|her|their|my|our|a|the|whose)\s+(?:\w+\s+)?(?P<kin>" + _KIN_WORDS + r"),\s*$", re.I
)
_KIN_AFTER_RE = re.compile(r",\s*(?:his|her|their|a|the)\s+(?:\w+\s+)?(?P<kin>" + _KIN_WORDS + r")\b", re.I)
# display names of the unnamed turns of an interview transcript
_TURN_LABELS = {"q": "Interviewer", "question": "Interviewer", "a": "Interviewee", "answer": "Interviewee"}
_QUANTITY_WORDS = {
    "half",
    "third",
    "thirds",
    "quarter",
    "quarters",
    "majority",
    "most",
    "many",
    "some",
    "few",
}
_TRANSCRIPT_RE = re.compile(r"([A-Z][A-Z.'\- ]{0,40}[A-Z.]|Q|A)\s*:\s+(?=\S)")
#: "“...” ― Pamela Padilla" at the end of a line: a quote signed with its speaker's name
_SIGNATURE_RE = re.compile(
    r"[ \t\xa0]*([―—–]|--?)[ \t\xa0]*([A-Z][\w.'’\-]*(?:[ \t]+[A-Z][\w.'’\-]*){0,3})[ \t\xa0]*$", re.M
)
_CLOSING_RE = re.compile(r"[.,!?;:]?[”\"]")
_CLAUSE_STOPS = (".", ";", ":", "“", '"')
_NESTED_MIN = 0.7  # weaker attributions nested in another one are dropped (tuned on train)
_MIN_FRAME_PRECISION = 0.3  # derived frames at or above this precision count as cues (tuned on train)


def _agentive(tok: Token) -> bool:
    """Whether a token can name who speaks: a person, organisation or group, or a personal pronoun."""
    if tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    if tok.lower_ in _PRONOUNS_PERSON or tok.lower_ in ("they", "we", "i", "you"):
        return tok.lower_ not in ("his", "her", "their", "our")
    return tok.pos_ == "NOUN" and (tok.lemma_.lower() in _ROLE_NOUNS or tok.lemma_.lower() in _ORG_NOUNS)


def _name_head(tok: Token) -> Token:
    """The last word of the name a token belongs to ("Robert" -> "Reich")."""
    doc = tok.doc
    i = tok.i
    while i + 1 < len(doc) and doc[i + 1].ent_iob_ == "I" and tok.ent_type_:
        i += 1
    return doc[i]


@dataclass(slots=True)
class _Found:
    """A quote before it becomes a `Quote`: token-level facts kept for merging."""

    kind: str
    start: int
    end: int
    segments: list[tuple[int, int]]
    cue: tuple[int, int] | None
    speaker_tok: int | None  # head token of the speaker mention
    confidence: float
    fragment: bool = False  # a short quoted phrase inside a sentence (scare quote, title, fragment)
    quoted: Quoted | None = None
    inherit: bool = False  # took its speaker from the previous quote
    speaker_span: tuple[int, int] | None = None  # character span, when not a token's mention
    extra: dict = field(default_factory=dict)


class _Extractor:
    def __init__(self, doc: Doc, actors: list[Referent], cues: Cues) -> None:
        self.doc = doc
        self.text = doc.text
        self.cues = cues
        self.actors = actors
        self.quoted = find_quoted(self.text)
        # token index -> index of the quoted stretch it lies in, or -1
        self.in_quote = [-1] * len(doc)
        for qi, q in enumerate(self.quoted):
            for s, e in q.segments:
                span = doc.char_span(s, e, alignment_mode="expand")
                if span is not None:
                    for i in range(span.start, span.end):
                        self.in_quote[i] = qi
        self.phrases: dict[str, list[list[str]]] = {}
        for phrase in sorted(cues.source_phrase, key=len, reverse=True):
            words = phrase.split()
            self.phrases.setdefault(words[0], []).append(words)
        self.para_starts = [0] + [m.end() for m in re.finditer(r"\n+", self.text)]
        mentions = sorted((m.start, m.end, a) for a in actors for m in a.mentions)
        self.mention_starts = [m[0] for m in mentions]
        self.mentions = mentions

    # -- helpers ---------------------------------------------------------------------------

    def reported(
        self, tok: Token, span: tuple[int, int], a: int, b: int, speaker: Token | None, conf: float
    ) -> _Found:
        """An indirect attribution cued by `tok`; a speaker guessed from context is as doubtful as none."""
        guessed = speaker is None
        if guessed:
            speaker = self.nearest_compatible(tok, a, b)
        return _Found(
            "indirect",
            span[0],
            span[1],
            [span],
            self.cue_span(tok),
            None if speaker is None else speaker.i,
            conf * 0.7 if guessed else conf,
        )

    def para_of(self, char: int) -> int:
        return bisect_right(self.para_starts, char) - 1

    def tok_at(self, char: int) -> int:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        if span is None or len(span) == 0:
            # whitespace: the next token
            for t in self.doc:
                if t.idx >= char:
                    return t.i
            return len(self.doc) - 1
        return span.start

    def trim(self, first: int, last: int) -> tuple[int, int] | None:
        """Character span of tokens first..last without edge punctuation; None when nothing is said
        ("said that", "said something", a stray "___")."""
        doc = self.doc
        if first == last and doc[first].pos_ in ("PRON", "DET"):
            return None
        if not any(doc[i].is_alpha or doc[i].like_num for i in range(first, last + 1)):
            return None
        while first <= last and (
            doc[first].text in _PUNCT_TRIM or doc[first].dep_ == "cc" or doc[first].is_space
        ):
            first += 1
        while last >= first and (doc[last].text in _PUNCT_TRIM or doc[last].is_space):
            last -= 1
        if first > last:
            return None
        start, end = doc[first].idx, doc[last].idx + len(doc[last])
        # a content that ends inside a quoted fragment takes its closing mark ("a “freak out.”")
        inner = self.text[start:end]
        if inner.count("“") > inner.count("”") or inner.count('"') % 2 == 1:
            closing = _CLOSING_RE.match(self.text, end)
            if closing is not None:
                end = closing.end()
        return start, end

    def subject_of(self, tok: Token, depth: int = 0) -> Token | None:
        """The speaker of cue `tok`: its subject, the agent of a passive, or its host verb's subject."""
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
                if child.lower_ in _CONTRACTED_AUX and child.i > 0 and child.nbor(-1).pos_ == "PRON":
                    # "he’s said", "who’ve already said": the parse takes the contracted verb for
                    # the subject; the pronoun it is written onto is
                    return child.nbor(-1)
                if child.lower_ in ("that", "which") and tok.dep_ == "relcl" and depth < 3:
                    head = tok.head
                    if (
                        not _agentive(head)
                        and head.pos_ == "NOUN"
                        and head.dep_ == "dobj"
                        and head.head.pos_ == "VERB"
                    ):
                        # "Trump released a marketing video that said ...": who released it
                        found = self.subject_of(head.head, depth + 1)
                        if found is not None and _agentive(found):
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
            if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _OBJECT_CONTROL:
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
            if tok.dep_ == "acl" and tok.tag_ in ("VBG", "VBN"):
                head = tok.head
                if (
                    not _agentive(head)
                    and head.dep_ in ("dobj", "pobj")
                    and head.head.pos_ in ("VERB", "AUX")
                    and depth < 3
                ):
                    # "POLITICO published a story detailing ...": who published it
                    found = self.subject_of(head.head, depth + 1)
                    if found is not None:
                        return found
                if not _agentive(head) and head.pos_ != "PROPN" and depth < 3:
                    # "the spectacle denouncing ...", "a speech attacking ...": the clause's subject
                    verb = head.head
                    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                        verb = verb.head
                    found = self.subject_of(verb, depth + 1) if verb.pos_ in ("VERB", "AUX") else None
                    if found is not None and found.i != head.i and _agentive(found):
                        return found
                return head  # "Republicans, saying ...", "a group backing ..."
        return self.quantity_subject(tok)

    def quantity_subject(self, tok: Token) -> Token | None:
        """A poll share the parse leaves without a subject ("About 4 in 10 say ...", "Less than a
        third agreed ..."): the words before the verb, when they are all a quantity."""
        sent = tok.sent
        words = [t for t in self.doc[sent.start : tok.i] if not t.is_space]
        if not words or tok.dep_ != "ROOT" or tok.pos_ != "VERB":
            return None
        quantity = any(t.like_num or t.lower_ in _QUANTITY_WORDS for t in words)
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
            if _agentive(t):
                return _name_head(t)
        for i in range(tok.i - 1, max(tok.i - 6, sent.start - 1), -1):
            t = doc[i]
            if a <= i <= b or self.in_quote[i] != -1 or t.text in ",;:":
                break
            if _agentive(t) and t.dep_ not in ("pobj", "dobj"):
                return _name_head(t)
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
            if self.in_quote[i] == -1 and (_agentive(t) or t.pos_ in ("PROPN", "NOUN")) and t.dep_ != "pobj":
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
                if _agentive(t) or t.pos_ in ("PROPN", "NOUN"):
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
            if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN", "PRON") and t.lower_ != "it":
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
            if _agentive(t) and t.lower_ not in _RELATIVE:
                return _name_head(t)
        return None

    def same_para(self, x: Token, y: Token) -> bool:
        return self.para_of(x.idx) == self.para_of(y.idx)

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

    def agent_of(self, tok: Token) -> Token | None:
        for child in tok.children:
            if child.dep_ == "agent":
                for p in child.children:
                    if p.dep_ == "pobj":
                        return p
        return None

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

    # -- direct quotes ---------------------------------------------------------------------
    def direct(self) -> list[_Found]:
        doc = self.doc
        found: list[_Found] = []
        groups = self.merge_interrupted()
        prev: _Found | None = None
        for group in groups:
            q = Quoted(
                group[0].start, group[-1].end, [s for g in group for s in g.segments], group[-1].closed
            )
            first, last = self.tok_at(q.start), self.tok_at(q.end - 1)
            n_words = sum(1 for i in range(first, last + 1) if not doc[i].is_punct)
            if n_words == 0:
                continue
            frame = self.frame_tokens(q, first, last)
            cue = self.best_cue(frame, first, last)
            trailing = self.trailing_verb(q, last)
            if trailing is not None and (
                cue is None or cue > trailing or doc[cue].sent.start != doc[trailing].sent.start
            ):
                cue = trailing  # "“...,” an angry Hollande retaliated": whatever verb follows is the cue
            f = _Found("direct", q.start, q.end, q.segments, None, None, 0.5, quoted=q)
            words_outside = [i for i in frame if not doc[i].is_punct]
            embedded = self.embedded(first, last)
            if cue is not None:
                speaker = self.subject_of(doc[cue])
                if speaker is not None and self.in_quote[speaker.i] != -1:
                    speaker = None
                if speaker is not None and speaker.lower_ in _PRONOUNS_SUBJECT:
                    speaker = self.reporter_of(doc[cue]) or speaker
                if speaker is None:
                    speaker = (
                        self.frame_source(doc[cue], first, last)
                        or self.nearby_source(doc[cue], first, last)
                        or self.root_subject(doc[cue])
                    )
                f.cue = self.cue_span(doc[cue])
                f.speaker_tok = None if speaker is None else speaker.i
                f.confidence = 0.95 if speaker is not None else 0.6
                if (
                    speaker is None
                    and doc[cue].i == doc[cue].sent.start
                    and prev is not None
                    and (prev.speaker_tok is not None or prev.speaker_span is not None)
                    and self.para_of(q.start) - self.para_of(prev.end) <= 1
                ):
                    # "Adding, “...”", "Continued Stone: “...”": a sentence opened by its cue goes on
                    # with the previous quote's speaker
                    f.speaker_tok, f.speaker_span = prev.speaker_tok, prev.speaker_span
                    f.confidence = 0.75
                f.fragment = n_words <= 4 and embedded
                f.extra["clause"] = self.continues_clause(q, first)
            else:
                acc = self.according_in(frame)
                named = self.named_colon(first)
                colon = named or self.colon_intro(frame, first)
                signed = _SIGNATURE_RE.match(self.text, q.end)
                if signed is not None:
                    # a signed quote, “...” ― Pamela Padilla: the name after the dash is the speaker
                    f.cue, f.speaker_span = signed.span(1), signed.span(2)
                    f.confidence = 0.85
                elif acc is not None:
                    f.cue, f.speaker_tok = acc
                    f.confidence = 0.85
                elif named is not None:
                    f.cue = self.cue_span(named[0])
                    f.speaker_span = self.name_span(named[1])
                    f.confidence = 0.7
                elif colon is not None:
                    f.cue, f.speaker_tok = self.cue_span(colon[0]), colon[1].i
                    f.confidence = 0.7
                elif embedded or (n_words <= 3 and words_outside):
                    f.fragment = True
                    f.confidence = 0.2
                else:
                    gap = 99 if prev is None else self.para_of(q.start) - self.para_of(prev.end)
                    intro = self.introduced_by_previous(first) if gap > 1 else None
                    if intro is not None:
                        # "Ramírez described the moment the tunnel collapsed.\n\n“At first we ...”"
                        f.cue, f.speaker_tok = self.cue_span(intro[0]), intro[1].i
                        f.confidence = 0.6
                    elif (
                        prev is not None
                        and (prev.speaker_tok is not None or prev.speaker_span is not None)
                        and gap <= 2
                    ):
                        f.speaker_tok, f.speaker_span = prev.speaker_tok, prev.speaker_span
                        f.cue, f.inherit = prev.cue, True
                        f.confidence = 0.75 if gap <= 1 else 0.6
            if not f.fragment:
                prev = f
            found.append(f)
        return found

    def reporter_of(self, cue: Token) -> Token | None:
        """Who reports a quote's cue clause, "Benjamin said he believes “...”": the quoted words are
        the reporter's own, so the reporter (not the pronoun of the reported clause) is the speaker."""
        host = cue.head
        if cue.dep_ != "ccomp" or host.i > cue.i or host.pos_ != "VERB":
            return None
        if host.lemma_.lower() not in self.cues.speech:
            return None
        outer = self.subject_of(host, 1)
        if outer is None or self.in_quote[outer.i] != -1 or outer.lower_ in _PRONOUNS_SUBJECT:
            return None
        return outer if _agentive(outer) or outer.pos_ == "PROPN" else None

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

    def name_span(self, tok: Token) -> tuple[int, int]:
        """Character span of the name `tok` ends: its entity, else its run of capitalised words."""
        doc = self.doc
        if tok.ent_type_:
            for ent in doc.ents:
                if ent.start <= tok.i < ent.end:
                    return ent.start_char, ent.end_char
        i = tok.i
        while i > 0 and doc[i - 1].pos_ == "PROPN" and doc[i - 1].text[:1].isupper():
            i -= 1
        return doc[i].idx, tok.idx + len(tok)

    def trailing_verb(self, q: Quoted, last: int) -> int | None:
        """The verb of a short attribution right after a quote that ends on a comma, question or
        exclamation mark ("“...,” Trump went on", "“Choke!” blared the Herald"), in any lexicon or none."""
        doc = self.doc
        inner = self.text[q.start : q.end].rstrip("”\"'’»« ")
        if not inner or inner[-1] not in ",?!—-":
            return None
        if inner[-1] in "?!" and last + 1 < len(doc):
            # "“All is well!” He also said ...": after ! or ? a new sentence may begin
            nxt = doc[last + 1]
            if not (nxt.is_lower or nxt.pos_ == "PROPN"):
                return None
        for i in range(last + 1, min(last + 8, len(doc))):
            t = doc[i]
            if (t.is_space and "\n" in t.text) or self.in_quote[i] != -1 or t.text in _CLAUSE_STOPS:
                return None
            if t.pos_ == "VERB" and t.tag_ != "VBG":
                subject = self.subject_of(t)
                after = doc[i + 1] if i + 1 < len(doc) else None
                if (subject is not None and subject.i > last) or (
                    after is not None and (after.pos_ == "PROPN" or _agentive(after))
                ):
                    return i
                return None
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

    def continues_clause(self, q: Quoted, first: int) -> bool:
        """A quote that carries on a clause begun before it ("inspectors had identified “structural
        weaknesses ...”"): it opens in lower case after words of its sentence."""
        doc = self.doc
        letter = next((ch for ch in self.text[q.start : q.end] if ch.isalpha()), "")
        if not letter.islower():
            return False
        sent = doc[first].sent
        return any(not doc[i].is_punct and self.in_quote[i] == -1 for i in range(sent.start, first))

    def embedded(self, first: int, last: int) -> bool:
        """Whether the quote sits inside a clause (words of the same sentence on both sides)."""
        doc = self.doc
        sent = doc[first].sent
        left = any(not doc[i].is_punct and self.in_quote[i] == -1 for i in range(sent.start, first))
        right = any(not doc[i].is_punct and self.in_quote[i] == -1 for i in range(last + 1, sent.end))
        if not (left and right):
            return False
        # "“...,” he said, “...”" frames a quote with a cue on one side only: not embedded
        inner_end = doc[last].idx - 1 if doc[last].is_punct else doc[last].idx + len(doc[last]) - 1
        if self.text[inner_end : inner_end + 1] not in (",", "?", "!"):
            return True
        return not any(doc[i].lemma_ in self.cues.speech for i in range(last + 1, min(last + 4, sent.end)))

    def merge_interrupted(self) -> list[list[Quoted]]:
        """Group quotes split by a short attribution ("“A,” Zarif wrote, “B.”") into one."""
        groups: list[list[Quoted]] = []
        for q in self.quoted:
            if groups:
                prev = groups[-1][-1]
                gap = self.text[prev.end : q.start]
                if (
                    prev.closed
                    and "\n" not in gap
                    and 0 < len(gap) <= 120
                    and self.text[prev.end - 2 : prev.end - 1] in (",", "—", "-")
                    and gap.rstrip().endswith((",", ":", "—"))
                    and len(groups[-1]) < 6
                ):
                    groups[-1].append(q)
                    continue
            groups.append([q])
        return groups

    def frame_tokens(self, q: Quoted, first: int, last: int) -> list[int]:
        """Unquoted tokens of the sentence(s) around a quote, within its paragraph(s)."""
        doc = self.doc
        s_first, s_last = doc[first].sent, doc[last].sent
        p_first, p_last = self.para_of(q.start), self.para_of(q.end - 1)
        lo, hi = s_first.start, s_last.end
        # "“...” \n he said." split by the tagger: take a short next sentence of the same paragraph
        if all(doc[i].is_punct or doc[i].is_space for i in range(last + 1, hi)) and hi < len(doc):
            nxt = doc[hi].sent
            words = [t for t in nxt if t.is_alpha]
            if (
                len(nxt) <= 14
                and self.para_of(nxt.start_char) == p_last
                and words
                and (words[0].is_lower or not nxt.text.rstrip().endswith("?"))
            ):
                hi = nxt.end
        if all(doc[i].is_punct or doc[i].is_space for i in range(lo, first)) and lo > 0:
            prv = doc[lo - 1].sent
            if self.para_of(prv.start_char) in (p_first, p_first - 1) and prv.text.rstrip().endswith(":"):
                lo = prv.start
        return [
            i
            for i in range(lo, hi)
            if self.in_quote[i] == -1
            and p_first - 1 <= self.para_of(doc[i].idx) <= p_last
            and not doc[i].is_space
        ]

    def best_cue(self, frame: list[int], first: int, last: int) -> int | None:
        doc = self.doc
        best, best_d = None, 10**9
        for i in frame:
            t = doc[i]
            lemma = self.cues.verb_lemma(t.lemma_.lower(), t.lower_) if t.pos_ == "VERB" else t.lemma_.lower()
            if t.pos_ not in ("VERB", "AUX", "NOUN"):
                continue
            if t.pos_ == "NOUN":
                ok = lemma in ("statement", "tweet", "post") and False
            else:
                ok = lemma in self.cues.speech or lemma in self.cues.belief
                if not ok:
                    frame_ = self.cues.frame(lemma, "ccomp")
                    ok = frame_ is not None and frame_.precision >= _MIN_FRAME_PRECISION
            if not ok:
                continue
            d = first - i if i < first else (i - last) * 0.9
            if d < best_d:
                best, best_d = i, d
        return best

    def cue_span(self, tok: Token) -> tuple[int, int]:
        """The cue word with its particle and a following manner phrase ("said in a statement",
        "writing on Twitter", "fired back")."""
        doc = self.doc
        start, end = tok.idx, tok.idx + len(tok)
        last = tok.i
        for child in sorted(tok.children, key=lambda c: c.i):
            if child.dep_ == "prt" and child.i == last + 1:
                end, last = child.idx + len(child), child.i
            elif child.dep_ == "prep" and child.i == last + 1 and child.right_edge.i - child.i <= 3:
                phrase = doc[child.i : child.right_edge.i + 1].text.lower()
                if phrase in self.cues.manner_phrase:
                    right = doc[child.right_edge.i]
                    end, last = right.idx + len(right), right.i
        return start, end

    def according_in(self, frame: list[int]) -> tuple[tuple[int, int], int | None] | None:
        """A source phrase next to a quote: “...,” according to officials."""
        doc = self.doc
        for i in frame:
            end = self.source_phrase_end(doc[i])
            if end is not None:
                last = doc[end]
                pobj = next((c for c in last.children if c.dep_ in ("pobj", "dobj")), None)
                return (doc[i].idx, last.idx + len(last)), None if pobj is None else pobj.i
        return None

    # -- indirect -------------------------------------------------------------------------
    def indirect(self) -> list[_Found]:
        doc = self.doc
        cues = self.cues
        out: list[_Found] = []
        for tok in doc:
            if self.in_quote[tok.i] != -1:
                continue
            pos = tok.pos_
            lemma = tok.lemma_.lower()
            if pos == "VERB":
                lemma = cues.verb_lemma(lemma, tok.lower_)
            phrase_end = self.source_phrase_end(tok)
            if (
                phrase_end is None
                and tok.lower_ == "in"
                and tok.dep_ == "prep"
                and tok.i - tok.sent.start <= 1
            ):
                # "In an NBC News poll released Monday, 50 percent chose Clinton"
                pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
                if pobj is not None and pobj.lemma_.lower() in _EVIDENCE_NOUNS:
                    phrase_end = tok.i
            if phrase_end is not None:
                f = self.source_phrase_at(tok.i, phrase_end)
                if f is not None:
                    out.append(f)
                continue
            if tok.dep_ == "acl" and tok.tag_ == "VBN" and self.agent_of(tok) is None:
                continue  # "a program called Sandy Hook Promise": naming, not attribution
            if pos in ("VERB", "AUX", "ADJ"):
                accepted = []
                for dep, a, b in candidate_frames(tok):
                    conf = self.accept_verb(tok, lemma, dep, a, b)
                    if conf is not None:
                        accepted.append((dep, a, b, conf))
                for dep, a, b, conf in self.join_frames(tok, accepted):
                    span = self.trim(a, b)
                    if span is None:
                        continue
                    speaker = self.subject_of(tok)
                    if speaker is not None and not self.same_para(speaker, tok):
                        speaker = None  # a dateline or heading the parser glued to the sentence
                    if (
                        speaker is not None
                        and speaker.lower_ == "it"
                        and tok.pos_ == "ADJ"
                        and tok.head.lemma_ == "make"
                    ):
                        speaker = self.subject_of(tok.head)  # "Clinton made it clear that ...": not "it"
                    if speaker is None:
                        speaker = self.nearby_source(tok, a, b) or self.fallback_source(tok, a, b)
                    if (
                        speaker is not None
                        and speaker.i >= a
                        and speaker.i <= b
                        and dep not in ("host", "as_host")
                        and not a <= tok.i <= b  # "which officials said will ...": all of it is content
                    ):
                        speaker = None
                    out.append(self.reported(tok, span, a, b, speaker, conf))
            elif pos == "NOUN":
                for dep, a, b in candidate_frames(tok):
                    frame = cues.frame(lemma, dep)
                    derived = frame is not None and frame.precision >= _MIN_FRAME_PRECISION
                    if cues.weights:
                        p = cues.score(frame_features(tok, lemma, dep, a, b, cues, self.noun_source(tok)))
                        derived = p >= cues.threshold
                        frame = Frame(lemma, dep, p, 0) if derived else None
                    if not derived:
                        if lemma not in cues.noun or dep not in ("acl", "ccomp"):
                            continue
                        if doc[a].lower_ not in ("that", "to") and not (
                            a + 1 <= b and doc[a + 1].lower_ == "to"
                        ):
                            continue
                    span = self.trim(a, b)
                    speaker = self.noun_source(tok)
                    if speaker is not None and speaker.dep_ == "poss":
                        speaker = self.named_owner(tok, speaker)
                    if span is None or (speaker is None and not derived):
                        continue
                    conf = frame.precision if derived and frame is not None else 0.6
                    out.append(self.reported(tok, span, a, b, speaker, conf))
        return out

    def join_frames(
        self, tok: Token, accepted: list[tuple[str, int, int, float]]
    ) -> list[tuple[str, int, int, float]]:
        """Adjacent contents of one cue become one ("called him a liar", "urged Congress to act"),
        and a relative pronoun as content stands for its antecedent ("stances that he disavowed")."""
        doc = self.doc
        out: list[tuple[str, int, int, float]] = []
        for dep, a, b, conf in sorted(accepted, key=lambda f: f[1]):
            if a == b and doc[a].lower_ in ("that", "which", "whom", "what") and tok.dep_ == "relcl":
                head = tok.head
                if head.i < tok.i:
                    a, b = head.left_edge.i, head.i
            hosts = ("host", "as_host")
            if (
                out
                and dep not in hosts
                and out[-1][0] not in hosts
                and 0 <= a - out[-1][2] <= 1
                and a > tok.i
            ):
                pdep, pa, _, pconf = out[-1]
                out[-1] = (pdep, pa, b, max(pconf, conf))
                continue
            out.append((dep, a, b, conf))
        return out

    def accept_verb(self, tok: Token, lemma: str, dep: str, a: int, b: int) -> float | None:
        """The confidence that construction `dep` of verb `tok` is an attribution, or None."""
        cues = self.cues
        if cues.weights:
            p = cues.score(frame_features(tok, lemma, dep, a, b, cues, self.subject_of(tok)))
            if lemma in cues.extra and dep in ("ccomp", "host", "as_host"):
                return max(p, 0.85)  # the user's own cues always count
            if p >= cues.threshold:
                return p
            return None
        frame = cues.frame(lemma, dep)
        if dep in ("ccomp", "host", "as_host") and lemma in cues.speech:
            return max(0.85, frame.precision if frame else 0.0)
        if dep == "xcomp" and lemma in cues.intention and self.doc[a].lower_ == "to":
            return max(0.6, frame.precision if frame else 0.0)
        if dep == "ccomp" and (lemma in cues.belief or lemma in cues.evidence):
            return max(0.6, frame.precision if frame else 0.0)
        if dep == "prep_for" and lemma == "call":
            return 0.7
        if frame is not None and frame.precision >= _MIN_FRAME_PRECISION:
            return frame.precision
        return None

    def source_phrase_end(self, tok: Token) -> int | None:
        """Index of the last word of a source phrase starting at `tok`, if one does."""
        doc = self.doc
        for words in self.phrases.get(tok.lower_, ()):
            end = tok.i + len(words) - 1
            if end < len(doc) and all(doc[tok.i + k].lower_ == w for k, w in enumerate(words)):
                return end
        return None

    def source_phrase_at(self, i: int, j: int) -> _Found | None:
        """A phrase that names a source by itself, doc[i..j] ("according to", "in the words of"): the
        source is the object of its last word, the content the larger side of the sentence around it."""
        doc = self.doc
        tok, to = doc[i], doc[j]
        pobj = next((c for c in to.children if c.dep_ in ("pobj", "dobj")), None)
        if pobj is None:
            pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        source = pobj
        host = tok.head if tok.dep_ in ("prep", "advcl", "mark", "advmod") else tok
        sent = tok.sent
        ph_first, ph_last = tok.i, (pobj.right_edge.i if pobj is not None else to.i)
        if host is tok or host.i == tok.i or i <= host.i <= j:
            first, last = sent.start, sent.end - 1
        else:
            first, last = host.left_edge.i, host.right_edge.i
            first, last = max(first, sent.start), min(last, sent.end - 1)
        # the content is the larger side of the sentence around the "according to X" phrase
        before = (first, ph_first - 1)
        after = (ph_last + 1, last)
        side = before if before[1] - before[0] >= after[1] - after[0] else after
        span = self.trim(*side)
        if span is None:
            return None
        cue = (tok.idx, to.idx + len(to))
        return _Found("indirect", span[0], span[1], [span], cue, None if source is None else source.i, 0.85)

    # -- transcripts ----------------------------------------------------------------------
    def transcript(self) -> list[_Found]:
        """Interview turns: "PENCE: ..." paragraphs, when the article has at least two of them."""
        out: list[_Found] = []
        # a turn may open with a quotation mark when the whole transcript is quoted ("WALLACE: ...)
        for m in re.finditer(r"(?m)^[ \t]*[\"“]?" + _TRANSCRIPT_RE.pattern + r"[^\n]*", self.text):
            name_start = m.start(1)
            name_end = m.end(1)
            content_start = (
                m.start(2) if m.lastindex and m.lastindex >= 2 else self.text.index(":", name_end) + 1
            )
            content_start = self.text.index(":", name_end) + 1
            while content_start < m.end() and self.text[content_start].isspace():
                content_start += 1
            f = _Found("direct", content_start, m.end(), [(content_start, m.end())], None, None, 0.8)
            f.speaker_span = (name_start, name_end)
            f.cue = (name_end, name_end + 1)
            label = _TURN_LABELS.get(self.text[name_start:name_end].rstrip(".").lower())
            if label is not None:
                f.extra["name"] = label  # "Q: ..." is the interviewer's turn
            out.append(f)
        return out if len(out) >= 2 else []

    def headlines(self) -> list[_Found]:
        """Headline claims, "John McCain: Republican anger appeals to bad angels": a line that opens
        with a person's or organisation's name and a colon attributes the rest of the line."""
        doc = self.doc
        out: list[_Found] = []
        for m in re.finditer(r"(?m)^([^\n:]{2,60}):[ \t]+(\S[^\n]*)$", self.text):
            span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
            if span is None or not span.ents or len(m.group(2).split()) < 4:
                continue
            ent = span.ents[-1]
            if ent.label_ not in ("PERSON", "ORG") or ent.end_char != m.end(1) or len(span) > 6:
                continue
            if m.group(2)[0] in _QUOTE_CHARS:
                continue  # a quoted headline is a direct quote, found with the quotation marks
            end = m.end(2)
            f = _Found("indirect", m.start(2), end, [(m.start(2), end)], None, None, 0.6)
            f.speaker_span = (ent.start_char, ent.end_char)
            f.cue = (m.end(1), m.end(1) + 1)
            out.append(f)
        return out

    # -- merge ----------------------------------------------------------------------------
    def run(self) -> list[_Found]:
        direct = self.direct()
        indirect = self.indirect()
        kept: list[_Found] = []
        consumed: set[int] = set()
        for f in indirect:
            inside = [
                k
                for k, d in enumerate(direct)
                if d.start >= f.start - 2 and d.end <= f.end + 2 and d.end > d.start
            ]
            quoted_chars = sum(direct[k].end - direct[k].start for k in inside)
            length = f.end - f.start
            if inside and quoted_chars * 10 >= length * 7:
                # the complement is the quote itself: the direct quote takes this cue and speaker
                for k in inside:
                    d = direct[k]
                    if d.speaker_tok is None and d.speaker_span is None and f.speaker_tok is not None:
                        d.speaker_tok, d.cue, d.confidence = f.speaker_tok, f.cue, max(d.confidence, 0.8)
                        d.fragment = False
                    elif d.fragment and d.cue is None:
                        d.fragment = False
                        d.speaker_tok, d.cue = f.speaker_tok, f.cue
                continue
            if inside:
                f.kind = "mixed"
                # a quoted fragment joins the reported clause; a quote with its own cue stays itself
                consumed.update(
                    k
                    for k in inside
                    if direct[k].fragment or direct[k].cue is None or direct[k].extra.get("clause")
                )
            # a partial overlap with a full quote sentence: keep the quote, drop the clause
            clash = [d for d in direct if not d.fragment and d.start < f.end and f.start < d.end]
            if clash and not inside:
                over = sum(min(d.end, f.end) - max(d.start, f.start) for d in clash)
                if over * 2 >= length:
                    continue
            kept.append(f)
        for k, d in enumerate(direct):
            if k in consumed or d.fragment:
                continue
            if d.speaker_tok is None and d.speaker_span is None and d.cue is None:
                words = len(self.text[d.start : d.end].split())
                if words < 6:
                    continue
                d.confidence = 0.35
            kept.append(d)
        transcript = self.transcript()
        if transcript:
            # a quote over several turns ("WALLACE: ...\n\n"PENCE: ...) is the turns themselves
            names = [t.speaker_span[0] for t in transcript if t.speaker_span is not None]
            kept = [k for k in kept if k.kind != "direct" or not any(k.start <= n < k.end for n in names)]
        transcript = transcript or self.headlines()
        if transcript:
            spans = [(k.start, k.end) for k in kept if k.kind == "direct"]
            for t in transcript:
                if not any(s < t.end and t.start < e and e - s > (t.end - t.start) // 2 for s, e in spans):
                    kept.append(t)
        kept = self.drop_weak_nested(kept)
        for f in kept:
            self.repair_speaker(f)
        self.doubt_headline(kept)
        kept.sort(key=lambda f: (f.start, -f.end))
        return kept

    def repair_speaker(self, f: _Found) -> None:
        """A date ("Warren said Saturday") or a dateline ("CLEVELAND - Mukasey told ...") the parse
        took for the subject is never the speaker: the name nearest the cue in its sentence is."""
        if f.speaker_tok is None or f.cue is None:
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
        if tok.ent_type_ not in ("DATE", "TIME") and not dateline:
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

    def doubt_headline(self, found: list[_Found]) -> None:
        """A title line ("Village fights to save its post office as Royal Mail confirms closure plans")
        is written in headline grammar: its verbs are events, not speech. Its attributions keep their
        confidence only with a speech cue and a named person ("Trump says ..."); others drop below 0.5."""
        doc, text = self.doc, self.text
        lead = len(text) - len(text.lstrip())
        end = text.find("\n", lead)
        title = text[lead:end].strip() if end != -1 else ""
        words = title.lstrip("#").split()
        if not words or len(words) > 25 or title[-1] in ".!?:;,”\"’'…)" or not text[end:].strip():
            return
        for f in found:
            where = f.cue[0] if f.cue is not None else f.start
            if not lead <= where < end:
                continue
            cue_tok = doc[self.tok_at(f.cue[0])] if f.cue is not None else None
            speech = cue_tok is not None and (
                self.cues.verb_lemma(cue_tok.lemma_.lower(), cue_tok.lower_) in self.cues.speech
            )
            if f.speaker_tok is not None:
                person = doc[f.speaker_tok].ent_type_ == "PERSON"
            elif f.speaker_span is not None:
                span = doc.char_span(*f.speaker_span, alignment_mode="expand")
                person = span is not None and any(e.label_ == "PERSON" for e in span.ents)
            else:
                person = False
            if not (speech and person):
                f.confidence = min(f.confidence, 0.4)

    def drop_weak_nested(self, found: list[_Found]) -> list[_Found]:
        """Drop a doubtful attribution whose cue sits inside another one's content ("Rouhani tweeted
        that Tehran seeks ..."): it is part of what the outer source said, rarely a claim of its own."""
        limit = _NESTED_MIN
        outers = [(f.start, f.end, f.confidence) for f in found if f.kind != "direct"]
        out = []
        for f in found:
            if f.kind == "indirect" and f.cue is not None and f.confidence < limit:
                c = f.cue[0]
                if any(s <= c < e and conf > f.confidence for s, e, conf in outers):
                    continue
            out.append(f)
        return out

    # -- speakers to actors ----------------------------------------------------------------
    def mention_span(self, tok: Token) -> tuple[int, int]:
        """The speaker mention around head token `tok`: its entity, or its name or description words."""
        doc = self.doc
        if tok.lower_ in _RELATIVE and tok.head.dep_ == "relcl" and 0 < tok.i - tok.head.head.i <= 8:
            # "a non-profit that advocates ...", "Sanders, who said ...": the mention runs from the
            # antecedent to the pronoun, so it shows who is meant
            return self.mention_span(tok.head.head)[0], tok.idx + len(tok)
        if tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
            i, j = tok.i, tok.i
            while i > 0 and doc[i - 1].ent_iob_ == "I" or (doc[i].ent_iob_ == "I" and i > 0):
                i -= 1
                if doc[i].ent_iob_ == "B":
                    break
            while j + 1 < len(doc) and doc[j + 1].ent_iob_ == "I":
                j += 1
            return doc[i].idx, doc[j].idx + len(doc[j])
        if tok.pos_ == "NOUN":
            for child in tok.children:
                if child.dep_ == "appos" and child.ent_type_ == "PERSON":
                    return self.mention_span(child)
        first = tok.i
        for child in tok.lefts:
            if child.dep_ in ("compound", "amod", "det", "poss", "nmod", "nummod", "quantmod"):
                first = min(first, child.left_edge.i)
        end = tok.idx + len(tok)
        if tok.pos_ == "NOUN":
            # "a recent report from Bloomberg New Energy Finance", "a tally by the Associated Press":
            # the mention runs to the name of whoever stands behind the document
            for prep in tok.rights:
                if prep.dep_ == "prep" and prep.lower_ in ("by", "from") and prep.i <= tok.i + 2:
                    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    if obj is not None and obj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
                        end = max(end, self.mention_span(obj)[1])
        return doc[first].idx, end

    def actor_at(self, start: int, end: int) -> Referent | None:
        k = bisect_right(self.mention_starts, end) - 1
        while k >= 0 and self.mentions[k][0] > start - 400:
            s, e, actor = self.mentions[k]
            if s < end and start < e:
                return actor
            k -= 1
        return None

    def resolve(self, tok: Token) -> Referent | None:
        """The actor a speaker token refers to (name, relative pronoun, pronoun or description)."""
        lower = tok.lower_
        if lower in _RELATIVE and tok.head.dep_ == "relcl":
            antecedent = tok.head.head
            return self.actor_at(antecedent.idx, antecedent.idx + len(antecedent))
        for child in tok.children:
            if child.dep_ == "appos" and child.ent_type_ == "PERSON":
                tok = _name_head(child)  # "Iran's foreign minister, Mohammad Javad Zarif"
        direct = self.actor_at(tok.idx, tok.idx + len(tok))
        if direct is not None:
            return direct
        if tok.pos_ == "PROPN":
            # a surname the entity recogniser missed this time ("Castillo told the panel")
            named = self.actor_by_name(tok.text)
            if named is not None and named.kind == "person":
                return named
        if tok.pos_ == "PRON" or lower in _PRONOUNS_PERSON:
            if lower in _PRONOUNS_PERSON:
                return self.antecedent(tok.idx, {"person"}, _PRONOUNS_PERSON[lower])
            if lower in _PRONOUNS_PLURAL:
                return self.antecedent(tok.idx, {"group", "organisation"}, None)
            if lower == "it":
                return self.antecedent(tok.idx, {"organisation"}, None)
            return None
        if tok.lemma_.lower() in _ROLE_NOUNS:
            return self.antecedent(tok.idx, {"person"}, None, role=tok.lemma_.lower())
        if tok.lemma_.lower() in _ORG_NOUNS and not any(c.dep_ in ("compound", "poss") for c in tok.children):
            return self.antecedent(tok.idx, {"organisation"}, None)
        return None

    def gender(self, actor: Referent) -> str | None:
        g = self._genders.get(actor.id)
        if g is not None:
            return g or None
        found = ""
        for m in actor.mentions:
            before = self.text[max(0, m.start - 6) : m.start].lower().split()
            word = before[-1] if before else ""
            if word in _MALE_TITLES:
                found = "m"
                break
            if word in _FEMALE_TITLES:
                found = "f"
                break
        if not found:
            found = self.kin_gender(actor)
        self._genders[actor.id] = found
        return found or None

    def kin_gender(self, actor: Referent) -> str:
        """A gender from a kin or gendered noun in apposition: "his mother, Loretta Bell" or "Loretta
        Bell, his mother"; "" when there is none."""
        for m in actor.mentions:
            before = _KIN_BEFORE_RE.search(self.text, max(0, m.start - 40), m.start)
            after = _KIN_AFTER_RE.match(self.text, m.end)
            for hit in (before, after):
                if hit is not None:
                    return _KIN_NOUNS[hit.group("kin").lower()]
        return ""

    def antecedent(
        self, char: int, kinds: set[str], gender: str | None, role: str | None = None
    ) -> Referent | None:
        k = bisect_right(self.mention_starts, char) - 1
        seen = 0
        fallback: Referent | None = None
        sent_start = self.doc[self.tok_at(char)].sent.start_char
        while k >= 0 and seen < 40:
            s, e, actor = self.mentions[k]
            k -= 1
            if e > char or actor.kind not in kinds:
                continue
            seen += 1
            if char - s > 3000:
                break
            if gender is not None:
                g = self.gender(actor)
                if g is not None and g != gender:
                    continue
            if role is not None:
                context = " ".join(
                    self.text[max(0, m.start - 60) : m.end + 60].lower() for m in actor.mentions[:6]
                )
                if role not in context:
                    continue
            # prefer the subject of a recent clause ("Trump sought ..., writing on Twitter ... He said")
            span = self.doc.char_span(s, e, alignment_mode="expand")
            root = None if span is None else span.root
            is_subject = root is not None and (
                root.dep_ in ("nsubj", "nsubjpass")
                or (root.dep_ == "appos" and root.head.dep_ in ("nsubj", "nsubjpass"))
            )
            if fallback is None:
                fallback = actor
            if not is_subject and (sent_start - s) < 600:
                continue
            chosen = actor if is_subject else fallback
            if gender is not None and chosen is not None and not self._genders.get(chosen.id):
                self._genders[chosen.id] = gender
            return chosen
        if fallback is not None and gender is not None and not self._genders.get(fallback.id):
            self._genders[fallback.id] = gender
        return fallback

    def to_quotes(self, found: list[_Found]) -> list[Quote]:
        self._genders: dict[str, str] = {}
        doc, text = self.doc, self.text
        quotes: list[Quote] = []
        last_actor: dict[int, Referent | None] = {}
        for f in found:
            speaker: Span | None = None
            actor: Referent | None = None
            if f.speaker_span is not None:
                s, e = f.speaker_span
                speaker = Span(s, e, text[s:e])
                actor = self.actor_by_name(text[s:e])
            elif f.speaker_tok is not None:
                if f.speaker_tok in last_actor:
                    actor = last_actor[f.speaker_tok]
                    s, e = self.mention_span(doc[f.speaker_tok])
                else:
                    tok = doc[f.speaker_tok]
                    s, e = self.mention_span(tok)
                    actor = self.resolve(tok)
                    last_actor[f.speaker_tok] = actor
                speaker = Span(s, e, text[s:e])
            cue = None if f.cue is None else Span(f.cue[0], f.cue[1], text[f.cue[0] : f.cue[1]])
            segments = [Span(s, e, text[s:e]) for s, e in f.segments]
            name = actor.name if actor is not None else (speaker.text if speaker is not None else None)
            if f.extra.get("name"):
                name = f.extra["name"]
            if actor is None and f.speaker_tok is not None:
                tok = doc[f.speaker_tok]
                if tok.lower_ in _RELATIVE and tok.head.dep_ == "relcl" and tok.head.head.i < tok.i:
                    s, e = self.mention_span(tok.head.head)  # "critics who say ...": show "critics"
                    name = text[s:e]
            quotes.append(
                Quote(
                    kind=f.kind,  # type: ignore[arg-type]
                    content=Span(f.start, f.end, text[f.start : f.end]),
                    speaker=speaker,
                    actor=None if actor is None else actor.id,
                    cue=cue,
                    confidence=round(f.confidence, 3),
                    segments=segments,
                    speaker_name=name,
                )
            )
        return quotes

    def actor_by_name(self, name: str) -> Referent | None:
        last = name.split()[-1].lower().strip(".") if name.split() else ""
        for actor in self.actors:
            for alias in (actor.name, *actor.aliases):
                if alias.split() and alias.split()[-1].lower() == last:
                    return actor
        return None


def _unparsed_quotes(doc: Doc) -> list[Quote]:
    """Quotation marks only, for a pipeline without a parser: no cue, no speaker, low confidence."""
    text = doc.text
    out = []
    for q in find_quoted(text):
        if len(text[q.start : q.end].split()) < 3:
            continue  # a title or scare quote, most likely
        out.append(
            Quote(
                kind="direct",
                content=Span(q.start, q.end, text[q.start : q.end]),
                speaker=None,
                actor=None,
                cue=None,
                confidence=0.3,
                segments=[Span(s, e, text[s:e]) for s, e in q.segments],
            )
        )
    return out


def extract_quotes(doc: Doc, actors: list[Referent], extra_cues: Iterable[str] = ()) -> list[Quote]:
    """All attributions in `doc`, each linked to an actor from `actors` where one can be resolved."""
    if len(doc) == 0:
        return []
    if not doc.has_annotation("DEP"):
        return _unparsed_quotes(doc)
    extractor = _Extractor(doc, actors, cues_for(extra_cues))
    return extractor.to_quotes(extractor.run())
