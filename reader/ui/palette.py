"""Command palette entries (ctrl+p): jump to an actor, place or quote; toggle layers; switch theme."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from reader.vocab import ENTITY_ROLES

if TYPE_CHECKING:
    from reader.ui.app import ReaderApp
    from reader.ui.screens.article import ArticleScreen

Command = tuple[str, Callable[[], object], str]


class ReaderCommands(Provider):
    """Commands built from the open article's analysis and the available themes."""

    def _commands(self) -> list[Command]:
        from reader.ui.screens.article import ArticleScreen

        app: ReaderApp = self.app  # type: ignore[assignment]
        commands: list[Command] = []
        screen = self.screen
        if isinstance(screen, ArticleScreen):
            commands.extend(_article_commands(screen, ENTITY_ROLES))
        for name in app.reader_theme_names():
            commands.append((f"Theme: {name}", partial(app.switch_theme, name), "Switch the colour theme"))
        commands.append(("Open the library", app.open_library, "Bundled samples and recent files"))
        return commands

    async def discover(self) -> Hits:
        for title, callback, help_text in self._commands():
            if title.startswith(("Toggle", "Theme", "Open", "Next", "Show")):
                yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, callback, help_text in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)


def _article_commands(screen: ArticleScreen, roles: tuple[str, ...]) -> list[Command]:
    from reader.ui.widgets.article_view import DOUBTFUL_MARK, QUOTE_CONFIDENCE_THRESHOLD, is_doubtful

    commands: list[Command] = []
    analysis = screen.analysis
    if analysis is not None:
        for actor in sorted(analysis.actors, key=lambda a: -len(a.mentions)):
            commands.append(
                (
                    f"Jump to actor: {actor.name}",
                    partial(screen.select_referent, actor.id),
                    f"{actor.kind}, {len(actor.mentions)} mentions",
                )
            )
        for place in sorted(analysis.locations, key=lambda a: -len(a.mentions)):
            commands.append(
                (
                    f"Jump to place: {place.name}",
                    partial(screen.select_referent, place.id),
                    f"{place.kind}, {len(place.mentions)} mentions",
                )
            )
        for quote in screen.visible_quotes():
            speaker = quote.speaker_name or (quote.speaker.text if quote.speaker else "unattributed")
            words = " ".join(quote.content.text.split())
            doubt = f"{DOUBTFUL_MARK} " if is_doubtful(quote) else ""
            cue = f", {' '.join(quote.cue.text.split())}" if quote.cue else ""
            commands.append(
                (
                    f"Jump to quote: {doubt}{speaker} — {words[:60]}{'…' if len(words) > 60 else ''}",
                    partial(screen.view.jump_to, quote.content.start, quote.content.end),
                    f"{quote.kind} quote{cue}" + (f" (doubtful, {quote.confidence:.2f})" if doubt else ""),
                )
            )
    commands.append(
        ("Toggle quote highlights", screen.action_toggle_quotes, "Quotes in italic with the speaker")
    )
    commands.append(
        (
            "Toggle doubtful attributions",
            screen.action_toggle_doubtful,
            f"Show or hide quotes with confidence below {QUOTE_CONFIDENCE_THRESHOLD} (key a)",
        )
    )
    commands.append(("Toggle all entity highlights", screen.action_toggle_entities, "Names, places, dates"))
    for role in roles:
        commands.append(
            (f"Toggle {role} highlights", partial(screen.toggle_role, role), f"Mark {role} names")
        )
    commands.append(("Toggle side panels", screen.action_toggle_sidebar, "Actors, places, events, quotes"))
    commands.append(("Next quote", screen.action_next_quote, "Jump to the next quote"))
    commands.append(
        ("Cycle reading width", screen.action_cycle_width, "60, 72, 80, 100, 120 columns or full")
    )
    commands.append(("Show actor card", screen.action_card, "The selected actor's card"))
    return commands
