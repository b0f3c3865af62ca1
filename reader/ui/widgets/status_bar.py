"""One line above the article: its title on the left; analysis progress, matches and position right.

The position is a pager's ("Top", "42%", "End", or "All" when the text fits the window), set apart
from the rest by a rule: a bare "0%" beside "loading language model…" read as a progress that never
moved."""

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
        for part, style in ((self.status, "italic"), (self.info, "bold")):
            if part:
                if right:
                    right.append("  ")
                right.append(one_line(part), style)
        if self.position:
            if right:
                right.append(" │ ", "dim")
            right.append(one_line(self.position), "dim")
        width = self.content_region.width or 80
        room = max(0, width - right.cell_len - 2)
        left = Text(one_line(self.title), style="bold")
        left.truncate(room, overflow="ellipsis")
        left.pad_right(max(0, width - left.cell_len - right.cell_len))
        return Text.assemble(left, right)


def reading_position(top: float, last_top: float) -> str:
    """Where the window stands in the text, as a pager says it: "All" when the whole text fits,
    "Top" at its start, "End" at its end, else the share scrolled past ("42%")."""
    if last_top < 1:
        return "All"
    if top < 1:
        return "Top"
    if top >= last_top:
        return "End"
    return f"{min(99, max(1, round(100 * top / last_top)))}%"
