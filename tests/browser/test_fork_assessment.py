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


GERMAN = """\
assessment:
  role_legend: Ihre Zielrolle
  start: Los geht's
  progress: "Fähigkeit {step} von {steps} — {answered} von {total} Fragen beantwortet"
"""


@pytest.fixture(scope="module")
def german_site(tmp_path_factory: pytest.TempPathFactory) -> Any:
    project = copy_fixture("minimal", tmp_path_factory.mktemp("strings") / "de")
    framework = project / "content/framework.yml"
    framework.write_text("language: de\n" + framework.read_text(encoding="utf-8"),
                         encoding="utf-8")
    (project / "content/strings").mkdir()
    (project / "content/strings/de.yml").write_text(GERMAN, encoding="utf-8")
    site = _site_for(project)
    yield site
    site.stop()


def test_a_forks_own_interface_strings_drive_the_assessment(page: Any, german_site: Site) -> None:
    """content/strings/de.yml reaches the browser: the start button is found by its German
    name, the progress line is worded by the project, and the page is marked German."""
    open_assessment(page, german_site.assessment)
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.get_by_role("group", name="Ihre Zielrolle").is_visible()
    page.check('input[name="role"][value="tester"]')
    page.check('input[name="mode"][value="full"]')
    page.get_by_role("button", name="Los geht's", exact=True).click()
    page.wait_for_selector("form.assess-area")
    assert "Fähigkeit 1 von 1 — 0 von " in page.locator("body").inner_text()
