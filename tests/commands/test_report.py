"""``report``: the career-gap report as Markdown (golden file), JSON and self-contained HTML.

The result is the "mixed answers against lead" case of ``test_scoring.py``, whose numbers
are computed by hand there. Refresh the golden file after a deliberate change with
``UPDATE_GOLDENS=1 .venv/bin/pytest tests/commands/test_report.py`` and review the diff.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.assessment.scoring import score
from generator.cli import main
from tests.assessment.helpers import (
    SCORING,
    answers,
    check_in_browser,
    result_json,
    right,
    scoring_data,
    write_json,
    wrong,
)
from tests.conftest import run_module

GOLDEN = SCORING / "expected" / "report.md"
NAME = "Ada <script>alert(1)</script> Lovelace"


def mixed(data: dict) -> tuple[dict[str, int], dict[str, int]]:
    ratings = {"user-research": 4, "prioritising": 1, "metrics": 2, "ml-basics": 3}
    picks = {"ur-leading-question": right, "ur-sample": wrong, "ur-synthesis": wrong,
             "pr-opportunity-cost": right, "pr-risk": right, "sh-mvp": right, "sh-flag": wrong,
             "sh-estimate": right, "sh-rollback": right, "me-proxy": right}
    return ratings, {cid: pick(data, cid) for cid, pick in picks.items()}


def mixed_file(path: Path, name: str = "Ada Lovelace") -> Path:
    data = scoring_data()
    ratings, choices = mixed(data)
    return write_json(path, result_json(data, ratings, choices, role="lead", name=name))


@pytest.fixture
def result_file(tmp_path: Path) -> Path:
    return mixed_file(tmp_path / "mixed.json")


def report(*args: str):
    return CliRunner().invoke(main, ["report", "--root", str(SCORING), *args])


def test_help() -> None:
    result = CliRunner().invoke(main, ["report", "--help"])
    assert result.exit_code == 0
    assert "--format [text|md|html|json]" in result.output


def test_markdown_report(result_file: Path) -> None:
    result = report(str(result_file))
    assert result.exit_code == 0, result.output
    if os.environ.get("UPDATE_GOLDENS"):
        GOLDEN.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == GOLDEN.read_text(encoding="utf-8")
    assert result.stderr == ""


def test_markdown_report_key_lines(result_file: Path) -> None:
    out = report(str(result_file)).stdout
    assert ("| User research | 4 | 1 of 3 | 1 | 1 | 4 | 3 | Unconfirmed · Overconfident |"
            in out)
    assert ("- **User research:** You rated 4, but 1 of your 3 scenario answers right show "
            "only 1; so this counts as 1 until your answers agree.") in out
    assert ("2. **Prioritising** — Now 2, target 4: gap 2 × importance 3 (Essential) = "
            "priority 6\n\n   Next goal: Level 3: Proficient. Signs you are there:\n\n"
            "   - Says no with evidence.\n\n   What to read:\n\n"
            "   - [Roadmaps that say no](https://example.com/rm) — Talk · 45 min · Free · "
            "Level 3: Proficient\n") in out
    assert ("### Days 31–60\n\nAbout 1.5 h of reading, and practice at work.\n\n"
            "- [Research ops](https://example.com/ro) — 1.5 h · for Metrics\n"
            "- Practise Metrics towards Level 3: Proficient: Own a metric tree.\n") in out


def test_markdown_report_is_the_browsers(result_file: Path) -> None:
    """The terminal prints what the browser's "Download Markdown report" saves: Node runs
    report.js as the browser loads it, on the same result document."""
    import json as json_lib

    from generator.assessment.lookup import load_assessment
    from generator.assessment.results import read_result

    a = load_assessment(SCORING)
    doc = {**read_result(result_file, a.data).to_json(), "role": "lead"}
    scored = score(a.data, doc, "lead")
    script = ("import { markdownReport } from './generator/assets/assessment/report.js';"
              "import { readFileSync } from 'node:fs';"
              "const [data, doc, result] = JSON.parse(readFileSync(0, 'utf8'));"
              "process.stdout.write(markdownReport(data, doc, result));")
    browser = run_module(script, json_lib.dumps([a.data, doc, scored]))
    assert report(str(result_file)).stdout == browser


def test_json_is_the_scoring_result(result_file: Path) -> None:
    data = scoring_data()
    result = report(str(result_file), "--format", "json")
    assert result.exit_code == 0
    ratings, choices = mixed(data)
    assert json.loads(result.stdout) == score(data, answers(data, ratings, choices), "lead")


def test_role_option_overrides_the_file(result_file: Path) -> None:
    result = report(str(result_file), "--format", "json", "--role", "junior")
    assert json.loads(result.stdout)["role"] == "junior"
    assert "Target role: Associate product manager" in report(str(result_file), "--role",
                                                             "junior").stdout


def test_html_report_in_a_browser(tmp_path: Path) -> None:
    html = report(str(mixed_file(tmp_path / "ada.json", NAME)), "--format", "html").stdout
    assert "<script" not in html  # the name is escaped, and the page has no scripts
    assert "Content-Security-Policy" in html
    page_file = tmp_path / "report.html"
    page_file.write_text(html, encoding="utf-8")
    check_in_browser(page_file, check_report_page)


def check_report_page(page) -> None:
    assert page.locator("h1").inner_text() == "Self-assessment: Scoring Test Framework"
    assert page.locator("p.name").inner_text() == f"Name: {NAME}"
    radar = page.locator("svg.radar")
    assert radar.is_visible()
    assert radar.locator("polygon.current").count() == 1
    assert radar.locator("polygon.target").count() == 1
    assert radar.locator("text.axis").evaluate_all(
        "els => els.map(e => [...e.querySelectorAll('tspan')].map(t => t.textContent).join(' '))"
    ) == [
        "User research", "Prioritising", "Metrics", "Shipping", "ML basics"]
    rows = page.locator("table.skills tbody tr")
    assert rows.count() == 5
    assert rows.first.locator("td, th").all_inner_texts() == [
        "User research", "4", "1 of 3", "1", "1", "4", "3", "Unconfirmed · Overconfident"]
    assert page.locator("ol.gaps > li").count() == 3
    assert page.locator("#plan ~ h3").all_inner_texts()[:3] == [
        "Days 1–30", "Days 31–60", "Days 61–90"]


def test_notices_go_to_stderr_and_the_report_still_prints(tmp_path: Path) -> None:
    data = scoring_data()
    raw = result_json(data, {"metrics": 2}, role="pm")
    raw["answers"]["gone-check"] = {"choice": 0, "hash": "000000000000"}
    path = write_json(tmp_path / "old.json", raw)
    result = report(str(path))
    assert result.exit_code == 0
    assert result.stderr == (f"{path}: ignored answers to questions that are no longer in the "
                             "content: gone-check\n")
    assert "| Metrics | 2 | — | — | 2 |" in result.stdout


@pytest.mark.parametrize(("content", "message"), [
    ('{"format": "mlpm-assessment-result", "format_version": 3}',
     ("written in result format version 3, but this tool reads up to version 1; update the "
     "generator to read it")),
    ("<html></html>", "not a result file (not valid JSON at line 1 column 1: Expecting value)"),
])
def test_bad_files_exit_1_with_the_file_named(tmp_path: Path, content: str,
                                              message: str) -> None:
    path = tmp_path / "x.json"
    path.write_text(content, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "generator", "report", "--root", str(SCORING),
                           str(path)], capture_output=True, text=True, check=False)
    assert (proc.returncode, proc.stdout, proc.stderr) == (1, "", f"{path}: {message}\n")


def test_a_file_whose_role_is_gone_needs_role(tmp_path: Path) -> None:
    path = write_json(tmp_path / "r.json", result_json(scoring_data(), role="cto"))
    result = report(str(path))
    assert result.exit_code == 1
    assert result.stderr == (
        f"{path}: the role 'cto' is not in the current content (expected one of: pm, lead, "
        "junior); pass --role\n"
        "no target role: the result file names none that the content knows (pass --role, one "
        "of: pm, lead, junior)\n")
    assert report(str(path), "--role", "pm").exit_code == 0


def test_bad_content_is_reported_like_validate(tmp_path: Path, result_file: Path) -> None:
    result = report(str(result_file), "--root", str(tmp_path))
    assert result.exit_code == 1
    assert "content: the content folder does not exist" in result.stderr
