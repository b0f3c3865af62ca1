"""Checking a `[keymap]`: every remap must be one the app can honour, or the user hears why at once.

A key does nothing useful when two bindings want it and one always wins: two bindings of one screen or
widget, or a screen's (or the app's) binding and a binding of the widget that has the focus there,
which Textual asks first. `reader config` refuses such a keymap with one line; the app, which must
start all the same, shows the same line as a notice. Only clashes a remap makes are reported: the
layered defaults (Escape closing the search, then the panel, then the article) are by design.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.widgets import Button, Input, OptionList

from reader.errors import ReaderError


@dataclass(frozen=True)
class Focused:
    """A widget that can hold the focus on a screen, with the widgets around it whose keys also apply
    (innermost first), and how a message names it."""

    chain: tuple[type[DOMNode], ...]
    name: str


def focus_chains() -> dict[type[DOMNode], tuple[Focused, ...]]:
    """Per screen, every widget the focus can rest on (the article text, a panel list, a filter box...)."""
    from reader.ui.screens.actor_card import ActorCard
    from reader.ui.screens.article import ArticleScreen
    from reader.ui.screens.help import HelpScreen
    from reader.ui.screens.library import LibraryScreen
    from reader.ui.widgets.article_view import ArticleView
    from reader.ui.widgets.contents import ContentsList, ContentsPane
    from reader.ui.widgets.find_bar import FindBar
    from reader.ui.widgets.side_panel import EventList, QuoteTree, ReferentList, SidePanel
    from reader.ui.widgets.type_filter import FilterInput

    return {
        ArticleScreen: (
            Focused((ArticleView,), "the article text"),
            Focused((ReferentList, SidePanel), "an actors or places list"),
            Focused((EventList, SidePanel), "the events list"),
            Focused((QuoteTree, SidePanel), "the quotes list"),
            Focused((FilterInput, SidePanel), "a panel's filter box"),
            Focused((ContentsList, ContentsPane), "the contents list"),
            Focused((FilterInput, ContentsPane), "the contents filter box"),
            Focused((Input, FindBar), "the search box"),
        ),
        LibraryScreen: (Focused((OptionList,), "the library list"),),
        HelpScreen: (Focused((VerticalScroll,), "the help text"),),
        ActorCard: (Focused((Button,), "the card's button"),),
    }


def _split(keys: str) -> list[str]:
    return [key.strip() for key in keys.split(",") if key.strip()]


def _bindings(owner: type[DOMNode], own_only: bool) -> Iterable[Binding]:
    """A class's bindings: its own, or also those it inherits (a list's arrows, the text's scrolling).

    A text field's inherited keys (Home, arrows, editing) are its own business while one types, so
    only its own bindings count.
    """
    if own_only:
        return (binding for binding in owner.BINDINGS if isinstance(binding, Binding))
    merged = owner._merge_bindings()
    return (binding for bindings in merged.key_to_bindings.values() for binding in bindings)


def keys_of(
    owners: Iterable[type[DOMNode]], keymap: dict[str, str]
) -> dict[str, tuple[Binding, type[DOMNode]]]:
    """Each key the `owners` answer to with the remaps applied, the first owner's binding winning."""
    taken: dict[str, tuple[Binding, type[DOMNode]]] = {}
    for owner in owners:
        own_only = issubclass(owner, Input)
        for binding in _bindings(owner, own_only):
            keys = _split(keymap[binding.id]) if binding.id in keymap else _split(binding.key)
            for key in keys:
                taken.setdefault(key, (binding, owner))
    return taken


def _name(binding: Binding) -> str:
    return binding.id or binding.action


def _default_keys_by_owner(owners: Iterable[type[DOMNode]]) -> dict[str, dict[str, list[str]]]:
    """Each screen's and widget's binding ids with their default keys."""
    defaults: dict[str, dict[str, list[str]]] = {}
    for owner in owners:
        for binding in owner.BINDINGS:
            if isinstance(binding, Binding) and binding.id:
                defaults.setdefault(owner.__name__, {})[binding.id] = _split(binding.key)
    return defaults


