"""The search bar under the article: type to mark every match, Enter to go back to reading."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Label


class FindBar(Horizontal):
    """Hidden until `/`; posts `FindBar.Changed` as the query changes and `FindBar.Closed` on Esc."""

    DEFAULT_CSS = """
    FindBar {
        height: 1;
        display: none;
        background: $panel;
        &.-visible { display: block; }
        & Label { width: auto; padding: 0 1; color: $text-muted; }
        & Input { border: none; height: 1; padding: 0; width: 1fr; background: $panel; }
    }
    """

    BINDINGS = [Binding("escape", "close", "Clear search", id="search-clear", tooltip="Clear the search")]

    @dataclass
    class Changed(Message):
        query: str

    @dataclass
    class Submitted(Message):
        query: str

    class Closed(Message):
        """The search was cleared."""

    def compose(self) -> ComposeResult:
        yield Label("Find:")
        yield Input(placeholder="text to find (Enter to read, n/N to move, Esc to clear)", id="find-input")
        yield Label("", id="find-count")

    @property
    def input(self) -> Input:
        return self.query_one("#find-input", Input)

    def open(self) -> None:
        self.add_class("-visible")
        self.input.focus()
        self.input.select_all()
        # A widget that was hidden a moment ago may refuse focus until styles are refreshed.
        self.call_after_refresh(self._ensure_focus)

    def _ensure_focus(self) -> None:
        if self.has_class("-visible") and not self.input.has_focus:
            self.input.focus()

    def set_count(self, text: str) -> None:
        self.query_one("#find-count", Label).update(text)

    def action_close(self) -> None:
        self.input.value = ""
        self.remove_class("-visible")
        self.post_message(self.Closed())

    @on(Input.Changed, "#find-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    @on(Input.Submitted, "#find-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Submitted(event.value))
