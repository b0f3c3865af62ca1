"""load_article on every kind of input the reader accepts, and on every kind it must refuse clearly."""

from __future__ import annotations

import io
import os
import random
import sys
from pathlib import Path

import pytest

from reader.errors import ReaderError
from reader.sources import DEFAULT_MAX_BYTES, load_article, stdin_is_piped

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_articles"
SEED = SAMPLES / "iran-missile-strikes.txt"

STORY = (
    "Harbour plan approved after two-year fight\n\n"
    "The council voted 7-2 on Tuesday to approve the harbour plan.\n\n"
    "\u201cThis is a good day for the town,\u201d said Mayor Ellen Park.\n"
)


def _one_line_error(source: str, **kwargs: object) -> str:
    with pytest.raises(ReaderError) as caught:
        load_article(source, **kwargs)  # type: ignore[arg-type]
    message = str(caught.value)
    assert "\n" not in message and message.strip() == message and message
    assert caught.value.exit_code == 2
    return message


# --- plain text -------------------------------------------------------------------------------------


def test_seed_article_loads_with_headline_and_footer() -> None:
    article = load_article(str(SEED))
    assert article.source == str(SEED)
    assert article.title is not None and article.title.startswith("Iranian leaders give mixed signals")
    assert article.body_end is not None
    tail = article.text[article.body_end :]
    assert tail.startswith("Leave a Reply") and "Pin It on Pinterest" in tail
    assert "Pinterest" not in article.body
    assert article.body.rstrip().endswith("opposition to the measure.")


