"""Open what users actually have: text and Markdown files, saved web pages, URLs and pipes.

`load_article(source)` is the single entry point. Whatever the source, the Article's text is decoded,
uses "\\n" line endings (CRLF and CR are normalised), and has control characters replaced by visible
symbols of the same length (see `text.sanitize_for_terminal`), so it is safe to print and every offset
an analysis reports indexes exactly this text. Trailing web boilerplate is kept but marked by
`Article.body_end`. Every failure is a one-line `ReaderError`.

Heavy libraries (trafilatura, charset-normalizer, markdown-it) are imported only when a source needs them.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Sequence
from pathlib import Path

from reader.article import Article, ArticleMeta, Heading
from reader.errors import ReaderError
from reader.sources.boilerplate import find_body_end
from reader.sources.decode import check_text, decode_bytes
from reader.sources.headings import settle, title_heading
from reader.sources.text import (
    find_byline,
    find_date,
    first_line_title,
    normalize_newlines,
    sanitize_for_terminal,
    unwrap_hard_wrapped,
)

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
"""Hard limit on the size of an article's source (file, page or stdin) unless configured otherwise."""
MAX_SIZE_VARIABLE = "READER_MAX_ARTICLE_MB"

HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx"}
MHTML_SUFFIXES = {".mhtml", ".mht"}
_WEB_ADDRESS = re.compile(
    r"^(?:www\.[\w-]+\.\w+|[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|co\.uk|news|io)(?:/|$))\S*$"
)
MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdwn"}


def stdin_is_piped() -> bool:
    """True when stdin is a pipe or file rather than the terminal (`curl ... | reader`)."""
    try:
        return sys.stdin is not None and not sys.stdin.isatty()
    except (ValueError, OSError):
        return False


def is_url(source: str) -> bool:
    """True for http(s) addresses, which are fetched rather than opened."""
    return source[:8].lower().startswith(("http://", "https://"))


def _display(source: str) -> str:
    """The source as it may appear in a one-line message."""
    return " ".join(sanitize_for_terminal(source).split("\n")) or "''"


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB".replace(".0 MB", " MB")
    return f"{max(1, n // 1024)} KB"


def _too_large(name: str, size: int | None, limit: int) -> ReaderError:
    if size is None:
        return ReaderError(f"{name} is too large (over the {_size(limit)} limit)")
    return ReaderError(f"{name} is too large ({_size(size)}; the limit is {_size(limit)})")


def default_max_bytes() -> int:
    """The size limit: READER_MAX_ARTICLE_MB (megabytes) if set, else DEFAULT_MAX_BYTES."""
    raw = os.environ.get(MAX_SIZE_VARIABLE, "").strip()
    if not raw:
        return DEFAULT_MAX_BYTES
    try:
        megabytes = float(raw)
    except ValueError:
        megabytes = -1.0
    if not 0 < megabytes < 1e6:
        raise ReaderError(f"{MAX_SIZE_VARIABLE} must be a positive number of megabytes (got {raw!r})")
    return int(megabytes * 1024 * 1024)


def _read_file(path: Path, name: str, limit: int) -> bytes:
    try:
        info = path.stat()
    except FileNotFoundError:
        hint = f" (did you mean https://{name}?)" if _WEB_ADDRESS.match(name) else ""
        raise ReaderError(f"cannot open {name}: no such file{hint}") from None
    except NotADirectoryError:
        raise ReaderError(f"cannot open {name}: a part of the path is not a folder") from None
    except PermissionError:
        raise ReaderError(f"cannot open {name}: permission denied") from None
    except OSError as error:
        raise ReaderError(f"cannot open {name}: {error.strerror or 'unreadable'}") from None
    if stat.S_ISDIR(info.st_mode):
        raise ReaderError(f"{name} is a directory, not an article")
    if stat.S_ISREG(info.st_mode) and info.st_size > limit:
        raise _too_large(name, info.st_size, limit)
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except PermissionError:
        raise ReaderError(f"cannot read {name}: permission denied") from None
    except IsADirectoryError:
        raise ReaderError(f"{name} is a directory, not an article") from None
    except OSError as error:
        raise ReaderError(f"cannot read {name}: {error.strerror or 'unreadable'}") from None
    if len(data) > limit:
        raise _too_large(name, None, limit)
    return data


def _read_stdin(limit: int) -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise ReaderError("cannot read stdin: there is no standard input")
    if not stdin_is_piped():
        # `reader -` typed at a prompt would otherwise look hung.
        print("reader: type or paste the article, then press Ctrl-D", file=sys.stderr, flush=True)
    try:
        data: bytes = stream.read(limit + 1)
    except OSError as error:
        raise ReaderError(f"cannot read stdin: {error.strerror or 'unreadable'}") from None
    if len(data) > limit:
        raise _too_large("stdin", None, limit)
    return data


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) and "<html" in text[:4096].lower()


