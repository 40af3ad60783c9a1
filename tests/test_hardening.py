"""Promises kept under hostile input (issue 14): no data loss, no tracebacks, no escape
sequences reaching a terminal, concurrent builds, reproducible output, inert content."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.content.safety import block_html, inline_html, md, url
from tests.assessment.helpers import SCORING, result_json, scoring_data, write_json
from tests.conftest import FIXTURES, copy_project, run_cli, run_module

ESC = "\x1b"


def cli(*args: str, cwd: Path = SCORING) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd,
                          capture_output=True, text=True, check=False, timeout=120)


# --- data loss ---------------------------------------------------------------------------


def test_schema_into_a_folder_of_yours_deletes_nothing(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main", encoding="utf-8")
    assert cli("schema", "-o", str(tmp_path)).returncode == 0
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (tmp_path / ".git" / "HEAD").exists() and (tmp_path / "skill.schema.json").exists()


def test_team_never_overwrites_a_page_it_did_not_write(tmp_path: Path) -> None:
    data = scoring_data()
    files = [str(write_json(tmp_path / f"{i}.json", result_json(data, role="pm", name=f"P{i}")))
             for i in range(3)]
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("<h1>My own page</h1>", encoding="utf-8")
    proc = cli("team", "--root", str(SCORING), *files, "-o", str(out))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "is not a team page written by this command" in proc.stderr
    assert (out / "index.html").read_text(encoding="utf-8") == "<h1>My own page</h1>"
    fresh = tmp_path / "fresh"
    assert cli("team", "--root", str(SCORING), *files, "-o", str(fresh)).returncode == 0
    assert cli("team", "--root", str(SCORING), *files, "-o", str(fresh)).returncode == 0  # ours


# --- concurrency -------------------------------------------------------------------------


def test_two_builds_at_once_leave_a_whole_site(minimal: Path) -> None:
    assert run_cli("build", cwd=minimal).code == 0
    expected = sorted(p.relative_to(minimal / "site").as_posix()
                      for p in (minimal / "site").rglob("*") if p.is_file())
    procs = [subprocess.Popen([sys.executable, "-m", "generator", "build"], cwd=minimal,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    results = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], results
    built = sorted(p.relative_to(minimal / "site").as_posix()
                   for p in (minimal / "site").rglob("*") if p.is_file())
    assert built == expected
    assert not (minimal / ".site.new").exists() and not (minimal / ".site.old").exists()


# --- reproducible ------------------------------------------------------------------------


def test_two_builds_are_byte_identical_sitemap_and_gzip_included(minimal: Path) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1764547200"}
    trees = []
    for _ in range(2):
        subprocess.run([sys.executable, "-m", "generator", "build"], cwd=minimal, env=env,
                       check=True, capture_output=True)
        trees.append({p.relative_to(minimal / "site").as_posix(): p.read_bytes()
                      for p in sorted((minimal / "site").rglob("*")) if p.is_file()})
        time.sleep(1.1)  # a clock-dated gzip header would now differ
    assert trees[0] == trees[1]
    assert b"2025-12-01" in trees[0]["sitemap.xml"]


# --- mkdocs.yml mistakes and serve ---------------------------------------------------------


@pytest.mark.parametrize(("change", "expected"), [
    (lambda t: t.replace("site_name: ML/AI PM Skills", "site_name: [oops"), "mkdocs.yml:3:"),
    (lambda t: t.replace("site_name: ML/AI PM Skills", "site_name: A\nsite_name: B"),
     "duplicate key 'site_name'"),
    (lambda t: t.encode("utf-8").replace(b"ML/AI", b"ML\xff") , "not UTF-8"),
])
def test_a_mistake_in_mkdocs_yml_is_a_message(minimal: Path, change, expected: str) -> None:
    config = minimal / "mkdocs.yml"
    changed = change(config.read_text(encoding="utf-8"))
    config.write_bytes(changed if isinstance(changed, bytes) else changed.encode("utf-8"))
    for command in ("validate", "build"):
        result = run_cli(command, cwd=minimal)
        assert result.code == 1 and "Traceback" not in result.err, result.err
        assert expected in result.err


def test_env_tags_and_the_short_theme_form_work(minimal: Path) -> None:
    config = minimal / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace(
        "site_name: ML/AI PM Skills", "site_name: !ENV [MLPM_TEST_NAME, Fallback name]")
    # The short form, `theme: material`, in place of the whole theme block.
    lines, kept, skipping = text.splitlines(keepends=True), [], False
    for line in lines:
        if line.startswith("theme:"):
            kept.append("theme: material\n")
            skipping = True
        elif skipping and (line.startswith((" ", "#")) or not line.strip()):
            continue
        else:
            skipping = False
            kept.append(line)
    config.write_text("".join(kept), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "generator", "build", "--no-site"],
                            cwd=minimal, capture_output=True, text=True, check=False,
                            env={**os.environ, "MLPM_TEST_NAME": "From the environment"})
    assert "Traceback" not in result.stderr
    assert "From the environment" in (minimal / "generated" / "mkdocs.yml").read_text(
        encoding="utf-8")


def test_serve_on_a_taken_port_says_so_and_exits(minimal: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        proc = subprocess.run([sys.executable, "-m", "generator", "serve", "--dev-addr",
                               f"127.0.0.1:{port}"], cwd=minimal, capture_output=True,
                              text=True, check=False, timeout=60)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert f"cannot serve on 127.0.0.1:{port}" in proc.stderr and "PORT=" in proc.stderr


# --- result files and terminals -------------------------------------------------------------


def hostile_result(tmp_path: Path) -> Path:
    data = scoring_data()
    raw = result_json(data, {"metrics": 2}, role="pm")
    raw["name"] = f"Eve{ESC}]0;pwned{chr(7)}{ESC}[2J\u009b31m\ud800"
    raw["answers"][f"x{ESC}[2J"] = {"choice": 0, "hash": "x"}
    raw["role"] = f"cto{ESC}[2J"
    path = tmp_path / "r.json"
    path.write_text(json.dumps(raw), encoding="utf-8")  # json escapes \ud800 as text
    return path


@pytest.mark.parametrize("command", ["report", "report-html", "compare", "team", "assess"])
def test_escape_sequences_in_a_result_file_never_reach_the_terminal(tmp_path: Path,
                                                                      command: str) -> None:
    path = str(hostile_result(tmp_path))
    args = {"report": ["report", path, "--role", "pm"],
            "report-html": ["report", path, "--role", "pm", "--format", "html"],
            "compare": ["compare", path, path],
            "team": ["team", path, path, path, "--role", "pm", "-o", str(tmp_path / "t")],
            "assess": ["assess", "-o", path, "--role", "pm"]}[command]
    proc = subprocess.run([sys.executable, "-m", "generator", *args, "--root", str(SCORING)],
                          capture_output=True, text=True, check=False, input="q\n", timeout=60)
    assert "Traceback" not in proc.stderr, proc.stderr
    assert ESC not in proc.stdout + proc.stderr and "\u009b" not in proc.stdout + proc.stderr


@pytest.mark.parametrize("text", ["{\"format\": " + "9" * 5000 + "}",
                                  "[" * 100_000 + "]" * 100_000,
                                  ('{"format": "mlpm-assessment-result", "format_version": 1, '
                                  '"mode": "quick", "name": "\\ud800", "ratings": {}}')])
def test_pathological_result_files_are_messages(tmp_path: Path, text: str) -> None:
    path = tmp_path / "x.json"
    path.write_text(text, encoding="utf-8")
    proc = cli("report", str(path), "--role", "pm", "--root", str(SCORING))
    assert "Traceback" not in proc.stderr, proc.stderr[-500:]
    assert proc.returncode in (0, 1)


def test_the_browser_never_cuts_a_name_inside_a_character() -> None:
    script = ("import { cut, NAME_MAX } from './generator/assets/assessment/state.js';"
              "const name = 'a'.repeat(199) + '\\u{1F600}x';"
              "const out = cut(name, NAME_MAX);"
              "process.stdout.write(JSON.stringify([Array.from(out).length, "
              "/[\\ud800-\\udbff](?![\\udc00-\\udfff])/.test(out)]));")
    assert json.loads(run_module(script)) == [200, False]


# --- content stays inert ------------------------------------------------------------------


def test_content_cannot_form_an_attribute_list_but_code_is_shown_as_written() -> None:
    rendered = md("[x](#){ autofocus onfocus=alert(1) } and `if a < b: {x}`")
    assert "\\{ autofocus" in rendered and "`if a < b: {x}`" in rendered
    assert url("https://en.wikipedia.org/wiki/Crossing_the_Chasm_(book)") == \
        "https://en.wikipedia.org/wiki/Crossing_the_Chasm_%28book%29"


def test_images_never_reach_the_assessment_data() -> None:
    for render in (inline_html, block_html):
        html = render("See ![pixel](https://example.org/p.png) now")
        assert "<img" not in html


def test_a_url_with_an_attribute_list_is_refused(minimal: Path) -> None:
    resources = minimal / "content" / "resources.yml"
    resources.write_text(resources.read_text(encoding="utf-8").replace(
        "url: https://example.com/tdd",
        "url: 'https://example.com/x){tabindex=\"0\"autofocus=\"x\"onfocus=\"alert(1)\"}'"),
        encoding="utf-8")
    result = run_cli("validate", cwd=minimal)
    assert result.code == 1
    assert "content/resources.yml:6: resources[0].url: a malformed or non-https URL" in result.err


def test_glossary_terms_have_anchors_and_no_literal_attribute_lists(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "minimal", tmp_path / "p")
    assert run_cli("build", cwd=project).code == 0
    page = (project / "site" / "glossary" / "index.html").read_text(encoding="utf-8")
    assert 'id="flaky"' in page and "{:" not in page


# --- fuzzing what people bring ----------------------------------------------------------------

people = settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "150")), deadline=None,
                  suppress_health_check=[HealthCheck.function_scoped_fixture])
JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
                    | st.text(max_size=12), lambda c: st.lists(c, max_size=4)
                    | st.dictionaries(st.text(max_size=10), c, max_size=4), max_leaves=25)


@people
@given(extra=st.dictionaries(st.sampled_from(["format", "format_version", "mode", "role", "name",
                                              "ratings", "answers", "read", "created"]), JSON))
def test_fuzzed_result_files_never_crash(extra: dict) -> None:
    from generator.assessment.engine import EngineError
    from generator.assessment.results import parse_result
    from generator.assessment.scoring import score
    from generator.errors import ResultFileError

    data = scoring_data()
    raw = {**result_json(data, {"metrics": 2}, role="pm"), **extra}
    try:
        result = parse_result(raw, "f.json", data)
    except ResultFileError:
        return
    try:
        score(data, result.scoring_input(), result.role or "pm")
    except EngineError as exc:  # only an unknown role may be refused
        assert "unknown role" in str(exc)


@people
@given(payload=st.text(max_size=60) | st.binary(max_size=60).map(
    lambda b: __import__("base64").urlsafe_b64encode(b).decode()))
def test_fuzzed_share_links_are_read_or_refused(payload: str) -> None:
    script = ("import { readShare, Unreadable } from './generator/assets/assessment/state.js';"
              "import { readFileSync } from 'node:fs';"
              "const [data, payload] = JSON.parse(readFileSync(0, 'utf8'));"
              "try { readShare(data, payload, (k) => k); process.stdout.write('read'); }"
              "catch (e) { process.stdout.write(e instanceof Unreadable ? 'refused' : 'CRASH ' + e); }")
    out = run_module(script, json.dumps([scoring_data(), payload]))
    assert out in ("read", "refused"), out


@people
@given(value=JSON)
def test_fuzzed_mkdocs_settings_are_built_or_reported(tmp_path_factory, value) -> None:
    import yaml

    from generator.errors import GeneratorError
    from generator.project import Project
    from generator.site.config import generated_config, load_site_config

    project = copy_project(FIXTURES / "minimal", tmp_path_factory.mktemp("cfg") / "p")
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    key = "theme" if isinstance(value, (str, dict)) else "extra"
    config[key] = value
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    try:
        generated_config(load_site_config(Project(project)), [], {})
    except GeneratorError:
        pass


# --- found by a review: mkdocs.yml, options, schema, permissions -------------------------------


def test_mkdocs_text_settings_are_escaped_and_addresses_must_be_plain(minimal: Path) -> None:
    config = minimal / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("copyright: Code MIT · Content CC BY 4.0",
                                   "copyright: '<img src=x onerror=alert(4)>'"), encoding="utf-8")
    assert run_cli("build", cwd=minimal).code == 0
    page = (minimal / "site" / "index.html").read_text(encoding="utf-8")
    assert "<img src=x" not in page and "\u2039img src=x onerror=alert(4)\u203a" in page
    config.write_text(text.replace("repo_url: https://github.com/example/mlpm-skills",
                                   "repo_url: 'https://github.com/acme/x\" onmouseover=\"alert(1)'"),
                      encoding="utf-8")
    result = run_cli("validate", cwd=minimal)
    assert result.code == 1 and "mkdocs.yml:6: repo_url: not a plain address" in result.err
    bad = run_cli("build", "--repo-url", 'https://github.com/acme/x" onmouseover="1', cwd=minimal)
    assert bad.code == 1 and "repo_url: not a plain address" in bad.err


def test_a_placeholder_given_as_an_option_fails_strict(minimal: Path) -> None:
    result = run_cli("validate", "--strict", "--repo-url", "https://github.com/your-org/skills",
                     "--site-url", "https://acme.github.io/skills/", cwd=minimal)
    assert result.code == 1
    assert ("options or environment: warning: a placeholder address (expected a real one, or "
            "none, got 'https://github.com/your-org/skills')") in result.err


def test_schema_never_overwrites_a_file_it_did_not_write(tmp_path: Path) -> None:
    (tmp_path / "skill.schema.json").write_text("mine", encoding="utf-8")
    proc = cli("schema", "-o", str(tmp_path))
    assert proc.returncode == 1 and "did not write" in proc.stderr
    assert (tmp_path / "skill.schema.json").read_text(encoding="utf-8") == "mine"


def test_written_files_are_as_readable_as_the_umask_allows(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        assert cli("schema", "-o", str(tmp_path / "s")).returncode == 0
    finally:
        os.umask(old)
    assert oct((tmp_path / "s" / "skill.schema.json").stat().st_mode & 0o777) == "0o644"


def test_stopping_at_how_sure_keeps_the_answer(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    proc = subprocess.run([sys.executable, "-m", "generator", "assess", "--root", str(SCORING),
                           "--role", "pm", "-o", str(out)], input="2\n1\nq\n",
                          capture_output=True, text=True, check=False, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert list(json.loads(out.read_text(encoding="utf-8"))["answers"]) == ["ur-sample"]


def test_titles_can_never_form_markup_when_re_inserted() -> None:
    """Material puts a truncated title's text back into the page as HTML (its tooltips): the
    hostile guide title's code span `<script>` came back as an element once the pointer
    rested on the footer link."""
    from generator.content.safety import plain

    shown = plain("A `<script>x</script>` & <https://example.com/x>")
    assert "<" not in shown and ">" not in shown and "&lt;" not in shown
    assert shown.startswith("A `\u2039script\u203ax\u2039/script\u203a` &amp; ")


@pytest.mark.parametrize(("fixture", "rel", "old", "new", "where"), [
    ("minimal", "content/skills/testing.yml", "name: Testing",
     'name: "Tes\\e]0;PWNED\\ating"', "content/skills/testing.yml:3: name:"),
    ("minimal", "content/resources.yml", "title:", 'title: "\\x9b2J" #', "content/resources.yml:"),
    ("minimal", "content/guides/start.md", "Write a test.", "Write a \x1b[2Jtest.",
     "content/guides/start.md:8:"),
    ("trilingual", "content/i18n/ru/skills/testing.yml", "{text: Тестирование,",
     '{text: "Тест\\u0007ирование",', "content/i18n/ru/skills/testing.yml:1: name:"),
])
def test_control_characters_in_content_are_refused(tmp_path: Path, fixture: str, rel: str,
                                                   old: str, new: str, where: str) -> None:
    """YAML's escapes write any character: an ESC or C1 control in content would be obeyed by
    the terminal that `assess` prints it to (clear the screen, retitle the window)."""
    project = copy_project(FIXTURES / fixture, tmp_path / "p")
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = run_cli("validate", "--root", str(project), cwd=tmp_path)
    assert result.code == 1 and "Traceback" not in result.err
    assert where in result.err and "a control character (expected printable text, got U+" \
        in result.err, result.err
    assert ESC not in result.err and "\x07" not in result.err
