"""``team``: the team page from eight result files, checked as a browser shows it.

The eight people are ``assessment_helpers.TEAM``, compared with the role "pm" (targets:
user-research 3, prioritising 3, metrics 3, shipping 2, ml-basics 2). By hand: metrics is
held at the target only by Katherine Johnson (a single point of failure), nobody reaches
prioritising, and the largest team gap is metrics (mean gap 15/8 = 1.875 × 3 = 5.63).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.assessment.helpers import (
    SCORING,
    TEAM,
    check_in_browser,
    result_json,
    scoring_data,
    write_json,
    write_team,
)

NAMES = [name for name, _, _ in TEAM if name]


def team(*args: str):
    return CliRunner().invoke(main, ["team", "--root", str(SCORING), *args])


@pytest.fixture
def team_files(tmp_path: Path) -> list[Path]:
    return write_team(tmp_path / "results")


def test_help() -> None:
    result = CliRunner().invoke(main, ["team", "--help"])
    assert result.exit_code == 0
    assert "--names [full|initials|hidden]" in result.output


def test_the_team_page_in_a_browser(tmp_path: Path, team_files: list[Path]) -> None:
    out = tmp_path / "page"
    result = team(*map(str, team_files), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.output == f"Wrote {out / 'index.html'}: 8 people compared with ML product manager.\n"
    check_in_browser(out / "index.html", check_team_page)


def check_team_page(page) -> None:
    assert page.locator("h1").inner_text() == "Team skills against ML product manager"
    heatmap = page.locator("table.heatmap")
    assert heatmap.locator("thead tr").nth(1).locator("th").all_inner_texts() == [
        "Person", "User research", "Prioritising", "Metrics", "Shipping", "ML basics"]
    assert heatmap.locator("tr.target td").all_inner_texts() == ["3", "3", "3", "2", "2"]
    rows = heatmap.locator("tbody tr.person")
    assert rows.count() == 8
    assert sorted(rows.locator("th").all_inner_texts()) == sorted(NAMES + ["person-7"])
    # Every cell says in text what its colour says.
    for text in heatmap.locator("tbody td").all_inner_texts():
        assert re.fullmatch(r"(\d+(\.\d+)?|—) (✓|−\d+(\.\d+)?)", text), text
    katherine = heatmap.locator("tr.person", has_text="Katherine Johnson")
    assert katherine.locator("td").all_inner_texts() == ["2 −1", "2 −1", "4 ✓", "2 ✓", "2 ✓"]
    assert "meets" in katherine.locator("td").nth(2).get_attribute("class")
    turing = heatmap.locator("tr.person", has_text="Alan Turing")
    assert turing.locator("td").first.inner_text() == "2.5 −0.5"  # (1 + 4) / 2
    unnamed = heatmap.locator("tr.person", has_text="person-7")
    assert unnamed.locator("td").all_inner_texts() == ["2 −1", "— −3", "— −3", "2 ✓", "— −2"]

    reach = page.locator("table.reach tbody tr")
    assert [r.locator("td").nth(2).inner_text() for r in reach.all()] == [
        "3 of 8", "0 of 8", "1 of 8", "6 of 8", "5 of 8"]
    assert page.locator("ul.spof li").all_inner_texts() == [
        "Metrics: only Katherine Johnson (target 3)"]
    assert "Nobody reaches the target in: Prioritising." in page.inner_text("body")
    gaps = page.locator("table.team-gaps tbody tr")
    assert [g.locator("th").inner_text() for g in gaps.all()] == [
        "Metrics", "Prioritising", "User research", "ML basics", "Shipping"]
    assert gaps.first.locator("td").all_inner_texts() == ["1", "7 of 8", "1.88", "Essential",
                                                          "5.63"]
    pairs = page.locator("table.pairs tbody tr")
    assert pairs.first.inner_text().split("\t") == ["Metrics", "Katherine Johnson (4)",
                                                    "Alan Lee (0)"]
    # A name is text, never markup.
    assert page.locator("img").count() == 0
    assert "Eve <img src=x onerror=alert(1)>" in heatmap.inner_text()


def test_hidden_names_show_nothing_about_fewer_than_three(tmp_path: Path,
                                                          team_files: list[Path]) -> None:
    out = tmp_path / "hidden"
    assert team(*map(str, team_files), "-o", str(out), "--names", "hidden").exit_code == 0
    html = (out / "index.html").read_text(encoding="utf-8")
    for name in NAMES + ["person-7", "Katherine", "Eve &lt;img"]:
        assert name not in html
    check_in_browser(out / "index.html", check_hidden_page)


def check_hidden_page(page) -> None:
    assert page.locator("table.heatmap").count() == 0
    assert page.locator("table.pairs").count() == 0
    assert page.locator("ul.spof").count() == 0
    reach = [r.locator("td").nth(2).inner_text() for r in page.locator("table.reach tbody tr").all()]
    # 1 of 8 and 6 of 8 would single out one or two people.
    assert reach == ["3 of 8", "0 of 8", "hidden (singles out fewer than 3)",
                     "hidden (singles out fewer than 3)", "5 of 8"]
    for cell in page.locator("td").all_inner_texts():
        match = re.fullmatch(r"(\d+) of (\d+)", cell)
        if match:
            count, total = int(match[1]), int(match[2])
            assert count in (0, total) or (count >= 3 and total - count >= 3), cell
    assert "Names are hidden, so no pairs are suggested." in page.inner_text("body")


def test_hidden_names_and_two_people_show_no_results(tmp_path: Path,
                                                     team_files: list[Path]) -> None:
    out = tmp_path / "two"
    result = team(*map(str, team_files[:2]), "-o", str(out), "--names", "hidden")
    assert result.exit_code == 0
    assert ("Names are hidden and there are fewer than 3 people, so the page shows no "
            "results.") in result.stderr
    html = (out / "index.html").read_text(encoding="utf-8")
    assert 'id="too-few"' in html
    assert "<table" not in html


def test_initials_are_unique(tmp_path: Path, team_files: list[Path]) -> None:
    out = tmp_path / "initials"
    assert team(*map(str, team_files), "-o", str(out), "--names", "initials").exit_code == 0
    html = (out / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r'<tr class="person"><th scope="row">([^<]*)</th>', html)
    # Ada Lovelace and Alan Lee are both AL; Alan Turing is AT; person-7 is P7.
    assert sorted(rows) == sorted(["AL (1)", "AL (2)", "GH", "AT", "KJ", "BL", "P7", "E&lt;S"])
    assert "Lovelace" not in html


def test_the_role_most_files_chose_is_used_and_others_are_mentioned(tmp_path: Path) -> None:
    data = scoring_data()
    files = [write_json(tmp_path / f"{i}.json", result_json(data, role=role, name=f"P{i}"))
             for i, role in enumerate(["lead", "pm", "lead"])]
    result = team(*map(str, files), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert ("Comparing everyone with 'lead', the role most files chose (others chose: pm); "
            "pass --role to pick another.") in result.stderr
    assert "compared with Lead ML product manager" in result.stdout
    result = team(*map(str, files), "-o", str(tmp_path / "out"), "--role", "junior")
    assert "compared with Associate product manager" in result.stdout
    assert result.stderr == ""


def test_a_bad_file_names_the_file_and_writes_nothing(tmp_path: Path,
                                                      team_files: list[Path]) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text("{not json", encoding="utf-8")
    out = tmp_path / "page"
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "team", "--root", str(SCORING),
         *map(str, team_files), str(bad), "-o", str(out)],
        capture_output=True, text=True, check=False)
    assert proc.returncode == 1
    assert proc.stderr == (f"{bad}: not a result file (not valid JSON at line 1 column 2: "
                           "Expecting property name enclosed in double quotes)\n")
    assert proc.stdout == ""
    assert not out.exists()


def test_no_files_is_a_usage_error() -> None:
    result = team()
    assert result.exit_code == 2
    assert "Missing argument 'RESULT.json...'." in result.output
