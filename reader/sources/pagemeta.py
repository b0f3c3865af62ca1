"""What a web page declares about its article: JSON-LD and `<meta>` tags, read as claims to check.

News pages say when they were published, by whom, on which site, how long the article is and
whether it is for subscribers only, in two machine-readable places: schema.org JSON-LD
(`NewsArticle.datePublished`, `author`, `wordCount`, `isAccessibleForFree`) and `<meta>` tags
(`article:published_time`, `author`, `og:site_name`, `og:description`). Nothing here decides: the
claims go to `reader.sources.meta`, which keeps only what agrees with the address and the text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

#: schema.org types whose dates and authors are the article's own (not a related item's).
_ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "blogposting",
    "liveblogposting",
    "socialmediaposting",
    "scholarlyarticle",
    "report",
}
#: `<meta>` names and properties (lower-case) made for the publication time of an article.
_PUBLISHED_META = {
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
}
#: Generic date tags: some templates fill them with the day the page was built, so they count only
#: when the page has none of the above.
_OTHER_DATE_META = {
    "article.published",
    "published_time",
    "published-date",
    "publish-date",
    "publishdate",
    "publish_date",
    "publication_date",
    "pubdate",
    "date",
    "dc.date",
    "dc.date.issued",
    "dc.date.created",
    "dcterms.created",
    "dcterms.date",
    "dcterms.issued",
    "sailthru.date",
    "parsely-pub-date",
    "citation_publication_date",
    "original-publish-date",
    "article_date_original",
}
_AUTHOR_META = {"author", "article:author", "sailthru.author", "parsely-author", "dc.creator", "byl"}
_SITE_META = ("og:site_name", "application-name", "twitter:site")
_DESCRIPTION_META = ("og:description", "description", "twitter:description")
_URL_META = ("og:url",)
_MAX_JSON = 500_000  # characters of one JSON-LD block; larger ones are not article metadata


@dataclass(slots=True)
class PageClaims:
    """Raw claims of one page, unchecked and unsanitised."""

    published: list[str] = field(default_factory=list)
    other_dates: list[str] = field(default_factory=list)
    modified: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    site: str | None = None
    url: str | None = None
    description: str | None = None
    word_count: int | None = None
    for_subscribers: bool = False


def _types(node: dict[str, Any]) -> set[str]:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).lower() for k in kinds if isinstance(k, str)}


def _walk(node: object) -> list[dict[str, Any]]:
    """Every JSON object in a JSON-LD block, `@graph` lists included, depth-first."""
    found: list[dict[str, Any]] = []
    stack = [node]
    while stack and len(found) < 500:
        item = stack.pop()
        if isinstance(item, dict):
            found.append(item)
            stack.extend(v for k, v in item.items() if k in ("@graph", "mainEntity", "itemListElement"))
        elif isinstance(item, list):
            stack.extend(item)
    return found


def _names(value: object) -> list[str]:
    """Author names from a JSON-LD `author` value: a string, a Person, or a list of them."""
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items[:20]:
        if isinstance(item, str):
            names.append(item)
        elif isinstance(item, dict) and isinstance(item.get("name"), str):
            names.append(item["name"])
    return names


def _read_json_ld(node: dict[str, Any], claims: PageClaims) -> None:
    for key, target in (("datePublished", claims.published), ("dateModified", claims.modified)):
        if isinstance(node.get(key), str):
            target.append(node[key])
    claims.authors.extend(_names(node.get("author")))
    count = node.get("wordCount")
    if isinstance(count, (int, str)) and str(count).strip().isdigit() and claims.word_count is None:
        claims.word_count = int(str(count).strip())
    free = node.get("isAccessibleForFree")
    if free is False or (isinstance(free, str) and free.strip().lower() == "false"):
        claims.for_subscribers = True
    publisher = node.get("publisher")
    if claims.site is None and isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
        claims.site = publisher["name"]
    if claims.description is None and isinstance(node.get("description"), str):
        claims.description = node["description"]


def _json_ld(tree: Any, claims: PageClaims) -> None:
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        if len(script.text) > _MAX_JSON:
            continue
        try:
            data = json.loads(script.text)
        except (ValueError, RecursionError):
            continue
        for node in _walk(data):
            if _types(node) & _ARTICLE_TYPES:
                _read_json_ld(node, claims)


def _meta_tags(tree: Any, claims: PageClaims) -> None:
    found: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").strip()
        content = element.get("content")
        if not key or content is None or not content.strip():
            continue
        key = key.lower()
        if key in _PUBLISHED_META:
            claims.published.append(content)
        elif key in _OTHER_DATE_META:
            claims.other_dates.append(content)
        elif key in ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified"):
            claims.modified.append(content)
        elif key in _AUTHOR_META and not content.strip().lower().startswith(("http://", "https://")):
            claims.authors.append(content)
        found.setdefault(key, content)
    claims.site = claims.site or next((found[k] for k in _SITE_META if k in found), None)
    claims.description = next((found[k] for k in _DESCRIPTION_META if k in found), claims.description)
    claims.url = next((found[k] for k in _URL_META if k in found), None)


def _markup(tree: Any, claims: PageClaims) -> None:
    """`<time itemprop="datePublished">`, `<time pubdate>` and the canonical link."""
    for element in tree.iter("time"):
        stamp = element.get("datetime")
        if stamp and (element.get("itemprop") == "datePublished" or element.get("pubdate") is not None):
            claims.published.append(stamp)
    for element in tree.iter("link"):
        if (element.get("rel") or "").strip().lower() == "canonical" and element.get("href"):
            claims.url = claims.url or element.get("href")


def read_page_claims(html: str) -> PageClaims:
    """The claims a page makes about its article; an unparsable page makes none."""
    claims = PageClaims()
    try:
        import lxml.html  # type: ignore[import-untyped]

        tree = lxml.html.document_fromstring(html.encode("utf-8", "replace"))
    except Exception:  # noqa: BLE001 - a page lxml cannot read simply declares nothing
        return claims
    _json_ld(tree, claims)
    _meta_tags(tree, claims)
    _markup(tree, claims)
    return claims
