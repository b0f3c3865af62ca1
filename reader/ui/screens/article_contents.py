"""The reading screen's contents: show the article's headings, follow the reader, go to a heading.

A base of `ArticleScreen`, kept apart so the screen module stays one readable size; it talks to
the `ContentsPane` and the `ArticleView` only through their methods and messages.
"""

from __future__ import annotations

from textual import on
from textual.screen import Screen

from reader.article import Article, Heading
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.contents import NO_HEADINGS, ContentsPane


class ContentsScreen(Screen[None]):
    """What a screen showing one article does with its headings (key `o`, the palette's "Show contents")."""

    article: Article
    _heading_at: int | None = None  # the heading last jumped to, while it stays on screen

    def action_toggle_contents(self) -> None:
        """Show the headings (the focus goes to them) or hide them (the focus goes back to the text)."""
        if self.query_one(ContentsPane).is_open:
            self.query_one(ContentsPane).close()
            self.query_one(ArticleView).focus()
        else:
            self.action_show_contents()

    def action_show_contents(self) -> None:
        if not self.article.headings:
            self.notify(NO_HEADINGS, timeout=3)  # one line, never an empty box
            return
        self.query_one(ContentsPane).open(self._reading_at())

    def follow_contents(self) -> None:
        """The reader scrolled: mark the section being read, if the contents are on show."""
        contents = self.query_one(ContentsPane)
        if contents.is_open:
            contents.follow(self._reading_at())

    def _reading_at(self) -> int:
        """Where the reader is, for the contents: the heading last jumped to while it is on screen,
        else the end once scrolled there (a short last section never reaches the top), else the top."""
        view = self.query_one(ArticleView)
        if self._heading_at is not None and view.shows_offset(self._heading_at):
            return self._heading_at
        self._heading_at = None
        if 0 < view.max_scroll_y <= view.scroll_y:
            return len(self.article.text)
        return view.top_offset

    @on(ContentsPane.Chosen)
    def _heading_chosen(self, message: ContentsPane.Chosen) -> None:
        self.go_to_heading(message.heading)

    def go_to_heading(self, heading: Heading) -> None:
        """Put a heading at the top of the view, flash it, and give the text the focus."""
        self._heading_at = heading.start
        contents = self.query_one(ContentsPane)
        if contents.is_open:
            contents.follow(heading.start)
        view = self.query_one(ArticleView)
        view.scroll_to_offset(heading.start, top=True)
        view.flash_span(heading.start, heading.end)
        view.focus()  # j, G and space move the text again

    @on(ContentsPane.Closed)
    def _contents_closed(self) -> None:
        self.query_one(ArticleView).focus()
