"""One article, start to finish, in whichever process runs it: load, analyse (cache first), render.

The same function serves the local process pool, the in-process path (`--jobs 1`) and Dask workers,
which is what makes their output the same. A worker keeps its spaCy pipeline between articles (the
model loads once per process) and turns every failure into an `Outcome` with a one-line error, so
one bad article never stops a batch.
"""

from __future__ import annotations

import signal
from collections.abc import Callable
from dataclasses import dataclass, field

from reader.analysis.model import Analysis
from reader.article import Article, count_words
from reader.errors import ReaderError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from spacy.language import Language

#: Turns an analysed article into its JSON line (a module-level function: workers get it by reference).
Render = Callable[[Analysis, Article], str]


@dataclass(frozen=True, slots=True)
class Job:
    """What every article of a batch is analysed with; sent once to each worker."""

    render: Render
    model: str | None = None
    extra_cues: tuple[str, ...] = ()
    use_cache: bool = True


@dataclass(frozen=True, slots=True)
class Outcome:
    """One article's result: its JSON line, or a one-line error; `tokens` counts what was parsed."""

    source: str
    line: str | None = None
    error: str | None = None
    cached: bool = False
    words: int = field(default=0, compare=False)
    warning: str | None = None  # a line for the reader: "story.txt: This article looks French; ..."


class _State:
    """The per-process job and loaded pipeline (None until the first cache miss)."""

    job: Job | None = None
    nlp: Language | None = None


def init_worker(job: Job) -> None:
    """Pool initializer: remember the job; leave Ctrl-C to the parent, which stops the workers.

    A worker's results go back through the pool, never to the terminal: its stdout and stderr point
    at the null device, so a library's warning can neither garble the app's screen nor the output.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _silence_output()
    _State.job = job
    _State.nlp = None


def _silence_output() -> None:
    import os

    try:
        null = os.open(os.devnull, os.O_WRONLY)
    except OSError:
        return
    for fd in (1, 2):
        try:
            os.dup2(null, fd)
        except OSError:
            continue
    os.close(null)


def use_job(job: Job) -> None:
    """In-process use (`--jobs 1`, Dask tasks): remember the job, keeping a pipeline already loaded."""
    if _State.job is None or (_State.job.model, _State.job.extra_cues) != (job.model, job.extra_cues):
        _State.nlp = None
    _State.job = job


def _one_line(message: str) -> str:
    from reader.sources import sanitize_for_terminal

    return " ".join(sanitize_for_terminal(message).split()) or "unknown error"


def _analyse(article: Article, job: Job) -> tuple[Analysis, bool]:
    from reader.analysis import cache
    from reader.analysis.nlp import load_model, resolve_model

    spec = resolve_model(job.model)
    published = article.meta.date  # the checked date: "on Wednesday" becomes a calendar day
    headings = article.heading_spans  # where no one is quoted
    key = cache.cache_key(article.text, article.body_end, spec.info, job.extra_cues, published, headings)
    if job.use_cache:
        hit = cache.load(key, article.text)
        if hit is not None:
            return hit, True
    from reader.analysis.pipeline import analyse

    nlp = _State.nlp
    if nlp is None:
        nlp = _State.nlp = load_model(spec)
    analysis = analyse(
        article.text,
        nlp,
        body_end=article.body_end,
        extra_cues=job.extra_cues,
        info=spec.info,
        published=published,
        headings=headings,
    )
    if job.use_cache:
        cache.store(key, analysis)
    return analysis, False


def analyse_source(source: str | Article, job: Job | None = None) -> Outcome:
    """Load, analyse and render one article; never raises for a bad article."""
    job = job or _State.job
    if job is None:
        raise RuntimeError("analyse_source needs a job (init_worker or use_job first)")
    name = source if isinstance(source, str) else source.source
    try:
        if isinstance(source, Article):
            article = source
        else:
            from reader.sources import load_article

            article = load_article(source, use_cache=job.use_cache)
        analysis, cached = _analyse(article, job)
        line = job.render(analysis, article)
    except ReaderError as error:
        return Outcome(name, error=_one_line(str(error)))
    except MemoryError:
        return Outcome(name, error=f"{_one_line(name)}: not enough memory to analyse it")
    except Exception as error:  # a bug must not lose the rest of a 10,000-article batch
        return Outcome(name, error=f"{_one_line(name)}: analysis failed ({_one_line(repr(error))})")
    from reader.analysis.language import language_warning

    warning = language_warning(analysis.meta.language if analysis.meta is not None else None)
    warning = f"{_one_line(name)}: {warning}" if warning else None
    return Outcome(name, line=line, cached=cached, words=count_words(article.body), warning=warning)


def analyse_in_worker(source: str | Article) -> Outcome:
    """The pool's task: `analyse_source` with the job the initializer stored."""
    return analyse_source(source)
