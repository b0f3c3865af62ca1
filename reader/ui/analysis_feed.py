"""The analysis of the open article, fetched off the UI thread: the cache first, else spaCy in batches.

Runs in a worker thread and reports only through messages (`post`), so the text stays on screen and
responsive while the model loads; a long text shows its first highlights long before its last.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from textual.message import Message

from reader.analysis.model import Analysis
from reader.article import Article
from reader.ui.messages import AnalysisFailed, AnalysisProgress, AnalysisReady, AnalysisStatus
from reader.ui.options import ReaderOptions

#: Characters per spaCy batch: small enough that the first screen of a long text is annotated fast.
BATCH_CHARS = 12000


def fetch_analysis(
    article: Article,
    run_options: ReaderOptions,
    post: Callable[[Message], object],
    cancelled: Callable[[], bool],
) -> None:
    """Post the cached analysis, or the partial analyses as they come and then the complete one."""
    use_cache = run_options.use_cache
    try:
        from reader.analysis import service

        model, body_end = run_options.model_name, article.body_end
        cues = tuple(run_options.config.quote_cues)
        if use_cache:
            cached = service.cached_analysis(article.text, model=model, body_end=body_end, extra_cues=cues)
            if cached is not None:
                post(AnalysisReady(cached, cached=True))
                return
        post(AnalysisStatus("loading language model…"))
        body = len(article.text) if article.body_end is None else article.body_end
        final: Analysis | None = None
        for partial in service.iter_analysis(
            article.text,
            model=model,
            body_end=body_end,
            extra_cues=cues,
            use_cache=use_cache,
            batch_chars=BATCH_CHARS,
        ):
            if cancelled():
                return
            final = partial
            post(AnalysisProgress(partial, _coverage(partial, body)))
        if final is not None and not cancelled():
            post(AnalysisReady(final))
    except Exception as error:  # the text stays readable; say why highlights are missing
        message = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        post(AnalysisFailed(message))


@contextmanager
def gc_paused() -> Iterator[None]:
    """Hold off the cyclic garbage collector for a burst of allocations (it runs again afterwards)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _coverage(analysis: Analysis, body: int) -> float:
    """How much of the text a partial analysis covers (its last sentence or entity), 0..1."""
    reached = max(
        [e.end for e in analysis.entities[-1:]] + [e.sentence.end for e in analysis.events[-1:]] + [0]
    )
    return min(1.0, reached / body) if body else 1.0
