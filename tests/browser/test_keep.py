"""Keeping and sharing a result, and surviving anything read from outside."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

from .helpers import (
    CHOICES,
    RATINGS,
    STORAGE_KEY,
    finish_full,
    next_step,
    open_assessment,
    pick_option,
    result_summary,
    saved_state,
    visible_checks,
    wait_ready,
)
from .reference import expected


def download(page: Any, button: str) -> tuple[str, str]:
    with page.expect_download() as info:
        page.get_by_role("button", name=button).click()
    dl = info.value
    return dl.suggested_filename, Path(dl.path()).read_text(encoding="utf-8")


def share_link(payload: dict[str, Any], site: Any) -> str:
    raw = json.dumps(payload).encode()
    return site.assessment + "#share=" + base64.urlsafe_b64encode(raw).decode().rstrip("=")


def import_file(page: Any, name: str, data: bytes) -> None:
    page.set_input_files("#assess-import", files=[{"name": name, "mimeType": "application/json",
                                                   "buffer": data}])


def test_export_clear_import_gives_the_same_result(page: Any, assess_site: Any) -> None:
    finish_full(page, assess_site)
    before = result_summary(page)
    data = assess_site.data

    name, text = download(page, "Download JSON")
    doc = json.loads(text)
    assert name.startswith("self-assessment-") and name.endswith(".json")
    assert (doc["format"], doc["format_version"], doc["mode"], doc["role"]) == \
        ("mlpm-assessment-result", 1, "full", "pm")
    assert (doc["framework"], doc["framework_version"], doc["content_version"]) == \
        (data["framework"]["name"], data["framework"]["version"], data["content_version"])
    hashes = {c["id"]: c["hash"] for s in data["skills"] for c in s["checks"]}
    assert doc["answers"] == {k: {"choice": v, "hash": hashes[k]} for k, v in CHOICES.items()}
    assert {k: v["level"] for k, v in doc["ratings"].items()} == RATINGS
    assert doc["created"].endswith("Z") and doc["updated"] >= doc["created"]

    name, report = download(page, "Download Markdown report")
    assert name.endswith(".md")
    assert report.startswith("# Self-assessment: Assessment Test Framework\n")
    assert ("| Problem discovery | 3 | 0 of 3 | 0 | 0 | 3 | 3 | Unconfirmed · Overconfident |"
            in report)
    assert "[Discovery course](https://example.com/disc-course)" in report
    assert "## Your 30/60/90-day plan" in report and "## Explanations" in report
    assert "Observed behaviour & support tickets from real users." in report

    page.evaluate("localStorage.clear()")
    page.reload()
    wait_ready(page)
    assert page.locator(".assess-start").count() == 1
    import_file(page, "mine.json", text.encode())
    page.wait_for_selector(".assess-result")
    assert result_summary(page) == before
    assert "Imported mine.json." in page.locator(".assess-notices").inner_text()
    assert saved_state(page)["doc"]["answers"] == doc["answers"]


def test_share_link_opens_the_result_read_only(page: Any, assess_site: Any,
                                                new_context: Any) -> None:
    finish_full(page, assess_site, name="Ada")
    before = result_summary(page)
    page.get_by_role("button", name="Create a share link").click()
    link = page.input_value("#assess-share")
    assert link.startswith(assess_site.assessment + "#share=")
    payload = link.split("#share=", 1)[1]
    shared = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    assert set(shared) == {"v", "c", "m", "r", "t", "a"} and "Ada" not in json.dumps(shared)
    assert shared["t"] == RATINGS and shared["a"] == CHOICES

    other = new_context().new_page()
    open_assessment(other, link)
    other.wait_for_selector(".assess-result")
    assert other.locator(".assess-result h2").inner_text() == "A shared result"
    assert result_summary(other) == before
    assert other.get_by_role("button", name="Change my answers").count() == 0
    assert saved_state(other) is None  # never touches the saved state
    other.select_option("#assess-role", "lead")  # a shared result can be compared too
    assert saved_state(other) is None
    other.get_by_role("button", name="Take the self-assessment yourself").click()
    other.wait_for_selector(".assess-start")
    assert "#share" not in other.url


def test_damaged_share_links_show_a_message_and_keep_the_saved_answers(
        page: Any, assess_site: Any) -> None:
    finish_full(page, assess_site)
    page.get_by_role("button", name="Create a share link").click()
    link = page.input_value("#assess-share")
    state = page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')")
    bad = [link[: len(link) - 25], link + "!!", share_link({"v": 2, "t": {}, "a": {}}, assess_site),
           assess_site.assessment + "#share="]
    for url in bad:
        page.goto("about:blank")
        open_assessment(page, url)
        assert "damaged or incomplete" in page.locator(".assess-notice--error").inner_text(), url
        assert page.locator(".assess-result h2").inner_text() == "Your result"  # their own
        assert page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") == state


def test_share_link_from_older_content_keeps_what_still_fits(page: Any, assess_site: Any) -> None:
    link = share_link({"v": 1, "c": "0123456789ab", "m": "full", "r": "lead",
                       "t": {"discovery": 2, "data": 9, "gone-skill": 1},
                       "a": {"disc-interview": 0, "ml-split": 7, "gone-check": 0}}, assess_site)
    open_assessment(page, link)
    page.wait_for_selector(".assess-result")
    notes = page.locator(".assess-notices").inner_text()
    assert "earlier version of the content" in notes
    assert "Ignored in the share link, as the questions no longer exist: gone-skill, gone-check." \
        in notes
    assert "Ignored in the share link, as the value is invalid: data, ml-split." in notes
    assert result_summary(page)["rows"]["discovery"][:4] == ["2", "1 of 1", "2", "2"]


def test_corrupted_saved_state_is_set_aside_with_a_message(page: Any, assess_site: Any) -> None:
    open_assessment(page, assess_site.assessment)
    for broken in ["{not json", "[]", '{"doc": 5, "step": "result"}',
                   '{"doc": {"format": "mlpm-assessment-result", "format_version": 9}}']:
        page.evaluate(f"localStorage.setItem('{STORAGE_KEY}', {json.dumps(broken)})")
        page.reload()
        wait_ready(page)
        assert page.locator(".assess-start").count() == 1, broken
        message = page.locator(".assess-notice--error").inner_text()
        assert "saved copy of your answers" in message and "set aside" in message, broken
        assert page.evaluate(f"localStorage.getItem('{STORAGE_KEY}:unreadable')") == broken


def test_saved_state_with_bad_entries_keeps_the_valid_ones(page: Any, assess_site: Any) -> None:
    finish_full(page, assess_site)
    state = saved_state(page)
    state["doc"]["answers"]["disc-interview"]["choice"] = 99
    state["doc"]["answers"]["prio-rice"]["choice"] = True
    state["doc"]["ratings"]["data"]["level"] = "2"
    state["doc"]["answers"]["no-such-check"] = {"choice": 0, "hash": "x"}
    page.evaluate(f"localStorage.setItem('{STORAGE_KEY}', {json.dumps(json.dumps(state))})")
    page.reload()
    wait_ready(page)
    page.wait_for_selector(".assess-result")
    notes = page.locator(".assess-notices").inner_text()
    assert ("Ignored in the saved copy of your answers, as the value is invalid: data, "
            "disc-interview, prio-rice.") in notes
    assert "as the questions no longer exist: no-such-check." in notes
    content = assess_site.content
    ratings = {k: v for k, v in RATINGS.items() if k != "data"}
    choices = {k: v for k, v in CHOICES.items() if k not in {"disc-interview", "prio-rice"}}
    want = expected(content, ratings, choices, "pm")
    assert result_summary(page)["top"] == want["top_gaps"]
    assert set(saved_state(page)["doc"]["answers"]) == set(choices)


def test_foreign_files_are_rejected_by_name_and_change_nothing(page: Any,
                                                               assess_site: Any) -> None:
    finish_full(page, assess_site)
    state = page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')")
    cases = {
        "notes.json": (b'{"hello": "world"}', "Could not read notes.json: it is not a self-"),
        "broken.json": (b'{"format": "mlpm-assess', "Could not read broken.json: it is not valid"),
        "future.json": (json.dumps({"format": "mlpm-assessment-result",
                                    "format_version": 2}).encode(), "newer version"),
        "photo.json": (bytes(range(256)), "not valid JSON"),
    }
    for name, (data, message) in cases.items():
        import_file(page, name, data)
        page.wait_for_selector(".assess-notice--error")
        text = page.locator(".assess-notice--error").inner_text()
        assert message in text and "Nothing was changed." in text, name
        assert page.locator(".assess-result").count() == 1
        assert page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") == state


def test_changed_content_asks_only_the_changed_question(page: Any, private_site: Any) -> None:
    site = private_site
    finish_full(page, site)
    before = saved_state(page)["doc"]
    skill = site.project / "content" / "skills" / "prioritisation.yml"
    text = skill.read_text(encoding="utf-8")
    skill.write_text(text.replace("Two features have equal reach and impact.",
                                  "Two features have the same reach and impact."), encoding="utf-8")
    site.build()
    page.reload()
    wait_ready(page)
    assert visible_checks(page) == ["prio-rice"]
    assert page.locator("fieldset.assess-rating").count() == 0
    assert "only the new or changed questions are shown (1)" in page.locator(".assess-note").inner_text()
    assert "0 of 1 questions answered" in page.locator("#assess-progress-text").inner_text()
    pick_option(page, site.content, "prio-rice", 0)
    assert next_step(page) == "See my result"
    page.wait_for_selector(".assess-result")
    after = saved_state(page)["doc"]
    assert after["content_version"] == site.data["content_version"] != before["content_version"]
    assert after["ratings"] == before["ratings"]
    assert {k: v for k, v in after["answers"].items() if k != "prio-rice"} == \
        {k: v for k, v in before["answers"].items() if k != "prio-rice"}
    assert after["answers"]["prio-rice"]["hash"] != before["answers"]["prio-rice"]["hash"]


def test_a_browser_that_refuses_storage_still_works_and_says_so(page: Any,
                                                                assess_site: Any) -> None:
    page.add_init_script("Storage.prototype.setItem = () => { throw new Error('quota'); };")
    finish_full(page, assess_site)
    assert "does not let the site save your answers" in \
        page.locator(".assess-notice--error").inner_text()
    assert page.locator(".assess-sec-gaps").count() == 1


def test_missing_data_file_gives_a_message_not_a_blank_page(page: Any, assess_site: Any,
                                                            watch: Any) -> None:
    page.route("**/assets/assessment/data.json", lambda route: route.fulfill(status=404))
    page.goto(assess_site.assessment)
    message = page.locator("#assessment-app [role=alert]")
    message.wait_for()
    assert message.inner_text() == ("The self-assessment could not load its questions "
                                    "(HTTP 404). Reload the page to try again.")
    watch.errors = [e for e in watch.errors if "404" not in e]  # the browser logs the 404


def test_two_tabs_keep_each_others_answers(context: Any, assess_site: Any) -> None:
    """Both tabs save to one place; each merges the other's saves, so no answer is lost."""
    from .helpers import rate, start

    first = context.new_page()
    open_assessment(first, assess_site.assessment)
    start(first, "pm", "full")
    second = context.new_page()
    open_assessment(second, assess_site.assessment)  # resumes the same assessment
    second.wait_for_selector("form.assess-area")
    rate(first, "discovery", 2)
    second.locator(".assess-nav .md-button--primary").click()  # one skill a step
    second.wait_for_selector('input[name="rating:prioritisation"]')
    rate(second, "prioritisation", 1)  # second tab's save: the first tab merges it
    first.wait_for_function("() => JSON.parse(localStorage.getItem('mlpm-assessment'))"
                            ".doc.ratings.prioritisation !== undefined")
    first.check('input[name="sure:disc-interview"][value="3"]')
    first.check('input[name="check:disc-interview"][value="0"]')
    for page in (first, second):
        page.wait_for_function("() => { const d = JSON.parse(localStorage.getItem("
                               "'mlpm-assessment')).doc; return d.ratings.discovery && "
                               "d.ratings.prioritisation && d.answers['disc-interview']; }")
    doc = saved_state(first)["doc"]
    assert {k: v["level"] for k, v in doc["ratings"].items()} == {"discovery": 2,
                                                                   "prioritisation": 1}
    assert doc["answers"]["disc-interview"]["sure"] == 3  # picked first, kept with its answer
