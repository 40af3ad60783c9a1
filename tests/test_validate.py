"""Content mistakes: each one is reported at its file:line with the exact text a user sees.

Every case edits one file of the smallest valid project and names the message the
validator must print. The corpus grows with every kind of mistake we learn about.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.errors import ContentInvalid
from generator.load import load_content
from generator.validate import validate

from .conftest import run_cli


@dataclass(frozen=True)
class Case:
    name: str
    file: str
    old: str
    new: str
    expected: str


SKILL = "content/skills/testing.yml"
CASES = [
    Case("yaml syntax error", "content/framework.yml", "areas:", "areas: [",
         "content/framework.yml:10: YAML syntax error: expected the node content, but found '-'"),
    Case("duplicate key", "content/glossary.yml", "term: Flaky test", "term: Flaky test, term: x",
         "content/glossary.yml:2: YAML syntax error: duplicate key 'term' (first at line 2)"),
    Case("unknown key with hint", SKILL, "name: Testing", "name: Testing\nnmae: x",
         "content/skills/testing.yml:4: unknown key 'nmae' (expected one of: id, area, name, "
         "order, summary, why_it_matters, levels, checks, sources); did you mean 'name'?"),
    Case("unknown nested key", SKILL, "id: flaky-test", "id: flaky-test\n    bogus: 1",
         "content/skills/testing.yml:15: unknown key 'bogus' (expected one of: id, question, "
         "options, sources, quick)"),
    Case("wrong type", SKILL, "summary: Writes tests.", "summary: [Writes tests.]",
         "content/skills/testing.yml:4: summary: wrong type (expected text, got a list of 1 item)"),
    Case("unknown area", SKILL, "area: craft", "area: craf",
         "content/skills/testing.yml:2: area: unknown area 'craf' (expected one of: craft); "
         "did you mean 'craft'?"),
    Case("unknown source", SKILL, "sources: [book]", "sources: [bok]",
         "content/skills/testing.yml:20: sources: unknown source 'bok' (expected the id of a "
         "source defined in the content); did you mean 'book'?"),
    Case("raw html in a field", SKILL, "why_it_matters: Tests catch *mistakes*.",
         "why_it_matters: Tests <script>alert(1)</script>",
         "content/skills/testing.yml:5: why_it_matters: raw HTML is not allowed (expected "
         "Markdown text, got '<script>')"),
    Case("missing level", SKILL,
         "  2:\n    behaviours: [Designs a test strategy.]\n    how_to_reach: Lead a project's "
         "testing.\n", "",
         "content/skills/testing.yml:6: levels: missing level 2 (expected levels 1, 2, got 1)"),
    Case("no correct option", SKILL, "correct: true", "correct: false",
         "content/skills/testing.yml:17: checks[0].options: a check needs exactly one best answer "
         "(expected one option with 'correct: true', got 0)"),
    Case("bad skill id", SKILL, "id: testing", "id: Testing",
         "content/skills/testing.yml:1: id: not a valid id (expected lowercase words joined by "
         "hyphens, like 'ml-fundamentals', got 'Testing')"),
    Case("id not matching file", SKILL, "id: testing", "id: testing-skill",
         "content/skills/testing.yml:1: id: the skill id must match its file name (expected "
         "'testing', got 'testing-skill')"),
    Case("unknown kind", "content/resources.yml", "kind: book", "kind: bok",
         "content/resources.yml:5: resources[0].kind: not an allowed value (expected one of: book, "
         "article, course, video, guide, paper, podcast, newsletter, talk, tool, got 'bok'); "
         "did you mean 'book'?"),
    Case("non-https url", "content/resources.yml", "url: https://example.com/tdd",
         "url: http://example.com/tdd",
         "content/resources.yml:6: resources[0].url: a malformed or non-https URL (expected "
         "'https://…', got 'http://example.com/tdd')"),
    Case("malformed url", "content/resources.yml", "url: https://example.com/tdd",
         "url: https:// example",
         "content/resources.yml:6: resources[0].url: a malformed or non-https URL (expected "
         "'https://…', got 'https:// example')"),
    Case("quoted number", "content/resources.yml", "year: 2002", "year: '2002'",
         "content/resources.yml:7: resources[0].year: wrong type (expected a whole number, got "
         "'2002')"),
    Case("out of range", "content/resources.yml", "minutes: 600", "minutes: 0",
         "content/resources.yml:9: resources[0].minutes: out of range (expected a number ≥ 1, "
         "got 0)"),
    Case("resource with unknown skill", "content/resources.yml", "skills: [testing]",
         "skills: [tests]",
         "content/resources.yml:11: resources[0].skills: unknown skill 'tests' (expected the id "
         "of a skill defined in the content); did you mean 'testing'?"),
    Case("role with unknown skill", "content/roles.yml", "testing: {level: 2",
         "tsting: {level: 2",
         "content/roles.yml:6: roles[0].expectations: unknown skill 'tsting' (expected the id of "
         "a skill defined in content/skills); did you mean 'testing'?"),
    Case("role missing a skill", "content/roles.yml", "testing: {level: 2", "tsting: {level: 2",
         "content/roles.yml:5: roles[0].expectations: role 'tester' sets no level for skill "
         "'testing' (expected every skill to have a level and importance)"),
    Case("role level above scale", "content/roles.yml", "level: 2", "level: 7",
         "content/roles.yml:6: roles[0].expectations.testing.level: above the scale (expected at "
         "most 2, got 7)"),
    Case("missing required key", "content/roles.yml", "    summary: Tests things.\n", "",
         "content/roles.yml:2: missing required key 'summary' in roles[0]"),
    Case("duplicate id", "content/sources.yml", "summary: A source.}",
         "summary: A source.}\n  - {id: book, title: Again, language: en, summary: Twice.}",
         "content/sources.yml:3: duplicate source id 'book' (expected each source id once, got a "
         "second one; the first is at content/sources.yml:2)"),
    Case("unquoted version", "content/framework.yml", 'version: "0.1"', "version: 0.1",
         "content/framework.yml:4: version: wrong type (expected text, got 0.1)"),
    Case("bad language code", "content/sources.yml", "language: en", "language: english",
         "content/sources.yml:2: sources[0].language: a malformed language code (expected a "
         "code like 'en' or 'ru', got 'english')"),
    Case("guide with unknown skill", "content/guides/start.md", "skills: [testing]",
         "skills: [tsting]",
         "content/guides/start.md:4: skills: unknown skill 'tsting' (expected the id of a skill "
         "defined in the content); did you mean 'testing'?"),
    Case("raw html in a guide", "content/guides/start.md", "Write a test.",
         "Write a <b>test</b>.",
         "content/guides/start.md:8: raw HTML is not allowed in a guide (expected Markdown, "
         "got '<b>')"),
    Case("guide without front matter", "content/guides/start.md", "---\ntitle", "title",
         "content/guides/start.md:1: a guide must start with YAML front matter (expected '---', "
         "got 'title: Getting started')"),
    Case("empty file", "content/glossary.yml",
         "terms:\n  - {id: flaky, term: Flaky test, definition: A test that passes and fails "
         "without a change.}\n", "",
         "content/glossary.yml:1: expected a mapping of keys at the top level, got an empty file"),
    Case("python tag refused", "content/sources.yml", "title: A book",
         "title: !!python/object/apply:os.system ['echo hi']",
         "content/sources.yml:2: YAML syntax error: could not determine a constructor for the tag "
         "'tag:yaml.org,2002:python/object/apply:os.system'"),
    Case("tab indentation", SKILL, "  1:\n", "\t1:\n",
         "content/skills/testing.yml:7: YAML syntax error: found character '\\t' that cannot "
         "start any token"),
    Case("top-level list", "content/roles.yml", "roles:\n", "- roles:\n",
         "content/roles.yml:1: expected a mapping of keys at the top level, got a list of 1 item"),
    Case("empty text", SKILL, "summary: Writes tests.", "summary: ''",
         "content/skills/testing.yml:4: summary: empty text (expected some text, got '')"),
    Case("level not a number", SKILL, "  1:\n", "  one:\n",
         "content/skills/testing.yml:7: levels.one: wrong type (expected a whole number, got 'one')"),
    Case("unknown level", SKILL, "  2:\n", "  5:\n",
         "content/skills/testing.yml:10: levels: unknown level 5 (expected one of 1, 2 from the "
         "framework's scale)"),
    Case("two correct options", SKILL, "correct: true", "correct: true, correct2: 1",
         "content/skills/testing.yml:18: unknown key 'correct2' (expected one of: text, correct, "
         "explanation); did you mean 'correct'?"),
    Case("one option only", SKILL,
         "      - {text: Retry it three times., explanation: That hides the problem.}\n", "",
         "content/skills/testing.yml:17: checks[0].options: too few items (expected at least 2, "
         "got 1)"),
    Case("bool as text", SKILL, "name: Testing", "name: yes",
         "content/skills/testing.yml:3: name: wrong type (expected text, got true (true/false))"),
    Case("duplicate check id", SKILL, "    quick: true\n",
         "    quick: true\n    question: A test fails one run in ten. What first?\n"
         "    options:\n      - {text: a, correct: true, explanation: b}\n"
         "      - {text: c, explanation: d}\n  - id: flaky-test\n",
         "content/skills/testing.yml:20: duplicate check id 'flaky-test' (expected each check id "
         "once, got a second one; the first is at content/skills/testing.yml:14)"),
    Case("importance out of range", "content/roles.yml", "importance: 3", "importance: 4",
         "content/roles.yml:6: roles[0].expectations.testing.importance: out of range (expected a "
         "number ≤ 3, got 4)"),
    Case("missing cost", "content/resources.yml", "    cost: paid\n", "",
         "content/resources.yml:2: missing required key 'cost' in resources[0]"),
    Case("resource level above scale", "content/resources.yml", "level: 1", "level: 5",
         "content/resources.yml:10: resources[0].level: above the scale (expected at most 2, got 5)"),
    Case("javascript url", "content/resources.yml", "url: https://example.com/tdd",
         "url: javascript:alert(1)",
         "content/resources.yml:6: resources[0].url: a malformed or non-https URL (expected "
         "'https://…', got 'javascript:alert(1)')"),
    Case("glossary word twice", "content/glossary.yml", "without a change.}",
         "without a change.}\n  - {id: flaky2, term: flaky test, definition: Again.}",
         "content/glossary.yml:3: terms[1]: the word 'flaky test' is already used by terms[0] "
         "(expected each term and alias once, so its tooltip is unambiguous)"),
    Case("level scale with a hole", "content/framework.yml", "value: 2", "value: 3",
         "content/framework.yml:5: levels: the scale must count up by one (expected consecutive "
         "values, got 0, 1, 3)"),
    Case("bad date", "content/sources.yml", "language: en", "language: en, date: 31/01/2022",
         "content/sources.yml:2: sources[0].date: a malformed date (expected 'YYYY-MM-DD' in "
         "quotes, got '31/01/2022')"),
    Case("unclosed front matter", "content/guides/start.md", "---\n## First", "## First",
         "content/guides/start.md:1: the front matter is never closed (expected a second '---' "
         "line)"),
    Case("mapping as a key (found by fuzzing)", SKILL, "name: Testing", "{a: 1}: Testing",
         "content/skills/testing.yml:3: YAML syntax error: a mapping key must be a plain value, "
         "not a list or mapping"),
    Case("control character (found by fuzzing)", "content/framework.yml", "name: Test",
         "name: \x1fTest",
         "content/framework.yml:1: a character YAML does not allow (expected printable text, got "
         "#x001f)"),
    Case("javascript link in Markdown", SKILL, "why_it_matters: Tests catch *mistakes*.",
         "why_it_matters: 'Tests catch [mistakes](javascript:alert(1)).'",
         "content/skills/testing.yml:5: why_it_matters: a script or data URL is not allowed "
         "(expected plain Markdown, got 'javascript:')"),
    Case("attribute list in a field", SKILL, "why_it_matters: Tests catch *mistakes*.",
         "why_it_matters: 'Tests catch *mistakes*{ onmouseover=alert(1) }'",
         "content/skills/testing.yml:5: why_it_matters: an attribute list is not allowed "
         "(expected plain Markdown, got '{ onmouseover=alert(1) }')"),
    Case("protocol-relative link", SKILL, "why_it_matters: Tests catch *mistakes*.",
         "why_it_matters: 'See [this](//evil.example/).'",
         "content/skills/testing.yml:5: why_it_matters: unsafe link (expected an https:// URL or a "
         "relative link, got '//evil.example/')"),
    Case("data image in a guide", "content/guides/start.md", "Write a test.",
         "Write a test. ![x](data:image/svg+xml;base64,PHN2Zz4=)",
         "content/guides/start.md:8: unsafe link (expected an https:// URL or a relative link, "
         "got 'data:image/svg+xml;base64,PHN2Zz4=')"),
    Case("plain http link in Markdown", SKILL, "why_it_matters: Tests catch *mistakes*.",
         "why_it_matters: 'See [this](http://example.com).'",
         "content/skills/testing.yml:5: why_it_matters: unsafe link (expected an https:// URL or a "
         "relative link, got 'http://example.com')"),
    Case("html comment in a field", SKILL, "why_it_matters: Tests catch *mistakes*.",
         "why_it_matters: 'Tests <!-- hidden --> catch'",
         "content/skills/testing.yml:5: why_it_matters: raw HTML is not allowed (expected Markdown "
         "text, got '<!-- hidden -->')"),
]


def _break(project: Path, case: Case) -> None:
    path = project / case.file
    text = path.read_text(encoding="utf-8")
    assert case.old in text, f"case {case.name!r} no longer matches the fixture"
    path.write_text(text.replace(case.old, case.new, 1), encoding="utf-8")


def _messages(project: Path) -> list[str]:
    try:
        validate(load_content(project))
    except ContentInvalid as invalid:
        return [str(error) for error in invalid.errors]
    return []


def test_fixture_is_valid(minimal: Path) -> None:
    assert _messages(minimal) == []


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_mistake_is_reported_at_its_line(minimal: Path, case: Case) -> None:
    _break(minimal, case)
    messages = _messages(minimal)
    assert case.expected in messages, "\n".join(messages)


def test_all_mistakes_are_reported_in_one_run_without_traceback(minimal: Path) -> None:
    chosen = [CASES[2], CASES[12], CASES[24]]  # three different files
    for case in chosen:
        _break(minimal, case)
    result = run_cli("validate", cwd=minimal)
    assert result.code == 1
    assert "Traceback" not in result.err
    for case in chosen:
        assert case.expected in result.err.splitlines()
    assert result.err.splitlines()[-1] == "Found 3 problems in the content; nothing was written."


def test_a_failed_build_leaves_the_previous_site_untouched(minimal: Path) -> None:
    assert run_cli("build", cwd=minimal).code == 0
    before = {p.relative_to(minimal): p.read_bytes() for p in (minimal / "site").rglob("*")
              if p.is_file()}
    _break(minimal, CASES[5])
    result = run_cli("build", cwd=minimal)
    assert result.code == 1
    assert "Traceback" not in result.err
    after = {p.relative_to(minimal): p.read_bytes() for p in (minimal / "site").rglob("*")
             if p.is_file()}
    assert after == before


@pytest.fixture(scope="module")
def built_minimal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from .conftest import FIXTURES, copy_project

    project = copy_project(FIXTURES / "minimal", tmp_path_factory.mktemp("built") / "p")
    assert run_cli("build", cwd=project).code == 0
    return project


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_mistake_fails_the_build_cleanly_and_keeps_the_site(
        built_minimal: Path, tmp_path: Path, case: Case) -> None:
    import shutil

    from click.testing import CliRunner

    from generator.cli import main

    project = tmp_path / "p"
    shutil.copytree(built_minimal, project)
    before = _tree(project / "site")
    _break(project, case)
    result = CliRunner().invoke(main, ["build", "--root", str(project)])
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit), "a content mistake escaped as an exception"
    assert case.expected in result.output.splitlines()
    assert _tree(project / "site") == before
