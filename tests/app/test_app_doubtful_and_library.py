"""Doubtful attributions (hidden by default, `a` shows them), empty panels, and the library's blurbs."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.analysis.model import Analysis, Quote
from reader.article import Article
from reader.ui.app import ReaderApp
from reader.ui.options import ReaderOptions
from reader.ui.present import QUOTE_CONFIDENCE_THRESHOLD, article_meta, card_text, is_doubtful, shown_quotes
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.library import LibraryScreen, describe, first_sentence, plain_markdown, short_path
from reader.ui.widgets.article_view import DOUBTFUL_BAR, ArticleView
from reader.ui.widgets.side_panel import QuoteTree, SidePanel

SIZE = (120, 40)
SAMPLES = Path(__file__).resolve().parents[2] / "sample_articles"


def with_quotes(analysis: Analysis, quotes: list) -> Analysis:
    return Analysis(
        text=analysis.text,
        model=analysis.model,
        body_end=analysis.body_end,
        entities=analysis.entities,
        actors=analysis.actors,
        places=analysis.places,
        events=analysis.events,
        quotes=quotes,
    )


@pytest.fixture
def mixed_analysis(seed_analysis: Analysis) -> Analysis:
    """The seed analysis with every third quote (and the first with a known speaker) made doubtful and
    the rest confident, so these tests do not depend on how sure the quote finder happens to be."""
    first_with_actor = next(i for i, q in enumerate(seed_analysis.quotes) if q.actor)
    quotes = [
        Quote.from_dict(
            {
                **q.to_dict(),
                "confidence": 0.3 if i % 3 == 0 or i == first_with_actor else max(q.confidence, 0.6),
                "act": "speech",  # these tests are about doubt; acts have their own tests
            }
        )
        for i, q in enumerate(seed_analysis.quotes)
    ]
    return with_quotes(seed_analysis, quotes)


def leaf_labels(tree: QuoteTree) -> list[str]:
    return [str(leaf.label) for node in tree.root.children for leaf in node.children]


def test_threshold_is_documented_and_inclusive(seed_analysis: Analysis) -> None:
    assert QUOTE_CONFIDENCE_THRESHOLD == 0.5
    quote = seed_analysis.quotes[0]
    for confidence, doubtful in ((0.49, True), (0.5, False), (0.9, False)):
        quote_copy = type(quote).from_dict({**quote.to_dict(), "confidence": confidence})
        assert is_doubtful(quote_copy) is doubtful


async def test_doubtful_attributions_hidden_by_default_and_toggled(
    seed_article: Article, mixed_analysis: Analysis
) -> None:
    doubtful = [i for i, q in enumerate(mixed_analysis.quotes) if is_doubtful(q)]
    confident = [q for q in mixed_analysis.quotes if not is_doubtful(q)]
    assert doubtful and confident, "the seed analysis has both kinds"
    app = ReaderApp(seed_article, ReaderOptions(analyse=False), analysis=mixed_analysis)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        view = screen.query_one(ArticleView)
        # hidden: not highlighted, not listed, not counted, not visited by ]
        assert {index for _s, _e, index in view.highlights.quote_extents}.isdisjoint(doubtful)
        assert not any(marker.doubtful for marker in view.markers.values())
        await pilot.press("4")
        tree = screen.query_one(QuoteTree)
        assert len(leaf_labels(tree)) == len(confident)
        assert not any(label.startswith("?") for label in leaf_labels(tree))
        tab = screen.query_one(SidePanel).query_one("#panel-tabs").get_tab("tab-quotes")
        assert str(tab.label) == f"Quotes {len(confident)}"
        screen.view.focus()
        flashed = set()
        for _ in range(len(confident)):
            await pilot.press("right_square_bracket")
            flashed.add(view.flash)
        assert flashed == {(q.content.start, q.content.end) for q in confident}
        assert f"/{len(confident)}:" in screen.status.info
        # a: every attribution, the doubtful ones dimmed and marked "?"
        await pilot.press("a")
        assert screen.show_doubtful and view.show_doubtful
        assert set(doubtful) <= {index for _s, _e, index in view.highlights.quote_extents}
        assert sum(label.startswith("?") for label in leaf_labels(tree)) == len(doubtful)
        assert str(tab.label) == f"Quotes {len(mixed_analysis.quotes)}"
        layout = view.layout_

        def alone(index: int) -> bool:  # no confident quote shares the quote's first line
            line = layout.line_of(mixed_analysis.quotes[index].content.start)
            extents = view.highlights.quote_extents.overlapping(layout.starts[line], layout.ends[line])
            return all(i in doubtful for _s, _e, i in extents)

        quote = mixed_analysis.quotes[next(i for i in doubtful if alone(i))]
        view.scroll_to_offset(quote.content.start, top=True)
        await pilot.pause()
        line = view.line_for_offset(quote.content.start) - int(view.scroll_y)
        strip = view.render_line(line)
        cells = [seg for seg in strip if seg.style is not None and "offset" in seg.style.meta]
        assert any(seg.style.dim and seg.style.italic for seg in cells), "doubtful quote text is dim"
        assert DOUBTFUL_BAR in strip.text, "the margin bar of a doubtful quote is dashed"
        assert all(m.label.endswith(" ?") for m in view.markers.values() if m.doubtful)
        await pilot.press("right_square_bracket")
        assert f"/{len(mixed_analysis.quotes)}:" in screen.status.info
        # a again hides them
        await pilot.press("a")
        assert not screen.show_doubtful
        assert len(leaf_labels(tree)) == len(confident)


async def test_palette_toggles_doubtful_attributions(seed_article: Article, mixed_analysis: Analysis) -> None:
    from reader.ui.palette import ScreenCommands

    app = ReaderApp(seed_article, ReaderOptions(analyse=False), analysis=mixed_analysis)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        provider = ScreenCommands(screen)
        commands = {title: callback for title, callback, _help in provider._commands()}
        jumps = [title for title in commands if title.startswith("Jump to quote:")]
        assert len(jumps) == len(shown_quotes(mixed_analysis, show_doubtful=False))
        commands["Show all attributions"]()
        await pilot.pause()
        assert screen.show_doubtful
        titles = [title for title, _c, _h in provider._commands()]
        assert sum(title.startswith("Jump to quote: ?") for title in titles) == sum(
            is_doubtful(q) for q in mixed_analysis.quotes
        )


async def test_empty_quote_panel_says_why(seed_article: Article, mixed_analysis: Analysis) -> None:
    only_doubtful = with_quotes(mixed_analysis, [q for q in mixed_analysis.quotes if is_doubtful(q)])
    app = ReaderApp(seed_article, ReaderOptions(analyse=False), analysis=only_doubtful)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        tree = app.screen.query_one(QuoteTree)
        said = " ".join(str(node.label) for node in tree.root.children)  # wrapped to the panel's width
        assert said.startswith("No confident quotes") and "Esc, then a, shows" in said
        app.screen.view.focus()
        await pilot.press("right_square_bracket")
        assert app.screen.view.flash is None
    no_quotes = with_quotes(mixed_analysis, [])
    app = ReaderApp(seed_article, ReaderOptions(analyse=False), analysis=no_quotes)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        tree = app.screen.query_one(QuoteTree)
        assert " ".join(str(node.label) for node in tree.root.children) == "No quotes found in this article."
        # a filter that matches nothing says so
        await pilot.press("1")
        app.screen.query_one("#filter-actors").value = "zzzz"
        actors = app.screen.query_one("#list-actors")
        for _ in range(100):  # the list is rebuilt after a pause in typing: wait for it, not for a time
            await pilot.pause(0.05)
            if actors.option_count == 1 and "Nothing matches" in str(actors.get_option_at_index(0).prompt):
                break
        assert actors.option_count == 1 and "Nothing matches" in str(actors.get_option_at_index(0).prompt)


def test_library_blurb_skips_notes_bylines_and_markdown(tmp_path: Path) -> None:
    md = tmp_path / "story.md"
    md.write_text(
        "# The **big** story\n\n*(Fiction written for this project's samples.)*\n\n"
        "**By Ann Writer** · Town · 1 May 2024\n\n"
        "The *council* voted on [Tuesday](https://example.org) to close the old bridge for good. "
        "Residents were not told.\n",
        encoding="utf-8",
    )
    title, detail, words = describe(md)
    assert title == "The big story"
    assert detail == "The council voted on Tuesday to close the old bridge for good."
    assert words > 20
    html = tmp_path / "page.html"
    html.write_text(
        "<html><head><title>Page | Site</title></head><body><h1>A &amp; B agree</h1>"
        "<p>(Note: invented.)</p><p>By Someone</p>"
        "<p>Both sides signed the agreement late on Friday after weeks of talks in the capital.</p>"
        "</body></html>",
        encoding="utf-8",
    )
    title, detail, _words = describe(html)
    assert title == "A & B agree"
    assert detail.startswith("Both sides signed")
    assert plain_markdown("> **Bold** and _italic_ `code`") == "Bold and italic code"
    assert first_sentence("Dr. Amara Osei has led the agency since 2021 and wrote the report. Next.") == (
        "Dr. Amara Osei has led the agency since 2021 and wrote the report."
    )
    assert short_path(str(Path.home() / "news" / "a.txt")) == str(Path("~") / "news" / "a.txt")
    assert short_path("https://example.org/a") == "https://example.org/a"


async def test_library_shows_first_real_sentence_and_length() -> None:
    app = ReaderApp(None, ReaderOptions(analyse=False))
    async with app.run_test(size=SIZE):
        assert isinstance(app.screen, LibraryScreen)
        entries = {Path(e.source).name: e for e in app.screen.entries}
        for entry in entries.values():
            assert "Fiction written" not in entry.detail and "*" not in entry.detail
        assert entries["night-trains-return-markdown.md"].detail.startswith("Europe's night trains are back.")
        assert entries["iran-missile-strikes.txt"].detail.startswith("Iran’s president")
        assert entries["tram-extension-saved-page.html"].detail.startswith("Councillors voted 38-21")
        assert all(e.words > 100 for e in entries.values())
        option_list = app.screen.query_one("#library-list")
        prompts = [str(option_list.get_option_at_index(i).prompt) for i in range(option_list.option_count)]
        assert prompts[0] == "Samples"
        assert any("words ·" in p and "min" in p for p in prompts)
        # one row for the title, one for the blurb, never wrapped
        assert all(p.count("\n") == 1 for p in prompts[1:])


async def test_the_library_gives_an_opened_article_the_headers_word_count() -> None:
    from reader.sources import load_article
    from reader.ui.present import article_words
    from reader.ui.screens.library import library_entries

    path = SAMPLES / "tram-extension-saved-page.html"
    article = load_article(str(path))
    words = article_words(article)
    assert describe(path)[2] != words  # the page's own paragraphs count the footer and miss the headings
    app = ReaderApp(article, ReaderOptions(analyse=False))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert f"{words} words" in (article_meta(article) or "")
        await pilot.press("q")
    recent = [entry for entry in library_entries() if entry.group == "recent"]
    assert [(Path(entry.source).name, entry.words) for entry in recent] == [(path.name, words)]


def _shown_counts(screen: LibraryScreen) -> dict[str, str]:
    """Each sample's word count as its library line shows it ("644", "≈736"), by file name."""
    import re

    option_list = screen.query_one("#library-list")
    shown = {}
    for index in range(option_list.option_count):
        option = option_list.get_option_at_index(index)
        if option.id and option.id.isdigit():
            found = re.search(r"(≈?[\d,]+) words", str(option.prompt))
            assert found, option.prompt
            shown[Path(screen.entries[int(option.id)].source).name] = found.group(1).replace(",", "")
    return shown


