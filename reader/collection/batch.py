"""The local engine: analyse a collection on all cores, streaming each article as it finishes.

Why a process pool of whole articles rather than `nlp.pipe(n_process=N)`: the pool parallelises
the extraction on top of spaCy too and sends back a finished JSON line instead of a pickled `Doc`,
and a bad article fails alone. `benchmarks/bench_batch.py` measures both; the pool is the faster
(see docs/scale.md). Memory stays bounded whatever the collection size: at most two articles per
worker are in flight, results are handed on as they come, and each worker is replaced after
`TASKS_PER_WORKER` articles so spaCy's growing string store never accumulates.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Generator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from reader.article import Article
from reader.collection.worker import Job, Outcome, analyse_in_worker, analyse_source, init_worker, use_job

#: Articles a worker process analyses before it is replaced by a fresh one (bounds its memory).
TASKS_PER_WORKER = 250
#: Without --jobs, a batch under this many articles per core runs in this process (no workers to start).
SMALL_BATCH_PER_WORKER = 2
#: Articles in flight per worker: enough to keep it busy, few enough to bound memory.
IN_FLIGHT_PER_WORKER = 2


def available_cores() -> int:
    """The cores this process may run on (the scheduler's affinity, else the CPU count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _in_process(sources: Sequence[str | Article], job: Job) -> Generator[Outcome, None, None]:
    use_job(job)
    for source in sources:
        yield analyse_source(source, job)


def _start_resource_tracker() -> None:
    """Start multiprocessing's helper process with a real stderr to inherit.

    Inside the app, Textual replaces `sys.stderr` with an object that has no file descriptor, and
    starting the helper then fails ("bad value(s) in fds_to_keep"); the null device serves instead
    (and keeps its rare warnings off the app's screen).
    """
    from multiprocessing import resource_tracker

    try:
        usable = sys.stderr is not None and sys.stderr.fileno() >= 0
    except (AttributeError, ValueError, OSError):
        usable = False
    if usable:
        resource_tracker.ensure_running()
        return
    saved = sys.stderr
    with open(os.devnull, "w") as null:
        sys.stderr = null
        try:
            resource_tracker.ensure_running()
        finally:
            sys.stderr = saved


def _new_pool(jobs: int, job: Job) -> ProcessPoolExecutor:
    _start_resource_tracker()
    # spawn: workers start clean (no inherited threads or locks) on every platform.
    return ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=init_worker,
        initargs=(job,),
        max_tasks_per_child=TASKS_PER_WORKER,
    )


def _name(source: str | Article) -> str:
    return source if isinstance(source, str) else source.source


def _read_stdin_here(sources: Sequence[str | Article]) -> tuple[list[str | Article], list[Outcome]]:
    """Standard input belongs to this process: read `-` here and send the text to a worker."""
    from reader.errors import ReaderError
    from reader.sources import load_article

    ready: list[str | Article] = []
    failed: list[Outcome] = []
    for source in sources:
        if source != "-":
            ready.append(source)
            continue
        try:
            ready.append(load_article("-"))
        except ReaderError as error:
            failed.append(Outcome("-", error=str(error)))
    return ready, failed


def _pooled(sources: Sequence[str | Article], job: Job, jobs: int) -> Generator[Outcome, None, None]:
    ready, failed = _read_stdin_here(sources)
    yield from failed
    pending = list(reversed(ready))
    limit = jobs * IN_FLIGHT_PER_WORKER
    pool = _new_pool(jobs, job)
    running: dict[Future[Outcome], str | Article] = {}
    try:
        while pending or running:
            while pending and len(running) < limit:
                source = pending.pop()
                running[pool.submit(analyse_in_worker, source)] = source
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            broken = False
            for future in done:
                source = running.pop(future)
                try:
                    yield future.result()
                except BrokenProcessPool:
                    broken = True
                    yield Outcome(_name(source), error=f"{_name(source)}: the analysis process died")
            if broken:
                # A worker was killed (out of memory, a signal): everything in flight is lost with it.
                for source in running.values():
                    yield Outcome(_name(source), error=f"{_name(source)}: the analysis process died")
                running.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                pool = _new_pool(jobs, job)
    finally:
        _stop(pool)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop at once (Ctrl-C, a closed pipe): cancel what has not started and end the workers."""
    processes = list(getattr(pool, "_processes", {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=5)


def run_batch(
    sources: Sequence[str | Article], job: Job, *, jobs: int | None = None
) -> Generator[Outcome, None, None]:
    """One Outcome per source, each as soon as its article is done (completion order, not input order).

    `jobs` worker processes (default: all cores); one job, or one article, runs in this process. By
    default a batch too small to repay starting the workers (each loads the model) stays here too.
    """
    if jobs is None:
        jobs = available_cores() if len(sources) >= SMALL_BATCH_PER_WORKER * available_cores() else 1
    jobs = min(jobs, max(1, len(sources)))
    if jobs <= 1:
        return _in_process(sources, job)
    return _pooled(sources, job, jobs)