def test_text_is_the_file_text_when_nothing_needs_fixing(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    article = load_article(str(path))
    assert article.text == STORY.rstrip()
    assert article.title == "Harbour plan approved after two-year fight"
    assert article.body_end is None


def test_first_line_is_not_a_title_when_it_is_a_sentence(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("The council voted on Tuesday to approve the plan, officials said.\n\nMore text here.\n")
    assert load_article(str(path)).title is None


def test_unknown_extension_that_is_text_opens(tmp_path: Path) -> None:
    path = tmp_path / "story.article"
    path.write_text(STORY, encoding="utf-8")
    assert load_article(str(path)).text.startswith("Harbour plan")
    noext = tmp_path / "README"
    noext.write_text(STORY, encoding="utf-8")
    assert load_article(str(noext)).title == "Harbour plan approved after two-year fight"


def test_crlf_and_cr_become_lf(tmp_path: Path) -> None:
    path = tmp_path / "dos.txt"
    path.write_bytes(STORY.replace("\n", "\r\n").encode("utf-8"))
    assert load_article(str(path)).text == STORY.rstrip()
    mac = tmp_path / "mac.txt"
    mac.write_bytes(STORY.replace("\n", "\r").encode("utf-8"))
    assert load_article(str(mac)).text == STORY.rstrip()


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("utf-8", b""),
        ("utf-8", b"\xef\xbb\xbf"),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("utf-32-le", b"\xff\xfe\x00\x00"),
    ],
)
def test_unicode_encodings_with_and_without_bom(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(prefix + STORY.encode(encoding))
    article = load_article(str(path))
    assert article.text == STORY.rstrip()
    assert not article.text.startswith("\ufeff")


def test_utf16_without_bom_is_recognised(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(STORY.encode("utf-16-le"))
    assert load_article(str(path)).text == STORY.rstrip()


LEGACY = (
    "Caf\u00e9 owners in Z\u00fcrich protest\n\n"
    "\u201cWe will not close,\u201d said Ren\u00e9e Dubois, who runs the Caf\u00e9 du Lac \u2013 a fixture "
    "on the quay since 1954. Her neighbour, Jos\u00e9 Peña, agreed: \u201cNobody asked us.\u201d\n"
)


def test_cp1252_text_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(LEGACY.encode("cp1252"))
    article = load_article(str(path))
    assert article.text == LEGACY.rstrip()


def test_latin1_text_is_detected(tmp_path: Path) -> None:
    plain = LEGACY.replace("\u201c", '"').replace("\u201d", '"').replace("\u2013", "-")
    path = tmp_path / "legacy.txt"
    path.write_bytes(plain.encode("latin-1"))
    assert load_article(str(path)).text == plain.rstrip()


def test_control_characters_become_visible_and_keep_offsets(tmp_path: Path) -> None:
    raw = "Headline of the day\n\nThe mayor\x1b[31m said\x07 no.\x1b]0;owned\x07 Done.\x9b\n"
    path = tmp_path / "escape.txt"
    path.write_bytes(raw.encode("utf-8"))
    text = load_article(str(path)).text
    assert len(text) == len(raw.rstrip())
    assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text
    assert "\u241b[31m" in text and "\u2407" in text


def test_five_megabyte_text_opens(tmp_path: Path) -> None:
    paragraph = "The council met again on Tuesday and the mayor said the plan would go ahead as agreed. " * 5
    body = "Big story\n\n" + "\n\n".join([paragraph] * (5 * 1024 * 1024 // len(paragraph) + 1))
    path = tmp_path / "big.txt"
    path.write_text(body, encoding="utf-8")
    assert path.stat().st_size > 5 * 1024 * 1024
    article = load_article(str(path))
    assert len(article.text) == len(body.rstrip())
    assert article.title == "Big story"


def test_too_large_is_refused_with_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000, encoding="utf-8")
    message = _one_line_error(str(path), max_bytes=1024)
    assert "too large" in message and "limit" in message
    assert DEFAULT_MAX_BYTES >= 20 * 1024 * 1024


# --- Markdown ---------------------------------------------------------------------------------------

MARKDOWN = """\
---
author: Ada Lane
date: 2024-05-01
---
# Storm *batters* the coast

The [weather service](https://example.org) said **winds** reached `120 km/h`
on the headland.

- Power cut to 4,000 homes
- Ferries *cancelled*

> "We have never seen anything like it," said harbour master Tom Reyes.

![a photo](storm.jpg)

## Clean-up

Crews began work on Sunday.
"""


def test_markdown_renders_to_clean_text(tmp_path: Path) -> None:
    path = tmp_path / "storm.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    article = load_article(str(path))
    assert article.title == "Storm batters the coast"
    assert article.byline == "Ada Lane" and article.date == "2024-05-01"
    assert article.text == (
        "Storm batters the coast\n\n"
        "The weather service said winds reached 120 km/h on the headland.\n\n"
        "\u2022 Power cut to 4,000 homes\n\u2022 Ferries cancelled\n\n"
        '"We have never seen anything like it," said harbour master Tom Reyes.\n\n'
        "Clean-up\n\n"
        "Crews began work on Sunday."
    )
    for markup in ("**", "](", "`", "# ", "> ", "---"):
        assert markup not in article.text


def test_markdown_ordered_and_nested_lists(tmp_path: Path) -> None:
    path = tmp_path / "list.markdown"
    path.write_text("Intro line here.\n\n1. First\n2. Second\n   - inner\n", encoding="utf-8")
    assert load_article(str(path)).text == "Intro line here.\n\n1. First\n2. Second\n  \u2022 inner"


# --- HTML -------------------------------------------------------------------------------------------


def test_saved_html_sample_drops_page_chrome() -> None:
    pages = sorted(SAMPLES.glob("*.htm*"))
    assert pages, "sample_articles/ should hold a saved web page"
    article = load_article(str(pages[0]))
    assert article.title and article.byline and article.date and article.site
    assert article.text.startswith(article.title)
    chrome_lines = ("Leave a Reply", "Pin It on Pinterest", "Subscribe", "All rights reserved", "Skip to")
    for chrome in chrome_lines:
        assert chrome not in article.text
    assert "\n\n" in article.text


def test_html_metadata_and_paragraphs(tmp_path: Path) -> None:
    html = """<!doctype html><html><head><meta charset="windows-1252"><title>Harbour plan approved</title>
    <meta name="author" content="Jane Doe"><meta property="article:published_time" content="2024-03-05">
    <meta property="og:site_name" content="The Coastal Herald"></head><body>
    <nav><a href="/">Home</a> <a href="/news">News</a></nav>
    <article><h1>Harbour plan approved</h1>
    <p>The council voted 7-2 on Tuesday to approve the plan, ending a two-year dispute over the front.</p>
    <p>\x93This is a good day for the town,\x94 said Mayor Ellen Park, who has backed it since 2021.</p>
    <p>Critics said the vote was rushed and that residents of the old quarter were never consulted.</p>
    </article><div class="comments"><h3>Leave a Reply</h3><p>Your email address will not be published.</p>
    </div><footer>\xa9 2024 The Coastal Herald. All rights reserved.</footer></body></html>"""
    path = tmp_path / "page.htm"
    path.write_bytes(html.encode("latin-1"))
    article = load_article(str(path))
    assert article.title == "Harbour plan approved"
    assert article.byline == "Jane Doe"
    assert article.date == "2024-03-05"
    assert article.site == "The Coastal Herald"
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0] == "Harbour plan approved"
    assert paragraphs[2].startswith("\u201cThis is a good day for the town,\u201d said Mayor Ellen Park")
    assert "Leave a Reply" not in article.text and "All rights reserved" not in article.text
    assert "Home" not in article.text


def test_html_in_a_text_file_is_extracted(tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    body = "<p>The mayor said the plan would go ahead despite the protests of the residents.</p>" * 3
    path.write_text(f"<!DOCTYPE html><html><head><title>Plan</title></head><body>{body}</body></html>")
    article = load_article(str(path))
    assert "<p>" not in article.text and "the plan would go ahead" in article.text


def test_html_without_article_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav></body></html>")
    assert "no article text" in _one_line_error(str(path))


# --- stdin ------------------------------------------------------------------------------------------


class _FakeStdin:
    def __init__(self, data: bytes, tty: bool = False) -> None:
        self.buffer = io.BytesIO(data)
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


def test_stdin_is_read_and_decoded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _FakeStdin(b"\xef\xbb\xbf" + STORY.replace("\n", "\r\n").encode()))
    assert stdin_is_piped()
    article = load_article("-")
    assert article.source == "-" and article.text == STORY.rstrip()
    assert article.title == "Harbour plan approved after two-year fight"


def test_stdin_tty_is_not_piped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _FakeStdin(b"", tty=True))
    assert not stdin_is_piped()
    monkeypatch.setattr(sys, "stdin", None)
    assert not stdin_is_piped()


def test_stdin_empty_and_oversized(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _FakeStdin(b"  \n\n "))
    assert "stdin is empty" in _one_line_error("-")
    monkeypatch.setattr(sys, "stdin", _FakeStdin(b"x" * 5000))
    assert "stdin is too large" in _one_line_error("-", max_bytes=1000)


# --- bad input --------------------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    message = _one_line_error(str(tmp_path / "nope.txt"))
    assert message.startswith("cannot open") and "no such file" in message


def test_directory(tmp_path: Path) -> None:
    assert "is a directory" in _one_line_error(str(tmp_path))


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(STORY)
    if os.geteuid() != 0:
        path.chmod(0)
    else:  # root reads anything; simulate the permission failure instead

        def refuse(self: Path, *args: object, **kwargs: object) -> None:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(Path, "open", refuse)
    assert "permission denied" in _one_line_error(str(path))


@pytest.mark.parametrize("content", [b"", b"   \n\t\n  \r\n"])
def test_empty_and_whitespace_only(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    assert "is empty" in _one_line_error(str(path))


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
        (b"GIF89a\x01\x00\x01\x00", "a GIF image"),
        (b"PK\x03\x04\x14\x00\x00\x00", "a ZIP archive"),
        (b"PK\x03\x04\x14\x00\x00\x00word/document.xml", "a Word document"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "a gzip archive"),
        (b"\x7fELF\x02\x01\x01\x00", "an executable program"),
    ],
)
def test_binary_files_say_what_they_look_like(tmp_path: Path, data: bytes, kind: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(data + bytes(range(256)))
    assert _one_line_error(str(path)) == f"{path} looks like {kind}, not an article"


def test_nul_bytes_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "data.txt"
    path.write_bytes(b"Some text\x00\x01\x02 with \x00 binary \xff\xfe\x00 inside" * 10)
    assert "NUL bytes" in _one_line_error(str(path))


def test_undecodable_bytes_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    noise = random.Random(5).randbytes(4000).replace(b"\x00", b"a")
    path.write_bytes(b"Not UTF-8: " + noise)
    message = _one_line_error(str(path))
    assert "cannot decode" in message or "binary" in message


def test_broken_utf16_after_bom_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    path.write_bytes(b"\xff\xfe" + "ok".encode("utf-16-le") + b"\x00\xd8")
    assert "cannot decode" in _one_line_error(str(path))


def test_unsupported_scheme_and_empty_name() -> None:
    assert "only http(s)" in _one_line_error("ftp://example.org/story.txt")
    assert "no article given" in _one_line_error("")


def test_file_url_opens_the_file(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY)
    assert load_article(path.as_uri()).title == "Harbour plan approved after two-year fight"


def test_control_characters_in_file_names_do_not_break_the_line(tmp_path: Path) -> None:
    message = _one_line_error(str(tmp_path / "evil\nname\x1b[2J.txt"))
    assert "\x1b" not in message


def test_size_limit_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY + "x" * 3000, encoding="utf-8")
    monkeypatch.setenv("READER_MAX_ARTICLE_MB", "0.001")
    assert "the limit is 1 KB" in _one_line_error(str(path))
    monkeypatch.setenv("READER_MAX_ARTICLE_MB", "lots")
    assert "READER_MAX_ARTICLE_MB must be a positive number" in _one_line_error(str(path))
    monkeypatch.setenv("READER_MAX_ARTICLE_MB", "1")
    assert load_article(str(path)).title == "Harbour plan approved after two-year fight"


