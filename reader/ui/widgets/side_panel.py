"""The side panel: Actors, Places, Events and Who said what, each with a filter box.

Every list is built from the analysis records; moving the cursor over an actor or place marks its
mentions in the text, Enter jumps to the next mention, a quote or an event. Typing a letter in a list
filters it, as the command palette does: the letter goes to the filter box, not to the app's keys;
Escape clears the filter, and a second Escape hands the keys back to the text. The screen hands the
analysis down (even before the panel is mounted: it waits until it is); choices go back up as messages.
"""

from __future__ import annotations

import textwrap
from collections import defaultdict
from dataclasses import dataclass
from functools import partial
from typing import NamedTuple

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static, TabbedContent, TabPane, Tree
from textual.widgets.option_list import Option

from reader.analysis.model import Analysis, Quote, Referent
from reader.ui.messages import JumpTo
from reader.ui.present import event_line, hidden_by_default, quote_label, shown_quotes
from reader.ui.widgets.type_filter import FilterInput, FilterTyped, TypeToFilter

#: Seconds of quiet in a filter box before the list is rebuilt.
FILTER_DELAY = 0.12
PANEL_TITLES = {"actors": "Actors", "places": "Places", "events": "Events", "quotes": "Quotes"}
#: The side panel's share of the window's width (percent) until the reader picks another.
DEFAULT_SHARE = 37
#: Cells the quote tree's guides take before a quote ("├── ") and before a speaker ("▶ ").
TREE_GUIDE_WIDTH = 4
SPEAKER_GUIDE_WIDTH = 2
#: Cells a tab takes besides its label (its padding).
TAB_PADDING = 2
PANEL_NOUNS = {"actors": "actors", "places": "places", "events": "events", "quotes": "quotes"}
#: What an empty panel says once the analysis is complete.
EMPTY_TEXT = {
    "actors": "No people or organisations found in this article.",
    "places": "No places found in this article.",
    "events": "No events found in this article.",
    "quotes": "No quotes found in this article.",
}
QUOTE_LEGEND = "“ direct  ~ indirect  ≈ mixed  ? doubtful"
#: The legend's entries, for a panel too narrow for it on one line (the last one says how to see them).
LEGEND_ENTRIES = ("“ direct", "~ indirect", "≈ mixed", "? doubtful (shown with a)")


@dataclass
class LeavePanel(Message):
    """Escape with nothing left to clear in the panel: the keys go back to the text."""


class TabRow(NamedTuple):
    """What the tabs say, and whether they stand one space apart instead of two (`-tight-tabs`)."""

    labels: dict[str, str]
    tight: bool = False


def quote_legend(width: int) -> str:
    """The marks of the quotes list explained in `width` cells: one line when it fits, else its entries
    on as many lines as they need, never broken inside one (a wrapped "≈ / mixed" reads as two marks)."""
    if not width or len(QUOTE_LEGEND) <= width:
        return QUOTE_LEGEND
    entries = (
        [*LEGEND_ENTRIES[:-1], *("? doubtful", "(shown with a)")]
        if width < len(LEGEND_ENTRIES[-1])
        else LEGEND_ENTRIES
    )
    lines: list[str] = []
    for entry in entries:
        if lines and len(lines[-1]) + 2 + len(entry) <= width:
            lines[-1] += "  " + entry
        else:
            lines.append(entry)
    return "\n".join(lines)


def tab_labels(titles: dict[str, str], counts: dict[str, int], active: str, width: int) -> TabRow:
    """The fullest tab labels that fit in `width` cells, so that no tab is ever cut off.

    Titles with their counts ("Quotes 10"), else the titles alone (the filter boxes still give the
    counts), else the titles one space apart, else the active title with the other tabs' initials
    ("A P E Quotes"; the keys 1-4 and help name them). A width of 0 (not laid out yet) takes the fullest.
    """
    with_counts = {
        panel: f"{title} {counts[panel]}" if panel in counts else title for panel, title in titles.items()
    }

    def fits(labels: dict[str, str], padding: int) -> bool:
        # The last tab's right padding is blank: it may fall off the edge.
        return not width or sum(len(label) + padding for label in labels.values()) - padding // 2 <= width

    for labels in (with_counts, dict(titles)):
        if fits(labels, TAB_PADDING):
            return TabRow(labels)
    if fits(titles, TAB_PADDING - 1):
        return TabRow(dict(titles), tight=True)
    return TabRow({panel: title if panel == active else title[0] for panel, title in titles.items()})


