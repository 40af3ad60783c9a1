"""A result shown to someone other than its owner says whose it is: a second opinion names the
person, a shared link says "this result"; and a shared link carries how sure each answer was,
so it shows the same calibration."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

from .helpers import STORAGE_KEY, finish_full, next_step, open_assessment, rate

LEVELS = {"discovery": 1, "prioritisation": 1, "ml-basics": 0, "data": 1}


def _markdown(page: Any) -> str:
    with page.expect_download() as info:
        page.get_by_role("button", name="Download Markdown report").click()
    return Path(info.value.path()).read_text(encoding="utf-8")


def test_a_second_opinion_says_whose_gaps_and_plan(page: Any, assess_site: Any) -> None:
    open_assessment(page, assess_site.assessment)
    page.check('input[name="mode"][value="opinion"]')
    page.fill("#assess-name", "Alex")
    page.get_by_role("button", name="Start", exact=True).click()
    page.wait_for_selector("form.assess-area")
    for skill, level in LEVELS.items():
        rate(page, skill, level)
        next_step(page)
    page.wait_for_selector(".assess-result")
    headings = page.locator(".assess-result h3").all_inner_texts()
    assert "Alex's biggest gaps" in headings and "A 30/60/90-day plan for Alex" in headings
    assert not any(h.startswith("Your") for h in headings), headings
    report = _markdown(page)
    assert "## Alex's biggest gaps" in report and "## A 30/60/90-day plan for Alex" in report
    assert "Your biggest gaps" not in report and "Your 30/60/90-day plan" not in report


def test_a_shared_link_says_this_result_and_keeps_the_calibration(
        page: Any, assess_site: Any, new_context: Any) -> None:
    finish_full(page, assess_site, name="Ada")
    # Say how sure: sure on two answers, guessing on one (the answers themselves as given).
    page.evaluate(f"""() => {{
      const state = JSON.parse(localStorage.getItem({json.dumps(STORAGE_KEY)}));
      const ids = Object.keys(state.doc.answers);
      state.doc.answers[ids[0]].sure = 3;
      state.doc.answers[ids[1]].sure = 3;
      state.doc.answers[ids[2]].sure = 1;
      localStorage.setItem({json.dumps(STORAGE_KEY)}, JSON.stringify(state));
    }}""")
    page.reload()
    page.wait_for_selector(".assess-sec-calibration")
    own = page.locator(".assess-sec-calibration").inner_text()
    page.get_by_role("button", name="Create a share link").click()
    link = page.input_value("#assess-share")
    payload = link.split("#share=", 1)[1]
    shared = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    assert sorted(shared["s"].values()) == [1, 3, 3]

    other = new_context().new_page()
    open_assessment(other, link)
    other.wait_for_selector(".assess-result")
    assert other.locator(".assess-sec-calibration").inner_text() == own
    headings = other.locator(".assess-result h3").all_inner_texts()
    assert "The biggest gaps in this result" in headings
    assert "The 30/60/90-day plan in this result" in headings
    assert not any(h.startswith("Your") for h in headings), headings
    report = _markdown(other)
    assert "## The biggest gaps in this result" in report and "Your biggest gaps" not in report
    # A value that is not 1–3 is left out; the answer itself is kept.
    bad = {**shared, "s": {k: 7 for k in shared["s"]}}
    raw = base64.urlsafe_b64encode(json.dumps(bad).encode()).decode().rstrip("=")
    third = new_context().new_page()
    open_assessment(third, assess_site.assessment + "#share=" + raw)
    third.wait_for_selector(".assess-result")
    assert third.locator(".assess-sec-calibration").count() == 0
