"""Accessibility, keyboard use, printing, small screens, and scoring.js on its own in Node."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import REPO, SHOTS

from .helpers import CHOICES, RATINGS, answer_all, finish_full, open_assessment, start, wait_ready
from .reference import expected

ASSETS = REPO / "generator" / "assets" / "assessment"


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """axe-core's violations inside the assessment (the Material page around it is not ours)."""
    import axe_playwright_python as axe
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(Path(axe.__file__).parent / "axe.min.js"))
    return page.evaluate("""async () => {
      const r = await axe.run('#assessment-app', {resultTypes: ['violations']});
      return r.violations.map(v => ({id: v.id, help: v.help,
        nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary)}));
    }""")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_in_any_view(new_context: Any, assess_site: Any,
                                             scheme: str) -> None:
    page = new_context(color_scheme=scheme).new_page()
    open_assessment(page, assess_site.assessment)
    want = "slate" if scheme == "dark" else "default"
    assert page.get_attribute("body", "data-md-color-scheme") == want
    assert axe_violations(page) == [], "start view"
    start(page, "pm", "full")
    page.check('input[name="rating:discovery"][value="2"]')
    assert axe_violations(page) == [], "question view"
    answer_all(page, assess_site.content, RATINGS, CHOICES)
    open_assessment(page, assess_site.assessment + "#role=astronaut")  # adds an error notice
    page.wait_for_selector(".assess-result .assess-radar")
    assert axe_violations(page) == [], "result view"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_result_screenshots_fit_the_screen(new_context: Any, assess_site: Any, scheme: str,
                                           size: str) -> None:
    """Saves /tmp/shots/result-<scheme>-<size>.png for a person to look at."""
    viewport = {"width": 1280, "height": 900} if size == "desktop" else {"width": 390, "height": 844}
    page = new_context(color_scheme=scheme, viewport=viewport,
                       device_scale_factor=1 if size == "desktop" else 2,
                       is_mobile=size == "phone", has_touch=size == "phone").new_page()
    finish_full(page, assess_site)
    page.emulate_media(reduced_motion="reduce")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"result-{scheme}-{size}.png"), full_page=True)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px"
    if size == "desktop":
        box = page.locator(".assess-radar svg").bounding_box()
        assert box and box["width"] >= min(viewport["width"] - 60, 600)
    else:  # a phone gets a labelled bar per skill instead of a radar of numbers
        assert not page.is_visible(".assess-radar")
        assert page.locator(".assess-bars li").count() == len(assess_site.content.skills)
    if size == "phone":
        page.goto(assess_site.assessment)
        wait_ready(page)
        page.get_by_role("button", name="Change my answers").click()
        page.screenshot(path=str(SHOTS / f"questions-{scheme}-phone.png"))
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0


