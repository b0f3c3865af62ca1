"""The article's facts: a date, authors, a site and a cut-off mark only when the sources agree on them."""

from __future__ import annotations

import json
import os
import time
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.sources import load_article
from reader.sources.dates import DateClaim, parse_day, resolve_date, url_day
from reader.sources.meta import clean_authors, clean_field
from reader.sources.pagemeta import read_page_claims
from reader.sources.truncation import find_truncation

STORY = [
    "The harbour board approved the long-delayed extension of the northern quay on Tuesday evening, "
    "ending a dispute that had divided the town for more than two years.",
    "\u201cThis is the right decision for the fishing fleet and for the town,\u201d said the board's chair, "
    "Margaret Ellison, after the vote. Opponents had argued that the work would harm the estuary.",
    "Construction is expected to begin in the spring and to last eighteen months, according to the "
    "board's own timetable, which was published alongside the decision.",
    "Local traders welcomed the news. Several said the extra berths would bring back the visiting "
    "boats that had stopped calling at the port since the old quay was closed.",
]


def page(
    *,
    meta: str = "",
    json_ld: dict[str, object] | None = None,
    paragraphs: list[str] | None = None,
    lang: str = "en",
    top: str = "",
) -> str:
    """A news page as sites write them: head metadata, an article element, a footer."""
    script = f'<script type="application/ld+json">{json.dumps(json_ld)}</script>' if json_ld else ""
    body = "".join(f"<p>{p}</p>" for p in (paragraphs if paragraphs is not None else STORY))
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><title>Quay extension approved</title>{meta}{script}'
        f"</head><body><header><nav><a href='/'>Home</a></nav></header><main><article>"
        f"<h1>Quay extension approved</h1>{top}{body}</article></main>"
        "<footer><p>\u00a9 2019 Harbour Times. All rights reserved.</p></footer></body></html>"
    )


def load_page(tmp_path: Path, html: str, *, written: float | None = None, name: str = "story.html"):
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    if written is not None:
        os.utime(path, (written, written))
    return load_article(str(path))


def published(day: str) -> str:
    return f'<meta property="article:published_time" content="{day}">'


def canonical(url: str) -> str:
    return f'<link rel="canonical" href="{url}">'


# --- dates -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "expected", "source"),
    [
        # metadata and address agree
        (
            published("2024-03-14T09:00:00+01:00") + canonical("https://t.example/2024/03/14/quay"),
            "2024-03-14",
            "page-metadata",
        ),
        # metadata alone
        (published("2024-03-14T09:00:00+01:00"), "2024-03-14", "page-metadata"),
        # the address alone
        (canonical("https://t.example/news/2024/03/14/quay"), "2024-03-14", "url"),
        # metadata and address disagree, neither is stronger: unknown
        (published("2024-03-20T09:00:00+01:00") + canonical("https://t.example/2024/03/14/quay"), None, None),
        # the address names another month: a metadata day outside it is not trusted
        (published("2024-05-02T09:00:00+01:00") + canonical("https://t.example/2024/03/quay"), None, None),
        # a UTC stamp just past midnight is the address's day elsewhere: they agree
        (
            published("2024-03-15T03:10:00Z") + canonical("https://t.example/2024/03/14/quay"),
            "2024-03-14",
            "url",
        ),
        # nothing at all: unknown, not today's date or the copyright year
        ("", None, None),
        # a generic date tag counts only when nothing better is there
        ('<meta name="date" content="2024-03-14">', "2024-03-14", "page-metadata"),
        (
            '<meta name="date" content="2026-01-01">' + published("2024-03-14T10:00:00+01:00"),
            "2024-03-14",
            "page-metadata",
        ),
    ],
)
def test_page_dates(tmp_path: Path, head: str, expected: str | None, source: str | None) -> None:
    article = load_page(tmp_path, page(meta=head), written=time.mktime((2024, 6, 1, 12, 0, 0, 0, 0, -1)))
    assert (article.meta.date, article.meta.date_from) == (expected, source)
    assert article.date == expected


def test_json_ld_date_and_last_updated_stamp(tmp_path: Path) -> None:
    """datePublished wins over a "last updated" stamp at the top of the text and the footer's year."""
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "datePublished": "2024-03-14T08:00:00-05:00",
        "dateModified": "2024-04-02T10:00:00-05:00",
    }
    article = load_page(tmp_path, page(json_ld=ld, top="<p>Updated April 2, 2024</p>"))
    assert (article.meta.date, article.meta.date_from) == ("2024-03-14", "page-metadata")


def test_a_last_modified_stamp_alone_is_not_the_publication_day(tmp_path: Path) -> None:
    head = '<meta property="article:modified_time" content="2024-04-02T10:00:00+01:00">'
    article = load_page(tmp_path, page(meta=head, top="<p>Updated 2 April 2024</p>"))
    assert article.meta.date is None


def test_metadata_months_away_from_the_address_day_gives_no_date(tmp_path: Path) -> None:
    head = published("2024-06-02T10:00:00+01:00") + canonical("https://t.example/2024/03/14/quay")
    assert load_page(tmp_path, page(meta=head)).meta.date is None


