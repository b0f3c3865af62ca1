"""The palette's "Screenshot": the screen as an SVG picture, kept where the reader keeps its data.

Each picture gets a new name (the article's title and the time); an existing file is never replaced,
and a half-written picture never appears under a real name. A picture is the user's to share, so it is
created like any file they make (the umask decides: 0644 under 022), not private like the reader's own
state. Free of Textual: the app hands the SVG in.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
from datetime import datetime
from pathlib import Path

from reader.settings import paths

#: The folder under the user data folder (`reader config` shows where that is).
FOLDER_NAME = "screenshots"
#: How many pictures may share one second before saving gives up.
MAX_SAME_NAME = 100
#: The mode asked for a new picture; the process's umask takes its bits away, as for any new file.
FILE_MODE = 0o666


def screenshot_folder() -> Path:
    return paths.data_dir() / FOLDER_NAME


def screenshot_name(title: str | None, when: datetime) -> str:
    """ "reader-iranian-leaders-give-mixed-2026-12-05_00-12-30.svg": letters and digits of the title only,
    so a hostile title cannot reach the file system as a path or a control character."""
    slug = re.sub(r"[^a-z0-9]+", "-", (title or "").casefold()).strip("-")[:40].strip("-")
    stem = f"reader-{slug}" if slug else "reader"
    return f"{stem}-{when:%Y-%m-%d_%H-%M-%S}.svg"


def save_svg(svg: str, folder: Path, name: str) -> Path:
    """Write `svg` into `folder` under `name`, or `name-2`, `name-3`… if taken; returns the path.

    The picture is written in full to a temporary file first and then linked under its name, which
    fails rather than replace a file that is already there. Raises OSError when the folder cannot
    be made or written.
    """
    folder.mkdir(parents=True, exist_ok=True)
    fd, temporary = _new_temporary(folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(svg)
        stem = name.removesuffix(".svg")
        for number in range(1, MAX_SAME_NAME + 1):
            target = folder / (name if number == 1 else f"{stem}-{number}.svg")
            try:
                os.link(temporary, target)
            except FileExistsError:
                continue
            return target
        raise FileExistsError(f"{MAX_SAME_NAME} screenshots named {stem} already")
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def _new_temporary(folder: Path) -> tuple[int, str]:
    """A new, empty temporary file in `folder`, opened for writing (exclusive: never an existing file).

    Unlike `tempfile.mkstemp`, which always creates 0600, the mode is left to the umask.
    """
    for _attempt in range(MAX_SAME_NAME):
        temporary = str(folder / f".screenshot.{secrets.token_hex(6)}.tmp")
        try:
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
            return os.open(temporary, flags, FILE_MODE), temporary
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name in {folder}")
