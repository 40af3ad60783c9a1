"""The repository's content builds with --strict, and the built site asks no third party for anything."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import a_shown_skill, run_cli

pytestmark = pytest.mark.content  # builds the repository's content

# Attributes through which a page would load something (links to read elsewhere are fine).
_LOADS = re.compile(r'<(?:script|img|link|iframe|source|video|audio)\b[^>]*>')
_URL = re.compile(r'\s(?:src|href)="([^"]+)"')


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.conftest import REPO, copy_project

    project = copy_project(REPO, tmp_path_factory.mktemp("build") / "shipped")
    # A repository, so the header button and edit links are there to check.
    result = run_cli("build", "--repo-url", "https://github.com/acme/skills", cwd=project)
    assert result.code == 0, result.err
    assert "Traceback" not in result.err
    return project / "site"


def test_shipped_content_builds_strictly(built_site: Path) -> None:
    assert (built_site / "index.html").exists()
    assert (built_site / f"skills/{a_shown_skill()}/index.html").exists()
    assert (built_site / "assets/assessment/data.json").exists()


def test_no_page_loads_anything_from_a_third_party(built_site: Path) -> None:
    offenders = []
    for page in built_site.rglob("*.html"):
        for tag in _LOADS.findall(page.read_text(encoding="utf-8")):
            url = (_URL.findall(tag) or [""])[0]
            if 'rel="canonical"' in tag:  # names the page's public address; loads nothing
                continue
            if url.startswith(("http://", "https://", "//")):
                offenders.append((page.relative_to(built_site).as_posix(), url))
    assert offenders == []


def test_repository_link_does_not_fetch_github_facts(built_site: Path) -> None:
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'class="md-source"' in home
    assert 'data-md-component="source"' not in home
    assert "fonts.googleapis" not in home


def test_edit_link_opens_the_content_file(built_site: Path) -> None:
    skill = a_shown_skill()
    page = (built_site / f"skills/{skill}/index.html").read_text(encoding="utf-8")
    assert f'href="https://github.com/acme/skills/edit/main/content/skills/{skill}.yml"' in page


def test_the_cli_offers_every_registered_engine() -> None:
    from generator.cli import ENGINE_NAMES
    from generator.site.engines import ENGINES

    assert ENGINE_NAMES == list(ENGINES)


def test_a_framework_without_reading_says_so_and_shows_no_filters(tmp_path: Path) -> None:
    """resources.yml is optional: the reading list then says it is empty, with no filters
    over nothing and no "0 books"."""
    from generator.strings import load_strings
    from tests.conftest import FIXTURES, copy_project

    project = copy_project(FIXTURES / "minimal", tmp_path / "p")
    (project / "content/resources.yml").unlink()
    result = run_cli("build", "--root", str(project), cwd=tmp_path)
    assert result.code == 0, result.err
    page = (project / "site/reading-list/index.html").read_text(encoding="utf-8")
    assert load_strings("en").t("reading.empty") in page
    assert 'id="reading-filter"' not in page and "0 books" not in page
