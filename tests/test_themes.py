"""Themes: bundled files load, user themes fall back to palette defaults, broken files are skipped."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from reader import resources
from reader.errors import ReaderError
from reader.settings.config import Config, config_path, tomllib
from reader.settings.themes import (
    DEFAULT_THEME,
    available_themes,
    build_theme,
    choose_theme,
    get_theme,
    load_theme_file,
    low_contrast,
    remember_theme,
    remembered_theme,
    resolve_theme_name,
    user_themes_dir,
)
from reader.vocab import STYLE_ROLES as ROLES
from reader.vocab import role_for

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "sample_articles" / "iran-missile-strikes.txt"
BUNDLED = sorted(p.stem for p in resources.themes_dir().glob("*.toml"))


def user_theme(name: str, text: str) -> Path:
    folder = user_themes_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_bundled_themes_load_without_warnings() -> None:
    themes, warnings = available_themes()
    assert warnings == []
    assert DEFAULT_THEME in themes
    assert set(BUNDLED) <= set(themes)
    for name in BUNDLED:
        theme = themes[name]
        assert theme.builtin and theme.source is not None
        assert set(theme.styles) == set(ROLES)
        textual_theme = theme.to_textual_theme()
        assert textual_theme.name == name
        assert textual_theme.variables["entity-person"].startswith("ansi_" if theme.ansi else "#")
        assert textual_theme.ansi == theme.ansi


@pytest.mark.parametrize("name", BUNDLED)
def test_every_role_has_a_non_colour_cue(name: str) -> None:
    plain = get_theme(name).rich_styles(no_color=True)
    for role, style in plain.items():
        assert style.color is None and style.bgcolor is None
        assert any((style.bold, style.italic, style.underline, style.reverse, style.dim)), role


def test_minimal_user_theme_falls_back_to_palette() -> None:
    user_theme(
        "mine",
        'dark = false\n[palette]\nbackground = "#ffffff"\nforeground = "#111111"\nprimary = "#aa0000"\n',
    )
    theme = get_theme("mine")
    assert not theme.builtin and not theme.dark
    assert theme.palette["background"] == "#ffffff"
    assert theme.palette["surface"] != theme.palette["background"]
    assert theme.styles["organisation"] == "underline #aa0000"
    assert set(theme.styles) == set(ROLES)


def test_unknown_theme_lists_names() -> None:
    with pytest.raises(ReaderError) as caught:
        get_theme("nope")
    assert "unknown theme 'nope'" in str(caught.value) and DEFAULT_THEME in str(caught.value)
    assert caught.value.exit_code == 2


def test_resolution_order() -> None:
    assert resolve_theme_name(None, Config()) == DEFAULT_THEME
    remember_theme("light")
    assert remembered_theme() == "light"
    assert resolve_theme_name(None, Config()) == "light"
    assert resolve_theme_name(None, Config(theme="high-contrast")) == "high-contrast"
    assert resolve_theme_name("dark", Config(theme="high-contrast")) == "dark"


def test_broken_user_theme_reported_and_default_used() -> None:
    path = user_theme("oops", '[palette]\nbackground = "#zzzzzz"\n')
    themes, warnings = available_themes()
    assert "oops" not in themes
    assert any(str(path) in w and "palette.background" in w for w in warnings)
    theme, messages = choose_theme("oops", Config())
    assert theme.name == DEFAULT_THEME
    assert any("oops" in m for m in messages)


@pytest.mark.parametrize("name", BUNDLED)
def test_highlights_stay_distinct_without_colour(name: str) -> None:
    """With NO_COLOR, entity kinds, quotes, speakers, matches and the selection differ by cues alone.

    Boilerplate and headings are whole lines that their place already tells apart (a heading stands
    alone between paragraphs), so they may share a cue with a highlight inside the running text.
    """
    plain = get_theme(name).rich_styles(no_color=True)
    roles = [role for role in ROLES if role not in ("boilerplate", "heading")]
    cues = {role: (s.bold, s.italic, s.underline, s.reverse, s.dim) for role, s in plain.items()}
    seen: dict[tuple, str] = {}
    for role in roles:
        assert cues[role] not in seen, f"{name}: {role} looks like {seen.get(cues[role])} without colour"
        seen[cues[role]] = role


def run_reader(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["reader", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def test_reader_themes_lists_builtin_and_user_themes() -> None:
    user_theme("mine", '[palette]\nforeground = "#eeeeee"\n')
    user_theme("light", 'description = "My own light"\ndark = false\n')
    result = run_reader("themes")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    for name in BUNDLED:
        assert any(line[2:].startswith(name + " ") for line in lines), name
    assert any(line.startswith("* dark") and "default" in line for line in lines)
    assert any("mine" in line and "user" in line for line in lines)
    assert any("light" in line and "overrides built-in" in line and "My own light" in line for line in lines)
    assert result.stderr == ""


def test_reader_themes_marks_the_remembered_theme_current() -> None:
    remember_theme("sepia")
    result = run_reader("themes")
    assert any(line.startswith("* sepia") and "current" in line for line in result.stdout.splitlines())


def test_reader_themes_reports_broken_files_on_stderr() -> None:
    path = user_theme("broken", 'dark = true\n[styles]\nperson = "bold =\n')
    result = run_reader("themes")
    assert result.returncode == 0
    assert str(path) in result.stderr and "line 3" in result.stderr
    assert not any(line[2:].startswith("broken ") for line in result.stdout.splitlines())
    assert "dark" in result.stdout


def test_no_color_strips_colour_codes_from_the_previews() -> None:
    coloured = run_reader("themes", env={"FORCE_COLOR": "1", "COLORTERM": "truecolor"})
    assert re.search(r"\x1b\[[0-9;]*(38|48);2;", coloured.stdout), "previews should be coloured on a terminal"
    plain = run_reader("themes", env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert plain.returncode == 0
    codes = re.findall(r"\x1b\[([0-9;]*)m", plain.stdout)
    assert codes, "the cues (bold, underline...) stay without colour"
    for code in codes:
        for number in code.split(";"):
            assert not number or not (30 <= int(number) <= 49 or 90 <= int(number) <= 107), code


def test_documented_example_is_the_colour_blind_theme() -> None:
    doc = (ROOT / "docs" / "themes.md").read_text(encoding="utf-8")
    example = (
        doc.split("## The format, with a complete example", 1)[1].split("```toml\n", 1)[1].split("```", 1)[0]
    )
    theme, warnings = build_theme("example", tomllib.loads(example))
    assert warnings == []
    assert theme.styles == get_theme("colour-blind").styles
    assert theme.palette == get_theme("colour-blind").palette


def test_palette_references_and_short_hex() -> None:
    user_theme(
        "refs",
        '[palette]\naccent = "#f80"\nink = "#123456"\n[styles]\nperson = "bold $ink"\nquote = "$accent"\n',
    )
    theme = get_theme("refs")
    assert theme.palette["accent"] == "#ff8800"
    assert theme.styles["person"] == "bold #123456"
    assert theme.styles["quote"] == "#ff8800"


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('[palette]\nbackground = "#zzzzzz"\n', "palette.background"),
        ("[palette]\nforeground = 12\n", "palette.foreground"),
        ('dark = "yes"\n', "'dark'"),
        ('palette = "blue"\n', "'palette'"),
        ('[styles]\nperson = "bold wiggly #ffffff"\n', "styles.person"),
        ('[styles]\nquote = "italic $nowhere"\n', "styles.quote"),
        ("[styles]\nspeaker = true\n", "styles.speaker"),
        ('[palette]\nbackground = "#000000"\nbackground = "#111111"\n', "line 3"),
        ("[palette\n", "line 1"),
    ],
)
def test_broken_theme_message_names_file_and_place(text: str, where: str) -> None:
    path = user_theme("bad", text)
    themes, warnings = available_themes()
    assert "bad" not in themes
    assert len(warnings) == 1
    assert str(path) in warnings[0] and where in warnings[0] and "\n" not in warnings[0]
    with pytest.raises(ReaderError):
        load_theme_file(path)


def test_unknown_keys_warn_but_the_theme_loads() -> None:
    path = user_theme("chatty", 'colour = "x"\n[styles]\nperson = "bold"\nwizard = "italic"\n')
    themes, warnings = available_themes()
    assert "chatty" in themes
    assert any(str(path) in w and "'colour'" in w for w in warnings)
    assert any(str(path) in w and "'wizard'" in w for w in warnings)


def test_user_theme_overrides_builtin() -> None:
    user_theme("dark", 'description = "mine"\n[palette]\nbackground = "#000000"\n')
    theme = get_theme("dark")
    assert not theme.builtin and theme.overrides_builtin
    assert theme.description == "mine" and theme.palette["background"] == "#000000"


def test_textual_theme_registers_and_exposes_variables() -> None:
    from textual.app import App

    theme = get_theme("light")
    app = App()
    app.register_theme(theme.to_textual_theme())
    app.theme = "light"
    variables = app.get_css_variables()
    assert variables["entity-person"] == "#8a4b00"
    assert variables["entity-person-style"] == "bold underline"
    assert variables["background"].lower() == theme.palette["background"]


def test_role_for_maps_labels_and_kinds() -> None:
    assert role_for("PERSON") == "person"
    assert role_for("GPE") == "place" and role_for("region") == "place" and role_for("facility") == "place"
    assert role_for("NORP") == "group" and role_for("organisation") == "organisation"
    assert role_for("MONEY") == "other"


def test_remembered_theme_survives_and_missing_one_gives_default() -> None:
    assert remembered_theme() is None
    remember_theme("gone")
    theme, messages = choose_theme(None, Config())
    assert theme.name == DEFAULT_THEME and messages == []
    with pytest.raises(ReaderError, match="unknown theme 'gone'"):
        choose_theme(None, Config(theme="gone"))
    theme, _ = choose_theme("light", Config(theme="sepia"))
    assert theme.name == "light"
    theme, _ = choose_theme(None, Config(theme="sepia"))
    assert theme.name == "sepia"


def test_low_contrast_user_theme_is_flagged() -> None:
    path = user_theme("murky", '[palette]\nbackground = "#222222"\n[styles]\nperson = "bold #333333"\n')
    assert low_contrast(get_theme("murky")) == ["person 1.3:1"]
    for name in BUNDLED:
        assert low_contrast(get_theme(name)) == [], name
    result = run_reader("themes")
    assert result.returncode == 0
    assert str(path) in result.stderr and "low contrast" in result.stderr and "person 1.3:1" in result.stderr


@pytest.mark.parametrize(
    "palette",
    [
        'background = "#002b36"\nforeground = "#eee8d5"\nprimary = "#268bd2"\nsecondary = "#6c71c4"',
        'background = "#ffffff"\nforeground = "#000000"\nprimary = "#7fb3ff"\nsuccess = "#8fd19e"',
        'background = "#282a36"\nforeground = "#f8f8f2"\nerror = "#ff5555"\nwarning = "#ffb86c"',
    ],
)
def test_derived_styles_stay_readable(palette: str) -> None:
    dark = "false" if "#ffffff" in palette else "true"
    user_theme("derived", f"dark = {dark}\n[palette]\n{palette}\n")
    assert low_contrast(get_theme("derived")) == []


def run_app(*args: str, extra_env: dict[str, str] | None = None) -> str:
    """Start the real app in a pseudo-terminal, quit it, and return everything it drew."""
    pexpect = pytest.importorskip("pexpect")
    env = {**os.environ, "TERM": "xterm-256color", "COLORTERM": "truecolor", **(extra_env or {})}
    child = pexpect.spawn(
        "reader", [*args, str(SEED)], env=env, dimensions=(30, 100), encoding="utf-8", timeout=60
    )
    try:
        child.expect("Quit")
        child.send("q")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    return child.before or ""


def uses_foreground(drawn: str, name: str) -> bool:
    """Whether the terminal output sets the text colour to the theme's foreground."""
    red, green, blue = (int(get_theme(name).palette["foreground"][i : i + 2], 16) for i in (1, 3, 5))
    return re.search(rf"[\[;]38;2;{red};{green};{blue}[;m]", drawn) is not None


