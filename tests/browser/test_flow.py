"""Taking the self-assessment: the flow, the scores it shows, resuming, roles."""

from __future__ import annotations

from typing import Any

from .helpers import (
    CHOICES,
    RATINGS,
    answer_all,
    answer_visible,
    next_step,
    open_assessment,
    pick_option,
    rate,
    result_summary,
    saved_state,
    start,
    visible_checks,
    wait_ready,
)
from .reference import Content, expected, shown


def assert_result_matches(page: Any, content: Content, ratings: dict[str, int],
                          choices: dict[str, int], role: str) -> None:
    """Everything the result view shows equals the independent reading of the spec."""
    want = expected(content, ratings, choices, role)
    got = result_summary(page)
    levels = {g["skill"]: g["target"] for g in want["gaps"]}
    gaps = {g["skill"]: shown(g["gap"]) for g in want["gaps"]}
    for skill_id, s in want["skills"].items():
        expectation = content.roles[role]["expectations"].get(skill_id)
        target = expectation["level"] if expectation else "Not expected"
        checks = f"{s['correct']} of {s['answered']}" if s["answered"] else "—"
        score = shown(s["counted"]) if s["score"] is not None else "not assessed"
        notes = [{"unconfirmed": "Unconfirmed", "self-rated": "Not checked"}.get(s["status"], ""),
                 {"overconfident": "Overconfident", "underconfident": "Underconfident",
                  None: ""}[s["flag"]]]
        assert got["rows"][skill_id] == [shown(s["rating"]), checks, shown(s["knowledge"]), score,
                                         str(target), gaps.get(skill_id, "0"),
                                         " · ".join(n for n in notes if n)], skill_id
        if skill_id in levels:
            assert levels[skill_id] == target
    areas = {a["id"]: a["name"] for a in content.framework["areas"]}
    assert got["areas"] == [f"{areas[a]}: average {shown(v)}" for a, v in want["areas"].items()]
    assert got["top"] == want["top_gaps"]
    assert got["resources"] == {g["skill"]: g["resources"] for g in want["gaps"]
                                if g["skill"] in want["top_gaps"]}
    assert got["others"] == [g["skill"] for g in want["gaps"] if g["skill"] not in want["top_gaps"]]
    assert got["plan"] == {k: [i["id"] for i in want["plan"][k] if i["kind"] == "read"]
                           for k in ("30", "60", "90")}
    assert got["practice"] == {k: [i["skill"] for i in want["plan"][k] if i["kind"] == "practice"]
                               for k in ("30", "60", "90")}
    answered = [c["id"] for s in content.skills for c in s.get("checks", []) if c["id"] in choices]
    assert got["explained"] == answered


def test_full_assessment_shows_the_scores_of_the_spec(page: Any, assess_site: Any) -> None:
    content = assess_site.content
    open_assessment(page, assess_site.assessment)
    assert page.locator('label[for="mode-full"]').inner_text().startswith("Full — 11 questions")
    start(page, "pm", "full")
    answer_all(page, content, RATINGS, CHOICES)
    assert_result_matches(page, content, RATINGS, CHOICES, "pm")
    assert page.locator(".assess-sec-chart svg[role=img]").count() == 1
    assert "discovery" in [s for s in expected(content, RATINGS, CHOICES, "pm")["top_gaps"]]
    flags = page.locator("li", has_text="Problem discovery: Overconfident.")
    assert flags.count() == 1
    # The goal of the top gap is the next level's behaviours.
    goal = page.locator('.assess-gaps > li[data-skill="discovery"]')
    assert "Next goal: Level 1: Aware" in goal.inner_text()  # unconfirmed: counts as 0
    assert "Talks to users now and then." in goal.inner_text()

    # Changing the target role re-scores without retaking.
    page.select_option("#assess-role", "lead")
    page.wait_for_function("document.querySelector('.assess-sec-chart caption').textContent"
                           ".includes('Product lead')")
    assert_result_matches(page, content, RATINGS, CHOICES, "lead")
    assert page.evaluate("document.activeElement.id") == "assess-role"
    assert saved_state(page)["doc"]["role"] == "lead"
    assert "Result updated for Product lead." in page.locator(".assess-sr").inner_text()


