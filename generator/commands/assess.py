"""``assess``: the self-assessment in the terminal, writing the same result file as the browser.

Every answer is saved at once (atomically), so Ctrl-C, ``q`` or the end of piped input
loses nothing: running the same command again continues with the first unanswered
question. Questions come in the browser's order and a check's options in the order the
data fixes for both; the file stores the content-order index, as the browser does.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from ..assessment.format import number, plain
from ..assessment.lookup import Assessment, load_assessment
from ..assessment.results import ResultFile, new_result, now, read_result, write_result
from ..assessment.scoring import questions_for, score
from ..errors import GeneratorError

BAR_WIDTH = 20


class Stop(Exception):
    """The person typed ``q``: save and stop without an error."""


@dataclass(frozen=True)
class Question:
    """One step of the assessment: a self-rating (``check`` is None) or a knowledge check."""

    skill: dict[str, Any]
    check: dict[str, Any] | None = None

    def answered(self, result: ResultFile) -> bool:
        if self.check is None:
            return self.skill["id"] in result.ratings
        return self.check["id"] in result.answers


def questions(data: dict[str, Any], mode: str) -> list[Question]:
    """Every question in asking order, as the browser asks them (``scoring.js``'s
    ``questionsFor``: per skill, the self-rating, then the checks the data lists)."""
    skills = {s["id"]: s for s in data["skills"]}
    checks = {c["id"]: c for s in data["skills"] for c in s["checks"]}
    return [Question(skills[q["skill"]], checks[q["check"]] if q["check"] else None)
            for q in questions_for(data, mode)]


def block_text(fragment: str) -> str:
    """Block HTML (paragraphs, lists) → plain text with list bullets."""
    text = re.sub(r"<li>", "  • ", fragment)
    text = re.sub(r"</p>\s*<p>", "\n\n", text)
    return re.sub(r"\n{3,}", "\n\n", plain(text))


def end_prompt_line() -> None:
    """A terminal echoes the Enter that ended the answer; piped input is not echoed, so end
    the prompt's line ourselves."""
    if not sys.stdin.isatty():
        click.echo("")


def progress(done: int, total: int) -> str:
    filled = round(BAR_WIDTH * done / total) if total else BAR_WIDTH
    percent = round(100 * done / total) if total else 100
    return f"{'█' * filled}{'░' * (BAR_WIDTH - filled)} {percent:3d}%"


class Session:
    """One run of ``assess``: asks the remaining questions, saving after each answer."""

    def __init__(self, assessment: Assessment, result: ResultFile, path: Path) -> None:
        self.a = assessment
        self.t = assessment.t
        self.result = result
        self.path = path

    def save(self) -> None:
        self.result.updated = now()
        write_result(self.path, self.result)

    def read(self, prompt: str, valid: list[str]) -> str:
        """A line from the person: one of ``valid``, or ``q``; asks again on anything else."""
        while True:
            click.echo(click.style(prompt, bold=True) + " ", nl=False)
            answer = input().strip().lower()
            end_prompt_line()
            if answer in {"q", "quit"}:
                raise Stop
            if answer in valid:
                return answer
            click.echo(self.t("cli.assess.invalid", choices=", ".join(v for v in valid if v)))

    def header(self, question: Question, position: int, total: int) -> None:
        skill = question.skill
        where = f"{self.a.area_name(skill['area'])} › {skill['name']}"
        if question.check is not None:
            where += f" · {self.t('cli.assess.check_label')}"
        click.echo(click.style(f"[{position}/{total}] {progress(position - 1, total)}  ", dim=True)
                   + click.style(where, fg="cyan"))

    def ask_rating(self, skill: dict[str, Any]) -> None:
        click.echo(click.style(skill["name"], bold=True) + f" — {plain(skill['summary_html'])}")
        click.echo(self.t("cli.assess.rating_question"))
        values = skill["applicable"]  # only the levels that apply to this skill
        for value in values:
            label = click.style(f"{self.a.level_name(value)}:", bold=True)
            click.echo(f"  {value}  {label} {' '.join(self.a.behaviours(skill['id'], value))}")
        contiguous = values == list(range(values[0], values[-1] + 1))
        prompt = self.t("cli.assess.rating_prompt", choices=f"{values[0]}–{values[-1]}"
                        if contiguous else ", ".join(map(str, values)))
        level = int(self.read(prompt, [str(v) for v in values]))
        self.result.ratings[skill["id"]] = {"level": level, "hash": skill["rating_hash"]}

    def ask_check(self, check: dict[str, Any]) -> None:
        click.echo(block_text(check["question_html"]))
        order = check["order"]  # decided at build time: the browser shows the same order
        for shown, index in enumerate(order, start=1):
            click.echo(f"  {shown}  {plain(check['options'][index]['html'])}")
        prompt = self.t("cli.assess.check_prompt", high=len(order))
        shown = int(self.read(prompt, [str(n) for n in range(1, len(order) + 1)]))
        choice = order[shown - 1]
        entry: dict[str, Any] = {"choice": choice, "hash": check["hash"]}
        self.result.answers[check["id"]] = entry
        self.save()  # the answer is kept even if the person stops at the next question
        sure = self.read(self.t("cli.assess.sure_prompt"), ["1", "2", "3", ""])
        if sure:  # optional, as in the browser: Enter skips it
            entry["sure"] = int(sure)
            self.save()
        best = check["options"][check["answer"]]
        if choice == check["answer"]:
            click.echo(click.style(self.t("cli.assess.right"), fg="green", bold=True) + " "
                       + plain(best["explanation_html"]))
        else:
            click.echo(click.style(self.t("cli.assess.wrong"), fg="yellow", bold=True) + " "
                       + plain(check["options"][choice]["explanation_html"]))
            click.echo(self.t("cli.assess.best_answer", answer=plain(best["html"]),
                              why=plain(best["explanation_html"])))
        click.echo("")

    def run(self, questions: list[Question]) -> None:
        total = len(questions)
        for position, question in enumerate(questions, start=1):
            if question.answered(self.result):
                continue
            self.header(question, position, total)
            if question.check is None:
                self.ask_rating(question.skill)
                self.save()
                click.echo("")
            else:
                self.ask_check(question.check)


