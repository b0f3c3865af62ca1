"""Where each highlight falls: the analysis turned into interval indexes the article view paints from.

Plain data and functions (no widget): built once per analysis or toggle, then looked up for the few
lines on screen. The view decides nothing about quotes or roles; it asks these indexes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from rich.cells import cell_len
from rich.style import Style

from reader.analysis.model import Analysis, Quote
from reader.ui.layout import IntervalIndex, Layout
from reader.ui.present import DOUBTFUL_MARK, act_label, is_doubtful, quote_speaker_label, shown_quotes
from reader.vocab import role_for

#: Built-in styles used until a theme provides its own (each with a non-colour cue).
FALLBACK_STYLES: dict[str, Style] = {
    "person": Style(color="#ffb86c", bold=True),
    "organisation": Style(color="#8be9fd", underline=True),
    "group": Style(color="#bd93f9", underline=True),
    "place": Style(color="#50fa7b", underline=True),
    "date": Style(color="#f1fa8c"),
    "event": Style(color="#ff79c6", underline=True),
    "other": Style(color="#a0a0a0", underline=True),
    "quote": Style(color="#e6d6a8", italic=True),
    "speaker": Style(color="#f8a0a0", bold=True),
    "match": Style(color="#000000", bgcolor="#e5c07b", bold=True),
    "current": Style(color="#000000", bgcolor="#ff9e3b", bold=True, underline=True),
    "selection": Style(color="#000000", bgcolor="#7aa2f7", bold=True),
    "boilerplate": Style(color="#6b6b6b", dim=True),
    "heading": Style(color="#6cb6ff", bold=True),
    "title": Style(bold=True),
    "meta": Style(dim=True, italic=True),
    "notice": Style(bold=True),
    "marker": Style(dim=True, italic=True),
}

#: Between two speakers' markers sharing the blank line below a paragraph.
MARKER_GAP = "  "
#: Added to a doubtful attribution's quote, speaker and bar styles.
DIM = Style(dim=True)
UNDIM = Style(dim=False)


@dataclass(frozen=True, slots=True)
class SpeakerMarker:
    """The dim "— Name" shown after a quote's last line (or on the blank line below it)."""

    line: int  # text layout line index
    label: str
    inline: bool  # True: after the line's text; False: on its own (blank) line
    doubtful: bool = False


@dataclass(slots=True)
class HighlightLayers:
    """The analysis' highlights by kind, each an index of (start, end, what) over the text."""

    entities: IntervalIndex[str] = field(default_factory=lambda: IntervalIndex([]))
    """Entity mentions with their role, for the roles on show."""
    quotes: IntervalIndex[int] = field(default_factory=lambda: IntervalIndex([]))
    """The quoted words (each segment of a split quote), by index in `analysis.quotes`."""
    quote_extents: IntervalIndex[int] = field(default_factory=lambda: IntervalIndex([]))
    """Each quote from its first to its last word (the margin bar)."""
    speakers: IntervalIndex[int] = field(default_factory=lambda: IntervalIndex([]))
    referent_mentions: IntervalIndex[str] = field(default_factory=lambda: IntervalIndex([]))
    """Every mention of an actor or place, by referent id (for clicks), whatever is highlighted."""
    doubtful: set[int] = field(default_factory=set)
    """Indexes of the doubtful attributions on show (painted dimmer)."""


def index_layers(
    analysis: Analysis | None, roles: set[str], show_quotes: bool, show_doubtful: bool
) -> HighlightLayers:
    """Index the highlights of `analysis`: entities of `roles`, and quotes when `show_quotes`."""
    layers = HighlightLayers()
    if analysis is None:
        return layers
    kinds: dict[tuple[int, int], str] = {}
    referent_mentions: list[tuple[int, int, str]] = []
    for referent in (*analysis.actors, *analysis.places):
        # A mention of a merged actor is styled by what the actor is, whatever its own label.
        role = role_for(referent.kind)
        for mention in referent.mentions:
            referent_mentions.append((mention.start, mention.end, referent.id))
            kinds.setdefault((mention.start, mention.end), role)
    layers.referent_mentions = IntervalIndex(referent_mentions)
    entities = []
    for entity in analysis.entities:
        role = kinds.get((entity.start, entity.end)) or role_for(entity.label)
        if role in roles:
            entities.append((entity.start, entity.end, role))
    layers.entities = IntervalIndex(entities)
    if show_quotes:
        _index_quotes(layers, shown_quotes(analysis, show_doubtful))
    return layers