@dataclass
class ReferentSelected(Message):
    """An actor or place is under the cursor (`jump` when the user pressed Enter on it)."""

    referent_id: str | None
    jump: bool = False


#: Over the actor and quote lists of a cut-off article: the counts are not the article's.
PARTIAL_NOTE = "From a partial text"


def _matches(query: str, *fields: str | None) -> bool:
    query = query.casefold().strip()
    return not query or any(query in (value or "").casefold() for value in fields)


def _empty_option(message: str) -> Option:
    return Option(Text(message, style="dim italic"), disabled=True)


def _nothing_matches(query: str) -> str:
    return f"Nothing matches “{query.strip()}”."


class ReferentList(TypeToFilter, OptionList):
    """Actors or places: name, kind and number of mentions, most mentioned first."""

    def show(self, referents: list[Referent], query: str, empty: str = "") -> None:
        highlighted = self.highlighted_option.id if self.highlighted_option is not None else None
        rows = [r for r in referents if _matches(query, r.name, r.kind, *r.aliases)]
        rows.sort(key=lambda r: (-len(r.mentions), r.name.casefold()))
        options = []
        for referent in rows:
            prompt = Text.assemble(
                (referent.name, "bold"),
                ("  ", ""),
                (referent.kind, "dim"),
                (f"  ×{len(referent.mentions)}", ""),
            )
            options.append(Option(prompt, id=referent.id))
        if not options:
            options.append(_empty_option(_nothing_matches(query) if query.strip() else empty))
        self.set_options(options)
        if highlighted is not None:
            for index, referent in enumerate(rows):
                if referent.id == highlighted:
                    self.highlighted = index
                    break


class EventList(TypeToFilter, OptionList):
    """Events in rank order: the main event on top and marked, the background below a divider."""

    def show(self, analysis: Analysis, query: str, empty: str = "") -> None:
        options: list[Option | None] = []
        divided = False
        for index, event in enumerate(analysis.events):
            line = event_line(analysis, event)
            if not _matches(query, line.plain, event.sentence.text, event.what):
                continue
            if event.background and not divided:
                divided = True
                if options:
                    options.append(None)  # a separator line
                options.append(Option(Text(BACKGROUND_HEADING, style="dim italic"), disabled=True))
            if index == 0 and not event.background:
                line = Text.assemble((MAIN_MARK, "bold reverse"), " ", line)
            options.append(Option(line, id=str(index)))
        if not options:
            options.append(_empty_option(_nothing_matches(query) if query.strip() else empty))
        self.set_options(options)


#: The mark of the main event (a word, not only a colour).
MAIN_MARK = " Main "
#: The heading of the events that are context rather than the news.
BACKGROUND_HEADING = "Background: earlier events, claims, what did not happen"


def _speaker_of(quote: Quote) -> str:
    """The name a quote is grouped under in the tree."""
    return quote.speaker_name or (quote.speaker.text if quote.speaker else "Unattributed")


def speaker_label(speaker: str, count: int, width: int | None) -> Text:
    """A speaker's line in the quote tree, "Name  (3)": a name too long for `width` cells is cut with
    "…" so that the count stays in sight."""
    count_text = f"  ({count})"
    name = Text(speaker, "bold")
    if width is not None:
        name.truncate(max(1, width - len(count_text)), overflow="ellipsis")
    label = Text.assemble(name, (count_text, "dim"))
    if width is not None:
        label.truncate(max(1, width), overflow="ellipsis")
    return label


