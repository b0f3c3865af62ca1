"""The reading screen: status line, the article view, the side panel, the search bar and the footer.

The text is on screen at once; the analysis arrives from a worker thread (cache first, then spaCy,
streaming partial results for long texts) and only adds highlights and panel records.
"""

from __future__ import annotations

import time

from rich.style import Style
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.lazy import Lazy
from textual.timer import Timer

from reader.analysis.model import Analysis, Quote
from reader.article import Article
from reader.settings import state as reader_state
from reader.ui.analysis_feed import AnalysisRunner, gc_paused
from reader.ui.messages import (
    AnalysisFailed,
    AnalysisProgress,
    AnalysisReady,
    AnalysisStatus,
    DoubtfulShown,
    JumpTo,
    OpenLibrary,
    ReferentClicked,
)
from reader.ui.options import ReaderOptions
from reader.ui.palette import Command, ScreenCommands, article_commands, heading_commands
from reader.ui.present import (
    QUOTE_CONFIDENCE_THRESHOLD,
    article_meta,
    article_notices,
    article_words,
    first_line,
    hidden_by_default,
    is_doubtful,
    quote_summary,
    shown_quotes,
    source_label,
)
from reader.ui.screens.article_contents import ContentsScreen
from reader.ui.screens.article_keys import ARTICLE_BINDINGS
from reader.ui.screens.article_panel import PanelScreen
from reader.ui.seek import (
    NOT_FOUND,
    QUOTES_WRAPPED_BACKWARD,
    QUOTES_WRAPPED_FORWARD,
    step_through,
    wrap_notice,
)
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.contents import ContentsPane
from reader.ui.widgets.find_bar import FindBar
from reader.ui.widgets.footer import ReaderFooter
from reader.ui.widgets.side_panel import ReferentSelected, SidePanel
from reader.ui.widgets.status_bar import StatusBar, reading_position
from reader.vocab import ENTITY_ROLES

WRAP_WIDTHS = (60, 72, 80, 100, 120, 1000)
#: Seconds between two partial analyses shown while a long text streams in.
PROGRESS_INTERVAL = 0.8
#: What the panels say when the app was started without analysis: no list will ever fill.
ANALYSIS_OFF = "Analysis is off."
#: Seconds of stillness after scrolling before the reading position is saved.
SAVE_DELAY = 1.0
#: Below this many columns the side panels start hidden.
NARROW = 100


