"""The checked facts of an article: authors, publication day, site, address, word count, cut-off text.

Every source makes claims about its article: a page in its metadata, its address and its visible
byline and dateline; a Markdown file in its front matter; a plain text in a "By ..." line and a
dateline at the top. Here the claims are cleaned (no photo credits, "Staff" or site names as
authors; no markup or control characters anywhere) and checked against each other: a fact the
sources disagree on is left unknown. The language is not read here: it is a property of the text,
detected with the analysis (see `reader.analysis.language`).
"""

from __future__ import annotations

import html as html_module
import json
import re
from datetime import date
from functools import lru_cache
from urllib.parse import urlsplit

from reader.article import Article, ArticleMeta
from reader.sources.dates import (
    DateClaim,
    dateline_day,
    parse_day,
    resolve_date,
    updated_days,
    url_day,
    url_month,
)
from reader.sources.pagemeta import PageClaims, read_page_claims
from reader.sources.text import find_byline, sanitize_for_terminal
from reader.sources.truncation import DATA_FILE, find_truncation

_TAG = re.compile(r"<[^>]{0,500}>")
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_SPLIT_AUTHORS = re.compile(
    r"\s*(?:[,;|/\u00b7\u2022]|\s[-\u2013\u2014]\s|\band\b|&|\bund\b|\bet\b|\bwith\b)\s*"
)
_BY = re.compile(r"^(?:(?:written|words|text|reporting)\s+)?(?:by|par|von|por|di|door|av|af)\s*:?\s+", re.I)
_PARTICLES = {"de", "del", "della", "da", "das", "do", "dos", "du", "di", "la", "le", "van", "von", "der"}
_PARTICLES |= {"den", "ter", "ten", "al", "el", "bin", "ibn", "y", "e", "mac", "st."}
MAX_FIELD = 200


@lru_cache(maxsize=1)
def _author_words() -> tuple[frozenset[str], re.Pattern[str]]:
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    noise = "|".join(re.escape(w) for w in sorted(data["author_noise"], key=len, reverse=True))
    return frozenset(data["not_authors"]), re.compile(rf"(?<!\w)(?:{noise})(?!\w)", re.IGNORECASE)


