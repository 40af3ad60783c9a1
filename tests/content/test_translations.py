"""Translation status (``generator.i18n``): missing, stale, orphaned and mismatched texts are
found for any content; a language marked complete fails on anything missing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator.cli import main
from generator.i18n.status import content_status, source_units
from generator.i18n.units import fingerprint, units
from tests.conftest import REPO

MINIMAL = REPO / "tests" / "fixtures" / "minimal"


def translations(root: Path, *args: str):
    return CliRunner().invoke(main, ["translations", "--root", str(root), *args])


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(MINIMAL, root)
    framework = root / "content" / "framework.yml"
    framework.write_text(framework.read_text(encoding="utf-8") + "languages:\n  - {code: ru, "
                         "name: Русский, status: in-progress}\n", encoding="utf-8")
    skill = root / "content" / "skills" / "testing.yml"
    skill.write_text(skill.read_text(encoding="utf-8").replace(
        "summary: Writes tests.", "summary: Writes tests, see [the guide](../guides/start.md)."),
        encoding="utf-8")
    return root


def write(root: Path, rel: str, data: dict) -> None:
    path = root / "content" / "i18n" / "ru" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def english(root: Path, rel: str, key: str):
    return source_units(root / "content")[rel][key]


def test_each_kind_of_problem_is_found(project: Path) -> None:
    name = english(project, "skills/testing.yml", "name")
    summary = english(project, "skills/testing.yml", "summary")
    write(project, "skills/testing.yml", {
        "name": {"text": "Тестирование", "from": fingerprint(name)},
        "why_it_matters": {"text": "Тесты ловят ошибки.", "from": "0000000000"},
        "summary": {"text": "Пишет тесты, см. [руководство](../guides/other.md).",
                    "from": fingerprint(summary)},
        "checks.gone-check.question": {"text": "?", "from": "0000000000"},
    })
    write(project, "roles.yml", {"roles.tester.name": "Тестировщик"})  # no fingerprint
    st = content_status(project, "ru", "in-progress")
    rel = "content/i18n/ru/skills/testing.yml"
    assert st.done == 1
    assert st.stale == [f"{rel}: why_it_matters"]
    assert st.orphaned == [f"{rel}: checks.gone-check.question"]
    assert st.mismatched == [(f"{rel}: summary (expected ['](../guides/start.md'], got "
                             "['](../guides/other.md'])")]
    assert st.errors == [("content/i18n/ru/roles.yml:1: roles.tester.name: expected 'text' and "
                         "'from' (the translation and the fingerprint of its English)")]
    assert f"{rel}: summary" not in st.missing and f"{rel}: levels.1.how_to_reach" in st.missing
    result = translations(project)
    assert result.exit_code == 1
    assert "translations need work: ru" in result.output
    assert "ru — stale (1):\n  content/i18n/ru/skills/testing.yml: why_it_matters" in result.output


def test_missing_texts_fail_only_a_language_marked_complete(project: Path) -> None:
    assert translations(project).exit_code == 0  # in progress: missing is progress, not failure
    framework = project / "content" / "framework.yml"
    framework.write_text(framework.read_text(encoding="utf-8").replace(
        "status: in-progress", "status: complete"), encoding="utf-8")
    assert translations(project).exit_code == 1


def test_the_todo_list_fills_in_to_a_fresh_translation(project: Path) -> None:
    todo = yaml.safe_load(translations(project, "--todo", "ru").output)
    for path, entries in todo.items():
        data = {key: {"text": f"[ru] {entry['en']}" if isinstance(entry["en"], str)
                      else entry["en"], "from": entry["from"]} for key, entry in entries.items()}
        if path.endswith(".md"):
            continue  # guides are whole files; see the next test
        target = project / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    st = content_status(project, "ru", "in-progress")
    assert not (st.stale or st.orphaned or st.mismatched or st.errors)
    assert st.missing == ["content/i18n/ru/guides/start.md: guide"]


def test_a_guide_records_the_english_it_was_made_from(project: Path) -> None:
    guide = english(project, "guides/start.md", "guide")
    target = project / "content" / "i18n" / "ru" / "guides" / "start.md"
    target.parent.mkdir(parents=True)
    target.write_text(f"---\ntitle: Начало\nsummary: Как начать.\nfrom: {fingerprint(guide)}\n"
                      "---\n## Первые шаги\n\nНапишите тест.\n", encoding="utf-8")
    st = content_status(project, "ru", "in-progress")
    assert "content/i18n/ru/guides/start.md: guide" not in st.missing + st.stale
    source = project / "content" / "guides" / "start.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nA new paragraph.\n",
                      encoding="utf-8")
    assert content_status(project, "ru", "in-progress").stale == [
        "content/i18n/ru/guides/start.md: guide"]


def test_an_undeclared_language_folder_and_a_file_without_english_are_reported(
        project: Path) -> None:
    write(project, "skills/deleted.yml", {})
    (project / "content" / "i18n" / "de").mkdir()
    result = translations(project)
    assert result.exit_code == 1
    assert "content/i18n/ru/skills/deleted.yml: no such English file" in result.output
    assert "content/i18n/de: a translation folder for a language content/framework.yml does " \
           "not declare" in result.output


def test_keys_name_items_by_id_so_reordering_orphans_nothing() -> None:
    a = {"checks": [{"id": "one", "question": "Q1", "options": [{"text": "x", "correct": True}]},
                    {"id": "two", "question": "Q2"}], "url": "https://x", "title": "A book"}
    b = {"checks": list(reversed(a["checks"])), "url": "https://x", "title": "A book"}
    assert units(a) == {"checks.one.question": "Q1", "checks.one.options.0.text": "x",
                        "checks.two.question": "Q2"}
    assert units(a).keys() == units(b).keys()


@pytest.mark.content
def test_the_shipped_content_passes_its_translation_check() -> None:
    result = translations(REPO)
    assert result.exit_code == 0, result.output
