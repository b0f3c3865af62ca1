"""The footer: the screen's keys, "? Help" first, so that no width ever hides it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.events import Resize
from textual.widget import Widget
from textual.widgets import Footer

#: Below this many columns the keys lose their padding, so more of them fit.
COMPACT_BELOW = 100

#: The class Textual gives the palette key, docked at the right end of the footer.
PALETTE_CLASS = "-command-palette"


class ReaderFooter(Footer):
    """A Footer whose help key comes first and stays on screen at any width.

    A key that does not fit whole is left out rather than cut: "q Q" would read as a key for something
    else, while a missing key is still listed in the help.
    """

    def compose(self) -> ComposeResult:
        keys: list[Widget] = []
        for widget in super().compose():
            if getattr(widget, "action", None) in ("app.help", "help"):
                yield widget
            else:
                keys.append(widget)
        yield from keys

    async def recompose(self) -> None:
        await super().recompose()
        self.call_after_refresh(self._leave_out_cut_keys)

    def on_resize(self, event: Resize) -> None:
        self.compact = event.size.width < COMPACT_BELOW
        self.call_after_refresh(self._leave_out_cut_keys)

    def _leave_out_cut_keys(self) -> None:
        """Hide every key after the first that would run past the footer's end or under the palette key.

        Widths are measured from each key's text, gutter and margins, not from where it was last drawn: a
        hidden key is not drawn at all, nor is a footer under a modal screen. Hidden keys keep their place
        (visibility, not display), so hiding one never moves another.
        """
        palette = [child for child in self.children if child.has_class(PALETTE_CLASS) and child.display]
        room = self.content_size.width - sum(self._outer_width(key) for key in palette)
        keys = [child for child in self.children if child not in palette]
        x = 0
        for position, key in enumerate(keys):
            width = self._outer_width(key)
            key.visible = position == 0 or x + width - key.styles.margin.right <= room
            x += width

    def _outer_width(self, key: Widget) -> int:
        """The columns a key takes in the footer's row: its text, padding, border and margins."""
        content = key.get_content_width(self.content_size, self.app.size)
        return content + key.styles.gutter.width + key.styles.margin.width
