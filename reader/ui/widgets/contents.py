"""The contents pane: the article's headings, indented by level, as frogmouth's table of contents.

The headings come down as data (the loaded Article's `headings`); choosing one (Enter or a click)
posts `ContentsPane.Chosen` up, and the screen scrolls the text there and gives it the focus back.
While the reader scrolls, the screen tells the pane where the top of the view is and the pane
marks the section being read. Letters typed in the list filter it, as in the side panel's lists.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from reader.article import Heading
from reader.terminal import sanitize_for_terminal
from reader.ui.widgets.type_filter import FilterInput, FilterTyped, TypeToFilter

CONTENTS_TITLE = "Contents"
#: What the reader is told when an article has no headings to list.
NO_HEADINGS = "No headings in this article: nothing to list in the contents."
#: Cells of indentation per heading level below the first.
INDENT = 2


def heading_prompt(heading: Heading) -> Table:
    """A heading as the pane lists it: indented by its level (a long one wraps under its own first
    word), top-level ones in bold, its words as plain text (never read as markup)."""
    words = " ".join(sanitize_for_terminal(heading.text).split())
    indent = INDENT * (max(1, heading.level) - 1)
    grid = Table.grid(padding=0, expand=True)
    if indent:
        grid.add_column(width=indent, no_wrap=True)
    grid.add_column(ratio=1)
    text = Text(words, style="bold" if heading.level <= 1 else "")
    grid.add_row(*(("", text) if indent else (text,)))
    return grid


class ContentsList(TypeToFilter, OptionList):
    """The headings: arrows, Enter, a click or the wheel; a letter typed here goes to the filter."""


class ContentsPane(Vertical):
    """Hidden until shown (key `o`); lists the headings with a filter box, or says in one line that
    there are none. Escape clears the filter, then hides the pane."""

    DEFAULT_CSS = """
    ContentsPane {
        display: none;
        width: 30%;
        min-width: 18;
        max-width: 44;
        height: 1fr;
        border-right: vkey $foreground 20%;
        background: $surface;
        &.-visible { display: block; }
        & > .contents-title { height: 1; padding: 0 1; text-style: bold; color: $text-muted; }
        &.-focused > .contents-title { background: $primary 40%; color: $text; }
        & FilterInput, & FilterInput:focus {
            border: none; height: 1; padding: 0 1; margin: 0 0 1 0; background: $panel;
        }
        & FilterInput:focus { background: $accent 25%; }
        & ContentsList, & ContentsList:focus {
            height: 1fr; border: none; background: $surface; padding: 0 1;
        }
        & .contents-empty { height: auto; padding: 0 1; color: $text-muted; }
    }
    """

    BINDINGS = [
        Binding(
            "escape",
            "clear_or_close",
            "Close contents",
            show=False,
            id="contents-close",
            tooltip="Clear the contents filter; with none, hide the contents",
        ),
    ]

    @dataclass
    class Chosen(Message):
        """The reader picked a heading to go to."""

        heading: Heading

    class Closed(Message):
        """The reader closed the pane from inside it (Escape)."""

    def __init__(self, headings: Sequence[Heading], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.headings = sorted(headings, key=lambda h: h.start)
        self._starts = [h.start for h in self.headings]
        self._section: int | None = None  # the heading whose section is being read

    def compose(self) -> ComposeResult:
        count = len(self.headings)
        yield Static(f"{CONTENTS_TITLE} ({count})" if count else CONTENTS_TITLE, classes="contents-title")
        if self.headings:
            yield FilterInput(placeholder="Filter…", id="contents-filter")  # the title gives the count
            yield ContentsList(id="contents-list")
        else:
            yield Static(NO_HEADINGS, classes="contents-empty")

    def on_mount(self) -> None:
        self._show("")

    @property
    def is_open(self) -> bool:
        return self.has_class("-visible")

    def open(self, offset: int) -> None:
        """Show the pane with the section at character `offset` marked, and put the focus in the list."""
        self.add_class("-visible")
        self.follow(offset)
        for widget in self.query(ContentsList):
            widget.focus()

    def close(self) -> None:
        self.remove_class("-visible")

    def section_at(self, offset: int) -> int | None:
        """Index of the heading whose section holds character `offset` (None before the first one)."""
        index = bisect_right(self._starts, offset) - 1
        return index if index >= 0 else None

    def follow(self, offset: int) -> None:
        """Mark the section the reader is in (the top of the view is at `offset`), if it is listed."""
        self._section = self.section_at(offset)
        self._mark_section()

    def _mark_section(self) -> None:
        for widget in self.query(ContentsList):
            if self._section is None:
                continue
            try:
                index = widget.get_option_index(str(self._section))
            except OptionDoesNotExist:
                continue  # filtered out
            if widget.highlighted != index:
                widget.highlighted = index

    def _show(self, query: str) -> None:
        """List the headings whose words hold `query` (all of them for an empty one)."""
        wanted = query.casefold().strip()
        options = [
            Option(heading_prompt(heading), id=str(index))
            for index, heading in enumerate(self.headings)
            if wanted in heading.text.casefold()
        ]
        if not options:
            options = [Option(Text(f"Nothing matches “{query.strip()}”.", style="dim italic"), disabled=True)]
        for widget in self.query(ContentsList):
            widget.set_options(options)
        self._mark_section()

    @on(FilterTyped)
    def _typed(self, event: FilterTyped) -> None:
        """A letter typed in the list: into the filter box, which takes the keys from here on."""
        event.stop()
        self.query_one(FilterInput).type_in(event.character)

    @on(Input.Changed)
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._show(event.value)

    @on(Input.Submitted)
    def _filter_submitted(self, event: Input.Submitted) -> None:
        """Enter in the filter box: on to the (filtered) list, on its first heading."""
        event.stop()
        widget = self.query_one(ContentsList)
        widget.focus()
        if widget.highlighted is None and widget.option_count:
            widget.highlighted = 0

    def on_descendant_focus(self) -> None:
        """Light the title while the pane has the keys, so the reader sees where they go.

        A class, not `:focus-within`: Textual restyles a class change's whole subtree at once."""
        self.add_class("-focused")

    def on_descendant_blur(self) -> None:
        self.remove_class("-focused")

    def action_clear_or_close(self) -> None:
        """Escape: clear the filter; with none, hide the pane and hand the keys back to the text."""
        boxes = self.query(FilterInput)
        if boxes and boxes.first().value:
            boxes.first().value = ""
            return
        self.close()
        self.post_message(self.Closed())

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Chosen(self.headings[int(event.option.id)]))
