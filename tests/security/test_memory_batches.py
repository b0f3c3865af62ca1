"""Memory: spaCy never gets more than one batch of text at once, and batching changes no quote.

(Peak memory itself is measured, not asserted: benchmarks/bench_memory.py.)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import pytest

from reader.analysis.nlp import BATCH_CHARS
from reader.analysis.pipeline import CONTEXT_CHARS, analyse, analyse_many, split_batches


class Recorder:
    """The pipeline as the analysis sees it, noting the length of every text handed to spaCy."""

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp
        self.lengths: list[int] = []
        self.max_length = nlp.max_length
        self.meta = nlp.meta

    def __call__(self, text: str) -> Any:
        self.lengths.append(len(text))
        return self.nlp(text)

    def pipe(self, texts: Iterable[str], batch_size: int = 1) -> Iterator[Any]:
        def noted() -> Iterator[str]:
            for text in texts:
                self.lengths.append(len(text))
                yield text

        return self.nlp.pipe(noted(), batch_size=batch_size)


PARAGRAPH = "Iran launched missiles at two bases on Tuesday, officials said in Baghdad.\n\n"


def test_a_long_text_reaches_spacy_in_bounded_batches(nlp: Any) -> None:
    text = PARAGRAPH * (2 * BATCH_CHARS // len(PARAGRAPH) + 5)
    recorder = Recorder(nlp)
    analysis = analyse(text, recorder)  # type: ignore[arg-type]
    assert len(recorder.lengths) >= 3 and max(recorder.lengths) <= BATCH_CHARS + CONTEXT_CHARS
    iran = next(r for r in analysis.places if r.name == "Iran")
    assert len(iran.mentions) == text.count("Iran")


def test_many_articles_never_pipe_a_long_one_whole(nlp: Any) -> None:
    long = PARAGRAPH * (BATCH_CHARS // len(PARAGRAPH) + 20)
    recorder = Recorder(nlp)
    results = list(analyse_many(["Germany won the cup.", long], recorder))  # type: ignore[arg-type]
    assert max(recorder.lengths) <= BATCH_CHARS + CONTEXT_CHARS
    assert [r.text for r in results] == ["Germany won the cup.", long]


QUOTED = [
    "Maria Lopez, the mayor of Springfield, spoke to reporters on Monday.",
    "“We did everything we could for the families on Canal Street,” Lopez said.",
    "“The water came faster than any of our forecasts said it would.",
    "“Nobody on the council will hide from the inquiry,” she added.",
    "The inquiry opens in March.",
]


@pytest.mark.parametrize("limit", [130, 150, 220, 300])
def test_no_seam_falls_inside_a_quote_over_several_paragraphs(limit: int) -> None:
    text = "\n\n".join(QUOTED) + "\n"
    inside = text.index(QUOTED[3])  # the quote that opens in paragraph 3 ends in paragraph 4
    for start, _ in split_batches(text, limit)[1:]:
        assert start != inside, (limit, text[start : start + 30])


@pytest.mark.parametrize(
    "text",
    [
        "x" * 1000,  # no break at all
        "“quoted line\n" * 100,  # every line continues a quote
        "\n" * 500,
        "word " * 300,
    ],
)
def test_hostile_texts_still_split_into_bounded_pieces(text: str) -> None:
    pieces = split_batches(text, 64)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(0 < end - start <= 64 for start, end in pieces)
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:], strict=False))


def test_batched_quotes_match_the_whole_text(nlp: Any) -> None:
    text = "\n\n".join(QUOTED) + "\n"
    whole = analyse(text, nlp, batch_chars=10**6)
    batched = analyse(text, nlp, batch_chars=150)
    assert len(split_batches(text, 150)) >= 3

    def quotes(analysis: Any) -> list[tuple[Any, ...]]:
        return [(q.content.start, q.content.end, q.speaker_name, len(q.segments)) for q in analysis.quotes]

    assert quotes(batched) == quotes(whole)
    multi = [q for q in whole.quotes if len(q.segments) > 1]
    assert multi and multi[0].speaker_name == "Maria Lopez"
