"""Atomic file writes: a reader never sees a half-written config, cache entry or position file.

A process killed mid-write leaves its temporary file behind (".NAME.XXXX.tmp"); the next write into
the same folder removes such leftovers once they are old enough that no live writer owns them.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from pathlib import Path

#: A temporary file older than this belongs to a writer that died (a live write takes a moment).
STALE_SECONDS = 600.0


def remove_stale_temporaries(folder: Path, *, older_than: float = STALE_SECONDS) -> int:
    """Remove the temporary files killed writers left in `folder`; returns how many went."""
    removed = 0
    limit = time.time() - older_than
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if entry.name.startswith(".") and entry.name.endswith(".tmp"):
            with contextlib.suppress(OSError):
                if (
                    entry.is_file(follow_symlinks=False)
                    and entry.stat(follow_symlinks=False).st_mtime < limit
                ):
                    os.unlink(entry.path)
                    removed += 1
    return removed


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write `data` to `path` via a temporary file in the same folder and an atomic rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(path.parent)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
