"""The colour scheme follows the system, on the first visit and on every later one, until the
person picks light or dark with the toggle (automatic → light → dark → automatic). Runs the
palette of the repository's mkdocs.yml (so the shipped setting is what is tested) on the
assess fixture's small site."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import upstream_only

from .conftest import REPO, Site, copy_fixture, free_port

# Reads the repository's mkdocs.yml, and tests upstream's palette (its three entries and their
# names): a fork's own palette is its branding choice.
pytestmark = [pytest.mark.content, upstream_only()]


@pytest.fixture(scope="module")
def palette_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    project = copy_fixture("assess", tmp_path_factory.mktemp("palette") / "assess")
    shipped = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["theme"]["palette"]
    config_file = Path(project) / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    config["theme"]["palette"] = shipped
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    site = Site(project, free_port())
    site.build()
    site.serve()
    yield site
    site.stop()


def scheme(page: Any) -> str:
    return str(page.evaluate("document.body.dataset.mdColorScheme"))


def wait_scheme(page: Any, want: str) -> None:
    page.wait_for_function(f"document.body.dataset.mdColorScheme === {want!r}", timeout=5000)


def wait_toggle(page: Any, name: str) -> None:
    """The toggle shown says ``name``: the shown label belongs to the current option, whose
    radio is named by what the toggle does next."""
    page.wait_for_function("""name => {
      const label = document.querySelector('form[data-mlpm-palette] label:not([hidden])');
      const inputs = [...document.querySelectorAll('input[name=__palette]')];
      const next = inputs.findIndex(i => i.id === label.htmlFor);
      return inputs[(next - 1 + inputs.length) % inputs.length].getAttribute('aria-label') === name;
    }""", arg=name, timeout=5000)


def test_the_scheme_follows_the_system_after_a_first_visit(new_context: Any,
                                                          palette_site: Site) -> None:
    page = new_context(color_scheme="light").new_page()
    page.goto(palette_site.url)
    wait_scheme(page, "default")
    # A second page, fully loaded: Material has stored the palette by now.
    page.goto(palette_site.url + "reading-list/")
    wait_scheme(page, "default")
    assert "(prefers-color-scheme)" in page.evaluate(
        "Object.keys(localStorage).filter(k => k.endsWith('__palette')).map(k => localStorage[k]).join()")
    # The system turns dark: the open page follows, and so does the next one.
    page.emulate_media(color_scheme="dark")
    wait_scheme(page, "slate")
    page.goto(palette_site.url + "roles/")
    wait_scheme(page, "slate")
    page.reload()
    assert scheme(page) == "slate"
    page.emulate_media(color_scheme="light")
    wait_scheme(page, "default")


def test_the_toggle_cycles_automatic_light_dark(new_context: Any, palette_site: Site) -> None:
    page = new_context(color_scheme="dark").new_page()
    page.goto(palette_site.url)
    wait_scheme(page, "slate")
    toggle = page.locator("form[data-mlpm-palette] label:not([hidden])")
    wait_toggle(page, "Switch to light mode")
    toggle.click()
    wait_scheme(page, "default")  # light, though the system is dark
    wait_toggle(page, "Switch to dark mode")
    page.reload()
    assert scheme(page) == "default"  # a choice the person made is kept
    page.emulate_media(color_scheme="light")
    toggle.click()
    wait_scheme(page, "slate")  # dark, though the system is light
    wait_toggle(page, "Follow the system's colour scheme")
    toggle.click()
    wait_scheme(page, "default")  # automatic again: the system is light
    page.emulate_media(color_scheme="dark")
    wait_scheme(page, "slate")


def test_the_toggle_works_by_keyboard_and_after_instant_navigation(new_context: Any,
                                                                   palette_site: Site) -> None:
    """Material's own palette component is not started (theme/partials/palette.html):
    assets/palette.js answers Enter as it did, keeps working on pages reached by instant
    navigation, and sets the browser's theme colour to the header's."""
    page = new_context(color_scheme="light").new_page()
    page.goto(palette_site.url)
    wait_scheme(page, "default")
    wait_toggle(page, "Switch to light mode")
    page.wait_for_function("/^#[0-9a-f]{6}$/.test(document.querySelector('meta[name=theme-color]')?.content)")
    page.focus("input[name=__palette]:checked")
    page.keyboard.press("Enter")  # automatic → light
    wait_toggle(page, "Switch to dark mode")
    page.keyboard.press("Enter")  # light → dark
    wait_scheme(page, "slate")
    wait_toggle(page, "Follow the system's colour scheme")
    assert page.evaluate("document.activeElement.name") == "__palette"
    page.wait_for_function("document.querySelector('meta[name=color-scheme]').content === 'dark'")
    page.wait_for_function("!document.body.hasAttribute('data-md-color-switching')")
    # Instant navigation keeps the header: the toggle there still works.
    page.locator("article a[href$='reading-list/']").first.click()
    page.wait_for_url("**/reading-list/")
    assert scheme(page) == "slate"
    page.locator("form[data-mlpm-palette] label:not([hidden])").click()
    wait_scheme(page, "default")  # dark → automatic, and the system is light
    wait_toggle(page, "Switch to light mode")
    assert page.locator("form[data-mlpm-palette] label:not([hidden])").count() == 1