def test_a_date_after_the_file_was_written_is_dropped(tmp_path: Path) -> None:
    written = time.mktime((2024, 3, 10, 12, 0, 0, 0, 0, -1))
    article = load_page(tmp_path, page(meta=published("2024-09-30T10:00:00+00:00")), written=written)
    assert article.meta.date is None


def test_a_future_date_is_dropped_but_the_address_still_counts(tmp_path: Path) -> None:
    head = published("2099-01-01T10:00:00+01:00") + canonical("https://t.example/2024/03/14/quay")
    article = load_page(tmp_path, page(meta=head))
    assert (article.meta.date, article.meta.date_from) == ("2024-03-14", "url")


def test_an_old_date_needs_the_text_to_name_its_year(tmp_path: Path) -> None:
    assert load_page(tmp_path, page(meta=published("1971-05-02"))).meta.date is None
    history = [*STORY, "The quay was first opened in May 1971 by the harbour's founders."]
    article = load_page(tmp_path, page(meta=published("1971-05-02"), paragraphs=history), name="b.html")
    assert article.meta.date == "1971-05-02"


def test_url_date_over_a_template_date(tmp_path: Path) -> None:
    """A date the page's template shows (a "today" box) loses to the day in the address."""
    head = canonical("https://t.example/2024/03/14/quay")
    top = '<div class="date">Friday, 22 November 2024</div>'
    article = load_page(tmp_path, page(meta=head, top=top))
    assert (article.meta.date, article.meta.date_from) == ("2024-03-14", "url")


@pytest.mark.parametrize(
    ("value", "day", "utc"),
    [
        ("2024-03-14T09:00:00+01:00", date(2024, 3, 14), False),
        ("2024-03-14T23:30:00Z", date(2024, 3, 14), True),
        ("2024-03-14", date(2024, 3, 14), False),
        ("14 March 2024", date(2024, 3, 14), False),
        ("March 14th, 2024", date(2024, 3, 14), False),
        ("Thu, 14 Mar 2024 10:00:00 GMT", date(2024, 3, 14), True),
        ("20240314", date(2024, 3, 14), False),
    ],
)
def test_parse_day(value: str, day: date, utc: bool) -> None:
    assert parse_day(value) == (day, utc)


@pytest.mark.parametrize("value", ["2024-02-30", "yesterday", "", "31 Smarch 2024", "99999999"])
def test_parse_day_refuses_non_dates(value: str) -> None:
    assert parse_day(value) is None


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("https://t.example/2024/03/14/quay", date(2024, 3, 14)),
        ("https://t.example/news/2024-03-14-quay.html", date(2024, 3, 14)),
        ("https://t.example/news/quay-20240314.html", date(2024, 3, 14)),
        ("https://t.example/news/quay-12345678", None),
        ("https://t.example/2024/13/40/quay", None),
        (None, None),
    ],
)
def test_url_day(url: str | None, day: date | None) -> None:
    assert url_day(url) == day


def test_two_sources_outvote_one() -> None:
    claims = [
        DateClaim(date(2024, 3, 14), "page-metadata"),
        DateClaim(date(2024, 3, 14), "url"),
        DateClaim(date(2024, 3, 2), "dateline"),
    ]
    chosen = resolve_date(claims, reference=None, body="")
    assert chosen == DateClaim(date(2024, 3, 14), "page-metadata")


# --- authors, site, address --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("claims", "names"),
    [
        (["Jane Doe"], ["Jane Doe"]),
        (["By Jane Doe and John Roe"], ["Jane Doe", "John Roe"]),
        (["Jane Doe, Staff Writer"], ["Jane Doe"]),
        (["Staff"], []),
        (["Email the author"], []),
        (["Harbour Times"], []),
        (["Harbour Times Staff"], []),
        (["Photo: Getty Images"], []),
        (["Jane Doe | Twitter: @janedoe"], ["Jane Doe"]),
        (["https://t.example/authors/jane"], []),
        (["Ludwig van Beethoven"], ["Ludwig van Beethoven"]),
        (["<b>Jane &amp; Doe</b>"], ["Jane", "Doe"]),
        (["jane doe"], []),
    ],
)
def test_clean_authors(claims: list[str], names: list[str]) -> None:
    assert clean_authors(claims, site="Harbour Times", url="https://www.harbourtimes.example/x") == names


def test_page_author_and_site(tmp_path: Path) -> None:
    ld = {
        "@type": "NewsArticle",
        "author": [{"@type": "Person", "name": "Jane Doe"}, {"name": "Staff"}],
        "publisher": {"@type": "Organization", "name": "Harbour Times"},
    }
    article = load_page(tmp_path, page(json_ld=ld, meta=canonical("https://harbourtimes.example/quay")))
    assert article.meta.authors == ["Jane Doe"]
    assert article.meta.site == "Harbour Times"
    assert article.meta.url == "https://harbourtimes.example/quay"
    assert article.byline == "Jane Doe"


def test_metadata_and_visible_byline_disagreeing_gives_no_author(tmp_path: Path) -> None:
    ld = {"@type": "NewsArticle", "author": {"name": "Jane Doe"}}
    article = load_page(tmp_path, page(json_ld=ld, paragraphs=["By Peter Quill", *STORY]))
    assert article.meta.authors == []


