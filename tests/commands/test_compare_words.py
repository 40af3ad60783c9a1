"""``compare`` says its counts with the right plural form and takes every word from the
interface strings (here in Russian), including who gave a second opinion."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main
from tests.assessment.helpers import SCORING, result_json, scoring_data, write_json, wrong


def _files(tmp_path: Path, sure_wrong: int) -> tuple[Path, Path]:
    data = scoring_data()
    checks = ["me-proxy", "ur-sample"][:sure_wrong]
    mine = result_json(data, {"user-research": 3, "prioritising": 2, "metrics": 3},
                       {c: wrong(data, c) for c in checks}, name="Ada")
    for c in checks:
        mine["answers"][c]["sure"] = 3
    theirs = result_json(data, {"user-research": 3, "prioritising": 4, "metrics": 3},
                         name="Ada", mode="opinion")
    theirs["rater"] = "Sam"
    return write_json(tmp_path / "self.json", mine), write_json(tmp_path / "sam.json", theirs)


def _compare(root: Path, *files: Path) -> str:
    result = CliRunner().invoke(main, ["compare", "--root", str(root), *map(str, files)])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_one_is_singular_and_more_are_plural(tmp_path: Path) -> None:
    out = _compare(SCORING, *_files(tmp_path, 1))
    assert "1 skill rated differently (1 by 2 levels or more), 2 the same." in out
    assert "1 scenario answer was given as sure and was wrong." in out
    assert f"{tmp_path / 'sam.json'} (Ada, by Sam)" in out
    out = _compare(SCORING, *_files(tmp_path, 2))
    assert "2 scenario answers were given as sure and were wrong." in out


def test_every_word_comes_from_the_strings(tmp_path: Path) -> None:
    root = tmp_path / "ru"
    shutil.copytree(SCORING, root)
    framework = root / "content" / "framework.yml"
    text = framework.read_text(encoding="utf-8")
    framework.write_text(text.replace("version: \"2.1\"\n", "version: \"2.1\"\nlanguage: ru\n"),
                         encoding="utf-8")
    out = _compare(root, *_files(tmp_path, 1))
    assert "(Ada, автор: Sam)" in out and "by Sam" not in out
    assert "1 ответ на кейс дан уверенно и оказался неверным." in out
