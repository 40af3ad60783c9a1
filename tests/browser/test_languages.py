"""The site in three languages, in Chromium: search in Russian and Chinese, the language
selector keeps the page, and an assessment taken in one language is the same result in
another (shared progress, exported file imported elsewhere)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import Site, start_site
from .helpers import saved_state, wait_ready
from .test_quality import axe_violations

SEARCHES = {"ru": "тестирование", "zh": "测试"}


@pytest.fixture(scope="module")
def trilingual(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    site = start_site("trilingual", tmp_path_factory.mktemp("sites"))
    yield site
    site.stop()


def strings(site: Site, lang: str) -> dict[str, Any]:
    folder = f"{lang}/" if lang != "en" else ""
    path = site.project / "site" / folder / "assets/assessment/data.json"
    return json.loads(path.read_text(encoding="utf-8"))["strings"]


def take(page: Any, site: Site, lang: str) -> None:
    """Take the full assessment in ``lang`` by structure (names and values), never by text."""
    page.goto(f"{site.url}{lang}/assessment/")
    wait_ready(page)
    page.check('input[name="role"][value="tester"]')
    page.check('input[name="mode"][value="full"]')
    page.locator(".assess-start button[type=submit]").click()
    page.wait_for_selector("form.assess-area")
    for _ in range(10):
        if page.locator('input[name="rating:testing"]').count():
            page.check('input[name="rating:testing"][value="2"]')
        if page.locator('input[name="check:flaky-test"]').count():
            page.check('input[name="check:flaky-test"][value="1"]')  # the wrong option
        page.locator(".assess-nav .md-button--primary").click()
        if page.locator(".assess-result").count():
            break
    page.wait_for_selector(".assess-result")


def numbers(page: Any) -> list[list[str]]:
    """The result table's numbers per skill row, whatever the words around them."""
    return [re.findall(r"\d+(?:[.,]\d+)?", row) for row in page.locator(
        ".assess-sec-chart tr[data-skill]").all_inner_texts()]


@pytest.mark.parametrize("lang", ["ru", "zh"])
def test_search_finds_words_typed_in_the_language(page: Any, trilingual: Site,
                                                  lang: str) -> None:
    page.goto(f"{trilingual.url}{lang}/")
    assert page.locator("html").get_attribute("lang") == lang
    page.locator(".md-search__input").first.click()
    # Typed as a person does. Playwright inserts non-Latin text without key events, and
    # Material searches on key events, so one more key (End) stands in for them.
    page.keyboard.type(SEARCHES[lang], delay=20)
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    found = page.locator(".md-search-result__item").all_inner_texts()
    # Chinese results hold jieba's zero-width segment marks between words.
    assert any(SEARCHES[lang][:4] in text.replace("\u200b", "").lower() for text in found)


def test_the_language_selector_keeps_the_reader_on_the_same_page(page: Any,
                                                                 trilingual: Site) -> None:
    page.goto(f"{trilingual.url}skills/testing/")
    link = page.locator('.md-select a[hreflang="ru"]')
    assert link.count() == 1
    page.locator(".md-header__option .md-select").first.hover()
    link.click()
    page.wait_for_url(re.compile(r"/ru/skills/testing/$"), timeout=10_000)
    assert page.locator("h1").inner_text().rstrip("¶") == "Тестирование"


def test_a_result_taken_in_russian_or_chinese_scores_the_same_in_english(
        page: Any, trilingual: Site, tmp_path: Path) -> None:
    take(page, trilingual, "ru")
    russian = numbers(page)
    assert "Тестирование" in page.locator(".assess-sec-chart").inner_text()
    with page.expect_download() as info:
        page.get_by_role("button", name=strings(trilingual, "ru")["download_json"]).click()
    exported = Path(info.value.path()).read_text(encoding="utf-8")
    # Progress is shared across the languages of one site: the Chinese page shows it too.
    page.goto(f"{trilingual.url}zh/assessment/")
    wait_ready(page)
    page.wait_for_selector(".assess-result")
    assert numbers(page) == russian
    # The exported file, imported into the English site with nothing saved, scores the same.
    page.evaluate("localStorage.clear()")
    page.goto(trilingual.assessment)
    wait_ready(page)
    page.set_input_files("#assess-import", files=[{"name": "ru.json", "mimeType":
                                                   "application/json",
                                                   "buffer": exported.encode()}])
    page.wait_for_selector(".assess-result")
    assert numbers(page) == russian
    assert "Testing" in page.locator(".assess-sec-chart").inner_text()
    assert saved_state(page)["doc"]["answers"] == json.loads(exported)["answers"]


@pytest.mark.parametrize("lang", ["ru", "zh"])
def test_translated_assessment_is_axe_clean(new_context: Any, trilingual: Site,
                                            lang: str) -> None:
    page = new_context().new_page()
    page.goto(f"{trilingual.url}{lang}/assessment/")
    wait_ready(page)
    assert axe_violations(page) == [], "start view"
    take(page, trilingual, lang)
    assert axe_violations(page) == [], "result view"


@pytest.mark.parametrize("lang", ["ru", "zh"])
def test_the_translated_result_fits_a_phone(new_context: Any, trilingual: Site, lang: str) -> None:
    page = new_context(viewport={"width": 390, "height": 844}).new_page()
    take(page, trilingual, lang)
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    # Every result table stacks into labelled records there, whatever its words' length.
    unlabelled = page.eval_on_selector_all(".assess-tableWrap td:not([data-label])",
                                           "els => els.length")
    assert unlabelled == 0


def test_names_still_in_english_are_marked_in_the_app(page: Any, trilingual: Site) -> None:
    """The fixture's Chinese leaves the level names in English: wherever the app shows one as
    a whole text, the element says it is English, as the pages do."""
    path = trilingual.project / "site/zh/assets/assessment/data.json"
    untranslated = json.loads(path.read_text(encoding="utf-8"))["untranslated"]
    assert untranslated["lang"] == "en" and "Basic" in untranslated["texts"]
    page.goto(f"{trilingual.url}zh/assessment/")
    wait_ready(page)
    page.check('input[name="role"][value="tester"]')
    page.locator(".assess-start button[type=submit]").click()
    page.wait_for_selector('input[name="rating:testing"]')
    shown = page.evaluate("""(texts) => [...document.querySelectorAll('#assessment-app *')]
        .filter((el) => texts.includes(el.textContent) && el.children.length === 0)
        .map((el) => [el.textContent, el.closest('[lang]').getAttribute('lang')])""",
                          untranslated["texts"])
    assert shown and all(lang == "en" for _, lang in shown), shown
    # "第 1 级：Basic": only the name is marked, not the Chinese around it.
    assert page.locator('.assess-level > span[lang="en"]').all_inner_texts() == ["None", "Basic", "Advanced"]
    assert page.locator('.assess-level[lang]').count() == 0
