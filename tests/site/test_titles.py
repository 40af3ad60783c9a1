"""Titles are escaped once (the browser test, tests/browser/test_titles.py, reads them in
Chromium): the generated front matter and navigation hold each title escaped by the
generator, and no built page escapes one again, with either engine."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import built_copy

TWICE = re.compile(r"&amp;(?:#x?[0-9a-fA-F]+|amp|quot|lt|gt);")


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_no_built_page_escapes_a_title_twice(tmp_path: Path, engine: str) -> None:
    project = built_copy("titles", tmp_path / "titles", engine)
    front = (project / "generated/docs/guides/acme.md").read_text(encoding="utf-8")
    assert ('title: "How Acme&#x27;s ladder works &amp; &quot;why&quot; `‹it›` matters 🎯"'
            in front)
    page = (project / "site/guides/rtl/index.html").read_text(encoding="utf-8")
    assert ('aria-label="Previous: How Acme&#x27;s ladder works &amp; &quot;why&quot; '
            '`‹it›` matters 🎯"') in page
    twice = {p.relative_to(project / "site").as_posix(): TWICE.findall(p.read_text("utf-8"))
             for p in (project / "site").rglob("*.html")}
    for path, found in twice.items():
        assert found == [], f"{path}: {found[:3]}"
