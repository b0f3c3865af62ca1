"""A one-line sample of a theme: a word per highlight role, in its style on the theme's page colour."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.settings.themes.model import ReaderTheme

if TYPE_CHECKING:
    from rich.text import Text

# The roles shown in the preview line, with the word that stands for each.
PREVIEW_WORDS = (
    ("person", "Person"),
    ("organisation", "Organisation"),
    ("group", "Group"),
    ("place", "Place"),
    ("date", "Date"),
    ("event", "Event"),
    ("quote", "\u201cQuote\u201d"),
    ("speaker", "Speaker"),
    ("match", "Match"),
)


def preview_line(theme: ReaderTheme, no_color: bool) -> Text:
    """One line of sample words, each in its highlight style on the theme's background."""
    from rich.text import Text

    page = "" if no_color else f" on {theme.palette['background'].removeprefix('ansi_')}"
    line = Text("    ")
    line.append(" ", style=page.strip())
    for role, word in PREVIEW_WORDS:
        line.append(word, style=theme.styles[role] + page)
        line.append(" ", style=page.strip())
    return line
