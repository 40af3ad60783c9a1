"""``compare``: where a manager's or peer's rating differs from the self-rating."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main
from tests.assessment.helpers import SCORING, result_json, right, scoring_data, write_json


def compare(*args: str):
    return CliRunner().invoke(main, ["compare", "--root", str(SCORING), *args])


def files(tmp_path: Path) -> tuple[Path, Path]:
    data = scoring_data()
    mine = write_json(tmp_path / "self.json", result_json(
        data, {"user-research": 3, "prioritising": 2, "metrics": 3, "shipping": 1},
        {"me-proxy": right(data, "me-proxy")}, name="Ada Lovelace"))
    theirs = write_json(tmp_path / "manager.json", result_json(
        data, {"user-research": 3, "prioritising": 4, "metrics": 1, "shipping": 2,
               "ml-basics": 2}, name="Grace Hopper"))
    return mine, theirs


def test_help() -> None:
    result = CliRunner().invoke(main, ["compare", "--help"])
    assert result.exit_code == 0
    assert "compare [OPTIONS] SELF.json OTHER.json" in result.output


def test_differences_largest_first(tmp_path: Path) -> None:
    mine, theirs = files(tmp_path)
    result = compare(str(mine), str(theirs))
    assert result.exit_code == 0, result.output
    assert result.stdout == f"""\
Self-rating {mine} (Ada Lovelace) compared with {theirs} (Grace Hopper)

| Skill        | Self         | Other        | Difference | Note                                             |
|--------------|--------------|--------------|------------|--------------------------------------------------|
| Prioritising | 2 Practising | 4 Leading    | +2         | rated higher by the other — worth a conversation |
| Metrics      | 3 Proficient | 1 Aware      | −2         | rated lower by the other — worth a conversation  |
| Shipping     | 1 Aware      | 2 Practising | +1         | rated higher by the other                        |

3 skills rated differently (2 by 2 levels or more), 1 the same.
Same rating: User research.
ML basics: rated only in {theirs} (Grace Hopper).
"""


def test_identical_ratings(tmp_path: Path) -> None:
    mine, _ = files(tmp_path)
    result = compare(str(mine), str(mine))
    assert "| Skill" not in result.stdout
    assert "0 skills rated differently (0 by 2 levels or more), 4 the same." in result.stdout


def test_stale_ratings_are_not_compared(tmp_path: Path) -> None:
    mine, theirs = files(tmp_path)
    text = theirs.read_text(encoding="utf-8")
    stale = scoring_data()["skills"][1]["rating_hash"]  # prioritising
    theirs.write_text(text.replace(stale, "000000000000"), encoding="utf-8")
    result = compare(str(mine), str(theirs))
    assert result.stderr == (f"{theirs}: dropped self-ratings whose level descriptions changed "
                             "since; they will be asked again: prioritising\n")
    assert "Prioritising: rated only in" in result.stdout


def test_piped_output_has_no_colour_and_a_bad_file_is_named(tmp_path: Path) -> None:
    mine, theirs = files(tmp_path)
    ok = subprocess.run([sys.executable, "-m", "generator", "compare", "--root", str(SCORING),
                         str(mine), str(theirs)], capture_output=True, text=True, check=False)
    assert ok.returncode == 0
    assert "\x1b[" not in ok.stdout
    missing = tmp_path / "nobody.json"
    bad = subprocess.run([sys.executable, "-m", "generator", "compare", "--root", str(SCORING),
                          str(mine), str(missing)], capture_output=True, text=True, check=False)
    assert (bad.returncode, bad.stdout) == (1, "")
    assert bad.stderr == (f"{missing}: no such file (expected a result file written by the "
                          "self-assessment or by `assess`)\n")


def test_two_self_assessments_of_one_person_read_as_then_and_now(tmp_path: Path) -> None:
    data = scoring_data()
    first, second = data["skills"][0], data["skills"][1]

    def doc(updated: str, levels: tuple[int, int]) -> dict:
        return {"format": "mlpm-assessment-result", "format_version": 1, "mode": "full",
                "name": "Ada", "updated": updated, "role": data["roles"][0]["id"],
                "ratings": {s["id"]: {"level": lv, "hash": s["rating_hash"]}
                            for s, lv in zip((first, second), levels, strict=True)},
                "answers": {}}
    now = write_json(tmp_path / "now.json", doc("2026-11-30T10:00:00Z", (2, 1)))
    then = write_json(tmp_path / "then.json", doc("2026-06-01T10:00:00Z", (1, 1)))
    result = compare(str(now), str(then))  # given newest first: still then, now
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.splitlines()[0] == (f"Self-ratings then, {then} (Ada, 2026-06-01), and now, "
                                   f"{now} (Ada, 2026-11-30)")
    assert "| Then" in out and "higher now" in out


def test_a_second_opinion_given_first_is_still_the_other(tmp_path: Path) -> None:
    """The files say which one is the opinion: the order they are given in does not swap
    "Self" and "Other"."""
    mine, theirs = files(tmp_path)
    opinion = write_json(tmp_path / "opinion.json", {
        **json.loads(theirs.read_text(encoding="utf-8")), "mode": "opinion",
        "name": "Ada Lovelace", "rater": "Grace Hopper"})
    given_first = compare(str(opinion), str(mine))
    assert given_first.exit_code == 0, given_first.output
    assert given_first.stdout == compare(str(mine), str(opinion)).stdout
    assert "| Prioritising | 2 Practising | 4 Leading" in given_first.stdout
