"""The collection screen: speakers ranked across articles, a filter, quotes with titles, Enter opens the
article at the quote and Escape comes back to where you were; a folder fills in the background."""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import Input, OptionList

from reader.collection.index import add_document, connect
from reader.collection.request import CollectionRequest
from reader.ui.app import ReaderApp
from reader.ui.options import ReaderOptions
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.collection import CollectionScreen


def _document(source: Path, title: str, text: str, quotes: list[tuple[str, str, str]]) -> str:
    """A JSON line as `reader analyze` writes it: (speaker, actor id, quoted words) per quote."""
    actors = {}
    records = []
    for name, actor, words in quotes:
        start = text.index(words)
        actors[actor] = {"id": actor, "name": name, "kind": "person", "aliases": [name], "mentions": []}
        records.append(
            {
                "kind": "direct",
                "content": {"start": start, "end": start + len(words), "text": words},
                "speaker": None,
                "actor": actor,
                "cue": None,
                "confidence": 0.9,
                "segments": [],
                "speaker_name": name,
            }
        )
    source.write_text(text, encoding="utf-8")
    return json.dumps(
        {
            "source": str(source),
            "title": title,
            "text": text,
            "body_end": len(text),
            "actors": list(actors.values()),
            "locations": [],
            "quotes": records,
        }
    )


def _collection(tmp_path: Path) -> Path:
    db_path = tmp_path / "index.sqlite3"
    filler = "".join(f"Paragraph {i} of the hearing went on without incident.\n\n" for i in range(60))
    late = filler + '"The bridge will open in June," Ana Lopez said.\n'
    db = connect(db_path)
    lines = [
        _document(
            tmp_path / "a.txt",
            "Bridge delayed",
            'Bridge delayed\n\n"We are ready," Ana Lopez said. "Trust us," Tom Berg said.\n',
            [("Ana Lopez", "ana-lopez", '"We are ready,"'), ("Tom Berg", "tom-berg", '"Trust us,"')],
        ),
        _document(
            tmp_path / "b.txt",
            "Bridge hearing",
            late,
            [("Ana Lopez", "lopez", '"The bridge will open in June,"')],
        ),
    ]
    for line in lines:
        add_document(db, line)
    db.close()
    return db_path


async def test_speakers_quote_article_and_back(tmp_path: Path) -> None:
    app = ReaderApp(None, ReaderOptions(analyse=False), collection=CollectionRequest(_collection(tmp_path)))
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CollectionScreen)
        assert [(s.name, s.quotes, s.articles) for s in screen.speaker_rows] == [
            ("Ana Lopez", 2, 2),
            ("Tom Berg", 1, 1),
        ]
        await pilot.press("slash", *"berg")
        assert [s.name for s in screen.speaker_rows] == ["Tom Berg"]
        await pilot.press("escape")
        assert screen.query_one("#speaker-filter", Input).value == ""
        assert len(screen.speaker_rows) == 2
        assert screen.selected_key == screen.speaker_rows[1].key  # the filter's pick stays selected
        await pilot.press("up", "enter")  # Ana Lopez: into her quotes
        quotes = screen.query_one("#quotes", OptionList)
        assert quotes.has_focus
        assert [(q.title, q.text) for q in screen.quote_rows] == [
            ("Bridge delayed", '"We are ready,"'),
            ("Bridge hearing", '"The bridge will open in June,"'),
        ]
        await pilot.press("down", "enter")
        for _ in range(50):
            await pilot.pause(0.05)
            if isinstance(app.screen, ArticleScreen):
                break
        article = app.screen
        assert isinstance(article, ArticleScreen)
        view = article.view
        start = article.article.text.index('"The bridge will open')
        assert article.focus_range == (start, start + len('"The bridge will open in June,"'))
        for _ in range(50):
            await pilot.pause(0.05)
            if view.scroll_y > 0:
                break
        assert view.scroll_y > 0  # scrolled down to the quote (which flashes for a moment)
        assert view.top_offset <= start
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert screen.selected_key == screen.speaker_rows[0].key
        assert quotes.highlighted == 1  # where you were


async def test_a_folder_fills_in_the_background(tmp_path: Path) -> None:
    from reader.cli.analyze import jsonl_line
    from reader.collection.worker import Job

    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text('"We are ready for the traffic," Mayor Ana Lopez said on Monday.\n')
    (folder / "b.txt").write_text('"Crews worked through the night," fire chief Tom Berg said.\n')
    (folder / "c.txt").write_bytes(b"\x00\x01\x02 not text")
    request = CollectionRequest(
        tmp_path / "index.sqlite3",
        scope=str(folder) + "/",
        sources=tuple(str(p) for p in sorted(folder.iterdir())),
        job=Job(render=jsonl_line),
        jobs=1,
    )
    app = ReaderApp(None, ReaderOptions(analyse=False), collection=request)
    async with app.run_test(size=(110, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, CollectionScreen)
        for _ in range(600):
            await pilot.pause(0.05)
            if screen.status.status.startswith("analysed"):
                break
        assert screen.status.status == "analysed 3, 1 failed"
        names = " | ".join(s.name for s in screen.speaker_rows)
        assert "Ana Lopez" in names and "Tom Berg" in names
        assert screen.status.info.startswith("2 articles")


async def test_a_speaker_line_too_long_for_the_list_puts_its_counts_below(tmp_path: Path) -> None:
    """Never "2 quotes · 2" on one row and "articles" on the next: the counts stay whole."""
    app = ReaderApp(None, ReaderOptions(analyse=False), collection=CollectionRequest(_collection(tmp_path)))
    async with app.run_test(size=(60, 20)) as pilot:
        screen = app.screen
        assert isinstance(screen, CollectionScreen)
        speakers = screen.query_one("#speakers", OptionList)
        for _ in range(300):
            if screen._speakers_width == speakers.scrollable_content_region.width > 0:
                break
            await pilot.pause(0.05)
        width = speakers.scrollable_content_region.width
        prompts = [str(speakers.get_option_at_index(i).prompt) for i in range(speakers.option_count)]
        assert prompts[0].splitlines() == ["Ana Lopez", "  2 quotes · 2 articles"], (width, prompts)
        assert all(len(line) <= width for prompt in prompts for line in prompt.splitlines())
        await pilot.resize_terminal(120, 30)
        for _ in range(300):
            if speakers.scrollable_content_region.width == screen._speakers_width != width:
                break
            await pilot.pause(0.05)
        assert str(speakers.get_option_at_index(0).prompt) == "Ana Lopez  2 quotes · 2 articles"
