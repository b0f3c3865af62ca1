"""The library: bundled sample articles and recently opened files, one Enter away."""

from __future__ import annotations

import contextlib
import html
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader import resources
from reader.article import count_words, reading_minutes
from reader.settings import state as reader_state
from reader.terminal import mask_url, one_line
from reader.ui.messages import OpenSource
from reader.ui.widgets.footer import ReaderFooter

SAMPLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


@dataclass(frozen=True, slots=True)
class LibraryEntry:
    """One openable article: where it is, its title and the line under it."""

    source: str
    title: str
    detail: str
    group: str  # "recent" | "sample"
    words: int = 0
    estimate: bool = False  # `words` is a quick count of the raw file, not yet the header's count


#: How much of a sample is read to describe it (the bundled ones are far smaller).
READ_LIMIT = 2_000_000
#: Recent files larger than this are listed without a word count (counting would slow the library).
RECENT_SIZE_LIMIT = 1_000_000
#: Text and Markdown files up to this size are counted exactly as the library opens (a few milliseconds
#: each, no extra imports); a web page (its extractor loads in a fraction of a second) or a bigger file
#: shows a quick estimate, marked "≈", until the background count replaces it.
COUNT_NOW_LIMIT = 200_000
#: Marks a word count that is an estimate.
ESTIMATE_MARK = "≈"

_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_MD_LEAD = re.compile(r"^\s*(?:#{1,6}\s+|>\s*|[-*+]\s+|\d{1,3}[.)]\s+)")
_TAG = re.compile(r"<[^>]+>")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘'(A-Z0-9])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Dr|Mr|Mrs|Ms|Mt|St|Prof|Sen|Rep|Gov|Gen|Col|Capt|Lt|No|Jr|Sr|vs)|\b[A-Z])\.$"
)
#: A first sentence shorter than this ("Europe's night trains are back.") is shown with the next one.
SHORT_SENTENCE = 60


def plain_markdown(line: str) -> str:
    """A Markdown line as a reader sees it: no heading marks, emphasis stars, code ticks or link URLs."""
    line = _MD_LEAD.sub("", line)
    line = _MD_LINK.sub(r"\1", line)
    for _ in range(2):  # nested emphasis (***bold italic***)
        line = _MD_EMPHASIS.sub(r"\2", line)
    return " ".join(line.split())


def _is_note_or_byline(line: str) -> bool:
    """A line that is not the story: a note in brackets, a byline, a dateline with separators."""
    if line.startswith(("(", "[", "<!--")) or line.endswith(")") and line.startswith("("):
        return True
    if re.match(r"(?i)^(by|words by|photographs? by|updated|published)\b", line):
        return True
    return len(line.split()) < 8 or line.count("|") >= 2


