"""`reader [FILE|URL|-]`: check the config, theme and model, load the article, then start the app.

Everything that can fail with a clear message fails here, before the terminal switches to the UI.
Only Textual is imported here; spaCy loads in the analysis process started before the app.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from reader.errors import ReaderError
from reader.settings.config import load_config

TYPE_CHECKING = False
if TYPE_CHECKING:
    from reader.analysis.worker import AnalysisProcess
    from reader.collection.request import CollectionRequest
    from reader.settings.config import Config
    from reader.settings.themes import ReaderTheme
    from reader.ui.app import ReaderApp


def _reattach_terminal() -> None:
    """After reading an article from a pipe, take keys from the terminal instead of the pipe."""
    if sys.stdin is not None and sys.stdin.isatty():
        return
    try:
        tty = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        raise ReaderError("no terminal to read keys from; use 'reader analyze -' for piped input") from None
    os.dup2(tty, 0)
    os.close(tty)


def _collection_request(
    args: argparse.Namespace, model: str | None, cues: tuple[str, ...]
) -> CollectionRequest | None:
    """`reader DIR` (its articles, indexed in the background) or `reader --db FILE`: the collection screen."""
    source: str | None = getattr(args, "source", None)
    db = getattr(args, "db", None)
    folder = source is not None and source != "-" and os.path.isdir(source)
    if not folder and db is None:
        return None
    if source is not None and not folder:
        raise ReaderError("--db opens a collection: give a folder, or no article")
    from pathlib import Path

    from reader.cli.analyze import jsonl_line
    from reader.collection.index import connect, default_db_path
    from reader.collection.request import CollectionRequest
    from reader.collection.worker import Job

    db_path = Path(db).expanduser() if db else default_db_path()
    connect(db_path, create=folder).close()  # a bad or missing index fails here, before the UI
    if source is None or not folder:
        return CollectionRequest(db_path)
    from reader.collection.discover import discover

    sources = tuple(discover([source]))
    job = Job(render=jsonl_line, model=model, extra_cues=cues, use_cache=not getattr(args, "no_cache", False))
    scope = os.path.join(os.path.abspath(source), "")
    return CollectionRequest(db_path, scope=scope, sources=sources, job=job)


def run(args: argparse.Namespace) -> int:
    from reader.analysis.nlp import resolve_model
    from reader.settings.themes import choose_theme

    config, warnings = load_config()
    theme, theme_warnings = choose_theme(getattr(args, "theme", None), config)
    model_name = getattr(args, "model", None) or config.model
    resolve_model(model_name)
    from reader.analysis.worker import AnalysisProcess

    # spaCy and the model start loading now, in their own process, while the article and the UI load.
    process = AnalysisProcess(model_name)
    try:
        return _run(args, config, warnings, theme, theme_warnings, model_name, process)
    finally:
        process.close(wait=False)


def _run(
    args: argparse.Namespace,
    config: Config,
    warnings: list[str],
    theme: ReaderTheme,
    theme_warnings: list[str],
    model_name: str | None,
    process: AnalysisProcess,
) -> int:
    width = getattr(args, "width", None)
    if width is not None and width < 20:
        raise ReaderError(f"--width must be at least 20 columns (got {width})")
    source = getattr(args, "source", None)
    article = None
    collection = _collection_request(args, model_name, tuple(config.quote_cues))
    if source and collection is None:
        from reader.sources import load_article

        article = load_article(source, use_cache=not getattr(args, "no_cache", False))
    if not sys.stdout.isatty():
        raise ReaderError("the reader needs a terminal; use 'reader analyze' to print an analysis")
    if source == "-" or not sys.stdin.isatty():
        _reattach_terminal()

    from reader.ui.analysis_feed import AnalysisOptions, AnalysisRunner, is_cached
    from reader.ui.app import ReaderApp
    from reader.ui.options import ReaderOptions
    from reader.ui.terminal import QuickExit

    options = ReaderOptions(
        config,
        theme=theme.name,
        width=width,
        model=model_name,
        use_cache=not getattr(args, "no_cache", False),
    )
    runner_options = AnalysisOptions(model_name, tuple(config.quote_cues), options.use_cache)
    if article is None or is_cached(article, runner_options):
        process.close(wait=False)  # not needed now; a later article starts another
        runner = AnalysisRunner(runner_options)
    else:
        runner = AnalysisRunner(runner_options, process)
        runner.start(article)
    app = ReaderApp(
        article,
        options,
        warnings=[*warnings, *theme_warnings],
        collection=collection,
        runner=runner,
        quick_exit=QuickExit(),
    )
    try:
        with leave_on_signals(app):
            result = app.run()
    finally:
        runner.close()
    return int(result or 0) if app.return_code in (None, 0) else int(app.return_code or 1)


@contextmanager
def leave_on_signals(app: ReaderApp) -> Iterator[None]:
    """SIGINT, SIGTERM and a closed terminal (SIGHUP) end the app as `q` does, with status 128 + signal."""
    from reader.cli.interrupts import STOP_SIGNALS

    def leave(signum: int, _frame: FrameType | None) -> None:
        # The handler runs wherever the main thread was, maybe holding a lock the way out needs:
        # should leaving ever hang, the kernel ends the process two seconds later.
        if hasattr(signal, "SIGALRM"):
            signal.signal(signal.SIGALRM, signal.SIG_DFL)
            signal.alarm(2)
        app.leave(128 + signum)

    previous = {sig: signal.signal(sig, leave) for sig in STOP_SIGNALS}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