def test_theme_flag_and_config_both_take_effect() -> None:
    drawn = run_app("--theme", "light")
    assert uses_foreground(drawn, "light") and not uses_foreground(drawn, "sepia")
    config_path().write_text('theme = "sepia"\n', encoding="utf-8")
    drawn = run_app()
    assert uses_foreground(drawn, "sepia") and not uses_foreground(drawn, "light")
    drawn = run_app("--theme", "light")
    assert uses_foreground(drawn, "light") and not uses_foreground(drawn, "sepia")


def test_unknown_theme_on_the_command_line_or_in_config_exits_2() -> None:
    result = run_reader("--theme", "nope", str(SEED))
    assert result.returncode == 2
    assert result.stderr.startswith("reader: unknown theme 'nope'; available: ")
    for name in BUNDLED:
        assert name in result.stderr
    assert "Traceback" not in result.stderr
    config_path().write_text('theme = "gone"\n', encoding="utf-8")
    result = run_reader(str(SEED))
    assert result.returncode == 2 and "unknown theme 'gone'" in result.stderr


def test_no_color_leaves_only_greys_and_cues() -> None:
    drawn = run_app("--theme", "colour-blind", extra_env={"NO_COLOR": "1"})
    colours = re.findall(r"[34]8;2;(\d+);(\d+);(\d+)", drawn)
    assert colours, "the app still draws (in greys)"
    assert all(len(set(colour)) == 1 for colour in colours)


