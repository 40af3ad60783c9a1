"""A project's own interface strings (``content/strings/<code>.yml``, a layer's
``fork/strings/<code>.yml``; generator/content/interface.py): a fork words the interface its
own way, or gives it a language the generator does not ship, without editing the package —
and a mistake or a hostile text in them is refused at its line, like any content."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from generator.content.interface_status import missing_strings
from generator.content.load import load_content
from generator.content.safety import inert_text
from generator.strings import load_strings, package_table
from tests.conftest import FIXTURES, copy_project, run_cli


def german(root: Path, strings: str | None, name: str = "de.yml") -> Path:
    """The minimal fixture with German as its language, and ``strings`` as its own file."""
    project = copy_project(FIXTURES / "minimal", root)
    framework = project / "content/framework.yml"
    framework.write_text("language: de\n" + framework.read_text(encoding="utf-8"),
                         encoding="utf-8")
    if strings is not None:
        (project / "content/strings").mkdir()
        (project / "content/strings" / name).write_text(strings, encoding="utf-8")
    return project


GERMAN = """\
nav:
  home: Start
  skills: Fähigkeiten
  assessment: Selbsteinschätzung
home:
  start_assessment: Selbsteinschätzung starten
  skills_count: {one: "eine Fähigkeit", other: "{n} Fähigkeiten"}  # "one" may leave out {n}
assessment:
  start: Los geht's
skill:
  reading_heading: Was Sie lesen können
importance:
  3: Hoch
cli:
  validate:
    valid: "Der Inhalt ist gültig: {counts}."
"""


def test_own_strings_reach_pages_the_browser_data_and_the_terminal(tmp_path: Path) -> None:
    project = german(tmp_path / "p", GERMAN)
    checked = run_cli("validate", "--root", str(project), cwd=tmp_path)
    assert checked.code == 0, checked.err
    assert checked.out.startswith("Der Inhalt ist gültig: ")  # the terminal
    built = run_cli("build", "--root", str(project), cwd=tmp_path)
    assert built.code == 0, built.err
    site = project / "site"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Selbsteinschätzung starten" in home and 'lang="de"' in home
    skill = next((site / "skills").glob("*/index.html")).read_text(encoding="utf-8")
    assert "Was Sie lesen können" in skill and "Hoch" in skill
    assert "What to read" not in skill  # the generator's English is replaced, not added to
    data = json.loads((site / "assets/assessment/data.json").read_text(encoding="utf-8"))
    assert data["strings"]["start"] == "Los geht's"  # what the browser's assessment shows
    # A key the file leaves out is still there, in English, and says so at build time.
    assert data["strings"]["name_label"] == package_table("en")["assessment"]["name_label"]
    assert re.search(r"content/strings/de\.yml: note: \d+ of \d+ interface strings have "
                     r"no 'de' text", built.err)


def test_a_language_without_any_strings_is_a_note_at_its_line(tmp_path: Path) -> None:
    """A note, not a warning: a team publishing with --strict (the Pages workflow) can ship
    while it translates the interface."""
    project = german(tmp_path / "p", None)
    resources = project / "content/resources.yml"  # no placeholder-address warnings
    resources.write_text(resources.read_text(encoding="utf-8").replace(
        "https://example.com/tdd", "https://martinfowler.com/bliki/TestDrivenDevelopment.html"),
        encoding="utf-8")
    addresses = ("--site-url", "https://skills.acme.de/", "--repo-url",
                 "https://github.com/acme/skills")
    result = run_cli("validate", "--strict", *addresses, "--root", str(project), cwd=tmp_path)
    assert result.code == 0, result.err
    assert re.search(r"content/framework\.yml:1: note: (\d+) of \1 interface strings have no "
                     r"'de' text, so buttons, headings and the assessment's questions show them "
                     r"in English \(expected them in content/strings/de\.yml; missing e\.g\. "
                     r".*`python -m generator translations --todo de` lists them all", result.err)
    todo = run_cli("translations", "--todo", "de", "--root", str(project), cwd=tmp_path)
    assert todo.code == 0, todo.err
    listed = yaml.safe_load(todo.out)
    assert list(listed) == ["content/strings/de.yml"]  # de is the content's own language
    assert listed["content/strings/de.yml"] == package_table("en")


def test_shipped_languages_need_no_strings_of_their_own(tmp_path: Path) -> None:
    for fixture in ("minimal", "trilingual"):
        project = copy_project(FIXTURES / fixture, tmp_path / fixture)
        assert missing_strings(load_content(project)) == []


MISTAKES = """\
nav:
  home: Start
  skils: Fähigkeiten
  assessment: [a, b]
