"""A fork's layer (``fork/``, generator/content/layers.py) over the shipped content: the worked
example of docs/fork.md (tests/fixtures/layer) builds with its added skill, its level text, its
removed resource and its branding, and pulling upstream's changes touches none of its files."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import material
import pytest
import yaml

from tests.conftest import FIXTURES, REPO, copy_project, run_cli, upstream_only

LAYER = FIXTURES / "layer" / "fork"
DOC = REPO / "docs" / "fork.md"

# The layer's ids are the shipped content's: it is the worked example of a fork that keeps it.
pytestmark = [pytest.mark.content, upstream_only()]


def layer_commands() -> list[str]:
    """The commands of docs/fork.md's layer section (test_fork_docs.py runs the others)."""
    section = DOC.read_text(encoding="utf-8").split("<!-- layer -->")[1].split("<!-- /layer -->")[0]
    blocks = re.findall(r"```sh\n(.*?)```", section, re.DOTALL)
    return [line.split("  #", 1)[0].strip() for block in blocks for line in block.splitlines()
            if line.strip()]


def test_the_documented_layer_builds_with_its_changes(tmp_path: Path) -> None:
    project = copy_project(REPO, tmp_path / "acme")
    for rel in ("Makefile", "pyproject.toml"):
        shutil.copy(REPO / rel, project / rel)
    shutil.copytree(REPO / "tests" / "fixtures" / "layer", project / "tests/fixtures/layer")
    # The commands run as the page says, with this interpreter standing in for .venv.
    python = project / ".venv/bin/python"
    python.parent.mkdir(parents=True)
    python.write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n')
    python.chmod(0o755)
    for stamp in (".installed-run", ".installed-test"):
        (project / ".venv" / stamp).touch()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPO)}
    for command in layer_commands():
        proc = subprocess.run(command, shell=True, cwd=project, env=env, capture_output=True,
                              text=True, check=False, timeout=600)
        assert proc.returncode == 0, f"`{command}` failed:\n{proc.stdout}\n{proc.stderr}"
    for file in LAYER.rglob("*"):  # the commands put the worked example in place
        if file.is_file():
            assert (project / "fork" / file.relative_to(LAYER)).read_bytes() == file.read_bytes()
    assert run_cli("build", "--repo-url", "https://github.com/acme/skills",
                   cwd=project).code == 0
    site = project / "site"

    added = (site / "skills/acme-feature-store/index.html").read_text(encoding="utf-8")
    assert "Working with Acme" in added and "Checks the store for existing features" in added
    assert "/edit/main/fork/skills/acme-feature-store.yml" in added
    data = json.loads((site / "assets/assessment/data.json").read_text(encoding="utf-8"))
    assert "acme-feature-store" in {s["id"] for s in data["skills"]}
    role = next(r for r in data["roles"] if r["id"] == "ml-ai-pm")
    assert role["expectations"]["acme-feature-store"] == {"level": 2, "importance": 2}

    mlops = (site / "skills/mlops/index.html").read_text(encoding="utf-8")
    assert "Shadow the ML platform on-call for a week" in mlops  # the layer's level 2
    assert "Take a course on ML in production" not in mlops  # upstream's level 2, replaced
    assert _upstream_level3()[:40] in mlops  # upstream's level 3, kept
    assert "/edit/main/fork/skills/mlops.yml" in mlops

    assert "horowitz-good-pm-bad-pm" not in {r["id"] for r in data["resources"]}
    assert "Good Product Manager" not in (site / "reading-list/index.html").read_text("utf-8")
    assert "Feast documentation" in (site / "reading-list/index.html").read_text("utf-8")

    home = (site / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<title>[^<]*Acme ML PM Skills</title>", home)
    assert 'data-md-color-primary="deep-purple"' in home
    logo = (Path(material.__file__).parent / "templates/.icons/material/rocket-launch.svg")
    assert re.search(r'd="([^"]+)"', logo.read_text()).group(1) in home  # type: ignore[union-attr]
    guide = (site / "guides/onboarding-at-acme/index.html").read_text(encoding="utf-8")
    assert "/edit/main/fork/guides/onboarding-at-acme.md" in guide

    # The page's example of a mistake in a layer file is what validate prints for it.
    shown = re.search(r"`(fork/roles\.yml:\d+: [^`]+)`", DOC.read_text(encoding="utf-8"))
    assert shown
    roles = project / "fork/roles.yml"
    roles.write_text(roles.read_text(encoding="utf-8").replace(
        "{level: 2, importance: 2}", "{level: 2, importance: 7}"), encoding="utf-8")
    assert shown[1] in run_cli("validate", cwd=project).err.splitlines()


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=cwd,
                          capture_output=True, text=True, check=True).stdout


def test_pulling_upstream_changes_leaves_the_layer_alone_and_valid(tmp_path: Path) -> None:
    upstream = copy_project(REPO, tmp_path / "upstream")
    _git(upstream, "init", "-q", "-b", "main")
    _git(upstream, "add", "-A")
    _git(upstream, "commit", "-qm", "upstream")
    fork = tmp_path / "fork"
    _git(tmp_path, "clone", "-q", str(upstream), str(fork))
    shutil.copytree(LAYER, fork / "fork")
    _git(fork, "add", "-A")
    _git(fork, "commit", "-qm", "Acme's layer")

    # Upstream improves the skill the layer changes, adds a term and renames its site.
    mlops = upstream / "content/skills/mlops.yml"
    first = _upstream_level3()
    mlops.write_text(mlops.read_text(encoding="utf-8").replace(
        first, first.rstrip(".") + ", revisited every quarter."), encoding="utf-8")
    glossary = upstream / "content/glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8") + (
        "  - id: champion-challenger\n    term: Champion–challenger test\n"
        "    definition: Comparing a candidate model with the live one on a share of traffic.\n"),
        encoding="utf-8")
    config = upstream / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("site_name: ML/AI PM Skills",
                                                                 "site_name: ML PM Skills"))
    _git(upstream, "commit", "-qam", "upstream improves mlops")

    _git(fork, "pull", "-q", "--no-rebase", "origin", "main")
    changed = _git(fork, "diff", "--name-only", "HEAD~1", "HEAD").split()
    assert changed and not [p for p in changed if p.startswith("fork/")]
    for file in LAYER.rglob("*"):
        if file.is_file():
            assert (fork / "fork" / file.relative_to(LAYER)).read_bytes() == file.read_bytes()
    result = run_cli("validate", cwd=fork)
    assert result.code == 0, result.err
    assert run_cli("build", "--no-site", cwd=fork).code == 0
    page = (fork / "generated/docs/skills/mlops.md").read_text(encoding="utf-8")
    assert "revisited every quarter" in page and "Shadow the ML platform" in page
    assert "Champion–challenger test" in (fork / "generated/docs/glossary.md").read_text("utf-8")
    assert "site_name: Acme ML PM Skills" in (fork / "generated/mkdocs.yml").read_text("utf-8")


def _upstream_level3() -> str:
    """The first level-3 behaviour of the shipped mlops skill, which the layer keeps (read
    from the content, so upstream's own rewording does not break this test)."""
    data = yaml.safe_load((REPO / "content/skills/mlops.yml").read_text(encoding="utf-8"))
    first = data["levels"][3]["behaviours"][0]
    return first if isinstance(first, str) else first["text"]

