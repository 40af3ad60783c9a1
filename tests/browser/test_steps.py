"""Issue 12 in the browser: a first view while data loads, steps that fit a phone, and
screenshots of each step (light and dark, desktop and phone) for a person to look at."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import SHOTS
from .helpers import CHOICES, RATINGS, answer_visible, next_step, open_assessment, start

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def test_the_role_choice_shows_before_the_data_loads(page: Any, assess_site: Any) -> None:
    held: list[Any] = []
    page.route("**/data.json", lambda route: held.append(route))
    page.goto(assess_site.assessment)
    page.wait_for_selector(".assess-preview")
    # data.json has not arrived: the page already shows the heading, a status and the roles.
    assert held, "the app asked for its data"
    assert page.locator(".assess-loading[role=status]").inner_text() == \
        "Loading the self-assessment…"
    assert page.locator(".assess-preview input[name=role]").count() == 2
    assert page.locator("#assessment-app").get_attribute("aria-busy") == "true"
    page.check('.assess-preview input[value="lead"]')
    held[0].continue_()
    page.wait_for_selector(".assess-start:not(.assess-preview)")
    # The app took over, keeping the role chosen while it loaded.
    assert page.is_checked('input[name="role"][value="lead"]')
    assert page.locator(".assess-loading").count() == 0


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_each_step_fits_the_screen_in_both_schemes(page: Any, assess_site: Any, scheme: str,
                                                   size: str) -> None:
    viewport = PHONE if size == "phone" else DESKTOP
    page.set_viewport_size(viewport)
    open_assessment(page, assess_site.assessment)
    page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"step-start-{scheme}-{size}.png"), full_page=True)
    start(page, "pm", "full")
    for index in range(4):
        answer_visible(page, assess_site.content, RATINGS, CHOICES)
        # One skill a step, with its position; nothing wider than the screen.
        text = page.locator("#assess-progress-text").inner_text()
        assert text.startswith(f"Skill {index + 1} of 4"), text
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        height = page.evaluate("document.body.scrollHeight")
        assert height < viewport["height"] * (6 if size == "phone" else 3), height
        page.screenshot(path=str(SHOTS / f"step-{index + 1}-{scheme}-{size}.png"), full_page=True)
        next_step(page)
    page.wait_for_selector(".assess-result")
    page.screenshot(path=str(SHOTS / f"result-{scheme}-{size}.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
