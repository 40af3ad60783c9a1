"""Scales as teams define them, taken through the assessment in Chromium (issues #16, #18).

Three fixtures, each built with the generator and served: a three-level scale with no
"not yet" floor, a seven-level scale whose floor the framework names, and a ladder with
numbered level names, no areas, and a skill that starts at level 3 with examples. In each a
role leaves some skills out. The result must equal the independent reading of the spec
(``reference``), offer only the levels a skill has, use the framework's names, and pass
axe-core.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.conftest import Site, start_site

from .helpers import answer_all, answer_visible, next_step, open_assessment, start
from .test_flow import assert_result_matches
from .test_quality import axe_violations
from .test_site import _axe


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Site]]:
    root = tmp_path_factory.mktemp("scales")
    made = {name: start_site(name, root) for name in ("scale-three", "scale-seven", "ladder")}
    yield made
    for site in made.values():
        site.stop()


def offered(page: Any, skill: str, site: Site | None = None, ratings: dict | None = None,
            choices: dict | None = None) -> list[str]:
    """The values of a skill's self-rating choices, in the order shown. The assessment shows
    one skill per step: with ``site``, step forward (answering from the dicts, so nothing is
    lost) until the skill's step is shown."""
    for _ in range(20):
        if site is None or page.locator(f'input[name="rating:{skill}"]').count():
            break
        answer_visible(page, site.content, ratings or {}, choices or {})
        next_step(page)
    return page.eval_on_selector_all(f'input[name="rating:{skill}"]', "els => els.map(e => e.value)")


def choice_text(page: Any, skill: str, value: int) -> str:
    return page.locator(f'label[for="r-{skill}-{value}"]').inner_text()


def test_a_three_level_scale_without_a_floor(page: Any, sites: dict[str, Site]) -> None:
    site = sites["scale-three"]
    ratings = {"triage": 1, "writing": 3, "ticketing": 2}
    choices = {"triage-first": 0, "writing-first": 1, "ticketing-first": 0}
    open_assessment(page, site.assessment)
    start(page, "agent", "full")
    # Every level is an observable step: three choices, each with its behaviours.
    assert offered(page, "triage", site, ratings, choices) == ["1", "2", "3"]
    assert choice_text(page, "triage", 1).startswith("Level 1: Starter")
    assert "Does triage at step 1" in choice_text(page, "triage", 1)
    assert "No experience" not in page.locator("#assessment-app").inner_text()
    answer_all(page, site.content, ratings, choices)
    assert_result_matches(page, site.content, ratings, choices, "agent")
    # The agent role does not expect ticketing: no gap, no target on the chart.
    row = page.locator('.assess-sec-chart tr[data-skill="ticketing"]').inner_text()
    assert "Not expected" in row
    assert page.locator(".assess-radar__target").get_attribute("points").count(",") == 2
    assert axe_violations(page) == []


def test_a_seven_level_scale_with_a_named_floor(page: Any, sites: dict[str, Site]) -> None:
    site = sites["scale-seven"]
    ratings = {"stoerungen": 5, "ueberwachung": 0, "kapazitaet": 6, "fuehrung": 2}
    choices = {"stoerungen-first": 0, "stoerungen-second": 2, "ueberwachung-first": 0,
               "kapazitaet-first": 1, "fuehrung-first": 0}
    open_assessment(page, site.assessment)
    start(page, "sre", "full")
    assert offered(page, "stoerungen", site, ratings, choices) == [str(v) for v in range(7)]
    # The floor is offered by the framework's own name and summary, not a fixed string.
    assert choice_text(page, "stoerungen", 0).split("\n")[:2] == ["Level 0: Noch nicht",
                                                                  "Stufe Noch nicht."]
    assert choice_text(page, "stoerungen", 5).startswith("Level 5: Führend")
    assert axe_violations(page) == []
    answer_all(page, site.content, ratings, choices)
    assert_result_matches(page, site.content, ratings, choices, "sre")
    assert page.locator(".assess-radar__tick").count() == 6
    assert "Not expected" in page.locator('.assess-sec-chart tr[data-skill="fuehrung"]').inner_text()
    assert axe_violations(page) == []


def test_a_numbered_ladder_with_a_late_starting_skill_and_no_areas(
        page: Any, sites: dict[str, Site]) -> None:
    site = sites["ladder"]
    ratings = {"coding": 2, "testing": 5, "mentoring": 3}
    choices = {"coding-first": 0, "mentoring-first": 1}
    open_assessment(page, site.assessment)
    start(page, "senior", "full")
    # Mentoring starts at level 3 and the scale has no floor: only 3 to 6 are offered.
    assert offered(page, "coding", site, ratings, choices) == ["1", "2", "3", "4", "5", "6"]
    assert offered(page, "mentoring", site, ratings, choices) == ["3", "4", "5", "6"]
    # Numbered names are not repeated ("Level 3", not "Level 3: Level 3").
    level3 = choice_text(page, "mentoring", 3)
    assert level3.startswith("Level 3\n") and "Level 3: Level 3" not in level3
    # Examples sit beneath their behaviour.
    examples = page.locator('label[for="r-mentoring-3"] .assess-examples').inner_text()
    assert "For example:" in examples and "Pairs weekly with a new joiner." in examples
    assert "Reviews a junior's design & explains the trade-offs." in examples
    assert axe_violations(page) == []
    answer_all(page, site.content, ratings, choices)
    assert_result_matches(page, site.content, ratings, choices, "senior")
    # Mentoring counts as 1 (unconfirmed); its next goal skips the levels it does not have.
    goal = page.locator('.assess-gaps > li[data-skill="mentoring"]').inner_text()
    assert "Next goal: Level 3" in goal and "Level 3: Level 3" not in goal
    assert axe_violations(page) == []
    text = page.locator("#assessment-app").inner_text()
    assert "1 areas" not in text and "Level 2: Level 2" not in text


@pytest.mark.parametrize("path", ["", "skills/mentoring/", "roles/engineer/", "compare-roles/",
                                  "reading-list/"])
def test_the_ladders_pages_pass_axe(page: Any, sites: dict[str, Site], path: str) -> None:
    """Examples, "not expected" rows and the side-by-side table, in the ladder's pages."""
    page.goto(sites["ladder"].url + path, wait_until="load")
    assert _axe(page) == []
