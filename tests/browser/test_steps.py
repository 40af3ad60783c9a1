"""Issue 12 in the browser: a first view while data loads, steps that fit a phone, and
screenshots of each step (light and dark, desktop and phone) for a person to look at."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import SHOTS
from .helpers import (
    CHOICES,
    RATINGS,
    answer_visible,
    finish_full,
    next_step,
    open_assessment,
    start,
)

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def test_the_role_choice_shows_before_the_data_loads(page: Any, assess_site: Any) -> None:
    held: list[Any] = []
    page.route("**/data.json", lambda route: held.append(route))
    page.goto(assess_site.assessment)
    page.wait_for_selector(".assess-preview")
    # The preview is in the page's HTML, so it can show before the app's module even asks
    # for its data: wait for the request (held, not answered) before looking.
    for _ in range(200):
        if held:
            break
        page.wait_for_timeout(50)
    # data.json has not arrived: the page already shows the heading, a status and the roles.
    assert held, "the app never asked for its data"
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


def test_the_result_leads_with_the_summary_and_the_actions(page: Any, assess_site: Any) -> None:
    finish_full(page, assess_site)
    order = page.evaluate("""() => [...document.querySelectorAll('.assess-result > *')]
      .map(e => e.className || e.tagName)""")
    # Summary, then the actions, before the chart, the gaps and the explanations.
    assert order.index("assess-sec-summary") < order.index("assess-sec-keep") \
        < order.index("assess-sec-chart") < order.index("assess-sec-gaps")
    summary = page.locator(".assess-summary li").all_inner_texts()
    top = page.eval_on_selector_all(".assess-gaps > li", "els => els.map(e => e.dataset.skill)")
    names = {s["id"]: s["name"] for s in assess_site.content.skills}
    assert [li.split(":")[0] for li in summary] == [names[s] for s in top]
    # Below-target rows say so in words, not by colour alone.
    below = page.eval_on_selector_all("tr.is-below", "els => els.map(e => e.dataset.skill)")
    assert below and all(
        "below target" in page.locator(f'tr[data-skill="{s}"] th').inner_text() for s in below)
    # Explanations are closed by default, one per skill.
    assert page.locator(".assess-explainSkill").count() >= 1
    assert page.locator(".assess-explainSkill[open]").count() == 0


def test_the_result_fits_a_phone_with_a_labelled_chart(page: Any, assess_site: Any) -> None:
    page.set_viewport_size(PHONE)
    finish_full(page, assess_site)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # No element of the result is wider than the screen (the table is cards, not a scroller).
    wide = page.evaluate("""() => [...document.querySelectorAll('.assess-result *')]
      .filter(e => e.getBoundingClientRect().right > innerWidth + 1).map(e => e.tagName)""")
    assert wide == []
    assert not page.is_visible(".assess-radar")
    bars = page.locator(".assess-bars li")
    names = [s["name"] for s in assess_site.content.skills]
    assert [t.split("\n")[0] for t in bars.all_inner_texts()] == names
    assert page.locator(".assess-bars figcaption").inner_text().startswith("Each skill now")


def test_a_shared_link_says_whose_result_it_is(page: Any, assess_site: Any,
                                               new_context: Any) -> None:
    finish_full(page, assess_site)
    page.get_by_role("button", name="Create a share link").click()
    url = page.input_value("#assess-share")
    other = new_context().new_page()  # someone else's browser
    open_assessment(other, url)
    assert other.locator(".assess-result h2").inner_text() == "A shared result"
    # Not "Your biggest gaps": the person opening the link is not the one assessed.
    assert other.locator("#assess-gaps-h").inner_text() == "The biggest gaps in this result"
