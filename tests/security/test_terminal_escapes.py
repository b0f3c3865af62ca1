"""Escapes outside the article: file names, config and theme files, environment values, arguments.

Each reaches stderr, `reader config` or `reader themes` as visible text (one sanitizer), never raw.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.terminal import UNSAFE, mask_url, one_line, sanitize_for_terminal

ESCAPES = "\x1b]0;owned\x07\x1b[2J\x9b31m\u202e\u2028\x85"


@given(st.text())
def test_one_line_is_safe_and_single(text: str) -> None:
    line = one_line(text)
    assert UNSAFE.search(line) is None and "\n" not in line
    assert len(sanitize_for_terminal(text)) == len(text)


@pytest.mark.parametrize(
    "name",
    [
        f"story{ESCAPES}.txt",
        "missing\x1b[31m.txt",
        "bidi\u202etxt.exe",
        "line\u2028break.md",
        "[b]markup[red].txt",
    ],
)
def test_hostile_file_names(reader: Callable[..., object], tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    if not name.startswith("missing"):
        path.write_text("", encoding="utf-8")  # empty: refused with a message naming the file
    run = reader("analyze", str(path))
    assert run.code == 2 and "reader: " in run.stderr  # type: ignore[attr-defined]


def test_hostile_environment_value(reader: Callable[..., object]) -> None:
    run = reader("analyze", "nothing.txt", env={"READER_MAX_ARTICLE_MB": f"10{ESCAPES}"})
    assert run.code == 2 and "READER_MAX_ARTICLE_MB" in run.stderr  # type: ignore[attr-defined]


def test_hostile_config_reaches_reader_config_clean(
    reader: Callable[..., object], private_dirs: Path
) -> None:
    config = private_dirs / "config" / "config.toml"
    config.write_text(
        f'theme = "dark{ESCAPES}"\nmodel = "m{ESCAPES}"\nwidth = "{ESCAPES}"\n[keymap]\n"{ESCAPES}" = "x"\n',
        encoding="utf-8",
    )
    reader("config")  # stdout and stderr checked by the fixture
    reader("analyze", "nothing.txt", failures=3)


def test_hostile_theme_files_reach_reader_themes_clean(
    reader: Callable[..., object], private_dirs: Path
) -> None:
    themes = private_dirs / "config" / "themes"
    themes.mkdir()
    (themes / "evil.toml").write_text(
        f'description = "{ESCAPES} [/b]"\n[palette]\nbackground = "#000000"\nforeground = "#ffffff"\n',
        encoding="utf-8",
    )
    (themes / f"name{ESCAPES[:8]}.toml").write_text("[palette]\nbackground = 5\n", encoding="utf-8")
    (themes / "broken.toml").write_text(f"[palette\n{ESCAPES}", encoding="utf-8")
    reader("themes", failures=5)


def test_masked_urls_and_titles() -> None:
    assert mask_url("http://u:p@h/\x1b[2J") == "http://***@h/\u241b[2J"
    assert one_line("a\n\n b\tc\u2028d", limit=6) == "a b c…"
