"""One person's report, in the terminal's formats, from the browser's own report model.

What a result says is defined once, in ``report.js`` (``reportModel``, ``markdownReport``,
``radarModel``): the Markdown is byte for byte the browser's "Download Markdown report",
and the HTML page renders the same model. The JSON form is the scoring result object of
``docs/scoring.md``.
"""

from __future__ import annotations

from typing import Any

from .engine import engine
from .html import render_html
from .lookup import Assessment
from .results import ResultFile
from .scoring import score

FORMATS = ("md", "html", "json")


def document(result: ResultFile, role_id: str) -> dict[str, Any]:
    """The result file as the browser keeps it, with the role the report is for."""
    return {**result.to_json(), "role": role_id}


def build_report(a: Assessment, result: ResultFile, role_id: str) -> dict[str, Any]:
    """The scored result, the report model and the radar, for one result and role."""
    scored = score(a.data, result.scoring_input(), role_id)
    doc = document(result, role_id)
    return {
        "doc": doc, "scored": scored,
        "model": engine().call("reportModel", doc, scored, data=a.data),
        "radar": engine().call("radarModel", scored, data=a.data),
    }


def report_markdown(a: Assessment, report: dict[str, Any]) -> str:
    text: str = engine().call("markdownReport", report["doc"], report["scored"], data=a.data)
    return text


def report_html(a: Assessment, report: dict[str, Any]) -> str:
    return render_html("report.html.j2", a, m=report["model"], radar=report["radar"],
                       text=lambda html: engine().call("text", html))