class ArticleScreen(ContentsScreen, PanelScreen):
    """One open article."""

    DEFAULT_CSS = """
    ArticleScreen { layout: vertical; }
    ArticleScreen #body { height: 1fr; }
    ArticleScreen ArticleView { height: 1fr; width: 1fr; }
    ArticleScreen.-no-sidebar SidePanel { display: none; }
    """

    BINDINGS = ARTICLE_BINDINGS
    #: The text has the keys from the first moment: not the first focusable widget (the hidden contents
    #: filter), which would swallow a `q` or `j` typed while the article opens.
    AUTO_FOCUS = "ArticleView"

    COMMANDS = {ScreenCommands}

    def __init__(
        self,
        article: Article,
        options: ReaderOptions,
        styles: dict[str, Style],
        *,
        analysis: Analysis | None = None,
        runner: AnalysisRunner | None = None,
        focus: tuple[int, int] | None = None,
        back_on_escape: bool = False,
    ) -> None:
        super().__init__()
        self.article = article
        self.options = options
        self._styles = styles
        self.panel = SidePanel(options.config.panels, partial_text=article.meta.truncated, id="sidebar")
        self.focus_range = focus
        self.back_on_escape = back_on_escape
        self.analysis: Analysis | None = None
        self._initial_analysis = analysis
        self.runner = runner  # None: the analysis comes with the screen, or not at all
        self.analysis_done = False
        self.selected_referent: str | None = None
        self.mentions: list[tuple[int, int]] = []
        self.cursor: int | None = None
        self.matches: list[tuple[int, int]] = []
        self.entity_roles_saved: set[str] | None = None
        self.show_doubtful = False
        self.state_key = reader_state.article_key(article.source, article.text)
        self._last_apply = 0.0
        self._pending: Analysis | None = None
        self._pending_timer: Timer | None = None
        self._save_timer: Timer | None = None
        self._search_origin: tuple[float, int] | None = None
        self._search_wrap_told = False  # typing a query tells of a wrap once, not once per letter
        self._quote_at: int | None = None  # the quote last jumped to, while it stays on screen
        self._saved_offset: int | None = None

    def compose(self) -> ComposeResult:
        yield StatusBar(id="status")
        with Horizontal(id="body"):
            yield ContentsPane(self.article.headings, id="contents")
            yield ArticleView(
                self.article.text,
                title=self.article.title,
                meta=article_meta(self.article),
                notices=article_notices(self.article, self._initial_analysis),
                body_end=self.article.body_end,
                headings=self.article.headings,
                wrap_width=self.options.wrap_width,
                id="article",
            )
            yield Lazy(self.panel)
        yield FindBar(id="find")
        yield ReaderFooter()

    @property
    def view(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def status(self) -> StatusBar:
        return self.query_one(StatusBar)

    def on_mount(self) -> None:
        options = self.options
        if not options.config.show_sidebar or self.app.size.width < NARROW:
            self.add_class("-no-sidebar")  # in a narrow window the text comes first; `s` shows the panels
        view = self.view
        view.set_highlight_styles(self._styles)
        self.show_doubtful = options.show_doubtful
        self.panel.set_show_doubtful(self.show_doubtful)
        view.set_highlight(options.entity_roles, options.show_quotes, self.show_doubtful)
        self.full_title = self.article.title or first_line(self.article.text) or source_label(self.article)
        self.status.title = self.full_title
        view.focus()
        state = reader_state.load_state()
        saved = state.position(self.state_key)
        self.restore_panel_share(state)
        if self.focus_range is not None:
            self.call_after_refresh(view.jump_to, *self.focus_range)
        elif saved:
            view.restore_position(saved)
        if self._initial_analysis is not None:
            self._apply(self._initial_analysis, complete=True)
            self.status.status = ""
        elif self.runner is not None:
            self.status.status = "analysing the text…"
            # Paint the text first; the worker's spaCy import would compete for the interpreter.
            self.call_after_refresh(self.run_analysis)
        else:
            self.panel.show_placeholder(ANALYSIS_OFF)
        self.watch(view, "scroll_y", self._scrolled_by_reader, init=False)
        self._scrolled()

    def on_unmount(self) -> None:
        self.save_position()

    def save_position(self) -> None:
        """Remember where the reader is (atomically): on the way out, and a moment after scrolling."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        try:
            offset = self.view.top_offset
        except Exception:
            return
        self._saved_offset = offset
        title = self.article.title or first_line(self.article.text)

        def record(state: reader_state.ReaderState) -> None:
            state.set_position(self.state_key, offset)
            state.add_recent(self.article.source, title, article_words(self.article))

        reader_state.update_state(record)

    def _scrolled_by_reader(self, *_args: object) -> None:
        self._scrolled()
        if self._save_timer is None:
            self._save_timer = self.set_timer(SAVE_DELAY, self._save_if_moved)
        else:
            self._save_timer.reset()

    def _save_if_moved(self) -> None:
        """The debounced save: a killed process or a crashed terminal loses at most SAVE_DELAY of reading."""
        self._save_timer = None
        try:
            moved = self.view.top_offset != self._saved_offset
        except Exception:
            return
        if moved:
            self.save_position()

    def _scrolled(self, *_args: object) -> None:
        view = self.view
        last_top = view.virtual_size.height - view.scrollable_content_region.height
        self.status.position = reading_position(view.scroll_y, last_top)
        # While the whole headline is on screen the status line names the source instead of repeating it.
        at_top = view.scroll_y < 1 and view.title_bottom > 0
        self.status.title = source_label(self.article) if at_top else self.full_title
        self.follow_contents()

    # ----------------------------------------------------------------- analysis

    def run_analysis(self) -> None:
        """Cache first (instant), else the analysis process streams partial analyses of the text.

        Neither is a Textual worker: leaving the app never waits for them.
        """
        if self.runner is not None:
            self.runner.request(self.article, self.post_message)

    def on_analysis_status(self, message: AnalysisStatus) -> None:
        self.status.status = message.text

    def on_analysis_progress(self, message: AnalysisProgress) -> None:
        """Show partial results: the first at once, later ones at most every PROGRESS_INTERVAL."""
        self.status.status = f"analysing… {round(100 * message.fraction)}% done"  # not the position
        if self.analysis is None or time.monotonic() - self._last_apply >= PROGRESS_INTERVAL:
            self._apply(message.analysis, complete=False)
        else:
            self._pending = message.analysis
            if self._pending_timer is None:
                self._pending_timer = self.set_timer(PROGRESS_INTERVAL, self._apply_pending)

    def _apply_pending(self) -> None:
        self._pending_timer = None
        pending, self._pending = self._pending, None
        if pending is not None and not self.analysis_done:
            self._apply(pending, complete=False)

    def on_analysis_ready(self, message: AnalysisReady) -> None:
        self.status.status = ""
        self._pending = None
        if message.analysis is self.analysis:
            self.analysis_done = True  # the last partial result was already the complete one
            self.panel.update_analysis(message.analysis, complete=True)  # an empty list now says "none"
            return
        self._apply(message.analysis, complete=True)

    def on_analysis_failed(self, message: AnalysisFailed) -> None:
        self.status.status = "no highlights"
        self.analysis_done = True
        self.panel.show_placeholder(
            "The analysis failed, so there is nothing to list; the text is all there."
        )
        self.notify(f"Analysis failed: {message.error}", severity="error", timeout=8)

    def _apply(self, analysis: Analysis, *, complete: bool) -> None:
        self.analysis = analysis
        self.analysis_done = complete
        self._last_apply = time.monotonic()
        # Rebuilding the indexes and lists allocates many small objects; on a book-length analysis
        # the cyclic collector would rescan the whole heap several times over (10x slower).
        with gc_paused():
            self.view.set_analysis(analysis)
            self.panel.update_analysis(analysis, complete=complete)  # kept until it is mounted
            self.view.set_notices(article_notices(self.article, analysis))
            if self.selected_referent:
                self._select_referent(self.selected_referent)

    # ----------------------------------------------------------------- actors and mentions

    @on(ReferentSelected)
    def _referent_selected(self, message: ReferentSelected) -> None:
        self._select_referent(message.referent_id)
        if message.jump and self.mentions:
            self._move(+1)
            self.view.focus()

    @on(ReferentClicked)
    def _referent_clicked(self, message: ReferentClicked) -> None:
        self._select_referent(message.referent_id)
        self.show_card(message.referent_id)

    def _select_referent(self, referent_id: str | None) -> None:
        record = self.analysis.referent(referent_id) if self.analysis else None
        self.selected_referent = record.id if record else None
        self.mentions = sorted({(m.start, m.end) for m in record.mentions}) if record else []
        if not self.matches:
            self.cursor = None
            self.view.set_current(None)
        self.view.select_spans(self.mentions)
        self._update_info()

    def select_referent(self, referent_id: str, *, jump: bool = True) -> None:
        """Select an actor or place (from the palette or a card) and go to its first mention."""
        self._select_referent(referent_id)
        if jump and self.mentions:
            self.cursor = None
            self._move(+1)

    def show_card(self, referent_id: str | None = None) -> None:
        from reader.ui.screens.actor_card import ActorCard

        referent_id = referent_id or self.selected_referent
        if self.analysis is None or referent_id is None:
            self.notify("Select an actor first (panel, palette or a click on a name)")
            return
        record = self.analysis.referent(referent_id)
        if record is None:
            return

        def _done(result: str | None) -> None:
            if result:
                self.select_referent(result)

        self.app.push_screen(ActorCard(record, self.analysis, show_doubtful=self.show_doubtful), _done)

    def action_card(self) -> None:
        self.show_card()

    # ----------------------------------------------------------------- cycling (n / N)

    def _targets(self) -> tuple[list[tuple[int, int]], str]:
        if self.matches:
            return self.matches, "match"
        if self.mentions:
            return self.mentions, "mention"
        return [], ""

    def _move(self, step: int, *, origin: int | None = None, tell_wrap: bool = True) -> bool:
        """Go to the next or previous match or mention, from the current one or from the screen.

        Returns whether the walk wrapped around the end of the text.
        """
        targets, _kind = self._targets()
        if not targets:
            find = self.query_one(FindBar)
            query = find.input.value if find.has_class("-visible") else ""
            if query:
                self.notify(f"{NOT_FOUND}: “{query}”", timeout=3)
            else:
                self.notify("Nothing to cycle through: search with / or select an actor", timeout=3)
            return False
        top = self.view.top_offset if origin is None else origin
        starts = [start for start, _end in targets]
        self.cursor, wrapped = step_through(starts, self.cursor, top, step)
        if wrapped and tell_wrap:
            self.notify(wrap_notice(step), timeout=3)
        start, end = targets[self.cursor]
        self.view.set_current((start, end))
        self.view.bring_into_view(start, end)
        self._update_info()
        return wrapped

    def action_next(self) -> None:
        self._move(+1)

    def action_previous(self) -> None:
        self._move(-1)

    def _update_info(self) -> None:
        targets, kind = self._targets()
        if not targets:
            info = ""
            if self.selected_referent is not None and self.analysis is not None:
                record = self.analysis.referent(self.selected_referent)
                info = f"{record.name}: no mentions" if record else ""
        else:
            where = f"{self.cursor + 1}/" if self.cursor is not None else ""
            if kind == "match":
                info = f"{where}{len(targets)} match{'es' if len(targets) != 1 else ''}"
            else:
                record = self.analysis.referent(self.selected_referent) if self.analysis else None
                name = record.name if record else ""
                info = f"{name}: {where}{len(targets)} mention{'s' if len(targets) != 1 else ''}"
        self.status.info = info

    # ----------------------------------------------------------------- quotes, jumps

    def visible_quotes(self) -> list[Quote]:
        """The quotes on show in text order: confident speech, and every attribution after `a`."""
        return [quote for _index, quote in shown_quotes(self.analysis, self.show_doubtful)]

    def _no_quotes_message(self) -> str:
        if not self.analysis_done:
            return "No quotes found yet (still analysing)"
        hidden = sum(hidden_by_default(q) for q in self.analysis.quotes) if self.analysis else 0
        if hidden and not self.show_doubtful:
            plural = "s" if hidden != 1 else ""
            return f"No confident quotes: press a to show {hidden} other attribution{plural}"
        return "No quotes in this article"

    def _quote_jump(self, step: int) -> None:
        quotes = self.visible_quotes()
        if not quotes:
            self.notify(self._no_quotes_message(), timeout=3)
            return
        view = self.view
        current = view.flash[0] if view.flash else self._quote_at
        if current is not None and not view.shows_offset(current):
            current = None  # the reader scrolled away: go on from the screen
        top = view.top_offset
        if step > 0:
            anchor = current if current is not None else top - 1
            candidates = [q for q in quotes if q.content.start > anchor]
            quote = candidates[0] if candidates else quotes[0]
        else:
            anchor = current if current is not None else top + 1
            candidates = [q for q in quotes if q.content.start < anchor]
            quote = candidates[-1] if candidates else quotes[-1]
        if not candidates and len(quotes) > 1:
            self.notify(QUOTES_WRAPPED_FORWARD if step > 0 else QUOTES_WRAPPED_BACKWARD, timeout=3)
        self._quote_at = quote.content.start
        view.jump_to(quote.content.start, quote.content.end)
        self.status.info = f"quote {quotes.index(quote) + 1}/{len(quotes)}: {quote_summary(quote)}"

    def action_next_quote(self) -> None:
        self._quote_jump(+1)

    def action_previous_quote(self) -> None:
        self._quote_jump(-1)

    def action_copy_quote(self) -> None:
        quotes = self.visible_quotes()
        if not quotes:
            self.notify(self._no_quotes_message(), timeout=3)
            return
        view = self.view
        anchor = view.flash[0] if view.flash else None
        quote = None
        if anchor is not None:
            quote = next(
                (q for q in quotes if q.content.start <= anchor < max(q.content.end, anchor + 1)), None
            )
        if quote is None:
            top = view.top_offset
            quote = next((q for q in quotes if q.content.end > top), quotes[-1])
        speaker = quote.speaker_name or (quote.speaker.text if quote.speaker else None)
        text = quote.shown + (f" — {speaker}" if speaker else "")
        self.app.copy_to_clipboard(text)
        self.notify(f"Copied: {text[:60]}{'…' if len(text) > 60 else ''}", timeout=3)

    @on(JumpTo)
    def _jump(self, message: JumpTo) -> None:
        self.jump_to(message.start, message.end)
        self.view.focus()  # j, G and space move the text again

    # ----------------------------------------------------------------- search

    def action_search(self) -> None:
        # Typing searches from this screen on; a query with no match puts the view back here.
        self._search_origin = (self.view.scroll_y, self.view.top_offset)
        self._search_wrap_told = False
        self.query_one(FindBar).open()

    @on(FindBar.Changed)
    def _search_changed(self, message: FindBar.Changed) -> None:
        self.matches = self.view.search(message.query)
        self.cursor = None
        scroll_y, top = self._search_origin or (self.view.scroll_y, self.view.top_offset)
        # Each letter searches from the screen the search began on: the match of a shorter query that
        # moved the view does not keep it there.
        self.view.scroll_to(y=scroll_y, animate=False, immediate=True)
        if self.matches:
            wrapped = self._move(+1, origin=top, tell_wrap=not self._search_wrap_told)
            self._search_wrap_told = self._search_wrap_told or wrapped
        else:
            self.view.set_current(None)
        count = len(self.matches)
        label = f"{count} match{'es' if count != 1 else ''}" if count else NOT_FOUND
        self.query_one(FindBar).set_count(label if message.query else "")
        self._update_info()

    @on(FindBar.Submitted)
    def _search_submitted(self, message: FindBar.Submitted) -> None:
        self.view.focus()

    @on(FindBar.Closed)
    def _search_closed(self) -> None:
        self._search_origin = None
        self.clear_search()
        self.view.focus()

    def clear_search(self) -> None:
        self.matches = self.view.search("")
        self.cursor = None
        self.view.set_current(None)
        self._update_info()

    def action_clear(self) -> None:
        find = self.query_one(FindBar)
        if find.has_class("-visible") or self.matches:
            find.action_close()
            return
        if self.selected_referent is not None:
            self._select_referent(None)
        elif self.back_on_escape:
            self.save_position()
            self.dismiss()

    # ----------------------------------------------------------------- panels and layers

    def action_toggle_entities(self) -> None:
        view = self.view
        if view.highlight_roles:
            self.entity_roles_saved = set(view.highlight_roles)
            view.set_highlight(set(), view.show_quotes)
        else:
            view.set_highlight(self.entity_roles_saved or set(self.options.entity_roles), view.show_quotes)
        self.notify(f"Entity highlights {'on' if view.highlight_roles else 'off'}", timeout=2)

    def toggle_role(self, role: str) -> None:
        view = self.view
        roles = set(view.highlight_roles)
        roles.symmetric_difference_update({role})
        view.set_highlight(roles, view.show_quotes)
        self.notify(f"{role.capitalize()} highlights {'on' if role in roles else 'off'}", timeout=2)

    def action_toggle_quotes(self) -> None:
        view = self.view
        view.set_highlight(view.highlight_roles, not view.show_quotes)
        self.notify(f"Quote highlights {'on' if view.show_quotes else 'off'}", timeout=2)

    def action_toggle_doubtful(self) -> None:
        """Show every attribution (beliefs, evidence and the rest of what is not speech, doubtful ones) or
        confident speech only."""
        self.show_doubtful = not self.show_doubtful
        self.post_message(DoubtfulShown(self.show_doubtful))
        view = self.view
        view.set_highlight(view.highlight_roles, view.show_quotes, self.show_doubtful)
        self.panel.set_show_doubtful(self.show_doubtful)
        quotes = self.analysis.quotes if self.analysis else []
        if self.show_doubtful:
            doubtful = sum(is_doubtful(q) for q in quotes)
            other = sum(not q.is_speech for q in quotes)
            message = (
                f"Showing all attributions: {other} not speech, labelled by act,"
                f" {doubtful} doubtful dimmed and marked ?"
            )
        else:
            hidden = sum(hidden_by_default(q) for q in quotes)
            plural = "s" if hidden != 1 else ""
            threshold = QUOTE_CONFIDENCE_THRESHOLD
            message = (
                f"Showing confident speech only: {hidden} other attribution{plural} hidden"
                f" (not speech, or confidence below {threshold})"
            )
        self.notify(message, timeout=3)

    def action_cycle_width(self) -> None:
        view = self.view
        larger = [w for w in WRAP_WIDTHS if w > view.wrap_width]
        width = larger[0] if larger else WRAP_WIDTHS[0]
        view.set_wrap_width(width)
        self.notify(f"Reading width {width if width < 1000 else 'full window'}", timeout=2)

    def action_library(self) -> None:
        self.post_message(OpenLibrary())

    def set_highlight_styles(self, styles: dict[str, Style]) -> None:
        """The theme changed: restyle the highlights."""
        self._styles = styles
        self.view.set_highlight_styles(styles)

    def palette_commands(self) -> list[Command]:
        commands = article_commands(self, self.analysis, self.visible_quotes(), ENTITY_ROLES)
        return [*commands, *heading_commands(self, self.article.headings)]

    def jump_to(self, start: int, end: int) -> None:
        self.view.jump_to(start, end)


__all__ = ["ArticleScreen"]
