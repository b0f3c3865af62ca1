"""Confidence of each attribution: the constants every rule starts from, in one place.

A rule sets the confidence its construction has earned (a quote with a cue verb and its subject is
nearly always right; a quote inheriting the previous speaker less often); the merge and the
headline check then lower some. The values were set by hand and checked on PolNeAR's training
split; a quote below `reader.analysis.model.DOUBTFUL_CONFIDENCE` is shown as doubtful.
"""

from __future__ import annotations

# -- direct quotes ----------------------------------------------------------------------------
#: A quote before any rule has spoken for it.
DIRECT_START = 0.5
#: A cue verb next to the quote, and its subject as speaker ("“...,” Zarif wrote").
CUE_WITH_SPEAKER = 0.95
#: A cue verb next to the quote but no speaker the parse can show.
CUE_WITHOUT_SPEAKER = 0.6
#: A sentence opened by its cue goes on with the previous speaker ("Adding, “...”").
CUE_CONTINUES = 0.75
#: A quote signed with a name after a dash (“...” ― Pamela Padilla).
SIGNATURE = 0.85
#: A source phrase next to the quote (“...,” according to officials).
ACCORDING_TO = 0.85
#: A name and a colon before the quote ("HuffPollster: “...”").
NAME_COLON = 0.7
#: The clause before a colon gives the speaker ("Kasich resisted: “...”").
COLON_INTRO = 0.7
#: A short quoted phrase inside a sentence: a scare quote, a title or a fragment.
FRAGMENT = 0.2
#: A paragraph-opening quote after a paragraph that ends with a speech cue and its subject.
PREVIOUS_PARAGRAPH_CUE = 0.6
#: A quote right after the previous speaker's quote (same or next paragraph) goes on with them.
CONTINUATION_NEXT = 0.75
#: ... and one paragraph further away.
CONTINUATION_FAR = 0.6
#: A long quote nobody is named for.
UNATTRIBUTED = 0.35
#: A quote whose cue and speaker come from the reported clause it fills ("said “...”").
REPORTED_CLAUSE = 0.8

# -- reported speech --------------------------------------------------------------------------
#: A speech cue's clause ("critics say the strike was ...").
SPEECH_CLAUSE = 0.85
#: An intention's "to ..." ("wants to ...") or a belief's or finding's clause.
INTENTION_OR_BELIEF = 0.6
#: "called for ...".
CALL_FOR = 0.7
#: A cue noun's clause from the hand lexicon ("his claim that ...").
NOUN_CLAUSE = 0.6
#: A source phrase ("according to officials, ...").
SOURCE_PHRASE = 0.85
#: The user's own cue words always count at least this much.
USER_CUE = 0.85
#: A speaker guessed from context is as doubtful as none: the confidence is scaled by this.
GUESSED_SPEAKER_FACTOR = 0.7
#: Derived frames at or above this precision count as cues (tuned on train).
MIN_FRAME_PRECISION = 0.3
#: Weaker attributions nested in another one's content are dropped (tuned on train).
NESTED_MIN = 0.7

# -- whole lines ------------------------------------------------------------------------------
#: An interview turn ("PENCE: ...").
INTERVIEW_TURN = 0.8
#: A headline claim ("John McCain: Republican anger appeals to bad angels").
HEADLINE_COLON = 0.6
#: A title line's attribution without a speech cue and a named person is doubtful at most.
TITLE_LINE_CAP = 0.4
#: A frame that more likely tells what happened than what someone said ("the confrontation
#: threatens to ...", "called a meeting") is doubtful at most, whatever its calibrated confidence.
NOT_A_REPORT_CAP = 0.45
#: Quotation marks without a parse: no cue, no speaker.
UNPARSED = 0.3
