"""Messages that go up: from workers to their screen, from widgets and screens to the app.

Data goes down as arguments and method calls; what happened comes back up as one of these.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from reader.analysis.model import Analysis
from reader.article import Article


@dataclass
class AnalysisProgress(Message, bubble=False):
    """A partial analysis (the first part of a long text) plus the share of the text covered."""

    analysis: Analysis
    fraction: float


@dataclass
class AnalysisReady(Message, bubble=False):
    """The complete analysis of the open article; `cached` says whether it came from the cache."""

    analysis: Analysis
    cached: bool = False


@dataclass
class AnalysisFailed(Message, bubble=False):
    """The analysis could not run; the text stays readable without highlights."""

    error: str


@dataclass
class AnalysisStatus(Message, bubble=False):
    """A status line for the user while the analysis runs ("loading model…")."""

    text: str


@dataclass
class ReferentClicked(Message):
    """The user clicked a mention of an actor or place in the text."""

    referent_id: str


@dataclass
class JumpTo(Message):
    """Scroll the article to a character range and flash it (from a panel or the palette)."""

    start: int
    end: int


@dataclass
class CollectionProgress(Message, bubble=False):
    """Background indexing of a collection: `done` of `total` articles, `failed` of them could not be read."""

    done: int
    total: int
    failed: int
    error: str | None = None


@dataclass
class ArticleChosen(Message):
    """The user chose an article in the collection, to read at `focus` (a quote's character range)."""

    article: Article
    focus: tuple[int, int] | None = None


@dataclass
class OpenLibrary(Message):
    """The user asked for the library (a key or the palette); the app shows it."""


@dataclass
class OpenSource(Message):
    """The user picked an article in the library; the app loads it (a URL may take a moment)."""

    source: str


@dataclass
class DoubtfulShown(Message):
    """Doubtful attributions were switched on or off; the next article opened keeps the choice."""

    show: bool
