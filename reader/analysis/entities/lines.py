"""The lines of a news page that say what a name is by where it stands, not by how it is used.

The small model reads an all-caps dateline ("ASHFORD, Kent — Councillors ...") as an organisation
and the subject of the sentence, a byline ("By Marcus Delaney") as a company, and a capitalised
section label ("CHAMPIONSHIP") as whatever it likes. The page's own conventions are surer than the
parse: a dateline's first words are a place (its region too, "Ala." is Alabama), a byline's name is a
person, and a line written wholly in capitals is a label, whose words name no actor or place.
One regex pass per kind over the text; the spans found are few, so lookups are linear.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from reader.analysis import lexicon

#: A capitalised word of a byline's name ("Delaney", "O'Neill", "Le").
_NAME_WORD = r"[A-Z][\w'’.-]*"
#: A month's name or short form in a dateline's date ("March", "Dec.", "Sept", "JAN."), from the lexicon.
_MONTH = r"(?i:" + "|".join(sorted(lexicon.numbered("calendar", "months"), key=len, reverse=True)) + r")\.?"
#: A dateline's date: "March 3", "Dec. 4", "Sept. 30, 2025", "5 December 2026", "March 2026".
_DATE = (
    rf"(?:{_MONTH}[ \u00a0]+\d{{1,2}}(?:st|nd|rd|th)?(?:,?[ \u00a0]+\d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?[ \u00a0]+{_MONTH}(?:,?[ \u00a0]+\d{{4}})?"
    rf"|{_MONTH}[ \u00a0]+\d{{4}})(?![\w:/.-])"
)
#: A dateline: "ASHFORD, Kent — ", "NAIROBI, Kenya (Reuters) — ", "WASHINGTON — ", "MONTGOMERY, Ala. —",
#: "CALDER CITY, Ohio (June 12, 2025) — ", "LONDON (Reuters) - ", "WASHINGTON—The ...", "PHILADELPHIA ― ",
#: with a date and an agency's tag: "NEW YORK, March 3 (Reuters) - ", "WASHINGTON, Dec. 4 (AP) — ",
#: "LONDON, 5 December 2026 /PRNewswire/ -- ", "AUSTIN, Texas--(BUSINESS WIRE)--Acme ...".
#: The place is one to four words in capitals; a hyphen must stand apart ("U.S.-backed" is no dateline), a
#: dash need not, nor one after a tag.
_DATELINE_RE = re.compile(
    r"^[ \t]*(?P<city>[A-Z][A-Z'’.-]+(?:[ \u00a0][A-Z][A-Z'’.-]*){0,3})"
    r"(?:,[ \u00a0]+(?P<region>[A-Z][\w'’.]*(?:-[\w'’.]+)*(?:[ \u00a0][A-Z][\w'’.]*(?:-[\w'’.]+)*){0,2}))?"
    rf"(?:,?[ \u00a0]+(?P<date>{_DATE}))?"
    r"(?:--(?P<wire>\([A-Z][^()\n]{1,40}\))--[ \u00a0]*"
    r"|(?:[ \u00a0]*(?P<paren>\([^()\n]{1,60}\))"
    r"|[ \u00a0]+(?P<tag>/[A-Z][\w.&-]*(?:[ \u00a0][\w.&-]+){0,3}/))?"
    r"[ \u00a0]*(?:[—–―][ \u00a0]*|--?(?:[ \u00a0]+|$)))",
    re.MULTILINE,
)
#: "By Marcus Delaney", "By Dr. Laura Chen, Science Correspondent", "By Tom Ashworth at Elland Road".
_BYLINE_RE = re.compile(
    r"^[ \t]*By[ \u00a0]+(?:(?:Dr|Prof|Rev|Sir|Dame)\.?[ \u00a0]+)?"
    r"(?P<name>" + _NAME_WORD + r"(?:[ \u00a0]" + _NAME_WORD + r"){1,3}?)"
    r"(?=[ \u00a0]*(?:,|$|[ \u00a0](?:and|at|in|for)[ \u00a0]))",
    re.MULTILINE,
)
#: A line with two capitals in a row and no lower-case letter: a section label or kicker.
_CAPITALS_LINE_RE = re.compile(r"^(?=[^\n]*[A-Z]{2})[^a-z\n]{2,80}$", re.MULTILINE)
#: Labels that open a line like a dateline but are no place ("UPDATE — ...", "WATCH — ...").
_NOT_PLACES = lexicon.words("web", "kicker_labels") | lexicon.words("places", "not_datelines")

Spans = tuple[tuple[int, int], ...]
#: How far into an article its dateline may stand (after a headline, a byline and a date line).
_OPENING_CHARS = 1500


@dataclass(frozen=True, slots=True)
class PageLines:
    """Where the page's datelines, bylines and capital-letter lines lie (offsets into the doc's text)."""

    cities: Spans = ()  # "ASHFORD" of "ASHFORD, Kent — "
    regions: Spans = ()  # "Kent" of the same
    bylines: Spans = ()  # "Marcus Delaney" of "By Marcus Delaney"
    capitals: Spans = ()  # "CHAMPIONSHIP" alone on its line

    def role(self, start: int, end: int) -> str | None:
        """ "city", "region", "byline" or "capitals" for a name overlapping one of those spans, or None."""
        for role, spans in (
            ("city", self.cities),
            ("region", self.regions),
            ("byline", self.bylines),
            ("capitals", self.capitals),
        ):
            if _overlaps(spans, start, end):
                return role
        return None

    def part(self, start: int, end: int) -> tuple[int, int] | None:
        """The dateline or byline span a name overlaps, to cut the name to ("Kent — Councillors")."""
        for s, e in self.cities + self.regions + self.bylines:
            if s < end and start < e:
                return max(s, start), min(e, end)
        return None


def _overlaps(spans: Spans, start: int, end: int) -> bool:
    """Whether any of `spans` (sorted, not overlapping one another) overlaps [start, end)."""
    if not spans:
        return False
    i = bisect.bisect_left(spans, (end,)) - 1  # the last span starting before `end`
    return i >= 0 and spans[i][1] > start


@dataclass(frozen=True, slots=True)
class Dateline:
    """A dateline's parts (offsets into the text): "CALDER CITY, Ohio (June 12, 2025) — "."""

    span: tuple[int, int]  # the whole of it, up to the text after the dash
    city: tuple[int, int]  # "CALDER CITY"
    region: tuple[int, int] | None = None  # "Ohio"
    paren: tuple[int, int] | None = None  # "(June 12, 2025)", "(Reuters)", "/PRNewswire/", "(BUSINESS WIRE)"
    date: tuple[int, int] | None = None  # "March 3" of "NEW YORK, March 3 (Reuters) - "

    @property
    def place(self) -> tuple[int, int]:
        """ "CALDER CITY, Ohio": the city and its region."""
        return self.city[0], (self.region or self.city)[1]


