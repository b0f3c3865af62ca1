"""The analysis in a child process: the model loads while the UI starts, and leaving never waits for it.

A parse cannot be stopped half-way inside a thread, and a process that loaded spaCy takes long to
tear down; a child process can simply be ended. `AnalysisProcess` (the parent's side) starts
a child Python running `serve(MODEL)`, which imports spaCy and loads the model at once, then
analyses the texts it is sent and streams the growing partial analyses back. The two sides speak
in length-prefixed pickles over the child's stdin and stdout (a private pipe between two copies of
this package, never a file or a socket).

Nothing half-done is written: a job cut off (a newer job, the child ended) leaves no cache entry,
and the cache entry of a finished job is written with SIGTERM held back, so ending the child never
leaves a partial file behind.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import queue
import signal
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import IO, Any

from reader.analysis.model import Analysis

#: Seconds the child waits before each job: lets tests end the app while an analysis is surely running.
DELAY_VARIABLE = "READER_ANALYSIS_DELAY"
_HEADER = struct.Struct(">Q")
#: The child's program: this module imported under its own name (what is pickled names it so).
_CHILD_MAIN = "import sys; from reader.analysis.worker import serve; sys.exit(serve(sys.argv[1:]))"


@dataclass(frozen=True, slots=True)
class Job:
    """One text to analyse, with everything the result depends on."""

    job_id: int
    text: str
    body_end: int | None
    extra_cues: tuple[str, ...]
    use_cache: bool
    batch_chars: int
    published: str | None = None  # the article's checked date (ISO): "on Tuesday" read against it
    headings: tuple[tuple[int, int], ...] = ()  # where the article's headings are: no quotes there


@dataclass(frozen=True, slots=True)
class WorkerEvent:
    """What the child reports: "status" (a line for the user), "partial", "done" or "failed"."""

    job_id: int
    kind: str
    analysis: Analysis | None = None
    text: str = ""


def _send(stream: IO[bytes], item: object) -> None:
    data = pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def _receive(stream: IO[bytes]) -> Any:
    """The next item, or None at the end of the stream."""
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        return None
    (size,) = _HEADER.unpack(header)
    data = stream.read(size)
    if len(data) < size:
        return None
    return pickle.loads(data)


# ---------------------------------------------------------------- the parent's side


class AnalysisProcess:
    """A child process that loads the model now and analyses the texts it is given.

    `on_event` is called from a daemon thread of this process for every event of the child; the
    exit never waits for that thread, and `close` ends the child at once.
    """

    def __init__(self, model: str | None, on_event: Callable[[WorkerEvent], None] | None = None) -> None:
        self.model = model
        self.on_event = on_event  # set before the first job: no event comes before one
        self._process = subprocess.Popen(
            [sys.executable, "-c", _CHILD_MAIN, model or ""],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self._outbox: queue.SimpleQueue[Job | None] = queue.SimpleQueue()
        threading.Thread(target=self._read, name="reader-analysis-in", daemon=True).start()
        threading.Thread(target=self._write, name="reader-analysis-out", daemon=True).start()

    @property
    def pid(self) -> int:
        return self._process.pid

    def submit(self, job: Job) -> None:
        """Analyse `job` next; a job still running is dropped (nothing of it is cached)."""
        self._outbox.put(job)

    def close(self, *, wait: bool = True) -> None:
        """End the child now (it holds back only while it writes a cache entry); `wait` to reap it.

        The kernel takes about 0.1 s to free a process holding a model: an app on its way out
        does not wait for that (the child is already ending, and nothing of it is left running).
        """
        self._outbox.put(None)
        process = self._process
        if process.poll() is None:
            with contextlib.suppress(OSError):
                process.terminate()
            if not wait:
                return
            try:
                process.wait(timeout=0.2)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(OSError):
                    process.kill()
                process.wait()
        for stream in (process.stdin, process.stdout):
            with contextlib.suppress(OSError, ValueError):
                if stream is not None:
                    stream.close()

    def _write(self) -> None:
        stdin = self._process.stdin
        assert stdin is not None
        while (job := self._outbox.get()) is not None:
            try:
                _send(stdin, job)
            except (OSError, ValueError):
                return

    def _read(self) -> None:
        stdout = self._process.stdout
        assert stdout is not None
        while True:
            try:
                event = _receive(stdout)
            except Exception:  # a child that died mid-message: no more events
                event = None
            if event is None:
                return
            if self.on_event is not None:
                self.on_event(event)


# ---------------------------------------------------------------- the child's side


class _Child:
    """The child's state: the jobs that came in, and the pipe back to the parent."""

    def __init__(self, out: IO[bytes]) -> None:
        self.out = out
        self.jobs: queue.SimpleQueue[Job] = queue.SimpleQueue()
        self.exiting = threading.Lock()  # held while a cache entry is written

    def listen(self, stdin: IO[bytes]) -> None:
        """Queue the jobs the parent sends; when the parent is gone, so is the child."""
        with contextlib.suppress(ValueError, AttributeError):
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})  # only the main thread takes it
        while True:
            try:
                job = _receive(stdin)
            except (OSError, ValueError, pickle.UnpicklingError, EOFError):
                job = None
            if job is None:
                with self.exiting:
                    os._exit(0)
            self.jobs.put(job)

    def report(self, event: WorkerEvent) -> None:
        try:
            _send(self.out, event)
        except (OSError, ValueError):
            os._exit(0)

    def latest_job(self, job: Job) -> Job:
        """The newest job waiting, or `job` when none came after it."""
        while True:
            try:
                job = self.jobs.get_nowait()
            except queue.Empty:
                return job


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def _run_job(child: _Child, job: Job, model: str | None) -> Job | None:
    """Analyse `job`, streaming partial results; a newer job waiting is returned instead of finishing."""
    from reader.analysis import cache
    from reader.analysis.nlp import load_model, resolve_model
    from reader.analysis.pipeline import analyse_progressively

    delay = float(os.environ.get(DELAY_VARIABLE) or 0)
    if delay > 0:
        time.sleep(delay)
    spec = resolve_model(model)
    key = cache.cache_key(job.text, job.body_end, spec.info, job.extra_cues, job.published, job.headings)
    if job.use_cache and (hit := cache.load(key, job.text)) is not None:
        child.report(WorkerEvent(job.job_id, "partial", hit))
        child.report(WorkerEvent(job.job_id, "done"))
        return None
    child.report(WorkerEvent(job.job_id, "status", text="loading language model…"))
    nlp = load_model(spec)
    final: Analysis | None = None
    for final in analyse_progressively(
        job.text,
        nlp,
        body_end=job.body_end,
        batch_chars=job.batch_chars,
        extra_cues=job.extra_cues,
        info=spec.info,
        published=job.published,
        headings=job.headings,
    ):
        child.report(WorkerEvent(job.job_id, "partial", final))
        newer = child.latest_job(job)
        if newer is not job:
            return newer  # cut off: nothing of it is cached
    if job.use_cache and final is not None:
        with child.exiting:
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
            try:
                cache.store(key, final)
            finally:
                signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
    child.report(WorkerEvent(job.job_id, "done"))
    return None