async def test_a_library_count_is_the_headers_or_marked_as_an_estimate(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """From the first frame: what the article's header will say, or "≈" until the exact count is in."""
    from reader.ui.screens.library import exact_words

    exact = {path.name: str(exact_words(str(path))) for path in SAMPLES.iterdir()}
    counting = LibraryScreen._count_words
    monkeypatch.setattr(LibraryScreen, "_count_words", lambda self: None)  # before the background count
    app = ReaderApp(None, ReaderOptions(analyse=False))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = _shown_counts(app.screen)
        assert set(shown) == set(exact)
        for name, count in shown.items():
            assert count == exact[name] or count.startswith("≈"), (name, count, exact[name])
            assert count == exact[name] or name.endswith(".html"), "text and Markdown are counted at once"
    monkeypatch.setattr(LibraryScreen, "_count_words", counting)
    app = ReaderApp(None, ReaderOptions(analyse=False))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        for _ in range(400):
            if screen.words_counted:
                break
            await pilot.pause(0.05)
        await pilot.pause()
        assert _shown_counts(screen) == exact


@pytest.mark.parametrize("name", ["night-trains-return-markdown.md"])
def test_meta_line_not_repeated_when_the_text_has_the_byline(name: str) -> None:
    from reader.sources import load_article

    article = load_article(str(SAMPLES / name))
    assert article.byline, "the sample has a byline"
    assert article_meta(article) == "358 words · 2 min read"  # the byline and date are in the text
    other = Article(text="Body text only.", source="-", title="T", byline="Ann Writer", date="2024-05-01")
    assert article_meta(other) == "Ann Writer · 1 May 2024 · 3 words · 1 min read"


async def test_status_line_names_the_source_while_the_headline_is_on_screen(
    seed_article: Article, seed_analysis: Analysis
) -> None:
    app = ReaderApp(seed_article, ReaderOptions(analyse=False), analysis=seed_analysis)
    async with app.run_test(size=SIZE) as pilot:
        status = app.screen.status
        assert status.title == "iran-missile-strikes.txt"
        await pilot.press("j")
        assert status.title == seed_article.title
        await pilot.press("g")
        assert status.title == "iran-missile-strikes.txt"


def test_card_says_when_doubtful_attributions_are_hidden(mixed_analysis: Analysis) -> None:
    speaker = next(q for q in mixed_analysis.quotes if q.actor and is_doubtful(q))
    record = mixed_analysis.referent(speaker.actor)
    hidden = str(card_text(record, mixed_analysis))
    assert "other attribution" in hidden and "hidden" in hidden
    shown = str(card_text(record, mixed_analysis, show_doubtful=True))
    assert " ".join(speaker.content.text.split()) in shown and "? doubtful" in shown


async def test_n_after_a_search_without_matches_says_so(seed_article: Article, seed_analysis) -> None:
    app = ReaderApp(seed_article, ReaderOptions(analyse=False), analysis=seed_analysis)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"zzqx", "enter", "n")
        await pilot.pause()
        messages = [notification.message for notification in app._notifications]
        assert "Pattern not found: “zzqx”" in messages


