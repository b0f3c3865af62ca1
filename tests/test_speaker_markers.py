"""Where the "— Speaker" marker of a quote goes: after its last line, else below its paragraph."""

from __future__ import annotations

import pytest

from reader.analysis.model import Quote, Span
from reader.ui.layout import wrap
from reader.ui.widgets.highlights import place_markers

TEXT = (
    "The council said it would set up a fund for shops affected by the works, and that no road "
    "would be closed for long.\n\nNext paragraph."
)


def _quote(fragment: str, text: str = TEXT) -> Quote:
    start = text.index(fragment)
    content = Span(start, start + len(fragment), fragment)
    return Quote("indirect", content, Span(4, 11, "council"), None, Span(12, 16, "said"), 0.9)


@pytest.mark.parametrize(
    ("width", "inline"),
    [
        (200, True),  # room after the last line: the marker follows the quote
        (40, False),  # the quote ends mid-paragraph on a full line: below the paragraph, not lost
    ],
)
def test_marker_after_the_quote_or_below_its_paragraph(width: int, inline: bool) -> None:
    layout = wrap(TEXT, width)
    markers = place_markers(
        [(0, _quote("it would set up a fund for shops affected by the works"))], layout, width
    )
    assert [m.label for m in markers.values()] == ["— council"]
    (line, marker) = next(iter(markers.items()))
    assert marker.inline is inline
    if not inline:
        assert layout.starts[line] == layout.ends[line]  # the blank line after the paragraph
        assert layout.line_text(line - 1).endswith("long.")


def test_one_marker_when_the_paragraph_ends_with_the_same_speaker() -> None:
    text = "The council said it would set up a fund for shops affected by the roadworks, and that roads stay"
    text += " open."
    layout = wrap(text + "\n\nNext paragraph.", 40)
    shown = [
        (0, _quote("a fund for shops affected by the roadworks", text)),
        (1, _quote("roads stay open", text)),
    ]
    markers = place_markers(shown, layout, 40)
    assert [(line, m.label, m.inline) for line, m in markers.items()] == [(2, "— council", True)]


def _said(text: str, fragment: str, speaker: str) -> Quote:
    """A quote of `fragment` whose speaker is the first `speaker` in `text`."""
    start, at = text.index(fragment), text.index(speaker)
    content = Span(start, start + len(fragment), fragment)
    return Quote("direct", content, Span(at, at + len(speaker), speaker), None, None, 0.9)


def _placed(text: str, quotes: list[Quote], width: int, room: int) -> list[tuple[str, str, bool]]:
    """Each marker as (the text of its line, its label, inline), top to bottom."""
    layout = wrap(text, width)
    markers = place_markers(list(enumerate(quotes)), layout, room)
    return [(layout.line_text(line), m.label, m.inline) for line, m in sorted(markers.items())]


# A quote ends mid-line and the next speaker's quote starts on the same line.
TWO_VOICES = 'The mayor said the bridge was safe. "We saw the cracks," an engineer said.\n\nNext.'
# One speaker's words interrupted by the attribution, found as two quotes on lines in a row.
INTERRUPTED = '"We saw it," Castillo told the panel, "and we logged it every single time."\n\nNext.'


@pytest.mark.parametrize(
    ("text", "quotes", "expected"),
    [
        (
            TWO_VOICES,
            [("the bridge was safe", "mayor"), ('"We saw the cracks,"', "engineer")],
            [
                ('saw the cracks," an engineer said.', "— engineer", True),
                ("", "— mayor", False),  # not after the engineer's words: below the paragraph
            ],
        ),
        (
            INTERRUPTED,
            [('"We saw it,"', "Castillo"), ('"and we logged it every single time."', "Castillo")],
            [('"and we logged it every single time."', "— Castillo", True)],  # named once, at the end
        ),
    ],
    ids=["never-after-another-quote", "interrupted-named-once"],
)
def test_a_marker_ends_its_quote_and_is_not_repeated(
    text: str, quotes: list[tuple[str, str]], expected: list[tuple[str, str, bool]]
) -> None:
    shown = [_said(text, fragment, speaker) for fragment, speaker in quotes]
    assert _placed(text, shown, 40, 60) == expected


# Two speakers' quotes end mid-paragraph, on lines where neither marker can follow.
SHARED_BLANK = (
    'The mayor said the bridge was safe while an engineer said "the cracks are old" and left.\n\nNext.'
)


@pytest.mark.parametrize(
    ("room", "label"),
    [
        (20, "— mayor  — engineer"),  # both, in the order they speak
        (14, "— may…  — eng…"),  # too narrow for both: each cut short, neither dropped
    ],
    ids=["both-fit", "both-cut"],
)
def test_speakers_sharing_the_blank_line_below_a_paragraph_are_all_named(room: int, label: str) -> None:
    shown = [
        _said(SHARED_BLANK, "the bridge was safe", "mayor"),
        _said(SHARED_BLANK, '"the cracks are old"', "engineer"),
    ]
    assert _placed(SHARED_BLANK, shown, 20, room) == [("", label, False)]
