"""Random and mutated content never crashes the generator: it is valid or it is reported."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.content.load import load_content
from generator.content.validate import validate
from generator.errors import ContentInvalid
from generator.project import Project
from generator.site.config import load_site_config
from generator.site.render import render_site
from tests.conftest import FIXTURES

MINIMAL = FIXTURES / "minimal"
FILES = sorted(p.relative_to(MINIMAL).as_posix() for p in (MINIMAL / "content").rglob("*")
               if p.is_file())
YAML_BITS = st.sampled_from([":", "- ", "[", "]", "{", "}", "\n", "  ", "#", "'", '"', "&a",
                             "*a", "!!str", "!!python/object", "? ", "|", ">", "~", "null",
                             "true", "1e9", "0x1F", "<b>", "---", "...", "\t", "%YAML 1.1",
                             "\u00e9", "\U0001f600", "\x00"])

fuzz = settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "150")), deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])


def check_never_crashes(project: Path) -> None:
    """The whole pipeline either succeeds or raises ContentInvalid with file:line messages."""
    try:
        content = validate(load_content(project))
    except ContentInvalid as invalid:
        assert invalid.errors
        for error in invalid.errors:
            assert error.path and isinstance(error.line, int)
        return
    render_site(content, load_site_config(Project(project)))


@fuzz
@given(file=st.sampled_from(FILES), position=st.floats(0, 1), cut=st.integers(0, 40),
       insert=st.lists(YAML_BITS | st.text(max_size=8), max_size=4))
def test_mutated_content_never_crashes(tmp_path_factory, file: str, position: float, cut: int,
                                       insert: list[str]) -> None:
    project = tmp_path_factory.mktemp("fuzz") / "p"
    shutil.copytree(MINIMAL, project, ignore=shutil.ignore_patterns("site", "generated"))
    path = project / file
    text = path.read_text(encoding="utf-8")
    at = int(position * len(text))
    path.write_text(text[:at] + "".join(insert) + text[at + cut:], encoding="utf-8")
    check_never_crashes(project)


@fuzz
@given(data=st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=10), children, max_size=4), max_leaves=20))
def test_random_yaml_values_in_every_file_never_crash(tmp_path_factory, data) -> None:
    import yaml

    project = tmp_path_factory.mktemp("fuzz") / "p"
    shutil.copytree(MINIMAL, project, ignore=shutil.ignore_patterns("site", "generated"))
    dumped = yaml.safe_dump(data, allow_unicode=True)
    for file in FILES:
        target = project / file
        if file.endswith(".md"):
            target.write_text(f"---\n{dumped}---\nBody\n", encoding="utf-8")
        else:
            target.write_text(dumped, encoding="utf-8")
    check_never_crashes(project)
