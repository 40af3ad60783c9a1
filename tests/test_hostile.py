"""Hostile and careless input found by a sweep of every command (docs/security.md): each one
either became live HTML, deleted or overwrote a file the generator did not write, or ended
in a traceback. Each case is a class, tested in more than one spelling where it has them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.assessment.helpers import SCORING, result_json, scoring_data
from tests.conftest import FIXTURES, copy_project, run_cli

ESC = "\x1b"


def live_handlers(site: Path) -> list[str]:
    """Every event-handler attribute on every page."""
    found: list[str] = []

    class Parser(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.extend(f"{tag} {k}" for k, _ in attrs if k.startswith("on"))

    for page in site.rglob("*.html"):
        Parser().feed(page.read_text(encoding="utf-8"))
    return found


@pytest.mark.parametrize(("rel", "old", "new"), [
    ("content/skills/testing.yml", "summary: Writes tests.",
     "summary: 'Writes \\`<svg/onload=alert(1)>x\\` tests.'"),
    ("content/guides/start.md", "Write a test.",
     "Write a \\`<a/onmouseover=alert(2)>test</a/>\\`."),
    ("content/skills/testing.yml", "summary: Writes tests.",
     "summary: 'Writes \\\\\\`<svg/onload=alert(3)>\\` tests.'"),  # \\\` : a backslash, then \`
])
def test_an_escaped_backtick_never_hides_a_tag(tmp_path: Path, rel: str, old: str,
                                               new: str) -> None:
    """Python-Markdown reads \\` as a literal backtick, so what follows is not code: the
    validator refuses its tag, and (test_the_second_guard_alone_leaves_no_live_markup) the
    renderer neutralises its "<" like any other (it once opened an <svg onload> on every
    page)."""
    project = copy_project(FIXTURES / "minimal", tmp_path / "p")
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = run_cli("build", "--root", str(project), cwd=tmp_path)
    assert result.code == 1 and "raw HTML is not allowed" in result.err, result.err
    assert not (project / "site").exists()


def test_a_palette_toggle_name_never_opens_an_attribute(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "minimal", tmp_path / "p")
    (project / "fork").mkdir()
    (project / "fork/mkdocs.yml").write_text(
        "theme:\n  palette:\n    - scheme: default\n      primary: indigo\n      toggle:\n"
        "        icon: material/weather-night\n"
        "        name: '\" autofocus onfocus=\"alert(1)'\n", encoding="utf-8")
    result = run_cli("build", "--root", str(project), cwd=tmp_path)
    assert result.code == 0, result.err
    assert live_handlers(project / "site") == []


def test_a_linked_generated_folder_is_refused_and_its_target_untouched(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "minimal", tmp_path / "p")
    victim = tmp_path / "victim"
    (victim / "sub").mkdir(parents=True)
    (victim / "notes.txt").write_text("important", encoding="utf-8")
    (victim / "sub/a.md").write_text("x", encoding="utf-8")
    (project / "generated").symlink_to(victim)
    result = run_cli("build", "--root", str(project), cwd=tmp_path)
    assert result.code == 1 and "Traceback" not in result.err
    assert "generated/ is a link to" in result.err
    assert sorted(p.name for p in victim.rglob("*")) == ["a.md", "notes.txt", "sub"]
    (project / "generated").unlink()
    (project / "generated").write_text("mine", encoding="utf-8")
    result = run_cli("build", "--root", str(project), cwd=tmp_path)
    assert result.code == 1 and "generated is a file" in result.err
    assert (project / "generated").read_text(encoding="utf-8") == "mine"


def test_assess_never_replaces_another_frameworks_result(tmp_path: Path) -> None:
    other = tmp_path / "other.json"
    other.write_text(json.dumps(result_json(scoring_data(), {"metrics": 2}, role="pm")),
                     encoding="utf-8")
    before = other.read_bytes()
    proc = subprocess.run([sys.executable, "-m", "generator", "assess", "--root",
                           str(FIXTURES / "minimal"), "--role", "tester", "-o", str(other)],
                          input="q\n", capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "holds a result for" in proc.stderr and "give another file with -o" in proc.stderr
    assert other.read_bytes() == before


@pytest.mark.parametrize(("setting", "message"), [
    ("theme:\n  name: material\n  palette: 5\n", "theme.palette: expected a colour setting"),
    ("plugins: 5\n", "plugins: expected a list of plugins"),
    ("plugins:\n  - {}\n", "plugins[0]: expected a name, or one name with a mapping"),
    ("markdown_extensions:\n  - []\n", "markdown_extensions[0]: expected a name"),
    ("extra_css: [{a: 1}]\n", "extra_css[0]: expected a path, got a mapping"),
    ("extra_javascript: 5\n", "extra_javascript: expected a list of paths, got 5"),
    ("theme:\n  name: material\n  features: 5\n", "theme.features: expected a list"),
    ("theme:\n  name: material\n  icon: {logo: material/no-such-icon}\n",
     "theme.icon.logo: expected an icon the theme has"),
    ("theme:\n  name: material\n  icon: {logo: ../../../etc/passwd}\n",
     "theme.icon.logo: expected an icon the theme has"),
    ("site_descripton: A typo\n", ("unknown setting 'site_descripton' (expected one of MkDocs' "
     "settings); did you mean 'site_description'?")),
    ("INHERIT: base.yml\n", ("INHERIT is not read here (expected the settings themselves: a "
     "fork's own go in fork/mkdocs.yml")),
    ("hooks:\n  - ../evil_hook.py\n", "hooks are not run here (expected content and settings"),
    ("theme:\n  name: material\n  logo: assets/acme-logo.svg\n",
     "theme.logo: expected a file Material ships"),
    ("theme:\n  name: material\n  palette:\n    - scheme: default\n      primary: purpel\n",
     "theme.palette[0].primary: expected a colour Material has"),
    ("theme:\n  name: material\n  palette: {primary: notacolour}\n",
     "theme.palette.primary: expected a colour Material has"),
    ("copyright: !ENV {a: 1}\n", ("!ENV takes a variable's name, or a list of names and a "
     "default")),
    (f"site_author: {'9' * 5000}\n", "a number too long to read (expected at most 4,000 digits"),
])
@pytest.mark.parametrize("where", ["mkdocs.yml", "fork/mkdocs.yml"])
def test_a_misshapen_mkdocs_setting_is_a_message_at_its_line(tmp_path: Path, setting: str,
                                                             message: str, where: str) -> None:
    project = copy_project(FIXTURES / "minimal", tmp_path / "p")
    config = project / "mkdocs.yml"
    if where == "fork/mkdocs.yml":
        (project / "fork").mkdir()
        target = project / "fork/mkdocs.yml"
        target.write_text(setting, encoding="utf-8")
    else:
        lines = config.read_text(encoding="utf-8")
        key = setting.split(":", 1)[0]
        # the setting replaces the file's own one, so the file stays valid YAML
        kept = [block for block in lines.split("\n\n") if not block.lstrip().startswith(key + ":")
                and f"\n{key}:" not in "\n" + block]
        config.write_text("\n\n".join(kept) + "\n\n" + setting, encoding="utf-8")
    for command in ("validate", "build"):
        result = run_cli(command, "--root", str(project), cwd=tmp_path)
        assert result.code == 1 and "Traceback" not in result.err, result.err
        assert f"{where}:" in result.err and message in result.err, result.err


def test_unreadable_sources_and_places_are_messages(tmp_path: Path) -> None:
    latin = tmp_path / "ladder.csv"
    latin.write_bytes(b"Skill,Level,Criterion\nCaf\xe9,1,x\n")
    imported = run_cli("import", "--root", str(tmp_path / "out"), str(latin), cwd=tmp_path)
    assert imported.code == 1 and "Traceback" not in imported.err
    assert "ladder.csv:2: the file is not UTF-8 text" in imported.err
    init = subprocess.run([sys.executable, "-m", "generator", "init", str(tmp_path / "i"),
                           "--area", os.fsdecode(b"x\x9by")], capture_output=True, text=True,
                          check=False, timeout=60)
    assert init.returncode == 1 and "--area: expected printable text" in init.stderr
    assert not (tmp_path / "i").exists()
    blocked = tmp_path / "a-file"
    blocked.write_text("mine", encoding="utf-8")
    result = json.dumps(result_json(scoring_data(), {"metrics": 2}, role="pm"))
    (tmp_path / "r.json").write_text(result, encoding="utf-8")
    team = run_cli("team", str(tmp_path / "r.json"), "--role", "pm", "-o",
                   str(blocked / "team"), "--root", str(SCORING), cwd=tmp_path)
    assert team.code == 1 and "Traceback" not in team.err
    assert f"{blocked} is a file, not a folder" in team.err
    assert blocked.read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize("source", ["/dev/zero", "fifo"])
def test_a_result_that_is_not_a_file_is_refused_without_reading_it(tmp_path: Path,
                                                                   source: str) -> None:
    """A device never ends and a pipe waits for a writer: neither is opened."""
    path = source
    if source == "fifo":
        path = str(tmp_path / "fifo")
        os.mkfifo(path)
    result = run_cli("report", path, "--role", "pm", "--root", str(SCORING), cwd=tmp_path)
    assert result.code == 1 and "Traceback" not in result.err
    assert "not a result file (it is a folder or a device, not a file)" in result.err


def test_a_huge_result_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_bytes(b"[" + b"0," * 3_000_000 + b"0]")
    result = run_cli("report", str(path), "--role", "pm", "--root", str(SCORING), cwd=tmp_path)
    assert result.code == 1 and "over 5 MB" in result.err


def test_a_file_name_never_sends_an_escape_sequence_to_the_terminal(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "minimal", tmp_path / "p")
    skill = project / "content/skills/testing.yml"
    (project / "content/skills" / f"te{ESC}]0;PWN\x07st.yml").write_text(
        skill.read_text(encoding="utf-8"), encoding="utf-8")
    (project / "content/guides" / "x\x9b2J.md").write_text("no front matter", encoding="utf-8")
    result = run_cli("validate", "--root", str(project), cwd=tmp_path)
    assert result.code == 1
    assert ESC not in result.err and "\x07" not in result.err and "\x9b" not in result.err
    assert "te\\x1b]0;PWN\\x07st.yml" in result.err


def test_a_layer_updating_one_item_twice_is_a_message(tmp_path: Path) -> None:
    """Two entries of a layer file for one upstream id: the second would silently win."""
    project = copy_project(FIXTURES / "minimal", tmp_path / "p")
    (project / "fork").mkdir()
    (project / "fork/roles.yml").write_text(
        "roles:\n  - id: tester\n    name: Tester A\n  - id: tester\n    name: Tester B\n",
        encoding="utf-8")
    result = run_cli("validate", "--root", str(project), cwd=tmp_path)
    assert result.code == 1
    assert "fork/roles.yml:4: roles: a second entry for 'tester' (expected each id once in a " \
        "layer file; the first is at line 2)" in result.err


# Markup that markdown-it (the checker) reads as code and Python-Markdown (the site) may not:
# a "~~~" fence (code only with the fenced_code extension, and only at the margin), a code
# span over a blank line, and an attribute list in a fence's opening line.
CODE_DISAGREEMENTS = [
    "~~~\n<img src=x onerror=\"alert(1)\">\n~~~",
    " ~~~\n<img src=x onerror=\"alert(1)\">\n ~~~",
    "```\n<img src=x onerror=\"alert(1)\">\n```",
    "See `a\n\n<svg/onload=alert(2)>\n\nb` here.",
    "See `a\n# <svg/onload=alert(2)>\nb` here.",
    "~~~ { x tabindex=0 autofocus onfocus=\"alert(3)\" }\ncode\n~~~",
    "- item\n\n    <img src=x onerror=alert(4)>",
    "Writes \\`<svg/onload=alert(5)>x\\` tests.",
    "Writes \\\\\\`<svg/onload=alert(6)>\\` tests.",
]
SITE_EXTENSIONS = ["attr_list", "md_in_html", "def_list", "tables", "admonition", "toc",
                   "pymdownx.details"]


