"""The collection commands as users run them: `reader analyze` over folders and globs, `--output
--resume`, `reader index`, `reader quotes`, and the Dask engine, through the installed command."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

ARTICLES = {
    "a.txt": (
        "Bridge to open in May\n\nMayor Ana Lopez said on Monday that the new bridge would open in May. "
        '"We are ready for the traffic," Lopez said.\n'
    ),
    "sub/b.md": (
        '# River rises\n\nThe river rose again on Tuesday. "Stay home tonight and keep away from the '
        'water," Mayor Ana Lopez told reporters.\n\nFire chief Tom Berg said crews were working through '
        "the night.\n"
    ),
    "sub/c.html": (
        "<html><head><title>Council vote</title></head><body><article><h1>Council vote</h1><p>The council "
        'approved the budget on Wednesday. "This is a fair budget for every family," said councillor '
        "Priya Shah.</p><p>Shah added that taxes would not rise.</p></article></body></html>"
    ),
}


def reader(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["reader", *args], capture_output=True, text=True, encoding="utf-8", timeout=300, cwd=cwd
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "news"
    for name, text in ARTICLES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    (root / "notes.csv").write_text("not,an,article\n", encoding="utf-8")
    (root / ".hidden.txt").write_text("A hidden draft.\n", encoding="utf-8")
    return root


def lines_of(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines()]


def test_folders_globs_and_a_bad_file_among_good_ones(folder: Path, tmp_path: Path) -> None:
    extra = tmp_path / "more"
    extra.mkdir()
    (extra / "d.txt").write_text("Germany won the World Cup in 2014. Joachim Löw praised the team.\n")
    (extra / "e.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    result = reader(
        "analyze", str(folder), str(extra / "*.txt"), str(folder / "a.txt"), "--jsonl", "--jobs", "2"
    )
    assert result.returncode == 1, result.stderr
    records = lines_of(result.stdout)
    good = sorted(str(r["source"]) for r in records if "error" not in r)
    assert good == sorted([*(str(folder / name) for name in ARTICLES), str(extra / "d.txt")])
    errors = [r for r in records if "error" in r]
    assert [e["source"] for e in errors] == [str(extra / "e.txt")]
    assert "PNG" in str(errors[0]["error"])
    stderr = result.stderr.splitlines()
    assert len(stderr) == 1 and stderr[0].startswith("reader: ") and "e.txt" in stderr[0]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["NOWHERE/*.txt", "--jsonl"], "no articles match"),
        (["--resume", "--jsonl", "{folder}"], "--resume needs --output"),
        (["--jobs", "0", "--jsonl", "{folder}"], "--jobs must be at least 1"),
        (["--scheduler", "tcp://127.0.0.1:1", "--jsonl", "{folder}"], "--scheduler needs --engine dask"),
    ],
)
def test_bad_usage_is_one_line_and_exit_2(folder: Path, args: list[str], message: str) -> None:
    result = reader("analyze", *(a.format(folder=folder) for a in args), cwd=folder.parent)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and message in result.stderr, result.stderr
    assert result.stdout == ""


def test_output_refuses_to_overwrite_results_without_resume(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "results.jsonl"
    out.write_text('{"source": "x"}\n', encoding="utf-8")
    result = reader("analyze", str(folder / "a.txt"), "--output", str(out))
    assert result.returncode == 2 and "--resume" in result.stderr
    assert out.read_text(encoding="utf-8") == '{"source": "x"}\n'


def _wait_for_lines(path: Path, count: int, process: subprocess.Popen[bytes], limit: float = 120) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and process.poll() is None:
        if path.exists() and path.read_bytes().count(b"\n") >= count:
            return
        time.sleep(0.02)


def test_resume_after_an_interrupted_run(tmp_path: Path) -> None:
    root = tmp_path / "many"
    root.mkdir()
    paragraph = 'Mayor Ana Lopez said the bridge would open in May. "We are ready," she said. ' * 25
    for i in range(8):
        (root / f"story-{i:02}.txt").write_text(f"Story {i}\n\n{paragraph}\n", encoding="utf-8")
    out = tmp_path / "results.jsonl"
    process = subprocess.Popen(
        ["reader", "analyze", str(root), "--output", str(out), "--jobs", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    _wait_for_lines(out, 2, process)
    process.send_signal(signal.SIGINT)
    process.communicate(timeout=60)
    first = out.read_bytes()
    assert first.endswith(b"\n")  # whole lines only
    done_first = [json.loads(line)["source"] for line in first.splitlines()]
    assert 2 <= len(done_first) <= 8
    with out.open("ab") as handle:
        handle.write(b'{"source": "half a li')  # a crash in the middle of a line
    resumed = reader("analyze", str(root), "--output", str(out), "--resume")
    assert resumed.returncode == 0, resumed.stderr
    final = out.read_bytes()
    assert final.startswith(first)  # what was there is kept as it was
    sources = [json.loads(line)["source"] for line in final.splitlines()]
    assert sorted(sources) == sorted(str(p) for p in root.iterdir())  # every article exactly once
    again = reader("analyze", str(root), "--output", str(out), "--resume")
    assert again.returncode == 0 and out.read_bytes() == final


def test_index_tables_search_reindex_and_quotes(folder: Path, tmp_path: Path) -> None:
    db_path = tmp_path / "news.sqlite3"
    first = reader("index", str(folder), "--db", str(db_path))
    assert first.returncode == 0, first.stderr
    assert "3 new, 0 changed, 0 unchanged, 0 failed" in first.stderr
    with sqlite3.connect(db_path) as db:
        tables = {
            row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
        }
        assert {"articles", "actors", "aliases", "mentions", "quotes", "quotes_fts", "speakers"} <= tables
        titles = {row[0] for row in db.execute("SELECT title FROM articles")}
        assert titles == {"Bridge to open in May", "River rises", "Council vote"}
        hits = db.execute(
            "SELECT a.title FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid"
            " JOIN articles a ON a.id = q.article_id WHERE quotes_fts MATCH 'budget family'"
        ).fetchall()
        assert hits == [("Council vote",)]
        lopez = db.execute("SELECT id FROM actors WHERE name = 'Ana Lopez'").fetchall()
        assert len(lopez) == 1
        before = dict(db.execute("SELECT source, digest || indexed_at FROM articles").fetchall())
    again = reader("index", str(folder), "--db", str(db_path))
    assert "0 new, 0 changed, 3 unchanged" in again.stderr
    (folder / "a.txt").write_text(ARTICLES["a.txt"].replace("May", "June"), encoding="utf-8")
    changed = reader("index", str(folder / "a.txt"), str(folder / "sub"), "--db", str(db_path))
    assert "0 new, 1 changed, 2 unchanged" in changed.stderr
    with sqlite3.connect(db_path) as db:
        after = dict(db.execute("SELECT source, digest || indexed_at FROM articles").fetchall())
        changed_source = str(folder / "a.txt")
        assert after[changed_source] != before.pop(changed_source)
        assert {k: after[k] for k in before} == before  # the others untouched
        assert db.execute("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'June'").fetchone()[0] == 1
        assert db.execute("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'May'").fetchone()[0] == 0

    by_speaker = reader("quotes", "--db", str(db_path), "--speaker", "shah", "--json")
    assert by_speaker.returncode == 0, by_speaker.stderr
    groups = json.loads(by_speaker.stdout)["speakers"]
    assert [g["speaker"] for g in groups] == ["Priya Shah"]
    assert {q["title"] for q in groups[0]["quotes"]} == {"Council vote"}
    searched = reader("quotes", "--db", str(db_path), "--search", "traffic ready")
    assert searched.returncode == 0
    assert "Ana Lopez" in searched.stdout and "We are ready for the traffic" in searched.stdout
    assert "Shah" not in searched.stdout and "Bridge to open in June" in searched.stdout
    assert '\n  "We are ready for the traffic,"\n' in searched.stdout  # a direct quote keeps its own marks
    reported = reader("quotes", "--db", str(db_path), "--search", "taxes")
    assert "\n  “that taxes would not rise”\n" in reported.stdout  # reported speech gets marks
    none = reader("quotes", "--db", str(db_path), "--search", 'budget" OR "x')
    assert none.returncode == 0 and none.stdout == ""
    missing = reader("quotes", "--db", str(tmp_path / "nothing.sqlite3"))
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1 and "reader index" in missing.stderr


def test_dask_local_cluster_writes_what_the_local_engine_writes(folder: Path) -> None:
    pytest.importorskip("distributed")
    sources = [str(folder / "a.txt"), str(folder / "sub")]
    local = reader("analyze", *sources, "--jsonl", "--no-cache", "--jobs", "1")
    dask = reader("analyze", *sources, "--jsonl", "--no-cache", "--engine", "dask", "--jobs", "1")
    assert local.returncode == 0 and dask.returncode == 0, dask.stderr
    assert sorted(local.stdout.splitlines()) == sorted(dask.stdout.splitlines())
    assert len(local.stdout.splitlines()) == 3
    assert dask.stderr == ""
