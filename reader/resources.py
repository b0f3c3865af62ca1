"""Files that ship with the package: built-in themes and the bundled sample articles.

An installed wheel carries them under `reader/_bundled/`; a source checkout (editable install)
has them at the top of the tree. Either way the app finds them without the source tree.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    installed = _PACKAGE_DIR / "_bundled" / name
    return installed if installed.is_dir() else _PACKAGE_DIR.parent / name


def themes_dir() -> Path:
    """Folder of the built-in `*.toml` themes."""
    return _bundled("themes")


def samples_dir() -> Path:
    """Folder of the bundled sample articles."""
    return _bundled("sample_articles")
