"""Per-language sites (generator/site/languages.py, generator/i18n/apply.py): one project per
language, translated text in place, untranslated text marked, anchors and results the same in
every language, translation mistakes reported at the translation's line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator.cli import main
from generator.errors import BuildFailed, ContentInvalid
from generator.project import Project
from generator.site import languages as site_languages
from generator.site.build import build_site
from generator.site.generate import generate
from generator.strings import load_strings
from tests.conftest import REPO, copy_project

TRILINGUAL = REPO / "tests" / "fixtures" / "trilingual"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(TRILINGUAL, tmp_path / "site")


def config(root: Path, folder: str = "") -> dict:
    return yaml.safe_load((root / "generated" / folder / "mkdocs.yml").read_text("utf-8"))


def page(root: Path, rel: str) -> str:
    return (root / "generated" / rel).read_text("utf-8")


def test_one_project_per_language_with_its_interface_search_and_selector(project: Path) -> None:
    generate(Project(project, site_url="https://example.org/kb/"))
    en, ru, zh = config(project), config(project, "ru"), config(project, "zh")
    assert (en["theme"]["language"], ru["theme"]["language"], zh["theme"]["language"]) == \
        ("en", "ru", "zh")
    assert ru["theme"]["custom_dir"] == "../overrides" and en["theme"]["custom_dir"] == "overrides"
    # The deploy subpath is in every address: the selector's links and each site_url.
    assert ru["site_url"] == "https://example.org/kb/ru/"
    assert en["extra"]["alternate"] == ru["extra"]["alternate"] == [
        {"name": "English", "link": "/kb/", "lang": "en"},
        {"name": "Русский", "link": "/kb/ru/", "lang": "ru"},
        {"name": "中文", "link": "/kb/zh/", "lang": "zh"}]
    search = {c["theme"]["language"]: next(p["search"] for p in c["plugins"]
                                           if isinstance(p, dict) and "search" in p)
              for c in (ru, zh)}
    assert search["ru"]["lang"] == ["ru", "en"]
    assert "\\u200b" in search["zh"]["separator"]  # jieba's segments are joined with it
    # The colour-scheme toggle says what it switches to, in the language.
    assert [p["toggle"]["name"] for p in ru["theme"]["palette"]] == [
        "Включить тёмную тему", "Включить светлую тему"]
    # Same page paths in every language: the selector keeps the reader on the same page.
    paths = {lang: sorted(p.relative_to(project / "generated" / lang / "docs").as_posix()
                          for p in (project / "generated" / lang / "docs").rglob("*.md"))
             for lang in ("", "ru", "zh")}
    assert paths[""] == paths["ru"] == paths["zh"]


def test_translated_text_replaces_the_english_and_edit_links_open_the_translation(
        project: Path) -> None:
    generate(Project(project))
    skill = page(project, "ru/docs/skills/testing.md")
    assert "# Тестирование" in skill and "Тесты ловят *ошибки*." in skill
    assert "Writes tests." not in skill and "mlpm-fallback" not in skill
    assert 'edit_source: "content/i18n/ru/skills/testing.yml"' in skill
    assert 'edit_source: "content/skills/testing.yml"' in page(project, "docs/skills/testing.md")


def test_untranslated_text_is_marked_with_its_language_and_a_notice(project: Path) -> None:
    generate(Project(project))
    skill = page(project, "zh/docs/skills/testing.md")
    assert "# 测试" in skill  # translated: not marked
    assert '<span lang="en" class="mlpm-fallback">Writes a unit test.</span>' in skill
    assert re.search(r'<div lang="en" class="mlpm-fallback" markdown="1">\s+Tests catch', skill)
    assert '!!! note "尚未翻译"' in skill and "中文" in skill
    # A level name inside a composed label ("1 · Basic") is marked, the label around it not.
    assert '### 1 · <span lang="en" class="mlpm-fallback">Basic</span> { #level-1 }' in skill
    assert '| 2 · <span lang="en" class="mlpm-fallback">Advanced</span> |' in page(
        project, "zh/docs/roles/tester.md")
    guide = page(project, "zh/docs/guides/start.md")
    assert '<div lang="en" class="mlpm-fallback"' in guide
    assert "尚未翻译" not in page(project, "ru/docs/skills/testing.md")


def test_heading_anchors_are_the_english_ones_in_every_language(project: Path) -> None:
    generate(Project(project))
    assert "## Первые шаги { #first-steps }" in page(project, "ru/docs/guides/start.md")
    assert "## First steps { #first-steps }" in page(project, "docs/guides/start.md")
    heading = re.compile(r"^#{2,6} .*\{ #([a-z0-9_-]+) \}$", re.MULTILINE)
    for rel in ("docs/skills/testing.md", "docs/index.md", "docs/roles/index.md"):
        assert heading.findall(page(project, rel)) == heading.findall(page(project, f"ru/{rel}"))


def test_heading_links_are_titled_in_each_language(project: Path) -> None:
    """Python-Markdown titles the link beside each heading "Permanent link" in English."""
    generate(Project(project))
    for folder, code in (("", "en"), ("ru", "ru"), ("zh", "zh")):
        toc = next(e["toc"] for e in config(project, folder)["markdown_extensions"]
                   if isinstance(e, dict) and "toc" in e)
        assert toc["permalink_title"] == load_strings(code).t("headings.permalink"), code
    assert load_strings("ru").t("headings.permalink") != load_strings("en").t("headings.permalink")


def test_results_are_the_same_whatever_the_language(project: Path) -> None:
    generate(Project(project))
    data = {lang: json.loads((project / "generated" / lang / "docs/assets/assessment/data.json")
                             .read_text("utf-8")) for lang in ("", "ru", "zh")}

    def structure(d: dict) -> object:
        return (d["content_version"],
                [(s["id"], s["rating_hash"], s["ask"], [(c["id"], c["hash"], c["answer"],
                                                         c["order"]) for c in s["checks"]])
                 for s in d["skills"]],
                [(r["id"], r["quick"]) for r in d["roles"]],
                {m: (e["questions"], e["minutes"]) for m, e in data[""]["estimates"].items()
                 if m != "method" and "questions" in e})

    assert structure(data[""]) == structure(data["ru"]) == structure(data["zh"])
    assert data["ru"]["skills"][0]["name"] == "Тестирование"
    assert data["ru"]["strings"]["language"] == "ru"


def test_a_mistake_in_a_translation_is_reported_at_the_translation_line(project: Path) -> None:
    path = project / "content/i18n/ru/skills/testing.yml"
    path.write_text(path.read_text("utf-8").replace(
        "summary: {text: Пишет тесты.", "summary: {text: Пишет <script>alert(1)</script> тесты."),
        "utf-8")
    with pytest.raises(ContentInvalid) as caught:
        generate(Project(project))
    assert [(e.path, e.line) for e in caught.value.errors] == \
        [("content/i18n/ru/skills/testing.yml", 2)]
    assert not (project / "generated").exists()  # nothing written


def test_a_stale_translation_shows_the_current_english(project: Path) -> None:
    skill = project / "content/skills/testing.yml"
    skill.write_text(skill.read_text("utf-8").replace("summary: Writes tests.",
                                                      "summary: Writes good tests."), "utf-8")
    generate(Project(project))
    text = page(project, "ru/docs/skills/testing.md")
    assert "Writes good tests." in text and "Пишет тесты." not in text
    assert 'lang="en"' in text


def test_serving_one_language_generates_only_it(project: Path) -> None:
    generate(Project(project), only=("ru",))
    assert (project / "generated/ru/mkdocs.yml").exists()
    assert not (project / "generated/mkdocs.yml").exists()
    # The selector still lists every language.
    assert len(config(project, "ru")["extra"]["alternate"]) == 3
    with pytest.raises(Exception, match="no language xx"):
        generate(Project(project), only=("xx",))


def test_terminal_commands_speak_the_chosen_language(project: Path, tmp_path: Path) -> None:
    from generator.assessment.lookup import load_assessment
    from tests.assessment.helpers import result_json, write_json

    english = load_assessment(project)
    result = write_json(tmp_path / "r.json", result_json(english.data, {"testing": 2},
                                                         {"flaky-test": 1}, role="tester"))

    def report(*args: str) -> str:
        out = CliRunner().invoke(main, ["report", "--root", str(project), str(result),
                                        "--format", "json", *args])
        assert out.exit_code == 0, out.output
        return out.output

    scored = {lang: json.loads(report(*(("--lang", lang) if lang else ())))
              for lang in ("", "ru", "zh")}
    assert scored[""]["skills"] == scored["ru"]["skills"] == scored["zh"]["skills"]
    text = CliRunner().invoke(main, ["report", "--root", str(project), str(result),
                                     "--format", "md", "--lang", "ru"]).output
    assert "Тестирование" in text and "Testing" not in text
    out = CliRunner().invoke(main, ["report", "--root", str(project), str(result), "--lang",
                                    "xx"])
    assert out.exit_code == 1 and "no language xx" in out.output


def test_untranslated_assessment_text_says_its_language(project: Path) -> None:
    generate(Project(project))
    zh = (project / "generated/zh/docs/assets/assessment/data.json").read_text("utf-8")
    ru = (project / "generated/ru/docs/assets/assessment/data.json").read_text("utf-8")
    assert '<span lang=\\"en\\" class=\\"mlpm-fallback\\">Writes a unit test.</span>' in zh
    assert "mlpm-fallback" not in ru


def test_a_chinese_site_does_not_build_without_its_segmenter(project: Path, monkeypatch) -> None:
    generate(Project(project))
    monkeypatch.setattr(site_languages.importlib.util, "find_spec",
                        lambda name: None if name == "jieba" else object())
    with pytest.raises(BuildFailed, match="jieba"):
        build_site(Project(project))
    assert not (project / "site").exists()


def test_every_language_builds_into_its_folder(project: Path) -> None:
    generate(Project(project))
    site = build_site(Project(project))
    assert '<html lang="ru"' in (site / "ru/index.html").read_text("utf-8")
    assert '<html lang="zh"' in (site / "zh/index.html").read_text("utf-8")
    assert '<html lang="en"' in (site / "index.html").read_text("utf-8")
    index = json.loads((site / "zh/search/search_index.json").read_text("utf-8"))
    titles = " ".join(doc["title"] for doc in index["docs"])
    assert "测试" in titles
    assert (site / "ru/sitemap.xml").exists()  # the selector reads it to keep the page


def test_zensical_builds_every_language_too(project: Path) -> None:
    generate(Project(project))
    site = build_site(Project(project), engine="zensical")
    assert '<html lang="ru"' in (site / "ru/index.html").read_text("utf-8")
    assert "Тестирование" in (site / "ru/skills/testing/index.html").read_text("utf-8")
    assert 'hreflang="zh"' in (site / "index.html").read_text("utf-8")


def test_each_language_can_start_building_as_soon_as_it_is_written(project: Path) -> None:
    seen = []

    def ready(folder: str) -> None:
        generated = project / "generated"
        seen.append((folder, (generated / folder / "mkdocs.yml").exists(),
                     (generated / "zh" / "mkdocs.yml").exists()))

    generate(Project(project), ready=ready)
    assert seen == [("", True, False), ("ru/", True, False), ("zh/", True, True)]


def test_a_failed_language_build_leaves_the_site_and_nothing_running(project: Path) -> None:
    generate(Project(project))
    site = build_site(Project(project))
    before = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*")
              if p.is_file()}
    config = project / "generated" / "zh" / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "\nnot_a_setting_mkdocs_knows: 1\n", "utf-8")
    with pytest.raises(BuildFailed, match=r"\[zh\]"):
        build_site(Project(project))
    after = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*")
             if p.is_file()}
    assert after == before
    assert not [p.name for p in project.iterdir() if p.name.startswith(".site.new")]
