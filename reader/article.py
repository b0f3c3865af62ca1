"""An article as loaded from a file, a web page, a URL or stdin, before any analysis."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a cache hit imports this module)
if TYPE_CHECKING:
    from typing import Any

#: Where a date came from, strongest first: what `ArticleMeta.date_from` may say.
DATE_SOURCES = ("page-metadata", "url", "dateline", "text")
#: The deepest heading level kept as a heading (Markdown `###`, HTML `h3`); deeper ones label boxes
#: and asides on news pages more often than sections, so they read as text.
MAX_HEADING_LEVEL = 3
#: Words a reader reads in a minute; news reading speed in English is about 200-250 words a minute.
WORDS_PER_MINUTE = 230


def count_words(text: str) -> int:
    """The words of a text as every count in the reader makes them (runs of non-space characters), so the
    app's header, `reader analyze`'s summary and its JSON give one number for one article."""
    return len(text.split())


def reading_minutes(words: int) -> int:
    """Minutes to read `words` words, to the nearest minute; at least one for any text."""
    return max(1, round(words / WORDS_PER_MINUTE)) if words else 0


@dataclass(slots=True)
class ArticleMeta:
    """The facts about an article that are not its text: who wrote it, when, where, in what language.

    Every field is either checked or None: a wrong date or byline misleads a reader more than a missing
    one, so the sources fill a field only when what the page, its address and its text say agree.
    `truncated` marks a text that is only part of the article (a paywall teaser, a page cut at
    "Read more"), so counts of quotes and actors read as partial; `truncated_why` says what showed it.
    """

    authors: list[str] = field(default_factory=list)
    date: str | None = None  # ISO YYYY-MM-DD
    date_from: str | None = None  # one of DATE_SOURCES
    site: str | None = None
    url: str | None = None
    language: str | None = None  # ISO 639-1 of the body text, detected
    truncated: bool = False
    truncated_why: str | None = None
    words: int = 0

    @property
    def reading_minutes(self) -> int:
        return reading_minutes(self.words)

    def with_text_facts(self, text_facts: ArticleMeta | None) -> ArticleMeta:
        """These facts completed by what the analysis read in the text itself (its language)."""
        if text_facts is None:
            return replace(self)
        return replace(self, language=text_facts.language, words=text_facts.words or self.words)

    def to_dict(self) -> dict[str, Any]:
        return {
            "authors": list(self.authors) or None,
            "date": self.date,
            "date_from": self.date_from,
            "site": self.site,
            "url": self.url,
            "language": self.language,
            "truncated": self.truncated,
            "truncated_why": self.truncated_why,
            "words": self.words,
            "reading_minutes": self.reading_minutes,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ArticleMeta:
        def text(key: str) -> str | None:
            value = data.get(key)
            return None if value is None else str(value)

        return cls(
            authors=[str(a) for a in data.get("authors") or []],
            date=text("date"),
            date_from=text("date_from"),
            site=text("site"),
            url=text("url"),
            language=text("language"),
            truncated=bool(data.get("truncated", False)),
            truncated_why=text("truncated_why"),
            words=int(data.get("words") or 0),
        )


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading of the article: its level (1 for the title and top sections) and where it stands.

    The source knows which lines are headings (a Markdown `##`, an HTML `h2`, a plain text's title
    line) and the rendered text no longer shows it, so the loader keeps it as data: offsets index
    `Article.text` exactly, like an analysis's, and `text` is that slice on one line.
    """

    level: int
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Article:
    """The decoded text plus what the source told us about it.

    `body_end` marks where trailing web boilerplate ("Leave a Reply", share buttons) starts: the
    analysis stops there and the app shows the rest dimmed. `byline`, `date` and `site` are the checked
    facts of `meta`, kept as plain strings for display. `headings` are the article's own headings in
    text order (the view styles them, the contents pane lists them).
    """

    text: str
    source: str  # the path, URL or "-" it came from
    title: str | None = None
    byline: str | None = None
    date: str | None = None
    site: str | None = None
    body_end: int | None = None
    meta: ArticleMeta = field(default_factory=ArticleMeta)
    headings: list[Heading] = field(default_factory=list)

    @property
    def body(self) -> str:
        return self.text if self.body_end is None else self.text[: self.body_end]

    @property
    def heading_spans(self) -> tuple[tuple[int, int], ...]:
        """Where the headings are, as the analysis takes them: no one is quoted in a heading."""
        return tuple((heading.start, heading.end) for heading in self.headings)
