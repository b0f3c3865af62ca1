"""Finding the quote a test is about by its words, one way for every quote test."""

from __future__ import annotations

from collections.abc import Sequence

from reader.analysis.model import Analysis, Quote


def quote_with(found: Analysis | Sequence[Quote], words: str, *, at_start: bool = False) -> Quote:
    """The quote whose text holds `words` (opens with them when `at_start`); the shortest of
    several, since a longer one holding the same words is a neighbour that took them in as well.
    Fails with the quotes found (and their speakers), so a table row that breaks says why."""
    quotes = found.quotes if isinstance(found, Analysis) else found
    matches = [
        q for q in quotes if (q.content.text.startswith(words) if at_start else words in q.content.text)
    ]
    assert matches, f"no quote holds {words!r}: {[(q.content.text, q.speaker_name) for q in quotes]}"
    return min(matches, key=lambda q: len(q.content.text))
