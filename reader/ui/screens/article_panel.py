"""The reading screen's side panel: showing and hiding it, its tabs, its width, and where the keys go.

A base of `ArticleScreen`, so that the screen module keeps to the article itself. The panel's width is a
share of the window (so it suits any window) that `>` and `<` change and the reading state keeps.
"""

from __future__ import annotations

from textual import events, on
from textual.screen import Screen

from reader.settings import state as reader_state
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.side_panel import DEFAULT_SHARE, LeavePanel, SidePanel

#: How much `<` and `>` change the side panel's share of the window's width (percent).
PANEL_SHARE_STEP = 5


class PanelScreen(Screen[None]):
    """A screen of text beside a `SidePanel` (the subclass makes `self.panel`)."""

    panel: SidePanel
    panel_share: int = DEFAULT_SHARE

    def restore_panel_share(self, state: reader_state.ReaderState) -> None:
        """The width the reader last chose, if any (the state keeps it within bounds)."""
        if state.panel_share is not None:
            self.panel_share = state.panel_share
            self.panel.set_share(self.panel_share)

    def focus_text(self) -> None:
        self.query_one(ArticleView).focus()

    def action_toggle_sidebar(self) -> None:
        self.toggle_class("-no-sidebar")
        if self.has_class("-no-sidebar"):
            self.focus_text()

    def action_panel(self, panel: str) -> None:
        self.remove_class("-no-sidebar")
        self.panel.show_panel(panel)
        if self.panel.query(f"#list-{panel}"):
            self.panel.focus_list(panel)

    def action_panel_width(self, step: int) -> None:
        """`>` and `<`: a wider or narrower side panel (shown first if it is hidden), kept for next time."""
        if self.has_class("-no-sidebar"):
            self.remove_class("-no-sidebar")
            return
        low, high = reader_state.PANEL_SHARE_MIN, reader_state.PANEL_SHARE_MAX
        share = min(high, max(low, self.panel_share + step * PANEL_SHARE_STEP))
        if share == self.panel_share:
            self.notify(f"The side panel is as {'wide' if step > 0 else 'narrow'} as it goes", timeout=2)
            return
        self.panel_share = share
        self.panel.set_share(share)
        reader_state.update_state(lambda state: state.set_panel_share(share))
        self.notify(f"Side panel {share}% of the window", timeout=2)

    @on(LeavePanel)
    def _leave_panel(self, message: LeavePanel) -> None:
        message.stop()
        self.focus_text()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Say where the keys go: the theme marks the text or the panel (see reader.tcss)."""
        self.set_class(isinstance(event.widget, ArticleView), "-reading")
