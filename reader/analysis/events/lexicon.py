"""The word lists events are read with: which verbs head an event, which make it unreal.

Lists that grow with use are data in the lexicon folder (`cues.toml` for verbs of saying, shared
with the quote finder; `events.toml` for the rest, origin in its README); the short closed lists of
grammar stay here.
"""

from __future__ import annotations

from reader.analysis import lexicon


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_CUE_VERBS = lexicon.words("cues", "speech") | lexicon.words("cues", "belief")
#: Verbs whose saying is the news ("confirmed the closure"): events, ranked below actions.
SPEECH_EVENTS: frozenset[str] = lexicon.words("events", "speech_events") | lexicon.words("events", "speaking")
#: Verbs that only introduce what someone said or thought: the quote finder's, never an event.
BARE_SAYING_VERBS: frozenset[str] = _CUE_VERBS - SPEECH_EVENTS - lexicon.words("events", "actions")
#: Every verb of saying and believing, the bare ones and those whose saying is news.
REPORTING_VERBS: frozenset[str] = _CUE_VERBS | SPEECH_EVENTS
#: Nouns of people and of organisations (shared with the quote finder): a `by` phrase with one names a doer.
PERSON_NOUNS: frozenset[str] = lexicon.words("people", "person_nouns")
ORG_NOUNS: frozenset[str] = lexicon.words("people", "org_nouns")
#: Modal auxiliaries ("could", "would"): what they govern may not have happened.
MODAL_WORDS: frozenset[str] = lexicon.words("events", "modal")
#: Future auxiliaries ("will"): not yet happened.
FUTURE_WORDS: frozenset[str] = lexicon.words("events", "future")
#: Subordinators of a condition ("if", "unless"): what they govern is hypothetical.
CONDITION_WORDS: frozenset[str] = lexicon.words("events", "condition")
#: Verbs whose direct object is where they happen ("left Zurich", "entered Kherson").
PLACE_OBJECT_VERBS: frozenset[str] = lexicon.words("events", "place_object_verbs")
#: Subordinators of time ("after ..."): their clause sets the scene of the news.
TIME_CLAUSE_WORDS: frozenset[str] = lexicon.words("events", "time_clause")

#: Copulas, auxiliaries and light verbs that carry no event of their own.
LIGHT_VERBS = frozenset(
    ["be", "have", "do", "get", "seem", "appear", "become", "remain", "let", "go", "come", "keep"]
)
#: Verbs whose "to ..." complement is the real action: "sought to downplay" -> downplay.
CONTROL_VERBS = _words(
    """seek try attempt want plan hope aim intend continue begin start threaten vow promise pledge
    agree refuse decide need prepare move rush expect"""
)
#: Nouns standing for the state or group named by their modifier: "U.S. forces returned" -> the U.S.
PROXY_NOUNS = _words(
    """administration government force forces troop troops military army navy official officials regime
    authority authorities leadership leader leaders militia militias fighter fighters police
    ministry diplomat diplomats negotiator negotiators"""
)
#: Common nouns that name a place, so "at the base" can say where when no named place does.
PLACE_NOUNS = _words(
    """base airbase airport embassy consulate border city town village capital province region district
    street square building headquarters compound camp port harbour harbor station hospital school
    prison palace parliament court ministry site facility field front frontline coast island country
    state territory area neighbourhood neighborhood market mosque church"""
)