async def test_clicking_a_place_in_the_panel_jumps_to_it(seed_article: Article, seed_analysis) -> None:
    app = ReaderApp(seed_article, ReaderOptions(analyse=False), analysis=seed_analysis)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        places = app.screen.query_one("#list-places")
        first_id = places.get_option_at_index(0).id
        await pilot.click(places, offset=(2, 0))
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        record = seed_analysis.referent(first_id)
        assert app.screen.selected_referent == record.id
        assert view.current in {(m.start, m.end) for m in record.mentions}


def test_card_shows_reported_speech_as_paraphrase_and_direct_quotes_in_marks(seed_analysis: Analysis) -> None:
    quotes = [q for _i, q in shown_quotes(seed_analysis, False) if q.actor]
    assert {q.kind for q in quotes} >= {"direct", "indirect"}
    for quote in quotes:
        card = str(card_text(seed_analysis.referent(quote.actor), seed_analysis))
        words = " ".join(quote.content.text.split())
        if quote.kind == "direct":
            assert words[:1] in "“\"'‘«" or f"“{words}”" in card
        else:
            assert words in card and f"“{words}" not in card and f"{words}”" not in card


def test_long_reading_times_are_grouped_like_the_word_counts() -> None:
    from reader.article import reading_minutes
    from reader.ui.screens.library import word_summary

    words = 2_000_000
    minutes = reading_minutes(words)
    assert minutes >= 1000
    article = Article(text="word " * words, source="long.txt")
    assert f"{minutes:,} min read" in (article_meta(article) or "")
    assert word_summary(words).endswith(f"{minutes:,} min")