@pytest.mark.parametrize("text", CODE_DISAGREEMENTS)
@pytest.mark.parametrize("fences", [False, True], ids=["shipped", "with-fenced-code"])
def test_the_second_guard_alone_leaves_no_live_markup(text: str, fences: bool) -> None:
    """Whatever the validator says, ``md`` alone leaves nothing live, with the site's
    extensions and with a fork's fenced-code extension added."""
    import markdown

    from generator.content.safety import md

    extensions = SITE_EXTENSIONS + (["fenced_code"] if fences else [])
    html = markdown.markdown(md(text), extensions=extensions)
    tags: list[tuple[str, list[str]]] = []

    class Parser(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            tags.append((tag, [k for k, _ in attrs]))

    Parser().feed(html)
    assert all(tag in {"p", "code", "pre", "ul", "li", "h1", "br"} and set(attrs) <= {"id"}
               for tag, attrs in tags), html


@pytest.mark.parametrize("text", CODE_DISAGREEMENTS)
def test_the_validator_refuses_what_the_parsers_disagree_on(tmp_path: Path, text: str) -> None:
    """In a guide's body and in a skill's text, at the line where it starts."""
    project = copy_project(FIXTURES / "minimal", tmp_path / "p")
    guide = project / "content/guides/start.md"
    body = guide.read_text(encoding="utf-8")
    guide.write_text(body.rstrip("\n") + "\n\n" + text + "\n", encoding="utf-8")
    line = body.rstrip("\n").count("\n") + 3
    skill = project / "content/skills/testing.yml"
    skill.write_text(skill.read_text(encoding="utf-8").replace(
        "summary: Writes tests.", "summary: " + json.dumps(text), 1), encoding="utf-8")
    result = run_cli("validate", "--root", str(project), cwd=tmp_path)
    assert result.code == 1 and "Traceback" not in result.err
    lines = {int(m.split(":")[1]) for m in result.err.splitlines()
             if m.startswith("content/guides/start.md:")}
    assert lines and min(lines) <= line + text.count("\n") and max(lines) >= line, result.err
    assert "content/skills/testing.yml:" in result.err, result.err


def test_a_linked_folder_out_of_the_project_is_not_read(tmp_path: Path) -> None:
    """content/skills linked to a folder elsewhere: its files are refused unread, so nothing
    of theirs is quoted in a message or published."""
    project = copy_project(FIXTURES / "minimal", tmp_path / "p")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.yml").write_text("aws_secret_access_key: AKIAEXAMPLE\n", encoding="utf-8")
    (project / "content/skills").rename(tmp_path / "skills")
    (project / "content/skills").symlink_to(outside)
    result = run_cli("validate", "--root", str(project), cwd=tmp_path)
    assert result.code == 1 and "Traceback" not in result.err
    assert "content/skills/secret.yml: a link to a file outside the project" in result.err
    assert "AKIA" not in result.err and "aws_secret" not in result.err


@pytest.mark.parametrize("kind", ["folder", "device"])
def test_a_settings_file_that_is_not_a_file_is_a_message(tmp_path: Path, kind: str) -> None:
    project = copy_project(FIXTURES / "minimal", tmp_path / "p")
    (project / "mkdocs.yml").unlink()
    if kind == "folder":
        (project / "mkdocs.yml").mkdir()
    else:
        (project / "mkdocs.yml").symlink_to("/dev/zero")
    for command in ("validate", "build"):
        result = run_cli(command, "--root", str(project), cwd=tmp_path)
        assert result.code == 1 and "Traceback" not in result.err, result.err
        assert result.err.startswith("mkdocs.yml: "), result.err


@pytest.mark.parametrize(("text", "message"), [
    ("A " + "*" * 2500 + "x" + "*" * 2500, "a run of more than three '*' or '_'"),
    ("Fill ____ in.", "a run of more than three '*' or '_'"),
])
def test_markup_that_would_crash_the_sites_parser_is_refused(tmp_path: Path, text: str,
                                                             message: str) -> None:
    """Thousands of nested emphasis markers take Python-Markdown past the recursion limit;
    a line of its own ("***", "____") is a thematic break and stays allowed."""
    project = copy_project(FIXTURES / "minimal", tmp_path / "p")
    guide = project / "content/guides/start.md"
    guide.write_text(guide.read_text(encoding="utf-8") + f"\n***\n\n____\n\n{text}\n",
                     encoding="utf-8")
    result = run_cli("build", "--root", str(project), cwd=tmp_path)
    assert result.code == 1 and "Traceback" not in result.err, result.err
    assert message in result.err and result.err.count("content/guides/start.md:") == 1


def test_a_number_too_long_to_read_is_a_message_at_its_line(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "minimal", tmp_path / "p")
    skill = project / "content/skills/testing.yml"
    lines = skill.read_text(encoding="utf-8").rstrip("\n").split("\n")
    skill.write_text("\n".join([*lines, "order: " + "9" * 5000]) + "\n", encoding="utf-8")
    result = run_cli("validate", "--root", str(project), cwd=tmp_path)
    assert result.code == 1 and "Traceback" not in result.err, result.err
    assert f"content/skills/testing.yml:{len(lines) + 1}: " in result.err
    assert "a number too long to read (expected at most 4,000 digits" in result.err


def test_what_makes_translations_fail_is_a_warning_strict_stops_on(tmp_path: Path) -> None:
    """A language declared complete that is not, and a translation folder no language is
    declared for (what a fork keeps of ours when it replaces content/ but not content/i18n/),
    are said by validate and stop a --strict build, not only the `translations` command."""
    project = copy_project(FIXTURES / "trilingual", tmp_path / "p")
    framework = project / "content/framework.yml"
    framework.write_text(framework.read_text(encoding="utf-8").replace(
        "status: in-progress", "status: complete"), encoding="utf-8")
    (project / "content/i18n/fr").mkdir()
    checked = run_cli("validate", "--root", str(project), cwd=tmp_path)
    assert checked.code == 0, checked.err
    assert "content/i18n/zh: warning: the 'zh' translation has" in checked.err
    assert "though declared complete" in checked.err
    assert "content/i18n/fr: warning: a translation folder for a language" in checked.err
    strict = run_cli("build", "--root", str(project), "--strict", cwd=tmp_path)
    assert strict.code == 1 and "--strict makes them errors" in strict.err
    assert not (project / "site").exists()


def test_curation_targets_missed_are_said_by_validate(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "minimal", tmp_path / "p")
    framework = project / "content/framework.yml"
    framework.write_text(framework.read_text(encoding="utf-8")
                         + "curation:\n  min_checks_per_skill: 3\n", encoding="utf-8")
    result = run_cli("validate", "--root", str(project), cwd=tmp_path)
    assert result.code == 0, result.err
    assert ("warning: curation: skill testing: knowledge checks: expected at least 3, got 1"
            in result.err), result.err


def test_outputs_that_are_not_files_are_refused_without_blocking(tmp_path: Path) -> None:
    """A FIFO where team or schema would write (and first read what is there, to tell
    whether it is theirs) once blocked the command for good."""
    data = scoring_data()
    result = tmp_path / "r.json"
    result.write_text(json.dumps(result_json(data)), encoding="utf-8")
    (tmp_path / "team").mkdir()
    os.mkfifo(tmp_path / "team/index.html")
    (tmp_path / "schemas").mkdir()
    os.mkfifo(tmp_path / "schemas/framework.schema.json")
    team = subprocess.run([sys.executable, "-m", "generator", "team", "--root", str(SCORING),
                           str(result), "-o", str(tmp_path / "team")], capture_output=True,
                          text=True, timeout=60, cwd=tmp_path, check=False)
    assert team.returncode == 1 and "Traceback" not in team.stderr, team.stderr
    assert "is not a team page written by this command" in team.stderr
    schema = subprocess.run([sys.executable, "-m", "generator", "schema", "-o",
                             str(tmp_path / "schemas")], capture_output=True, text=True,
                            timeout=60, cwd=tmp_path, check=False)
    assert schema.returncode == 1 and "which this command did not write" in schema.stderr


def test_import_copies_no_links_or_special_files_into_its_check(tmp_path: Path) -> None:
    """import validates the project as it will be in a scratch copy of content/: an editor's
    lock file (a dangling link) crashed the copy, and a link to /dev/zero would fill the disk."""
    project = tmp_path / "p"
    (project / "content/skills").mkdir(parents=True)
    (project / "content/skills/.#metrics.yml").symlink_to("user@host.1:2")
    (project / "content/zero.yml").symlink_to("/dev/zero")
    result = run_cli("import", "--root", str(project), "--overwrite",
                     str(FIXTURES / "import/ladder.csv"), cwd=tmp_path)
    assert "Traceback" not in result.err, result.err


def test_a_name_with_line_breaks_prints_on_one_line(tmp_path: Path) -> None:
    data = scoring_data()
    mine = tmp_path / "self.json"
    mine.write_text(json.dumps(result_json(data, {"metrics": 2}, name="Ada\nFAKE LINE")),
                    encoding="utf-8")
    theirs = tmp_path / "other.json"
    theirs.write_text(json.dumps(result_json(data, {"metrics": 3}, name="Ada\nFAKE LINE")),
                      encoding="utf-8")
    # Piped with no COLUMNS: lines are not wrapped, so every line break would be the name's.
    wide = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    result = subprocess.run([sys.executable, "-m", "generator", "compare", "--root", str(SCORING),
                             str(mine), str(theirs)], capture_output=True, text=True, env=wide,
                            cwd=tmp_path, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert not any(line.startswith("FAKE LINE") for line in result.stdout.splitlines()), \
        result.stdout
    assert "Ada FAKE LINE" in result.stdout


def test_a_linked_site_folder_is_refused_and_its_target_untouched(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "minimal", tmp_path / "p")
    www = tmp_path / "www"
    www.mkdir()
    (www / "keep.html").write_text("mine", encoding="utf-8")
    (project / "site").symlink_to(www)
    for _ in range(2):
        result = run_cli("build", "--root", str(project), cwd=tmp_path)
        assert result.code == 1 and "Traceback" not in result.err, result.err
        assert "site/ is a link to" in result.err
    assert sorted(p.name for p in www.iterdir()) == ["keep.html"]
    assert not (project / ".site.new").exists() and not (project / ".site.old").exists()
