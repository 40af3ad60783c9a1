"""The terminal layout (``generator.assessment.terminal``) and moving around in ``assess``:
wrapping at word boundaries, reports that fit 80 columns, skip and back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from generator.assessment import terminal
from generator.cli import main
from tests.assessment.helpers import SCORING
from tests.commands.test_assess import CHOICES, RATINGS, invoke, saved, typed
from tests.commands.test_report import mixed_file

words = st.lists(st.text(st.characters(whitelist_categories=("L", "N", "Pd")), min_size=1,
                         max_size=30), min_size=1, max_size=60)


@given(words, st.integers(20, 100))
def test_fill_breaks_only_between_words(text: list[str], cols: int) -> None:
    wrapped = terminal.fill(" ".join(text), cols)
    assert wrapped.split() == " ".join(text).split()  # no word split or lost
    for line in wrapped.splitlines():
        assert len(line) <= cols or " " not in line  # only a single over-long word overflows


def test_source_line_breaks_are_joined_and_paragraphs_kept() -> None:
    text = "A question written\nover three lines\nin YAML.\n\n• one option\n• another"
    assert terminal.paragraphs(text, 80) == (
        "A question written over three lines in YAML.\n\n• one option\n• another")


def test_a_table_that_fits_is_aligned_and_one_that_does_not_becomes_records() -> None:
    md = "| Skill | Score |\n| --- | --- |\n| Data | 2 |\n| Evaluation | — |\n"
    assert terminal.markdown(md, 80) == "Skill       Score\nData        2\nEvaluation  —\n"
    wide = ("| Skill | Self-rating | From scenarios | Target | Note |\n|---|---|---|---|---|\n"
            "| AI quality and evaluation | 3 | 1.5 | 3 | Unconfirmed |\n")
    assert terminal.markdown(wide, 40) == (
        "AI quality and evaluation\n    Self-rating: 3\u00a0· From scenarios:\n"
        "    1.5\u00a0· Target: 3\u00a0· Note: Unconfirmed\n")


def test_output_to_a_file_or_pipe_is_not_wrapped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    assert terminal.width() == terminal.UNWRAPPED  # pytest's stdout is not a terminal
    monkeypatch.setenv("COLUMNS", "60")
    assert terminal.width() == 60


@pytest.mark.parametrize("cols", [80, 60])
def test_the_text_report_fits_the_terminal(tmp_path: Path, cols: int) -> None:
    file = mixed_file(tmp_path / "r.json")
    result = CliRunner().invoke(main, ["report", "--root", str(SCORING), str(file), "--format",
                                       "text"], env={"COLUMNS": str(cols)})
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "Self-assessment: Scoring Test Framework" in lines[0]
    assert not any(line.startswith("|") for line in lines)  # no Markdown table syntax
    assert all(len(line) <= cols for line in lines if " " in line.strip())


def test_piped_report_is_still_the_browsers_markdown(tmp_path: Path) -> None:
    file = mixed_file(tmp_path / "r.json")
    result = CliRunner().invoke(main, ["report", "--root", str(SCORING), str(file)])
    assert "| Skill |" in result.output  # the default when not a terminal: md


def test_s_skips_and_the_next_run_asks_the_skipped_question(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    # user-research rating skipped, ur-sample answered, then stop.
    result = invoke("--role", "pm", "-o", str(out), input="s\n" + typed("ur-sample", 1) + "\nq\n")
    assert result.exit_code == 0, result.output
    assert saved(out)["ratings"] == {}
    assert list(saved(out)["answers"]) == ["ur-sample"]
    again = invoke("-o", str(out), input="2\nq\n")
    assert "[1/9]" in again.output  # the skipped rating comes first
    assert saved(out)["ratings"]["user-research"]["level"] == 2


def test_b_goes_back_and_the_answer_can_be_changed(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    result = invoke("--role", "pm", "-o", str(out), input="3\nb\n1\nq\n")
    assert result.output.count("[1/9]") == 2
    assert saved(out)["ratings"]["user-research"]["level"] == 1
    first = invoke("-o", str(tmp_path / "other.json"), "--role", "pm", input="b\nq\n")
    assert "This is the first question; there is nothing to go back to." in first.output


def test_skipping_is_reported_instead_of_all_answered(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    lines = ["s" if step == "metrics" else (str(RATINGS[step]) if step in RATINGS else
                                            typed(step, CHOICES[step]))
             for step in ["user-research", "ur-sample", "prioritising", "pr-opportunity-cost",
                          "metrics", "me-proxy", "shipping", "sh-flag", "ml-basics"]]
    result = invoke("--role", "pm", "-o", str(out), input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    assert "Questions skipped: 1; run the same command again to answer them." in result.output
    assert "All questions answered" not in result.output
    assert "metrics" not in json.loads(out.read_text())["ratings"]