def _finish(
    text: str,
    source: str,
    *,
    title: str | None = None,
    byline: str | None = None,
    date: str | None = None,
    site: str | None = None,
    plain: bool = False,
    headings: Sequence[Heading] = (),
) -> Article:
    """Common last steps: safe characters, tidy ends, headline for plain text, trailing boilerplate.

    `headings` index the text as given; they are moved with its trimmed start (or, for plain text,
    found: its title line).
    """
    text = sanitize_for_terminal(text)
    trimmed = len(text) - len(text.lstrip("\n"))
    text = text.lstrip("\n").rstrip()
    if not text.strip():
        raise ReaderError(f"{_display(source) if source != '-' else 'stdin'} has no article text")
    if plain and title is None:
        title = first_line_title(text)
    if plain:
        headline_end = text.find("\n", text.find(title)) + 1 if title else 0
        text = unwrap_hard_wrapped(text, keep_before=headline_end)
    body_end = find_body_end(text)
    found = title_heading(text, title) if plain else settle(headings, text, trimmed)
    found = [h for h in found if body_end is None or h.start < body_end]  # "Leave a Reply" is no section
    if byline is None:
        byline = find_byline(text)
    if date is None:
        date = find_date(text)
    return Article(
        text=text,
        source=source,
        title=sanitize_for_terminal(title).strip() if title else None,
        byline=sanitize_for_terminal(byline).strip() if byline else None,
        date=date,
        site=sanitize_for_terminal(site).strip() if site else None,
        body_end=body_end,
        headings=found,
    )


def _from_text(
    text: str, source: str, name: str, kind: str, url: str | None = None, written_at: float | None = None
) -> Article:
    """Build an Article from decoded text of the given kind ("html", "markdown" or "text").

    `written_at` (when the page was fetched or the file last written) bounds the article's date.
    """
    check_text(text, name)
    text = normalize_newlines(text)
    if kind == "html" or (kind == "text" and _looks_like_html(text)):
        from reader.sources.html import extract_html
        from reader.sources.meta import page_meta

        page = extract_html(text, url=url, name=name)
        article = _finish(
            page.text,
            source,
            title=page.title,
            byline=page.byline,
            date=page.date,
            site=page.site,
            headings=page.headings,
        )
        facts = page_meta(
            article,
            text,
            url=url,
            extracted_author=page.byline,
            extracted_site=page.site,
            reference=written_at,
        )
        return _with_facts(article, facts)
    front_matter: dict[str, str] = {}
    if kind == "markdown":
        from reader.sources.markdown import render_markdown

        rendered = render_markdown(text)
        front_matter = rendered.meta
        article = _finish(
            rendered.text,
            source,
            title=rendered.title,
            byline=rendered.byline,
            date=rendered.date,
            headings=rendered.headings,
        )
    else:
        article = _finish(text, source, plain=True)
    from reader.sources.meta import text_meta

    return _with_facts(article, text_meta(article, front_matter=front_matter, reference=written_at))


def _with_facts(article: Article, facts: ArticleMeta) -> Article:
    """The article with its checked facts; the display fields show only what was checked."""
    article.meta = facts
    article.byline = " and ".join(facts.authors) or None
    article.date = facts.date
    article.site = facts.site
    return article


def _kind_for_suffix(suffix: str) -> str:
    suffix = suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    return "text"


def _load_url(url: str, limit: int, use_cache: bool) -> Article:
    from urllib.parse import urlsplit

    from reader.sources.fetch import fetch

    try:
        parts = urlsplit(url)
    except ValueError:
        raise ReaderError(f"{_display(url)} is not a valid address") from None
    if not parts.hostname:
        raise ReaderError(f"{_display(url)} is not a valid address (no host)")
    name = _display(url)
    page = fetch(url, max_bytes=limit, use_cache=use_cache)
    content_type = page.content_type
    is_html = content_type in ("text/html", "application/xhtml+xml") or content_type.endswith("+xml")
    text = decode_bytes(page.data, name, declared=page.charset, html=is_html)
    if is_html:
        kind = "html"
    elif page.content_type == "text/markdown" or Path(parts.path).suffix.lower() in MARKDOWN_SUFFIXES:
        kind = "markdown"
    else:
        kind = "text"
    article = _from_text(text, url, name, kind, url=page.url, written_at=page.fetched_at)
    if article.meta.url is None:
        from reader.sources.meta import clean_field

        article.meta.url = clean_field(page.url, 2000)
    if article.site is None:
        article.site = article.meta.site = clean_field(urlsplit(page.url).hostname)
    return article


def load_article(source: str, *, max_bytes: int | None = None, use_cache: bool = True) -> Article:
    """Load an article from a file path, an http(s) URL, or "-" for stdin.

    `max_bytes` caps the size of what is read (default: `default_max_bytes()`); `use_cache=False` skips
    the fetched-page cache for URLs. Raises ReaderError with one clear line for anything not an article.
    """
    limit = default_max_bytes() if max_bytes is None else max_bytes
    if not source.strip():
        raise ReaderError("no article given (an empty file name)")
    if source == "-":
        data = _read_stdin(limit)
        return _from_text(decode_bytes(data, "stdin", html=True), "-", "stdin", "text")
    if is_url(source):
        return _load_url(source, limit, use_cache)
    if source.lower().startswith("file://"):
        from urllib.parse import unquote, urlsplit

        path = Path(unquote(urlsplit(source).path))
    elif "://" in source[:12] and not Path(source).exists():
        raise ReaderError(f"cannot open {_display(source)}: only http(s) addresses and files are supported")
    else:
        path = Path(os.path.expanduser(source))
    name = _display(source)
    data = _read_file(path, name, limit)
    kind = _kind_for_suffix(path.suffix)
    maybe_mhtml = b"mime-version:" in data[:2048].lower()  # checked here: the html module costs an import
    if maybe_mhtml and (path.suffix.lower() in MHTML_SUFFIXES or (kind == "text" and data[:1] != b"<")):
        from reader.sources.html import html_from_mhtml, looks_like_mhtml

        if looks_like_mhtml(data):
            data, kind = html_from_mhtml(data, name), "html"
    try:
        written_at: float | None = path.stat().st_mtime
    except OSError:
        written_at = None
    return _from_text(
        decode_bytes(data, name, html=kind == "html"), str(source), name, kind, written_at=written_at
    )
