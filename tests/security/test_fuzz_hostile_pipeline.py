"""Random bytes, markup and escapes through loader -> analysis -> what is shown: nothing may crash,
every span lies inside the text, and nothing unsanitised reaches the screen or the summary."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.content import Content

from reader.analysis.pipeline import analyse
from reader.analysis.summary import format_summary
from reader.errors import ReaderError
from reader.sources import load_article
from reader.terminal import UNSAFE
from reader.ui.present import card_text, event_line, quote_label, quote_summary, source_label

PIECES = [
    "“", "”", '"', "'", "[/b]", "[bold red]", "[@click=app.quit]", "[$accent]", "\\", "&#27;", "&#x9b;",
    "\x1b[2J", "\x1b]0;owned\x07", "\x9b31m", "\x00", "\x07", "\u202e", "\u2066", "\u2028", "\r", "\f",
    "<p>", "</p>", "<div>", "<script>", "<title>", "Ana Lee", "said", "Iran", "on Tuesday", ". ", "\n\n",
]  # fmt: skip
chunk = st.one_of(st.sampled_from(PIECES), st.text(max_size=8)).map(
    lambda s: s.encode("utf-8", "surrogatepass")
)
documents = st.tuples(
    st.lists(st.one_of(chunk, st.binary(max_size=6)), max_size=60).map(b"".join),
    st.sampled_from([".txt", ".html", ".md"]),
)


def _plain(value: object) -> str:
    return value.plain if isinstance(value, Content) else str(value)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=documents)
def test_hostile_bytes_end_in_safe_output_or_one_clean_error(
    tmp_path: Path, nlp: Any, document: tuple[bytes, str]
) -> None:
    data, suffix = document
    path = tmp_path / f"story{suffix}"
    path.write_bytes(data)
    try:
        article = load_article(str(path))
    except ReaderError as error:
        message = str(error)
        assert "\n" not in message and UNSAFE.search(message) is None
        return
    text = article.text
    assert UNSAFE.search(text.replace("\n", "")) is None
    analysis = analyse(text, nlp, body_end=article.body_end, batch_chars=64)
    spans = [*analysis.entities]
    for record in (*analysis.actors, *analysis.places):
        spans += record.mentions
    for quote in analysis.quotes:
        spans += [s for s in (quote.content, quote.speaker, quote.cue, *quote.segments) if s is not None]
    for event in analysis.events:
        spans += [event.trigger, event.sentence]
    for span in spans:
        assert 0 <= span.start <= span.end <= len(text) and text[span.start : span.end] == span.text
    shown = [format_summary(analysis, title=article.title, source=article.source), source_label(article)]
    shown += [quote_summary(q) + _plain(quote_label(q)) for q in analysis.quotes]
    shown += [_plain(event_line(analysis, e)) for e in analysis.events]
    shown += [_plain(card_text(r, analysis)) for r in analysis.actors]
    for line in shown:
        assert UNSAFE.search(line.replace("\n", "")) is None, line
