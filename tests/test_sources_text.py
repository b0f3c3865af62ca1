"""The pure helpers of reader.sources: footer detection, terminal safety, headlines, decoding."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.errors import ReaderError
from reader.sources.boilerplate import find_body_end
from reader.sources.decode import decode_bytes, sniff_binary
from reader.sources.text import (
    find_byline,
    find_date,
    first_line_title,
    normalize_newlines,
    sanitize_for_terminal,
    unwrap_hard_wrapped,
)

STORY = "Harbour plan approved\n\nThe council voted 7-2 on Tuesday.\n\nThe mayor said it was a good day."

# --- find_body_end ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "footer",
    [
        "Leave a Reply\n\nYour email address will not be published.\n\nPin It on Pinterest",
        "Leave a Reply Cancel reply\nYour email address will not be published. Required fields are marked *\n"
        "Comment\nName *\nEmail *\nWebsite\n"
        "Save my name, email, and website in this browser for the next time I comment.\nPost Comment",
        "Share this:\nClick to share on Twitter (Opens in new window)\n"
        "Click to share on Facebook (Opens in new window)\n\nLike this:\nLike Loading...\n\nRelated",
        "Share this article\nFacebook\nTwitter\nEmail\n1.2k shares",
        "\u00a9 2024 The Coastal Herald. All rights reserved.",
        "Copyright 2020 The Associated Press. All rights reserved. This material may not be published, "
        "broadcast, rewritten or redistributed.",
        "This website uses cookies to improve your experience. Accept Read More",
        "Related\nCouncil votes on budget\nMayor resigns after scandal",
        "Tags: council, harbour, budget\n\nSubscribe to our newsletter",
        "Advertisement\n\nSign up for our newsletter\n\nPrivacy Policy\nTerms of Use",
    ],
)
def test_footers_are_found(footer: str) -> None:
    text = STORY + "\n\n" + footer + "\n"
    assert find_body_end(text) == len(STORY) + 2


@pytest.mark.parametrize(
    "text",
    [
        STORY,
        STORY + "\n\nRelated coverage of the vote appears in Thursday's paper, the editor said.",
        STORY + "\n\nShe said she would share the plan with residents.",
        "Leave a Reply\n\nPin It on Pinterest",  # nothing but footer: no body to keep
        "",
        "\n\n\n",
    ],
)
def test_no_footer(text: str) -> None:
    assert find_body_end(text) is None


def test_only_the_footer_block_at_the_end_counts() -> None:
    text = "Share this:\n\nThe council voted on Tuesday.\n\nThe mayor spoke at length about it afterwards."
    assert find_body_end(text) is None


def test_debris_above_the_first_footer_line_stays_in_the_body() -> None:
    text = STORY + "\n\nReuters\n\nLeave a Reply\nFacebook"
    assert text[find_body_end(text) :] == "Leave a Reply\nFacebook"


@given(st.text(max_size=400))
def test_body_end_is_a_line_start_inside_the_text(text: str) -> None:
    end = find_body_end(text)
    if end is not None:
        assert 0 < end < len(text) and text[end - 1] == "\n" and text[:end].strip()


# --- sanitize_for_terminal --------------------------------------------------------------------------


def test_escape_sequences_become_visible() -> None:
    assert sanitize_for_terminal("a\x1b[2Jb") == "a\u241b[2Jb"
    assert sanitize_for_terminal("bell\x07") == "bell\u2407"
    assert sanitize_for_terminal("csi\x9b1m") == "csi\ufffd1m"
    assert sanitize_for_terminal("del\x7f") == "del\u2421"
    assert sanitize_for_terminal("tab\tnew\nline") == "tab\tnew\nline"
    assert sanitize_for_terminal("page\x0cbreak\u2028sep") == "page\nbreak\nsep"


@given(st.text())
def test_sanitize_keeps_length_and_removes_every_control(text: str) -> None:
    clean = sanitize_for_terminal(text)
    assert len(clean) == len(text)
    assert all(ch in "\t\n" or not (ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F) for ch in clean)
    assert sanitize_for_terminal(clean) == clean


def test_normalize_newlines() -> None:
    assert normalize_newlines("a\r\nb\rc\n") == "a\nb\nc\n"
    assert normalize_newlines("plain") == "plain"


# --- first_line_title -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (STORY, "Harbour plan approved"),
        ("\n\n  Storm hits coast  \n\nText follows here.", "Storm hits coast"),
        ("Is this the end of the euro?\n\nBody text.", "Is this the end of the euro?"),
        ("The council voted, officials said.\n\nBody.", None),
        ("Only one line", None),
        ("- a bullet point\n\nBody", None),
        ("Dear Sir\nI write to complain\n\nBody", None),
        ("Word\n\nBody text", None),
        ("x " * 40 + "\n\nBody", None),
    ],
)
def test_first_line_title(text: str, title: str | None) -> None:
    assert first_line_title(text) == title


# --- decoding ---------------------------------------------------------------------------------------


def test_sniff_binary_leaves_text_alone() -> None:
    assert sniff_binary(b"MZ is a short name for a town") is None
    assert sniff_binary("Caf\u00e9".encode()) is None
    assert sniff_binary(b"RIFF\x00\x00\x00\x00WEBPVP8 ") == "a WebP image"
    assert sniff_binary(b"\x00" * 257 + b"ustar\x0000") == "a tar archive"


def test_declared_and_meta_charsets() -> None:
    data = "Ren\u00e9e said \u201cno\u201d".encode("cp1252")
    assert decode_bytes(data, "x", declared="windows-1252") == "Ren\u00e9e said \u201cno\u201d"
    page = b'<html><head><meta charset="windows-1252"></head><body>' + data + b"</body></html>"
    assert "Ren\u00e9e" in decode_bytes(page, "x", html=True)


def test_utf8_wins_over_a_wrong_declared_charset() -> None:
    data = "Ren\u00e9e".encode()
    assert decode_bytes(data, "x", declared="iso-8859-1") == "Ren\u00e9e"


def test_binary_error_names_the_source() -> None:
    with pytest.raises(ReaderError, match=r"^story\.txt looks like a PDF document, not an article$"):
        decode_bytes(b"%PDF-1.4 rest", "story.txt")


@pytest.mark.parametrize(
    ("text", "byline"),
    [
        ("Headline\n\nBy Jane Doe\n\nBody.", "Jane Doe"),
        ("Headline\nBy Harriet Collins, Midlands Correspondent\nTuesday", "Harriet Collins"),
        ("Headline\n\nBy Ana de la Cruz and Tom Li \u00b7 5 May\n\nBody", "Ana de la Cruz and Tom Li"),
        ("Headline\n\n**By Lena Hoffmann** \u00b7 Zurich", "Lena Hoffmann"),
        ("Headline\n\nBy the time the ferry came, it was dark.\n\nBody", None),
        ("Headline\n\nBy Sunday, the council had voted to close it.", None),
        ("Byron Bay floods\n\nBody text", None),
    ],
)
def test_find_byline(text: str, byline: str | None) -> None:
    assert find_byline(text) == byline


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Headline\n\nBy Jane Doe | Long read | 14 March 2024\n\nBody.", "14 March 2024"),
        ("Headline\n\nOctober 3, 2024\n\nBody", "October 3, 2024"),
        ("Headline\nTuesday 4 February 2025\n", "4 February 2025"),
        ("Headline\n\nPosted 2024-06-02 by the desk\n", "2024-06-02"),
        ("Headline\n\nNo date here at all.\n", None),
        ("Headline\n\n" + "A long first paragraph that mentions 4 May 2021 in passing. " * 3, None),
    ],
)
def test_find_date(text: str, date: str | None) -> None:
    assert find_date(text) == date


@pytest.mark.parametrize(
    "footer",
    ["Comments are closed.", "Continue reading", "Our Standards: The Thomson Reuters Trust Principles."],
)
def test_more_footer_lines(footer: str) -> None:
    assert find_body_end(STORY + "\n\n" + footer) == len(STORY) + 2


WRAPPED_PARAGRAPH = (
    "The council voted 7-2 on Tuesday to approve the harbour plan, ending a two-year\n"
    "dispute over the waterfront that had divided the town and its fishermen for a\n"
    "generation, officials said after the meeting."
)


def test_hard_wrapped_paragraphs_are_joined() -> None:
    text = "\n\n".join([WRAPPED_PARAGRAPH] * 3)
    joined = unwrap_hard_wrapped(text)
    assert len(joined) == len(text)
    assert joined == "\n\n".join([WRAPPED_PARAGRAPH.replace("\n", " ")] * 3)


def test_lists_turns_and_short_lines_keep_their_breaks() -> None:
    text = "\n\n".join([WRAPPED_PARAGRAPH] * 3) + (
        "\n\nThe plan covers the following items and costs, as listed by the council\n"
        "- the new pier\n- the sea wall\n\nQ: Will it be built on time, and who pays if the costs overrun?\n"
        "PARK: We expect it to be, and the county has agreed to cover any overrun in full.\n\n"
        "Roses are red\nViolets are blue"
    )
    joined = unwrap_hard_wrapped(text)
    tail = joined[joined.index("The plan covers") :]
    assert "council\n- the new pier\n- the sea wall" in tail
    assert "overrun?\nPARK:" in tail
    assert "Roses are red\nViolets are blue" in tail


@pytest.mark.parametrize(
    "text", [STORY, "one\ntwo\nthree\nfour\nfive\nsix\nseven", "x" * 300 + "\n" + "y" * 300]
)
def test_texts_that_are_not_hard_wrapped_are_untouched(text: str) -> None:
    assert unwrap_hard_wrapped(text) == text


def test_samples_are_untouched() -> None:
    from pathlib import Path

    for path in (Path(__file__).resolve().parent.parent / "sample_articles").glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        assert unwrap_hard_wrapped(text) == text, path.name


@given(st.text(alphabet=st.sampled_from("ab \n-:Q"), max_size=600))
def test_unwrap_only_turns_line_breaks_into_spaces(text: str) -> None:
    joined = unwrap_hard_wrapped(text)
    assert len(joined) == len(text)
    assert all(a == b or (a == "\n" and b == " ") for a, b in zip(text, joined, strict=True))
