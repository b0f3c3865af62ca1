"""Language detection: every non-English article is flagged, no English one ever is."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.analysis.language import detect_language, language_name, language_warning
from reader.sources import load_article

DATA = Path(__file__).resolve().parent / "data" / "meta"
SAMPLES = Path(__file__).resolve().parent.parent / "sample_articles"


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("french.txt", "fr"),
        ("german.txt", "de"),
        ("spanish.txt", "es"),
        ("italian.txt", "it"),
        ("dutch.txt", "nl"),
        ("short-english.txt", "en"),
        ("english-foreign-names.txt", "en"),
        ("english-quoting-french.txt", "en"),
    ],
)
def test_detects_the_body_language(name: str, code: str) -> None:
    assert detect_language((DATA / name).read_text(encoding="utf-8")) == code


@pytest.mark.parametrize(
    "text",
    [
        "Storm closes coastal road",
        "Jean-Luc Mélenchon, François Bayrou, Marine Le Pen, Élisabeth Borne, Ségolène Royal.",
        "Olaf Scholz met Emmanuel Macron and Giorgia Meloni in Brussels.",
        "",
        "12:30 — 14:00 · 2024-03-14 · https://t.example/x",
    ],
)
def test_short_and_name_only_texts_are_never_flagged(text: str) -> None:
    assert detect_language(text) in (None, "en")
    assert language_warning(detect_language(text)) is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "東京都は火曜日、来年の春に新しい地下鉄路線を開業すると発表した。知事は記者会見で、この路線が交通渋滞を"
            "大きく緩和すると述べた。",
            "ja",
        ),
        (
            "北京市政府周二宣布，将在明年春季开通一条新的地铁线路，连接市中心和东部的几个新城区。市长表示，这条线路将大大"
            "缓解交通压力。",
            "zh",
        ),
        (
            "Городской совет во вторник одобрил строительство новой линии трамвая, которая соединит центр "
            "города с восточными районами. По словам мэра, работы начнутся весной.",
            "ru",
        ),
    ],
)
def test_scripts_other_than_latin(text: str, code: str) -> None:
    assert detect_language(text) == code


def test_sample_articles_are_english() -> None:
    for path in sorted(SAMPLES.iterdir()):
        assert detect_language(load_article(str(path)).body) == "en", path.name


def test_warning_names_the_language() -> None:
    assert language_name("fr") == "French"
    assert language_warning("fr") == (
        "This article looks French; names and quotes are found with an English model and will be unreliable"
    )
    assert (
        language_warning("en") is None and language_warning(None) is None and language_warning("xx") is None
    )


def test_the_page_declaring_english_is_not_believed(tmp_path: Path) -> None:
    """Templates declare lang="en" for articles in other languages: the text decides."""
    french = (DATA / "french.txt").read_text(encoding="utf-8").split("\n\n")
    html = (
        '<!DOCTYPE html><html lang="en"><head><title>Match</title></head><body><article>'
        + "".join(f"<p>{p}</p>" for p in french)
        + "</article></body></html>"
    )
    path = tmp_path / "match.html"
    path.write_text(html, encoding="utf-8")
    assert detect_language(load_article(str(path)).body) == "fr"


def test_a_short_english_page_declared_french_is_not_flagged(tmp_path: Path) -> None:
    html = (
        '<!DOCTYPE html><html lang="fr"><head><title>Road closed</title></head><body><article>'
        "<p>The coastal road was closed on Tuesday after high winds brought down trees near the harbour, "
        "the council said. It is expected to reopen on Thursday.</p></article></body></html>"
    )
    path = tmp_path / "short.html"
    path.write_text(html, encoding="utf-8")
    assert language_warning(detect_language(load_article(str(path)).body)) is None
