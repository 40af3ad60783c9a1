"""One run of the terminal assessment: asks the questions, saving after every answer.

Every answer is written at once (atomically), so Ctrl-C, ``q`` or the end of piped input
loses nothing. ``b`` goes back to the previous question (its answer can be changed) and
``s`` skips one, leaving it for the next run. Text is wrapped to the terminal's width, and
every prompt names the skill, because a skill's level descriptions are longer than an
80×24 screen and would push its name out of sight.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from .format import plain
from .lookup import Assessment
from .results import ResultFile, now, write_result
from .scoring import questions_for
from .terminal import fill, paragraphs, width

BAR_WIDTH = 20


class Stop(Exception):
    """The person typed ``q``: save and stop without an error."""


class Back(Exception):
    """The person typed ``b``: ask the previous question again."""


class Skip(Exception):
    """The person typed ``s``: leave this question unanswered for now."""


@dataclass(frozen=True)
class Question:
    """One step of the assessment: a self-rating (``check`` is None) or a knowledge check."""

    skill: dict[str, Any]
    check: dict[str, Any] | None = None

    @property
    def key(self) -> tuple[str, str | None]:
        return self.skill["id"], self.check["id"] if self.check else None

    def answered(self, result: ResultFile) -> bool:
        if self.check is None:
            return self.skill["id"] in result.ratings
        return self.check["id"] in result.answers


def questions(data: dict[str, Any], mode: str,
              doc: dict[str, Any] | None = None) -> list[Question]:
    """Every question in asking order, as the browser asks them (``scoring.js``'s
    ``questionsFor``), given the answers so far: in quick mode a skill's second check is
    asked only while the answers disagree with the rating, so ask again after each answer."""
    skills = {s["id"]: s for s in data["skills"]}
    checks = {c["id"]: c for s in data["skills"] for c in s["checks"]}
    return [Question(skills[q["skill"]], checks[q["check"]] if q["check"] else None)
            for q in questions_for(data, mode, doc)]


def block_text(fragment: str) -> str:
    """Block HTML (paragraphs, lists) → plain text with list bullets, wrapped."""
    text = re.sub(r"<li>", "\n• ", fragment)
    text = re.sub(r"</p>\s*<p>", "\n\n", text)
    return paragraphs(plain(text))


def end_prompt_line() -> None:
    """A terminal echoes the Enter that ended the answer; piped input is not echoed, so end
    the prompt's line ourselves."""
    if not sys.stdin.isatty():
        click.echo("")


def progress(done: int, total: int) -> str:
    filled = round(BAR_WIDTH * done / total) if total else BAR_WIDTH
    percent = round(100 * done / total) if total else 100
    return f"{'█' * filled}{'░' * (BAR_WIDTH - filled)} {percent:3d}%"


