"""The help screen: every key, built from the live bindings (so remapped keys show as remapped)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from reader.ui.present import QUOTE_CONFIDENCE_THRESHOLD

INTRO = (
    "reader shows who is in an article, where, what happened and who said what. Names are coloured by "
    "kind (and underlined or bold, so they read without colour); quotes are italic with a bar in the "
    "margin and the speaker after them. Attributions the reader is unsure of (confidence below "
    f"{QUOTE_CONFIDENCE_THRESHOLD}) are left out until you press a; then they are dimmer and marked ?. "
    "Click a name for its card."
)


def binding_rows(screen: Screen[object]) -> list[tuple[str, str, str]]:
    """(keys, what it does, binding id) for the keys that work on `screen` now, app-wide ones first.

    Read from Textual's `active_bindings`, so a key remapped in `[keymap]` shows as remapped and a key
    the focused widget takes for itself is left out. Widget-internal keys (editing keys of an input
    box) are left out too; every reader binding has an id.
    """
    app = screen.app
    found: dict[tuple[str, str], tuple[int, Binding, list[str]]] = {}
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if binding.id is None:
            continue
        rank = 0 if active.node is app else 1 if active.node is screen else 2
        identity = (type(active.node).__name__, binding.id)
        found.setdefault(identity, (rank, binding, []))[2].append(key)
    rows = [
        (
            ", ".join(app.get_key_display(Binding(key, binding.action)) for key in keys),
            binding.tooltip or binding.description or binding.action,
            binding.id or "",
        )
        for rank, binding, keys in sorted(found.values(), key=lambda entry: entry[0])
    ]
    rows.append(("tab, shift+tab", "Move between the text, the panel tabs and their lists", ""))
    rows.append(
        (
            "letters in a list",
            "Filter the list (arrows and Enter still move and choose); Esc clears the filter,"
            " Esc again goes back to the text",
            "",
        )
    )
    rows.append(("mouse drag, ^c", "Select text and copy it", ""))
    rows.append(("click a name", "Show that actor's card", ""))
    return rows


def key_table(rows: list[tuple[str, str, str]]) -> Table:
    """The keys as a table that wraps to the window's width: it never scrolls sideways.

    The id column is as wide as the longest id, so an id is never broken over two lines: it is what a
    reader copies into `[keymap]`.
    """
    table = Table(expand=True, box=None, show_edge=False, pad_edge=False, row_styles=["", "dim"])
    table.add_column("Keys", ratio=2, overflow="fold")
    table.add_column("What it does", ratio=5, overflow="fold")
    longest_id = max((len(binding_id) for _keys, _what, binding_id in rows), default=0)
    table.add_column(Text("Id (for [keymap])"), width=min(max(longest_id, 9), 24), overflow="fold")
    for keys, description, binding_id in rows:
        table.add_row(Text(keys, style="bold"), Text(description), Text(binding_id))
    return table


class HelpScreen(ModalScreen[None]):
    """`?` or F1: what every key does."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 95%; max-width: 140; height: 90%;
        border: thick $primary 60%; border-title-align: center; background: $surface; padding: 0 1;
        overflow-x: hidden;
    }
    HelpScreen #help-intro { padding: 1 1; color: $text-muted; }
    """

    BINDINGS = [Binding("escape,q,question_mark,f1", "close", "Close", id="help-close", tooltip="Close help")]

    def __init__(self, under: Screen[object]) -> None:
        super().__init__()
        self.under = under
        self.rows = binding_rows(under)

    def compose(self) -> ComposeResult:
        scroll = VerticalScroll(id="help-scroll")
        scroll.border_title = "Keys — Esc closes, arrows and PgUp/PgDn scroll"
        with scroll:
            yield Static(INTRO, id="help-intro")
            yield Static(key_table(self.rows), id="help-keys")

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()

    def action_close(self) -> None:
        self.dismiss(None)
