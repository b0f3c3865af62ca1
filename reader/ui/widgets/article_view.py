"""The article view: a Line-API scroll view that wraps, highlights and scrolls book-length text.

Only the visible lines are ever styled. Each display line is built as Rich `Text` from the
article slice, the highlight layers are applied in a fixed order (boilerplate, headings, quote, speaker,
entity kinds, the selected actor's mentions, search matches, the flashed target, the mouse
selection), rendered into a `Strip` and cached by (line, width, state version).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip
from textual.timer import Timer

from reader.analysis.model import Analysis
from reader.article import Heading
from reader.terminal import sanitize_for_terminal
from reader.ui.layout import IntervalIndex, Layout, wrap
from reader.ui.messages import ReferentClicked
from reader.ui.present import shown_quotes, wrap_facts
from reader.ui.widgets.highlights import (
    DIM,
    FALLBACK_STYLES,
    UNDIM,
    HighlightLayers,
    SpeakerMarker,
    index_layers,
    place_markers,
)
from reader.vocab import ENTITY_ROLES

DEFAULT_HIGHLIGHT = frozenset(ENTITY_ROLES) - {"other"}


GUTTER = 2
QUOTE_BAR = "▎"
DOUBTFUL_BAR = "╎"


class ArticleView(ScrollView, can_focus=True):
    """Scrollable, highlighted article text with a readable maximum width, centred."""

    ALLOW_SELECT = True
    #: How long a jumped-to range stays marked: long enough for the eye to find it, never lingering.
    FLASH_SECONDS: ClassVar[float] = 1.5

    DEFAULT_CSS = """
    ArticleView {
        background: $background;
        color: $foreground;
        scrollbar-size-vertical: 1;
    }
    """

    BINDINGS = [
        Binding("down,j", "scroll_down", "Down", show=False, id="scroll-down", tooltip="Scroll down a line"),
        Binding("up,k", "scroll_up", "Up", show=False, id="scroll-up", tooltip="Scroll up a line"),
        Binding(
            "space,pagedown",
            "page_down",
            "Page down",
            show=False,
            id="page-down",
            tooltip="Scroll down a screen",
        ),
        Binding(
            "b,pageup,ctrl+b", "page_up", "Page up", show=False, id="page-up", tooltip="Scroll up a screen"
        ),
        Binding("g,home", "scroll_home", "Top", show=False, id="top", tooltip="Go to the start"),
        Binding("G,end", "scroll_end", "Bottom", show=False, id="bottom", tooltip="Go to the end"),
    ]

    def __init__(
        self,
        text: str,
        *,
        title: str | None = None,
        meta: str | None = None,
        notices: Sequence[str] = (),
        body_end: int | None = None,
        headings: Sequence[Heading] = (),
        wrap_width: int = 80,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.text = sanitize_for_terminal(text)
        self.body_end = body_end if body_end is not None and 0 <= body_end < len(text) else None
        self.wrap_width = max(20, wrap_width)
        self.title_text, self.title_range = self._title_parts(title)
        self._headings = self._heading_index(headings)
        self.meta_text = sanitize_for_terminal(meta) if meta else None
        self.notices = [sanitize_for_terminal(notice) for notice in notices]
        self.styles_by_role: dict[str, Style] = dict(FALLBACK_STYLES)
        self.highlight_roles: set[str] = set(DEFAULT_HIGHLIGHT)
        self.show_quotes = True
        self.show_doubtful = False
        self.analysis: Analysis | None = None
        self.version = 0
        self._layouts: dict[int, Layout] = {}
        self.layout_: Layout = wrap(self.text, self.wrap_width)
        self.header: list[tuple[str, str]] = []
        self._pad = 0
        self.highlights = HighlightLayers()
        self.markers: dict[int, SpeakerMarker] = {}
        self.selected: list[tuple[int, int]] = []
        self._selected_index: IntervalIndex[int] = IntervalIndex([])
        self.matches: list[tuple[int, int]] = []
        self._match_index: IntervalIndex[int] = IntervalIndex([])
        self.current: tuple[int, int] | None = None
        self.flash: tuple[int, int] | None = None
        self._cache: LRUCache[tuple[int, int, int, tuple[int, int] | None], Strip] = LRUCache(2048)
        self._flash_timer: Timer | None = None
        self._base_style: Style | None = None
        self._anchor: int | None = None
        self._kept_anchor: int | None = None

    # ----------------------------------------------------------------- paging

    def action_page_down(self) -> None:
        """Turn the page at once (like less): no scrolling animation through unread lines."""
        self.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self.scroll_page_up(animate=False)

    def action_scroll_home(self) -> None:
        self.scroll_home(animate=False)

    def action_scroll_end(self) -> None:
        self.scroll_end(animate=False)

    # ----------------------------------------------------------------- text and layout

    def _title_parts(self, title: str | None) -> tuple[str | None, tuple[int, int] | None]:
        """A title the text already opens with is styled in place; otherwise it becomes a header."""
        if not title or not title.strip():
            return None, None
        title = sanitize_for_terminal(title.strip())
        stripped = self.text.lstrip()
        if stripped.startswith(title):
            start = len(self.text) - len(stripped)
            return None, (start, start + len(title))
        return title, None

    def _heading_index(self, headings: Sequence[Heading]) -> IntervalIndex[int]:
        """The headings to style as such: all but the headline, which keeps its own (title) style."""
        title = self.title_range
        return IntervalIndex(
            (h.start, h.end, h.level)
            for h in headings
            if 0 <= h.start < h.end <= len(self.text)
            and (title is None or h.end <= title[0] or h.start >= title[1])
        )

    @property
    def text_width(self) -> int:
        """Wrap width: the readable maximum, or less when the window is narrower."""
        available = self.scrollable_content_region.width or self.size.width or self.wrap_width
        return max(10, min(self.wrap_width, available - GUTTER - 1))

    def _relayout(self) -> None:
        width = self.text_width
        layout = self._layouts.get(width)
        if layout is None:
            layout = wrap(self.text, width)
            if len(self._layouts) > 8:
                self._layouts.clear()
            self._layouts[width] = layout
        self.layout_ = layout
        header: list[tuple[str, str]] = []
        if self.title_text:
            title_layout = wrap(self.title_text, width)
            header.extend((title_layout.line_text(i), "title") for i in range(len(title_layout)))
        if self.meta_text:
            header.extend((line, "meta") for line in wrap_facts(self.meta_text, width))
        for notice in self.notices:
            notice_layout = wrap(notice, width)
            header.extend((notice_layout.line_text(i), "notice") for i in range(len(notice_layout)))
        if header:
            header.append(("", "meta"))
        self.header = header
        total = GUTTER + width
        available = self.scrollable_content_region.width or total
        self._pad = max(0, (available - total) // 2)
        self._build_markers()
        self.virtual_size = Size(available, len(self.header) + len(layout))
        self._bump()

    def set_wrap_width(self, width: int) -> None:
        """Change the readable maximum width, keeping the top line where it is."""
        top = self.top_offset
        self.wrap_width = max(20, width)
        self._relayout()
        self.scroll_to_offset(top, top=True)

    def set_notices(self, notices: Sequence[str]) -> None:
        """Show these warning lines under the title (cut-off text, another language), keeping the top line."""
        lines = [sanitize_for_terminal(notice) for notice in notices]
        if lines == self.notices:
            return
        top = self.top_offset if self.scroll_y > 0 else None
        self.notices = lines
        self._relayout()
        if top is not None:
            self.scroll_to_offset(top, top=True)

    def on_resize(self, event: events.Resize) -> None:
        """Reflow, keeping the same text at the top (once the new virtual size is in place)."""
        if self._anchor is None and self.scroll_y > 0:
            # Reuse the last restored offset while it is still on the top line, so that repeated
            # reflows do not drift back a line at a time.
            kept = self._kept_anchor
            top_line = int(self.scroll_y)
            self._anchor = (
                kept if kept is not None and self.line_for_offset(kept) == top_line else self.top_offset
            )
        self._relayout()
        if self._anchor is not None:
            self.call_after_refresh(self._restore_anchor)

    def _restore_anchor(self, attempts: int = 5) -> None:
        if self._anchor is None:
            return
        anchor = self._anchor
        self.scroll_to_offset(anchor, top=True)
        target = min(self.line_for_offset(anchor), max(0, self.virtual_size.height - 1))
        if int(self.scroll_y) != target and attempts > 0:
            # The new virtual size is not in place yet: try again after the next refresh.
            self.call_after_refresh(self._restore_anchor, attempts - 1)
        else:
            self._kept_anchor = anchor
            self._anchor = None

    def restore_position(self, offset: int) -> None:
        """Open at a saved reading position (kept across the reflows of the first layout passes)."""
        self._anchor = offset
        self.call_after_refresh(self._restore_anchor)

    def on_mount(self) -> None:
        self._relayout()

    # ----------------------------------------------------------------- highlight state

    def _bump(self) -> None:
        self._cache.clear()
        self.version += 1
        self.refresh()

    def set_highlight_styles(self, styles: dict[str, Style]) -> None:
        """The theme's style per highlight role (the built-in ones fill any gap)."""
        merged = dict(FALLBACK_STYLES)
        merged.update(styles)
        self.styles_by_role = merged
        self._bump()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._base_style = None
        self._cache.clear()

    @property
    def base_style(self) -> Style:
        """The widget's own text style (computing `rich_style` walks the DOM, so it is kept)."""
        if self._base_style is None:
            self._base_style = self.rich_style
        return self._base_style

    def set_analysis(self, analysis: Analysis | None) -> None:
        """Show the (possibly partial) analysis: entity, quote and speaker highlights."""
        self.analysis = analysis
        self._index_analysis()
        self._build_markers()
        self._bump()

    def set_highlight(
        self, roles: Iterable[str], show_quotes: bool, show_doubtful: bool | None = None
    ) -> None:
        """Which entity kinds and whether quotes (and doubtful attributions among them) are marked."""
        self.highlight_roles = set(roles)
        self.show_quotes = show_quotes
        if show_doubtful is not None:
            self.show_doubtful = show_doubtful
        self._index_analysis()
        self._build_markers()
        self._bump()

    def _index_analysis(self) -> None:
        self.highlights = index_layers(
            self.analysis, self.highlight_roles, self.show_quotes, self.show_doubtful
        )

    def _build_markers(self) -> None:
        """Place each attributed quote's "— Speaker" after its last line, or below it."""
        if self.analysis is None or not self.show_quotes:
            self.markers = {}
            return
        layout = self.layout_
        room = (self.scrollable_content_region.width or (GUTTER + layout.width)) - self._pad - GUTTER - 1
        self.markers = place_markers(shown_quotes(self.analysis, self.show_doubtful), layout, room)

    def select_spans(self, spans: Iterable[tuple[int, int]]) -> None:
        """Mark these ranges (the selected actor's mentions); an empty list clears the selection."""
        self.selected = sorted(set(spans))
        self._selected_index = IntervalIndex((s, e, i) for i, (s, e) in enumerate(self.selected))
        self._bump()

    def search(self, query: str) -> list[tuple[int, int]]:
        """Mark every case-insensitive match of `query`; returns the matches."""
        if query:
            pattern = re.compile(re.escape(query), re.IGNORECASE)
            self.matches = [m.span() for m in pattern.finditer(self.text)]
        else:
            self.matches = []
        self._match_index = IntervalIndex((s, e, i) for i, (s, e) in enumerate(self.matches))
        self.current = None
        self._bump()
        return self.matches

    def set_current(self, span: tuple[int, int] | None) -> None:
        self.current = span
        self._bump()

    def flash_span(self, start: int, end: int, duration: float | None = None) -> None:
        """Briefly mark a range the user jumped to so the eye finds it."""
        self.flash = (start, end)
        if self._flash_timer is not None:
            self._flash_timer.stop()
        seconds = self.FLASH_SECONDS if duration is None else duration
        self._flash_timer = self.set_timer(seconds, self._end_flash)
        self._bump()

    def _end_flash(self) -> None:
        self.flash = None
        self._flash_timer = None
        self._bump()

    # ----------------------------------------------------------------- positions

    @property
    def header_lines(self) -> int:
        return len(self.header)

    @property
    def title_bottom(self) -> int:
        """Display line just below the headline (0 when there is none)."""
        if self.title_range is not None:
            return self.line_for_offset(max(self.title_range[0], self.title_range[1] - 1)) + 1
        return sum(1 for _text, role in self.header if role == "title")

    def line_for_offset(self, offset: int) -> int:
        """Display line (header included) showing character `offset`."""
        return self.header_lines + self.layout_.line_of(offset)

    @property
    def top_offset(self) -> int:
        """Character offset at the top of the view: what a saved reading position records."""
        line = int(self.scroll_y) - self.header_lines
        if line < 0 or not len(self.layout_):
            return 0
        return self.layout_.starts[min(line, len(self.layout_) - 1)]

    def scroll_to_offset(self, offset: int, *, top: bool = False) -> None:
        """Bring `offset` into view: to the top line, or a third of the way down (for jumps)."""
        line = self.line_for_offset(offset)
        if top:
            target = line if offset > 0 else 0
        else:
            target = max(0, line - max(1, self.scrollable_content_region.height // 3))
        self.scroll_to(y=target, animate=False, immediate=True)

    def shows_offset(self, offset: int) -> bool:
        """Whether character `offset` is on screen."""
        line = self.line_for_offset(offset) - int(self.scroll_y)
        return 0 <= line < self.scrollable_content_region.height

    def bring_into_view(self, start: int, end: int) -> None:
        """Scroll to a match only when it is not already in full on screen: a reader's eyes are on the
        text, and a view that moves under a match they can already see loses their place (as `less`)."""
        if not (self.shows_offset(start) and self.shows_offset(max(start, end - 1))):
            self.scroll_to_offset(start)

    def jump_to(self, start: int, end: int) -> None:
        self.scroll_to_offset(start)
        self.flash_span(start, end)

    def offset_at(self, x: int, y: int) -> int | None:
        """Character offset under a content-region cell, or None outside the text."""
        line = int(self.scroll_y) + y - self.header_lines
        if line < 0 or line >= len(self.layout_):
            return None
        column_cells = x - self._pad - GUTTER
        if column_cells < 0:
            return None
        text = self.layout_.line_text(line)
        if column_cells >= cell_len(text):
            return None
        column = column_cells
        if not text.isascii():
            column = 0
            while column < len(text) and cell_len(text[: column + 1]) <= column_cells:
                column += 1
        return self.layout_.starts[line] + column

    def referent_at(self, offset: int) -> str | None:
        """Id of the actor or place mentioned at `offset`, else the speaker of a quote there."""
        hits = self.highlights.referent_mentions.at(offset)
        if hits:
            return hits[0][2]
        if self.analysis is not None:
            for _start, _end, index in self.highlights.quote_extents.at(offset):
                actor = self.analysis.quotes[index].actor
                if actor:
                    return actor
            for _start, _end, index in self.highlights.speakers.at(offset):
                actor = self.analysis.quotes[index].actor
                if actor:
                    return actor
        return None

    def on_click(self, event: events.Click) -> None:
        if event.chain > 1:
            return
        offset = event.get_content_offset(self)
        if offset is None:
            return
        char = self.offset_at(offset.x, offset.y)
        if char is None:
            return
        referent = self.referent_at(char)
        if referent:
            self.post_message(ReferentClicked(referent))

    # ----------------------------------------------------------------- selection

    def display_line_text(self, y: int) -> str:
        if y < self.header_lines:
            return self.header[y][0]
        return self.layout_.line_text(y - self.header_lines)

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        lines = (self.display_line_text(y) for y in range(self.header_lines + len(self.layout_)))
        return selection.extract("\n".join(lines)), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self._cache.clear()
        self.refresh()

    # ----------------------------------------------------------------- rendering

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        line = scroll_y + y
        width = self.scrollable_content_region.width
        selection = self.text_selection
        span = selection.get_span(line) if selection is not None else None
        key = (line, width, self.version, span)
        strip = self._cache.get(key)
        if strip is None:
            strip = self._render_display_line(line, width, span)
            self._cache[key] = strip
        if scroll_x == 0 and strip.cell_length == width:
            return strip
        return strip.crop_extend(scroll_x, scroll_x + width, self.base_style)

    def _render_display_line(self, y: int, width: int, selection_span: tuple[int, int] | None) -> Strip:
        """One display line: centring pad, gutter (the quote bar), the styled text, the speaker marker."""
        base = self.base_style
        if y >= self.header_lines + len(self.layout_):
            return Strip.blank(width, base)
        gutter = Segment(" " * GUTTER, base)
        marker: SpeakerMarker | None = None
        if y < self.header_lines:
            content, role = self.header[y]
            text = Text(content, style=base + self.styles_by_role.get(role, Style()), end="")
        else:
            index = y - self.header_lines
            start, end = self.layout_.starts[index], self.layout_.ends[index]
            text = self._styled_line(start, end, base)
            gutter = self._gutter(start, end, base)
            marker = self.markers.get(index)
        if selection_span is not None:
            sel_start, sel_end = selection_span
            if sel_end == -1:
                sel_end = len(text)
            text.stylize(self.screen.get_component_rich_style("screen--selection"), sel_start, sel_end)
        segments = [Segment(" " * self._pad, base)] if self._pad else []
        segments.append(gutter)
        segments.extend(self._text_segments(text, y, base))
        used = self._pad + GUTTER + text.cell_len
        if marker is not None:
            used += self._add_marker(segments, marker, width - used, base)
        if used < width:
            segments.append(Segment(" " * (width - used), base))
            return Strip(segments, width)
        return Strip(segments, used).crop(0, width)

    def _gutter(self, start: int, end: int, base: Style) -> Segment:
        """The margin of a text line: a bar beside a quote (broken for a doubtful one), else blank."""
        extents = self.highlights.quote_extents.overlapping(start, max(end, start + 1)) if end > start else []
        if not extents:
            return Segment(" " * GUTTER, base)
        doubtful = all(index in self.highlights.doubtful for _s, _e, index in extents)
        bar = (DOUBTFUL_BAR if doubtful else QUOTE_BAR) + " " * (GUTTER - 1)
        return Segment(bar, base + self.styles_by_role["quote"] + (DIM if doubtful else Style()))

    def _text_segments(self, text: Text, y: int, base: Style) -> list[Segment]:
        """The line's text as segments, each carrying its column so a click finds its character."""
        segments: list[Segment] = []
        position = 0
        for segment in text.render(self.app.console):
            if not segment.text:
                continue
            meta = Style.from_meta({"offset": (position, y)})
            segments.append(Segment(segment.text, (segment.style or base) + meta))  # Text.render drops base
            position += len(segment.text)
        return segments

    def _add_marker(self, segments: list[Segment], marker: SpeakerMarker, free: int, base: Style) -> int:
        """Append the "— Speaker" marker in the `free` cells left (cut with "…"); returns the cells used."""
        label = marker.label
        used = 0
        room = free - (2 if marker.inline else 0)
        if marker.inline and room > 0:
            segments.append(Segment("  ", base))
            used += 2
        elif not marker.inline:
            label = label.rjust(min(room, self.layout_.width))
        if room > 0:
            if cell_len(label) > room:
                label = label[: max(0, room - 1)] + "…"
            styles = self.styles_by_role
            style = base + styles.get("marker", Style()) + styles["speaker"]
            segments.append(Segment(label, style + DIM if marker.doubtful else style))
            used += cell_len(label)
        return used

    def _styled_line(self, start: int, end: int, base: Style) -> Text:
        """One line of article text with every active highlight layer applied, lowest first."""
        # A line break inside a reflowed paragraph must not reach the terminal: show it as a space.
        text = Text(self.text[start:end].replace("\n", " "), style=base, end="")
        if end <= start:
            return text
        styles = self.styles_by_role

        def paint(style: Style, span_start: int, span_end: int) -> None:
            text.stylize(style, max(0, span_start - start), min(end, span_end) - start)

        if self.body_end is not None and end > self.body_end:
            paint(styles["boilerplate"], max(start, self.body_end), end)
        for span_start, span_end, _level in self._headings.overlapping(start, end):
            paint(styles["heading"], span_start, span_end)
        if self.title_range is not None and start < self.title_range[1]:
            paint(styles["title"], *self.title_range)
        # Doubtful attributions first, so a confident quote around one keeps its full style.
        doubtful = self.highlights.doubtful
        for layer, role in ((self.highlights.quotes, "quote"), (self.highlights.speakers, "speaker")):
            spans = layer.overlapping(start, end)
            if doubtful:
                for span_start, span_end, index in spans:
                    if index in doubtful:
                        paint(styles[role] + DIM, span_start, span_end)
                confident = styles[role] if styles[role].dim else styles[role] + UNDIM
                for span_start, span_end, index in spans:
                    if index not in doubtful:
                        paint(confident, span_start, span_end)
            else:
                for span_start, span_end, _index in spans:
                    paint(styles[role], span_start, span_end)
        for span_start, span_end, role in self.highlights.entities.overlapping(start, end):
            paint(styles[role], span_start, span_end)
        for span_start, span_end, _index in self._selected_index.overlapping(start, end):
            paint(styles["selection"], span_start, span_end)
        for span_start, span_end, _index in self._match_index.overlapping(start, end):
            paint(styles["match"], span_start, span_end)
        for target in (self.current, self.flash):
            if target is not None and target[0] < end and target[1] > start:
                paint(styles["current"], *target)
        return text
