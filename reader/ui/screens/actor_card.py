"""An actor's card: name, kind, aliases, how often they are mentioned and everything they said."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from reader.analysis.model import Analysis, Referent
from reader.ui.present import card_text


class ActorCard(ModalScreen[str | None]):
    """Shown when a name in the text is clicked, or with `c` for the selected actor."""

    DEFAULT_CSS = """
    ActorCard { align: center middle; }
    ActorCard > Vertical {
        width: 80%; max-width: 90; height: auto; max-height: 80%;
        border: thick $primary 60%; background: $surface; padding: 1 2;
    }
    ActorCard VerticalScroll { height: auto; max-height: 30; }
    ActorCard #card-buttons { height: auto; margin-top: 1; }
    ActorCard Button { margin-right: 2; }
    """

    BINDINGS = [
        Binding("escape,q,c", "dismiss_card", "Close", id="card-close", tooltip="Close the card"),
        Binding("m", "mentions", "Show mentions", id="card-mentions", tooltip="Mark and visit the mentions"),
    ]

    def __init__(self, referent: Referent, analysis: Analysis, *, show_doubtful: bool = False) -> None:
        super().__init__()
        self.referent = referent
        self.analysis = analysis
        self.show_doubtful = show_doubtful

    def compose(self) -> ComposeResult:
        with Vertical():
            with VerticalScroll():
                yield Static(card_text(self.referent, self.analysis, self.show_doubtful), id="card-body")
            with Vertical(id="card-buttons"):
                yield Button("Show mentions (m)", id="mentions", variant="primary")

    def action_dismiss_card(self) -> None:
        self.dismiss(None)

    def action_mentions(self) -> None:
        self.dismiss(self.referent.id)

    @on(Button.Pressed, "#mentions")
    def _pressed(self) -> None:
        self.dismiss(self.referent.id)
