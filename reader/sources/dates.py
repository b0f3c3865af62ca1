"""An article's publication day, kept only when it is plausible and nothing as strong contradicts it.

A wrong date misleads more than a missing one. Each source makes claims: the page's metadata
(`datePublished`, `article:published_time`, front matter), its address (`/2024/03/14/`), a dateline
at the top of the text, and, when none of those speak, a date the htmldate library finds in the
page's markup or text. A claim is dropped when it is after the page was fetched or the file written,
or before 1990 without the text naming that year. The strongest sources that remain must agree on
one day; when they disagree and no day has more independent support, the date is unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from reader.analysis import lexicon
from reader.article import DATE_SOURCES
from reader.sources.text import top_lines

#: Earliest plausible day for a news article unless the text itself names the year.
EARLIEST = date(1990, 1, 1)
#: Slack after the reference time: a page dated "tomorrow" in a time zone ahead of ours is fine.
FUTURE_SLACK = timedelta(days=1)
#: Sources by strength. The page's own metadata and its address come first and must agree; a dateline
#: (which on a web page may be a template's "today" box) counts only without them, or to settle their
#: disagreement; a date htmldate finds in the markup or text only when nothing else speaks.
TIERS = (("page-metadata", "url"), ("dateline",), ("text",))

#: Month names and their short forms ("sept" -> 9): the analysis's one calendar list.
_MONTHS = lexicon.numbered("calendar", "months")
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_ISO = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[T ](?P<time>\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)\s*(?P<zone>Z|[+-]\d{2}:?\d{2}|UTC|GMT)?)?"
)
_DAY_MONTH_YEAR = re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<y>\d{{4}})\b")
_MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b")
_SLASHED = re.compile(r"\b(?P<y>(?:19|20)\d{2})[/.](?P<m>\d{1,2})[/.](?P<d>\d{1,2})\b")
_COMPACT = re.compile(r"^(?P<y>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})$")
_URL_DAY = re.compile(
    r"/(?P<y>(?:19|20)\d{2})[/_-](?P<m>0?[1-9]|1[0-2])[/_-](?P<d>0?[1-9]|[12]\d|3[01])(?=[/_.-]|$)"
)
_URL_COMPACT = re.compile(
    r"[/_-](?P<y>(?:19|20)\d{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?=[/_.-]|$)"
)
_URL_MONTH = re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>0[1-9]|1[0-2])(?=/)")
_UPDATED = re.compile(r"\b(?:updated|modified|last\s+edited|revised)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DateClaim:
    """One source's claim: a day, where it came from, and whether the time given was UTC.

    A UTC timestamp near midnight may fall on the next or previous local day, so a UTC claim one day
    off another source's day is taken as agreeing with it.
    """

    day: date
    source: str
    utc: bool = False


def _make(year: str, month: str | int, day: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def _month_number(name: str) -> int | None:
    return _MONTHS.get(name.lower())


def _rfc2822(value: str) -> tuple[date, bool] | None:
    """An e-mail style stamp ("Thu, 14 Mar 2024 10:00:00 GMT"), which some pages put in their metadata."""
    from email.utils import parsedate_to_datetime

    try:
        stamp = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return (stamp.date(), stamp.utcoffset() in (None, timedelta(0))) if stamp else None


def parse_day(value: str) -> tuple[date, bool] | None:
    """The day a date string names and whether it was a UTC time; None for anything else."""
    value = value.strip()[:80]
    match = _ISO.search(value)
    if match:
        day = _make(match["y"], match["m"], match["d"])
        zone = (match["zone"] or "").upper().replace(":", "")
        return (day, bool(match["time"]) and zone in ("Z", "UTC", "GMT", "+0000")) if day else None
    if ":" in value:
        stamp = _rfc2822(value)
        if stamp:
            return stamp
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        match = pattern.search(value)
        month = _month_number(match["month"]) if match else None
        if match and month:
            day = _make(match["y"], month, match["d"])
            return (day, False) if day else None
    match = _SLASHED.search(value) or _COMPACT.match(value)
    if match:
        day = _make(match["y"], match["m"], match["d"])
        return (day, False) if day else None
    return None


def url_day(url: str | None) -> date | None:
    """The day in an address such as `/2024/03/14/` or `-20240314-`, if it names one."""
    if not url:
        return None
    path = url.split("?", 1)[0].split("#", 1)[0]
    match = _URL_DAY.search(path) or _URL_COMPACT.search(path)
    return _make(match["y"], match["m"], match["d"]) if match else None


def url_month(url: str | None) -> tuple[int, int] | None:
    """The year and month of an address such as `/2024/03/story`, to contradict a day elsewhere."""
    match = _URL_MONTH.search(url.split("?", 1)[0]) if url else None
    return (int(match["y"]), int(match["m"])) if match else None


def dateline_day(text: str, lines: int = 8) -> date | None:
    """The day on a short dateline near the top of a text; "Updated ..." lines are not publication."""
    for line in top_lines(text, lines):
        if len(line) > 100 or _UPDATED.search(line):
            continue
        for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _ISO):
            match = pattern.search(line)
            if match:
                parsed = parse_day(match.group(0))
                if parsed:
                    return parsed[0]
    return None


def updated_days(text: str, lines: int = 8) -> set[date]:
    """Days on "Updated ..." lines near the top of a text: when it changed, not when it appeared."""
    days: set[date] = set()
    for line in [line.strip() for line in text[:4000].split("\n") if line.strip()][:lines]:
        if len(line) <= 100 and _UPDATED.search(line):
            for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _ISO):
                match = pattern.search(line)
                parsed = parse_day(match.group(0)) if match else None
                if parsed:
                    days.add(parsed[0])
    return days


def _plausible(claim: DateClaim, latest: date, body: str) -> bool:
    if claim.day > latest:
        return False
    return claim.day >= EARLIEST or str(claim.day.year) in body


def _agrees(claim: DateClaim, day: date) -> bool:
    if claim.day == day:
        return True
    return claim.utc and abs((claim.day - day).days) == 1


def _in_month(claim: DateClaim, month: tuple[int, int]) -> bool:
    days = [claim.day]
    if claim.utc:
        days += [claim.day - timedelta(days=1), claim.day + timedelta(days=1)]
    return any((day.year, day.month) == month for day in days)


def resolve_date(
    claims: list[DateClaim],
    *,
    reference: float | None,
    body: str,
    month: tuple[int, int] | None = None,
) -> DateClaim | None:
    """The one day the plausible claims support, or None when they disagree or there are none.

    `reference` is when the page was fetched or the file written (seconds since the epoch); `month`
    is a year and month the address names, which a day must match.
    """
    now = (
        datetime.fromtimestamp(reference, timezone.utc)
        if reference is not None
        else datetime.now(timezone.utc)
    )
    latest = now.date() + FUTURE_SLACK
    kept = [c for c in claims if _plausible(c, latest, body)]
    if month is not None:
        kept = [c for c in kept if _in_month(c, month)]
    pools = [[c for c in kept if c.source in tier] for tier in TIERS]
    pool = next((p for p in pools if p), None)
    if pool is None:
        return None
    chosen = _agreed(pool)
    if chosen is None and pool is pools[0]:
        # The page and its address disagree: a dateline backing one of them settles it.
        chosen = _agreed(pool + pools[1])
    return chosen


def _agreed(pool: list[DateClaim]) -> DateClaim | None:
    """The day every claim agrees on, or that more independent sources back than any other."""
    days = sorted({c.day for c in pool if not c.utc} or {c.day for c in pool})
    support = {day: {c.source for c in pool if _agrees(c, day)} for day in days}
    most = max(len(s) for s in support.values())
    backed = [day for day in days if len(support[day]) == most]
    everyone = [day for day in days if all(_agrees(c, day) for c in pool)]
    if everyone:
        chosen = everyone[0]
    elif len(backed) == 1 and most > 1:
        chosen = backed[0]  # two independent sources against one
    else:
        return None
    exact = {c.source for c in pool if c.day == chosen} or support[chosen]
    return DateClaim(chosen, next(s for s in DATE_SOURCES if s in exact))