def tab_to(page: Any, predicate: str, limit: int = 40) -> None:
    """Press Tab until the focused element satisfies a JS predicate on ``e``."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(e => {predicate})(document.activeElement)"):
            return
    raise AssertionError(f"Tab never reached an element where {predicate}")


def test_keyboard_only_from_start_to_result(page: Any, minimal_site: Any) -> None:
    open_assessment(page, minimal_site.assessment)
    page.focus("#assessment-app h2")
    tab_to(page, "e.name === 'mode'")
    page.keyboard.press("ArrowDown")  # quick → full
    assert page.is_checked('input[name="mode"][value="full"]')
    tab_to(page, "e.id === 'assess-name'")
    page.keyboard.type("Grace")
    tab_to(page, "e.textContent === 'Start'")
    page.keyboard.press("Enter")
    page.wait_for_selector("form.assess-area")
    assert page.evaluate("document.activeElement.textContent") == "Testing"  # focus moved
    tab_to(page, "e.name === 'rating:testing'")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    assert page.is_checked('input[name="rating:testing"][value="1"]')
    tab_to(page, "e.name === 'check:flaky-test'")
    page.keyboard.press("Space")
    tab_to(page, "e.textContent === 'See my result'")
    page.keyboard.press("Enter")
    page.wait_for_selector(".assess-result")
    assert page.evaluate("document.activeElement.textContent") == "Your result"
    assert page.locator(".assess-sr").inner_text() == "Your result against Tester is ready."
    # One skill: no radar, the table says it all.
    assert page.locator(".assess-radar").count() == 0
    assert page.locator('tr[data-skill="testing"]').count() == 1
    tab_to(page, "e.textContent === 'Start over'")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.textContent") == \
        "Delete my answers and start over"
    page.keyboard.press("Enter")
    page.wait_for_selector(".assess-start")
    assert page.evaluate("localStorage.getItem('mlpm-assessment')") is None


def test_print_shows_the_result_without_the_controls(page: Any, assess_site: Any) -> None:
    finish_full(page, assess_site)
    page.emulate_media(media="print")
    assert not page.is_visible(".assess-sec-keep")
    assert not page.is_visible("#assess-role")
    # Date, mode and role at the top of the first page.
    meta = page.locator(".assess-meta").inner_text()
    assert "Product manager" in meta and "Full" in meta and "20" in meta, meta
    assert page.is_visible(".assess-radar")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(SHOTS / "result.pdf"))
    assert (SHOTS / "result.pdf").stat().st_size > 10_000


def test_reduced_motion_and_instant_focus(page: Any, assess_site: Any) -> None:
    page.emulate_media(reduced_motion="reduce")
    open_assessment(page, assess_site.assessment)
    start(page, "pm", "quick")
    assert page.evaluate("document.activeElement.tagName") == "H2"
    assert page.evaluate("getComputedStyle(document.querySelector('.assess-choice'))"
                         ".transitionDuration") in {"0s", ""}


# --- scoring.js in Node --------------------------------------------------------------------

NODE_RUNNER = """
import { readFileSync } from "node:fs";
const [scoring, dataPath, casesPath] = process.argv.slice(2);
const { score, round2 } = await import(scoring);
const data = JSON.parse(readFileSync(dataPath, "utf8"));
const cases = JSON.parse(readFileSync(casesPath, "utf8"));
const out = cases.map((c) => score(data, c.answers, c.role));
out.push([round2(1.005), round2(2.675), round2(0.125), round2(1 / 3)]);
console.log(JSON.stringify(out));
"""


def test_scoring_js_in_node_agrees_with_the_spec(assess_site: Any, tmp_path: Path) -> None:
    node = shutil.which("node")
    assert node, "Node.js is not installed (run `make test`, or apt-get install nodejs)"
    data = assess_site.data
    content = assess_site.content
    rng = random.Random(4)
    skills = {s["id"]: s for s in data["skills"]}
    checks = {c["id"]: c for s in data["skills"] for c in s["checks"]}
    cases, wants = [], []
    for n in range(60):
        ratings = {k: rng.randint(0, 3) for k in skills if rng.random() < 0.7}
        choices = {k: rng.randrange(len(c["options"])) for k, c in checks.items()
                   if rng.random() < 0.7}
        raw = {"ratings": {k: {"level": v, "hash": skills[k]["rating_hash"]}
                           for k, v in ratings.items()},
               "answers": {k: {"choice": v, "hash": checks[k]["hash"]} for k, v in choices.items()}}
        # Noise that must not count: stale hashes, bad values, unknown ids, wrong types.
        raw["answers"]["gone"] = {"choice": 0, "hash": "x"}
        if n % 3 == 0:
            raw["ratings"]["data"] = {"level": 2, "hash": "stale"}
            ratings.pop("data", None)
        if n % 4 == 0:
            raw["answers"]["ml-split"] = {"choice": True, "hash": checks["ml-split"]["hash"]}
            choices.pop("ml-split", None)
        if n % 5 == 0:
            raw["ratings"]["discovery"] = {"level": 4, "hash": skills["discovery"]["rating_hash"]}
            ratings.pop("discovery", None)
        role = rng.choice(["pm", "lead"])
        cases.append({"answers": raw, "role": role})
        wants.append(expected(content, ratings, choices, role))
    (tmp_path / "cases.json").write_text(json.dumps(cases))
    (tmp_path / "data.json").write_text(json.dumps(data))
    (tmp_path / "run.mjs").write_text(NODE_RUNNER)
    proc = subprocess.run([node, str(tmp_path / "run.mjs"), (ASSETS / "scoring.js").as_uri(),
                           str(tmp_path / "data.json"), str(tmp_path / "cases.json")],
                          capture_output=True, text=True, check=False, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    *results, rounding = json.loads(proc.stdout)
    # Exactly Math.round(x * 100) / 100, float artefacts included (1.005 * 100 < 100.5).
    assert rounding == [1, 2.68, 0.13, 0.33]
    for got, want in zip(results, wants, strict=True):
        assert got == want


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_hovered_button_keeps_its_contrast(new_context: Any, assess_site: Any,
                                             scheme: str) -> None:
    """Material fills a hovered button with the accent colour under white text (4.25:1 for
    indigo); ours use the primary colour, the header's pair the palette check measures."""
    page = new_context(color_scheme=scheme).new_page()
    open_assessment(page, assess_site.assessment)
    start(page, "pm", "full")
    for button in page.locator(".assess-nav .md-button").all():
        button.hover()
        # Measure the hovered colours, not a frame of the colour transition towards them.
        page.wait_for_function("document.getAnimations().every((a) => a.playState !== 'running')")
        assert axe_violations(page) == [], button.inner_text()
