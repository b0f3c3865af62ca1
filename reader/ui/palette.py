"""Command palette entries (ctrl+p): jump to an actor, place or quote; toggle layers.

A screen that offers commands lists `ScreenCommands` in its `COMMANDS` and implements `palette_commands`;
the provider asks the screen it was opened on, and knows nothing else about it. App-wide entries (themes,
the library, help) are the app's system commands.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import NamedTuple, Protocol, runtime_checkable

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from reader.analysis.model import Analysis, Quote
from reader.article import Heading
from reader.terminal import one_line
from reader.ui.present import DOUBTFUL_MARK, QUOTE_CONFIDENCE_THRESHOLD, is_doubtful

#: Titles shown before the user types anything (the jumps would drown them).
DISCOVERED = ("Toggle", "Theme", "Open", "Next", "Show")


class Command(NamedTuple):
    """One palette entry: what it is called, what it does, and a line of help."""

    title: str
    callback: Callable[[], object]
    help: str


@runtime_checkable
class CommandSource(Protocol):
    """A screen that offers palette entries."""

    def palette_commands(self) -> list[Command]: ...


class ScreenCommands(Provider):
    """The entries of the screen the palette was opened on."""

    def _commands(self) -> list[Command]:
        screen = self.screen
        return screen.palette_commands() if isinstance(screen, CommandSource) else []

    async def discover(self) -> Hits:
        for title, callback, help_text in self._commands():
            if title.startswith(DISCOVERED):
                yield DiscoveryHit(Content(one_line(title)), callback, help=_plain(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, callback, help_text in self._commands():
            title = one_line(title)
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, _highlight(matcher, title), callback, help=_plain(help_text))


def _plain(text: str) -> str:
    """Help text the palette will read as markup, written so that it reads back as exactly the text:
    quotes, names and theme names may hold "[/b]" or "[$accent]"."""
    return one_line(text).replace("[", "\\[")


def _highlight(matcher: Matcher, title: str) -> Content:
    """`matcher.highlight` without reading `title` as markup."""
    content = Content(title)
    score, offsets = matcher.fuzzy_search.match(matcher.query, title)
    if score:
        for offset in offsets:
            if not title[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class ArticleActions(Protocol):
    """What the article entries do: the reading screen's own actions."""

    def select_referent(self, referent_id: str, *, jump: bool = True) -> None: ...
    def jump_to(self, start: int, end: int) -> None: ...
    def toggle_role(self, role: str) -> None: ...
    def action_toggle_quotes(self) -> None: ...
    def action_toggle_doubtful(self) -> None: ...
    def action_toggle_entities(self) -> None: ...
    def action_toggle_sidebar(self) -> None: ...
    def action_panel_width(self, step: int) -> None: ...
    def action_next_quote(self) -> None: ...
    def action_cycle_width(self) -> None: ...
    def action_card(self) -> None: ...
    def action_show_contents(self) -> None: ...
    def go_to_heading(self, heading: Heading) -> None: ...


def article_commands(
    actions: ArticleActions, analysis: Analysis | None, quotes: Iterable[Quote], roles: Iterable[str]
) -> list[Command]:
    """Jumps to every actor, place and quote on show, then the toggles of the reading screen."""
    commands = _jump_commands(actions, analysis, quotes) if analysis is not None else []
    commands.append(
        Command("Toggle quote highlights", actions.action_toggle_quotes, "Quotes in italic with the speaker")
    )
    commands.append(
        Command(
            "Show all attributions",
            actions.action_toggle_doubtful,
            "What is not speech (labelled by act: belief, evidence, ...) and doubtful ones"
            f" (confidence below {QUOTE_CONFIDENCE_THRESHOLD}), or confident speech only (key a)",
        )
    )
    commands.append(
        Command("Toggle all entity highlights", actions.action_toggle_entities, "Names, places, dates")
    )
    for role in roles:
        commands.append(
            Command(f"Toggle {role} highlights", partial(actions.toggle_role, role), f"Mark {role} names")
        )
    commands.append(
        Command("Toggle side panels", actions.action_toggle_sidebar, "Actors, places, events, quotes")
    )
    commands.append(
        Command("Wider side panel", partial(actions.action_panel_width, +1), "Key >; kept for next time")
    )
    commands.append(
        Command("Narrower side panel", partial(actions.action_panel_width, -1), "Key <; kept for next time")
    )
    commands.append(Command("Next quote", actions.action_next_quote, "Jump to the next quote"))
    commands.append(
        Command("Cycle reading width", actions.action_cycle_width, "60, 72, 80, 100, 120 columns or full")
    )
    commands.append(Command("Show actor card", actions.action_card, "The selected actor's card"))
    commands.append(
        Command("Show contents", actions.action_show_contents, "The article's headings; Enter jumps (key o)")
    )
    return commands


def heading_commands(actions: ArticleActions, headings: Iterable[Heading]) -> list[Command]:
    """A jump to each of the article's headings."""
    return [
        Command(f"Jump to heading: {heading.text}", partial(actions.go_to_heading, heading), "Its section")
        for heading in headings
    ]


def _jump_commands(actions: ArticleActions, analysis: Analysis, quotes: Iterable[Quote]) -> list[Command]:
    commands: list[Command] = []
    for actor in sorted(analysis.actors, key=lambda a: -len(a.mentions)):
        commands.append(
            Command(
                f"Jump to actor: {actor.name}",
                partial(actions.select_referent, actor.id),
                f"{actor.kind}, {len(actor.mentions)} mentions",
            )
        )
    for place in sorted(analysis.places, key=lambda a: -len(a.mentions)):
        commands.append(
            Command(
                f"Jump to place: {place.name}",
                partial(actions.select_referent, place.id),
                f"{place.kind}, {len(place.mentions)} mentions",
            )
        )
    for quote in quotes:
        commands.append(
            Command(
                quote_title(quote),
                partial(actions.jump_to, quote.content.start, quote.content.end),
                quote_help(quote),
            )
        )
    return commands


def quote_title(quote: Quote) -> str:
    """ "Jump to quote: ? Zarif — the first 60 characters…" (the mark only for a doubtful one)."""
    speaker = quote.speaker_name or (quote.speaker.text if quote.speaker else "unattributed")
    words = quote.shown
    doubt = f"{DOUBTFUL_MARK} " if is_doubtful(quote) else ""
    return f"Jump to quote: {doubt}{speaker} — {words[:60]}{'…' if len(words) > 60 else ''}"


def quote_help(quote: Quote) -> str:
    cue = f", {' '.join(quote.cue.text.split())}" if quote.cue else ""
    act = "" if quote.is_speech else f", {quote.act}"
    doubt = f" (doubtful, {quote.confidence:.2f})" if is_doubtful(quote) else ""
    return f"{quote.kind} quote{act}{cue}{doubt}"
