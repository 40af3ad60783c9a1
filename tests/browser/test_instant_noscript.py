"""After Material's instant navigation the next page was parsed without scripting, so its
<noscript> parts would apply: app.js removes them, and the controls that need JavaScript show
as on a full page load."""

from __future__ import annotations

from typing import Any


def test_the_assessments_first_view_shows_after_instant_navigation(page: Any,
                                                                   assess_site: Any) -> None:
    held: list[Any] = []
    page.route("**/data.json", lambda route: held.append(route))  # the data is still loading
    page.goto(assess_site.url)
    page.evaluate("window.__stay = 1")
    page.locator("article a[href$='assessment/']").first.click()
    page.wait_for_url("**/assessment/")
    page.wait_for_selector(".assess-preview input[name=role]")
    assert page.evaluate("window.__stay") == 1, "the link caused a full page load"
    assert page.locator(".assess-preview").is_visible()
    assert "needs JavaScript" not in page.locator("article").inner_text()
    for _ in range(100):  # the app asks for its data once it has loaded
        if held:
            break
        page.wait_for_timeout(50)
    assert page.locator(".assess-preview").is_visible()  # still the first view meanwhile
    held[0].continue_()
    page.wait_for_selector("#assessment-app:not([aria-busy]) .assess-start:not(.assess-preview)")