async def test_switching_theme_from_the_palette_restyles_and_is_remembered() -> None:
    from reader.article import Article
    from reader.ui.app import ReaderApp
    from reader.ui.options import ReaderOptions

    text = SEED.read_text(encoding="utf-8")
    app = ReaderApp(Article(text=text, source="seed.txt"), ReaderOptions(theme="dark", analyse=False))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.theme == "dark"
        assert remembered_theme() is None, "starting with a theme is not a choice to remember"
        await pilot.press("ctrl+p")
        await pilot.press(*"theme sepia")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "sepia"
        assert app.highlight_styles()["person"] == get_theme("sepia").rich_styles()["person"]
    assert remembered_theme() == "sepia"
    assert resolve_theme_name(None, Config()) == "sepia"


def test_dark_is_judged_from_the_background_when_unsaid() -> None:
    user_theme("paper", '[palette]\nbackground = "#fffff0"\n')
    user_theme("night", '[palette]\nbackground = "#101010"\n')
    paper, night = get_theme("paper"), get_theme("night")
    assert not paper.dark and paper.palette["foreground"] == "#24292f"
    assert night.dark and night.palette["foreground"] == "#d9dde4"
    assert low_contrast(paper) == [] and low_contrast(night) == []


def test_theme_names_ignore_case_and_typos_get_a_hint() -> None:
    assert get_theme("Light").name == "light"
    theme, _ = choose_theme("SEPIA", Config())
    assert theme.name == "sepia"
    with pytest.raises(ReaderError, match=r"unknown theme 'ligth'; did you mean 'light'\? available: "):
        get_theme("ligth")