def clean_field(value: object, limit: int = MAX_FIELD) -> str | None:
    """One safe line of outside text: entities decoded, tags and control characters gone, spaces folded."""
    if not isinstance(value, str):
        return None
    text = _TAG.sub(" ", html_module.unescape(value[: limit * 4]))
    text = " ".join(_INVISIBLE.sub("", sanitize_for_terminal(text)).split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "\u2026"
    return text or None


def _squash(text: str) -> str:
    return re.sub(r"\W+", "", text).casefold()


def _site_keys(site: str | None, url: str | None) -> set[str]:
    keys = {_squash(site)} if site else set()
    host = (urlsplit(url).hostname or "") if url else ""
    parts = [p for p in host.split(".") if p not in ("www", "m", "amp", "edition", "news")]
    if parts:
        keys.add(max(parts[:-1] or parts, key=len))
    return {k for k in keys if len(k) >= 3}


def _looks_like_name(name: str, site_keys: set[str]) -> bool:
    not_authors, noise = _author_words()
    words = name.split()
    if not 1 <= len(words) <= 6 or len(name) > 60 or name.casefold() in not_authors:
        return False
    if any(ch.isdigit() for ch in name) or "@" in name or "://" in name or noise.search(name):
        return False
    if any(_squash(name).startswith(key) for key in site_keys):
        return False
    return all(w[0].isupper() or w.casefold() in _PARTICLES for w in words if w[0].isalpha())


def clean_authors(claims: list[str], *, site: str | None = None, url: str | None = None) -> list[str]:
    """Person names from raw author claims: split lists, drop labels, credits and the site's own name."""
    keys = _site_keys(site, url)
    names: list[str] = []
    for claim in claims[:20]:
        text = clean_field(claim, 300)
        if not text:
            continue
        text = re.sub(r"\([^)]*\)", " ", text)
        for part in _SPLIT_AUTHORS.split(text):
            name = _BY.sub("", part.strip(" .:*_")).strip(" .:*_")
            if name and _looks_like_name(name, keys) and name.casefold() not in map(str.casefold, names):
                names.append(name)
    return names


def _surnames(names: list[str]) -> set[str]:
    return {name.split()[-1].casefold() for name in names}


def agreed_authors(declared: list[str], shown: list[str]) -> list[str]:
    """The declared authors when the visible byline names one of them too; nothing when they differ."""
    if declared and shown and not (_surnames(declared) & _surnames(shown)):
        return []
    return declared or shown


def _claims_of(values: list[str], source: str) -> list[DateClaim]:
    claims = []
    for value in values[:10]:
        parsed = parse_day(value)
        if parsed:
            claims.append(DateClaim(parsed[0], source, parsed[1]))
    return claims


def _htmldate_claim(html: str, body: str, reference: float | None) -> list[DateClaim]:
    """htmldate's reading of the page's markup and text, for pages that state their date nowhere else.

    A date only the extensive text search finds counts when the article text itself shows that day.
    """
    import datetime as dt

    from htmldate import find_date

    latest = dt.datetime.fromtimestamp(reference) if reference else dt.datetime.now()
    for extensive in (False, True):
        try:
            found = find_date(
                html,
                extensive_search=extensive,
                original_date=True,
                url="",
                min_date="1900-01-01",
                max_date=latest,
            )
        except Exception:  # noqa: BLE001 - a page the library chokes on has no date from it
            found = None
        parsed = parse_day(found) if found else None
        if parsed and (not extensive or _shows_day(body, parsed[0])):
            return [DateClaim(parsed[0], "text")]
    return []


def _shows_day(body: str, day: date) -> bool:
    forms = (day.isoformat(), f"{day.day} {day:%B} {day.year}", f"{day:%B} {day.day}, {day.year}")
    head = body[:3000]
    return any(form in head for form in forms)


def _date(
    claims: list[DateClaim], body: str, reference: float | None, url: str | None
) -> tuple[str | None, str | None]:
    # An address with a whole day is a claim of its own; one with only a month bounds the others.
    month = url_month(url) if url_day(url) is None else None
    chosen = resolve_date(claims, reference=reference, body=body, month=month)
    return (chosen.day.isoformat(), chosen.source) if chosen else (None, None)


def _web_address(value: str | None) -> str | None:
    text = clean_field(value, 2000)
    if not text or " " in text or not text.lower().startswith(("http://", "https://")):
        return None
    return text


def _after_body(article: Article) -> str:
    return "" if article.body_end is None else article.text[article.body_end :]


def page_meta(
    article: Article,
    html: str,
    *,
    url: str | None = None,
    extracted_author: str | None = None,
    extracted_site: str | None = None,
    reference: float | None = None,
) -> ArticleMeta:
    """The facts of a web page's article, from its metadata, its address and its extracted text."""
    page: PageClaims = read_page_claims(html)
    address = _web_address(url) or _web_address(page.url)
    site = (
        clean_field(page.site)
        or clean_field(extracted_site)
        or (urlsplit(address).hostname if address else None)
    )
    body = article.body
    declared = clean_authors(
        page.authors or ([extracted_author] if extracted_author else []), site=site, url=address
    )
    shown = clean_authors([b for b in [find_byline(body)] if b], site=site, url=address)
    claims = _claims_of(page.published or page.other_dates, "page-metadata")
    day = url_day(address)
    if day:
        claims.append(DateClaim(day, "url"))
    line_day = dateline_day(body)
    if line_day:
        claims.append(DateClaim(line_day, "dateline"))
    if not claims:
        # What htmldate finds instead must not be a "last updated" stamp the page declares or shows.
        updated = {c.day for c in _claims_of(page.modified, "page-metadata")} | updated_days(body)
        claims = [c for c in _htmldate_claim(html, body, reference) if c.day not in updated]
    day_found, date_from = _date(claims, body, reference, address)
    why = find_truncation(
        body,
        after=_after_body(article),
        declared_words=page.word_count,
        description=clean_field(page.description, 2000),
        for_subscribers=page.for_subscribers,
    )
    return ArticleMeta(
        authors=agreed_authors(declared, shown),
        date=day_found,
        date_from=date_from,
        site=site,
        url=address,
        truncated=why is not None,
        truncated_why=why,
        words=len(body.split()),
    )


def _front_matter_authors(front_matter: dict[str, str]) -> list[str]:
    raw = front_matter.get("authors") or front_matter.get("author") or front_matter.get("byline") or ""
    return [raw.strip("[]")] if raw else []


def text_meta(
    article: Article,
    *,
    front_matter: dict[str, str] | None = None,
    reference: float | None = None,
) -> ArticleMeta:
    """The facts of a plain text or Markdown article: front matter, a "By ..." line, a dateline."""
    front = front_matter or {}
    body = article.body
    site = clean_field(front.get("site") or front.get("publisher"))
    address = _web_address(front.get("url") or front.get("link"))
    declared = clean_authors(_front_matter_authors(front), site=site, url=address)
    shown = clean_authors([b for b in [find_byline(body)] if b], site=site, url=address)
    claims = _claims_of([front["date"]] if front.get("date") else [], "page-metadata")
    line_day = dateline_day(body)
    if line_day:
        claims.append(DateClaim(line_day, "dateline"))
    day = url_day(address)
    if day:
        claims.append(DateClaim(day, "url"))
    day_found, date_from = _date(claims, body, reference, address)
    why = find_truncation(body, after=_after_body(article))
    return ArticleMeta(
        authors=agreed_authors(declared, shown),
        date=day_found,
        date_from=date_from,
        site=site,
        url=address,
        truncated=why is not None,
        truncated_why=why,
        words=len(body.split()),
    )
