"""The Dask engine: the same per-article work as the local engine, as tasks on a Dask cluster.

With no scheduler address a `LocalCluster` (one single-threaded worker process per core) is started
and stopped around the batch. This process reads files and standard input and sends the article
text, so workers need the package and the model but no shared file system; URLs are fetched by the
workers. Each worker process keeps its loaded model between tasks (see `worker.py`), so the model
loads once per worker. Results come back as each task finishes, at most a few per worker in
flight, and are the JSON lines the local engine writes.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator, Sequence
from typing import Any

from reader.article import Article
from reader.collection.batch import IN_FLIGHT_PER_WORKER, available_cores
from reader.collection.worker import Job, Outcome, analyse_source, use_job
from reader.errors import ReaderError

_LOCK = threading.Lock()  # one article at a time per worker process, even on a multi-threaded worker


def analyse_task(source: str | Article, job: Job) -> Outcome:
    """The task a Dask worker runs: one article with the job's settings (model kept between tasks)."""
    with _LOCK:
        use_job(job)
        return analyse_source(source, job)


def _client(scheduler: str | None, workers: int, processes: bool) -> tuple[Any, Any]:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ReaderError("--engine dask needs Dask: pip install 'saidwhat[dask]'") from None
    if scheduler:
        try:
            return Client(scheduler, timeout="10s"), None
        except (OSError, TimeoutError, ValueError) as error:
            raise ReaderError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
    cluster = LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=processes,
        dashboard_address=":0",  # any free port: a second cluster on the machine must not warn
        silence_logs=logging.ERROR,
    )
    return Client(cluster), cluster


def _prepared(source: str) -> str | Article:
    """Files and stdin are read here (workers may be other machines); URLs go as they are."""
    from reader.sources import is_url, load_article

    return source if is_url(source) else load_article(source)


def run_dask(
    sources: Sequence[str],
    job: Job,
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    processes: bool = True,
) -> Iterator[Outcome]:
    """One Outcome per source as each task finishes, on the cluster at `scheduler` (or a local one)."""
    client, cluster = _client(scheduler, workers or available_cores(), processes)
    try:
        from distributed import as_completed

        slots = max(1, len(client.nthreads() or {1: 1})) * IN_FLIGHT_PER_WORKER
        pending = list(reversed(sources))
        running = as_completed()
        names: dict[str, str] = {}
        in_flight = 0
        while pending or in_flight:
            while pending and in_flight < slots:
                source = pending.pop()
                try:
                    item = _prepared(source)
                except ReaderError as error:
                    yield Outcome(source, error=str(error))
                    continue
                future = client.submit(analyse_task, item, job, pure=False)
                names[future.key] = source
                running.add(future)
                in_flight += 1
            if not in_flight:
                continue
            future = next(running)
            in_flight -= 1
            source = names.pop(future.key)
            try:
                yield future.result()
            except Exception as error:  # a worker lost or killed: this article fails, the batch goes on
                yield Outcome(source, error=f"{source}: the Dask task failed ({type(error).__name__})")
            future.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