class QuoteTree(TypeToFilter, Tree[tuple[str, int] | None]):
    """Quotes grouped by speaker (most quoted first), each speaker expandable.

    Doubtful attributions are left out unless `show_doubtful`; then they are dim and marked "?".
    """

    #: Each speaker node's name, by node id (its label may be cut short); replaced, never changed, by `show`.
    _speaker_names: dict[int, str] = {}  # noqa: RUF012
    #: What the tree last showed, and the width its lines were cut to (0: not laid out yet).
    _shown: tuple[Analysis, str, bool, str] | None = None
    _cut_to = 0

    _message: str | None = None

    def on_resize(self) -> None:
        """The lines are cut to the tree's width: a wider tree shows more of each, a narrower one stays
        inside the panel (a tab shown for the first time has its width only now)."""
        width = self.scrollable_content_region.width
        if width and width != self._cut_to:
            self._cut_to = width
            if self._shown is not None:
                self.call_after_refresh(self.show, *self._shown)
            elif self._message is not None:
                self.call_after_refresh(self.show_message, self._message)

    def show_message(self, message: str) -> None:
        """Only a message (still analysing, nothing found), wrapped to the tree's width: a tree line
        cannot wrap by itself."""
        self._shown, self._message = None, message
        self.clear()
        self._add_message(message)

    def _add_message(self, message: str) -> None:
        width = self._cut_to = self.scrollable_content_region.width
        lines = textwrap.wrap(message, width - SPEAKER_GUIDE_WIDTH) if width > 12 else [message]
        for line in lines:
            self.root.add_leaf(Text(line, "dim italic"))

    def show(self, analysis: Analysis, query: str, show_doubtful: bool = False, empty: str = "") -> None:
        self._shown, self._message = (analysis, query, show_doubtful, empty), None
        expanded = {self._speaker_names.get(node.id) for node in self.root.children if node.is_expanded}
        self._speaker_names = {}
        self.clear()
        groups: dict[str, list[tuple[int, Quote]]] = defaultdict(list)
        for index, quote in shown_quotes(analysis, show_doubtful):
            speaker = _speaker_of(quote)
            if _matches(query, speaker, quote.content.text, quote.cue.text if quote.cue else None):
                groups[speaker].append((index, quote))
        if not groups:
            self._add_message(_nothing_matches(query) if query.strip() else empty)
            return
        ordered = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0].casefold()))
        # Room for a line: the list's width less the tree's guides ("▶ " for a speaker, "├── " for a quote).
        width = self._cut_to = self.scrollable_content_region.width
        room = width - TREE_GUIDE_WIDTH if width else None
        for speaker, quotes in ordered:
            label = speaker_label(speaker, len(quotes), width - SPEAKER_GUIDE_WIDTH if width else None)
            node = self.root.add(
                label, data=("speaker", quotes[0][0]), expand=speaker in expanded or bool(query)
            )
            self._speaker_names[node.id] = speaker
            for index, quote in quotes:
                node.add_leaf(quote_label(quote, room), data=("quote", index))


