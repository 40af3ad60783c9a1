"""``assess``: the terminal self-assessment, driven through CliRunner, a pipe and a pty.

The scoring fixture asks, in quick mode: user-research (rating, ur-sample), prioritising
(rating, pr-opportunity-cost: no quick check, so the first one fills up), metrics (rating,
me-proxy), shipping (rating, sh-flag: the first of two quick checks), ml-basics (rating
only, it has no checks) — 9 questions; full mode asks all 10 checks, 15 questions.
"""

from __future__ import annotations

import json
import os
import pty
import re
import select
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main
from generator.commands._shared import invocation
from tests.assessment.helpers import SCORING, check, result_json, scoring_data, write_json

REPO = Path(__file__).resolve().parents[2]
ANSI = re.compile(r"\x1b\[[0-9;]*m")

QUICK_ORDER = ["user-research", "ur-sample", "prioritising", "pr-opportunity-cost", "metrics",
               "me-proxy", "shipping", "sh-flag", "ml-basics"]


def typed(check_id: str, content_index: int, sure: str = "") -> str:
    """The lines to type to pick an option, given the order the data fixes for the terminal
    and the browser alike, then the "how sure" answer (empty: skipped)."""
    order = check(scoring_data(), check_id)["order"]
    return f"{order.index(content_index) + 1}\n{sure}"


def quick_input(ratings: dict[str, int], choices: dict[str, int]) -> str:
    """Lines answering the quick-mode questions in asking order."""
    lines = []
    for step in QUICK_ORDER:
        lines.append(str(ratings[step]) if step in ratings else typed(step, choices[step]))
    return "\n".join(lines) + "\n"


RATINGS = {"user-research": 2, "prioritising": 3, "metrics": 1, "shipping": 4, "ml-basics": 0}
CHOICES = {"ur-sample": 1, "pr-opportunity-cost": 0, "me-proxy": 1, "sh-flag": 0}


def invoke(*args: str, input: str | None = None):
    return CliRunner().invoke(main, ["assess", "--root", str(SCORING), *args], input=input)


