"""Random, hostile text through the real loader and the real analysis: nothing may crash or point outside.

Texts are built from pieces that break naive quote and sentence handling: unbalanced and nested
quotation marks of every style, apostrophes, odd Unicode (combining marks, right-to-left text,
emoji, zero-width characters), control characters and escape sequences, runs of empty paragraphs.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.errors import ReaderError
from reader.sources import load_article

QUOTE_MARKS = [
    '"',
    "\u201c",
    "\u201d",
    "'",
    "\u2018",
    "\u2019",
    "\u00ab",
    "\u00bb",
    "\u201e",
    "\u201a",
    "\u2039",
    "\u203a",
    "\u300c",
    "\u300d",
    "\u300e",
    "\u300f",
    "``",
    "''",
    "\u00ab\u00a0",
    "\u00a0\u00bb",
]
WORDS = [
    "said",
    "told reporters",
    "according to",
    "he added",
    "she wrote",
    "Maria Lind",
    "Mayor Ellen Park",
    "the council",
    "Iran",
    "Tehran",
    "on Tuesday",
    "in Baghdad",
    "President Trump",
    "critics say",
    "We will not resign.",
    "It is over,",
    "he said.",
    "she said:",
    "\u2014",
    "\u2013",
    "...",
    "\u2026",
    "U.S.",
    "Dr.",
    "Mr",
    "it's",
    "the 1990s'",
    "rock 'n' roll",
    "O'Brien",
    "don't",
]
ODD = [
    "\u0301",
    "e\u0301",
    "\u200b",
    "\u200d",
    "\ufeff",
    "\u202e",
    "\u2066",
    "\u05e9\u05dc\u05d5\u05dd",
    "\u0645\u0631\u062d\u0628\u0627",
    "\U0001f600",
    "\U0001f469\u200d\U0001f52c",
    "\u4e2d\u6587",
    "\ufffd",
    "\u00a0",
    "\u3000",
    "\x00",
    "\x1b[31m",
    "\x1b]0;title\x07",
    "\x07",
    "\x08",
    "\x7f",
    "\x85",
    "\x9b",
    "\u2028",
    "\u2029",
    "\x0c",
    "\x0b",
    "\r",
    "\r\n",
    "\t",
]
SEPARATORS = [" ", " ", " ", "\n", "\n\n", "\n\n\n\n", "  \n \n", ""]

piece = st.one_of(
    st.sampled_from(QUOTE_MARKS),
    st.sampled_from(WORDS),
    st.sampled_from(WORDS),
    st.sampled_from(ODD),
    st.text(max_size=6),
)
texts = st.lists(st.tuples(piece, st.sampled_from(SEPARATORS)), max_size=80).map(
    lambda parts: "".join(p + s for p, s in parts)
)


SAMPLE_TEXTS = [
    path.read_text(encoding="utf-8")
    for path in sorted((Path(__file__).resolve().parent.parent / "sample_articles").glob("*.txt"))
]


@st.composite
def damaged_articles(draw: st.DrawFn) -> str:
    """A stretch of a real sample article with quote marks, controls and odd characters spliced in."""
    source = draw(st.sampled_from(SAMPLE_TEXTS))
    start = draw(st.integers(0, max(0, len(source) - 200)))
    text = source[start : start + draw(st.integers(50, 2500))]
    for _ in range(draw(st.integers(0, 12))):
        at = draw(st.integers(0, len(text)))
        insert = draw(
            st.one_of(st.sampled_from(QUOTE_MARKS), st.sampled_from(ODD), st.sampled_from(SEPARATORS))
        )
        text = text[:at] + insert + text[at:]
    return text


def _spans(analysis: Any) -> Iterator[Any]:
    yield from analysis.entities
    for record in (*analysis.actors, *analysis.places):
        yield from record.mentions
    for event in analysis.events:
        yield event.trigger
        yield event.sentence
    for quote in analysis.quotes:
        yield quote.content
        yield from quote.segments
        if quote.speaker is not None:
            yield quote.speaker
        if quote.cue is not None:
            yield quote.cue


def _check(text: str, analysis: Any, body_end: int | None) -> None:
    assert analysis.text == text
    limit = len(text) if body_end is None else body_end
    ids = {record.id for record in (*analysis.actors, *analysis.places)}
    for span in _spans(analysis):
        assert 0 <= span.start <= span.end <= limit, (span, limit)
        assert text[span.start : span.end] == span.text, span
    for quote in analysis.quotes:
        assert quote.actor is None or quote.actor in ids
        for segment in quote.segments:
            assert quote.content.start <= segment.start <= segment.end <= quote.content.end
    for event in analysis.events:
        assert event.actor is None or event.actor in ids


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, cut=st.one_of(st.none(), st.floats(min_value=0.0, max_value=1.0)))
def test_analysis_of_hostile_text_stays_inside_the_text(nlp: Any, text: str, cut: float | None) -> None:
    from reader.analysis.pipeline import analyse

    body_end = None if cut is None else int(len(text) * cut)
    _check(text, analyse(text, nlp, body_end=body_end), body_end)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=damaged_articles())
def test_analysis_of_damaged_real_articles(nlp: Any, text: str) -> None:
    from reader.analysis.pipeline import analyse

    _check(text, analyse(text, nlp), None)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts)
def test_progressive_analysis_of_hostile_text(nlp: Any, text: str) -> None:
    from reader.analysis.pipeline import analyse_progressively

    final = None
    for final in analyse_progressively(text, nlp, batch_chars=40):
        _check(text, final, None)
    assert final is not None or not text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=300), texts.map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_loader_either_loads_safe_text_or_says_why(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.txt"
    path.write_bytes(data)
    try:
        article = load_article(str(path))
    except ReaderError as error:
        assert "\n" not in str(error) and str(error)
        return
    assert article.text.strip()
    assert "\r" not in article.text
    assert not any(ord(ch) < 0x20 and ch not in "\t\n" for ch in article.text)
    assert not any(0x7F <= ord(ch) <= 0x9F for ch in article.text)
    assert article.body_end is None or 0 < article.body_end < len(article.text)
