"""Golden files: every generated page of the repository's content and of a fixture, checked
in under tests/goldens/.

A change to templates or content shows up here as a diff a reviewer can read.
After an intended change, refresh them with `make goldens`. The repository's goldens are
compared while they are of the same site (the same `site_name`): a fork that replaces the
content starts with upstream's goldens, and `make goldens` makes them its own.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from generator.project import Project
from generator.site.config import load_site_config
from generator.site.generate import load_languages
from generator.site.render import render_site
from tests.conftest import FIXTURES, REPO

GOLDENS = REPO / "tests" / "goldens"
UPDATE = os.environ.get("UPDATE_GOLDENS") == "1"


def generated_files(root: Path) -> dict[str, bytes]:
    """What the generator writes for a project (every language), minus files copied verbatim
    from the package."""
    project = Project(root)
    source, languages = load_languages(project)
    files = render_site(source, load_site_config(project), languages)
    return {path: data for path, data in files.items()
            if path.endswith((".md", ".json", "mkdocs.yml"))}


def _site_name(config: bytes) -> str:
    found = re.search(rb"^site_name: (.*)$", config, re.MULTILINE)
    return found.group(1).decode() if found else ""


def check_against_goldens(name: str, root: Path) -> None:
    golden_dir = GOLDENS / name
    files = generated_files(root)
    golden_config = golden_dir / "mkdocs.yml"
    if not UPDATE and golden_config.exists() and \
            _site_name(golden_config.read_bytes()) != _site_name(files["mkdocs.yml"]):
        pytest.skip(f"the goldens in {golden_dir.relative_to(REPO)} are of another site: "
                    "run `make goldens` to make them this content's")
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


@pytest.mark.content
def test_repository_content_matches_goldens() -> None:
    check_against_goldens("shipped", REPO)


def test_minimal_fixture_matches_goldens() -> None:
    check_against_goldens("minimal", FIXTURES / "minimal")


def test_trilingual_fixture_matches_goldens() -> None:
    check_against_goldens("trilingual", FIXTURES / "trilingual")