def test_loading_plain_text_imports_no_heavy_library() -> None:
    """The app shows text at once: neither importing the loader nor opening a .txt pulls in extractors."""
    import subprocess

    code = (
        "import sys; from reader.sources import load_article; load_article(sys.argv[1]);"
        "heavy = {'trafilatura', 'charset_normalizer', 'markdown_it', 'lxml', 'spacy', 'textual'};"
        "print(sorted(heavy & {name.split('.')[0] for name in sys.modules}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(SEED)], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def _mhtml(html: str) -> bytes:
    """A page as browsers save it in one file: MIME multipart/related, HTML quoted-printable."""
    from email.mime.image import MIMEImage
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText

    message = MIMEMultipart("related")
    message["From"] = "<Saved by Blink>"
    message["Snapshot-Content-Location"] = "https://news.example/story"
    page = MIMEText(html, "html", "utf-8")
    page.replace_header("Content-Transfer-Encoding", "quoted-printable")
    import quopri

    page.set_payload(quopri.encodestring(html.encode("utf-8")).decode("ascii"))
    message.attach(page)
    message.attach(MIMEImage(b"GIF89a\x01\x00\x01\x00", "gif"))
    return message.as_bytes()


def test_single_file_web_archive_is_extracted(tmp_path: Path) -> None:
    paragraph = "<p>\u201cThe ferries will run again on Monday,\u201d said harbour master Tom Reyes, 54.</p>"
    html = (
        f"<html><head><title>Ferries resume</title></head><body><nav>Home</nav>{paragraph * 4}</body></html>"
    )
    for name in ("saved.mhtml", "saved.mht", "saved.txt"):
        path = tmp_path / name
        path.write_bytes(_mhtml(html))
        article = load_article(str(path))
        assert article.title == "Ferries resume"
        assert (
            "\u201cThe ferries will run again on Monday,\u201d said harbour master Tom Reyes" in article.text
        )
        assert "quoted-printable" not in article.text and "=E2=80" not in article.text


def test_short_article_gets_a_second_more_generous_extraction(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.sources import html as html_module

    calls: list[bool] = []
    real = html_module._extract

    def spy(*args: object, recall: bool) -> object:
        calls.append(recall)
        return real(*args, recall=recall)  # type: ignore[arg-type]

    monkeypatch.setattr(html_module, "_extract", spy)
    path = tmp_path / "brief.html"
    path.write_text(
        "<html><head><title>Brief</title></head><body><div class='content'><div>"
        "The mayor said on Tuesday that the bridge would reopen next week after repairs."
        "</div></div></body></html>"
    )
    assert "the bridge would reopen next week" in load_article(str(path)).text
    assert calls == [False, True]
    calls.clear()
    load_article(str(sorted(SAMPLES.glob("*.html"))[0]))
    assert calls == [False]


def test_safari_web_archive_is_named(tmp_path: Path) -> None:
    path = tmp_path / "page.webarchive"
    path.write_bytes(b"bplist00\xd1\x01\x02_\x10\x0fWebMainResource" + bytes(40))
    assert _one_line_error(str(path)).endswith("looks like a Safari web archive, not an article")


def test_missing_file_that_looks_like_a_web_address_gets_a_hint() -> None:
    message = _one_line_error("www.example.com/news/story")
    assert message.endswith("no such file (did you mean https://www.example.com/news/story?)")
    assert "did you mean" not in _one_line_error("missing-story.txt")


def test_hard_wrapped_text_file_is_reflowed_but_keeps_its_headline(tmp_path: Path) -> None:
    paragraph = (
        "The council voted 7-2 on Tuesday to approve the harbour plan, ending a two-year\n"
        "dispute over the waterfront that had divided the town and its fishermen for a\n"
        "generation, officials said after the meeting."
    )
    raw = "Harbour plan approved after a long fight over the old waterfront\n" + "\n\n".join([paragraph] * 3)
    path = tmp_path / "wrapped.txt"
    path.write_text(raw, encoding="utf-8")
    article = load_article(str(path))
    assert article.title == "Harbour plan approved after a long fight over the old waterfront"
    assert article.text == raw.replace("a two-year\n", "a two-year ").replace("for a\n", "for a ")