@dataclass
class Session:
    """Asks the remaining questions of ``result`` and saves it to ``path`` after each."""

    a: Assessment
    result: ResultFile
    path: Path
    skipped: int = field(default=0)

    def save(self) -> None:
        self.result.updated = now()
        write_result(self.path, self.result)

    def read(self, prompt: str, valid: list[str], moves: bool = True) -> str:
        """A line from the person: one of ``valid``, or ``q`` (and ``b``/``s`` when
        ``moves``); asks again on anything else."""
        t = self.a.t
        while True:
            click.echo(click.style(prompt, bold=True) + " ", nl=False)
            answer = input().strip().lower()
            end_prompt_line()
            if answer in {"q", "quit"}:
                raise Stop
            if moves and answer in {"b", "back"}:
                raise Back
            if moves and answer in {"s", "skip"}:
                raise Skip
            if answer in valid:
                return answer
            shown = ", ".join(v for v in valid if v)
            click.echo(t("cli.assess.invalid_moves" if moves else "cli.assess.invalid",
                         choices=shown))

    def header(self, question: Question, position: int, total: int) -> None:
        skill = question.skill
        where = f"{self.a.area_name(skill['area'])} › {skill['name']}"
        if question.check is not None:
            where += f" · {self.a.t('cli.assess.check_label')}"
        click.echo(click.style(f"[{position}/{total}] {progress(position - 1, total)}  ", dim=True)
                   + click.style(where, fg="cyan"))

    def ask_rating(self, skill: dict[str, Any]) -> None:
        t, cols = self.a.t, width()
        click.echo(fill(f"{skill['name']} — {plain(skill['summary_html'])}", cols))
        other = self.result.mode == "opinion"
        click.echo(fill(t("cli.assess.rating_question_other", name=self.result.name or "")
                        if other else t("cli.assess.rating_question"), cols))
        values = skill["applicable"]  # only the levels that apply to this skill
        for value in values:
            click.echo(click.style(fill(f"{self.a.level_name(value)}:", cols, f"  {value}  ",
                                        "     "), bold=True))
            for behaviour in self.a.behaviours(skill["id"], value):
                click.echo(fill(behaviour, cols, "     – ", "       "))
        contiguous = values == list(range(values[0], values[-1] + 1))
        prompt = t("cli.assess.rating_prompt_other" if other else "cli.assess.rating_prompt",
                   skill=skill["name"], name=self.result.name or "",
                   choices=f"{values[0]}–{values[-1]}" if contiguous
                   else ", ".join(map(str, values)))
        level = int(self.read(prompt, [str(v) for v in values]))
        self.result.ratings[skill["id"]] = {"level": level, "hash": skill["rating_hash"]}
        self.save()
        click.echo("")

    def ask_check(self, skill: dict[str, Any], check: dict[str, Any]) -> None:
        t, cols = self.a.t, width()
        click.echo(block_text(check["question_html"]))
        order = check["order"]  # decided at build time: the browser shows the same order
        for shown, index in enumerate(order, start=1):
            click.echo(fill(plain(check["options"][index]["html"]), cols, f"  {shown}  ",
                            "     "))
        prompt = t("cli.assess.check_prompt", skill=skill["name"], high=len(order))
        shown = int(self.read(prompt, [str(n) for n in range(1, len(order) + 1)]))
        choice = order[shown - 1]
        entry: dict[str, Any] = {"choice": choice, "hash": check["hash"]}
        self.result.answers[check["id"]] = entry
        self.save()  # the answer is kept even if the person stops at the next question
        sure = self.read(t("cli.assess.sure_prompt"), ["1", "2", "3", ""], moves=False)
        if sure:  # optional, as in the browser: Enter skips it
            entry["sure"] = int(sure)
            self.save()
        best = check["options"][check["answer"]]
        if choice == check["answer"]:
            click.echo(click.style(t("cli.assess.right"), fg="green", bold=True))
            click.echo(fill(plain(best["explanation_html"]), cols))
        else:
            click.echo(click.style(t("cli.assess.wrong"), fg="yellow", bold=True))
            click.echo(fill(plain(check["options"][choice]["explanation_html"]), cols))
            click.echo(fill(t("cli.assess.best_answer", answer=plain(best["html"])), cols))
            click.echo(fill(plain(best["explanation_html"]), cols))
        click.echo("")

    def ask(self, question: Question) -> None:
        if question.check is None:
            self.ask_rating(question.skill)
        else:
            self.ask_check(question.skill, question.check)

    def asked(self) -> list[Question]:
        return questions(self.a.data, self.result.mode, self.result.to_json())

    def run(self) -> None:
        """Ask, from the first unanswered question on, working the list out again after
        every answer. ``b`` steps back one question, even to an answered one; ``s`` moves
        on and leaves the question for the next run."""
        history: list[tuple[str, str | None]] = []
        skipped: set[tuple[str, str | None]] = set()
        last: tuple[str, str | None] | None = None
        again: tuple[str, str | None] | None = None  # a question to ask again (after b)
        while True:
            asked = self.asked()
            keys = [q.key for q in asked]
            if again in keys:
                position = keys.index(again)
            else:
                start = keys.index(last) + 1 if last in keys else 0
                position = next((n for n in range(start, len(asked))
                                 if not asked[n].answered(self.result)
                                 and keys[n] not in skipped), len(asked))
            again = None
            if position == len(asked):
                break
            question = asked[position]
            self.header(question, position + 1, len(asked))
            try:
                self.ask(question)
            except Back:
                click.echo("")
                if history:
                    again = history.pop()
                    last = history[-1] if history else None
                elif position > 0:
                    again = keys[position - 1]
                else:
                    click.echo(self.a.t("cli.assess.at_start"))
                continue
            except Skip:
                click.echo("")
                skipped.add(question.key)
            history.append(question.key)
            last = question.key
        self.skipped = sum(not q.answered(self.result) for q in self.asked())