class SidePanel(Vertical):
    """Tabs of records from the analysis; hidden with `s`."""

    BINDINGS = [
        Binding(
            "escape",
            "clear_or_leave",
            "Clear filter",
            show=False,
            id="panel-clear",
            tooltip="Clear the list's filter; with none, back to the text",
        )
    ]

    DEFAULT_CSS = """
    SidePanel {
        min-width: 24;
        height: 1fr;
        border-left: vkey $foreground 20%;
        background: $surface;
        & TabbedContent { height: 1fr; }
        & TabPane { padding: 0; }
        & FilterInput { border: none; height: 1; padding: 0 1; margin: 0 0 1 0; background: $panel; }
        & OptionList, & Tree { height: 1fr; border: none; background: $surface; padding: 0; }
        & Tree { overflow-x: hidden; scrollbar-gutter: stable; }  /* lines cut to a width that stays */
        & .panel-empty { color: $text-muted; padding: 1; }
        & .quote-legend { color: $text-muted; height: auto; padding: 0 1; }
        & .partial-note { text-style: bold; height: auto; padding: 0 1; }
        &.-tight-tabs Tab { padding: 0 0 0 1; }
    }
    """

    def __init__(
        self, panels: list[str] | None = None, *, partial_text: bool = False, id: str | None = None
    ) -> None:
        """`partial_text`: the article's text is cut off, so the actor and quote lists say so."""
        super().__init__(id=id)
        self.partial_text = partial_text
        chosen = [p for p in (panels or list(PANEL_TITLES)) if p in PANEL_TITLES]
        self.panels = chosen or list(PANEL_TITLES)
        self.analysis: Analysis | None = None
        self.complete = False  # the analysis is final: an empty list means "none", not "not yet"
        self.placeholder = "Analysing… names, places and quotes appear here shortly."
        self.filters: dict[str, str] = {}
        self.show_doubtful = False
        self._ready = False
        self._stale: set[str] = set()
        self._filter_timers: dict[str, Timer] = {}
        self.set_share(DEFAULT_SHARE)

    def compose(self) -> ComposeResult:
        with TabbedContent(id="panel-tabs"):
            for panel in self.panels:
                with TabPane(PANEL_TITLES[panel], id=f"tab-{panel}"):
                    yield FilterInput(placeholder="Filter…", id=f"filter-{panel}")
                    if self.partial_text and panel in ("actors", "quotes"):
                        yield Static(PARTIAL_NOTE, classes="partial-note")
                    if panel in ("actors", "places"):
                        yield ReferentList(id=f"list-{panel}")
                    elif panel == "events":
                        yield EventList(id="list-events")
                    else:
                        tree = QuoteTree("Quotes", id="list-quotes")
                        tree.show_root = False
                        yield tree
                        yield Static(QUOTE_LEGEND, classes="quote-legend")

    def set_share(self, share: int) -> None:
        """Take `share` percent of the window's width (never under 24 cells: its `min-width`)."""
        self.styles.width = f"{share}%"

    def focus_list(self, panel: str) -> None:
        """Put the keys in a panel's list, on its first row if none is highlighted yet."""
        widget = self.query_one(f"#list-{panel}")
        widget.focus()
        if isinstance(widget, OptionList) and widget.highlighted is None and widget.option_count:
            widget.highlighted = 0
        elif isinstance(widget, Tree) and widget.cursor_line < 0 and widget.root.children:
            widget.cursor_line = 0

    def on_mount(self) -> None:
        self._ready = True  # what arrived before (the panel is mounted lazily) is drawn now
        self.call_after_refresh(self._fit)
        if self.analysis is not None:
            self.update_analysis(self.analysis, complete=self.complete)
        else:
            self.show_placeholder(self.placeholder)

    def show_placeholder(self, message: str) -> None:
        """Say why every list is empty (no analysis yet, or it failed)."""
        self.placeholder = message
        if not self._ready:
            return
        for panel in self.panels:
            widget = self.query_one(f"#list-{panel}")
            if isinstance(widget, QuoteTree):
                widget.show_message(message)
            elif isinstance(widget, OptionList):
                widget.set_options([_empty_option(message)])

    def update_analysis(self, analysis: Analysis, *, complete: bool) -> None:
        """Fill the visible panel from a (possibly partial) analysis; the others when they are shown."""
        self.analysis = analysis
        self.complete = complete
        if not self._ready:
            return
        active = self.active_panel
        for panel in self.panels:
            if panel == active:
                self._refresh_panel(panel)
            else:
                self._stale.add(panel)
        self._relabel()

    @property
    def active_panel(self) -> str:
        return self.query_one(TabbedContent).active.removeprefix("tab-")

    @on(TabbedContent.TabActivated)
    def _tab_shown(self, event: TabbedContent.TabActivated) -> None:
        panel = (event.pane.id or "").removeprefix("tab-")
        if panel in self._stale:
            self._refresh_panel(panel)
        self._relabel()

    def _refresh_panel(self, panel: str) -> None:
        if self.analysis is None:
            return
        self._stale.discard(panel)
        query = self.filters.get(panel, "")
        where = f"#list-{panel}"
        empty = self._empty_text(panel)
        if panel == "actors":
            self.query_one(where, ReferentList).show(self.analysis.actors, query, empty)
        elif panel == "places":
            self.query_one(where, ReferentList).show(self.analysis.places, query, empty)
        elif panel == "quotes":
            self.query_one(where, QuoteTree).show(self.analysis, query, self.show_doubtful, empty)
        else:
            self.query_one(where, EventList).show(self.analysis, query, empty)

    def _relabel(self) -> None:
        """Tab titles that fit the panel's width (with their counts when there is room); each filter
        box names its count either way."""
        if not self._ready:
            return
        counts = {panel: self._count(panel) for panel in self.panels} if self.analysis is not None else {}
        titles = {panel: PANEL_TITLES[panel] for panel in self.panels}
        tabs = self.query_one(TabbedContent)
        labels, tight = tab_labels(titles, counts, self.active_panel, self.content_region.width)
        self.set_class(tight, "-tight-tabs")
        for panel, label in labels.items():
            tab = tabs.get_tab(f"tab-{panel}")
            if tab.label.plain != label:
                tab.label = label
        for panel, count in counts.items():
            noun = PANEL_NOUNS[panel] if count != 1 else PANEL_NOUNS[panel].rstrip("s")
            self.query_one(f"#filter-{panel}", Input).placeholder = f"Filter {count} {noun}…"

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        """Tabs and legend to the panel's width (at every resize, and once mounted: a resize that came
        first found nothing to fit yet)."""
        for legend in self.query(".quote-legend").results(Static):
            legend.update(quote_legend(legend.content_region.width or self.content_region.width - 2))
        self._relabel()

    def _empty_text(self, panel: str) -> str:
        """Why a panel is empty: still analysing, only doubtful quotes, or nothing there."""
        if not self.complete:
            return "Nothing found yet: still analysing…"
        if panel == "quotes" and self.analysis is not None and not self.show_doubtful:
            hidden = sum(hidden_by_default(q) for q in self.analysis.quotes)
            if hidden:
                plural = "s" if hidden != 1 else ""
                return f"No confident quotes. Esc, then a, shows {hidden} other attribution{plural}."
        return EMPTY_TEXT[panel]

    def set_show_doubtful(self, show: bool) -> None:
        """Include (or leave out) the doubtful attributions in the quote list and its count."""
        self.show_doubtful = show
        if self.analysis is not None:
            self.update_analysis(self.analysis, complete=self.complete)

    def _count(self, panel: str) -> int:
        assert self.analysis is not None
        if panel == "quotes":
            return len(shown_quotes(self.analysis, self.show_doubtful))
        if panel == "events":
            return len(self.analysis.events)
        return len(self.analysis.actors if panel == "actors" else self.analysis.places)

    def show_panel(self, panel: str) -> None:
        if panel in self.panels:
            self.query_one(TabbedContent).active = f"tab-{panel}"
            if panel in self._stale:
                self._refresh_panel(panel)  # now, so that the caller can put the cursor on a record

    @on(Input.Changed)
    def _filter_changed(self, event: Input.Changed) -> None:
        panel = (event.input.id or "").removeprefix("filter-")
        if panel in PANEL_TITLES:
            self.filters[panel] = event.value
            # Wait for a pause in typing: a book's thousands of quotes take a moment to list.
            timer = self._filter_timers.pop(panel, None)
            if timer is not None:
                timer.stop()
            self._filter_timers[panel] = self.set_timer(FILTER_DELAY, partial(self._refresh_panel, panel))

    @on(FilterTyped)
    def _typed(self, event: FilterTyped) -> None:
        """A letter typed in a list: into the filter box, which takes the keys from here on."""
        event.stop()
        self.query_one(f"#filter-{self.active_panel}", FilterInput).type_in(event.character)

    @on(Input.Submitted)
    def _filter_submitted(self, event: Input.Submitted) -> None:
        """Enter in a filter box: on to the (filtered) list."""
        event.stop()
        self.focus_list(self.active_panel)

    def action_clear_or_leave(self) -> None:
        """Escape in a list or on the tabs: clear the list's filter, or give the keys back to the text."""
        box = self.query_one(f"#filter-{self.active_panel}", Input)
        if box.value:
            box.value = ""
        else:
            self.post_message(LeavePanel())

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if isinstance(event.option_list, ReferentList) and event.option.id is not None:
            self.post_message(ReferentSelected(event.option.id))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is None:
            return
        if isinstance(event.option_list, ReferentList):
            self.post_message(ReferentSelected(event.option.id, jump=True))
        elif isinstance(event.option_list, EventList) and self.analysis is not None:
            event_record = self.analysis.events[int(event.option.id or 0)]
            self.post_message(JumpTo(event_record.trigger.start, event_record.trigger.end))

    @on(Tree.NodeSelected)
    def _quote_selected(self, event: Tree.NodeSelected[tuple[str, int] | None]) -> None:
        data = event.node.data
        if self.analysis is None or data is None:
            return
        kind, index = data
        if kind == "quote":
            quote = self.analysis.quotes[index]
            self.post_message(JumpTo(quote.content.start, quote.content.end))
