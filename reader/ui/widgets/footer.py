"""The footer: the screen's keys, "? Help" first, so that no width ever hides it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.events import Resize
from textual.widget import Widget
from textual.widgets import Footer

#: Below this many columns the keys lose their padding, so more of them fit.
COMPACT_BELOW = 100


class ReaderFooter(Footer):
    """A Footer whose help key comes first and stays on screen at any width (the last keys are cut)."""

    def compose(self) -> ComposeResult:
        keys: list[Widget] = []
        for widget in super().compose():
            if getattr(widget, "action", None) in ("app.help", "help"):
                yield widget
            else:
                keys.append(widget)
        yield from keys

    def on_resize(self, event: Resize) -> None:
        self.compact = event.size.width < COMPACT_BELOW
