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
