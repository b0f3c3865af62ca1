"""When: time points versus durations, calendar dates in the text, and relative days made absolute.

A news report says "on Tuesday" and means the Tuesday before it was published; with a publication
date (the page's metadata, or the date line under the headline) the reader can say which day that was.
"""

from __future__ import annotations

import datetime as dt
import re

from reader.analysis import lexicon

_DURATION_RE = re.compile(
    r"(?:^|\s)(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|century)$",
    re.IGNORECASE,
)
#: An age ("thirty-four years old", "a 52-year-old"): how old, never when.
_AGE_RE = re.compile(r"\byears?[ -]old\b|\b\w+-year-old\b", re.IGNORECASE)
_POINT_WORDS_RE = re.compile(
    r"\b(?:ago|last|next|this|past|previous|earlier|later|coming|since|until|of)\b", re.IGNORECASE
)
#: Month names and their short forms ("sept" -> 9), from the one calendar list of the lexicon.
MONTHS = lexicon.numbered("calendar", "months")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
#: "June 12, 2025", "12 June 2025", "2025-03-19" (the first match in a line wins).
_DATE_RES = (
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b", re.IGNORECASE),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\s+(?P<year>\d{{4}})\b", re.IGNORECASE),
    re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?!\d)"),
)
_YEAR_RE = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
_RELATIVE_RE = re.compile(
    r"^(?:(?:on|last|this)\s+)?(?P<word>" + "|".join(_WEEKDAYS) + r"|yesterday|today|tonight)\b",
    re.IGNORECASE,
)


def is_time_point(text: str) -> bool:
    """True for when something happened ("Tuesday night", "last week", "2014"), not how long it
    lasted or how often ("fifteen years", "more than a decade", "every month")."""
    words = text.lower().split()
    if not words or words[0] in ("every", "each"):
        return False
    if text.strip().isdigit() and len(text.strip()) != 4:
        return False  # "52" (an age, a count), but "2014" is a year
    if _AGE_RE.search(text):
        return False
    return not _DURATION_RE.search(text) or bool(_POINT_WORDS_RE.search(text))


def find_date(text: str) -> tuple[dt.date, int, int] | None:
    """The first calendar date written in `text`, with its (start, end), or None."""
    best: tuple[dt.date, int, int] | None = None
    for pattern in _DATE_RES:
        match = pattern.search(text)
        if match is None or (best is not None and match.start() >= best[1]):
            continue
        month = match.group("month")
        number = int(month) if month.isdigit() else MONTHS[month.lower().rstrip(".")]
        try:
            day = dt.date(int(match.group("year")), number, int(match.group("day")))
        except ValueError:
            continue
        best = (day, match.start(), match.end())
    return best


def parse_date(text: str | None) -> dt.date | None:
    """A publication date given as text ("2025-03-19", "2025-03-19T18:42:00+00:00", "4 February 2025")."""
    if not text:
        return None
    found = find_date(text)
    return None if found is None else found[0]


def years_in(text: str) -> list[int]:
    """The four-digit years written in `text` ("2014", "April 2019")."""
    return [int(y) for y in _YEAR_RE.findall(text)]


def is_relative_day(when: str) -> bool:
    """True for a day named relative to the report: "Tuesday night", "yesterday", "last week"."""
    text = when.strip()
    return bool(_RELATIVE_RE.match(text)) or text.lower().startswith(("last week", "this week", "last night"))


def resolve_relative(when: str, published: dt.date | None, future: bool = False) -> dt.date | None:
    """The calendar day a relative "when" names, counted from the publication date.

    "Tuesday" is the last Tuesday on or before publication (news reports what has happened), or the
    next one when the event is still to come; "yesterday", "today", "tonight" count from that day.
    A written date ("June 12, 2025") is its own answer.
    """
    found = find_date(when)
    if found is not None:
        return found[0]
    if published is None:
        return None
    match = _RELATIVE_RE.match(when.strip())
    if match is None:
        return None
    word = match.group("word").lower()
    if word == "yesterday":
        return published - dt.timedelta(days=1)
    if word in ("today", "tonight"):
        return published
    target = _WEEKDAYS.index(word)
    if future:
        return published + dt.timedelta(days=(target - published.weekday()) % 7 or 7)
    return published - dt.timedelta(days=(published.weekday() - target) % 7)
