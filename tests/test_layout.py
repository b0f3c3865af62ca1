"""Wrapping and offset mapping of the article view's layout (pure, no Textual)."""

from __future__ import annotations

import random

from reader.ui.layout import IntervalIndex, column_to_cells, wrap


def test_lines_fit_the_width_and_keep_every_word(seed_text: str) -> None:
    for width in (20, 45, 80, 200):
        layout = wrap(seed_text, width)
        for index in range(len(layout)):
            assert len(layout.line_text(index)) <= width or " " not in layout.line_text(index)
        shown = " ".join(layout.line_text(i) for i in range(len(layout))).split()
        assert shown == seed_text.split()


def test_paragraphs_are_separated_by_one_blank_line() -> None:
    layout = wrap("First paragraph.\n\n\n\nSecond one.\nStill second? No.", 80)
    texts = [layout.line_text(i) for i in range(len(layout))]
    assert texts == ["First paragraph.", "", "Second one.", "Still second? No."]


def test_hard_wrapped_lines_are_reflowed_but_lists_are_not() -> None:
    text = (
        "This paragraph was hard wrapped at a fixed width by the\n"
        "program that wrote it, so its lines should flow together\n"
        "again.\n\n- one\n- two\n"
    )
    texts = [wrap(text, 200).line_text(i) for i in range(len(wrap(text, 200)))]
    assert texts[0].startswith("This paragraph") and texts[0].endswith("again.")
    assert texts[-2:] == ["- one", "- two"]


def test_overlong_words_are_split() -> None:
    layout = wrap("see https://example.com/" + "x" * 50 + " now", 20)
    assert all(len(layout.line_text(i)) <= 20 for i in range(len(layout)))
    assert "".join(layout.line_text(i) for i in range(1, len(layout) - 1)).startswith("https://")


def test_offsets_round_trip(seed_text: str) -> None:
    layout = wrap(seed_text, 57)
    rng = random.Random(7)
    for offset in rng.sample(range(len(seed_text)), 300):
        line, column = layout.position(offset)
        if not seed_text[offset].isspace():
            assert layout.offset(line, column) == offset
            assert layout.line_text(line)[column] == seed_text[offset]


def test_wide_characters_count_as_two_cells() -> None:
    text = "日本語のテキスト " * 10
    layout = wrap(text, 20)
    assert all(
        column_to_cells(layout.line_text(i), len(layout.line_text(i))) <= 20 for i in range(len(layout))
    )
    assert column_to_cells("日本", 1) == 2


def test_interval_index_finds_nested_and_long_spans() -> None:
    spans = [(0, 100, "quote"), (10, 15, "a"), (20, 25, "b"), (90, 95, "c"), (200, 210, "d")]
    index = IntervalIndex(spans)
    assert [v for _s, _e, v in index.overlapping(50, 60)] == ["quote"]
    assert [v for _s, _e, v in index.overlapping(12, 22)] == ["quote", "a", "b"]
    assert [v for _s, _e, v in index.at(205)] == ["d"]
    assert index.overlapping(100, 200) == []
    rng = random.Random(3)
    many = [(s, s + rng.randint(1, 300), i) for i, s in enumerate(rng.sample(range(5000), 400))]
    index = IntervalIndex(many)
    for _ in range(200):
        start = rng.randint(0, 5200)
        end = start + rng.randint(1, 80)
        expected = sorted(item for item in many if item[0] < end and item[1] > start)
        assert sorted(index.overlapping(start, end)) == expected


def test_short_lines_are_not_joined_and_line_breaks_never_reach_the_screen() -> None:
    text = "By Harriet Collins, Midlands Correspondent\nTuesday 4 February 2025\n\nResidents said so."
    layout = wrap(text, 40)
    lines = [layout.line_text(i) for i in range(len(layout))]
    assert "Tuesday 4 February 2025" in lines
    assert all("\n" not in line for line in lines)


def test_hard_wrapped_lines_are_reflowed_with_spaces() -> None:
    first = "The council voted on Tuesday night to close the branch at the"
    text = f"{first}\nend of March, after a long campaign.\n"
    layout = wrap(text, 200)
    assert len(layout) == 1
    assert layout.line_text(0) == f"{first} end of March, after a long campaign."