def check_keymap(keymap: dict[str, str], source: object, classes: tuple[type[DOMNode], ...]) -> None:
    """Refuse a `[keymap]` the app could not honour: an id no binding has, or one key for two bindings.

    `classes` are those whose bindings a keymap can name, the app's class first.

    Two bindings clash only when one screen or widget owns both: the same key may close help and a card.
    A remapped key also clashes with a binding of the same screen that keeps its default key (`n` for
    `next-quote` while `next` is still `n`), and with a key the widget that has the focus takes first
    (`quit = "j"` while the article text scrolls with `j`): one of the two would never fire.
    """
    if not keymap:
        return
    defaults = _default_keys_by_owner(classes)
    owners: dict[str, set[str]] = {}
    for owner, bindings in defaults.items():
        for binding in bindings:
            owners.setdefault(binding, set()).add(owner)
    for binding in keymap:
        if binding not in owners:
            import difflib  # only for a misspelt id

            close = difflib.get_close_matches(binding, list(owners), n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'? " if close else ""
            raise ReaderError(
                f"{source}: 'keymap.{binding}' is not a binding id ({hint}'reader' shows the ids under ?)"
            )
    _refuse_shared_keys(keymap, owners, source)
    _refuse_keys_taken_by_defaults(keymap, defaults, source)
    check_focus_clash(keymap, source, classes[0])


def _refuse_shared_keys(keymap: dict[str, str], owners: dict[str, set[str]], source: object) -> None:
    claimed: dict[tuple[str, str], str] = {}
    for binding, keys in keymap.items():
        for key in keys.split(","):
            for owner in sorted(owners[binding]):
                other = claimed.setdefault((owner, key), binding)
                if other != binding:
                    raise ReaderError(
                        f"{source}: 'keymap.{other}' and 'keymap.{binding}' both use the key '{key}'"
                    )


def _refuse_keys_taken_by_defaults(
    keymap: dict[str, str], defaults: dict[str, dict[str, list[str]]], source: object
) -> None:
    for owner in sorted(defaults):
        bindings = defaults[owner]
        kept = {key: binding for binding, keys in bindings.items() if binding not in keymap for key in keys}
        for binding, keys in keymap.items():
            if binding not in bindings:
                continue
            for key in keys.split(","):
                if key in kept:
                    raise ReaderError(
                        f"{source}: 'keymap.{binding}' uses the key '{key}', which '{kept[key]}' "
                        f"still has (remap '{kept[key]}' too)"
                    )


def focus_clash(keymap: dict[str, str], app: type[DOMNode]) -> str | None:
    """The first key a remap makes useless because the focused widget takes it first, as one line; None
    when there is none. `app` is the app's class (its keys apply on every screen)."""
    app_keys = keys_of([app], keymap)
    for screen, focusable in focus_chains().items():
        above = {**app_keys, **keys_of([screen], keymap)}  # the screen's binding before the app's
        for focused in focusable:
            for key, (binding, _owner) in keys_of(focused.chain, keymap).items():
                if key not in above:
                    continue
                hidden = above[key][0]
                if hidden.priority or _name(hidden) == _name(binding):
                    continue
                if hidden.id in keymap:
                    return (
                        f"'keymap.{hidden.id}' uses the key '{key}', which {focused.name} takes for "
                        f"'{_name(binding)}' while it has the focus (remap one of the two)"
                    )
                if binding.id in keymap:
                    return (
                        f"'keymap.{binding.id}' uses the key '{key}', which '{_name(hidden)}' has: "
                        f"{focused.name} would take it while it has the focus (remap one of the two)"
                    )
    return None


def check_focus_clash(keymap: dict[str, str], source: object, app: type[DOMNode]) -> None:
    """Raise one ReaderError naming both bindings when a remap clashes with a focused widget's key."""
    problem = focus_clash(keymap, app)
    if problem:
        raise ReaderError(f"{source}: {problem}")
