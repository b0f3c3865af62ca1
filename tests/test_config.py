"""config.toml: defaults, validation (unknown keys warn, wrong types fail), `--init` never overwrites."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader.errors import ReaderError
from reader.settings.config import (
    DEFAULT_CONFIG_TEXT,
    Config,
    config_path,
    init_config,
    load_config,
    parse_config,
    tomllib,
)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_file_gives_defaults() -> None:
    config, warnings = load_config()
    assert config == Config()
    assert warnings == []
    assert config.wrap_width == 80
    assert config.panels == ["actors", "places", "events", "quotes"]


def test_config_path_follows_config_dir(private_dirs: Path) -> None:
    assert config_path() == private_dirs / "config" / "config.toml"


def test_values_are_read() -> None:
    write(
        config_path(),
        'theme = "light"\nmodel = "en_core_web_sm"\nwrap_width = 72\npanels = ["quotes", "actors"]\n'
        'show_sidebar = false\nhighlight = ["person", "quote"]\nquote_cues = ["quipped"]\n'
        '[keymap]\nquit = "q, ctrl+q"\n',
    )
    config, warnings = load_config()
    assert warnings == []
    assert config.theme == "light"
    assert config.model == "en_core_web_sm"
    assert config.wrap_width == 72
    assert config.panels == ["quotes", "actors"]
    assert config.show_sidebar is False
    assert config.highlight == ["person", "quote"]
    assert config.quote_cues == ["quipped"]
    assert config.keymap == {"quit": "q,ctrl+q"}


def test_unknown_key_warns_with_file_and_key() -> None:
    path = write(config_path(), 'colour = "red"\nwrap_width = 60\n')
    config, warnings = load_config()
    assert config.wrap_width == 60
    assert len(warnings) == 1
    assert str(path) in warnings[0] and "'colour'" in warnings[0]


def test_unknown_panel_name_warns_and_is_dropped() -> None:
    write(config_path(), 'panels = ["actors", "gossip"]\n')
    config, warnings = load_config()
    assert config.panels == ["actors"]
    assert "gossip" in warnings[0]


@pytest.mark.parametrize(
    ("line", "key", "expected"),
    [
        ('wrap_width = "wide"', "wrap_width", "integer"),
        ("wrap_width = true", "wrap_width", "integer"),
        ("wrap_width = 5", "wrap_width", "integer"),
        ("show_sidebar = 1", "show_sidebar", "true or false"),
        ('panels = "actors"', "panels", "list of strings"),
        ("theme = 3", "theme", "string"),
        ("quote_cues = [1, 2]", "quote_cues", "list of strings"),
        ("keymap = 3", "keymap", "table"),
        ("[keymap]\nquit = 3", "keymap.quit", "string"),
        ('[keymap]\nquit = " , "', "keymap.quit", "not an empty string"),
    ],
)
def test_wrong_type_is_one_clear_error(line: str, key: str, expected: str) -> None:
    path = write(config_path(), line + "\n")
    with pytest.raises(ReaderError) as caught:
        load_config()
    message = str(caught.value)
    assert str(path) in message and f"'{key}'" in message and expected in message
    assert "\n" not in message
    assert caught.value.exit_code == 2


def test_broken_toml_names_line_and_column() -> None:
    path = write(config_path(), 'theme = "dark"\nwrap_width = = 3\n')
    with pytest.raises(ReaderError) as caught:
        load_config()
    assert f"{path}, line 2, column" in str(caught.value)


def test_load_never_writes(private_dirs: Path) -> None:
    load_config()
    assert not config_path().exists()
    assert list((private_dirs / "config").iterdir()) == []


def test_init_writes_commented_defaults_and_never_overwrites() -> None:
    path = init_config()
    assert path == config_path()
    text = path.read_text(encoding="utf-8")
    assert text == DEFAULT_CONFIG_TEXT
    assert text.count("#") > 10
    config, warnings = load_config()
    assert config == Config() and warnings == []
    path.write_text("wrap_width = 66\n", encoding="utf-8")
    with pytest.raises(ReaderError, match="already exists"):
        init_config()
    assert path.read_text(encoding="utf-8") == "wrap_width = 66\n"


def test_default_text_parses_to_defaults() -> None:
    assert parse_config(tomllib.loads(DEFAULT_CONFIG_TEXT), "default") == (Config(), [])


def run_reader(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["reader", *args], capture_output=True, text=True, encoding="utf-8", timeout=120)


def test_reader_config_shows_locations_and_settings(private_dirs: Path) -> None:
    write(config_path(), 'wrap_width = 64\ntypo = 1\n[keymap]\nquit = "x"\n')
    result = run_reader("config")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert str(config_path()) in out
    assert str(private_dirs / "data") in out and str(private_dirs / "cache") in out
    assert "wrap_width = 64" in out
    assert 'quit = "x"' in out
    assert "'typo'" in result.stderr


def test_reader_config_init_then_refuses_to_overwrite() -> None:
    first = run_reader("config", "--init")
    assert first.returncode == 0, first.stderr
    assert config_path().read_text(encoding="utf-8") == DEFAULT_CONFIG_TEXT
    config_path().write_text("wrap_width = 70\n", encoding="utf-8")
    second = run_reader("config", "--init")
    assert second.returncode == 2
    assert second.stderr.startswith("reader: ") and "already exists" in second.stderr
    assert "Traceback" not in second.stderr
    assert config_path().read_text(encoding="utf-8") == "wrap_width = 70\n"


def test_reader_config_with_a_wrong_type_exits_2_naming_the_key() -> None:
    write(config_path(), 'show_sidebar = "yes"\n')
    result = run_reader("config")
    assert result.returncode == 2
    assert "'show_sidebar'" in result.stderr and str(config_path()) in result.stderr
    assert "Traceback" not in result.stderr


async def test_keymap_from_the_config_remaps_app_keys() -> None:
    from reader.article import Article
    from reader.ui.app import ReaderApp
    from reader.ui.options import ReaderOptions

    write(config_path(), '[keymap]\nquit = "x"\n')
    config, warnings = load_config()
    assert warnings == []
    app = ReaderApp(
        Article(text="Ana said hello.", source="t.txt"), ReaderOptions(config=config, analyse=False)
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code is None, "q no longer quits once remapped"
        await pilot.press("x")
        await pilot.pause()
        assert app.return_code == 0


def test_misspelt_key_gets_a_hint() -> None:
    write(config_path(), "wrap_widht = 70\n")
    config, warnings = load_config()
    assert config.wrap_width == 80
    assert "unknown key 'wrap_widht'" in warnings[0] and "did you mean 'wrap_width'?" in warnings[0]


def test_config_and_theme_listing_stay_light() -> None:
    """The config and theme modules load without Textual or spaCy (the analysis side and the CLI use them)."""
    code = (
        "import sys, reader.settings.config, reader.settings.themes, reader.cli.config, reader.cli.themes\n"
        "heavy = [m for m in ('textual', 'spacy') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_reader_config_flags_a_theme_that_does_not_exist() -> None:
    write(config_path(), 'theme = "nope"\n')
    result = run_reader("config")
    assert result.returncode == 0
    assert 'theme = "nope"' in result.stdout and "no such theme" in result.stdout
    write(config_path(), 'theme = "sepia"\n')
    assert "no such theme" not in run_reader("config").stdout


@pytest.mark.parametrize(
    ("keymap", "named"),
    [
        ('qiut = "x"', ["'keymap.qiut'", "did you mean 'quit'?"]),
        ('scroll-down = "x"\ntop = "y, x"', ["'keymap.scroll-down'", "'keymap.top'", "'x'"]),
        ('next-quote = "n"', ["'keymap.next-quote'", "'n'", "'next'"]),
        ('library-open = "k"', ["'keymap.library-open'", "'k'", "'library-up'"]),
        # The focused widget is asked first: the article text scrolls with j, a panel list opens with enter.
        ('quit = "j"', ["'keymap.quit'", "'j'", "article text", "'scroll-down'"]),
        ('scroll-down = "q"', ["'keymap.scroll-down'", "'q'", "'quit'", "article text"]),
        ('toggle-sidebar = "enter"', ["'keymap.toggle-sidebar'", "'enter'", "list"]),
    ],
)
def test_reader_config_refuses_a_keymap_the_app_cannot_honour(keymap: str, named: list[str]) -> None:
    write(config_path(), f"[keymap]\n{keymap}\n")
    result = run_reader("config")
    assert result.returncode == 2, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and str(config_path()) in lines[0], result.stderr
    assert all(name in lines[0] for name in named), lines[0]


def test_a_key_freed_by_its_own_remap_may_be_reused() -> None:
    write(config_path(), '[keymap]\nnext = "m"\nnext-quote = "n, ,"\n')
    config, _warnings = load_config()
    assert config.keymap == {"next": "m", "next-quote": "n"}
    result = run_reader("config")
    assert result.returncode == 0, result.stderr


def test_one_key_may_serve_bindings_of_different_screens() -> None:
    write(config_path(), '[keymap]\nhelp-close = "x"\ncard-close = "x"\n')
    result = run_reader("config")
    assert result.returncode == 0, result.stderr
