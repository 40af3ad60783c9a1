"""Golden files: every generated page of the shipped content, checked in under tests/goldens/.

A change to templates or content shows up here as a diff a reviewer can read.
After an intended change, refresh them with `make goldens`.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from generator.project import Project, load_and_validate
from generator.site.config import load_site_config
from generator.site.render import render_site
from tests.conftest import FIXTURES, REPO

GOLDENS = REPO / "tests" / "goldens"
UPDATE = os.environ.get("UPDATE_GOLDENS") == "1"


def generated_files(root: Path) -> dict[str, bytes]:
    """What the generator writes for a project, minus files copied verbatim from the package."""
    project = Project(root)
    files = render_site(load_and_validate(project), load_site_config(project))
    return {path: data for path, data in files.items()
            if path.endswith((".md", ".json", "mkdocs.yml"))}


def check_against_goldens(name: str, root: Path) -> None:
    golden_dir = GOLDENS / name
    files = generated_files(root)
    if UPDATE:
        shutil.rmtree(golden_dir, ignore_errors=True)
        for path, data in files.items():
            target = golden_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    expected = {p.relative_to(golden_dir).as_posix(): p.read_bytes()
                for p in sorted(golden_dir.rglob("*")) if p.is_file()}
    assert sorted(files) == sorted(expected), "pages were added or removed: run `make goldens`"
    changed = [path for path in files if files[path] != expected[path]]
    assert not changed, f"generated output differs from the goldens in {changed}: review the " \
                        "diff, then run `make goldens`"


def test_shipped_content_matches_goldens() -> None:
    check_against_goldens("shipped", REPO)


def test_minimal_fixture_matches_goldens() -> None:
    check_against_goldens("minimal", FIXTURES / "minimal")
