"""Saved web pages and fetched URLs: the main article only, via trafilatura.

trafilatura drops navigation, comments, share buttons and footers and reads the title, author, date
and site name from the page's metadata. We walk its cleaned XML body ourselves so paragraphs, headings,
block quotes and list items stay separate (blank lines between paragraphs; list items one per line).
trafilatura is imported here, lazily: it costs a few hundred milliseconds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.errors import ReaderError

_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


@dataclass(slots=True)
class ExtractedPage:
    """The article text of a page plus its metadata."""

    text: str
    title: str | None = None
    byline: str | None = None
    date: str | None = None
    site: str | None = None


def _text_of(element: object) -> str:
    """All text under `element`, with <lb/> as a line break and runs of whitespace collapsed."""
    parts: list[str] = []

    def walk(node: object) -> None:
        if getattr(node, "tag", None) == "lb":
            parts.append("\n")
        elif node.text:  # type: ignore[attr-defined]
            parts.append(node.text)  # type: ignore[attr-defined]
        for child in node:  # type: ignore[attr-defined]
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    joined = _SPACES.sub(" ", "".join(parts).replace("\n ", "\n").replace(" \n", "\n"))
    lines = [" ".join(line.split()) for line in joined.split("\n")]
    return "\n".join(line for line in lines if line)


def _blocks(body: object) -> list[str]:
    blocks: list[str] = []
    for element in body:  # type: ignore[attr-defined]
        tag = element.tag
        if tag == "list":
            items = [_text_of(item) for item in element if item.tag == "item"]
            marker = "\u2022 " if element.get("rend", "ul") != "ol" else None
            lines = [f"{marker or f'{number}. '}{item}" for number, item in enumerate(items, start=1) if item]
            if lines:
                blocks.append("\n".join(lines))
        elif tag == "table":
            rows = []
            for row in element.iter("row"):
                cells = [_text_of(cell) for cell in row if cell.tag == "cell"]
                if any(cells):
                    rows.append(" | ".join(cells))
            if rows:
                blocks.append("\n".join(rows))
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
                blocks.append(text)
    return blocks


def _same(a: str, b: str) -> bool:
    def norm(s: str) -> str:
        return re.sub(r"\W+", " ", s).strip().casefold()

    return norm(a) == norm(b)


def extract_html(html: str, *, url: str | None = None, name: str = "the page") -> ExtractedPage:
    """Extract the main article of an HTML page; raise ReaderError if there is no article text in it."""
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
        )
    except Exception as error:  # noqa: BLE001 - a parser failure on a hostile page is the page's fault
        raise ReaderError(f"cannot read {name} as a web page ({type(error).__name__})") from error
    body = getattr(document, "body", None) if document is not None else None
    blocks = _blocks(body) if body is not None else []
    if not blocks:
        raise ReaderError(f"no article text found in {name}")
    title = (document.title or "").strip() or None
    if title and not _same(blocks[0], title):
        blocks.insert(0, title)
    site = document.sitename or document.hostname
    return ExtractedPage(
        text="\n\n".join(blocks),
        title=title,
        byline=(document.author or "").strip() or None,
        date=document.date or None,
        site=(site or "").strip() or None,
    )