def first_sentence(paragraph: str, limit: int = 240) -> str:
    """The first sentence of a paragraph (not fooled by "Dr." or "U.S."), shortened to `limit`."""
    for match in _SENTENCE_END.finditer(paragraph):
        head = paragraph[: match.start()].rstrip()
        if len(head) >= SHORT_SENTENCE and not _ABBREVIATION.search(head.rstrip("\"”’'")):
            paragraph = paragraph[: match.start()].rstrip()
            break
    if len(paragraph) > limit:
        paragraph = paragraph[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:—– ") + "…"
    return paragraph


def _describe_html(raw: str, fallback: str) -> tuple[str, str, int]:
    def clean(fragment: str) -> str:
        return " ".join(html.unescape(_TAG.sub(" ", fragment)).split())

    heading = re.search(r"(?is)<h1[^>]*>(.*?)</h1>", raw) or re.search(r"(?is)<title[^>]*>(.*?)</title>", raw)
    title = clean(heading.group(1)).split(" | ")[0] if heading else fallback
    paragraphs = [clean(p) for p in re.findall(r"(?is)<p[^>]*>(.*?)</p>", raw)]
    description = re.search(r'(?is)<meta\s+name="description"\s+content="([^"]*)"', raw)
    candidates = ([clean(description.group(1))] if description else []) + paragraphs
    detail = next((p for p in candidates if not _is_note_or_byline(p)), "")
    words = sum(len(p.split()) for p in paragraphs)
    return title or fallback, first_sentence(detail), words


def describe(path: Path) -> tuple[str, str, int]:
    """Title, first real sentence (or standfirst) and word count of an article file, cheaply.

    Skips what is not the story: notes in brackets ("(Fiction written for …)"), bylines and
    datelines, and Markdown or HTML markup.
    """
    fallback = path.stem.replace("-", " ").replace("_", " ").capitalize()
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            raw = handle.read(READ_LIMIT)
    except OSError:
        return fallback, "", 0
    if path.suffix.lower() in (".html", ".htm"):
        return _describe_html(raw, fallback)
    markdown = path.suffix.lower() in (".md", ".markdown")
    lines = [" ".join(line.split()) for line in raw.splitlines() if line.strip()]
    if markdown:
        lines = [plain_markdown(line) for line in lines]
        lines = [line for line in lines if line and set(line) - set("-*_=")]  # rules and underlines
    title = lines[0] if lines else fallback
    body = [line for line in lines[1:] if not _is_note_or_byline(line)]
    detail = first_sentence(body[0]) if body else ""
    return title, detail, len(raw.split())


def exact_words(source: str) -> int | None:
    """An article file's words as its header will count them once it is open (the loaded body, by
    `count_words`), where `describe` only estimates them from the raw file; None for an address (nothing
    is fetched just to count) or a file that does not load."""
    if "://" in source:
        return None
    from reader.errors import ReaderError
    from reader.sources import load_article

    try:
        return count_words(load_article(source).body)
    except ReaderError:
        return None


def counted_now(path: Path) -> int | None:
    """The exact word count of a small text or Markdown file, as its header will give it; None for a web
    page or a big file (counted in the background instead)."""
    if path.suffix.lower() not in SAMPLE_SUFFIXES or path.suffix.lower() in (".html", ".htm"):
        return None
    try:
        if path.stat().st_size > COUNT_NOW_LIMIT:
            return None
    except OSError:
        return None
    return exact_words(str(path))


def _with_count(entry: LibraryEntry, path: Path) -> LibraryEntry:
    """`entry` with the exact count when it is cheap, else its estimate marked as one (if any)."""
    exact = counted_now(path)
    if exact:
        return replace(entry, words=exact, estimate=False)
    return replace(entry, estimate=entry.words > 0)


def short_path(source: str) -> str:
    """A file path with the home folder written as ~ (URLs unchanged)."""
    if "://" in source:
        return source
    home = str(Path.home())
    if home not in ("", "/") and (source == home or source.startswith(home + os.sep)):
        return "~" + source[len(home) :]
    return source


def word_summary(words: int, estimate: bool = False) -> str:
    """ "1,240 words · 6 min" for the library line ("≈1,240 words · 6 min" for an estimate)."""
    if words <= 0:
        return ""
    minutes = reading_minutes(words)
    return f"{ESTIMATE_MARK if estimate else ''}{words:,} words · {minutes:,} min"


def library_entries() -> list[LibraryEntry]:
    """Recent files that still exist (newest first), then the bundled samples by name."""
    entries: list[LibraryEntry] = []
    seen: set[str] = set()
    for recent in reader_state.load_state().recent:
        if "://" not in recent.source and not Path(recent.source).is_file():
            continue
        if reader_state.recent_key(recent.source) in seen:
            continue
        seen.add(reader_state.recent_key(recent.source))
        words = recent.words  # as the article's header counted it
        path = Path(recent.source)
        title = recent.title or recent.source
        entry = LibraryEntry(recent.source, title, short_path(recent.source), "recent", words)
        if not words and "://" not in recent.source and path.suffix.lower() in SAMPLE_SUFFIXES:
            with contextlib.suppress(OSError):
                if path.stat().st_size < RECENT_SIZE_LIMIT:
                    entry = _with_count(replace(entry, words=describe(path)[2]), path)
        entries.append(entry)
    folder = resources.samples_dir()
    samples = (
        sorted(p for p in folder.glob("*") if p.suffix.lower() in SAMPLE_SUFFIXES) if folder.is_dir() else []
    )
    for path in samples:
        source = str(path.resolve())
        if source in seen:
            continue
        title, detail, words = describe(path)
        entries.append(_with_count(LibraryEntry(source, title, detail, "sample", words), path))
    return entries


def _shown(text: str) -> str:
    """A title or path from the state file (outside input): one safe line, an address's password masked."""
    return mask_url(text) if "://" in text else one_line(text)


def library_prompt(entry: LibraryEntry, width: int = 96) -> Text:
    """Two lines per article, each cut to `width` cells: the title and its length, then how it
    begins (a sample) or where it is (a recent file)."""
    width = max(20, width)
    summary = word_summary(entry.words, entry.estimate)
    title = Text(_shown(entry.title), style="bold")
    title.truncate(max(10, width - (len(summary) + 2 if summary else 0)), overflow="ellipsis")
    if summary:
        title.append(f"  {summary}", "dim")
    detail = Text("  " + (_shown(entry.detail or "") or "—"), style="dim italic")
    detail.truncate(width, overflow="ellipsis")
    return Text("\n").join([title, detail])


class LibraryScreen(Screen[None]):
    """`reader` with no file: pick an article."""

    DEFAULT_CSS = """
    LibraryScreen { align: center top; }
    LibraryScreen #library-title { width: 100%; max-width: 100; padding: 1 2 0 2; text-style: bold; }
    LibraryScreen #library-hint { width: 100%; max-width: 100; padding: 0 2 1 2; color: $text-muted; }
    LibraryScreen OptionList { width: 100%; max-width: 100; height: 1fr; border: none; }
    """

    BINDINGS = [
        Binding(
            "enter", "open", "Open", id="library-open", tooltip="Open the highlighted article", show=True
        ),
        Binding("escape", "back", "Back", id="library-back", tooltip="Back to the article you were reading"),
        Binding("j", "cursor('down')", "Down", show=False, id="library-down", tooltip="Next article"),
        Binding("k", "cursor('up')", "Up", show=False, id="library-up", tooltip="Previous article"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.entries = library_entries()
        self._width: int | None = None  # the width the entries were last cut to
        self.words_counted = False  # the estimates are replaced by exact counts (or there were none)

    def compose(self) -> ComposeResult:
        yield Static("reader — library", id="library-title")
        yield Static(
            "Enter opens an article. From the shell: reader FILE, URL or -",
            id="library-hint",
        )
        yield OptionList(*self._options(min(100, self.app.size.width) - 4), id="library-list")
        yield ReaderFooter()

    def _options(self, width: int) -> list[Option | None]:
        options: list[Option | None] = []
        group = None
        for index, entry in enumerate(self.entries):
            if entry.group != group:
                if group is not None:
                    options.append(None)
                group = entry.group
                heading = "Recently opened" if group == "recent" else "Samples"
                options.append(Option(Text(heading, style="bold dim"), disabled=True))
            options.append(Option(library_prompt(entry, width), id=str(index)))
        if not options:
            options.append(Option("No articles yet: run reader FILE", id="none", disabled=True))
        return options

    def on_mount(self) -> None:
        self._count_words()
        option_list = self.query_one(OptionList)
        option_list.focus()
        if (
            option_list.highlighted is None
            or option_list.get_option_at_index(option_list.highlighted).disabled
        ):
            option_list.action_cursor_down()

    def on_resize(self) -> None:
        """Cut the lines to the new width (a wrapped line would split an entry over three rows)."""
        option_list = self.query_one(OptionList)
        width = option_list.scrollable_content_region.width - 1
        if width > 0 and width != self._width:
            self._width = width
            highlighted = option_list.highlighted
            option_list.set_options(self._options(width))
            if highlighted is not None:
                option_list.highlighted = highlighted

    @work(thread=True, exclusive=True, group="library-words", exit_on_error=False)
    def _count_words(self) -> None:
        """The exact word counts in place of the estimates (loading a web page takes a moment), so that
        the library and the article's header give one number. A file that no longer loads keeps its
        estimate, still marked as one."""
        counted = []
        for entry in self.entries:
            words = exact_words(entry.source) if entry.estimate else None
            counted.append(replace(entry, words=words, estimate=False) if words else entry)
        self.app.call_from_thread(self._show_counts, counted)

    def _show_counts(self, entries: list[LibraryEntry]) -> None:
        self.words_counted = True
        if entries == self.entries:
            return
        self.entries = entries
        option_list = self.query_one(OptionList)
        highlighted = option_list.highlighted
        option_list.set_options(self._options(self._width or min(100, self.app.size.width) - 4))
        if highlighted is not None:
            option_list.highlighted = highlighted

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Esc (back to the article) only when the library was opened over one."""
        if action == "back":
            return len(self.app.screen_stack) > 2
        return True

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()

    def action_cursor(self, direction: str) -> None:
        option_list = self.query_one(OptionList)
        option_list.action_cursor_down() if direction == "down" else option_list.action_cursor_up()

    def action_open(self) -> None:
        option_list = self.query_one(OptionList)
        if option_list.highlighted is not None:
            option_list.action_select()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id and event.option.id.isdigit():
            self.post_message(OpenSource(self.entries[int(event.option.id)].source))