def _index_quotes(layers: HighlightLayers, shown: Iterable[tuple[int, Quote]]) -> None:
    quotes: list[tuple[int, int, int]] = []
    extents: list[tuple[int, int, int]] = []
    speakers: list[tuple[int, int, int]] = []
    for index, quote in shown:
        if is_doubtful(quote):
            layers.doubtful.add(index)
        for piece in quote.segments or [quote.content]:
            quotes.append((piece.start, piece.end, index))
        extents.append((quote.content.start, quote.content.end, index))
        if quote.speaker is not None:
            speakers.append((quote.speaker.start, quote.speaker.end, index))
    layers.quotes = IntervalIndex(quotes)
    layers.quote_extents = IntervalIndex(extents)
    layers.speakers = IntervalIndex(speakers)


def place_markers(shown: Iterable[tuple[int, Quote]], layout: Layout, room: int) -> dict[int, SpeakerMarker]:
    """Each attributed quote's "— Speaker", once: after the line that holds its end if it fits in `room`
    and no other quote's words follow on that line, else on the blank line that ends its paragraph (a
    quote ending mid-paragraph keeps its speaker in sight, and a marker never lands in another quote)."""
    markers: dict[int, SpeakerMarker] = {}
    below: dict[int, list[tuple[int, str, bool]]] = {}  # blank line: (quote start, label, doubtful)
    quotes = [quote for _index, quote in shown]
    quotes.sort(key=is_doubtful)  # stable: confident quotes claim a line's marker first
    for quote in quotes:
        name = quote_speaker_label(quote)
        if not name:
            continue
        doubtful = is_doubtful(quote)
        act = act_label(quote)
        label = f"— {name}" + (f" ({act})" if act else "") + (f" {DOUBTFUL_MARK}" if doubtful else "")
        line = layout.line_of(max(quote.content.start, quote.content.end - 1))
        used = cell_len(layout.line_text(line))
        fits = used + 2 + cell_len(label) <= room and line not in markers
        if fits and not _followed_by_another_quote(quote, quotes, layout.ends[line]):
            markers[line] = SpeakerMarker(line, label, True, doubtful)
        else:
            blank = _paragraph_end(layout, line)
            if blank is not None:
                below.setdefault(blank, []).append((quote.content.start, label, doubtful))
    for blank, waiting in below.items():
        markers[blank] = _shared_marker(blank, waiting, min(room, layout.width))
    return _named_once(markers)


def _shared_marker(line: int, waiting: list[tuple[int, str, bool]], room: int) -> SpeakerMarker:
    """One blank line for every speaker whose quote ends in the paragraph above it: each named once, in
    the order they speak ("— the mayor  — an engineer"), each cut short with "…" when they would not all
    fit, so that none is lost."""
    labels: list[str] = []
    for _start, label, _doubtful in sorted(waiting):
        if label not in labels:
            labels.append(label)
    gap = len(MARKER_GAP)
    if len(labels) > 1 and sum(cell_len(label) for label in labels) + gap * (len(labels) - 1) > room:
        share = max(3, (room - gap * (len(labels) - 1)) // len(labels))
        labels = [
            label if cell_len(label) <= share else label[: share - 1].rstrip() + "…" for label in labels
        ]
    doubtful = all(is_doubtful for _start, _label, is_doubtful in waiting)
    return SpeakerMarker(line, MARKER_GAP.join(labels), False, doubtful)


def _followed_by_another_quote(quote: Quote, quotes: list[Quote], line_end: int) -> bool:
    """Another quote's words lie between this quote's end and the end of its line: a marker after
    the line would read as the other quote's speaker, or sit inside its text."""
    end = quote.content.end
    return any(
        other is not quote and other.content.start < line_end and other.content.end > end for other in quotes
    )


def _named_once(markers: dict[int, SpeakerMarker]) -> dict[int, SpeakerMarker]:
    """The same speaker on two lines in a row (an interrupted quote, or a paragraph ending with the
    speaker's words) is named once: on the later line when both follow text, else on the text's line."""
    for line in sorted(markers):
        above = markers.get(line - 1)
        marker = markers[line]
        if above is None or above.label != marker.label:
            continue
        if marker.inline:
            del markers[line - 1]
        else:
            del markers[line]
    return markers


def _paragraph_end(layout: Layout, line: int) -> int | None:
    """The blank line after display line `line`'s paragraph, or None when the text ends first."""
    for index in range(line + 1, len(layout)):
        if layout.starts[index] == layout.ends[index]:
            return index
    return None
