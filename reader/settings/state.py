"""What the reader remembers between runs: where you were in each article, what you opened, the theme.

One small JSON file in the user data folder, written atomically. A missing or corrupt file is
treated as empty (the worst case is forgetting a position), never as an error. Positions are
character offsets of the top line, so they survive a different window width or wrap width.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.atomic import write_atomic
from reader.settings import paths

STATE_FILE = "state.json"
MAX_POSITIONS = 500
MAX_RECENT = 20
#: The side panel's share of the window's width, in percent: the bounds a saved width is kept within.
PANEL_SHARE_MIN = 20
PANEL_SHARE_MAX = 70


def article_key(source: str, text: str) -> str:
    """Key of an article: its absolute path or URL, or a hash of the text for stdin."""
    if source and source != "-":
        if "://" in source:
            return source
        return str(Path(source).expanduser().resolve())
    return "sha256:" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def recent_key(source: str) -> str:
    """What makes two recent entries the same article: the resolved path, or the address without its
    `#fragment` (a fragment names a place in the same page)."""
    if "://" in source:
        return source.split("#", 1)[0]
    return str(Path(source).expanduser().resolve())


def one_per_article(recent: list[RecentFile]) -> list[RecentFile]:
    """Newest first, each article once: a state file from an older version, or one edited by hand,
    may name an article twice (a relative path and its absolute one, the same file through a link)."""
    kept: dict[str, RecentFile] = {}
    for entry in sorted(recent, key=lambda entry: entry.opened, reverse=True):
        kept.setdefault(recent_key(entry.source), entry)
    return list(kept.values())


@dataclass(slots=True)
class RecentFile:
    """A recently opened article, for the library screen."""

    source: str
    title: str
    opened: float
    #: Its words as counted when it was open (0: not known), so the library gives the header's number
    #: without loading the article again.
    words: int = 0


@dataclass(slots=True)
class ReaderState:
    """Reading positions (key -> character offset of the top line), recently opened files and the
    side panel's width (a share of the window, so it suits any window; None until it is changed)."""

    positions: dict[str, int] = field(default_factory=dict)
    touched: dict[str, float] = field(default_factory=dict)
    recent: list[RecentFile] = field(default_factory=list)
    panel_share: int | None = None

    def set_panel_share(self, share: int) -> None:
        self.panel_share = min(PANEL_SHARE_MAX, max(PANEL_SHARE_MIN, int(share)))

    def position(self, key: str) -> int | None:
        return self.positions.get(key)

    def set_position(self, key: str, offset: int) -> None:
        self.positions[key] = max(0, int(offset))
        self.touched[key] = time.time()
        if len(self.positions) > MAX_POSITIONS:
            for old in sorted(self.touched, key=self.touched.__getitem__)[
                : len(self.positions) - MAX_POSITIONS
            ]:
                self.positions.pop(old, None)
                self.touched.pop(old, None)

    def add_recent(self, source: str, title: str, words: int = 0) -> None:
        """Put `source` at the top of the recent list (stdin is not a file one can reopen)."""
        if not source or source == "-":
            return
        if "://" not in source:
            source = str(Path(source).expanduser().resolve())
        key = recent_key(source)
        self.recent = [entry for entry in self.recent if recent_key(entry.source) != key]
        self.recent.insert(0, RecentFile(source, title, time.time(), max(0, words)))
        del self.recent[MAX_RECENT:]

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": 1,
            "positions": {
                key: {"offset": offset, "touched": self.touched.get(key, 0.0)}
                for key, offset in self.positions.items()
            },
            "recent": [
                {"source": r.source, "title": r.title, "opened": r.opened, "words": r.words}
                for r in self.recent
            ],
            "panel_share": self.panel_share,
        }

    @classmethod
    def from_dict(cls, data: Any) -> ReaderState:
        """Build a state from JSON data, skipping anything malformed."""
        state = cls()
        if not isinstance(data, dict):
            return state
        positions = data.get("positions")
        if isinstance(positions, dict):
            for key, entry in positions.items():
                if isinstance(entry, dict) and isinstance(entry.get("offset"), int):
                    state.positions[str(key)] = max(0, entry["offset"])
                    touched = entry.get("touched")
                    state.touched[str(key)] = float(touched) if isinstance(touched, (int, float)) else 0.0
        recent = data.get("recent")
        if isinstance(recent, list):
            for entry in recent[:MAX_RECENT]:
                if isinstance(entry, dict) and isinstance(entry.get("source"), str):
                    title = entry.get("title")
                    opened = entry.get("opened")
                    words = entry.get("words")
                    state.recent.append(
                        RecentFile(
                            entry["source"],
                            title if isinstance(title, str) else entry["source"],
                            float(opened) if isinstance(opened, (int, float)) else 0.0,
                            max(0, words) if isinstance(words, int) and not isinstance(words, bool) else 0,
                        )
                    )
            state.recent = one_per_article(state.recent)
        share = data.get("panel_share")
        if isinstance(share, int) and not isinstance(share, bool):
            state.set_panel_share(share)
        return state


