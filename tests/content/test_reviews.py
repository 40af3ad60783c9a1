"""Time-sensitive content says when it was last reviewed, and an old review is a warning."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from generator.content.load import load_content
from generator.content.reviews import stale_reviews
from tests.conftest import run_cli


def _review(project: Path, when: str) -> None:
    skill = project / "content" / "skills" / "testing.yml"
    skill.write_text(skill.read_text(encoding="utf-8") + f"reviewed: {when}\n", encoding="utf-8")


def test_an_old_review_is_a_warning_at_its_line_and_fails_strict(minimal: Path) -> None:
    _review(minimal, "2020-01-31")
    [warning] = stale_reviews(load_content(minimal), date(2026, 12, 1))
    line = len((minimal / "content/skills/testing.yml").read_text().splitlines())
    assert str(warning) == (f"content/skills/testing.yml:{line}: warning: last reviewed on "
                            "2020-01-31, 2496 days ago (expected a review at least every 365 "
                            "days: check its facts, then update 'reviewed')")
    assert run_cli("validate", cwd=minimal).code == 0
    assert run_cli("validate", "--strict", cwd=minimal).code == 1


def test_a_recent_review_is_shown_on_the_page(minimal: Path) -> None:
    today = date.today().isoformat()
    _review(minimal, today)
    assert stale_reviews(load_content(minimal), date.today()) == []
    assert run_cli("build", "--no-site", cwd=minimal).code == 0
    page = (minimal / "generated/docs/skills/testing.md").read_text(encoding="utf-8")
    assert f"Last reviewed {today}" in page


def test_a_malformed_review_date_is_an_error(minimal: Path) -> None:
    _review(minimal, "last spring")
    result = run_cli("validate", cwd=minimal)
    assert result.code == 1
    assert "reviewed: a malformed date (expected 'YYYY-MM-DD', got 'last spring')" in result.err
