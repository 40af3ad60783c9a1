"""``import``: both formats into content/ that validates and builds with --strict; every
row or criterion it cannot place is named at its file:line; nothing of the user's is
overwritten without --overwrite."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from generator.ladder.emit import MARK, model_has_examples
from tests.conftest import FIXTURES, REPO, run_cli

SOURCES = FIXTURES / "import"
CSV_PROBLEMS = [
    ("ladder.csv:11: level: not a level number (expected 1 to 9, such as '3' or 'Level 3', "
    "got 'five')"),
    ("ladder.csv:14: no behaviour (expected a skill, a level and a behaviour on every row, got "
    "'People', 'Mentoring', '2', 'An example with no behaviour to hang it on.')"),
]
MARKDOWN_PROBLEMS = [
    ("progression/solutions.md:30: criteria[1]: not a criterion (expected a sentence, got "
    "\"{'note': 'not a sentence'}\"); it was not imported"),
    ("progression/solutions.md:34: level: not a level of this framework (expected 1 to 4, got "
    "7); its criteria were not imported"),
    ("progression/solutions.md:50: a topic without a name (expected 'name: <id>' with 'title' "
    "and 'content')"),
]


def _import(project: Path, *args: str) -> object:
    """Run import from a copy of the fixtures inside ``project`` (so messages name them
    relative to the project, as a user's would be)."""
    shutil.copytree(SOURCES, project / "sources", dirs_exist_ok=True)
    paths = [str(project / a) if a.startswith("sources/") else a for a in args]
    return run_cli("import", "--root", str(project), *paths, cwd=REPO)


def _yaml(path: Path) -> object:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_a_spreadsheet_imports_and_builds_strictly(tmp_path: Path) -> None:
    result = _import(tmp_path, "sources/ladder.csv")
    assert result.code == 0, result.err  # type: ignore[attr-defined]
    for problem in CSV_PROBLEMS:
        assert f"sources/{problem}" in result.err  # type: ignore[attr-defined]
    assert "2 row(s) or criteria could not be placed" in result.out  # type: ignore[attr-defined]
    skill = _yaml(tmp_path / "content/skills/pipeline-reliability.yml")
    level3 = skill["levels"][3]["behaviours"]  # type: ignore[index]
    text = (tmp_path / "content/skills/pipeline-reliability.yml").read_text(encoding="utf-8")
    # the example-only row joins the behaviour above it
    for example in ("Made the billing export idempotent so a rerun never doubles a row.",
                    "Wrote the backfill guide that the team now links from every incident."):
        assert example in text
    if model_has_examples():
        assert level3[0]["examples"][1].startswith("Wrote the backfill guide")
    else:
        assert level3 == [("Designs retries and backfills so a failed run can be repeated "
                          "safely.")]
        assert "        # example: Wrote the backfill guide" in text
    framework = _yaml(tmp_path / "content/framework.yml")
    assert [a["name"] for a in framework["areas"]] == ["Platform", "People"]  # type: ignore[index]
    roles = _yaml(tmp_path / "content/roles.yml")["roles"]  # type: ignore[index]
    assert [r["id"] for r in roles][:2] == ["platform-level-1", "platform-level-2"]
    # Mentoring starts at level 3: a level-2 role of its track does not expect it at all
    assert "mentoring" not in next(r for r in roles if r["id"] == "people-level-2")[
        "expectations"]
    built = run_cli("build", "--strict", "--root", str(tmp_path), cwd=REPO)
    assert built.code == 0, built.err
    assert (tmp_path / "site/skills/mentoring/index.html").exists()


def test_progression_markdown_inherits_from_the_generic_file(tmp_path: Path) -> None:
    result = _import(tmp_path, "sources/progression/generic.md",
                     "sources/progression/solutions.md")
    assert result.code == 0, result.err  # type: ignore[attr-defined]
    for problem in MARKDOWN_PROBLEMS:
        assert f"sources/{problem}" in result.err  # type: ignore[attr-defined]
    framework = _yaml(tmp_path / "content/framework.yml")
    assert framework["name"] == "Field engineering (everyone)"  # type: ignore[index]
    assert framework["levels"][3]["summary"] == (  # type: ignore[index]
        "Owns complex customer problems from first contact to fix.")  # the summary topic
    assert [a["name"] for a in framework["areas"]] == ["Solutions"]  # type: ignore[index]
    communication = _yaml(tmp_path / "content/skills/communication.yml")
    assert communication["summary"].startswith("How clearly and kindly")  # type: ignore[index]
    # the track's own criterion first, then the generic one for the same level
    assert communication["levels"][2]["behaviours"] == [  # type: ignore[index]
        "Runs a product demo that answers the questions the buyer actually asked.",
        "Adjusts detail to the reader, from a developer to a finance lead."]
    leadership = (tmp_path / "content/skills/leadership.yml").read_text(encoding="utf-8")
    assert "Ran the weekly check-in for a six-week rollout." in leadership
    assert not (tmp_path / "content/skills/summary.yml").exists()
    built = run_cli("build", "--strict", "--root", str(tmp_path), cwd=REPO)
    assert built.code == 0, built.err


def test_examples_go_to_the_field_only_when_the_model_has_it(tmp_path: Path) -> None:
    result = _import(tmp_path, "--examples", "field", "sources/progression/generic.md",
                     "sources/progression/solutions.md")
    if model_has_examples():
        assert result.code == 0, result.err  # type: ignore[attr-defined]
    else:  # the content would not validate, so nothing is written
        assert result.code == 1  # type: ignore[attr-defined]
        assert "would not validate" in result.err  # type: ignore[attr-defined]
        assert not (tmp_path / "content").exists()
    dropped = _import(tmp_path / "dropped", "--examples", "drop", "sources/ladder.csv")
    assert dropped.code == 0  # type: ignore[attr-defined]
    assert "example" not in (tmp_path / "dropped/content/skills/pipeline-reliability.yml") \
        .read_text(encoding="utf-8").split("levels:")[1].lower()


def test_a_file_import_did_not_write_is_never_replaced_without_overwrite(
        tmp_path: Path) -> None:
    mine = tmp_path / "content" / "framework.yml"
    mine.parent.mkdir(parents=True)
    mine.write_text("name: My own framework\n", encoding="utf-8")
    refused = _import(tmp_path, "sources/ladder.csv")
    assert refused.code == 1  # type: ignore[attr-defined]
    assert ("1 file(s) exist that import did not write or that were edited since: "
            "content/framework.yml (expected new files, or ones an earlier import wrote and "
            "nobody changed); nothing was written.") in refused.err  # type: ignore[attr-defined]
    assert mine.read_text(encoding="utf-8") == "name: My own framework\n"
    assert not (tmp_path / "content/roles.yml").exists()
    replaced = _import(tmp_path, "--overwrite", "sources/ladder.csv")
    assert replaced.code == 0, replaced.err  # type: ignore[attr-defined]
    assert mine.read_text(encoding="utf-8").startswith(MARK)
    # its own files it may replace again (a re-import after fixing the spreadsheet)…
    again = _import(tmp_path, "sources/ladder.csv")
    assert again.code == 0, again.err  # type: ignore[attr-defined]
    # …but not once someone has edited one
    roles = tmp_path / "content" / "roles.yml"
    edited = roles.read_text(encoding="utf-8").replace("Platform, level 1", "Junior engineer")
    roles.write_text(edited, encoding="utf-8")
    kept = _import(tmp_path, "sources/ladder.csv")
    assert kept.code == 1  # type: ignore[attr-defined]
    assert "edited since: content/roles.yml (expected" in kept.err  # type: ignore[attr-defined]
    assert roles.read_text(encoding="utf-8") == edited


@pytest.mark.parametrize("name, text, expected", [
    ("ladder.xlsx", "", ("ladder.xlsx: not a format import reads (expected a spreadsheet "
                        "export (.csv, .tsv, .txt) or progression-framework Markdown")),
    ("empty.csv", "Name,Notes\nx,y\n", ("empty.csv:1: no skill, level, behaviour column "
                                       "(expected a header row naming area, skill, level, "
                                       "behaviour and optionally example, got Name, Notes)")),
    ("plain.md", "# Just a page\n", ("plain.md:1: a progression-framework file starts with "
                                    "YAML front matter (expected '---' on the first line)")),
])
def test_what_cannot_be_read_is_named(tmp_path: Path, name: str, text: str,
                                      expected: str) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = run_cli("import", "--root", str(tmp_path), str(tmp_path / name), cwd=REPO)
    assert result.code == 1
    assert expected in result.err
    assert "Traceback" not in result.err
    assert not (tmp_path / "content").exists()
