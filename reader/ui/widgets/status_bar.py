"""One line above the article: its title on the left; analysis progress, matches and position right."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from reader.terminal import one_line


class StatusBar(Widget):
    """Shows what the reader is doing, so the user never wonders whether it is stuck."""

    DEFAULT_CSS = """
    StatusBar {
        dock: top;
        height: 1;
        background: $panel;
        color: $foreground;
        padding: 0 1;
    }
    """

    title: reactive[str] = reactive("")
    status: reactive[str] = reactive("")
    info: reactive[str] = reactive("")
    position: reactive[str] = reactive("")

    def render(self) -> Text:
        right = Text()
        for part, style in ((self.status, "italic"), (self.info, "bold"), (self.position, "dim")):
            if part:
                if right:
                    right.append("  ")
                right.append(one_line(part), style)
        width = self.content_region.width or 80
        room = max(0, width - right.cell_len - 2)
        left = Text(one_line(self.title), style="bold")
        left.truncate(room, overflow="ellipsis")
        left.pad_right(max(0, width - left.cell_len - right.cell_len))
        return Text.assemble(left, right)
