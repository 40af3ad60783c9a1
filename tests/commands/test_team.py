"""``team``: the team page from eight result files, checked as a browser shows it.

The eight people are ``tests.assessment.helpers.TEAM``, compared with the role "pm"
(targets: user-research 3, prioritising 3, metrics 3, shipping 2, ml-basics 2; the scale is
0–4, so checks alone show at most 3). By hand: Grace Hopper rated metrics 2 but answered its
one check wrong, so her rating is unconfirmed and counts as 0; Alan Turing rated user
research 1 and answered its check right (shows 3, weighing 1/3): 1 + (3 − 1)/3 = 1.67.
Metrics is held at the target only by Katherine Johnson (a single point of failure),
nobody reaches prioritising, and the largest team gap is metrics: the 7 people assessed on
it miss the target by 2, 3, 2, 0, 1, 3, 2 = 13, a mean of 1.86, × importance 3 = 5.57.
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
    right,
    scoring_data,
    write_json,
    write_team,
    wrong,
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
        "Person", "User research", "Prioritising", "Metrics", "Shipping", "ML basics",
        "Sure but wrong"]
    assert heatmap.locator("tr.target td").all_inner_texts() == ["3", "3", "3", "2", "2", ""]
    rows = heatmap.locator("tbody tr.person")
    assert rows.count() == 8
    assert sorted(rows.locator("th").all_inner_texts()) == sorted(NAMES + ["person-7"])
    # Every cell says in text what its colour says.
    for text in heatmap.locator("tbody td").all_inner_texts():
        assert re.fullmatch(r"((\d+(\.\d+)?|—) (✓|−\d+(\.\d+)?)( \(unconfirmed\))?|\d+(\.\d+)? \(not checked\)|\d+)", text), text
    katherine = heatmap.locator("tr.person", has_text="Katherine Johnson")
    # Metrics 4 and shipping 2 on her rating alone (checks there, none answered): claims, not
    # reached targets; ML basics has no checks, so her rating is all there is.
    assert katherine.locator("td").all_inner_texts() == ["2 −1", "2 −1", "4 (not checked)",
                                                         "2 (not checked)", "2 ✓", "0"]
    assert "unchecked" in katherine.locator("td").nth(2).get_attribute("class")
    assert "meets" in katherine.locator("td").nth(4).get_attribute("class")
    turing = heatmap.locator("tr.person", has_text="Alan Turing")
    assert turing.locator("td").first.inner_text() == "1.67 −1.33"  # 1 + (3 − 1) / 3
    grace = heatmap.locator("tr.person", has_text="Grace Hopper")
    assert grace.locator("td").nth(2).inner_text() == "0 −3 (unconfirmed)"
    unnamed = heatmap.locator("tr.person", has_text="person-7")
    assert unnamed.locator("td").all_inner_texts() == ["2 −1", "— −3", "— −3", "2 (not checked)",
                                                       "— −2", "0"]

    reach = page.locator("table.reach tbody tr")
    assert [r.locator("td").nth(2).inner_text() for r in reach.all()] == [
        "1 of 8", "0 of 8", "0 of 8", "0 of 8", "5 of 8"]
    assert page.locator("ul.spof li").all_inner_texts() == [
        "User research: only Ada Lovelace (target 3)"]
    assert "Nobody reaches the target in: Prioritising." in page.inner_text("body")
    gaps = page.locator("table.team-gaps tbody tr")
    assert [g.locator("th").inner_text() for g in gaps.all()] == [
        "Metrics", "Prioritising", "User research", "Shipping", "ML basics"]
    assert gaps.first.locator("td").all_inner_texts() == ["1", "7 of 8", "1.86", "Essential",
                                                          "5.57"]
    pairs = page.locator("table.pairs tbody tr")
    # Metrics has no holder on evidence; User research has Ada (her check answered right).
    assert pairs.first.inner_text().split("\t") == ["User research", "Ada Lovelace (4)",
                                                    "Alan Lee (1)"]
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
    rows = page.locator("table.reach tbody tr").all()
    reach = [r.locator("td").nth(2).inner_text() for r in rows]
    # Prioritising and metrics: 7 of 8 assessed, so a mean would describe the 8th person by
    # subtraction; user research and ML basics: 1 and 5 of 8 hold the target, so a mean beside
    # the mean gap would give away the holders' total above it; shipping: none holds it, 2 are
    # below and 6 claim it unchecked, so "below" would single out two people.
    hidden = "hidden (a group of fewer than 3)"
    assert [r.locator("td").nth(3).inner_text() for r in rows] == [hidden] * 5
    # 1 of 8 would single out one person.
    assert reach == ["hidden (singles out fewer than 3)", "0 of 8", "0 of 8", "0 of 8", "5 of 8"]
    # The gaps whose figures are hidden are not ranked, and the page says how many.
    assert page.locator("table.team-gaps").count() == 0
    assert ("5 skills with a gap are left out of this ranking: their figures would single out "
            "fewer than 3 people.") in page.inner_text("body")
    for cell in page.locator("td").all_inner_texts():
        match = re.fullmatch(r"(\d+) of (\d+)", cell)
        if match:
            count, total = int(match[1]), int(match[2])
            assert count in (0, total) or (count >= 3 and total - count >= 3), cell
    assert "Names are hidden, so no pairs are suggested." in page.inner_text("body")


def test_a_bluffer_is_never_a_holder_a_mentor_or_a_single_point_of_failure(
        tmp_path: Path) -> None:
    """Two people rate themselves at the top of every skill; one answers every check right,
    the other (the bluffer) every check wrong. Only the first holds anything."""
    data = scoring_data()
    checks = [c["id"] for s in data["skills"] for c in s["checks"]]
    top = {s["id"]: 4 for s in data["skills"]}
    expert = result_json(data, top, {c: right(data, c) for c in checks}, role="pm", name="Expert")
    bluffer = result_json(data, top, {c: wrong(data, c) for c in checks}, role="pm",
                          name="Bluffer")
    novice = result_json(data, {s["id"]: 1 for s in data["skills"]}, role="pm", name="Novice")
    files = [write_json(tmp_path / f"{n}.json", raw) for n, raw in
             (("expert", expert), ("bluffer", bluffer), ("novice", novice))]
    out = tmp_path / "page"
    assert team(*map(str, files), "-o", str(out)).exit_code == 0
    html = (out / "index.html").read_text(encoding="utf-8")
    holders = re.findall(r'<td>([^<]*)</td>\s*</tr>', html.split('class="reach"')[1].split(
        "</table>")[0])
    assert holders[:4] == ["Expert"] * 4  # the four checked skills: never the bluffer
    spof = re.findall(r'<li data-skill="[^"]+">([^<]*)</li>', html)
    assert spof and all("only Expert" in item for item in spof)
    assert html.count("(unconfirmed)</td>") == 4  # every checked skill of the bluffer
    from generator.assessment.lookup import load_assessment
    from generator.assessment.results import read_result
    from generator.assessment.team import build_team

    a = load_assessment(SCORING)
    model = build_team(a, [read_result(f, a.data) for f in files], "pm", "full")
    # ML basics has no checks, so nothing contradicts anyone's rating there.
    assert model["pairs"] and all(pair["mentor"] == "Expert" for pair in model["pairs"]
                                  if pair["skill"] != "ML basics")
    assert all("Bluffer" not in skill["holders"] for skill in model["skills"][:4])
    assert [s["flagged_text"] for s in model["skills"]][:4] == ["1 of 3"] * 4


def test_hidden_names_never_let_one_person_be_recovered(tmp_path: Path) -> None:
    """Four people; one has no rating for metrics. Every shown count, and every mean, must
    describe 0 or at least 3 people, and so must its complement: otherwise the fourth
    person's value follows by subtraction (as the team's mean gap used to allow)."""
    data = scoring_data()
    files = [write_json(tmp_path / f"{i}.json", result_json(
        data, {"user-research": 2, "shipping": 2, **({"metrics": i} if i else {})}, role="pm"))
        for i in range(4)]
    out = tmp_path / "page"
    assert team(*map(str, files), "-o", str(out), "--names", "hidden").exit_code == 0
    html = (out / "index.html").read_text(encoding="utf-8")
    reach = html.split('class="reach"')[1].split("</table>")[0]
    metrics = reach.split('data-skill="metrics"')[1].split("</tr>")[0]
    assert "hidden (a group of fewer than 3)" in metrics  # 3 assessed, 1 not: no mean
    for count, total in re.findall(r">(\d+) of (\d+)<", html):
        part, whole = int(count), int(total)
        assert part in (0, whole) or (part >= 3 and whole - part >= 3), (part, whole)
    assert "Metrics" not in html.split('id="gaps"')[1].split("</table>")[0]
    # A larger minimum hides more.
    assert team(*map(str, files), "-o", str(out), "--names", "hidden",
                "--min-group", "5").exit_code == 0
    assert "<table" not in (out / "index.html").read_text(encoding="utf-8")


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


def test_a_skill_the_role_does_not_expect_has_no_target_and_no_holders(tmp_path: Path) -> None:
    """The ladder fixture's "engineer" role leaves mentoring out: the page shows everyone's
    mentoring score but no target, and nobody is its holder or its single point of failure."""
    from generator.assessment.lookup import load_assessment
    from generator.assessment.team import build_team
    from tests.conftest import FIXTURES

    a = load_assessment(FIXTURES / "ladder")
    people = [("Ada", {"coding": 3, "testing": 2, "mentoring": 4}),
              ("Bo", {"coding": 2, "testing": 1, "mentoring": 3}),
              ("Cy", {"coding": 1, "testing": 1})]
    # Ada answers coding's checks right, so her rating there is confirmed, not "not checked".
    coding = {c["id"]: right(a.data, c["id"]) for sk in a.data["skills"] if sk["id"] == "coding"
              for c in sk["checks"]}
    files = [write_json(tmp_path / f"{n}.json", result_json(
        a.data, r, coding if n == "Ada" else {}, role="engineer", name=n)) for n, r in people]
    result = CliRunner().invoke(main, ["team", "--root", str(FIXTURES / "ladder"),
                                       *map(str, files), "-o", str(tmp_path / "page")])
    assert result.exit_code == 0, result.output
    from generator.assessment.results import read_result

    page = build_team(a, [read_result(f, a.data) for f in files], "engineer", "full")
    rows = {s["id"]: s for s in page["skills"]}
    assert rows["mentoring"]["target"] == "Not expected" and rows["mentoring"]["holders"] == []
    assert rows["coding"]["target"] == 3 and rows["coding"]["holders"] == ["Ada"]
    assert "mentoring" not in [s["id"] for s in page["spof"] + page["nobody"] + page["team_gaps"]]
    assert [row["cells"][1]["text"] for row in page["rows"]] == ["4", "3", "—"]
    html = (tmp_path / "page" / "index.html").read_text(encoding="utf-8")
    assert "Not expected" in html


def test_three_groups_never_give_away_a_small_one() -> None:
    """Reach, below and the unchecked rest: with two counts shown the third follows, so a
    third of 1 or 2 people hides the "below" count (and the means)."""
    from generator.assessment.lookup import load_assessment
    from generator.assessment.team import Person, _skill_row

    a = load_assessment(SCORING)
    skill = next(s for s in a.data["skills"] if s["id"] == "metrics")
    entry = {"score": 3.0, "counted": 3.0, "status": "confirmed", "flag": None}

    def person(gap: float, claims: frozenset[str] = frozenset()) -> Person:
        return Person(label="x", file="x", skills={"metrics": entry}, gaps={"metrics": gap},
                      sure_wrong=0, floor=frozenset(), claims=claims)

    people = [person(0)] * 3 + [person(1)] * 3 + [person(0, frozenset({"metrics"}))]
    row = _skill_row(a, skill, {"level": 3, "importance": 3}, people, True, 3)
    assert row["reach_text"] == "3 of 7"
    assert row["below_text"].startswith("hidden") and row["mean"] is None