def choose_role(assessment: Assessment) -> str:
    """Ask for the target role (no question when the content has only one)."""
    roles = assessment.data["roles"]
    if len(roles) == 1:
        return roles[0]["id"]
    click.echo(click.style(assessment.t("cli.assess.role_question"), bold=True))
    for number_shown, role in enumerate(roles, start=1):
        click.echo(f"  {number_shown}  {role['name']} — {role['summary']}")
    while True:
        click.echo(assessment.t("cli.assess.role_prompt", high=len(roles)) + " ", nl=False)
        answer = input().strip()
        end_prompt_line()
        if answer.isdigit() and 1 <= int(answer) <= len(roles):
            return roles[int(answer) - 1]["id"]
        click.echo(assessment.t("cli.assess.invalid", choices=f"1–{len(roles)}"))


def open_result(assessment: Assessment, path: Path, role: str | None, mode: str | None,
                name: str | None) -> ResultFile:
    """The result to continue (``path`` exists) or a new one; options given now win."""
    t = assessment.t
    if path.exists():
        result = read_result(path, assessment.data)
        for notice in result.notices:
            click.echo(notice, err=True)
        result.notices = []
        result.source = str(path)
    else:
        result = None
    if role is not None:
        role = assessment.choose_role(role)
    elif result is not None and result.role:
        role = result.role
    else:
        role = choose_role(assessment)
    if result is None:
        return new_result(assessment.data, str(path), mode or "quick", role, name)
    result.role = role
    result.mode = mode or result.mode
    result.name = name or result.name
    result.framework = assessment.data["framework"]["name"]
    result.framework_version = assessment.data["framework"]["version"]
    result.content_version = assessment.data["content_version"]
    done = len(result.ratings) + len(result.answers)
    click.echo(t("cli.assess.continuing", file=str(path), done=done))
    return result


def summary(assessment: Assessment, result: ResultFile, path: Path) -> None:
    t = assessment.t
    scored = score(assessment.data, result.scoring_input(), result.role or "")
    click.echo(click.style(t("cli.assess.done", file=str(path)), bold=True))
    role_name = assessment.role(scored["role"])["name"]
    if scored["top_gaps"]:
        click.echo(t("cli.assess.top_gaps", role=role_name))
        for rank, gap in enumerate(scored["gaps"][: len(scored["top_gaps"])], start=1):
            skill = assessment.skill(gap["skill"])
            click.echo("  " + t("cli.assess.gap_line", rank=rank, skill=skill["name"],
                                current=number(gap["current"]), target=gap["target"]))
    else:
        click.echo(t("cli.assess.no_gaps", role=role_name))
    click.echo(t("cli.assess.next", file=str(path)))


def run(root: Path, output: Path, role: str | None, mode: str | None, name: str | None) -> None:
    assessment = load_assessment(root)
    t = assessment.t
    # The role question reads stdin too, so it sits inside the same interruption handling.
    try:
        result = open_result(assessment, output, role, mode, name)
    except EOFError:
        raise GeneratorError(t("cli.assess.no_role_input")) from None
    except KeyboardInterrupt:
        click.echo("")
        raise click.exceptions.Exit(130) from None
    write_result(output, result)
    asked = questions(assessment.data, result.mode)
    left = sum(not q.answered(result) for q in asked)
    click.echo(t("cli.assess.intro", total=len(asked), left=left,
                 role=assessment.role(result.role or "")["name"], mode=result.mode))
    click.echo("")
    session = Session(assessment, result, output)
    try:
        session.run(asked)
    except Stop:
        session.save()
        click.echo(t("cli.assess.stopped", file=str(output)))
        return
    except EOFError:
        session.save()
        click.echo("")
        click.echo(t("cli.assess.input_ended", file=str(output)), err=True)
        raise click.exceptions.Exit(1) from None
    except KeyboardInterrupt:
        session.save()
        click.echo("")
        click.echo(t("cli.assess.interrupted", file=str(output)), err=True)
        raise click.exceptions.Exit(130) from None
    summary(assessment, result, output)
