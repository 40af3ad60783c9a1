"""``assess``: the self-assessment in the terminal, writing the same result file as the browser.

Running the same command again continues with the first unanswered question (the asking
itself is ``generator.assessment.session``). Questions come in the browser's order and a
check's options in the order the data fixes for both; the file stores the content-order
index, as the browser does.
"""

from __future__ import annotations

from pathlib import Path

import click

from ..assessment.lookup import Assessment, load_assessment
from ..assessment.report import build_report
from ..assessment.results import ResultFile, new_result, read_result, write_result
from ..assessment.session import Session, Stop, end_prompt_line
from ..assessment.terminal import fill
from ..errors import GeneratorError
from ._shared import invocation


def say(text: str, err: bool = False) -> None:
    """A message wrapped to the terminal."""
    click.echo(fill(text), err=err)


def choose_role(assessment: Assessment) -> str:
    """Ask for the target role (no question when the content has only one)."""
    roles = assessment.data["roles"]
    if len(roles) == 1:
        return roles[0]["id"]
    click.echo(click.style(assessment.t("cli.assess.role_question"), bold=True))
    for number_shown, role in enumerate(roles, start=1):
        click.echo(fill(f"{role['name']} — {role['summary']}", None, f"  {number_shown}  ",
                        "     "))
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
    ours = assessment.data["framework"]["name"]
    if path.exists():
        result = read_result(path, assessment.data, assessment.strings)
        # Another framework's result: continuing would replace it with an empty one.
        if result.framework != ours and result.notices and not (result.ratings or
                                                                result.answers):
            raise GeneratorError(t("cli.assess.other_framework", file=str(path),
                                   theirs=result.framework, ours=ours))
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
    result.framework = ours
    result.framework_version = assessment.data["framework"]["version"]
    result.content_version = assessment.data["content_version"]
    done = len(result.ratings) + len(result.answers)
    say(t("cli.assess.continuing", file=str(path), done=done, n=done))
    return result


def summary(assessment: Assessment, result: ResultFile, path: Path, skipped: int) -> None:
    t = assessment.t
    report = build_report(assessment, result, result.role or "")
    scored, model = report["scored"], report["model"]
    if skipped:
        click.echo(click.style(t("cli.assess.skipped", count=skipped, file=str(path)), bold=True))
    else:
        click.echo(click.style(t("cli.assess.done", file=str(path)), bold=True))
    role_name = assessment.role(scored["role"])["name"]
    if scored["top_gaps"]:
        click.echo(t("cli.assess.top_gaps", role=role_name))
        for rank, gap in enumerate(scored["gaps"][: len(scored["top_gaps"])], start=1):
            skill = assessment.skill(gap["skill"])
            click.echo("  " + t("cli.assess.gap_line", rank=rank, skill=skill["name"],
                                current=assessment.number(gap["current"]), target=gap["target"]))
    else:
        say(t("cli.assess.no_gaps", role=role_name) if not model["coverage"]
            else model["gaps_none"])
    for line in model["coverage"]:  # the targets this result cannot speak for
        say(line)
    say(t("cli.assess.next", command=invocation("report", str(path))))


def run(root: Path, output: Path, role: str | None, mode: str | None, name: str | None,
        about: str | None = None, language: str | None = None) -> None:
    assessment = load_assessment(root, language)
    t = assessment.t
    if about is not None:  # a second opinion: ratings only, about someone else
        if mode is not None:
            raise GeneratorError(t("cli.assess.about_and_mode"))
        mode, name, rater = "opinion", about, name
    else:
        rater = None
    # The role question reads stdin too, so it sits inside the same interruption handling.
    try:
        result = open_result(assessment, output, role, mode, name)
        result.rater = rater or result.rater
    except EOFError:
        raise GeneratorError(t("cli.assess.no_role_input")) from None
    except KeyboardInterrupt:
        click.echo("")
        raise click.exceptions.Exit(130) from None
    write_result(output, result)
    session = Session(assessment, result, output)
    asked = session.asked()
    left = sum(not q.answered(result) for q in asked)
    say(t("cli.assess.intro", total=len(asked), left=left,
          role=assessment.role(result.role or "")["name"],
          mode=t(f"assessment.mode_name_{result.mode}")))
    click.echo("")
    try:
        session.run()
    except Stop:
        session.save()
        say(t("cli.assess.stopped", file=str(output)))
        return
    except EOFError:
        session.save()
        click.echo("")
        say(t("cli.assess.input_ended", file=str(output)), err=True)
        raise click.exceptions.Exit(1) from None
    except KeyboardInterrupt:
        session.save()
        click.echo("")
        say(t("cli.assess.interrupted", file=str(output)), err=True)
        raise click.exceptions.Exit(130) from None
    if result.mode == "opinion":
        say(t("cli.assess.opinion_done", name=result.name or "", file=str(output),
              command=invocation("compare", "THEIR-RESULT.json", str(output))))
    else:
        summary(assessment, result, output, session.skipped)
