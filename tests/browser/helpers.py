"""Steps a person takes in the self-assessment, written once for all browser tests."""

from __future__ import annotations

import json
from typing import Any

from .reference import Content

STORAGE_KEY = "mlpm-assessment"

# Full mode on the assess fixture: overconfident on discovery (rates 3, misses every
# check), underconfident on prioritisation and ml-basics, and data rated without checks.
RATINGS = {"discovery": 3, "prioritisation": 1, "ml-basics": 0, "data": 2}
CHOICES = {"disc-interview": 1, "disc-evidence": 1, "disc-metric": 0,
           "prio-rice": 0, "prio-uncertain": 0, "prio-stakeholder": 1, "ml-split": 1}


def open_assessment(page: Any, url: str) -> None:
    """Go to the assessment and wait until the app has rendered a view."""
    page.goto(url)
    wait_ready(page)


def wait_ready(page: Any) -> None:
    page.wait_for_selector("#assessment-app:not([aria-busy]) .assess-view > *")


def start(page: Any, role: str, mode: str, name: str = "") -> None:
    page.check(f'input[name="role"][value="{role}"]')
    page.check(f'input[name="mode"][value="{mode}"]')
    if name:
        page.fill("#assess-name", name)
    page.get_by_role("button", name="Start", exact=True).click()
    page.wait_for_selector("form.assess-area")


def pick_option(page: Any, content: Content, check_id: str, index: int) -> None:
    """Choose a check's option by its visible text (never by the stored index)."""
    text = content.check(check_id)["options"][index]["text"]
    group = page.locator("fieldset.assess-check", has=page.locator(f'input[name="check:{check_id}"]'))
    group.locator("label", has_text=text).click()


def rate(page: Any, skill_id: str, level: int) -> None:
    page.check(f'input[name="rating:{skill_id}"][value="{level}"]')


def answer_visible(page: Any, content: Content, ratings: dict[str, int],
                   choices: dict[str, int]) -> None:
    """Answer whatever the current step shows, from the given answers."""
    for name in page.eval_on_selector_all(
            "form.assess-area fieldset input[type=radio]",
            "els => [...new Set(els.map(e => e.name))]"):
        kind, ident = name.split(":")
        if kind == "rating" and ident in ratings:
            rate(page, ident, ratings[ident])
        elif kind == "check" and ident in choices:
            pick_option(page, content, ident, choices[ident])


def next_step(page: Any) -> str:
    """Press the step's main button; returns its label."""
    button = page.locator(".assess-nav .md-button--primary")
    label = button.inner_text()
    button.click()
    return label


def answer_all(page: Any, content: Content, ratings: dict[str, int],
               choices: dict[str, int]) -> None:
    """Go through every step answering from the dicts, then wait for the result."""
    for _ in range(20):
        answer_visible(page, content, ratings, choices)
        if next_step(page) == "See my result":
            break
    page.wait_for_selector(".assess-result")


def visible_checks(page: Any) -> list[str]:
    return page.eval_on_selector_all(
        "fieldset.assess-check", "els => els.map(e => e.querySelector('input').name.slice(6))")


def saved_state(page: Any) -> Any:
    text = page.evaluate(f"localStorage.getItem({json.dumps(STORAGE_KEY)})")
    return json.loads(text) if text else None


def table_row(page: Any, skill_id: str) -> list[str]:
    """The cells of a skill's row in the result table: rating, checks, knowledge, score,
    target, note."""
    return [c.strip() for c in page.locator(f'.assess-sec-chart tr[data-skill="{skill_id}"] td')
            .all_inner_texts()]


def result_summary(page: Any) -> dict[str, Any]:
    """What the result view shows, in a form to compare with ``reference.expected``."""
    return page.evaluate("""() => ({
      rows: Object.fromEntries([...document.querySelectorAll('.assess-sec-chart tr[data-skill]')]
        .map(tr => [tr.dataset.skill, [...tr.querySelectorAll('td')].map(td => td.textContent.trim())])),
      top: [...document.querySelectorAll('.assess-gaps > li')].map(li => li.dataset.skill),
      resources: Object.fromEntries([...document.querySelectorAll('.assess-gaps > li')].map(li =>
        [li.dataset.skill, [...li.querySelectorAll('[data-resource]')].map(r => r.dataset.resource)])),
      others: [...document.querySelectorAll('.assess-sec-gaps tr[data-skill]')].map(tr => tr.dataset.skill),
      plan: Object.fromEntries([...document.querySelectorAll('[data-days]')].map(s =>
        [s.dataset.days, [...s.querySelectorAll('[data-resource]')].map(r => r.dataset.resource)])),
      practice: Object.fromEntries([...document.querySelectorAll('[data-days]')].map(s =>
        [s.dataset.days, [...s.querySelectorAll('[data-practice]')].map(r => r.dataset.practice)])),
      areas: [...document.querySelectorAll('.assess-areaRow th')].map(th => th.textContent),
      explained: [...document.querySelectorAll('.assess-explain[data-check]')].map(e => e.dataset.check),
    })""")


def finish_full(page: Any, site: Any, role: str = "pm", name: str = "") -> None:
    """Take the whole assessment on the assess fixture with RATINGS and CHOICES."""
    open_assessment(page, site.assessment)
    start(page, role, "full", name)
    answer_all(page, site.content, RATINGS, CHOICES)
