"""The reading list and the skill pages' reading: filters that stay on the page (and in the
address), each title once, and "I have read it" marks that the assessment's plan, export and
import share."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from playwright.sync_api import expect

from generator.site.anchors import slug

from .helpers import finish_full, open_assessment, saved_state, wait_ready


def _resources(site: Any) -> list[dict[str, Any]]:
    return list(site.content.resources)


def _shown(page: Any) -> list[str]:
    return page.eval_on_selector_all(".reading-item", "els => els.filter(e => !e.hidden)"
                                     ".map(e => e.dataset.resource)")


def test_without_javascript_every_resource_shows_and_no_control_does(new_context: Any,
                                                                     assess_site: Any) -> None:
    page = new_context(java_script_enabled=False).new_page()
    page.goto(assess_site.url + "reading-list/?skill=data")
    ids = [r["id"] for r in _resources(assess_site)]
    assert sorted(_shown(page)) == sorted(ids)
    assert page.locator("#reading-filter").is_hidden()
    marks = page.locator(".reading-mark")
    assert marks.count() == len(ids)
    assert all(not marks.nth(i).is_visible() for i in range(marks.count()))


def test_each_title_once_and_every_heading_has_an_ascii_id(page: Any, assess_site: Any) -> None:
    page.goto(assess_site.url + "reading-list/")
    article = page.locator("article")
    for res in _resources(assess_site):
        # The heading is the link: its title is written once.
        assert article.get_by_text(res["title"], exact=True).count() == 1, res["id"]
        heading = page.locator(f"h2#{res['id']}, h3#{res['id']}")
        assert heading.locator("a").first.get_attribute("href") == res["url"]
    ids = page.eval_on_selector_all("article :is(h1, h2, h3, h4)", "els => els.map(e => e.id)")
    # Area headings keep the anchor they always had (the slug of the English name), in
    # every language (generator/site/anchors.py).
    areas = [slug(a["name"]) for a in assess_site.content.framework["areas"]]
    assert set(ids) == {"reading-list", *areas, *(r["id"] for r in _resources(assess_site))}


def test_filters_count_share_and_work_from_the_keyboard(page: Any, assess_site: Any) -> None:
    resources = _resources(assess_site)
    total = len(resources)
    page.goto(assess_site.url + "reading-list/")
    form = page.get_by_role("form", name="Filter the reading list")
    form.wait_for()
    page.wait_for_selector("#reading-filter[data-wired=yes]")
    status = page.get_by_role("status")
    assert status.inner_text() == f"{total} of {total} shown"

    page.get_by_label("Skill", exact=True).select_option("discovery")
    want = sorted(r["id"] for r in resources if "discovery" in r["skills"])
    assert sorted(_shown(page)) == want
    assert status.inner_text() == f"{len(want)} of {total} shown"
    # The area with nothing left shows no heading (nor a table-of-contents entry).
    assert page.locator("h2#tech").is_hidden()
    toc = page.get_by_role("navigation", name="Table of contents")
    assert toc.locator('a[href$="#tech"]').is_hidden()
    assert toc.locator('a[href$="#data-guide"]').is_hidden()
    assert toc.locator('a[href$="#disc-intro"]').is_visible()
    assert page.locator("h2#strategy").is_visible()
    page.get_by_label("Cost", exact=True).select_option("free")
    want = sorted(r["id"] for r in resources if "discovery" in r["skills"] and r["cost"] == "free")
    assert sorted(_shown(page)) == want
    assert "skill=discovery" in page.url and "cost=free" in page.url

    # The address is the shared view: opened elsewhere, it shows the same.
    url = page.url
    page.goto("about:blank")
    page.goto(url)
    page.wait_for_selector("#reading-filter[data-wired=yes]")
    assert sorted(_shown(page)) == want
    assert page.get_by_label("Cost", exact=True).input_value() == "free"

    # Nothing matches: said in words.
    page.get_by_label("Kind", exact=True).select_option("paper")
    assert _shown(page) == []
    assert page.locator(".reading-filter__none").is_visible()
    assert status.inner_text() == f"0 of {total} shown"

    # Keyboard only: Tab to "Show all", Enter; then a select changed with the arrow keys.
    page.get_by_label("Kind", exact=True).focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # past Cost
    assert page.evaluate("document.activeElement.textContent") == "Show all"
    page.keyboard.press("Enter")
    expect(status).to_have_text(f"{total} of {total} shown")
    assert len(_shown(page)) == total and "?" not in page.url
    page.get_by_label("Level", exact=True).focus()
    page.keyboard.press("ArrowDown")
    level = page.get_by_label("Level", exact=True).input_value()
    assert level
    assert sorted(_shown(page)) == sorted(r["id"] for r in resources if str(r["level"]) == level)


def test_read_marks_go_from_the_reading_list_to_the_skill_page_plan_and_files(
        page: Any, assess_site: Any) -> None:
    finish_full(page, assess_site)
    plan = page.eval_on_selector_all(".assess-sec-plan [data-resource]",
                                     "els => els.map(e => e.dataset.resource)")
    rid = plan[0]
    res = next(r for r in _resources(assess_site) if r["id"] == rid)

    page.goto(assess_site.url + "reading-list/")
    page.wait_for_selector("input[data-read][data-wired=yes]", state="attached")
    mark = page.get_by_role("checkbox", name=f"I have read it — {res['title']}")
    assert not mark.is_checked()
    mark.focus()
    page.keyboard.press("Space")  # a real checkbox: the keyboard marks it
    assert mark.is_checked()
    assert saved_state(page)["doc"]["read"] == [rid]
    page.reload()
    page.wait_for_selector("input[data-read][data-wired=yes]", state="attached")
    assert page.get_by_role("checkbox", name=f"I have read it — {res['title']}").is_checked()

    # The skill page shows the same mark, and only that one.
    page.goto(assess_site.url + f"skills/{res['skills'][0]}/")
    page.wait_for_selector("input[data-read][data-wired=yes]", state="attached")
    marks = page.locator(".reading-mark input")
    assert marks.count() >= 1
    checked = page.eval_on_selector_all(".reading-mark input:checked", "els => els.map(e => e.dataset.read)")
    assert checked == [rid]
    assert page.get_by_role("checkbox", name=f"I have read it — {res['title']}").is_checked()

    # The plan leaves it out; the exported file carries it.
    open_assessment(page, assess_site.assessment)
    page.wait_for_selector(".assess-result")
    assert page.locator(f'.assess-sec-plan [data-resource="{rid}"]').count() == 0
    assert page.locator(f'.assess-sec-read [data-read-item="{rid}"]').count() == 1
    with page.expect_download() as info:
        page.get_by_role("button", name="Download JSON").click()
    text = Path(info.value.path()).read_text(encoding="utf-8")
    assert json.loads(text)["read"] == [rid]

    # Cleared, then imported: still marked, still out of the plan.
    page.evaluate("localStorage.clear()")
    page.goto(assess_site.url + f"skills/{res['skills'][0]}/")
    page.wait_for_selector("input[data-read][data-wired=yes]", state="attached")
    assert page.eval_on_selector_all(".reading-mark input:checked", "els => els.length") == 0
    open_assessment(page, assess_site.assessment)
    page.set_input_files("#assess-import", files=[{"name": "me.json", "mimeType": "application/json",
                                                   "buffer": text.encode("utf-8")}])
    page.wait_for_selector(".assess-result")
    assert page.locator(f'.assess-sec-plan [data-resource="{rid}"]').count() == 0
    page.goto(assess_site.url + f"skills/{res['skills'][0]}/")
    page.wait_for_selector("input[data-read][data-wired=yes]", state="attached")
    assert page.get_by_role("checkbox", name=f"I have read it — {res['title']}").is_checked()
    page.goto(assess_site.url + "reading-list/")
    page.wait_for_selector("input[data-read][data-wired=yes]", state="attached")
    assert page.get_by_role("checkbox", name=f"I have read it — {res['title']}").is_checked()
    # Taken back on the reading list: in the plan again.
    page.get_by_role("checkbox", name=f"I have read it — {res['title']}").uncheck()
    open_assessment(page, assess_site.assessment)
    page.wait_for_selector(".assess-result")
    assert page.locator(f'.assess-sec-plan [data-resource="{rid}"]').count() == 1


def test_marks_made_before_any_assessment_are_kept_by_it(page: Any, assess_site: Any) -> None:
    page.goto(assess_site.url + "reading-list/")
    page.wait_for_selector("input[data-read][data-wired=yes]", state="attached")
    page.locator('input[data-read="disc-intro"]').check()
    open_assessment(page, assess_site.assessment)
    assert page.locator(".assess-start").count() == 1  # nothing started: the start view
    wait_ready(page)
    assert saved_state(page)["doc"]["read"] == ["disc-intro"]
    # Rating someone else starts a new document: the person's own marks stay.
    page.check('input[name="mode"][value="opinion"]')
    page.fill("#assess-name", "Alex")
    page.get_by_role("button", name="Start", exact=True).click()
    page.wait_for_selector("form.assess-area")
    assert saved_state(page)["doc"]["read"] == ["disc-intro"]


def test_filters_and_marks_are_wired_after_instant_navigation(page: Any, assess_site: Any) -> None:
    page.goto(assess_site.url)
    page.evaluate("window.__stay = 1")
    page.locator("article a[href$='reading-list/']").first.click()
    page.wait_for_selector("#reading-filter[data-wired=yes]")
    page.wait_for_selector("input[data-read][data-wired=yes]", state="attached")
    assert page.evaluate("window.__stay") == 1, "the link caused a full page load"
    page.get_by_label("Skill", exact=True).select_option("data")
    assert _shown(page) == ["data-guide"]
    page.locator('input[data-read="data-guide"]').check()
    page.locator("article a[href$='skills/data/']").first.click()
    page.wait_for_url("**/skills/data/")
    # Material may change the address before it swaps the page in: wait until the reading
    # list's form is gone and every mark on the skill page is wired (the reading list's own,
    # already wired, would otherwise satisfy the wait).
    page.wait_for_function("""() => !document.querySelector("#reading-filter")
        && document.querySelector("input[data-read]")
        && [...document.querySelectorAll("input[data-read]")].every((b) => b.dataset.wired === "yes")""")
    assert page.evaluate("window.__stay") == 1
    assert page.locator('input[data-read="data-guide"]').is_checked()


def test_starting_over_keeps_the_read_marks(page: Any, assess_site: Any) -> None:
    page.goto(assess_site.url + "reading-list/")
    page.wait_for_selector("input[data-read][data-wired=yes]", state="attached")
    page.locator('input[data-read="disc-intro"]').check()
    finish_full(page, assess_site)
    page.get_by_role("button", name="Start over", exact=True).click()
    page.get_by_role("button", name="Delete my answers and start over").click()
    page.wait_for_selector(".assess-start")
    state = saved_state(page)
    assert state["doc"]["read"] == ["disc-intro"]
    assert state["doc"]["ratings"] == {} and state["doc"]["answers"] == {}
