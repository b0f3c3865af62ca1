"""The Textual app: themes, app-wide keys and the screens (library, article, help, actor card).

Usable with a precomputed `Analysis` (tests, snapshots: no spaCy at all) or with `options.analyse`,
where the article screen fetches the analysis from the cache or runs spaCy in a worker thread. The app
owns the themes and the screen stack; screens get the options and the highlight styles handed down and
ask for the library or another article with messages.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.style import Style
from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.dom import DOMNode
from textual.notifications import SeverityLevel
from textual.screen import Screen

from reader.analysis.model import Analysis
from reader.article import Article
from reader.errors import ReaderError
from reader.settings import themes as reader_themes
from reader.terminal import sanitize_for_terminal
from reader.ui.messages import DoubtfulShown, OpenLibrary, OpenSource
from reader.ui.options import ReaderOptions

if TYPE_CHECKING:
    from reader.collection.request import CollectionRequest
    from reader.ui.analysis_feed import AnalysisRunner
    from reader.ui.messages import ArticleChosen


def binding_owners() -> tuple[type[DOMNode], ...]:
    """Every app, screen and widget class whose BINDINGS a `[keymap]` entry can remap."""
    from reader.ui.screens.actor_card import ActorCard
    from reader.ui.screens.article import ArticleScreen
    from reader.ui.screens.help import HelpScreen
    from reader.ui.screens.library import LibraryScreen
    from reader.ui.widgets.article_view import ArticleView
    from reader.ui.widgets.contents import ContentsPane
    from reader.ui.widgets.find_bar import FindBar
    from reader.ui.widgets.side_panel import SidePanel
    from reader.ui.widgets.type_filter import FilterInput

    screens = (ReaderApp, ArticleScreen, LibraryScreen, HelpScreen, ActorCard)
    return (*screens, ArticleView, FindBar, SidePanel, FilterInput, ContentsPane)


def binding_ids() -> set[str]:
    """Every binding id a `[keymap]` entry can name."""
    owners = binding_owners()
    bindings = (binding for owner in owners for binding in owner.BINDINGS if isinstance(binding, Binding))
    return {binding.id for binding in bindings if binding.id}


#: Seconds between choosing "Screenshot" and taking it: the palette closes first.
SCREENSHOT_DELAY = 0.1


class ReaderApp(App[int]):
    """The reader: one article at a time, with a library to pick from."""

    TITLE = "reader"
    CSS_PATH = "reader.tcss"
    ENABLE_COMMAND_PALETTE = True

    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit", tooltip="Quit (the reading position is saved)"),
        Binding(
            "ctrl+c",
            "copy_or_quit",
            "Copy / quit",
            show=False,
            priority=True,
            id="copy-or-quit",
            tooltip="Copy the selected text, or quit when nothing is selected",
        ),
        Binding("question_mark,f1", "help", "Help", key_display="?", id="help", tooltip="Show every key"),
    ]

    def __init__(
        self,
        article: Article | None,
        options: ReaderOptions | None = None,
        *,
        analysis: Analysis | None = None,
        warnings: Iterable[str] = (),
        collection: CollectionRequest | None = None,
        runner: AnalysisRunner | None = None,
        quick_exit: Callable[[int], object] | None = None,
    ) -> None:
        self.no_color_mode = reader_themes.no_color_requested()
        super().__init__()
        self.article = article
        self.collection = collection
        self.initial_analysis = analysis
        self.options = options or ReaderOptions()
        self._runner = runner
        self._quick_exit = quick_exit
        self._leaving = False
        self.startup_warnings = list(warnings)
        self._reader_themes, theme_warnings = reader_themes.available_themes()
        self.startup_warnings.extend(theme_warnings)
        theme = self.options.theme
        self.reader_theme_name = theme if theme in self._reader_themes else reader_themes.DEFAULT_THEME
        self._theme_ready = False
        if self.options.config.keymap:
            self.set_keymap(self.options.config.keymap)

    # ----------------------------------------------------------------- themes

    def reader_theme_names(self) -> list[str]:
        return sorted(self._reader_themes)

    def current_reader_theme(self) -> reader_themes.ReaderTheme | None:
        return self._reader_themes.get(self.reader_theme_name)

    def highlight_styles(self) -> dict[str, Style]:
        """Rich styles per highlight role from the current theme (colour-free under NO_COLOR)."""
        theme = self.current_reader_theme()
        if theme is None:
            theme = self._reader_themes.get(reader_themes.DEFAULT_THEME)
        return theme.rich_styles(self.no_color_mode) if theme is not None else {}

    def switch_theme(self, name: str) -> None:
        """Switch live and remember the choice for the next start."""
        if name not in self._reader_themes:
            self.notify(f"Unknown theme {name!r}", severity="error")
            return
        self.theme = name

    def watch_theme(self, name: str) -> None:
        if name in self._reader_themes:
            self.reader_theme_name = name
            if self._theme_ready:
                with contextlib.suppress(OSError):
                    reader_themes.remember_theme(name)
        from reader.ui.screens.article import ArticleScreen

        styles = self.highlight_styles()
        for screen in self.screen_stack:
            if isinstance(screen, ArticleScreen):
                screen.set_highlight_styles(styles)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        for command in super().get_system_commands(screen):
            if command.title in ("Keys", "Theme", "Screenshot"):
                continue
            yield command
        yield SystemCommand("Help", "Show every key and what it does", self.action_help)
        yield SystemCommand(
            "Screenshot",
            "Save a picture (SVG) of this screen in the reader's screenshots folder",
            lambda: self.set_timer(SCREENSHOT_DELAY, self.save_screenshot_file),  # once the palette is gone
        )
        for name in self.reader_theme_names():
            yield SystemCommand(f"Theme: {name}", "Switch the colour theme", partial(self.switch_theme, name))
        yield SystemCommand("Open the library", "Bundled samples and recent files", self.open_library)

    # ----------------------------------------------------------------- screens

    def on_mount(self) -> None:
        for theme in self._reader_themes.values():
            self.register_theme(theme.to_textual_theme())
        self.theme = self.reader_theme_name
        self._theme_ready = True
        self._check_keymap()
        for warning in self.startup_warnings:
            self.notify(warning, severity="warning", timeout=8)
        if self.collection is not None:
            from reader.ui.screens.collection import CollectionScreen

            self.push_screen(CollectionScreen(self.collection))
        elif self.article is None:
            self.open_library()
        else:
            self.show_article(self.article, analysis=self.initial_analysis)

    def _check_keymap(self) -> None:
        """One notice for a `[keymap]` that cannot all work: unknown ids, or a key two bindings want
        (the same check as `reader config`, which refuses it; the app starts all the same)."""
        keymap = self.options.config.keymap
        unknown = sorted(set(keymap) - binding_ids())
        if unknown:
            self.startup_warnings.append(
                f"[keymap] has unknown binding ids: {', '.join(unknown)} (see ? for the ids)"
            )
        known = {binding: keys for binding, keys in keymap.items() if binding not in unknown}
        if known:
            from reader.ui.keymap import check_keymap

            try:
                check_keymap(known, "[keymap]", binding_owners())
            except ReaderError as error:
                self.startup_warnings.append(str(error))

    def show_article(
        self,
        article: Article,
        *,
        analysis: Analysis | None = None,
        focus: tuple[int, int] | None = None,
        back_to_collection: bool = False,
    ) -> None:
        """Show an article in place of the current one (or of the library), saving positions first.

        `focus` is a character range to show and flash (a quote chosen in the collection); with
        `back_to_collection` the article opens over the collection screen and Escape returns to it.
        """
        from reader.ui.screens.article import ArticleScreen
        from reader.ui.screens.library import LibraryScreen

        self.article = article
        for screen in self.screen_stack:
            if isinstance(screen, ArticleScreen):
                screen.save_position()
        new = ArticleScreen(
            article,
            self.options,
            self.highlight_styles(),
            analysis=analysis,
            runner=self.runner if self.options.analyse else None,
            focus=focus,
            back_on_escape=back_to_collection,
        )
        if back_to_collection:
            self.push_screen(new)
            return
        stack = self.screen_stack
        if isinstance(self.screen, LibraryScreen) and len(stack) > 2 and isinstance(stack[-2], ArticleScreen):
            self.pop_screen()  # the library was opened over an article: replace that article
            self.switch_screen(new)
        elif isinstance(self.screen, ArticleScreen):
            self.switch_screen(new)
        else:
            self.push_screen(new)

    def on_article_chosen(self, message: ArticleChosen) -> None:
        """An article chosen in the collection opens over it, at the quote; Escape comes back."""
        self.show_article(message.article, focus=message.focus, back_to_collection=True)

    def open_library(self) -> None:
        from reader.ui.screens.library import LibraryScreen

        if isinstance(self.screen, LibraryScreen):
            return
        self.push_screen(LibraryScreen())

    def on_open_library(self, _message: OpenLibrary) -> None:
        self.open_library()

    def on_open_source(self, message: OpenSource) -> None:
        self.open_source(message.source)

    def on_doubtful_shown(self, message: DoubtfulShown) -> None:
        self.options.show_doubtful = message.show  # kept for the next article opened

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def open_source(self, source: str) -> None:
        """Load an article chosen in the library (a URL may take a moment) and show it."""
        from reader.sources import load_article

        try:
            article = load_article(source, use_cache=self.options.use_cache)
        except ReaderError as error:
            self.call_from_thread(self.notify, str(error), severity="error", timeout=8)
            return
        self.call_from_thread(self.show_article, article)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification is plain text, made safe for the terminal.

        Messages quote what came from outside (a search, a theme or file name, a server's reply),
        and Textual would read "[/b]" in them as markup and fail; none of ours uses markup, so
        `markup` is ignored.
        """
        super().notify(
            sanitize_for_terminal(str(message)),
            title=sanitize_for_terminal(str(title)),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def save_screenshot_file(self) -> Path | None:
        """Save the screen as an SVG under a new name and say where; a folder that cannot be written
        is one notice."""
        from reader.ui.screenshot import save_svg, screenshot_folder, screenshot_name

        folder = screenshot_folder()
        title = self.article.title if self.article is not None else None
        try:
            path = save_svg(self.export_screenshot(), folder, screenshot_name(title, datetime.now()))
        except OSError as error:
            reason = error.strerror or str(error)
            self.notify(f"Could not save the screenshot in {folder}: {reason}", severity="error", timeout=8)
            return None
        self.notify(f"Screenshot saved to {path}", title="Screenshot", timeout=8)
        return path

    def action_help(self) -> None:
        from reader.ui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.screen))

    async def action_copy_or_quit(self) -> None:
        """Ctrl+C copies a mouse selection (as terminals do), otherwise quits."""
        focused = self.focused
        selected = self.screen.get_selected_text()
        if not selected and focused is not None and hasattr(focused, "selected_text"):
            selected = getattr(focused, "selected_text", "")
        if selected:
            self.copy_to_clipboard(selected)
            self.notify(f"Copied {len(selected)} characters", timeout=2)
            return
        await self.action_quit()

    @property
    def runner(self) -> AnalysisRunner:
        """The analysis runner (its child process starts with the first article not in the cache)."""
        if self._runner is None:
            from reader.ui.analysis_feed import AnalysisOptions, AnalysisRunner

            options = self.options
            config = options.config
            self._runner = AnalysisRunner(
                AnalysisOptions(options.model_name, tuple(config.quote_cues), options.use_cache)
            )
        return self._runner

    async def action_quit(self) -> None:
        self.leave(0)

    def on_unmount(self) -> None:
        """However the app ends, its analysis process ends with it."""
        if self._runner is not None:
            self._runner.close()

    def leave(self, status: int) -> None:
        """End the app now, whatever the analysis is doing: save where the reader is, then go.

        Called for `q` and for SIGINT, SIGTERM and SIGHUP (status 128 + signal). The analysis
        process is ended, not waited for; in a real terminal the process then exits at once.
        """
        if self._leaving:
            return
        self._leaving = True
        from reader.ui.screens.article import ArticleScreen

        for screen in self.screen_stack:
            if isinstance(screen, ArticleScreen):
                screen.save_position()
        if self._runner is not None:
            self._runner.close(wait=self._quick_exit is None)
        if self._quick_exit is not None:
            self._quick_exit(status)
        self.workers.cancel_all()
        self.exit(status)
