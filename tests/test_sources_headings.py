"""Headings as data: each source says where its headings are, at offsets into the loaded text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.article import Article, Heading
from reader.sources import load_article
from reader.sources.headings import heading_level, join_blocks, settle, title_heading
from reader.sources.html_plain import plain_blocks_of

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_articles"

PARAGRAPH = "The council met on Tuesday and voted to approve the new tram line after a long debate."


def load(tmp_path: Path, name: str, text: str) -> Article:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_article(str(path))


def outline(article: Article) -> list[tuple[int, str]]:
    """(level, words) of each heading, after checking that its offsets index the text exactly."""
    for heading in article.headings:
        assert article.text[heading.start : heading.end] == heading.text
    return [(h.level, h.text) for h in article.headings]


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("# Title here\n\nText.\n\n## Part one\n\nMore.", [(1, "Title here"), (2, "Part one")]),
        ("# T\n\n### Deep\n\n#### Deeper still\n\nText.", [(1, "T"), (3, "Deep")]),
        ("Title line\n==========\n\nText.\n\nPart\n----\n\nMore.", [(1, "Title line"), (2, "Part")]),
        (
            "---\ntitle: From the front matter\n---\n\n## Section\n\nText.",
            [(1, "From the front matter"), (2, "Section")],
        ),
        ("Just a paragraph.\n\nAnd another one.", []),
        ("## *Emphasis* and `code` in a heading\n\nText.", [(2, "Emphasis and code in a heading")]),
        ("- a list item\n- another\n\n## After the list\n\nText.", [(2, "After the list")]),
        ("> ## Inside a block quote\n>\n> Quoted text.", [(2, "Inside a block quote")]),
        ("##\n\nAn empty heading is no heading.", []),
    ],
    ids=[
        "atx",
        "depth",
        "setext",
        "front-matter",
        "none",
        "inline-marks",
        "after-list",
        "blockquote",
        "empty",
    ],
)
def test_markdown_headings(tmp_path: Path, markdown: str, expected: list[tuple[int, str]]) -> None:
    assert outline(load(tmp_path, "story.md", markdown)) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            f"<h1>Tram line approved</h1><p>{PARAGRAPH}</p><h2>Years of disruption</h2><p>{PARAGRAPH}</p>"
            f"<h3>What the traders say</h3><p>{PARAGRAPH}</p><h4>Read more</h4><p>{PARAGRAPH}</p>",
            [(1, "Tram line approved"), (2, "Years of disruption"), (3, "What the traders say")],
        ),
        (f"<p>{PARAGRAPH}</p><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p>", [(1, "A page title")]),
    ],
    ids=["h1-h3", "title-only"],
)
def test_html_headings(tmp_path: Path, body: str, expected: list[tuple[int, str]]) -> None:
    head = "<!doctype html><html><head><title>A page title</title></head>"
    page = f"{head}<body><article>{body}</article></body></html>"
    assert outline(load(tmp_path, "page.html", page)) == expected


def test_the_saved_page_sample_lists_its_headline_and_sections() -> None:
    article = load_article(str(SAMPLES / "tram-extension-saved-page.html"))
    assert outline(article) == [
        (1, "Tram extension to Eastfield approved after marathon council debate"),
        (2, "'Years of disruption'"),
        (2, "Passenger numbers"),
    ]


def test_the_markdown_sample_lists_its_sections() -> None:
    article = load_article(str(SAMPLES / "night-trains-return-markdown.md"))
    assert [text for _level, text in outline(article)] == [
        "Night trains return to the Alps as sleeper routes boom",
        "What is new",
        "Doubts about the numbers",
        "On board",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f"Ministers agree a new deal on tram funding\n\n{PARAGRAPH}",
            [(1, "Ministers agree a new deal on tram funding")],
        ),
        (f"\n\n  Leading blank lines are trimmed\n\n{PARAGRAPH}", [(1, "Leading blank lines are trimmed")]),
        (f"{PARAGRAPH}\n\n{PARAGRAPH}", []),
    ],
    ids=["title-line", "trimmed", "no-title"],
)
def test_plain_text_title_line_is_its_heading(
    tmp_path: Path, text: str, expected: list[tuple[int, str]]
) -> None:
    assert outline(load(tmp_path, "story.txt", text)) == expected


def test_plain_fallback_reader_keeps_h1_to_h3() -> None:
    """The forgiving parser (used when the extractor gives up) marks h1-h3 paragraphs, in order."""
    html = (
        "<h1>Top</h1><p>Words.</p><h2>  Split\n  heading </h2><p>Top</p><h3></h3><h5>Five</h5>"
        "<nav><h2>Menu</h2></nav><h2>Last</h2>"
    )
    blocks, _title = plain_blocks_of(html)
    assert blocks == [("Top", 1), ("Words.", 0), ("Split heading", 2), ("Top", 0), ("Five", 0), ("Last", 2)]


def test_headings_in_trailing_boilerplate_are_left_out(tmp_path: Path) -> None:
    reply = "## Leave a Reply\n\nYour email address will not be published."
    text = f"# Story\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n\n{reply}"
    article = load(tmp_path, "story.md", text)
    assert article.body_end is not None
    assert outline(article) == [(1, "Story")]


@pytest.mark.parametrize(
    ("tag", "level"),
    [
        ("h1", 1),
        ("h2", 2),
        ("H3", 3),
        ("h4", 0),
        ("h6", 0),
        ("h0", 0),
        ("p", 0),
        ("head", 0),
        (None, 0),
        ("hx", 0),
    ],
)
def test_heading_level(tag: str | None, level: int) -> None:
    assert heading_level(tag) == level


def test_join_blocks_places_each_heading() -> None:
    text, headings = join_blocks([("Title", 1), ("Body text.", 0), ("Part", 2), ("Deep", 4)])
    assert text == "Title\n\nBody text.\n\nPart\n\nDeep"
    assert headings == [Heading(1, 0, 5, "Title"), Heading(2, 19, 23, "Part")]


def test_settle_moves_checks_and_drops() -> None:
    text = "Head\nline\n\nbody"
    moved = settle([Heading(1, 2, 11, "x"), Heading(2, 20, 30, "y"), Heading(2, 12, 12, "z")], text, shift=2)
    assert moved == [Heading(1, 0, 9, "Head line")]
    assert title_heading("  Title\n\nbody", "Title") == [Heading(1, 2, 7, "Title")]
    assert title_heading("Other\n\nbody", "Title") == []


@pytest.mark.parametrize(
    ("source", "shown"),
    [
        ("# [bold]x[/] and [red]y\n\nText.", "[bold]x[/] and [red]y"),
        ("# Danger \x1b[31m red \x1b]0;title\x07 end\n\nText.", None),
    ],
    ids=["markup", "escapes"],
)
def test_hostile_heading_text_is_kept_literally_and_safe(
    tmp_path: Path, source: str, shown: str | None
) -> None:
    (heading,) = load(tmp_path, "story.md", source).headings
    assert "\x1b" not in heading.text and "\x07" not in heading.text
    if shown is not None:
        assert heading.text == shown


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.text(min_size=1, max_size=30), st.integers(min_value=0, max_value=6)),
        min_size=1,
        max_size=8,
    )
)
def test_any_markdown_headings_index_the_loaded_text(parts: list[tuple[str, int]]) -> None:
    """Whatever the heading words (markup, escapes, stray marks), every heading indexes the text exactly."""
    import tempfile

    source = "\n\n".join(("#" * level + " " if level else "") + words for words, level in parts)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "story.md"
        path.write_text(source + f"\n\n{PARAGRAPH}", encoding="utf-8")
        try:
            article = load_article(str(path))
        except Exception as error:  # only a clean ReaderError is acceptable
            from reader.errors import ReaderError

            assert isinstance(error, ReaderError)
            return
    for heading in article.headings:
        assert 1 <= heading.level <= 3
        assert article.text[heading.start : heading.end].split() == heading.text.split()
        assert not any(ord(c) < 0x20 or ord(c) == 0x7F for c in heading.text)
