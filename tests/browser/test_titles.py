"""The title corpus (tests/fixtures/titles) in Chromium: names and titles holding ', &, ", <,
emoji and right-to-left text read exactly as written on every page type, in the navigation,
the footer, the search results and the assessment, with axe-core clean in both schemes.

Titles are escaped once, by the generator (Material prints them unescaped); a second escape
showed "Acme&#x27;s" to screen readers in the footer (axe: label-content-name-mismatch).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.conftest import Site, start_site

from .helpers import answer_all, open_assessment, start
from .test_site import _axe

PAGES = {  # path → the title its heading shows, as the author wrote it
    "": "Acme's \"R&D\" < 2 s 🚀",
    "areas/craft/": "Craft & \"care\" 🛠️",
    "areas/rtl/": "الحرفة والعناية",
    "skills/testing/": "Testing <T> things & Acme's \"QA\" ✅",
    "skills/review/": "مراجعة الشيفرة",
    "guides/": None,
    "guides/acme/": "How Acme's ladder works & \"why\" <it> matters 🎯",
    "guides/rtl/": "كيف يعمل سلم المهارات",
    "roles/": None,
    "roles/tester/": "Tester's \"lead\" & coach < 1 year 🧭",
    "roles/reviewer/": "المراجع",
    "reading-list/": None,
    "glossary/": None,
    "sources/": None,
    "assessment/": None,
}
# What a second escape leaves behind in text people see or hear.
ESCAPED_TWICE = re.compile(r"&(#x?[0-9a-fA-F]+|amp|quot|lt|gt|apos);")


@pytest.fixture(scope="module")
def titles_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    site = start_site("titles", tmp_path_factory.mktemp("titles"))
    yield site
    site.stop()


def _labels_and_text(page: Any) -> list[str]:
    """Every aria-label, title attribute and the visible text of the page. Not the header
    logo's tooltip: Material escapes the site name (a setting, not content) a second time
    there, and its header differs between Material and Zensical, so it is not overridden."""
    return page.evaluate("""() => [document.title, document.body.innerText,
      ...[...document.querySelectorAll('[aria-label],[title]')]
        .flatMap(e => [e.getAttribute('aria-label') || '',
                       e.matches('.md-header a.md-logo') ? '' : e.getAttribute('title') || ''])]""")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_type_shows_titles_once_escaped_and_axe_is_clean(
        new_context: Any, titles_site: Site, scheme: str) -> None:
    page = new_context(color_scheme=scheme).new_page()
    failures: dict[str, Any] = {}
    for path, heading in PAGES.items():
        page.goto(titles_site.url + path, wait_until="load")
        if path == "assessment/":
            page.wait_for_selector("#assessment-app:not([aria-busy]) .assess-view > *")
        if heading is not None:
            assert page.locator("article h1").first.inner_text().rstrip("¶ \n") == heading, path
        leftovers = [t for t in _labels_and_text(page) if ESCAPED_TWICE.search(t)]
        violations = _axe(page)
        if leftovers or violations:
            failures[path or "home"] = {"escaped twice": leftovers[:3], "axe": violations}
    assert failures == {}, json.dumps(failures, indent=1, ensure_ascii=False)


def _nav_titles(page: Any) -> list[str]:
    return page.eval_on_selector_all(
        "nav.md-nav--primary .md-nav__link", "els => els.map(e => e.textContent.trim())")


def test_navigation_and_footer_read_the_titles(page: Any, titles_site: Site) -> None:
    page.goto(titles_site.url + "guides/rtl/")
    previous = page.locator("a.md-footer__link--prev")
    assert previous.get_attribute("aria-label") == (
        "Previous: How Acme's ladder works & \"why\" `‹it›` matters 🎯")
    assert "How Acme's ladder works & \"why\"" in previous.inner_text()
    assert page.locator("nav.md-nav--primary a.md-logo").get_attribute("title") == "Acme's \"R&D\" ladder 🚀"
    # navigation.prune leaves only the open section's pages in each page's navigation
    page.goto(titles_site.url + "skills/testing/")
    assert {"Craft & \"care\" 🛠️", "Testing `‹T›` things & Acme's \"QA\" ✅",
            "الحرفة والعناية"} <= set(_nav_titles(page))
    page.goto(titles_site.url + "roles/tester/")
    assert {"Tester's \"lead\" & coach ‹ 1 year 🧭", "المراجع"} <= set(_nav_titles(page))


def test_search_finds_and_shows_the_titles(page: Any, titles_site: Site) -> None:
    index = json.loads((titles_site.project / "site" / "search" / "search_index.json")
                       .read_text(encoding="utf-8"))
    titles = {doc["title"] for doc in index["docs"]}
    assert "How Acme's ladder works &amp; \"why\" <code>&lt;it&gt;</code> matters 🎯" in titles
    assert not [t for t in titles if "&amp;amp;" in t or "&#x27;" in t or "&amp;#" in t]
    page.goto(titles_site.url)
    page.locator("input.md-search__input").click()
    page.keyboard.type("ladder")  # typed, so the search worker sees each key
    result = page.locator(".md-search-result__item").first
    result.wait_for()
    assert "How Acme's ladder works & \"why\" <it> matters 🎯" in result.inner_text()


def test_the_assessment_shows_names_as_written(page: Any, titles_site: Site) -> None:
    open_assessment(page, titles_site.assessment)
    start_text = page.locator("#assessment-app").inner_text()
    assert "Tester's \"lead\" & coach < 1 year 🧭" in start_text and "المراجع" in start_text
    start(page, "tester", "full")
    question = page.locator("#assessment-app").inner_text()
    # names are plain text in the assessment: a code span's backticks stay as written
    for shown in ("Craft & \"care\" 🛠️", "Testing `<T>` things & Acme's \"QA\" ✅",
                  "Level 1: Basic's \"first\" step", "Advanced <& beyond> ✨",
                  "Writes a unit test for Acme's <parser> & \"friends\".",
                  "what's \"first\" & why?"):
        assert shown in question
    assert _axe(page) == []
    answer_all(page, titles_site.content, {"testing": 2, "review": 1},
               {"flaky-test": 0, "large-change": 0})
    text = page.locator("#assessment-app").inner_text()
    assert "Testing `<T>` things & Acme's \"QA\" ✅" in page.locator(".assess-sec-chart").inner_text()
    assert "مراجعة الشيفرة" in page.locator(".assess-sec-chart").inner_text()
    assert not ESCAPED_TWICE.search(text)
    assert _axe(page) == []
