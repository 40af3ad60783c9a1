"""Read marks kept where the assessment keeps them (marks.js), and share links that carry how
sure each answer was (state.js): the browser's modules run in Node against a stand-in
localStorage."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

from tests.assessment.helpers import scoring_data

RUNNER = Path(__file__).resolve().parent / "marks_cases.mjs"


def run() -> dict[str, Any]:
    assert shutil.which("node"), "Node.js is not installed (run `make test`)"
    proc = subprocess.run(["node", str(RUNNER)], input=json.dumps({"data": scoring_data()}),
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_marks_and_share_certainty() -> None:
    out = run()
    # Marked with nothing saved: an assessment not started, holding the mark.
    r1, r2 = out["ids"]
    assert out["fresh"] is True and out["fresh_ids"] == [r1]
    assert out["fresh_loaded"] == {"step": "start", "read": [r1], "notes": [], "mode": "quick"}
    assert out["after_toggle"] == [r2]
    assert out["none_left"] is False  # no empty list left behind
    # A saved assessment: its answers untouched, the mark added (non-strings dropped).
    assert out["kept"] == {"ratings": {"a": {"level": 2, "hash": "x"}}, "read": ["old", "r3"],
                           "step": "result"}
    assert out["unreadable"] == [False, "{not json"]
    assert out["refused"] == [False, False]
    # Certainty travels in share links, only when given and only as 1-3.
    assert list(out["share_s"].values()) == [3]
    assert out["share_back"] == [3, None]
    assert out["share_bad"] == [None, None]
    assert out["share_no_s"] is False
