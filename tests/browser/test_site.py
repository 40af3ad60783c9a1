"""The shipped site in real headless Chromium (the package's ``browser`` fixture): every page
template passes axe-core in both colour schemes, navigates instantly, and asks nothing of any
host but 127.0.0.1."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import axe_playwright_python as axe_module
import pytest

from tests.conftest import REPO, a_shown_skill, copy_project, repository_content

pytestmark = pytest.mark.content  # the repository's own site

AXE_JS = Path(axe_module.__file__).parent / "axe.min.js"



def templates() -> list[str]:
    """One page of every template the generator has, from whatever content is there."""
    content = repository_content()
    pages = ["", f"areas/{_shown_area()}/", f"skills/{a_shown_skill()}/", "reading-list/",
             "roles/", f"roles/{content.roles[0].id}/", "compare-roles/", "assessment/"]
    if content.guides:
        pages += ["guides/", f"guides/{content.guides[0].slug}/"]
    pages += ["glossary/"] if content.glossary else []
    return pages + (["sources/"] if content.sources else [])


def _shown_area() -> str:
    return str([a.id for a in repository_content().framework.areas if a.show][-1])


def _skill_with_a_term() -> str | None:
    """A shown skill whose summary uses a glossary term (so its page has a tooltip)."""
    content = repository_content()
    shown = {a.id for a in content.framework.areas if a.show}
    words = [w for t in content.glossary for w in (t.term, *t.aliases)]
    return next((s.id for s in content.skills if s.area in shown and
                 any(w in f"{s.summary} {s.why_it_matters}" for w in words)), None)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = copy_project(REPO, tmp_path_factory.mktemp("site") / "shipped")
    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    subprocess.run([sys.executable, "-m", "generator", "build", "--site-url", url], cwd=project,
                   check=True, capture_output=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "-b", "127.0.0.1",
                               "-d", str(project / "site")], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    yield url
    server.terminate()
    server.wait(timeout=5)


def _axe(page) -> list[dict]:
    # Finish running CSS transitions first (Material fades its "Back to top" button in after a
    # scroll): axe measures contrast at the current opacity, so a half-faded element would
    # fail or pass by timing.
    page.evaluate("() => document.getAnimations().forEach((a) => a.finish())")
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [{"id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:3]}
            for v in result["violations"]]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_template_has_no_axe_violations_and_no_third_party_request(
        browser, site_url: str, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme)
    outside: list[str] = []
    context.on("request", lambda r: outside.append(r.url)
               if urlparse(r.url).hostname not in {"127.0.0.1", None} and
               not r.url.startswith("data:") else None)
    page = context.new_page()
    failures = {}
    for path in templates():
        page.goto(site_url + path, wait_until="load")
        violations = _axe(page)
        if violations:
            failures[path or "home"] = violations
    context.close()
    assert failures == {}, json.dumps(failures, indent=1)
    assert outside == []


def test_instant_navigation_keeps_the_page_and_tooltips_work(browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(site_url)
    page.evaluate("window.__marker = 42")
    area = _shown_area()
    page.locator(f"article a[href$='areas/{area}/']").first.click()
    page.wait_for_url(f"**/areas/{area}/")
    assert page.evaluate("window.__marker") == 42, "the link caused a full page load"
    skill = _skill_with_a_term()
    if skill:
        page.goto(site_url + f"skills/{skill}/")
        abbr = page.locator("abbr[title]").first
        assert abbr.get_attribute("title")
    page.close()
