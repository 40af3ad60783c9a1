"""The fork path end to end in Chromium: a framework made by `init`, and an unrelated
data-engineering framework, each built and its assessment taken to a scored result."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import REPO, Site, copy_fixture, free_port

from .helpers import answer_all, open_assessment, start
from .test_flow import assert_result_matches


def _site_for(project: Path) -> Site:
    site = Site(project, free_port())
    site.build()
    site.serve()
    return site


@pytest.fixture(scope="module")
def scaffolded_site(tmp_path_factory: pytest.TempPathFactory) -> Any:
    target = tmp_path_factory.mktemp("init") / "our-skills"
    subprocess.run([sys.executable, "-m", "generator", "init", str(target)], cwd=REPO,
                   check=True, capture_output=True)
    site = _site_for(target)
    yield site
    site.stop()


@pytest.fixture(scope="module")
def data_engineering_site(tmp_path_factory: pytest.TempPathFactory) -> Any:
    site = _site_for(copy_fixture("data-engineering", tmp_path_factory.mktemp("de") / "de"))
    yield site
    site.stop()


def test_a_scaffolded_framework_can_be_assessed(page: Any, scaffolded_site: Site) -> None:
    ratings, choices = {"code-review": 1}, {"review-large-change": 1}
    open_assessment(page, scaffolded_site.assessment)
    start(page, "team-member", "full")
    answer_all(page, scaffolded_site.content, ratings, choices)
    assert_result_matches(page, scaffolded_site.content, ratings, choices, "team-member")
    assert "Code review" in page.locator(".assess-gaps").inner_text()


def test_an_unrelated_framework_can_be_assessed(page: Any, data_engineering_site: Site) -> None:
    ratings = {"batch-etl": 3, "streaming": 0, "data-quality": 1}
    choices = {"batch-etl-first": 1, "batch-etl-second": 1, "streaming-first": 0,
               "data-quality-second": 0}
    open_assessment(page, data_engineering_site.assessment)
    start(page, "staff-data-engineer", "full")
    answer_all(page, data_engineering_site.content, ratings, choices)
    assert_result_matches(page, data_engineering_site.content, ratings, choices,
                          "staff-data-engineer")
    text = page.locator("#assessment-app").inner_text()
    assert "Staff data engineer" in text and "Overconfident" in text  # batch-etl: 3 vs 0 of 2
    assert "product" not in text.lower()
