"""A web page's words without the extractor: the fallback that keeps an article from being lost.

The main extractor (trafilatura over lxml) gives up on some pages: nesting thousands of elements
deep, a control character written as a numeric entity (`&#27;`), or plain text saved with a .html
name. Then the page's text is read with the standard library's forgiving, non-recursive parser:
paragraph-like elements become paragraphs, and navigation, scripts and forms are left out.

`neutralise_entities` runs before any parser sees the page: a numeric entity for a control character
becomes the same visible symbol a raw control character gets (`reader.terminal`), so no parser can
decode an escape sequence into the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from html.parser import HTMLParser

from reader.sources.headings import heading_level
from reader.terminal import UNSAFE, sanitize_for_terminal

_NUMERIC_ENTITY = re.compile(r"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?")


def _entity_text(code: int) -> str | None:
    """What an unsafe numeric entity stands for, made harmless; None leaves a safe one to the parser."""
    if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return "\ufffd"  # as browsers do
    if 0x80 <= code <= 0x9F:  # HTML reads these as windows-1252 ("&#147;" is a left double quote)
        try:
            return bytes([code]).decode("cp1252")
        except UnicodeDecodeError:
            return "\ufffd"
    char = chr(code)
    if char in "\t\n\r" or not UNSAFE.match(char):
        return None
    return sanitize_for_terminal(char)


def neutralise_entities(html: str) -> str:
    """`html` with every numeric character reference to a control character replaced by its symbol."""
    if "&#" not in html:
        return html

    def replace(match: re.Match[str]) -> str:
        hexa, decimal = match.groups()
        digits = (hexa or decimal).lstrip("0") or "0"
        code = 0x110000 if len(digits) > 8 else int(digits, 16 if hexa else 10)  # beyond Unicode
        text = _entity_text(code)
        return match.group() if text is None else text

    return _NUMERIC_ENTITY.sub(replace, html)


#: Elements whose text is never the article.
_SKIPPED = frozenset(
    {"script", "style", "noscript", "template", "nav", "footer", "form", "select", "svg", "head"}
)
#: Elements that end a paragraph.
_BLOCKS = frozenset(
    {
        "p", "div", "section", "article", "main", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6",
        "li", "ul", "ol", "dl", "dt", "dd", "tr", "table", "figure", "figcaption", "header", "aside", "hr",
        "address", "body", "html",
    }
)  # fmt: skip
#: Elements that never have an end tag, so they never open a skipped stretch.
_VOID = frozenset({"br", "img", "hr", "meta", "link", "input", "wbr", "source", "area", "base", "col"})


class _TextCollector(HTMLParser):
    """Collects text and the page title; skipped elements are tracked by a counter, not a stack."""

    def __init__(self, *, markup: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.markup = markup  # False: plain text saved as .html, whose line breaks mean something
        self.parts: list[str] = []
        self.title: list[str] = []
        self.headings: list[tuple[int, str]] = []  # (level, text) of each h1-h3 read, in order
        self._skipping = 0
        self._in_title = False
        self._heading: tuple[int, int] | None = None  # (level, index in parts) of an open h1-h3

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in _SKIPPED and tag not in _VOID:
            self._skipping += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCKS:
            self.parts.append("\n\n")
            if heading_level(tag) and not self._skipping:
                self._heading = (heading_level(tag), len(self.parts))

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in _SKIPPED:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCKS:
            if self._heading is not None and heading_level(tag):
                level, first = self._heading
                words = " ".join("".join(self.parts[first:]).split())
                if words:
                    self.headings.append((level, words))
                self._heading = None
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._skipping:
            self.parts.append(data.replace("\n", " ") if self.markup else data)


_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


def plain_text_of(html: str) -> tuple[str, str | None]:
    """The page's text as paragraphs (blank lines between them) and its <title>, if any."""
    blocks, title = plain_blocks_of(html)
    return "\n\n".join(text for text, _level in blocks), title


def plain_blocks_of(html: str) -> tuple[list[tuple[str, int]], str | None]:
    """The page's paragraphs as `(text, heading level or 0)` and its <title>, if any."""
    collector = _TextCollector(markup=re.search(r"<[A-Za-z!/]", html) is not None)
    try:
        collector.feed(html)
        collector.close()
    except (ValueError, AssertionError, RecursionError):  # a malformed tail: keep what was read
        pass
    lines = [_SPACES.sub(" ", line).strip() for line in "".join(collector.parts).split("\n")]
    paragraphs: list[str] = []
    current: list[str] = []
    for line in [*lines, ""]:
        if line:
            current.append(line)
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    title = " ".join("".join(collector.title).split()) or None
    return _mark_headings(paragraphs, collector.headings), title


def _mark_headings(paragraphs: list[str], headings: list[tuple[int, str]]) -> list[tuple[str, int]]:
    """Each paragraph with the level of the heading it is (matched in order by its words), else 0."""
    where: dict[str, list[int]] = {}
    for index, paragraph in enumerate(paragraphs):
        where.setdefault(" ".join(paragraph.split()), []).append(index)
    levels = [0] * len(paragraphs)
    start = 0
    for level, text in headings:
        places = where.get(text, [])
        k = bisect_left(places, start)
        if k < len(places):  # a heading not found (say, split by a <br>) is skipped, not waited for
            levels[places[k]] = level
            start = places[k] + 1
    return list(zip(paragraphs, levels, strict=True))
