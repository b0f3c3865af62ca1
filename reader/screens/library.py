"""The library: bundled sample articles and recently opened files, one Enter away."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from reader import resources
from reader import state as reader_state

SAMPLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


@dataclass(frozen=True, slots=True)
class LibraryEntry:
    """One openable article: where it is, its title and the line under it."""

    source: str
    title: str
    detail: str
    group: str  # "recent" | "sample"


def _first_lines(path: Path) -> tuple[str, str]:
    """The first two non-blank lines of a file (title and first line), cheaply."""
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            head = handle.read(4000)
    except OSError:
        return path.name, ""
    lines = [" ".join(line.strip().lstrip("#").split()) for line in head.splitlines() if line.strip()]
    if path.suffix.lower() in (".html", ".htm"):
        return path.stem.replace("-", " ").replace("_", " ").capitalize(), ""
    title = lines[0] if lines else path.name
    # The first real sentence under the title: skip notes in brackets, bylines and datelines.
    body = [
        line for line in lines[1:] if len(line.split()) >= 8 and not line.lstrip("*_").startswith(("(", "["))
    ]
    detail = body[0] if body else (lines[1] if len(lines) > 1 else "")
    return title, detail


def library_entries() -> list[LibraryEntry]:
    """Recent files that still exist (newest first), then the bundled samples by name."""
    entries: list[LibraryEntry] = []
    seen: set[str] = set()
    for recent in reader_state.load_state().recent:
        if "://" not in recent.source and not Path(recent.source).is_file():
            continue
        seen.add(recent.source)
        entries.append(LibraryEntry(recent.source, recent.title or recent.source, recent.source, "recent"))
    folder = resources.samples_dir()
    samples = (
        sorted(p for p in folder.glob("*") if p.suffix.lower() in SAMPLE_SUFFIXES) if folder.is_dir() else []
    )
    for path in samples:
        source = str(path.resolve())
        if source in seen:
            continue
        title, detail = _first_lines(path)
        entries.append(LibraryEntry(source, title, detail, "sample"))
    return entries


class LibraryScreen(Screen):
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

    def compose(self) -> ComposeResult:
        yield Static("reader — library", id="library-title")
        yield Static(
            "Open a sample or a recent article with Enter. From the shell: reader FILE | URL | -",
            id="library-hint",
        )
        options: list[Option | None] = []
        group = None
        for index, entry in enumerate(self.entries):
            if entry.group != group:
                if group is not None:
                    options.append(None)
                group = entry.group
            label = "recent" if entry.group == "recent" else "sample"
            prompt = Text.assemble(
                (entry.title, "bold"), (f"  {label}\n", "dim"), ("  " + entry.detail[:200], "dim italic")
            )
            options.append(Option(prompt, id=str(index)))
        if not options:
            options.append(Option("No articles yet: run reader FILE", id="none", disabled=True))
        yield OptionList(*options, id="library-list")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

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
            self.app.open_source(self.entries[int(event.option.id)].source)  # type: ignore[attr-defined]
