"""Saved web pages and fetched URLs: the main article only, via trafilatura.

trafilatura drops navigation, comments, share buttons and footers and reads the title, author, date
and site name from the page's metadata. We walk its cleaned XML body ourselves so paragraphs, headings,
block quotes and list items stay separate (blank lines between paragraphs; list items one per line).
trafilatura is imported here, lazily: it costs a few hundred milliseconds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from reader.article import Heading
from reader.errors import ReaderError
from reader.sources.headings import heading_level, join_blocks
from reader.sources.html_plain import neutralise_entities, plain_blocks_of


class _Element(Protocol):
    """What we read of an lxml element in trafilatura's cleaned XML (lxml ships no type information)."""

    tag: object
    text: str | None
    tail: str | None

    def __iter__(self) -> Iterator[_Element]: ...
    def __len__(self) -> int: ...
    def get(self, key: str, default: str | None = None) -> str | None: ...
    def iter(self, tag: str) -> Iterator[_Element]: ...


_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


@dataclass(slots=True)
class ExtractedPage:
    """The article text of a page plus its metadata and where its headings are."""

    text: str
    title: str | None = None
    byline: str | None = None
    date: str | None = None
    site: str | None = None
    headings: list[Heading] = field(default_factory=list)


def _text_of(element: _Element) -> str:
    """All text under `element`, with <lb/> as a line break and runs of whitespace collapsed."""
    parts: list[str] = []

    def walk(node: _Element) -> None:
        if node.tag == "lb":
            parts.append("\n")
        elif node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    joined = _SPACES.sub(" ", "".join(parts).replace("\n ", "\n").replace(" \n", "\n"))
    lines = [" ".join(line.split()) for line in joined.split("\n")]
    return "\n".join(line for line in lines if line)


def _blocks(body: _Element) -> list[tuple[str, int]]:
    """The body's blocks in order as `(text, heading level or 0)` (an <h2> is a <head rend="h2"> here)."""
    blocks: list[tuple[str, int]] = []
    for element in body:
        tag = element.tag
        if tag == "list":
            items = [_text_of(item) for item in element if item.tag == "item"]
            marker = "\u2022 " if element.get("rend", "ul") != "ol" else None
            lines = [f"{marker or f'{number}. '}{item}" for number, item in enumerate(items, start=1) if item]
            if lines:
                blocks.append(("\n".join(lines), 0))
        elif tag == "table":
            rows = []
            for row in element.iter("row"):
                cells = [_text_of(cell) for cell in row if cell.tag == "cell"]
                if any(cells):
                    rows.append(" | ".join(cells))
            if rows:
                blocks.append(("\n".join(rows), 0))
        elif (
            tag in ("quote", "div", "section")
            and len(element)
            and all(child.tag in ("p", "head", "list", "quote") for child in element)
        ):
            blocks.extend(_blocks(element))
        elif tag == "graphic":
            continue
        else:
            text = _text_of(element)
            if text:
                blocks.append((text, heading_level(element.get("rend")) if tag == "head" else 0))
    return blocks


def _same(a: str, b: str) -> bool:
    def norm(s: str) -> str:
        return re.sub(r"\W+", " ", s).strip().casefold()

    return norm(a) == norm(b)


_QUIET_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer")
_SHORT_ARTICLE = 500  # characters; below this a second, more generous extraction is tried


def _quiet_libraries() -> None:
    """Library log records must never reach stderr: the reader's errors are one line."""
    import logging

    for name in _QUIET_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
            logger.addHandler(logging.NullHandler())
        logger.propagate = False


def _extract(
    html: str, url: str | None, name: str, *, recall: bool
) -> tuple[object | None, list[tuple[str, int]]]:
    import trafilatura

    try:
        document = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            favor_recall=recall,
        )
    except Exception:  # noqa: BLE001 - a parser failure on a hostile page: the plain-text fallback reads it
        return None, []
    body = getattr(document, "body", None) if document is not None else None
    try:
        return document, (_blocks(body) if body is not None else [])
    except RecursionError:
        return None, []


def extract_html(html: str, *, url: str | None = None, name: str = "the page") -> ExtractedPage:
    """Extract the main article of an HTML page; raise ReaderError if there is no article text in it.

    The precise extraction comes first; when it finds only a scrap of text (some page layouts hide the
    article from it), a recall-oriented pass is tried and the longer result kept. When both find
    nothing or fail, the page's plain text is read instead (`html_plain`): an article is not lost
    to a page the extractor cannot parse.
    """
    _quiet_libraries()
    html = neutralise_entities(html)
    document, blocks = _extract(html, url, name, recall=False)
    if _length(blocks) < _SHORT_ARTICLE:
        generous, more = _extract(html, url, name, recall=True)
        if _length(more) > _length(blocks):
            document, blocks = generous, more
    if not blocks or document is None:
        return _plain_page(html, name)
    meta: Any = document
    title = (meta.title or "").strip() or None
    if title and not _same(blocks[0][0], title):
        blocks.insert(0, (title, 1))
    elif title:
        blocks[0] = (blocks[0][0], 1)  # the page's headline, whatever tag it wore
    text, headings = join_blocks(blocks)
    site = meta.sitename or meta.hostname
    return ExtractedPage(
        text=text,
        title=title,
        byline=(meta.author or "").strip() or None,
        date=meta.date or None,
        site=(site or "").strip() or None,
        headings=headings,
    )


def _length(blocks: list[tuple[str, int]]) -> int:
    return sum(len(text) for text, _level in blocks)


def _plain_page(html: str, name: str) -> ExtractedPage:
    from reader.sources.text import first_line_title

    blocks, title = plain_blocks_of(html)
    text, headings = join_blocks(blocks)
    if not text.strip():
        raise ReaderError(f"no article text found in {name}")
    title = title or first_line_title(text)
    if not headings and title and blocks and _same(blocks[0][0], title):
        text, headings = join_blocks([(blocks[0][0], 1), *blocks[1:]])
    return ExtractedPage(text=text, title=title, headings=headings)


def html_from_mhtml(data: bytes, name: str) -> bytes:
    """The HTML part of a page saved as a single MHTML file ("Webpage, Single File" in browsers)."""
    import email
    import email.policy

    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes) and payload.strip():
                charset = part.get_content_charset()
                if charset:
                    try:
                        return payload.decode(charset).encode("utf-8")
                    except (LookupError, UnicodeDecodeError):
                        pass
                return payload
    raise ReaderError(f"{name} is a saved web archive without an HTML page in it")


def looks_like_mhtml(data: bytes) -> bool:
    """MHTML starts with MIME headers announcing a multipart/related body."""
    head = data[:2048].lower()
    return b"mime-version:" in head and b"multipart/related" in head
