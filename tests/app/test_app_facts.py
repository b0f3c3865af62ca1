"""The lines under the title: the checked facts with the reading time, the cut-off and language notices."""

from __future__ import annotations

from pathlib import Path

from reader.analysis.model import Analysis, ModelInfo
from reader.article import Article, ArticleMeta
from reader.sources import load_article
from reader.ui.app import ReaderApp
from reader.ui.options import ReaderOptions
from reader.ui.present import article_meta
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.side_panel import PARTIAL_NOTE, SidePanel

SIZE = (120, 40)
DATA = Path(__file__).resolve().parents[1] / "data" / "meta"
FRENCH_LINE = (
    "This article looks French; names and quotes are found with an English model and will be unreliable"
)


def bare_analysis(article: Article, language: str | None) -> Analysis:
    """An analysis with no records: what matters here is what it says of the text."""
    meta = ArticleMeta(language=language, words=len(article.body.split()))
    return Analysis(text=article.text, model=ModelInfo("test", "0"), body_end=article.body_end, meta=meta)


def header(app: ReaderApp, role: str) -> str:
    view = app.screen.query_one(ArticleView)
    return " ".join(text for text, line_role in view.header if line_role == role and text)


async def test_a_french_article_says_so_under_the_title() -> None:
    article = load_article(str(DATA / "french.txt"))
    app = ReaderApp(article, ReaderOptions(analyse=False), analysis=bare_analysis(article, "fr"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert " ".join(header(app, "notice").split()) == FRENCH_LINE
        assert header(app, "meta") == "90 words · 1 min read"


async def test_the_language_line_arrives_with_the_analysis(seed_article: Article) -> None:
    article = load_article(str(DATA / "german.txt"))
    app = ReaderApp(article, ReaderOptions(analyse=False))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert header(app, "notice") == ""
        app.screen._apply(bare_analysis(article, "de"), complete=True)
        await pilot.pause()
        assert "This article looks German" in header(app, "notice")


async def test_an_english_article_has_no_notice(seed_article: Article, seed_analysis: Analysis) -> None:
    app = ReaderApp(seed_article, ReaderOptions(analyse=False), analysis=seed_analysis)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert header(app, "notice") == ""
        assert header(app, "meta") == "644 words · 3 min read"


async def test_a_cut_off_text_is_flagged_under_the_title_and_in_the_panels(tmp_path: Path) -> None:
    path = tmp_path / "teaser.txt"
    path.write_text(
        "Quay extension approved\n\nBy Jane Doe\n14 March 2024\n\nThe harbour board approved the "
        "extension of the northern quay on Tuesday, said its chair, Margaret Ellison.\n\n"
        "Subscribe to continue reading.\n",
        encoding="utf-8",
    )
    article = load_article(str(path))
    app = ReaderApp(article, ReaderOptions(analyse=False), analysis=bare_analysis(article, "en"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        notice = " ".join(header(app, "notice").split())
        assert notice.startswith("Cut-off text (a paywall prompt") and "from a partial text" in notice
        panel = app.screen.query_one(SidePanel)
        notes = [str(note.render()) for note in panel.query(".partial-note")]
        assert notes == [PARTIAL_NOTE, PARTIAL_NOTE]  # the actor and the quote lists


def test_meta_line_fields_are_plain_text(tmp_path: Path) -> None:
    html = (
        "<html><head><title>Quay</title>"
        '<meta name="author" content="Jane [bold]Doe[/bold]\x1b[31m">'
        '<meta property="og:site_name" content="[link=https://evil.example]Times[/link]">'
        '<meta property="article:published_time" content="2024-03-14T09:00:00+01:00"></head><body><article>'
        + "<p>The harbour board approved the extension of the northern quay on Tuesday evening.</p>" * 8
        + "</article></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    line = article_meta(load_article(str(path)))
    assert line is not None
    assert "\x1b" not in line and "14 March 2024" in line and "1 min read" in line
    assert "[link=https://evil.example]Times[/link]" in line  # shown as written, never interpreted
