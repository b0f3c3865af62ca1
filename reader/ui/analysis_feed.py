"""The open article's analysis, off the UI thread: the cache in a daemon thread, spaCy in a child process.

Nothing here is ever waited for on the way out: the cache is read by a daemon thread and the parse
runs in `AnalysisProcess`, which `close` ends at once. The child starts with the command (before
Textual), so the model loads while the UI starts; a job sent before the screen exists keeps its
events until the screen asks for them.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from textual.message import Message

from reader.analysis.model import Analysis
from reader.analysis.worker import AnalysisProcess, Job, WorkerEvent
from reader.article import Article
from reader.ui.messages import AnalysisFailed, AnalysisProgress, AnalysisReady, AnalysisStatus

#: Characters per spaCy batch: small enough that the first screen of a long text is annotated fast.
BATCH_CHARS = 12000

Post = Callable[[Message], object]


@dataclass(frozen=True, slots=True)
class AnalysisOptions:
    """What an analysis depends on besides the text."""

    model: str | None = None
    extra_cues: tuple[str, ...] = ()
    use_cache: bool = True


def coverage(analysis: Analysis, body: int) -> float:
    """How much of the text a partial analysis covers (its last sentence or entity), 0..1."""
    reached = max(
        [e.end for e in analysis.entities[-1:]] + [e.sentence.end for e in analysis.events[-1:]] + [0]
    )
    return min(1.0, reached / body) if body else 1.0


def cached(article: Article, options: AnalysisOptions) -> Analysis | None:
    """The cached analysis of `article`, or None (never imports spaCy)."""
    if not options.use_cache:
        return None
    from reader.analysis import service

    return service.cached_analysis(
        article.text,
        model=options.model,
        body_end=article.body_end,
        extra_cues=options.extra_cues,
        published=article.meta.date,
        headings=article.heading_spans,
    )


def is_cached(article: Article, options: AnalysisOptions) -> bool:
    """Whether a cache entry exists for `article` (a file check: no reading, no spaCy)."""
    if not options.use_cache:
        return False
    from reader.analysis import cache
    from reader.analysis.nlp import resolve_model

    spec = resolve_model(options.model)
    key = cache.cache_key(
        article.text,
        article.body_end,
        spec.info,
        options.extra_cues,
        article.meta.date,
        article.heading_spans,
    )
    return cache.entry_path(key).is_file()


class AnalysisRunner:
    """Analyses one article at a time for the app and posts the results as messages."""

    def __init__(self, options: AnalysisOptions, process: AnalysisProcess | None = None) -> None:
        """`process`: one started earlier for the same model (before the UI was even imported)."""
        self.options = options
        self._lock = threading.Lock()
        self._process = process
        if process is not None:
            process.on_event = self._on_event
        self._job: Job | None = None
        self._body = 0
        self._post: Post | None = None
        self._held: list[Message] = []  # events of the current job that came before anyone asked
        self._latest: Analysis | None = None
        self._next_id = 0
        self._closed = False

    def start(self, article: Article | None = None) -> None:
        """Start the child now (the model loads meanwhile); with `article`, its analysis too."""
        self._ensure_process()
        if article is not None:
            with self._lock:
                self._submit(article)

    def request(self, article: Article, post: Post) -> None:
        """Analyse `article` (or keep the analysis started for it) and post its messages with `post`."""
        with self._lock:
            if self._job is not None and self._same(self._job, article):
                self._post = post
                held, self._held = self._held, []
                for message in held:
                    post(message)
                return
            self._job = None
            self._post = post
            self._held = []
        threading.Thread(target=self._cache_then_parse, args=(article, post), daemon=True).start()

    def close(self, *, wait: bool = True) -> None:
        """End the child at once (`wait`: and reap it); late events are dropped."""
        # No lock here: a signal handler may call this while this thread holds it.
        self._closed = True
        self._post = None
        process, self._process = self._process, None
        if process is not None:
            process.close(wait=wait)

    @property
    def process_id(self) -> int | None:
        return self._process.pid if self._process is not None else None

    # ----------------------------------------------------------------- internals

    @staticmethod
    def _same(job: Job, article: Article) -> bool:
        if job.published != article.meta.date or job.headings != article.heading_spans:
            return False
        return job.text is article.text or (job.text == article.text and job.body_end == article.body_end)

    def _cache_then_parse(self, article: Article, post: Post) -> None:
        try:
            hit = cached(article, self.options)
        except Exception:  # a broken cache only costs the shortcut
            hit = None
        with self._lock:
            if self._post is not post or self._closed:
                return
            if hit is not None:
                post(AnalysisReady(hit, cached=True))
                return
            post(AnalysisStatus("loading language model…"))
            self._submit(article)

    def _ensure_process(self) -> AnalysisProcess:
        if self._process is None:
            self._process = AnalysisProcess(self.options.model, self._on_event)
        return self._process

    def _submit(self, article: Article) -> None:
        """Send `article` to the child (the lock is held)."""
        if self._closed:
            return
        self._next_id += 1
        self._job = Job(
            self._next_id,
            article.text,
            article.body_end,
            tuple(self.options.extra_cues),
            self.options.use_cache,
            BATCH_CHARS,
            article.meta.date,
            article.heading_spans,
        )
        self._body = len(article.text) if article.body_end is None else article.body_end
        self._latest = None
        self._ensure_process().submit(self._job)

    def _on_event(self, event: WorkerEvent) -> None:
        with self._lock:
            if self._job is None or event.job_id != self._job.job_id:
                return
            message = self._message(event)
            if message is None:
                return
            if self._post is not None:
                self._post(message)
            else:
                self._hold(message)

    def _message(self, event: WorkerEvent) -> Message | None:
        if event.kind == "status":
            return AnalysisStatus(event.text)
        if event.kind == "partial" and event.analysis is not None:
            self._latest = event.analysis
            return AnalysisProgress(event.analysis, coverage(event.analysis, self._body))
        if event.kind == "done" and self._latest is not None:
            return AnalysisReady(self._latest)
        if event.kind == "failed":
            return AnalysisFailed(event.text or "the analysis stopped")
        return None

    def _hold(self, message: Message) -> None:
        """Keep what a screen needs when it asks: the last status, the latest partial, the end."""
        kinds: tuple[type[Message], ...] = (type(message),)
        if isinstance(message, AnalysisReady):
            kinds = (AnalysisProgress, AnalysisStatus)
        self._held = [held for held in self._held if not isinstance(held, kinds)] + [message]


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
