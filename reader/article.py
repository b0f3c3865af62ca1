"""An article as loaded from a file, a web page, a URL or stdin, before any analysis."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Article:
    """The decoded text plus what the source told us about it.

    `body_end` marks where trailing web boilerplate ("Leave a Reply", share buttons) starts: the
    analysis stops there and the app shows the rest dimmed.
    """

    text: str
    source: str  # the path, URL or "-" it came from
    title: str | None = None
    byline: str | None = None
    date: str | None = None
    site: str | None = None
    body_end: int | None = None

    @property
    def body(self) -> str:
        return self.text if self.body_end is None else self.text[: self.body_end]
