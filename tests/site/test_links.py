"""A guide's link to another page must lead to a page of the site: checked before MkDocs, at
the line of the file the text came from; and MkDocs' own warnings fail a build (they were
once silenced with its logger, so a dead link was published)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES, REPO, copy_project, run_cli


def _append(path: Path, text: str) -> int:
    """Append a paragraph to a Markdown file; the 1-based line it lands on."""
    body = path.read_text(encoding="utf-8").rstrip("\n")
    path.write_text(body + "\n\n" + text + "\n", encoding="utf-8")
    return body.count("\n") + 3


def test_a_mistyped_page_link_is_a_mistake_at_its_line(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "minimal", tmp_path / "p")
    guide = project / "content/guides/start.md"
    line = _append(guide, "See [the skill](../skills/testin.md) and [this one](start.md#first"
                          "-steps), [tests](../skills/testing.md#why-it-matters).")
    result = run_cli("build", "--root", str(project), cwd=tmp_path)
    assert result.code == 1 and "Traceback" not in result.err
    assert (f"content/guides/start.md:{line}: a link leads to no page of this site (expected a "
            "page such as ../skills/<skill-id>.md or <guide>.md, got '../skills/testin.md'); "
            "did you mean '../skills/testing.md'?") in result.err
    assert result.err.count("a link leads to no page") == 1  # the good ones pass
    assert not (project / "site").exists()


def test_a_translated_guides_link_is_reported_in_the_translation(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "trilingual", tmp_path / "p")
    line = _append(project / "content/i18n/ru/guides/start.md", "См. [навык](../skills/nope.md).")
    result = run_cli("validate", "--root", str(project), cwd=tmp_path)
    assert result.code == 1, result.err
    assert f"content/i18n/ru/guides/start.md:{line}: a link leads to no page" in result.err


@pytest.mark.content
def test_a_link_to_a_skill_a_fork_removed_is_named(tmp_path: Path) -> None:
    """fork/remove.yml takes a skill out; a guide that links to it says where (whichever
    skill of this project's content a guide links to first)."""
    import re

    project = copy_project(REPO, tmp_path / "p")
    found = None
    for guide in sorted((project / "content/guides").glob("*.md")):
        for number, line in enumerate(guide.read_text(encoding="utf-8").splitlines(), 1):
            link = re.search(r"\]\(\.\./skills/([a-z0-9-]+)\.md", line)
            if link and (project / f"content/skills/{link[1]}.yml").is_file():
                found = (guide.relative_to(project).as_posix(), number, link[1])
                break
        if found:
            break
    if found is None:
        pytest.skip("no guide of this content links to a skill page")
    path, number, skill = found
    (project / "fork").mkdir()
    (project / "fork/remove.yml").write_text(f"skills: [{skill}]\n", encoding="utf-8")
    result = run_cli("validate", "--root", str(project), cwd=tmp_path)
    assert result.code == 1, result.err
    assert f"{path}:{number}: a link leads to no page of this site" in result.err, result.err


def test_a_mkdocs_warning_fails_the_build_and_keeps_the_site(tmp_path: Path) -> None:
    """A link in a skill's text is not a guide's (its page depends on where it is shown):
    MkDocs finds it, and its warning now counts."""
    project = copy_project(FIXTURES / "minimal", tmp_path / "p")
    assert run_cli("build", "--root", str(project), cwd=tmp_path).code == 0
    before = (project / "site/index.html").read_bytes()
    skill = project / "content/skills/testing.yml"
    text = skill.read_text(encoding="utf-8")
    skill.write_text(text.replace("why_it_matters: ", "why_it_matters: See [x](nope.md). ", 1),
                     encoding="utf-8")
    assert "See [x](nope.md)" in skill.read_text(encoding="utf-8")
    result = run_cli("build", "--root", str(project), cwd=tmp_path)
    assert result.code == 1 and "nope.md" in result.err, result.err
    assert (project / "site/index.html").read_bytes() == before