def _preload(model: str | None) -> BaseException | None:
    """Import spaCy and load the model before any job arrives (the slow part of a cold start)."""
    try:
        from reader.analysis.nlp import load_model, resolve_model

        load_model(resolve_model(model))
        import reader.analysis.pipeline  # noqa: F401 - the extraction rules, ready for the first job
    except Exception as error:  # reported with the first job: the parent shows it
        return error
    return None


def serve(argv: Sequence[str]) -> int:
    """The child's main loop (started by `AnalysisProcess` with the model's name)."""
    model = argv[0] if argv and argv[0] else None
    for sig in (signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, signal.SIG_IGN)  # the parent decides when the child ends
    out = os.fdopen(os.dup(1), "wb")
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)  # a stray print from a library must not corrupt the pipe to the parent
    child = _Child(out)
    threading.Thread(target=child.listen, args=(sys.stdin.buffer,), daemon=True).start()
    failure = _preload(model)
    job: Job | None = None
    while True:
        current = job if job is not None else child.latest_job(child.jobs.get())
        job = None
        if failure is not None:
            child.report(WorkerEvent(current.job_id, "failed", text=_first_line(failure)))
            continue
        try:
            job = _run_job(child, current, model)
        except Exception as error:
            child.report(WorkerEvent(current.job_id, "failed", text=_first_line(error)))