def test_quick_mode_asks_a_second_check_only_when_the_first_disagrees(page: Any,
                                                                    assess_site: Any) -> None:
    content = assess_site.content
    open_assessment(page, assess_site.assessment)
    # The estimate is shown before starting, for each mode, from the data built for it.
    estimates = assess_site.data["estimates"]
    assert page.locator('label[for="mode-quick"]').inner_text().startswith(
        f"Quick — {estimates['quick']['pm']['text']}")
    assert page.locator('label[for="mode-full"]').inner_text().startswith(
        f"Full — {estimates['full']['text']}")
    start(page, "pm", "quick")
    assert page.locator("form.assess-area h2").inner_text() == "Problem discovery"
    # One check per skill to begin with: the first of the quick candidates.
    assert visible_checks(page) == ["disc-interview"]
    rate(page, "discovery", 3)
    wrong = next(i for i in range(4) if i != content.correct_index("disc-interview"))
    pick_option(page, content, "disc-interview", wrong)
    # Rated 3, answered wrong: the answers disagree with the rating, so a second check.
    page.wait_for_function("document.querySelectorAll('fieldset.assess-check').length === 2")
    assert visible_checks(page) == ["disc-interview", "disc-metric"]
    assert "disagree" in page.locator("[aria-live=polite]").inner_text()
    assert page.evaluate("document.activeElement.name") == "check:disc-interview"
    # Answered right after all: they agree, and the unanswered second check goes again.
    pick_option(page, content, "disc-interview", content.correct_index("disc-interview"))
    page.wait_for_function("document.querySelectorAll('fieldset.assess-check').length === 1")
    next_step(page)
    assert page.locator("form.assess-area h2").inner_text() == "Prioritisation"
    assert visible_checks(page) == ["prio-stakeholder"]
    rate(page, "prioritisation", 2)
    pick_option(page, content, "prio-stakeholder", content.correct_index("prio-stakeholder"))
    assert visible_checks(page) == ["prio-stakeholder"]  # they agree: one is enough
    assert saved_state(page)["doc"]["mode"] == "quick"


def test_progress_is_shown_as_a_bar_and_text(page: Any, assess_site: Any) -> None:
    open_assessment(page, assess_site.assessment)
    start(page, "pm", "quick")
    skills = assess_site.data["roles"][0]["quick"]
    first = sum(1 for s in assess_site.data["skills"] if s["id"] in skills and s["ask"]["quick"])
    total = len(skills) + first
    text = page.locator("#assess-progress-text")
    assert text.inner_text() == f"Skill 1 of {len(skills)} — 0 of {total} questions answered"
    rate(page, "discovery", 2)
    assert text.inner_text() == f"Skill 1 of {len(skills)} — 1 of {total} questions answered"
    bar = page.locator(".assess-progress progress")
    assert (bar.get_attribute("max"), page.evaluate("document.querySelector('progress').value")) \
        == (str(total), 1)
    assert page.locator("[aria-live=polite]").inner_text() == text.inner_text()


def test_skip_and_jump_to_the_next_unanswered_skill(page: Any, assess_site: Any) -> None:
    open_assessment(page, assess_site.assessment)
    start(page, "pm", "full")
    next_step(page)  # skip Problem discovery without answering
    assert page.locator("form.assess-area h2").inner_text() == "Prioritisation"
    answer_visible(page, assess_site.content, RATINGS, CHOICES)
    page.get_by_role("button", name="Next unanswered", exact=True).click()
    # Prioritisation is done; the next skill with an open question is the one after it.
    assert page.locator("form.assess-area h2").inner_text() == "ML basics"
    answer_visible(page, assess_site.content, RATINGS, CHOICES)
    page.get_by_role("button", name="Next unanswered", exact=True).click()
    assert page.locator("form.assess-area h2").inner_text() == "Data fluency"
    rate(page, "data", 2)
    page.get_by_role("button", name="Next unanswered", exact=True).click()
    # Round to the start: the skipped skill.
    assert page.locator("form.assess-area h2").inner_text() == "Problem discovery"


def test_options_follow_the_data_order_but_are_stored_in_content_order(page: Any,
                                                                 assess_site: Any) -> None:
    content = assess_site.content
    open_assessment(page, assess_site.assessment)
    start(page, "pm", "full")

    def shown_order(check_id: str) -> list[str]:
        return page.eval_on_selector_all(f'input[name="check:{check_id}"]',
                                         "els => els.map(e => e.value)")

    orders = {c: shown_order(c) for c in ("disc-interview", "disc-evidence", "disc-metric")}
    assert any(order != sorted(order) for order in orders.values()), orders
    data_orders = {c["id"]: [str(i) for i in c["order"]]
                   for s in assess_site.data["skills"] for c in s["checks"]}
    assert orders == {c: data_orders[c] for c in orders}  # the order the terminal shows too
    pick_option(page, content, "disc-metric", content.correct_index("disc-metric"))
    stored = saved_state(page)["doc"]["answers"]["disc-metric"]
    data_check = next(c for s in assess_site.data["skills"] for c in s["checks"]
                      if c["id"] == "disc-metric")
    assert stored == {"choice": content.correct_index("disc-metric"), "hash": data_check["hash"]}
    page.reload()
    wait_ready(page)
    assert {c: shown_order(c) for c in orders} == orders  # deterministic across loads


