"""From command-line paths to article sources: folders (recursively), globs, files, URLs and `-`.

A folder contributes its article files (.txt, .md, .html, .htm) in sorted order, skipping hidden
files and folders; a glob contributes what it matches, folders included. Plain files, URLs and `-`
pass through untouched, so an unreadable one is reported by the loader like any other bad article.
A glob or folder that yields nothing is an error of usage (exit 2), not an empty success.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from reader.errors import ReaderError
from reader.sources import is_url, sanitize_for_terminal

#: The file kinds a folder contributes (other files in a folder are not articles).
ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".html", ".htm"})
_GLOB_CHARS = frozenset("*?[")


def _shown(path: str) -> str:
    return " ".join(sanitize_for_terminal(path).split("\n")) or "''"


def is_glob(path: str) -> bool:
    """True when `path` holds glob characters and names no existing file (a file may contain '[')."""
    return bool(_GLOB_CHARS & set(path)) and not os.path.lexists(path)


def _hidden(name: str) -> bool:
    return name.startswith(".")


def walk_folder(folder: str) -> Iterator[str]:
    """The article files under `folder`, recursively, in a stable (sorted) order; hidden entries skipped."""
    for root, dirs, files in os.walk(folder, onerror=None, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not _hidden(d))
        for name in sorted(files):
            if not _hidden(name) and Path(name).suffix.lower() in ARTICLE_SUFFIXES:
                yield os.path.join(root, name)


def _expand_glob(pattern: str) -> list[str]:
    found: list[str] = []
    for match in sorted(glob.glob(pattern, recursive=True)):
        if os.path.isdir(match):
            found.extend(walk_folder(match))
        else:
            found.append(match)
    if not found:
        raise ReaderError(f"no articles match {_shown(pattern)}")
    return found


def expand(path: str) -> list[str]:
    """The sources one command-line path stands for (see the module docstring)."""
    if path == "-" or is_url(path):
        return [path]
    if is_glob(path):
        return _expand_glob(path)
    if os.path.isdir(path):
        found = list(walk_folder(path))
        if not found:
            raise ReaderError(f"no articles (.txt, .md, .html, .htm) in the folder {_shown(path)}")
        return found
    return [path]


def discover(paths: Iterable[str]) -> list[str]:
    """Every source the paths stand for, each once, in the order given; `-` at most once."""
    seen: set[str] = set()
    sources: list[str] = []
    for path in paths:
        for source in expand(path):
            key = source if source == "-" or is_url(source) else os.path.normpath(source)
            if key in seen:
                if source == "-":
                    raise ReaderError("standard input ('-') can be read only once")
                continue
            seen.add(key)
            sources.append(source)
    return sources