home: Start
importance:
  1: "Niedrig {n}"
  2: "Mittel {0} {x.__class__}"
  3: "Hoch {{x}}"
skill:
  checks_text: "{n} Fragen"
reading:
  level: {one: "x", other: "{n}"}
kinds:
  article: "<img src=x onerror=alert(1)>"
assessment:
  decimal_separator: 12
  intro: "[hier](javascript:alert(1))"
  start: "Los { onclick=alert(1) }"
  answers: {one: "{n} Antwort", few: "{n}", pie: "{n}"}
  progress: "Fähigkeit {step} von {steps} {answered"
home_x: 1
reading_tools:
  count: "{n} angezeigt"
  mark: "  "
start_assessment: Los
"""

EXPECTED = [
    (3, ("unknown interface string 'nav.skils' (expected a key of generator/strings/en.yml); "
        "did you mean 'skills'?")),
    (4, ("nav.assessment: expected text (quote it if it reads as a number or true/false), got "
        "a list of 2 items")),
    (5, "home: a group of strings (expected a mapping of its keys"),
    (7, "importance.1: unknown placeholder {n} (expected none: this text takes no values)"),
    (8, "importance.2: expected a plain placeholder, got {0}"),
    (8, "importance.2: expected a plain placeholder, got {x.__class__}"),
    (9, "importance.3: doubled braces"),
    (11, ("skill.checks_text: this text counts something (expected plural forms such as "
         "{one: \"The self-assessment asks {n} scenario question")),
    (13, ("reading.level: expected text (quote it if it reads as a number or true/false), got "
         "plural forms")),
    (15, "kinds.article: raw HTML is not allowed"),
    (17, "assessment.decimal_separator: expected text"),
    (18, "assessment.intro: a script or data URL is not allowed"),
    (19, "assessment.start: an attribute list is not allowed"),
    (20, "assessment.answers: no 'other' form (expected 'other'"),
    (20, ("assessment.answers: unknown plural form 'pie' (expected one of: zero, one, two, few, "
         "many, other)")),
    (21, ("assessment.progress: a '{' or '}' that is not a placeholder (expected braces only "
         "around a placeholder such as {answered}, {step}, {steps}, {total}")),
    (22, "unknown interface string 'home_x'"),
    (24, ("reading_tools.count: leaves out {total} (expected every value the English text "
         "shows: {n}, {total}; put each where your language says it)")),
    (25, "reading_tools.mark: expected text, got nothing"),
    (26, ("unknown interface string 'start_assessment' (expected a key of "
         "generator/strings/en.yml); did you mean 'home.start_assessment'?")),
]


def test_every_mistake_is_reported_at_its_line_in_one_run(tmp_path: Path) -> None:
    project = german(tmp_path / "p", MISTAKES)
    result = run_cli("build", "--root", str(project), cwd=tmp_path)
    assert result.code == 1 and "Traceback" not in result.err
    for line, message in EXPECTED:
        assert f"content/strings/de.yml:{line}: {message}" in result.err, (line, result.err)
    assert "nothing was written" in result.err
    assert not (project / "site").exists() and not (project / "generated").exists()


@pytest.mark.parametrize(("name", "text", "message"), [
    ("fr.yml", "nav: {home: Accueil}\n", ("content/strings/fr.yml:1: strings for 'fr', which "
     "this framework does not use (expected one of: de; translations are declared under "
     "'languages:' in content/framework.yml)")),
    ("German.yml", "nav: {home: Start}\n", ("content/strings/German.yml: a strings file is "
     "named by its language code (expected e.g. 'de.yml' or 'pt-BR.yml', got 'German.yml')")),
    ("de.yml", "- nav\n", "content/strings/de.yml:1: expected a mapping of interface strings"),
    ("de.yml", "nav: {home: Start\n", "content/strings/de.yml:1: YAML syntax error"),
])
def test_a_file_that_is_not_a_strings_file_is_refused(tmp_path: Path, name: str, text: str,
                                                      message: str) -> None:
    project = german(tmp_path / "p", text, name)
    result = run_cli("validate", "--root", str(project), cwd=tmp_path)
    assert result.code == 1 and "Traceback" not in result.err
    assert message in result.err


def test_an_empty_file_changes_nothing(tmp_path: Path) -> None:
    project = german(tmp_path / "p", "")
    assert run_cli("validate", "--root", str(project), cwd=tmp_path).code == 0


def test_a_translation_gets_its_own_strings_and_english_keeps_the_generators(
        tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "trilingual", tmp_path / "p")
    (project / "content/strings").mkdir()
    (project / "content/strings/ru.yml").write_text(
        "home:\n  start_assessment: Пройти проверку навыков\n", encoding="utf-8")
    (project / "content/strings/en.yml").write_text(
        "home:\n  start_assessment: Check your skills\n  browse_reading: Read on\n",
        encoding="utf-8")
    result = run_cli("build", "--root", str(project), cwd=tmp_path)
    assert result.code == 0, result.err
    english = (project / "site/index.html").read_text(encoding="utf-8")
    russian = (project / "site/ru/index.html").read_text(encoding="utf-8")
    chinese = (project / "site/zh/index.html").read_text(encoding="utf-8")
    assert "Check your skills" in english and "Read on" in english
    assert "Пройти проверку навыков" in russian and "Check your skills" not in russian
    # Russian's own text for browse_reading (the generator's ru.yml) beats the project's
    # English: a translated text is never replaced by an English one.
    assert package_table("ru")["home"]["browse_reading"] in russian
    assert package_table("zh")["home"]["start_assessment"] in chinese


def test_a_layer_words_the_interface_over_content_and_is_reported_at_its_own_file(
        tmp_path: Path) -> None:
    project = german(tmp_path / "p", GERMAN)
    (project / "fork/strings").mkdir(parents=True)
    layer = project / "fork/strings/de.yml"
    layer.write_text("home:\n  start_assessment: Jetzt einschätzen\n", encoding="utf-8")
    built = run_cli("build", "--root", str(project), cwd=tmp_path)
    assert built.code == 0, built.err
    home = (project / "site/index.html").read_text(encoding="utf-8")
    assert "Jetzt einschätzen" in home and "Selbsteinschätzung starten" not in home
    assert "Fähigkeiten" in home  # the content file's other strings stay
    layer.write_text("home:\n  start_assessment: Jetzt\n  start_assesment: x\n",
                     encoding="utf-8")
    result = run_cli("validate", "--root", str(project), cwd=tmp_path)
    assert result.code == 1
    assert "fork/strings/de.yml:3: unknown interface string 'home.start_assesment'" in result.err


def test_merge_order_and_the_second_guard() -> None:
    own = {"en": {"home": {"start_assessment": "Own English", "browse_reading": "Own read"}},
           "ru": {"home": {"start_assessment": "Своё"}}}
    ru = load_strings("ru", own)
    assert ru.t("home.start_assessment") == "Своё"
    assert ru.t("home.browse_reading") == package_table("ru")["home"]["browse_reading"]
    assert load_strings("en", own).t("home.browse_reading") == "Own read"
    assert load_strings("en", {}) is load_strings("en")  # no own strings: the shared table
    # What validation refuses is also neutralised where the strings are merged.
    assert inert_text("<script>x</script> javascript:y {n}") == \
        "&lt;script>x&lt;/script> javascript :y {n}"


def test_the_schema_names_every_key_with_its_english_text() -> None:
    from generator.content.schema import schema_files

    schema = json.loads(schema_files()["strings.schema.json"])
    english = package_table("en")
    start = schema["properties"]["home"]["properties"]["start_assessment"]
    assert start == {"type": "string", "description": english["home"]["start_assessment"]}
    count = schema["properties"]["home"]["properties"]["skills_count"]
    assert count["required"] == ["other"] and count["additionalProperties"] is False
    assert schema["additionalProperties"] is False
    assert set(schema["properties"]) == {str(k) for k in english}


def test_an_edited_strings_file_is_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                              ) -> None:
    """`serve` watches generator/strings/: a changed file must not be served from a cache."""
    import os

    import generator.strings as module

    file = tmp_path / "xx.yml"
    monkeypatch.setattr(module, "_file", lambda language: file if language == "xx"
                        else module._FOLDER / f"{language}.yml")
    file.write_text("nav: {home: Eins}\n", encoding="utf-8")
    assert load_strings("xx").t("nav.home") == "Eins"
    file.write_text("nav: {home: Zwei}\n", encoding="utf-8")
    os.utime(file, ns=(0, file.stat().st_mtime_ns + 1_000_000))
    assert load_strings("xx").t("nav.home") == "Zwei"
    assert load_strings("xx", {"xx": {"nav": {"skills": "S"}}}).t("nav.home") == "Zwei"


HOSTILE = """\
nav:
  glossary: 'Terms" onmouseover="alert(1)'
  home: "Home' autofocus onfocus='alert(2)"
