"""Markdown to clean reading text: the words stay, the markup goes.

Built on markdown-it-py's token stream (a Textual dependency, so nothing new to install): headings,
paragraphs and block quotes become paragraphs separated by blank lines; emphasis, links and inline code
lose their markers; list items become "• item" / "1. item" lines; images and raw HTML are dropped.
Soft line breaks inside a paragraph become spaces, so hard-wrapped Markdown reads as flowing text.
Headings `#` to `###` are kept as data (`headings`): the text shows their words, the list says where.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.article import Heading
from reader.sources.headings import heading_level, join_blocks

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_FIELD = re.compile(r"^([A-Za-z_]+)\s*:\s*(.+?)\s*$", re.MULTILINE)
_TAG = re.compile(r"<[^>]*>")


@dataclass(slots=True)
class RenderedMarkdown:
    """The reading text and what the document said about itself (front matter, headings)."""

    text: str
    title: str | None = None
    byline: str | None = None
    date: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    headings: list[Heading] = field(default_factory=list)


def _front_matter(source: str) -> tuple[dict[str, str], str]:
    """Split off a YAML front-matter block (`---` ... `---`), reading only simple `key: value` lines."""
    match = _FRONT_MATTER.match(source)
    if not match:
        return {}, source
    fields = {key.lower(): value.strip("\"'") for key, value in _FRONT_FIELD.findall(match.group(1))}
    return fields, source[match.end() :]


def _inline(token: object) -> str:
    parts: list[str] = []
    for child in getattr(token, "children", None) or []:
        kind = child.type
        if kind in ("text", "code_inline"):
            parts.append(child.content)
        elif kind == "softbreak":
            parts.append(" ")
        elif kind == "hardbreak" or (kind == "html_inline" and child.content.lower().startswith("<br")):
            parts.append("\n")
    return re.sub(r"[ \t]+", " ", "".join(parts)).strip()


def render_markdown(source: str) -> RenderedMarkdown:
    """Render Markdown as plain reading text; the title is the front-matter title or the first heading."""
    from markdown_it import MarkdownIt

    meta, body = _front_matter(source)
    tokens = MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(body)

    blocks: list[tuple[str, int]] = []  # (text, heading level or 0)
    lists: list[list[int]] = []  # per open list: [ordered (0/1), next number]
    list_lines: list[str] = []
    marker: str | None = None
    row: list[str] | None = None
    table_rows: list[str] = []
    level = 0  # of the heading being read, 0 outside one
    first_heading: str | None = None

    def add(text: str, heading: int = 0) -> None:
        nonlocal marker
        if not text:
            return
        if lists:
            indent = "  " * (len(lists) - 1)
            lead = marker if marker is not None else "  "
            marker = None
            list_lines.append(indent + lead + text.replace("\n", "\n" + indent + "  "))
        else:
            blocks.append((text, heading))

    for token in tokens:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            lists.append([int(kind.startswith("ordered")), int(token.attrGet("start") or 1)])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
            if not lists and list_lines:
                blocks.append(("\n".join(list_lines), 0))
                list_lines = []
        elif kind == "list_item_open":
            ordered, number = lists[-1]
            marker = f"{number}. " if ordered else "\u2022 "
            lists[-1][1] += 1
        elif kind == "heading_open":
            level = heading_level(token.tag) or -1  # -1: a heading too deep to list, read as text
        elif kind == "heading_close":
            level = 0
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close" and row is not None:
            table_rows.append(" | ".join(row))
            row = None
        elif kind == "table_close":
            add("\n".join(table_rows))
            table_rows = []
        elif kind == "inline":
            text = _inline(token)
            if row is not None:
                row.append(text)
                continue
            if level and first_heading is None and text:
                first_heading = text
            add(text, max(0, level))
        elif kind in ("fence", "code_block"):
            add(token.content.rstrip("\n"))
        elif kind == "html_block":
            add(re.sub(r"\s+", " ", _TAG.sub(" ", token.content)).strip())

    title = meta.get("title") or first_heading
    if meta.get("title") and (not blocks or blocks[0][0] != meta["title"]):
        blocks.insert(0, (meta["title"], 1))
    text, headings = join_blocks(blocks)
    return RenderedMarkdown(
        text=text,
        title=title,
        byline=meta.get("author") or meta.get("byline"),
        date=meta.get("date"),
        meta=meta,
        headings=headings,
    )
