"""The reading screen's keys, in the order help lists them; each has an id a `[keymap]` entry can remap."""

from __future__ import annotations

from textual.binding import Binding, BindingType

from reader.ui.present import QUOTE_CONFIDENCE_THRESHOLD

ARTICLE_BINDINGS: list[BindingType] = [
    Binding("slash,ctrl+f", "search", "Search", key_display="/", id="search", tooltip="Search the text"),
    Binding("n", "next", "Next", id="next", tooltip="Next search match or mention of the selected actor"),
    Binding(
        "N",
        "previous",
        "Prev",
        show=False,
        id="previous",
        tooltip="Previous search match or mention of the selected actor",
    ),
    Binding(
        "right_square_bracket",
        "next_quote",
        "Next quote",
        key_display="]",
        id="next-quote",
        tooltip="Jump to the next quote",
    ),
    Binding(
        "left_square_bracket",
        "previous_quote",
        "Prev quote",
        key_display="[",
        show=False,
        id="previous-quote",
        tooltip="Jump to the previous quote",
    ),
    Binding(
        "o",
        "toggle_contents",
        "Contents",
        show=False,
        id="toggle-contents",
        tooltip="Show or hide the contents: the article's headings (Enter jumps to one)",
    ),
    Binding("s", "toggle_sidebar", "Panels", id="toggle-sidebar", tooltip="Show or hide the side panels"),
    Binding(
        "greater_than_sign",
        "panel_width(+1)",
        "Wider panel",
        key_display=">",
        show=False,
        id="panel-wider",
        tooltip="Make the side panel wider (remembered)",
    ),
    Binding(
        "less_than_sign",
        "panel_width(-1)",
        "Narrower panel",
        key_display="<",
        show=False,
        id="panel-narrower",
        tooltip="Make the side panel narrower (remembered)",
    ),
    Binding("1", "panel('actors')", "Actors", show=False, id="panel-actors", tooltip="Show the actors panel"),
    Binding(
        "2",
        "panel('places')",
        "Places",
        show=False,
        id="panel-places",
        tooltip="Show the places panel",
    ),
    Binding("3", "panel('events')", "Events", show=False, id="panel-events", tooltip="Show the events panel"),
    Binding("4", "panel('quotes')", "Quotes", show=False, id="panel-quotes", tooltip="Show who said what"),
    Binding(
        "e",
        "toggle_entities",
        "Entities",
        show=False,
        id="toggle-entities",
        tooltip="Turn entity highlighting on or off",
    ),
    Binding(
        "t",
        "toggle_quotes",
        "Quotes on/off",
        show=False,
        id="toggle-quotes",
        tooltip="Turn quote highlighting on or off",
    ),
    Binding(
        "a",
        "toggle_doubtful",
        "All attributions",
        show=False,
        id="toggle-doubtful",
        tooltip=(
            "Show every attribution: what is not speech (labelled by act) and doubtful ones"
            f" (confidence < {QUOTE_CONFIDENCE_THRESHOLD}, marked ?)"
        ),
    ),
    Binding("w", "cycle_width", "Width", show=False, id="cycle-width", tooltip="Cycle the reading width"),
    Binding("c", "card", "Card", show=False, id="actor-card", tooltip="Show the selected actor's card"),
    Binding(
        "escape",
        "clear",
        "Clear",
        show=False,
        id="clear",
        tooltip="Clear the search and the selected actor",
    ),
    Binding(
        "y",
        "copy_quote",
        "Copy quote",
        show=False,
        id="copy-quote",
        tooltip="Copy the quote you jumped to (or the first one on screen) with its speaker",
    ),
    Binding("ctrl+o", "library", "Library", show=False, id="library", tooltip="Open the library"),
]