def state_path() -> Path:
    return paths.data_dir() / STATE_FILE


def load_state() -> ReaderState:
    """The saved state, or an empty one if the file is missing, unreadable or corrupt."""
    try:
        data = json.loads(state_path().read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return ReaderState()
    return ReaderState.from_dict(data)


def save_state(state: ReaderState) -> None:
    """Write the state atomically; a read-only data folder only costs the memory, not the session."""
    with contextlib.suppress(OSError):
        write_atomic(state_path(), json.dumps(state.to_dict(), indent=1, ensure_ascii=False))


#: Whether this process already holds the state's lock (an update started while another one of
#: this process is under way, e.g. a signal that ends the app arriving mid-update).
_held = False


@contextlib.contextmanager
def _state_lock() -> Iterator[None]:
    """Hold an exclusive lock on the state's lock file while reading, changing and writing it.

    Two readers quitting at the same moment would otherwise both read the old state and the second
    write would drop the first one's position. Without `fcntl` (Windows) or a writable data folder,
    the update goes ahead unlocked. An update nested in one this process is already making goes
    ahead without the lock: waiting for our own lock would wait forever.
    """
    global _held
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on POSIX
        yield
        return
    if _held:
        yield
        return
    lock_path = state_path().with_name(STATE_FILE + ".lock")
    try:
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(lock_path, "a")  # noqa: SIM115 - held for the whole block
    except OSError:
        yield
        return
    with handle:
        _lock_patiently(handle.fileno(), fcntl)
        _held = True
        try:
            yield
        finally:
            _held = False


#: How long an update waits for another reader's update to finish before it goes ahead unlocked.
#: An update takes milliseconds; the wait is long enough for a busy machine that deschedules the
#: other reader mid-write, and short enough that a reader leaving never seems to hang.
LOCK_PATIENCE = 3.0


def _lock_patiently(fd: int, fcntl: Any) -> None:
    """Take the lock, waiting at most LOCK_PATIENCE: a reader leaving never hangs on a stuck one."""
    deadline = time.monotonic() + LOCK_PATIENCE
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                return
            time.sleep(0.005)
        except OSError:
            return


def update_state(change: Callable[[ReaderState], None]) -> None:
    """Read the saved state, apply `change`, and write it back, with no other reader in between."""
    with _state_lock():
        state = load_state()
        change(state)
        save_state(state)


# The theme last picked in the app: a one-line file of its own, so a broken state.json never loses it.
def _remembered_path() -> Path:
    return paths.data_dir() / "theme"


def remember_theme(name: str) -> None:
    """Store the theme the user switched to, so the next start uses it (an atomic one-line file)."""
    write_atomic(_remembered_path(), name.strip() + "\n")


def remembered_theme() -> str | None:
    """The last theme the user switched to in the app, if any."""
    try:
        name = _remembered_path().read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return name or None
