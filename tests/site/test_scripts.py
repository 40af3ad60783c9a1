"""No page makes the browser wait for a script before its first paint: every external
script on every built page, with either engine, is deferred (or async), and Material's bundle
still comes before our scripts that use it (deferred scripts run in order). Ours are classic
scripts, not modules (config.OUR_JS says why). The assessment, search and
instant navigation running on top of this are the browser tests' business; here only the
markup."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import built_copy

SCRIPT = re.compile(r"<script\b([^>]*)\bsrc=\"([^\"]+)\"([^>]*)>")


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_no_page_waits_for_a_script_before_painting(tmp_path: Path, engine: str) -> None:
    project = built_copy("minimal", tmp_path / "minimal", engine)
    pages = sorted((project / "site").rglob("*.html"))
    assert len(pages) > 5
    for page in pages:
        scripts = SCRIPT.findall(page.read_text(encoding="utf-8"))
        blocking = [src for before, src, after in scripts
                    if not re.search(r"\b(defer|async)\b", before + after)]
        assert blocking == [], f"{page.relative_to(project)}: {blocking}"
        sources = [src for _, src, _ in scripts]
        bundle = [i for i, src in enumerate(sources) if "javascripts/bundle" in src]
        assert len(bundle) == 1, f"{page.relative_to(project)}: {sources}"
        ours = [i for i, src in enumerate(sources) if src.endswith(("/app.js", "/languages.js"))]
        assert len(ours) == 2, f"{page.relative_to(project)}: {sources}"
        assert all(bundle[0] < i for i in ours), sources
        modules = [src for before, src, after in scripts if 'type="module"' in before + after]
        assert modules == [], f"{page.relative_to(project)}: {modules}"


def test_a_fork_naming_our_scripts_does_not_load_them_twice() -> None:
    from generator.site.config import OUR_JS, generated_config

    theirs = [{"path": "assets/assessment/app.js", "type": "module"}, "assets/languages.js",
              "js/extra.js", {"path": "js/module.js", "type": "module"}]
    config = generated_config({"site_name": "Fork", "extra_javascript": theirs}, [])
    assert config["extra_javascript"] == [*OUR_JS, "js/extra.js",
                                          {"path": "js/module.js", "type": "module"}]
