"""Where a batch's JSON lines go: stdout, or a file that an interrupted run can resume.

Every line is written whole with one system call while Ctrl-C and SIGTERM wait, so an interrupted
run leaves only complete lines; a file cut short by a crash has its partial last line dropped
before `--resume` appends. Resuming skips every source that already has an analysis line; sources
whose line is an error are tried again.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
from collections.abc import Iterable, Iterator
from pathlib import Path

from reader.errors import ReaderError
from reader.sources import is_url, sanitize_for_terminal

_DEFERRED = {signal.SIGINT, getattr(signal, "SIGTERM", signal.SIGINT)}


def source_key(source: str) -> str:
    """The identity of a source in a results file: paths compared normalised, URLs and `-` as given."""
    return source if source == "-" or is_url(source) else os.path.normpath(source)


def _shown(path: Path) -> str:
    return " ".join(sanitize_for_terminal(str(path)).split("\n"))


def _complete_lines(path: Path) -> Iterator[bytes]:
    with path.open("rb") as handle:
        for raw in handle:
            if raw.endswith(b"\n"):
                yield raw


def completed_sources(path: Path) -> set[str]:
    """Sources that already have an analysis line in `path` (error lines and partial lines do not count)."""
    done: set[str] = set()
    try:
        for raw in _complete_lines(path):
            try:
                record = json.loads(raw)
            except ValueError:
                continue
            if isinstance(record, dict) and isinstance(record.get("source"), str) and "error" not in record:
                done.add(source_key(record["source"]))
    except FileNotFoundError:
        return set()
    except OSError as error:
        raise ReaderError(f"cannot read {_shown(path)}: {error.strerror or 'unreadable'}") from None
    return done


def _drop_partial_tail(fd: int) -> None:
    """Cut a half-written last line (a crash mid-write) so appended lines start on a line of their own."""
    size = os.lseek(fd, 0, os.SEEK_END)
    if size == 0:
        return
    step = 65536
    end = size
    while end > 0:
        start = max(0, end - step)
        chunk = os.pread(fd, end - start, start)
        if end == size and chunk.endswith(b"\n"):
            return
        cut = chunk.rfind(b"\n")
        if cut != -1:
            os.ftruncate(fd, start + cut + 1)
            return
        end = start
    os.ftruncate(fd, 0)


class LineWriter:
    """Appends whole lines to a file descriptor (stdout or the results file)."""

    def __init__(self, fd: int, *, owned: bool) -> None:
        self.fd = fd
        self.owned = owned

    def write(self, line: str) -> None:
        data = (line + "\n").encode("utf-8", "surrogatepass")
        blocked = hasattr(signal, "pthread_sigmask")
        if blocked:
            signal.pthread_sigmask(signal.SIG_BLOCK, _DEFERRED)
        try:
            view = memoryview(data)
            while view:
                written = os.write(self.fd, view)
                view = view[written:]
        finally:
            if blocked:
                signal.pthread_sigmask(signal.SIG_UNBLOCK, _DEFERRED)

    def close(self) -> None:
        if self.owned:
            with contextlib.suppress(OSError):
                os.close(self.fd)


def open_results(path: Path, *, resume: bool) -> LineWriter:
    """The results file: continued with `resume`, else created (an existing non-empty file is kept)."""
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0)
    try:
        if not resume and path.exists() and path.stat().st_size > 0:
            raise ReaderError(f"{_shown(path)} already has results; add --resume to continue it")
        fd = os.open(path, flags | (0 if resume else os.O_TRUNC), 0o644)
    except IsADirectoryError:
        raise ReaderError(f"cannot write {_shown(path)}: it is a folder") from None
    except OSError as error:
        raise ReaderError(f"cannot write {_shown(path)}: {error.strerror or 'unwritable'}") from None
    try:
        if resume:
            _drop_partial_tail(fd)
        os.lseek(fd, 0, os.SEEK_END)
    except OSError as error:
        os.close(fd)
        raise ReaderError(f"cannot continue {_shown(path)}: {error.strerror or 'unwritable'}") from None
    return LineWriter(fd, owned=True)


def remaining(sources: Iterable[str], done: set[str]) -> list[str]:
    """The sources not yet analysed in a resumed file."""
    return [s for s in sources if source_key(s) not in done]
