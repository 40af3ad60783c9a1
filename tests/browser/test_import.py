"""A ladder imported from a spreadsheet export, built and assessed in Chromium: the
assessment reaches a scored result equal to the reference reading of the spec, and the
imported pages and the assessment are axe-core clean."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.conftest import FIXTURES, REPO, Site, free_port

from .helpers import answer_all, open_assessment, start
from .test_flow import assert_result_matches
from .test_site import _axe


@pytest.fixture(scope="module")
def imported_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    project = tmp_path_factory.mktemp("import") / "ladder"
    project.mkdir()
    shutil.copy(FIXTURES / "import" / "ladder.csv", project / "ladder.csv")
    subprocess.run([sys.executable, "-m", "generator", "import", "--root", str(project),
                    str(project / "ladder.csv")], cwd=REPO, check=True, capture_output=True)
    site = Site(project, free_port())
    site.build()
    site.serve()
    yield site
    site.stop()


def test_an_imported_ladder_can_be_assessed(page: Any, imported_site: Site) -> None:
    ratings = {"pipeline-reliability": 3, "data-modelling": 1, "mentoring": 0}
    open_assessment(page, imported_site.assessment)
    start(page, "platform-level-3", "full")
    assert "Designs retries and backfills" in page.locator("#assessment-app").inner_text()
    assert _axe(page) == []
    answer_all(page, imported_site.content, ratings, {})
    assert_result_matches(page, imported_site.content, ratings, {}, "platform-level-3")
    assert "Data modelling" in page.locator(".assess-gaps").inner_text()
    assert _axe(page) == []


@pytest.mark.parametrize("path", ["", "skills/mentoring/", "areas/platform/", "roles/"])
def test_imported_pages_are_axe_clean(page: Any, imported_site: Site, path: str) -> None:
    page.goto(imported_site.url + path, wait_until="load")
    assert _axe(page) == []
