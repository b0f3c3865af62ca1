"""The parts of a news article that say what it is about: headline, lead and dateline.

News is written as an inverted pyramid: the headline and the first paragraph (the lead) tell the
main event, the dateline ("CALDER CITY, Ohio —") says where the reporter filed it, and the lines
between headline and lead (byline, date) say when it was published.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from reader.analysis.entities.lines import dateline_at
from reader.analysis.events.timing import find_date

_PARAGRAPH_RE = re.compile(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]+)*")
_LEAD_MIN_WORDS = 12
_HEADLINE_MAX_WORDS = 30
#: How far into the text the headline, byline and lead are looked for.
_OPENING_CHARS = 4000


@dataclass(frozen=True, slots=True)
class ArticleParts:
    """Where the headline, lead and dateline are (character offsets into the text), when found."""

    headline: tuple[int, int] | None = None
    lead: tuple[int, int] | None = None  # the first paragraph of news after headline and byline
    dateline: tuple[int, int] | None = None  # the whole "CALDER CITY, Ohio (June 12, 2025) —"
    dateline_place: tuple[int, int] | None = None  # "CALDER CITY, Ohio"
    dateline_date: tuple[int, int] | None = None  # "June 12, 2025" in the dateline or the byline lines
    published: dt.date | None = None  # the publication date, given or read off the date line

    def in_headline(self, position: int) -> bool:
        return self.headline is not None and self.headline[0] <= position < self.headline[1]

    def in_lead(self, position: int) -> bool:
        return self.lead is not None and self.lead[0] <= position < self.lead[1]


def _paragraphs(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _PARAGRAPH_RE.finditer(text) if text[m.start() : m.end()].strip()]


def _looks_like_headline(piece: str) -> bool:
    words = piece.split()
    return (
        0 < len(words) <= _HEADLINE_MAX_WORDS
        and "\n" not in piece.strip()
        and not piece.rstrip().endswith(".")
    )


def _looks_like_lead(piece: str) -> bool:
    stripped = piece.strip()
    return (
        len(stripped.split()) >= _LEAD_MIN_WORDS
        and not stripped.startswith(("(", "By ", "by ", "*", "["))
        and any(stripped.endswith(end) for end in (".", ".”", '."', "?", "!"))
    )


def _written_date(text: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """Where the calendar date written in `span` of `text` lies ("June 12, 2025" of its parenthesis)."""
    if span is None:
        return None
    found = find_date(text[span[0] : span[1]])
    return None if found is None else (span[0] + found[1], span[0] + found[2])


def find_parts(text: str, published: dt.date | None = None) -> ArticleParts:
    """Headline, lead, dateline and publication date of `text`, as far as its opening shows them."""
    opening = text[:_OPENING_CHARS]
    paragraphs = _paragraphs(opening)
    headline = None
    if paragraphs and _looks_like_headline(opening[paragraphs[0][0] : paragraphs[0][1]]):
        headline = paragraphs[0]
    lead = None
    for start, end in paragraphs[1 if headline else 0 :]:
        if _looks_like_lead(opening[start:end]):
            lead = (start, end)
            break
    dateline = place = date = found_line = None
    if lead is not None:
        found_line = dateline_at(text, lead[0], lead[1])
        if found_line is not None:
            dateline, place = found_line.span, found_line.place
            date = _written_date(text, found_line.date) or _written_date(text, found_line.paren)
    if date is None:
        header_end = lead[0] if lead is not None else 0
        header_start = headline[1] if headline is not None else 0
        found = find_date(text[header_start:header_end]) if header_end > header_start else None
        if found is not None:
            date = (header_start + found[1], header_start + found[2])
    if date is None and found_line is not None:
        date = found_line.date  # "March 3" without its year: the day, though not the publication date
    if published is None and date is not None:
        found = find_date(text[date[0] : date[1]])
        published = None if found is None else found[0]
    return ArticleParts(headline, lead, dateline, place, date, published)
