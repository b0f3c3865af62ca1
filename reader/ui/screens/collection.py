"""The collection screen: who said what across many articles.

Speakers across the whole collection, ranked by how many quotes they have (and in how many
articles), a filter box, and the selected speaker's quotes with their article titles. Enter opens
the article at that quote; Escape there comes back here, where you were. When the collection is a
folder, its articles are analysed and indexed in the background (all cores) while the screen
shows what the index already holds and fills as each article finishes.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from reader.analysis.model import DOUBTFUL_CONFIDENCE
from reader.collection.query import QuoteRow, Speaker, quotes, speakers
from reader.collection.request import CollectionRequest
from reader.ui.messages import ArticleChosen, CollectionProgress
from reader.ui.widgets.footer import ReaderFooter
from reader.ui.widgets.status_bar import StatusBar

if TYPE_CHECKING:
    import sqlite3

#: Seconds between two refreshes of the speaker list while articles come in.
REFRESH_INTERVAL = 0.5
#: Characters of a quote shown in the list (the article shows it whole).
QUOTE_PREVIEW = 240


def speaker_prompt(speaker: Speaker, width: int | None = None) -> Text:
    """One speaker line: the name, then how many quotes in how many articles.

    When the line does not fit in `width` cells, the counts go on a line of their own rather than
    being broken by the list ("7 quotes · 1" / "article"), and a name still too long ends in "…".
    """
    quotes_word = "quote" if speaker.quotes == 1 else "quotes"
    articles_word = "article" if speaker.articles == 1 else "articles"
    counts = f"{speaker.quotes} {quotes_word} · {speaker.articles} {articles_word}"
    line = Text.assemble((speaker.name, "bold"), (f"  {counts}", "dim"))
    if width is None or line.cell_len <= width:
        return line
    name = Text(speaker.name, "bold")
    name.truncate(width, overflow="ellipsis")
    below = Text(f"  {counts}", "dim")
    below.truncate(width, overflow="ellipsis")
    return Text("\n").join([name, below])


def quote_prompt(row: QuoteRow) -> Text:
    """One quote: its text (cut to a preview), then the article it came from."""
    body = " ".join(row.text.split())
    if len(body) > QUOTE_PREVIEW:
        body = body[: QUOTE_PREVIEW - 1] + "…"
    return Text.assemble((body, "italic"), ("\n  — ", "dim"), (row.title or row.source, "dim"))


class CollectionScreen(Screen[None]):
    """Speakers across a collection and their quotes."""

    DEFAULT_CSS = """
    CollectionScreen #collection-body { height: 1fr; }
    CollectionScreen #speakers-pane { width: 2fr; min-width: 28; max-width: 60; }
    CollectionScreen #speaker-filter { border: none; height: 1; padding: 0 1; }
    CollectionScreen #speakers, CollectionScreen #quotes { border: none; height: 1fr; }
    CollectionScreen #quotes-title { padding: 0 1; text-style: bold; }
    CollectionScreen #quotes-pane { width: 3fr; }
    """

    BINDINGS = [
        Binding(
            "slash",
            "filter",
            "Filter",
            key_display="/",
            id="collection-filter",
            tooltip="Filter the speakers",
        ),
        Binding(
            "escape", "clear_filter", "Clear", show=False, id="collection-clear", tooltip="Clear the filter"
        ),
        Binding(
            "tab", "switch_list", "Speakers/quotes", id="collection-switch", tooltip="Move between lists"
        ),
    ]

    def __init__(self, request: CollectionRequest) -> None:
        super().__init__()
        self.request = request
        self.speaker_rows: list[Speaker] = []
        self.quote_rows: list[QuoteRow] = []
        self.selected_key: str | None = None
        self._db: sqlite3.Connection | None = None
        self._last_refresh = 0.0
        self._progress = ""
        self._speakers_width = 0  # the list width the speaker lines were laid out for

    # ----------------------------------------------------------------- layout

    def compose(self) -> ComposeResult:
        yield StatusBar(id="status")
        with Horizontal(id="collection-body"):
            with Vertical(id="speakers-pane"):
                yield Input(placeholder="filter speakers (/)", id="speaker-filter")
                yield OptionList(id="speakers")
            with Vertical(id="quotes-pane"):
                yield Static("", id="quotes-title")
                yield OptionList(id="quotes")
        yield ReaderFooter()

    @property
    def status(self) -> StatusBar:
        return self.query_one(StatusBar)

    def on_mount(self) -> None:
        from reader.collection.index import connect

        self._db = connect(self.request.db_path)
        scope = self.request.scope
        self.status.title = f"collection — {Path(scope).name if scope else self.request.db_path.name}"
        self.refresh_speakers()
        self.query_one("#speakers", OptionList).focus()
        if self.request.sources and self.request.job is not None:
            self._progress = f"analysing 0/{len(self.request.sources)}"
            self.status.status = self._progress
            self.index_in_background()

    def on_resize(self) -> None:
        """The speaker lines are laid out for the list's width: redo them when it changes."""
        self.call_after_refresh(self._fit_speakers)

    def _fit_speakers(self) -> None:
        if self.query_one("#speakers", OptionList).scrollable_content_region.width != self._speakers_width:
            self.refresh_speakers()

    def on_unmount(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    # ----------------------------------------------------------------- data down

    def refresh_speakers(self) -> None:
        """Re-read the ranking (keeping the selected speaker and the filter)."""
        if self._db is None:
            return
        from reader.collection.query import article_count

        name_filter = self.query_one("#speaker-filter", Input).value
        self.speaker_rows = speakers(
            self._db, name_filter=name_filter, scope=self.request.scope, min_confidence=DOUBTFUL_CONFIDENCE
        )
        option_list = self.query_one("#speakers", OptionList)
        width = self._speakers_width = option_list.scrollable_content_region.width
        option_list.set_options(
            [Option(speaker_prompt(s, width or None), id=s.key) for s in self.speaker_rows]
        )
        keys = [s.key for s in self.speaker_rows]
        if self.selected_key in keys:
            option_list.highlighted = keys.index(self.selected_key)
        elif keys:
            option_list.highlighted = 0
        else:
            self.show_quotes(None)
        count = article_count(self._db, self.request.scope)
        self.status.info = f"{count} article{'s' if count != 1 else ''} · {len(self.speaker_rows)} speakers"
        self._last_refresh = time.monotonic()

    def show_quotes(self, speaker_key: str | None) -> None:
        """Fill the quote list with the speaker's quotes (kept as is when the speaker did not change)."""
        quote_list = self.query_one("#quotes", OptionList)
        highlighted = quote_list.highlighted if speaker_key == self.selected_key else None
        self.selected_key = speaker_key
        if speaker_key is None or self._db is None:
            self.quote_rows = []
            self.query_one("#quotes-title", Static).update("No quotes yet")
        else:
            self.quote_rows = quotes(
                self._db,
                speaker_key=speaker_key,
                scope=self.request.scope,
                min_confidence=DOUBTFUL_CONFIDENCE,
            )
            name = self.quote_rows[0].speaker if self.quote_rows else ""
            count = len(self.quote_rows)
            self.query_one("#quotes-title", Static).update(
                Text(f"{name} — {count} quote{'s' if count != 1 else ''}")
            )
        quote_list.set_options(
            [Option(quote_prompt(row), id=str(i)) for i, row in enumerate(self.quote_rows)]
        )
        if highlighted is not None and highlighted < len(self.quote_rows):
            quote_list.highlighted = highlighted

    # ----------------------------------------------------------------- messages up

    @on(Input.Changed, "#speaker-filter")
    def _filter_changed(self, _message: Input.Changed) -> None:
        self.refresh_speakers()

    @on(Input.Submitted, "#speaker-filter")
    def _filter_done(self, _message: Input.Submitted) -> None:
        self.query_one("#speakers", OptionList).focus()

    @on(OptionList.OptionHighlighted, "#speakers")
    def _speaker_highlighted(self, message: OptionList.OptionHighlighted) -> None:
        if message.option.id != self.selected_key:
            self.show_quotes(message.option.id)

    @on(OptionList.OptionSelected, "#speakers")
    def _speaker_chosen(self, message: OptionList.OptionSelected) -> None:
        quote_list = self.query_one("#quotes", OptionList)
        quote_list.focus()
        if quote_list.highlighted is None and self.quote_rows:
            quote_list.highlighted = 0

    @on(OptionList.OptionSelected, "#quotes")
    def _quote_chosen(self, message: OptionList.OptionSelected) -> None:
        if message.option.id is not None:
            self.open_quote(self.quote_rows[int(message.option.id)])

    # ----------------------------------------------------------------- actions

    def action_filter(self) -> None:
        self.query_one("#speaker-filter", Input).focus()

    def action_clear_filter(self) -> None:
        box = self.query_one("#speaker-filter", Input)
        if box.value:
            box.value = ""
        self.query_one("#speakers", OptionList).focus()

    def action_switch_list(self) -> None:
        speakers_list = self.query_one("#speakers", OptionList)
        target = self.query_one("#quotes", OptionList) if speakers_list.has_focus else speakers_list
        target.focus()
        if target.highlighted is None and target.option_count:
            target.highlighted = 0

    # ----------------------------------------------------------------- workers

    @work(thread=True, exclusive=True, group="open-quote", exit_on_error=False)
    def open_quote(self, row: QuoteRow) -> None:
        """Load the quote's article (a file or a URL) and show it at the quote."""
        from reader.errors import ReaderError
        from reader.sources import load_article

        try:
            article = load_article(row.source)
        except ReaderError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error", timeout=8)
            return
        start, end = row.start, row.end
        if article.text[start:end] != row.text:  # the file changed since it was indexed
            found = article.text.find(row.text)
            start, end = (found, found + len(row.text)) if found >= 0 else (0, 0)
        self.post_message(ArticleChosen(article, (start, end) if end > start else None))

    @work(thread=True, exclusive=True, group="collection-index", exit_on_error=False)
    def index_in_background(self) -> None:
        """Analyse and index the folder's articles, posting progress after each one."""
        from reader.collection.batch import run_batch
        from reader.collection.index import add_document, connect
        from reader.collection.run import index_key

        request = self.request
        assert request.job is not None
        worker = get_current_worker()
        db = connect(request.db_path)
        outcomes = run_batch(list(request.sources), request.job, jobs=request.jobs)
        done = failed = 0
        try:
            for outcome in outcomes:
                if worker.is_cancelled:
                    return
                error = outcome.error
                if error is None and outcome.line is not None:
                    add_document(db, outcome.line, index_key(outcome.source))
                else:
                    failed += 1
                done += 1
                self.post_message(CollectionProgress(done, len(request.sources), failed, error))
        finally:
            outcomes.close()
            db.close()

    def on_collection_progress(self, message: CollectionProgress) -> None:
        finished = message.done >= message.total
        failed = f", {message.failed} failed" if message.failed else ""
        self.status.status = (
            f"analysed {message.total}{failed}"
            if finished
            else f"analysing {message.done}/{message.total}{failed}"
        )
        if message.error:
            self.notify(message.error, severity="warning", timeout=6, markup=False)
        if finished or time.monotonic() - self._last_refresh >= REFRESH_INTERVAL:
            self.refresh_speakers()
            self.show_quotes(self.selected_key)