def test_terminal_theme_uses_the_terminals_own_colours() -> None:
    theme = get_theme("terminal")
    assert theme.ansi
    assert theme.palette["background"] == "ansi_default"
    for role, style in theme.rich_styles().items():
        if style.color is not None:
            assert style.color.number is None or style.color.number < 16, role
            assert style.color.triplet is None, f"{role} must not be a fixed RGB colour"
    textual_theme = theme.to_textual_theme()
    assert textual_theme.ansi and "ansi-background" in textual_theme.variables


def test_ansi_user_theme_checks_names_and_resolves_references() -> None:
    user_theme(
        "mine-ansi",
        'ansi = true\n[palette]\naccent = "ansi_bright_cyan"\n[styles]\nquote = "italic $accent"\n',
    )
    theme = get_theme("mine-ansi")
    assert theme.styles["quote"] == "italic bright_cyan"
    assert theme.styles["person"] == "bold underline bright_cyan"
    path = user_theme("bad-ansi", 'ansi = true\n[palette]\naccent = "#123456"\n')
    _themes, warnings = available_themes()
    assert any(str(path) in w and "palette.accent" in w and "16 colours" in w for w in warnings)


async def test_terminal_theme_starts_the_app_without_stylesheet_errors() -> None:
    from reader.article import Article
    from reader.ui.app import ReaderApp
    from reader.ui.options import ReaderOptions

    app = ReaderApp(
        Article(text="Ana said hello.", source="t.txt"), ReaderOptions(theme="terminal", analyse=False)
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "terminal"
        assert app.current_theme.ansi
    assert app.return_code in (None, 0)


def test_colour_only_user_style_keeps_a_cue_without_colour() -> None:
    user_theme(
        "hues", '[styles]\nperson = "#ff8800"\nquote = "#88ccff on #000000"\nspeaker = "underline #ffffff"\n'
    )
    plain = get_theme("hues").rich_styles(no_color=True)
    assert plain["person"].bold and plain["person"].underline and plain["person"].color is None
    assert plain["quote"].italic and plain["quote"].bgcolor is None
    assert plain["speaker"].underline and not plain["speaker"].bold


@pytest.mark.usefixtures("lasting_notices")
async def test_broken_theme_asked_for_gives_a_notice_and_the_default_in_the_app() -> None:
    """What `reader --theme oops FILE` does: the app starts, says what is wrong, and uses the default."""
    from reader.article import Article
    from reader.ui.app import ReaderApp
    from reader.ui.options import ReaderOptions

    path = user_theme("oops", '[styles]\nperson = "bold #12345"\n')
    theme, messages = choose_theme("oops", Config())
    assert theme.name == DEFAULT_THEME
    article = Article(text="Ana said hello.", source="t.txt")
    app = ReaderApp(article, ReaderOptions(theme=theme.name, analyse=False), warnings=messages)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.theme == DEFAULT_THEME
        shown = [str(notification.message) for notification in app._notifications]
        assert any(str(path) in text and "styles.person" in text for text in shown), shown
        assert any("'oops' is broken" in text for text in shown), shown


def test_a_theme_without_a_heading_style_still_loads_and_gets_the_default() -> None:
    """A user theme written before headings were styled loads without warnings; its headings are bold."""
    data = tomllib.loads('dark = true\n[palette]\nbackground = "#002b36"\nprimary = "#268bd2"\n')
    theme, warnings = build_theme("old", data)
    assert warnings == []
    heading = theme.rich_styles()["heading"]
    assert heading.bold and heading.color is not None
    assert theme.rich_styles(no_color=True)["heading"].bold


@pytest.mark.parametrize("name", BUNDLED)
def test_every_bundled_theme_styles_headings_itself(name: str) -> None:
    """Each bundled theme chooses its heading colour (not the derived default) and keeps the bold cue."""
    path = resources.themes_dir() / f"{name}.toml"
    styles = tomllib.loads(path.read_text(encoding="utf-8"))["styles"]
    assert "bold" in styles["heading"].split()
