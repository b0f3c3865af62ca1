"""Events: who did what to whom, when and where, and which of them is the news.

`extract` reads raw events off each parsed doc, `rank` scores them the way news is written (the
inverted pyramid), `merge` joins the mentions of one event, and `collect` runs the steps for an
article. `parts` finds headline, lead and dateline; `timing` reads dates; `phrases` noun phrases.
"""

from reader.analysis.events.collect import EventCollector
from reader.analysis.events.extract import RawEvent, events_from_doc
from reader.analysis.events.lexicon import BARE_SAYING_VERBS, REPORTING_VERBS
from reader.analysis.events.timing import is_time_point

__all__ = [
    "BARE_SAYING_VERBS",
    "REPORTING_VERBS",
    "EventCollector",
    "RawEvent",
    "events_from_doc",
    "is_time_point",
]