def test_hostile_metadata_is_sanitised(tmp_path: Path) -> None:
    head = '<meta property="og:site_name" content="Evil\x1b[31m Times [b]bold[/b] &lt;i&gt;x&lt;/i&gt;">'
    article = load_page(tmp_path, page(meta=head))
    assert article.meta.site is not None
    assert "\x1b" not in article.meta.site and "<i>" not in article.meta.site


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_clean_field_gives_one_safe_line(value: str) -> None:
    text = clean_field(value)
    if text is not None:
        assert "\n" not in text and text == text.strip()
        assert not any(ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 for ch in text)


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=400))
def test_page_claims_never_fail(html: str) -> None:
    read_page_claims("<html><head>" + html + "</head></html>")
    read_page_claims(html)


# --- cut-off text ------------------------------------------------------------------------------------


def test_paywall_teaser_is_marked(tmp_path: Path) -> None:
    teaser = [*STORY[:2], "Subscribe to continue reading this article."]
    article = load_page(tmp_path, page(paragraphs=teaser))
    assert article.meta.truncated
    assert (article.meta.truncated_why or "").lower().startswith('a paywall prompt ("subscribe to continue')


def test_a_page_ending_on_read_more_is_marked(tmp_path: Path) -> None:
    article = load_page(tmp_path, page(paragraphs=[*STORY[:3], "Read more"]))
    assert article.meta.truncated and article.meta.truncated_why == 'it ends on "Read more"'


def test_declared_word_count_far_above_the_text(tmp_path: Path) -> None:
    ld = {"@type": "NewsArticle", "wordCount": 1800, "isAccessibleForFree": False}
    article = load_page(tmp_path, page(json_ld=ld))
    assert article.meta.truncated and "1,800" in (article.meta.truncated_why or "")


def test_whole_article_is_not_marked(tmp_path: Path) -> None:
    ld = {"@type": "NewsArticle", "wordCount": 140}
    assert not load_page(tmp_path, page(json_ld=ld)).meta.truncated


@pytest.mark.parametrize(
    ("body", "cut"),
    [
        ("The board met on Tuesday.\n\nIt approved the plan after a long debate.", False),
        ("The board met on Tuesday.\n\nRead more", True),
        ("The board met on Tuesday.\n\nIt approved the plan after a long debate that lasted until the", True),
        (
            "The board met on Tuesday.\n\nIt approved the plan after a long and bitter debate in which\u2026",
            True,
        ),
        ("The board met on Tuesday.\n\nPhotograph: Harbour Times", False),
        (
            "The board met on Tuesday.\n\n\u2022 The plan costs four million pounds and takes two years",
            False,
        ),
    ],
)
def test_cut_off_endings(body: str, cut: bool) -> None:
    assert (find_truncation(body) is not None) == cut


def test_summary_as_long_as_the_text_is_a_teaser() -> None:
    summary = " ".join(STORY[0].split()[:25])
    assert find_truncation(STORY[0], description=summary) is not None
    assert find_truncation("\n\n".join(STORY), description=summary) is None


def test_sample_articles_are_whole() -> None:
    samples = Path(__file__).resolve().parent.parent / "sample_articles"
    for path in sorted(samples.iterdir()):
        assert not load_article(str(path)).meta.truncated, path.name


# --- plain text and Markdown -------------------------------------------------------------------------


def test_plain_text_byline_and_dateline(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Quay extension approved\n\nBy Jane Doe\n14 March 2024\n\n" + "\n\n".join(STORY))
    meta = load_article(str(path)).meta
    assert (meta.authors, meta.date, meta.date_from) == (["Jane Doe"], "2024-03-14", "dateline")
    assert meta.words > 100 and meta.reading_minutes == 1


def test_updated_line_is_not_a_dateline(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Quay extension approved\n\nUpdated 14 March 2024\n\n" + "\n\n".join(STORY))
    assert load_article(str(path)).meta.date is None


def test_markdown_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    front = "---\ntitle: Quay extension approved\nauthor: Jane Doe\ndate: 2024-03-14\n---\n\n"
    path.write_text(front + "\n\n".join(STORY))
    meta = load_article(str(path)).meta
    assert (meta.authors, meta.date, meta.date_from) == (["Jane Doe"], "2024-03-14", "page-metadata")


def test_markdown_front_matter_outranks_a_dateline(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    front = "---\ntitle: Quay extension approved\ndate: 2024-03-14\n---\n\n2 May 2024\n\n"
    path.write_text(front + "\n\n".join(STORY))
    assert load_article(str(path)).meta.date == "2024-03-14"


def test_a_dateline_settles_metadata_and_address_disagreeing(tmp_path: Path) -> None:
    head = published("2024-03-20T09:00:00+01:00") + canonical("https://t.example/2024/03/14/quay")
    article = load_page(tmp_path, page(meta=head, paragraphs=["March 14, 2024", *STORY]))
    assert (article.meta.date, article.meta.date_from) == ("2024-03-14", "url")
