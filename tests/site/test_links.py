"""No placeholder links on a published site: addresses come from the repository or nowhere."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, REPO, a_shown_skill, copy_project, run_cli

PLACEHOLDER = re.compile(r"example\.(com|org|net)|example\.github\.io|github\.com/example/")


def _build(project: Path, *args: str, env: dict[str, str] | None = None
           ) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("MLPM_")}
    return subprocess.run([sys.executable, "-m", "generator", "build", *args], cwd=project,
                          env={**clean, **(env or {})}, capture_output=True, text=True,
                          check=False)


@pytest.fixture(scope="module")
def shipped_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(REPO, tmp_path_factory.mktemp("links") / "shipped")
    proc = _build(project, "--strict")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return project / "site"


@pytest.mark.content
def test_the_shipped_site_links_to_no_placeholder_host(shipped_site: Path) -> None:
    hits = [f"{p.relative_to(shipped_site)}: {m.group()}"
            for p in sorted(shipped_site.rglob("*")) if p.suffix in {".html", ".xml", ".json"}
            for m in PLACEHOLDER.finditer(p.read_text(encoding="utf-8", errors="replace"))]
    assert hits == []


@pytest.mark.content
def test_without_a_repository_there_is_no_button_and_no_edit_link(shipped_site: Path) -> None:
    page = (shipped_site / "skills" / a_shown_skill() / "index.html").read_text(encoding="utf-8")
    assert 'class="md-source"' not in page
    assert 'rel="edit"' not in page


@pytest.mark.content
def test_the_workflow_environment_fills_the_header_and_edit_links(tmp_path: Path) -> None:
    skill = a_shown_skill()
    project = copy_project(REPO, tmp_path / "fork")
    proc = _build(project, "--strict", env={
        "MLPM_SITE_URL": "https://acme.github.io/skills/",
        "MLPM_REPO_URL": "https://github.com/acme/skills",
        "MLPM_EDIT_URI": "edit/trunk/"})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    page = (project / "site" / "skills" / skill / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="https://github.com/acme/skills" title="[^"]+" class="md-source"',
                     page)
    assert f'href="https://github.com/acme/skills/edit/trunk/content/skills/{skill}.yml"' in page
    assert f"https://acme.github.io/skills/skills/{skill}/" in (
        project / "site" / "sitemap.xml").read_text(encoding="utf-8")


def test_options_win_over_the_environment(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "minimal", tmp_path / "p")
    proc = _build(project, "--repo-url", "https://git.acme.test/skills", env={
        "MLPM_REPO_URL": "https://github.com/acme/other"})
    assert proc.returncode == 0, proc.stderr
    page = (project / "site" / "skills" / "testing" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://git.acme.test/skills/edit/main/content/skills/testing.yml"' in page


def test_placeholders_are_warned_about_at_their_line_and_fail_strict(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "minimal", tmp_path / "p")  # the old placeholders
    result = run_cli("validate", cwd=project)
    assert result.code == 0
    warnings = [line for line in result.err.splitlines() if "placeholder address" in line]
    assert warnings[0].startswith("content/resources.yml:6: warning: a placeholder address "
                                  "(expected a real one, or none, got 'https://example.com/tdd')")
    assert [w.split(" warning:")[0] for w in warnings if w.startswith("mkdocs.yml")] == [
        "mkdocs.yml:5:", "mkdocs.yml:6:"]  # site_url and repo_url
    assert run_cli("validate", "--strict", cwd=project).code == 1
    strict = run_cli("build", "--strict", cwd=project)
    assert strict.code == 1 and "Traceback" not in strict.err
    assert "--strict makes them errors, so nothing was written" in strict.err
    assert not (project / "site").exists() and not (project / "generated").exists()
    # An option replaces the file's placeholder, so it is no longer warned about.
    fixed = run_cli("validate", "--repo-url", "https://github.com/acme/skills", cwd=project)
    assert [line.split(" warning:")[0] for line in fixed.err.splitlines()
            if line.startswith("mkdocs.yml")] == ["mkdocs.yml:5:"]
