"""``assess --about``: a second opinion in the terminal, and the adaptive quick mode asked
again after every answer, as the browser asks it."""

from __future__ import annotations

from pathlib import Path

from tests.commands.test_assess import invoke, saved


def test_about_writes_a_second_opinion_in_the_third_person(tmp_path: Path) -> None:
    out = tmp_path / "alex-by-sam.json"
    result = invoke("--about", "Alex Doe", "--name", "Sam", "--role", "pm", "-o", str(out),
                    input="2\n3\n1\n4\n0\n")
    assert result.exit_code == 0, result.output
    assert "Which level describes what Alex Doe can show examples of today?" in result.output
    assert "User research — Alex Doe's level (0–4; b back, s skip, q stop):" in result.output
    assert "knowledge check" not in result.output  # ratings only: answers would measure Sam
    written = saved(out)
    assert (written["mode"], written["name"], written["rater"]) == ("opinion", "Alex Doe", "Sam")
    assert {k: v["level"] for k, v in written["ratings"].items()} == {
        "user-research": 2, "prioritising": 3, "metrics": 1, "shipping": 4, "ml-basics": 0}
    assert not written.get("answers")
    assert "Your second opinion on Alex Doe is saved in" in result.output


def test_about_with_a_mode_is_refused(tmp_path: Path) -> None:
    result = invoke("--about", "Alex", "--mode", "full", "-o", str(tmp_path / "x.json"))
    assert result.exit_code == 1
    assert "--about gives a second opinion" in result.stderr
    assert not (tmp_path / "x.json").exists()


def test_the_report_of_a_second_opinion_says_whose_it_is(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from generator.cli import main
    from tests.assessment.helpers import SCORING

    out = tmp_path / "alex-by-sam.json"
    invoke("--about", "Alex Doe", "--name", "Sam", "--role", "pm", "-o", str(out),
           input="2\n3\n1\n4\n0\n")
    report = CliRunner().invoke(main, ["report", "--root", str(SCORING), str(out),
                                       "--format", "md"]).output
    lines = report.splitlines()
    assert lines[0] == "# Second opinion on Alex Doe: Scoring Test Framework"
    assert "Mode: Second opinion" in report and "mode_name" not in report
