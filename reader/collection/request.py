"""What the collection screen is asked to show: an index, a part of it, and articles to add to it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reader.collection.worker import Job


@dataclass(frozen=True)
class CollectionRequest:
    """The index at `db_path`, limited to sources under `scope`; `sources` are indexed in the background.

    Built by the command line (`reader DIR`, `reader --db FILE`) so the screen needs no argument parsing.
    """

    db_path: Path
    scope: str | None = None
    sources: tuple[str, ...] = field(default=())
    job: Job | None = None
    jobs: int | None = None
