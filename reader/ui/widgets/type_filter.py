"""Type to filter: a list that hands typed letters to its filter box, and the box that takes them.

Shared by the side panel's lists and the contents pane, so letters, Escape and Enter behave the same in
every list a reader can type into, as in the command palette.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input


def filters_typing(character: str | None) -> bool:
    """A key a focused list hands to its filter box: a letter. Digits, punctuation and space keep
    their meaning (1-4 switch panels, ? is help, ] jumps to a quote, space opens a speaker)."""
    return character is not None and len(character) == 1 and character.isalpha()


class TypeToFilter:
    """A panel list that sends typed letters to its filter box instead of the app's single-key bindings."""

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return filters_typing(character)

    def on_key(self, event: events.Key) -> None:
        if filters_typing(event.character) and event.character is not None:
            event.stop()
            event.prevent_default()
            assert isinstance(self, Widget)
            self.post_message(FilterTyped(event.character))


@dataclass
class FilterTyped(Message):
    """A letter typed in a list: it starts (or goes on with) the list's filter."""

    character: str


class FilterInput(Input):
    """A panel's filter box: Down or Enter moves into the list below it (Escape is the panel's)."""

    BINDINGS = [
        Binding(
            "down", "focus_list", "To list", show=False, id="filter-to-list", tooltip="Move into the list"
        ),
    ]

    def __init__(self, *, placeholder: str, id: str) -> None:
        super().__init__(placeholder=placeholder, id=id, select_on_focus=False)

    def action_focus_list(self) -> None:
        self.screen.focus_next()

    def type_in(self, character: str) -> None:
        """A letter typed in the list below: add it to the filter, which takes the keys from here on."""
        self.value += character
        self.cursor_position = len(self.value)
        self.focus()
