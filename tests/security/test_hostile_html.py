"""HTML that used to lose the article: control-character entities, deep nesting, plain text as .html.

The extractor may fail or find nothing; the page's plain text is read instead, and an entity for a
control character is neutralised like the raw character.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from reader.sources import load_article
from reader.sources.html_plain import neutralise_entities, plain_text_of

STORY = "The mayor said the flood plan was approved on Tuesday after a long debate in the council chamber."
PAGES = {
    "entities.html": "<html><head><title>Flood plan</title></head><body><article><h1>Flood plan approved</h1>"
    f"<p>{STORY.replace('mayor', 'mayor &#27;[31m&#x1B;]0;owned&#7; &#155;')}</p><p>{STORY}</p>"
    "</article></body></html>",
    "deep.html": "<html><body>" + "<div>" * 10_000 + f"<p>{STORY}</p>" + "</div>" * 10_000 + "</body></html>",
    "plain.html": f"Flood plan approved\n\n{STORY}\n\nShe said it would help the families on Canal Street.\n",
    "unclosed.html": "<html><body><p>" + "<b><i>" * 3000 + STORY,
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_the_article_survives(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(PAGES[name], encoding="utf-8")
    article = load_article(str(path))
    assert "flood plan was approved on Tuesday" in article.text
    assert "\x1b" not in article.text and "\x07" not in article.text and "\x9b" not in article.text


def test_entities_for_control_characters_become_visible_symbols() -> None:
    assert neutralise_entities("a&#27;[2Jb&#x07;c&#0;d") == "a\u241b[2Jb\u2407c\ufffdd"
    assert (
        neutralise_entities("&#147;quoted&#148; &#8212; &#x2014; &amp;")
        == "\u201cquoted\u201d &#8212; &#x2014; &amp;"
    )
    assert neutralise_entities("&#x202E;&#8233;") == " \n"
    assert neutralise_entities("&#99999999999;") == "\ufffd"


def test_plain_text_fallback_skips_navigation_and_scripts() -> None:
    text, title = plain_text_of(
        "<html><head><title>T</title><script>var x = '<p>no</p>';</script></head><body><nav>Home</nav>"
        "<p>First   paragraph\nwraps.</p><p>Second<br>line</p><footer>(c) Site</footer></body></html>"
    )
    assert title == "T"
    assert text == "First paragraph wraps.\n\nSecond\nline"


def test_a_hostile_page_through_the_command(reader: Callable[..., object], tmp_path: Path) -> None:
    path = tmp_path / "entities.html"
    path.write_text(PAGES["entities.html"], encoding="utf-8")
    run = reader("analyze", str(path))
    assert run.code == 0 and "Flood plan" in run.stdout  # type: ignore[attr-defined]