def _parsed(match: re.Match[str]) -> Dateline | None:
    """The dateline `match` found, or None when its "place" is a label ("UPDATE —") or too short."""
    city = match.group("city").rstrip(" .-")
    if len(city.replace(".", "")) < 3 or city.lower() in _NOT_PLACES:
        return None
    start = match.start("city")
    region = match.span("region") if match.group("region") else None
    tag = next((name for name in ("paren", "tag", "wire") if match.group(name)), None)
    paren = None if tag is None else match.span(tag)
    date = match.span("date") if match.group("date") else None
    return Dateline(match.span(), (start, start + len(city)), region, paren, date)


def dateline_at(text: str, start: int, end: int) -> Dateline | None:
    """The dateline that opens the line at `start` (a paragraph's start), if it has one."""
    match = _DATELINE_RE.match(text, start, end)
    return None if match is None else _parsed(match)


def datelines(text: str) -> Iterator[Dateline]:
    """Every line of `text` that opens like a dateline."""
    for match in _DATELINE_RE.finditer(text):
        found = _parsed(match)
        if found is not None:
            yield found


def _dateline(text: str, opening: bool) -> tuple[Spans, Spans, Spans]:
    """The place and region of the article's dateline (the first line of its opening that starts like
    one), and the capitals of the later lines that do, which are run-in subheadings ("CONGRESS HAS
    INVESTIGATED HIM — Oz's advice ..."), whose words name no actor."""
    cities: list[tuple[int, int]] = []
    regions: list[tuple[int, int]] = []
    headings: list[tuple[int, int]] = []
    for found in datelines(text):
        if cities or not opening or found.city[0] > _OPENING_CHARS:
            headings.append(found.city)
            continue
        cities.append(found.city)
        if found.region is not None:
            regions.append(found.region)
    return tuple(cities), tuple(regions), tuple(headings)


@lru_cache(maxsize=4)
def page_lines(text: str, opening: bool = True) -> PageLines:
    """The dateline (when `text` is the article's opening), bylines and capital-letter lines of
    `text` (cached: one doc asks several times)."""
    cities, regions, headings = _dateline(text, opening)
    bylines = tuple(match.span("name") for match in _BYLINE_RE.finditer(text))
    capitals = tuple(
        sorted(
            headings
            + tuple(
                match.span()
                for match in _CAPITALS_LINE_RE.finditer(text)
                if not any(s >= match.start() and e <= match.end() for s, e in cities)
            )
        )
    )
    return PageLines(cities, regions, bylines, capitals)


def dateline_name(name: str) -> str:
    """How a dateline's place is shown: "Ashford" for "ASHFORD", "St. Louis" for "ST. LOUIS",
    "Palmar Alto, Chile" for "PALMAR ALTO, Chile". A region in capitals keeps its abbreviations
    ("WASHINGTON, D.C." -> "Washington, D.C."); its longer words are title-cased too."""
    city, comma, region = name.partition(",")
    shown = city.title() if city.isupper() else city
    words = region.split(" ")
    return shown + comma + " ".join(w.title() if w.isupper() and len(w) > 2 else w for w in words)