palette:
  to_dark: 'Dark" autofocus onfocus="alert(3)'
  to_light: "Light & < b"
"""


def test_quotes_in_a_projects_strings_never_open_an_attribute(tmp_path: Path) -> None:
    """Material prints nav labels and the colour toggle's name as they are, inside attributes
    too: a quote in them would add an event handler to every page."""
    from html.parser import HTMLParser

    project = copy_project(FIXTURES / "trilingual", tmp_path / "p")
    (project / "content/strings").mkdir()
    for code in ("en", "ru"):
        (project / f"content/strings/{code}.yml").write_text(HOSTILE, encoding="utf-8")
    result = run_cli("build", "--root", str(project), cwd=tmp_path)
    assert result.code == 0, result.err

    found: list[str] = []

    class Handlers(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.extend(f"<{tag} {k}>" for k, _ in attrs if k.startswith("on"))

    for page in (project / "site").rglob("*.html"):
        Handlers().feed(page.read_text(encoding="utf-8"))
        assert not found, (page, found)
    russian = (project / "site/ru/index.html").read_text(encoding="utf-8")
    assert "Terms&#34;" in russian or "Terms&quot;" in russian  # shown, as text
    assert "Dark&#34;" in russian or "Dark&quot;" in russian


def test_translations_counts_a_projects_strings_and_never_takes_them_for_content(
        tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "trilingual", tmp_path / "p")
    framework = project / "content/framework.yml"
    framework.write_text(framework.read_text(encoding="utf-8").replace(
        "languages:\n", "languages:\n  - {code: de, name: Deutsch, status: in-progress}\n"),
        encoding="utf-8")
    (project / "content/strings").mkdir()
    (project / "content/strings/de.yml").write_text(
        "home:\n  start_assessment: Selbsteinschätzung starten\nskill:\n  how_to_reach: So\n",
        encoding="utf-8")
    result = run_cli("translations", "--format", "json", "--root", str(project), cwd=tmp_path)
    report = {st["code"]: st for st in json.loads(result.out)}
    german = report["de"]
    assert not any(item.startswith("content/i18n/de/strings/") for kind in ("missing", "orphaned")
                   for item in german[kind]), german  # the strings file is not content
    missing = [item for item in german["missing"] if item.startswith("content/strings/")]
    assert "content/strings/de.yml: nav.home" in missing
    assert "content/strings/de.yml: home.start_assessment" not in missing
    assert not any(item.startswith("generator/strings/") for item in german["missing"])
    todo = yaml.safe_load(run_cli("translations", "--todo", "de", "--root", str(project),
                                  cwd=tmp_path).out)
    assert "start_assessment" not in todo["content/strings/de.yml"]["home"]
    assert todo["content/strings/de.yml"]["home"]["browse_reading"] == \
        package_table("en")["home"]["browse_reading"]


def test_the_source_languages_colour_toggle_takes_the_projects_words(tmp_path: Path) -> None:
    project = german(tmp_path / "p", 'palette:\n  to_dark: "Dunkel schalten"\n')
    assert run_cli("build", "--root", str(project), cwd=tmp_path).code == 0
    home = (project / "site/index.html").read_text(encoding="utf-8")
    assert 'aria-label="Dunkel schalten"' in home


def test_the_todo_list_pasted_as_it_is_validates(tmp_path: Path) -> None:
    """`translations --todo fr` prints the English of every string a new language lacks,
    ready to paste: pasted unchanged, it is a valid strings file (no string of ours uses
    a form the checks refuse, such as doubled braces)."""
    project = copy_project(FIXTURES / "minimal", tmp_path / "p")
    framework = project / "content/framework.yml"
    text = framework.read_text(encoding="utf-8")
    framework.write_text(text.replace("language: en", "language: fr") if "language: en" in text
                         else text + "language: fr\n", encoding="utf-8")
    todo = run_cli("translations", "--root", str(project), "--todo", "fr", cwd=tmp_path)
    assert todo.code == 0, todo.err
    import yaml

    # The todo groups what is missing by the file it belongs in: that file's part, pasted.
    section = yaml.safe_load(todo.out)["content/strings/fr.yml"]
    (project / "content/strings").mkdir()
    (project / "content/strings/fr.yml").write_text(
        yaml.safe_dump(section, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run_cli("validate", "--root", str(project), cwd=tmp_path)
    assert result.code == 0, result.err
    assert "fall back to English" not in result.err and "fall back" not in result.out
