"""An actor's card: name, kind, aliases, how often they are mentioned and everything they said."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from reader.analysis.model import Analysis, Referent
from reader.ui.widgets.article_view import DOUBTFUL_MARK, is_doubtful, shown_quotes


def card_text(referent: Referent, analysis: Analysis, show_doubtful: bool = False) -> Text:
    """The card's body as styled text (also what the tests read).

    Doubtful attributions are listed (dim, with their confidence) only when they are on show.
    """
    text = Text()
    text.append(referent.name, "bold")
    text.append(f"  {referent.kind}\n", "dim")
    others = [alias for alias in referent.aliases if alias != referent.name]
    if others:
        text.append("Also called: ", "dim")
        text.append(", ".join(others) + "\n")
    count = len(referent.mentions)
    text.append(f"{count} mention{'s' if count != 1 else ''} in the text\n")
    quotes = [q for _i, q in shown_quotes(analysis, show_doubtful) if q.actor == referent.id]
    events = [e for e in analysis.events if e.actor == referent.id]
    if events:
        text.append(f"\nDid ({len(events)})\n", "bold")
        for event in events[:8]:
            parts = [event.trigger.text, event.object or "", event.when or ""]
            text.append("• " + " ".join(p for p in parts if p) + "\n")
    if quotes:
        text.append(f"\nSaid ({len(quotes)})\n", "bold")
        for quote in quotes:
            words = " ".join(quote.content.text.split())
            doubtful = is_doubtful(quote)
            quoted = words[:1] in "“\"'‘«"
            text.append("" if quoted else "“", "dim")
            text.append(words, "italic dim" if doubtful else "italic")
            text.append("" if quoted else "”", "dim")
            details = [quote.kind] + ([" ".join(quote.cue.text.split())] if quote.cue else [])
            if doubtful:
                details.append(f"{DOUBTFUL_MARK} doubtful ({quote.confidence:.2f})")
            text.append("\n  " + " · ".join(details) + "\n\n", "dim")
    hidden = 0 if show_doubtful else sum(q.actor == referent.id and is_doubtful(q) for q in analysis.quotes)
    if hidden:
        plural = "s" if hidden != 1 else ""
        text.append(f"\n{hidden} doubtful attribution{plural} hidden (a in the article shows them).\n", "dim")
    elif not quotes and referent.kind in ("person", "organisation", "group"):
        text.append("\nNo quotes attributed.\n", "dim")
    return text


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
