"""The help screen: every key, built from the live bindings (so remapped keys show as remapped)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Static

from reader.ui.widgets.article_view import QUOTE_CONFIDENCE_THRESHOLD

INTRO = (
    "reader shows who is in an article, where, what happened and who said what. Names are coloured by "
    "kind (and underlined or bold, so they read without colour); quotes are italic with a bar in the "
    "margin and the speaker after them. Attributions the reader is unsure of (confidence below "
    f"{QUOTE_CONFIDENCE_THRESHOLD}) are left out until you press a; then they are dimmer and marked ?. "
    "Click a name for its card."
)


def binding_rows(screen: Screen) -> list[tuple[str, str, str]]:
    """(keys, what it does, binding id) for the reader's bindings on `screen`, app-wide ones included.

    Widget-internal keys (editing keys of an input box) are left out; every reader binding has an id.
    """
    rows: list[tuple[str, str, str]] = []
    seen: set[tuple[str, str]] = set()
    app = screen.app
    sources = [app, screen, *screen.query("*")]
    keymap = getattr(app, "_keymap", {}) or {}
    for node in sources:
        bindings = getattr(node, "_bindings", None)
        if bindings is None:
            continue
        for _key, binding_list in bindings.key_to_bindings.items():
            for binding in binding_list:
                if not isinstance(binding, Binding) or binding.id is None:
                    continue
                description = binding.tooltip or binding.description or binding.action
                identity = (binding.id or binding.action, type(node).__name__)
                if identity in seen:
                    continue
                seen.add(identity)
                keys = keymap.get(binding.id, None) if binding.id else None
                if keys is None:
                    keys = ", ".join(
                        app.get_key_display(Binding(k.strip(), binding.action))
                        for k in _all_keys(node, binding)
                    )
                rows.append((keys, description, binding.id or ""))
    rows.append(("tab, shift+tab", "Move between the text, the panel tabs and their lists", ""))
    rows.append(("mouse drag, ^c", "Select text and copy it", ""))
    rows.append(("click a name", "Show that actor's card", ""))
    return rows


def _all_keys(node: object, binding: Binding) -> list[str]:
    """Every key bound to the same action on the node (bindings are stored one key each)."""
    keys = []
    for key, binding_list in node._bindings.key_to_bindings.items():  # type: ignore[attr-defined]
        for other in binding_list:
            if other.action == binding.action and other.id == binding.id:
                keys.append(key)
    return keys or [binding.key]


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

    def __init__(self, under: Screen) -> None:
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
