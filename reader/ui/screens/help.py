"""The help screen: every key, built from the live bindings (so remapped keys show as remapped)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Static

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
    rows.append(("mouse drag, ^c", "Select text and copy it", ""))
    rows.append(("click a name", "Show that actor's card", ""))
    return rows


class HelpScreen(ModalScreen[None]):
    """`?` or F1: what every key does."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > Vertical {
        width: 95%; max-width: 140; height: 90%;
        border: thick $primary 60%; background: $surface; padding: 0 1;
    }
    HelpScreen #help-intro { padding: 1 1; color: $text-muted; }
    HelpScreen DataTable { height: 1fr; }
    """

    BINDINGS = [Binding("escape,q,question_mark,f1", "close", "Close", id="help-close", tooltip="Close help")]

    def __init__(self, under: Screen[object]) -> None:
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(INTRO, id="help-intro")
            yield DataTable(id="help-keys", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Keys", "What it does", "Id (for \\[keymap])")
        for row in binding_rows(self.under):
            table.add_row(*row)
        table.focus()

    def action_close(self) -> None:
        self.dismiss(None)