def test_reload_resumes_where_the_person_was(page: Any, assess_site: Any) -> None:
    content = assess_site.content
    page.set_viewport_size({"width": 390, "height": 844})
    open_assessment(page, assess_site.assessment)
    start(page, "lead", "full", name="Ada")
    answer_visible(page, content, {"discovery": 2}, {"disc-evidence": 0})
    next_step(page)
    rate(page, "prioritisation", 1)
    pick_option(page, content, "prio-uncertain", 0)
    page.reload()
    wait_ready(page)
    assert page.locator("form.assess-area h2").inner_text() == "Prioritisation"
    assert page.is_checked('input[name="rating:prioritisation"][value="1"]')
    assert "Skill 2 of 4 — 4 of 11 questions answered" in \
        page.locator("#assess-progress-text").inner_text()
    # Exactly where the person was: the question last answered, in view below the sticky bar.
    assert page.evaluate("document.activeElement.name") == "check:prio-uncertain"
    box = page.evaluate("""() => {
      const f = document.activeElement.closest('fieldset').getBoundingClientRect();
      const bar = document.querySelector('.assess-progress').getBoundingClientRect();
      return {top: f.top, bar: bar.bottom, scrolled: scrollY};
    }""")
    assert box["scrolled"] > 0 and box["top"] >= box["bar"] and box["top"] < 844, box
    page.get_by_role("button", name="Back", exact=True).click()
    assert page.locator("form.assess-area h2").inner_text() == "Problem discovery"
    assert page.is_checked('input[name="rating:discovery"][value="2"]')
    assert page.evaluate("document.activeElement.tagName") == "H2"
    page.get_by_role("button", name="Back", exact=True).click()
    assert page.is_checked('input[name="role"][value="lead"]')
    assert page.input_value("#assess-name") == "Ada"


def test_the_sticky_progress_bar_never_covers_the_heading(page: Any, assess_site: Any) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    open_assessment(page, assess_site.assessment)
    start(page, "pm", "full")
    next_step(page)  # a new step focuses and scrolls to its heading
    tops = page.evaluate("""() => ({
      h2: document.querySelector('form.assess-area h2').getBoundingClientRect().top,
      area: document.querySelector('form.assess-area .assess-stepArea').getBoundingClientRect().top,
      bar: document.querySelector('.assess-progress').getBoundingClientRect().bottom})""")
    # The skill's heading and the area's name above it are both below the bar.
    assert tops["h2"] >= tops["bar"] and tops["area"] >= tops["bar"], tops


def test_role_in_the_url_is_preselected(page: Any, assess_site: Any) -> None:
    open_assessment(page, assess_site.assessment + "#role=lead")
    assert page.is_checked('input[name="role"][value="lead"]')
    open_assessment(page, assess_site.assessment + "#role=astronaut")
    assert page.is_checked('input[name="role"][value="pm"]')
    assert 'target role "astronaut"' in page.locator(".assess-notice--error").inner_text()


def test_app_mounts_after_instant_navigation_and_stays_out_of_other_pages(
        page: Any, assess_site: Any, watch: Any) -> None:
    page.goto(assess_site.url + "roles/lead/")
    page.wait_for_load_state("networkidle")
    assert page.locator("#assessment-app").count() == 0
    # Other pages load only the small entry module, not the app or its data (the app's
    # styles are part of the one style sheet, assets/mlpm.css).
    loaded = [u.rsplit("/", 1)[1] for u in watch.requests if "/assets/assessment/" in u]
    assert sorted(loaded) == ["app.js"]
    page.evaluate("window.__sameDocument = true")
    page.get_by_role("link", name="Assess yourself against this role").click()
    page.wait_for_selector(".assess-start")
    assert page.is_checked('input[name="role"][value="lead"]')
    # An instant navigation keeps the document, so it was document$ that mounted the app.
    assert page.evaluate("window.__sameDocument") is True
    page.locator("a.md-footer__link--next").click()
    page.wait_for_url("**/reading-list/")
    page.wait_for_selector("#assessment-app", state="detached")
    assert page.locator("h1").inner_text().startswith("Reading list")
    page.go_back()
    page.wait_for_selector(".assess-start")
    assert page.evaluate("window.__sameDocument") is True
    assert page.locator(".assess-view").count() == 1
