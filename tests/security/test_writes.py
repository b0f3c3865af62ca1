"""Writes keep what is the user's: config --init failures, a dangling link, two readers quitting
at once, and the temporary files of a killed writer."""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable
from pathlib import Path

from reader.atomic import remove_stale_temporaries, write_atomic


def test_config_init_with_a_file_in_the_way(reader: Callable[..., object], private_dirs: Path) -> None:
    folder = private_dirs / "config"
    folder.rmdir()
    folder.write_text("not a folder", encoding="utf-8")
    run = reader("config", "--init")
    assert run.code == 2 and "cannot write" in run.stderr  # type: ignore[attr-defined]
    assert folder.read_text(encoding="utf-8") == "not a folder"


def test_config_init_keeps_a_dangling_link(reader: Callable[..., object], private_dirs: Path) -> None:
    link = private_dirs / "config" / "config.toml"
    link.symlink_to(private_dirs / "elsewhere" / "config.toml")
    run = reader("config", "--init")
    assert run.code == 2 and "link" in run.stderr  # type: ignore[attr-defined]
    assert link.is_symlink() and not link.exists()


def _quit_many(key: str, data_dir: str, rounds: int) -> None:
    os.environ["READER_DATA_DIR"] = data_dir
    from reader.settings import state

    for offset in range(rounds):
        state.update_state(lambda s, offset=offset: s.set_position(key, offset))  # type: ignore[misc]


def test_two_readers_quitting_at_once_keep_both_positions(private_dirs: Path) -> None:
    from reader.settings import state

    data_dir = str(private_dirs / "data")
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_quit_many, args=(key, data_dir, 40)) for key in ("first", "second")]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
        assert worker.exitcode == 0
    saved = state.load_state()
    assert saved.position("first") == 39 and saved.position("second") == 39


def test_a_killed_writers_temporary_files_are_removed(tmp_path: Path) -> None:
    stale = tmp_path / ".state.json.abc123.tmp"
    fresh = tmp_path / ".state.json.def456.tmp"
    for path in (stale, fresh):
        path.write_text("{half", encoding="utf-8")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    write_atomic(tmp_path / "state.json", "{}")
    assert not stale.exists() and fresh.exists()  # a fresh one may belong to a live writer
    assert (tmp_path / "state.json").read_text(encoding="utf-8") == "{}"
    assert remove_stale_temporaries(tmp_path, older_than=0) == 1


def test_an_update_waits_for_another_readers_lock(private_dirs: Path) -> None:
    """A reader descheduled mid-update on a busy machine still has its update kept: the next one waits."""
    import fcntl
    import threading

    from reader.settings import state

    state.update_state(lambda s: s.set_position("first", 1))
    lock_path = state.state_path().with_name(state.STATE_FILE + ".lock")
    with open(lock_path, "a") as other:
        fcntl.flock(other.fileno(), fcntl.LOCK_EX)
        started = time.monotonic()
        threading.Timer(0.6, lambda: fcntl.flock(other.fileno(), fcntl.LOCK_UN)).start()
        state.update_state(lambda s: s.set_position("second", 2))
        waited = time.monotonic() - started
    assert waited >= 0.5
    saved = state.load_state()
    assert saved.position("first") == 1 and saved.position("second") == 2


def test_an_update_inside_an_update_does_not_wait_for_itself(private_dirs: Path) -> None:
    from reader.settings import state

    started = time.monotonic()
    state.update_state(lambda s: state.update_state(lambda inner: inner.set_position("inner", 3)))
    assert time.monotonic() - started < state.LOCK_PATIENCE
