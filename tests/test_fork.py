"""The fork path: scaffold a framework, build it with either engine, publish with valid workflows."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, REPO, copy_project, run_cli


def test_init_scaffolds_a_framework_that_validates_and_builds(tmp_path: Path) -> None:
    target = tmp_path / "our-skills"
    result = run_cli("init", str(target), cwd=tmp_path)
    assert result.code == 0, result.err
    assert (target / "schema/skill.schema.json").exists()
    assert run_cli("validate", "--root", str(target), cwd=tmp_path).code == 0
    built = run_cli("build", "--root", str(target), cwd=tmp_path)
    assert built.code == 0, built.err
    site = target / "site"
    for page in ("skills/code-review", "assessment", "guides/how-we-review-code", "glossary",
                 "sources"):
        assert (site / page / "index.html").exists(), page
    # One place for the site's name: framework.yml's, as the scaffold's mkdocs.yml has none.
    assert "site_name" not in (target / "mkdocs.yml").read_text(encoding="utf-8").replace(
        "set site_name here", "")
    assert "Our Team Skills</title>" in (site / "index.html").read_text(encoding="utf-8")


def test_init_takes_the_name_levels_and_first_area(tmp_path: Path) -> None:
    target = tmp_path / "sre"
    result = run_cli("init", str(target), "--name", "Plattform-Zuverlässigkeit",
                     "--levels", "Einsteiger, Fortgeschritten, Erfahren, Experte, Meister",
                     "--area", "Betrieb & Störungen", cwd=tmp_path)
    assert result.code == 0, result.err
    built = run_cli("build", "--root", str(target), cwd=tmp_path)
    assert built.code == 0, built.err
    data = json.loads((target / "site/assets/assessment/data.json").read_text(encoding="utf-8"))
    assert [lv["name"] for lv in data["levels"]] == [
        "Not yet", "Einsteiger", "Fortgeschritten", "Erfahren", "Experte", "Meister"]
    assert data["areas"] == [{"id": "betrieb-storungen", "name": "Betrieb & Störungen"}]
    assert data["framework"]["name"] == "Plattform-Zuverlässigkeit"
    home = (target / "site/index.html").read_text(encoding="utf-8")
    assert "Plattform-Zuverlässigkeit</title>" in home
    bad = run_cli("init", str(tmp_path / "x"), "--levels", "Only one", cwd=tmp_path)
    assert bad.code != 0 and "expected 2 to 6 level names" in bad.err
    eight = run_cli("init", str(tmp_path / "y"), "--levels", "a,b,c,d,e,f,g", cwd=tmp_path)
    assert eight.code != 0 and "has 3 to 7 levels), got 7" in eight.err
    for url in ("https://bücher.example/repo", "https://github.com/o/r\\x"):
        odd = run_cli("init", str(tmp_path / "z"), "--levels", "a,b", "--repo-url", url,
                      cwd=tmp_path)
        assert odd.code == 1 and "--repo-url: not a plain address" in odd.err, odd.err
        assert "Traceback" not in odd.err and not (tmp_path / "z").exists()
    assert "Traceback" not in bad.err


def test_init_refuses_a_folder_with_files(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("mine")
    result = run_cli("init", str(tmp_path), cwd=tmp_path)
    assert result.code == 1
    assert "is not empty" in result.err and "Traceback" not in result.err
    assert (tmp_path / "keep.txt").read_text() == "mine"


def test_an_unrelated_framework_builds_strictly(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "data-engineering", tmp_path / "de")
    result = run_cli("build", cwd=project)
    assert result.code == 0, result.err
    home = (project / "site/index.html").read_text(encoding="utf-8")
    assert "Data Engineering Skills" in home
    assert "product manager" not in home.lower()


def test_nothing_about_pm_skills_is_hard_coded_in_the_generator() -> None:
    words = ("product manager", "ML/AI", "machine learning", "mlops", "data scientist")
    for path in (REPO / "generator").rglob("*"):
        if path.is_file() and path.suffix in {".py", ".j2", ".html", ".js", ".css", ".yml"} \
                and "scaffold" not in path.parts:
            text = path.read_text(encoding="utf-8").lower()
            for word in words:
                if word.lower() in text:
                    # Examples in docstrings and error hints may name a skill id; page text may not.
                    assert path.suffix == ".py", f"{path.relative_to(REPO)} mentions {word!r}"


@pytest.mark.parametrize("engine", ["zensical"])
def test_the_generated_pages_also_build_with_zensical(tmp_path: Path, engine: str) -> None:
    project = copy_project(FIXTURES / "minimal", tmp_path / "z")
    result = run_cli("build", "--engine", engine, cwd=project)
    assert result.code == 0, result.err
    page = (project / "site/skills/testing/index.html").read_text(encoding="utf-8")
    assert "Writes a unit test." in page
    assert "fonts.googleapis" not in page


def test_workflows_and_repository_files_match_their_schemas() -> None:
    checks = [
        ("vendor.github-workflows", sorted((REPO / ".github/workflows").glob("*.yml"))),
        ("vendor.dependabot", [REPO / ".github/dependabot.yml"]),
        ("vendor.github-issue-forms", [p for p in sorted((REPO / ".github/ISSUE_TEMPLATE")
                                                         .glob("*.yml")) if p.name != "config.yml"]),
    ]
    for schema, files in checks:
        assert files, schema
        proc = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema,
                               *map(str, files)], capture_output=True, text=True, check=False)
        assert proc.returncode == 0, proc.stdout + proc.stderr
    ci = (REPO / ".github/workflows/ci.yml").read_text()
    assert "make test" in ci
    pages = (REPO / ".github/workflows/pages.yml").read_text()
    for action in ("actions/configure-pages", "actions/upload-pages-artifact",
                   "actions/deploy-pages"):
        assert action in pages


def test_an_area_can_be_switched_off_without_code(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "data-engineering", tmp_path / "de")
    framework = project / "content/framework.yml"
    framework.write_text(framework.read_text().replace(
        "summary: Keeping data systems healthy.}", "summary: Keeping data systems healthy., "
        "show: false}"))
    result = run_cli("build", cwd=project)
    assert result.code == 0, result.err
    site = project / "site"
    assert not (site / "skills/data-quality").exists()
    assert not (site / "areas/operations").exists()
    assert "Data quality" not in (site / "index.html").read_text(encoding="utf-8")
    data = (site / "assets/assessment/data.json").read_text(encoding="utf-8")
    assert "data-quality" not in data
