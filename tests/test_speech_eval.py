"""The speech-only evaluation set: the reader's speech attributions on passages written for it stay
above a floor a little below today's figures, so a change that lists beliefs, stances, furniture
or the reporter's questions as speech again fails here."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "speech_eval.py"
SET = ROOT / "tests" / "data" / "speech_eval.toml"

#: Today's figures: direct 0.995, all 0.987, speaker 0.985, end-to-end 0.967 (the second unseen
#: group, written after the first round of fixes: 0.889, 0.851, 1.000, 0.851 before the next one;
#: 1.000, 0.955, 1.000, 0.955 after).
FLOORS = {"direct_f1": 0.97, "all_f1": 0.97, "speaker_acc": 0.94, "e2e_f1": 0.92}
#: The unseen group's: direct 0.981, all 0.992, speaker 1.000, end-to-end 0.992 (before the rules
#: were looked at for it: 0.924, 0.889, 1.000, 0.889).
UNSEEN_FLOORS = {"direct_f1": 0.95, "all_f1": 0.96, "speaker_acc": 0.95, "e2e_f1": 0.95}
#: The third unseen group's (outlets' styles: wire, tabloid, courts, live blog, transcript ...):
#: direct 1.000, all 0.978, speaker 1.000, end-to-end 0.978 (before: 0.983, 0.929, 0.955, 0.886).
UNSEEN_3_FLOORS = {"direct_f1": 0.97, "all_f1": 0.95, "speaker_acc": 0.96, "e2e_f1": 0.94}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, encoding="utf-8", timeout=300
    )


def test_speech_figures_stay_above_their_floor() -> None:
    result = run(str(SET))
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout.splitlines()[-1])
    assert figures["gold"] >= 100
    low = {k: figures[k] for k, floor in FLOORS.items() if figures[k] < floor}
    assert not low, f"below the floor: {low}"
    unseen = figures["groups"]["unseen"]
    assert unseen["gold"] >= 60
    low = {k: unseen[k] for k, floor in UNSEEN_FLOORS.items() if unseen[k] < floor}
    assert not low, f"the unseen group below its floor: {low}"
    third = figures["groups"]["unseen-3"]
    assert third["gold"] >= 60
    low = {k: third[k] for k, floor in UNSEEN_3_FLOORS.items() if third[k] < floor}
    assert not low, f"the third unseen group below its floor: {low}"


def test_a_slip_in_the_set_is_one_clear_line(tmp_path: Path) -> None:
    broken = tmp_path / "set.toml"
    broken.write_text(
        '[[passage]]\nid = "x"\ntext = "Ann said it rained."\n'
        'quotes = [{ content = "it snowed", speaker = "Ann" }]\n',
        encoding="utf-8",
    )
    result = run(str(broken))
    assert result.returncode == 2
    assert "'it snowed' is not in the passage" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_an_unknown_group_is_one_clear_line() -> None:
    result = run(str(SET), "--group", "no-such-group")
    assert result.returncode == 2
    assert "no passage is in the group 'no-such-group'" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
