"""Self-contained HTML pages for the terminal's reports, every value escaped."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import jinja2

from .lookup import Assessment


@lru_cache(maxsize=1)
def _html_templates() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("generator", "templates/cli"),
        undefined=jinja2.StrictUndefined, autoescape=True,  # every value is escaped
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def render_html(template: str, assessment: Assessment, **context: Any) -> str:
    """A self-contained HTML page from ``generator/templates/cli/``, every value escaped."""
    page = _html_templates().get_template(template)
    return page.render(t=assessment.t, language=assessment.strings.language, **context)
