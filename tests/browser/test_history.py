"""Progress over time: a retake keeps the earlier result (in the browser and in exported
files) and the result shows then against now, on the chart and per skill."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .helpers import CHOICES, RATINGS, answer_all, finish_full, open_assessment, saved_state


def test_a_retake_shows_then_against_now_and_keeps_it_in_the_file(page: Any, assess_site: Any,
                                                                  new_context: Any) -> None:
    finish_full(page, assess_site, name="Ada")
    first = saved_state(page)["doc"]
    page.get_by_role("button", name="Retake (keep this result for comparison)").click()
    page.wait_for_selector("form.assess-area")
    doc = saved_state(page)["doc"]
    assert doc["ratings"] == {} and doc["answers"] == {}
    assert [h["ratings"] for h in doc["history"]] == [first["ratings"]]
    # Grown since: data from 2 to 3, prioritisation from 1 to 2.
    answer_all(page, assess_site.content, {**RATINGS, "data": 3, "prioritisation": 2}, CHOICES)
    change = page.locator(".assess-sec-change")
    assert change.locator("h3").inner_text().startswith("Change since 20")
    changed = change.locator("li").evaluate_all("els => els.map(e => e.dataset.skill)")
    assert set(changed) == {"data", "prioritisation"}
    assert "then 2, now 3 (+1)" in change.locator('li[data-skill="data"]').inner_text()
    assert page.locator(".assess-radar__then").count() == 1
    assert page.locator(".assess-key--then").inner_text().startswith("Then (20")

    with page.expect_download() as info:
        page.get_by_role("button", name="Download JSON").click()
    text = Path(info.value.path()).read_text(encoding="utf-8")
    assert len(json.loads(text)["history"]) == 1
    # The exported file carries the history to another browser.
    other = new_context().new_page()
    open_assessment(other, assess_site.assessment)
    other.set_input_files("#assess-import", files=[{"name": "me.json", "mimeType": "application/json",
                                                    "buffer": text.encode("utf-8")}])
    other.wait_for_selector(".assess-sec-change")
    assert set(other.locator(".assess-sec-change li").evaluate_all(
        "els => els.map(e => e.dataset.skill)")) == {"data", "prioritisation"}


def test_read_marks_leave_the_plan_and_survive_export_and_import(page: Any, assess_site: Any,
                                                                 new_context: Any) -> None:
    finish_full(page, assess_site)
    first = page.locator(".assess-gaps [data-resource]").first
    rid = first.get_attribute("data-resource")
    first.locator(".assess-readToggle").click()
    assert saved_state(page)["doc"]["read"] == [rid]
    # Out of the gaps and the plan, listed as read, with the focus on the mark that undoes it.
    assert page.locator(f'.assess-gaps [data-resource="{rid}"]').count() == 0
    assert page.locator(f'.assess-sec-plan [data-resource="{rid}"]').count() == 0
    assert page.locator(f'.assess-sec-read [data-read-item="{rid}"]').count() == 1
    assert page.evaluate("document.activeElement.dataset.read") == rid
    assert "marked as read" in page.locator(".assess-sr").inner_text()
    with page.expect_download() as info:
        page.get_by_role("button", name="Download JSON").click()
    text = Path(info.value.path()).read_text(encoding="utf-8")
    assert json.loads(text)["read"] == [rid]
    other = new_context().new_page()
    open_assessment(other, assess_site.assessment)
    other.set_input_files("#assess-import", files=[{"name": "me.json", "mimeType": "application/json",
                                                    "buffer": text.encode("utf-8")}])
    other.wait_for_selector(".assess-sec-read")
    assert other.locator(f'.assess-sec-read [data-read-item="{rid}"]').count() == 1
    assert other.locator(f'.assess-sec-plan [data-resource="{rid}"]').count() == 0
    # Taking the mark back puts it in the plan again.
    other.locator(f'.assess-sec-read [data-read="{rid}"]').click()
    assert "read" not in saved_state(other)["doc"]
