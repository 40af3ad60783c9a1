"""The palette check: colour pairs under WCAG AA are named with their ratio and what they
affect; a warning in a normal build, an error under --strict. Colours are Material's own,
read from its installed stylesheets."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.site.palette import colour, contrast, palette_warnings, variables
from tests.conftest import FIXTURES, REPO, copy_project, run_cli


def test_a_deep_orange_palette_fails_a_strict_build_naming_the_pair_and_ratio(
        tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "low-contrast", tmp_path / "orange")
    result = run_cli("build", "--strict", "--root", str(project), cwd=REPO)
    assert result.code == 1
    assert ("mkdocs.yml:30: warning: theme.palette[0] (scheme default, primary deep-orange, "
            "accent deep-orange): --md-primary-bg-color #ffffff on --md-primary-fg-color "
            "#ff6e42 has a contrast of 2.78:1 (expected at least 4.5:1, WCAG AA); it affects "
            "the header, the tabs, primary buttons and hovered or focused buttons (text on the "
            "primary colour)") in result.err
    assert ("--md-typeset-a-color #ff6e42 on --md-default-bg-color #ffffff has a contrast of "
            "2.78:1") in result.err
    assert "--strict makes them errors, so nothing was written" in result.err
    assert not (project / "site").exists()


def test_without_strict_the_same_palette_warns_and_builds(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "low-contrast", tmp_path / "orange")
    result = run_cli("build", "--root", str(project), cwd=REPO)
    assert result.code == 0, result.err
    assert result.err.count("WCAG AA") == 5  # four pairs in light, the header in dark
    assert (project / "site" / "index.html").exists()


@pytest.mark.content
def test_the_shipped_palette_passes() -> None:
    import yaml

    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    # Readable colours are every site's business; upstream's three entries (automatic,
    # light, dark) are tested in tests/browser/test_colour_scheme.py.
    assert palette_warnings(config, REPO) == []


def test_colours_come_from_materials_stylesheets() -> None:
    light = variables({"scheme": "default", "primary": "indigo", "accent": "indigo"}, [])
    dark = variables({"scheme": "slate", "primary": "indigo", "accent": "indigo"}, [])
    assert light["--md-primary-fg-color"] == "#4051b5"
    assert dark["--md-typeset-a-color"] == "#5488e8"  # Material lightens links on slate
    assert colour(dark["--md-default-bg-color"], dark) is not None
    # the WCAG formula's own reference points
    black, white = (0.0, 0.0, 0.0, 1.0), (1.0, 1.0, 1.0, 1.0)
    assert round(contrast(black, white), 2) == 21.0
    assert round(contrast((0.5, 0.5, 0.5, 0.0), white), 2) == 1.0  # fully transparent text


def test_custom_colours_are_read_from_the_forks_stylesheet(tmp_path: Path) -> None:
    (tmp_path / "brand.css").write_text(
        ":root > * { --md-primary-fg-color: #ffd54f; --md-primary-bg-color: #ffffff; }\n",
        encoding="utf-8")
    config = {"extra_css": ["brand.css"],
              "theme": {"palette": {"scheme": "default", "primary": "custom"}}}
    found = [str(w) for w in palette_warnings(config, tmp_path, {0: 7})]
    assert found[0].startswith("mkdocs.yml:7: warning: theme.palette[0] (scheme default, "
                               "primary custom, accent indigo): --md-primary-bg-color #ffffff "
                               "on --md-primary-fg-color #ffd54f has a contrast of 1.")
