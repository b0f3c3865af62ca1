"""Where the reader keeps the user's config, cache and data (platformdirs, overridable).

The READER_CONFIG_DIR / READER_CACHE_DIR / READER_DATA_DIR variables override the platform
locations, so tests (and users with unusual setups) can point them anywhere.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "reader"


def _platform_dir(kind: str) -> Path:
    import platformdirs

    getter = {
        "config": platformdirs.user_config_path,
        "cache": platformdirs.user_cache_path,
        "data": platformdirs.user_data_path,
    }[kind]
    return getter(APP_NAME, appauthor=False)


def _resolve(kind: str) -> Path:
    override = os.environ.get(f"READER_{kind.upper()}_DIR")
    return Path(override).expanduser() if override else _platform_dir(kind)


def config_dir() -> Path:
    """Holds config.toml and user themes (themes/*.toml)."""
    return _resolve("config")


def cache_dir() -> Path:
    """Holds cached analyses and fetched pages; safe to delete."""
    return _resolve("cache")


def data_dir() -> Path:
    """Holds what the user would miss: reading positions, recently opened files."""
    return _resolve("data")
