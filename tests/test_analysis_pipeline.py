"""The pipeline: model resolution, body_end, progressive batches, many articles, full-text offsets."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from reader.analysis.model import SCHEMA_VERSION, Analysis
from reader.analysis.nlp import FALLBACK_MODEL, ModelSpec, load_model, resolve_model
from reader.analysis.pipeline import analyse, analyse_many, analyse_progressively, split_batches
from reader.errors import ReaderError
from reader.sources import load_article

SEED = Path(__file__).resolve().parent.parent / "sample_articles" / "iran-missile-strikes.txt"
SAMPLES = SEED.parent


@pytest.fixture(scope="module")
def seed_article() -> Any:
    return load_article(str(SEED))


def all_spans(analysis: Analysis) -> list[Any]:
    spans: list[Any] = list(analysis.entities)
    for record in (*analysis.actors, *analysis.places):
        spans += record.mentions
    for event in analysis.events:
        spans += [event.trigger, event.sentence]
    for quote in analysis.quotes:
        spans += [s for s in (quote.content, quote.speaker, quote.cue, *quote.segments) if s is not None]
    return spans


def test_resolve_default_model() -> None:
    spec = resolve_model(None)
    assert isinstance(spec, ModelSpec)
    assert spec.version and spec.version != "unknown"
    assert resolve_model(FALLBACK_MODEL).package == FALLBACK_MODEL


def test_missing_model_is_one_clear_line() -> None:
    with pytest.raises(ReaderError) as caught:
        resolve_model("en_core_web_nonexistent")
    message = str(caught.value)
    assert "\n" not in message
    assert "en_core_web_nonexistent" in message and "install" in message
    assert caught.value.exit_code == 2


def test_resolving_does_not_import_spacy() -> None:
    code = (
        "import sys; from reader.analysis.nlp import resolve_model; resolve_model(None); "
        "print('spacy' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_model_loads_once(nlp: Any) -> None:
    assert load_model(resolve_model(None)) is nlp


def test_model_info_is_the_package(seed_article: Any, nlp: Any) -> None:
    analysis = analyse("Iran launched missiles.", nlp)
    spec = resolve_model(None)
    assert analysis.model.name == spec.package
    assert analysis.model.version == spec.version


def test_body_end_limits_the_analysis(seed_article: Any, nlp: Any) -> None:
    assert seed_article.body_end is not None and seed_article.body_end < len(seed_article.text)
    analysis = analyse(seed_article.text, nlp, body_end=seed_article.body_end)
    assert analysis.text == seed_article.text
    assert all(span.end <= seed_article.body_end for span in all_spans(analysis))
    assert analysis.to_dict()["body_end"] == seed_article.body_end
    assert analysis.to_dict()["schema_version"] == SCHEMA_VERSION


def test_json_round_trip(seed_article: Any, nlp: Any) -> None:
    analysis = analyse(seed_article.text, nlp, body_end=seed_article.body_end)
    again = Analysis.from_dict(analysis.to_dict())
    assert again.to_dict() == analysis.to_dict()


@pytest.mark.parametrize("limit", [1, 7, 50, 400])
def test_split_batches_covers_the_text(seed_article: Any, limit: int) -> None:
    text = seed_article.text
    pieces = split_batches(text, limit)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    for (_, end), (start, _) in zip(pieces, pieces[1:], strict=False):
        assert end == start
    assert all(0 < end - start <= limit for start, end in pieces)


def test_split_batches_prefers_paragraphs() -> None:
    text = "First paragraph here.\n\nSecond one.\n\nThird paragraph, a bit longer."
    pieces = split_batches(text, 40)
    assert [text[s:e] for s, e in pieces][0] == "First paragraph here.\n\nSecond one.\n\n"


def test_progressive_analysis_grows_and_matches_the_whole(seed_article: Any, nlp: Any) -> None:
    body = seed_article.body
    text = "\n\n".join([body.strip()] * 3) + "\n\nLeave a Reply\n"
    body_end = text.index("Leave a Reply")
    partials = list(analyse_progressively(text, nlp, body_end=body_end, batch_chars=2500))
    assert len(partials) >= 3
    counts = [len(p.entities) for p in partials]
    assert counts == sorted(counts) and counts[0] < counts[-1]
    final = partials[-1]
    for partial in partials:
        assert partial.text == text
        for span in all_spans(partial):
            assert text[span.start : span.end] == span.text
    # The last partial is the full analysis: Soleimani's mentions from every batch are merged.
    soleimani = next(r for r in final.actors if r.name == "Qassem Soleimani")
    assert len(soleimani.mentions) >= 18
    whole = analyse(text, nlp, body_end=body_end)
    assert {r.name for r in final.actors} == {r.name for r in whole.actors}
    assert len(final.entities) == len(whole.entities)
    # Quote actor ids stay valid after later batches merge referents.
    for quote in final.quotes:
        assert quote.actor is None or final.referent(quote.actor) is not None


def test_short_text_yields_one_analysis(nlp: Any) -> None:
    partials = list(analyse_progressively("Iran launched missiles on Tuesday.", nlp))
    assert len(partials) == 1


def test_analyse_many_keeps_order(nlp: Any) -> None:
    texts = ["Germany won the World Cup in 2014.", ("Iran launched missiles. Footer", 23), ""]
    results = list(analyse_many(texts, nlp))
    assert len(results) == 3
    assert results[0].actors[0].name == "Germany"
    assert results[1].body_end == 23 and all(e.end <= 23 for e in results[1].entities)
    assert results[2].entities == [] and results[2].text == ""


def test_empty_and_whitespace_texts(nlp: Any) -> None:
    for text in ("", "   \n\n  ", "\u00a0"):
        analysis = analyse(text, nlp)
        assert analysis.text == text
        assert analysis.actors == [] and analysis.events == []


def test_long_text_beyond_max_length_is_batched(nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Iran launched missiles on Tuesday.\n\n" * 40
    monkeypatch.setattr(nlp, "max_length", 300)
    analysis = analyse(text, nlp)
    iran = next(r for r in analysis.places if r.name == "Iran")
    assert len(iran.mentions) == 40
    for span in all_spans(analysis):
        assert text[span.start : span.end] == span.text


def test_pip_style_model_name_is_accepted() -> None:
    assert resolve_model(FALLBACK_MODEL.replace("_", "-")).package == FALLBACK_MODEL


def test_model_folder(tmp_path: Any) -> None:
    folder = tmp_path / "my_pipeline"
    folder.mkdir()
    meta = '{"lang": "en", "name": "custom", "version": "1.2.3"}'
    (folder / "meta.json").write_text(meta, encoding="utf-8")
    spec = resolve_model(str(folder))
    assert spec.version == "1.2.3" and spec.package == str(folder.resolve())
    with pytest.raises(ReaderError):
        resolve_model(str(tmp_path / "missing_folder"))


def test_batches_see_the_people_named_in_earlier_batches(nlp: Any) -> None:
    paragraphs = [
        "Loretta Bell, 78, had lived on Canal Street for forty years.",
        '"Taking responsibility would mean somebody losing their job," said Marcus Bell, her son.',
        '"I told her to go upstairs," Bell said. "She could not do the stairs."',
        "Qassem Soleimani led the Quds Force for two decades and was the best known of its commanders.",
        '"We will respond," Soleimani said on Tuesday.',
    ]
    text = "\n\n".join(paragraphs) + "\n"
    partials = list(analyse_progressively(text, nlp, batch_chars=100))
    final = partials[-1]
    pieces = [text[s:e] for s, e in split_batches(text, 100)]
    # Each surname comes in a later batch than its full name.
    for full, later in (("Marcus Bell", "Bell said"), ("Qassem Soleimani", "Soleimani said")):
        assert next(i for i, p in enumerate(pieces) if full in p) < next(
            i for i, p in enumerate(pieces) if later in p
        )
    by_content = {q.content.text.strip('“”"'): q for q in final.quotes}
    upstairs = next(q for c, q in by_content.items() if c.startswith("I told her"))
    respond = next(q for c, q in by_content.items() if c.startswith("We will respond"))
    assert upstairs.speaker_name == "Marcus Bell"
    assert respond.speaker_name == "Qassem Soleimani"
    for quote in (upstairs, respond):
        record = final.referent(quote.actor or "")
        assert record is not None and record.name == quote.speaker_name
    whole = analyse(text, nlp)
    assert [(a.name, len(a.mentions)) for a in final.actors] == [
        (a.name, len(a.mentions)) for a in whole.actors
    ]


def test_streamed_quotes_agree_with_the_whole_analysis(nlp: Any) -> None:
    article = load_article(str(SAMPLES / "flood-inquiry-many-voices.txt"))
    whole = analyse(article.text, nlp, body_end=article.body_end)
    final = list(analyse_progressively(article.text, nlp, body_end=article.body_end, batch_chars=3000))[-1]
    assert {r.name for r in final.actors} == {r.name for r in whole.actors}
    speakers = {q.content.start: q.speaker_name for q in whole.quotes}
    streamed = {q.content.start: q.speaker_name for q in final.quotes}
    common = speakers.keys() & streamed.keys()
    assert len(common) >= 0.9 * len(speakers)
    # Only a pronoun whose person is named in an earlier batch may come out differently.
    assert sum(speakers[k] == streamed[k] for k in common) >= 0.9 * len(common)
