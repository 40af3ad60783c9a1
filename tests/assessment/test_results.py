"""Result files (docs/result-format.md): what is kept, what is dropped, and the exact messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.assessment.results import (
    FORMAT,
    new_result,
    parse_result,
    read_result,
    write_result,
)
from generator.errors import ResultFileError
from tests.assessment.helpers import check, result_json, scoring_data, skill, write_json


def refused(path: Path) -> str:
    """The message of the ``ResultFileError`` reading ``path`` raises."""
    with pytest.raises(ResultFileError) as error:
        read_result(path, scoring_data())
    return error.value.format_message()


def test_a_written_result_reads_back_the_same(tmp_path: Path) -> None:
    data = scoring_data()
    result = new_result(data, "r.json", "quick", "pm", "Ada")
    result.ratings["metrics"] = {"level": 2, "hash": skill(data, "metrics")["rating_hash"]}
    result.answers["me-proxy"] = {"choice": 1, "hash": check(data, "me-proxy")["hash"]}
    path = tmp_path / "r.json"
    write_result(path, result)
    again = read_result(path, data)
    assert again.to_json() == result.to_json()
    assert again.notices == []
    assert list(tmp_path.iterdir()) == [path]  # the temporary file was renamed, not left


def test_the_file_has_the_documented_keys_in_order(tmp_path: Path) -> None:
    data = scoring_data()
    path = tmp_path / "r.json"
    write_result(path, new_result(data, str(path), "full", "lead", "Ada"))
    written = json.loads(path.read_text(encoding="utf-8"))
    assert list(written) == ["format", "format_version", "framework", "framework_version",
                             "content_version", "created", "updated", "name", "mode", "role",
                             "ratings", "answers"]
    assert written["format"] == "mlpm-assessment-result"
    assert written["format_version"] == 1
    assert written["framework"] == "Scoring Test Framework"
    assert written["framework_version"] == "2.1"
    assert written["content_version"] == data["content_version"]


@pytest.mark.parametrize(("content", "message"), [
    (b"{\"format\": ", "not a result file (not valid JSON at line 1 column 12: Expecting value)"),
    (b"", "not a result file (not valid JSON at line 1 column 1: Expecting value)"),
    (b"[1, 2]", "not a result file (expected a JSON object, got a list of 2 items)"),
    (b"\xff\xfe{}", "not a result file (it is not UTF-8 text)"),
    (b'{"format": "quiz-export", "format_version": 1}',
     "not a result file (expected \"format\": \"mlpm-assessment-result\", got 'quiz-export')"),
    (b'{"answers": {}}',
     "not a result file (expected \"format\": \"mlpm-assessment-result\", got null)"),
    (b'{"format": "mlpm-assessment-result", "format_version": 2}',
     ("written in result format version 2, but this tool reads up to version 1; update the "
     "generator to read it")),
    (b'{"format": "mlpm-assessment-result"}',
     "unknown format_version null (expected a whole number; this tool reads version 1)"),
    (b'{"format": "mlpm-assessment-result", "format_version": "1"}',
     "unknown format_version '1' (expected a whole number; this tool reads version 1)"),
])
def test_files_that_are_not_results_are_refused(tmp_path: Path, content: bytes,
                                                message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    assert refused(path) == f"{path}: {message}"


def test_a_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.json"
    assert refused(path) == (f"{path}: no such file (expected a result file written by the "
                             "self-assessment or by `assess`)")


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    data = scoring_data()
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(result_json(data)).encode())
    assert read_result(path, data).name == "Ada Lovelace"


def test_an_older_content_version_keeps_unchanged_answers_and_drops_stale_ones() -> None:
    data = scoring_data()
    raw = result_json(data, ratings={"metrics": 2, "shipping": 3, "prioritising": 1},
                      choices={"me-proxy": 0, "sh-mvp": 0, "sh-flag": 1})
    raw["content_version"] = "000000000000"
    raw["ratings"]["shipping"]["hash"] = "aaaaaaaaaaaa"  # its level descriptions changed
    raw["ratings"]["prioritising"]["hash"] = "bbbbbbbbbbbb"
    raw["answers"]["sh-flag"]["hash"] = "cccccccccccc"   # the question was reworded
    result = parse_result(raw, "old.json", data)
    assert result.ratings == {"metrics": raw["ratings"]["metrics"]}
    assert result.answers == {"me-proxy": raw["answers"]["me-proxy"],
                              "sh-mvp": raw["answers"]["sh-mvp"]}
    assert result.content_version == "000000000000"
    assert result.notices == [
        ("old.json: dropped self-ratings whose level descriptions changed since; they will be "
        "asked again: prioritising, shipping"),
        ("old.json: dropped answers to questions that changed since; they will be asked again: "
        "sh-flag"),
    ]


def test_removed_skills_and_checks_are_reported_not_fatal() -> None:
    data = scoring_data()
    raw = result_json(data, ratings={"metrics": 2}, choices={"me-proxy": 0})
    raw["ratings"]["data-fluency"] = {"level": 1, "hash": "aaaaaaaaaaaa"}
    raw["answers"]["old-question"] = {"choice": 0, "hash": "aaaaaaaaaaaa"}
    raw["answers"]["another-old-one"] = {"choice": 2, "hash": "aaaaaaaaaaaa"}
    result = parse_result(raw, "team/ada.json", data)
    assert list(result.ratings) == ["metrics"]
    assert list(result.answers) == ["me-proxy"]
    assert result.notices == [
        ("team/ada.json: ignored ratings of skills that are no longer in the content: "
        "data-fluency"),
        ("team/ada.json: ignored answers to questions that are no longer in the content: "
        "another-old-one, old-question"),
    ]


def test_malformed_entries_are_dropped_one_by_one() -> None:
    data = scoring_data()
    raw = result_json(data, ratings={"metrics": 2, "shipping": 3, "ml-basics": 1,
                                     "user-research": 4},
                      choices={"me-proxy": 0, "sh-mvp": 0, "ur-sample": 0, "sh-flag": 1})
    raw["ratings"]["metrics"]["level"] = 7
    raw["ratings"]["shipping"]["level"] = "3"
    raw["ratings"]["ml-basics"] = 1
    raw["answers"]["sh-mvp"]["choice"] = 2  # two options: 0–1
    raw["answers"]["ur-sample"]["choice"] = True
    raw["answers"]["sh-flag"]["choice"] = 1.0  # a whole number, as JSON and the browser see it
    result = parse_result(raw, "r.json", data)
    assert list(result.ratings) == ["user-research"]
    assert result.answers == {"me-proxy": raw["answers"]["me-proxy"],
                              "sh-flag": {"choice": 1, "hash": check(data, "sh-flag")["hash"]}}
    assert result.notices == [
        "r.json: dropped the rating of 'metrics' (expected a level from 0 to 4, got 7)",
        ("r.json: dropped the rating of 'shipping' (expected a \"level\" of 0–4 and the skill's \"hash\", "
        "got an object)"),
        ("r.json: dropped the rating of 'ml-basics' (expected a \"level\" of 0–4 and the skill's \"hash\", "
        "got 1)"),
        "r.json: dropped the answer to 'sh-mvp' (expected a choice from 0 to 1, got 2)",
        ("r.json: dropped the answer to 'ur-sample' (expected a \"choice\" of 0–1 and the check's \"hash\", "
        "got an object)"),
    ]


def test_bad_top_level_values_are_reported_and_defaulted() -> None:
    data = scoring_data()
    raw = result_json(data)
    raw.update({"mode": "speedy", "role": "ceo", "name": 42, "ratings": [1], "extra": 1,
                "zzz": None})
    result = parse_result(raw, "r.json", data)
    assert (result.mode, result.role, result.name, result.ratings) == ("full", None, None, {})
    assert result.notices == [
        "r.json: ignored unknown keys: extra, zzz",
        "r.json: ignored 'mode' (expected \"quick\" or \"full\" or \"opinion\", got 'speedy')",
        ("r.json: the role 'ceo' is not in the current content (expected one of: pm, lead, "
        "junior); pass --role"),
        "r.json: ignored 'name' (expected text, got 42)",
        "r.json: ignored 'ratings' (expected an object keyed by id, got a list of 1 item)",
    ]


def test_a_result_without_name_or_answers_is_valid(tmp_path: Path) -> None:
    data = scoring_data()
    raw = result_json(data, name=None)
    del raw["ratings"], raw["answers"]
    result = read_result(write_json(tmp_path / "empty.json", raw), data)
    assert (result.name, result.ratings, result.answers, result.notices) == (None, {}, {}, [])
    assert "name" not in result.to_json()


def test_a_second_opinion_keeps_its_rater_and_ratings_only() -> None:
    data = scoring_data()
    skill = data["skills"][0]
    check = skill["checks"][0]
    raw = {"format": FORMAT, "format_version": 1, "mode": "opinion", "name": "Alex",
           "rater": "Sam", "role": data["roles"][0]["id"],
           "ratings": {skill["id"]: {"level": 1, "hash": skill["rating_hash"]}},
           "answers": {check["id"]: {"choice": 0, "hash": check["hash"]}}}
    result = parse_result(raw, "o.json", data)
    assert (result.mode, result.name, result.rater) == ("opinion", "Alex", "Sam")
    assert result.ratings == raw["ratings"] and result.answers == {}
    assert result.notices == [("o.json: ignored the scenario answers (1): a second opinion "
                               "holds ratings only")]
    out = result.to_json()
    assert (out["mode"], out["name"], out["rater"]) == ("opinion", "Alex", "Sam")


def test_earlier_takes_travel_in_the_file_with_their_valid_entries() -> None:
    data = scoring_data()
    skill = data["skills"][0]
    take = {"updated": "2026-06-01T10:00:00Z", "mode": "quick",
            "ratings": {skill["id"]: {"level": 1, "hash": skill["rating_hash"]},
                        "gone": {"level": 1, "hash": "x"}}, "answers": {}}
    raw = {"format": FORMAT, "format_version": 1, "mode": "full", "ratings": {}, "answers": {},
           "history": [take, {"no": "date"}, 7]}
    result = parse_result(raw, "h.json", data)
    assert result.notices == []  # an old take is context: its dropped entries are not reported
    assert result.history == [{**take, "ratings": {skill["id"]: take["ratings"][skill["id"]]}}]
    assert result.to_json()["history"] == result.history