def saved(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_help() -> None:
    result = CliRunner().invoke(main, ["assess", "--help"])
    assert result.exit_code == 0
    assert "Take the self-assessment in the terminal" in result.output
    assert "--mode [quick|full]" in result.output


def test_a_whole_quick_assessment_writes_the_browser_format(tmp_path: Path) -> None:
    out = tmp_path / "me.json"
    result = invoke("--role", "pm", "--name", "Ada", "-o", str(out),
                    input=quick_input(RATINGS, CHOICES))
    assert result.exit_code == 0, result.output
    data = scoring_data()
    written = saved(out)
    expected = result_json(data, RATINGS, CHOICES, role="pm", name="Ada", mode="quick")
    for key in ("created", "updated"):
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", written.pop(key))
        expected.pop(key)
    assert written == expected
    assert "9 of 9 questions to go · target role: ML product manager · mode: Quick" in result.output
    assert "[1/9] ░░░░░░░░░░░░░░░░░░░░   0%  Discovery › User research" in result.output
    assert "[9/9] ██████████████████░░  89%  Technical › ML basics" in result.output
    assert f"All questions answered. Saved to {out}." in result.output
    assert f"For scores, goals and what to read: {invocation('report', str(out))}" in \
        result.output


def test_options_are_shown_in_the_data_order_and_stored_in_content_order(
        tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    data = scoring_data()
    sample = check(data, "ur-sample")  # content order: "Ship it.", "Talk to sceptics and …"
    options = [re.sub(r"<[^>]+>", "", o["html"]) for o in sample["options"]]
    result = invoke("--role", "pm", "-o", str(out), input="2\n" + typed("ur-sample", 1) + "\n")
    shown = "".join(f"  {n}  {options[i]}\n" for n, i in enumerate(sample["order"], start=1))
    assert shown in ANSI.sub("", result.output)  # the order the browser shows too
    assert saved(out)["answers"]["ur-sample"]["choice"] == 1
    assert "Right.\nLook for disconfirming evidence." in result.output


def test_how_sure_is_asked_after_each_answer_and_saved(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    result = invoke("--role", "pm", "-o", str(out),
                    input="2\n" + typed("ur-sample", 0, sure="5") + "\n3\nq\n")
    assert "How sure are you? 1 guessing, 2 fairly sure, 3 sure (Enter to skip):" in result.output
    assert "Please type one of: 1, 2, 3 (or q to stop)." in result.output
    assert saved(out)["answers"]["ur-sample"]["sure"] == 3


def test_a_wrong_answer_is_explained(tmp_path: Path) -> None:
    result = invoke("--role", "pm", "-o", str(tmp_path / "s.json"), input="2\n" + typed(
        "ur-sample", 0) + "\n")
    assert "Not quite.\nThree fans are not a sample.\nThe best answer: Talk to sceptics and " \
           "non-users too.\nLook for disconfirming evidence." in result.output


def test_invalid_input_is_asked_again(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    result = invoke("--role", "pm", "-o", str(out), input="7\nlots\n2\n")
    assert result.output.count(
        "Please type one of: 0, 1, 2, 3, 4 (or b to go back, s to skip, q to stop).") == 2
    assert saved(out)["ratings"]["user-research"]["level"] == 2


def test_input_ending_early_saves_and_the_next_run_continues(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    first = invoke("--role", "pm", "-o", str(out), input="2\n" + typed("ur-sample", 1) + "\n3\n")
    assert first.exit_code == 1
    assert first.stderr == (f"Input ended before the last question. Your answers are saved in "
                            f"{out}; run the same command again to continue.\n")
    assert "Traceback" not in first.output
    partial = saved(out)
    assert (list(partial["ratings"]), list(partial["answers"])) == (
        ["user-research", "prioritising"], ["ur-sample"])

    rest = QUICK_ORDER[3:]
    lines = [str(RATINGS[s]) if s in RATINGS else typed(s, CHOICES[s]) for s in rest]
    second = invoke("-o", str(out), input="\n".join(lines) + "\n")  # role and mode from the file
    assert second.exit_code == 0, second.output
    assert f"Continuing {out}: 3 answers saved so far." in second.output
    assert "6 of 9 questions to go" in second.output
    assert "[1/9]" not in second.output and "[4/9]" in second.output
    done = saved(out)
    assert done["created"] == partial["created"]
    assert {k: v["level"] for k, v in done["ratings"].items()} == {**RATINGS, "prioritising": 3}
    assert {k: v["choice"] for k, v in done["answers"].items()} == CHOICES


def test_q_stops_without_an_error(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    result = invoke("--role", "pm", "-o", str(out), input="1\nq\n")
    assert result.exit_code == 0
    assert (f"Stopped. Your answers are saved in {out}; run the same command again to "
            "continue.") in result.output
    assert list(saved(out)["ratings"]) == ["user-research"]


def test_the_role_is_asked_when_not_given(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    result = invoke("-o", str(out), input="4\n2\nq\n")
    assert "Which role are you aiming for?\n  1  ML product manager — Owns an ML product." \
        in result.output
    assert "Please type one of: 1–3 (or q to stop)." in result.output
    assert saved(out)["role"] == "lead"


def test_a_stale_answer_is_asked_again(tmp_path: Path) -> None:
    data = scoring_data()
    raw = result_json(data, RATINGS, CHOICES, role="pm", mode="quick")
    raw["answers"]["me-proxy"]["hash"] = "000000000000"  # the question changed since
    out = write_json(tmp_path / "r.json", raw)
    result = invoke("-o", str(out), input=typed("me-proxy", 0) + "\n")
    assert result.exit_code == 0, result.output
    assert (f"{out}: dropped answers to questions that changed since; they will be asked "
            "again: me-proxy") in result.stderr
    assert "1 of 9 questions to go" in result.output
    assert "[6/9]" in result.output and "Accuracy rose but revenue fell." in result.output
    assert saved(out)["answers"]["me-proxy"] == {"choice": 0, "hash": check(data, "me-proxy")["hash"]}


def test_full_mode_continues_a_quick_result(tmp_path: Path) -> None:
    data = scoring_data()
    out = write_json(tmp_path / "r.json",
                     result_json(data, RATINGS, CHOICES, role="pm", mode="quick"))
    result = invoke("--mode", "full", "-o", str(out), input="1\n1\n1\n1\n1\n1\nq\n")
    assert "6 of 15 questions to go" in result.output
    assert saved(out)["mode"] == "full"


def test_a_foreign_output_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    out = tmp_path / "notes.json"
    out.write_text('{"todo": ["milk"]}', encoding="utf-8")
    result = invoke("--role", "pm", "-o", str(out), input="2\n")
    assert result.exit_code == 1
    assert result.stderr == (f"{out}: not a result file (expected \"format\": "
                             "\"mlpm-assessment-result\", got null)\n")
    assert out.read_text(encoding="utf-8") == '{"todo": ["milk"]}'


def test_an_unknown_role_is_a_clear_error(tmp_path: Path) -> None:
    result = invoke("--role", "ceo", "-o", str(tmp_path / "r.json"))
    assert result.exit_code == 1
    assert result.stderr == "unknown role 'ceo' (expected one of: pm, lead, junior)\n"


def test_piped_through_a_real_process_without_colour(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "assess", "--root", str(SCORING), "--role", "lead",
         "-o", str(out)], input=quick_input(RATINGS, CHOICES), capture_output=True, text=True,
        cwd=tmp_path, check=False)
    assert proc.returncode == 0, proc.stderr
    assert "\x1b[" not in proc.stdout + proc.stderr
    assert "Your largest gaps to Lead ML product manager:" in proc.stdout
    # metrics: rated 1, its one check wrong: unconfirmed, counts as 0, gap 4 × 2 = 8;
    # ml-basics 0, gap 3 × 2 = 6; user-research 2 + (3 − 2)/3 = 2.33, gap 1.67 × 3 = 5.01
    assert "  1. Metrics: 0 → 4\n  2. ML basics: 0 → 3\n  3. User research: 2.33 → 4\n" \
        in proc.stdout
    assert saved(out)["role"] == "lead"


class Terminal:
    """A child process on a pseudo-terminal: it sees a tty, and Ctrl-C is a real SIGINT."""

    def __init__(self, args: list[str], cwd: Path) -> None:
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child
            os.chdir(cwd)
            os.execv(sys.executable, [sys.executable, "-m", "generator", *args])
        self.seen = ""

    def expect(self, text: str, timeout: float = 20) -> str:
        end = time.monotonic() + timeout
        while text not in ANSI.sub("", self.seen):
            left = end - time.monotonic()
            assert left > 0, f"timed out waiting for {text!r}; got:\n{self.seen[-2000:]}"
            if select.select([self.fd], [], [], left)[0]:
                try:
                    chunk = os.read(self.fd, 4096)
                except OSError:  # the child closed the terminal
                    chunk = b""
                if not chunk:
                    break
                self.seen += chunk.decode("utf-8", "replace")
        assert text in ANSI.sub("", self.seen), f"{text!r} not in:\n{self.seen[-2000:]}"
        return self.seen

    def send(self, text: str) -> None:
        os.write(self.fd, text.encode())

    def wait(self) -> int:
        try:
            while os.read(self.fd, 4096):
                pass
        except OSError:
            pass
        _, status = os.waitpid(self.pid, 0)
        os.close(self.fd)
        return os.waitstatus_to_exitcode(status)


def test_ctrl_c_in_a_terminal_saves_and_the_next_run_continues(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    args = ["assess", "--root", str(SCORING), "--role", "pm", "-o", str(out)]
    term = Terminal(args, tmp_path)
    term.expect("User research — your level (0–4; b back, s skip, q stop):")
    term.send("2\r")
    term.expect("User research — your answer (1–2; b back, s skip, q stop):")
    term.send(typed("ur-sample", 1) + "\r")
    term.expect("[3/9]")
    term.send("\x03")  # Ctrl-C
    seen = term.expect("Interrupted.")
    assert term.wait() == 130
    assert "\x1b[" in seen  # a terminal gets colour
    assert "Traceback" not in seen
    # Wrapped to the terminal's 80 columns at word boundaries.
    assert max(len(line) for line in ANSI.sub("", seen).splitlines()) <= 80
    assert (list(saved(out)["ratings"]), list(saved(out)["answers"])) == (
        ["user-research"], ["ur-sample"])

    term = Terminal(args, tmp_path)
    seen = term.expect("saved so far.")
    assert f"Continuing {out}: 2 answers saved so far." in " ".join(ANSI.sub("", seen).split())
    for step in QUICK_ORDER[2:]:
        term.expect("q stop):")
        term.send((str(RATINGS[step]) if step in RATINGS else typed(step, CHOICES[step])) + "\r")
        term.seen = term.seen[-200:]  # wait for the next prompt, not this one
    term.expect("All questions answered.")
    assert term.wait() == 0
    assert {k: v["level"] for k, v in saved(out)["ratings"].items()} == RATINGS


def test_input_ending_before_the_role_is_chosen(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    result = invoke("-o", str(out), input="")
    assert result.exit_code == 1
    assert result.stderr == ("input ended before a target role was chosen (pass --role to "
                             "choose it up front)\n")
    assert not out.exists()
