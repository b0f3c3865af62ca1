"""Clubs and companies the small model misses or takes for places, told by the words around them.

A club's or company's last word makes a capitalised name the model left untagged an organisation
("Leeds United", "Harland Group"); a town's name ending in "City", "Town" or "County" is its club's in
a sentence about sport ("Bristol City beat Leeds United 2-1"); and an organisation noun before a
name, in apposition to it, or taking it up as the next sentence's subject says what it is ("the bank
Barclays", "Barclays, the lender,", "Barclays cut 300 jobs. The bank said ..."). The words are
lexicon data (`organisations.toml`), none of them a name.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reader.analysis import lexicon
from reader.analysis.entities.missed import put_in
from reader.analysis.entities.words import (
    NOT_FIRST_NAMES,
    NOT_NAME_WORDS,
    ORG_NOUNS,
    ORG_TAILS,
    PERSON_NOUNS,
    TITLE_WORDS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from reader.analysis.entities.names import Mention
    from reader.analysis.model import Entity

#: "Bristol City", "Luton Town": a club's name only in a sentence about sport.
TOWN_CLUB_TAILS = lexicon.words("organisations", "town_club_tails")
SPORT_WORDS = lexicon.words("organisations", "sport_words")
#: Last words that make an untagged capitalised name an organisation's: "Leeds United", "Harland Group".
_TAILS = ORG_TAILS | lexicon.words("organisations", "company_tails")
#: Nouns that say what a name next to them is: "the bank Barclays", "Barnsley, the club".
_NOUNS = ORG_NOUNS | lexicon.words("organisations", "club_nouns")
_TAKEN_UP_BY = _NOUNS | lexicon.words("organisations", "generic_nouns")
#: A match's score: "beat Leeds United 2-1".
_SCORE_RE = re.compile(r"(?<![\d.])\d{1,2}[-–]\d{1,2}(?![\d.])")


def about_sport(sent: SpacySpan) -> bool:
    """Whether a sentence is about sport: a word of sport or a score in it."""
    return any(t.lemma_.lower() in SPORT_WORDS for t in sent) or bool(_SCORE_RE.search(sent.text))


def town_club(ent: SpacySpan, key: str) -> bool:
    """ "Bristol City beat Leeds United 2-1": a town's name ending in a club's word, said in a
    sentence about sport, names the club."""
    return " " in key and key.rsplit(" ", 1)[-1] in TOWN_CLUB_TAILS and about_sport(ent.sent)


def recover_organisations(
    doc: Doc, text: str, entities: list[Entity], mentions: list[Mention], offset: int
) -> None:
    """Add the clubs and companies the model left untagged (see the module docstring), in place."""
    found: dict[tuple[int, int], str] = {}
    for sent in doc.sents:
        if _title_case(sent):
            continue  # a headline in title case: every word is capitalised
        for run in _untagged_names(sent):
            if _organisation(doc, sent, run):
                start, end = run[0].idx, run[-1].idx + len(run[-1])
                found[(start, end)] = text[start:end]
    if found:
        put_in(doc, text, entities, mentions, offset, found, "ORG")


def _title_case(sent: SpacySpan) -> bool:
    """A headline in title case ("Council Approves New Homes Plan"), whose words are all capitalised:
    hardly any of its longer words after the first, outside the names the model tagged, in lower case."""
    words = [t for t in sent[1:] if t.is_alpha and len(t) > 3 and not t.ent_type_]
    return len(words) >= 3 and sum(t.text[0].islower() for t in words) * 4 < len(words)


def _name_word(token: Token) -> bool:
    """A capitalised word the model tagged as nothing, that may be part of a name."""
    lower = token.lower_
    return (
        not token.ent_type_
        and token.is_alpha
        and token.text[0].isupper()
        and (not token.is_upper or lower in _TAILS or len(token) == 1)
        and lower not in NOT_FIRST_NAMES
        and lower not in TITLE_WORDS
        and not token.is_stop
    )


def _untagged_names(sent: SpacySpan) -> list[list[Token]]:
    """The runs of untagged capitalised words of a sentence ("Leeds United", "Barclays")."""
    runs: list[list[Token]] = []
    run: list[Token] = []
    for token in sent:
        if _name_word(token):
            run.append(token)
            continue
        if run:
            runs.append(run)
        run = []
    if run:
        runs.append(run)
    return runs


def _organisation(doc: Doc, sent: SpacySpan, run: list[Token]) -> bool:
    """Whether the words around an untagged name make it an organisation's."""
    first, last = run[0], run[-1]
    if len(run) > 1:
        if first.lower_ in NOT_NAME_WORDS:
            return False  # "West Bank", "National Bank" of a heading
        tail = last.lower_
        return tail in _TAILS or (tail in TOWN_CLUB_TAILS and about_sport(sent))
    if first.lemma_.lower() in PERSON_NOUNS or len(first) < 3:
        return False
    before = doc[first.i - 2 : first.i]
    if len(before) == 2 and before[0].lower_ in ("the", "a") and before[1].lower_ in _NOUNS:
        return True  # "the bank Barclays"
    if any(c.dep_ == "appos" and c.lemma_.lower() in _NOUNS for c in first.children):
        return True  # "Barclays, the lender, said"
    return _taken_up(doc, sent, first)


def _taken_up(doc: Doc, sent: SpacySpan, token: Token) -> bool:
    """ "Barclays cut 300 jobs. The bank said ...": the subject opening a sentence, taken up by the
    next sentence's subject "the bank", "the club", "the company", when the word is a name elsewhere
    too (capitalised inside a sentence, never in lower case): "Sales fell. The company said ..." is
    about sales."""
    if token.i != sent.start or token.dep_ != "nsubj" or sent.end + 1 >= len(doc):
        return False
    opening, noun = doc[sent.end], doc[sent.end + 1]
    if opening.lower_ != "the" or noun.lower_ not in _TAKEN_UP_BY or noun.dep_ != "nsubj":
        return False
    same = [t for t in doc if t.lower_ == token.lower_ and t.i != token.i]
    return bool(same) and all(t.text == token.text for t in same) and any(not t.is_sent_start for t in same)
