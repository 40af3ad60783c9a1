"""Helpers for the assessment tests: the scoring fixture's data and result files built from it.

``tests/fixtures/scoring/`` is a small valid project (3 areas, 5 skills, 10 checks, 3 roles,
13 resources) whose numbers ``test_scoring.py`` computes by hand; the tests never read the
shipped ``content/``, which changes as it is written.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from generator.assessment.lookup import Assessment, load_assessment
from generator.assessment.results import FORMAT, FORMAT_VERSION
from tests.conftest import FIXTURES

SCORING = FIXTURES / "scoring"


@lru_cache(maxsize=1)
def scoring_assessment() -> Assessment:
    return load_assessment(SCORING)


def scoring_data() -> dict[str, Any]:
    """The assessment data of the scoring fixture (do not modify: it is shared)."""
    return scoring_assessment().data


def skill(data: dict[str, Any], skill_id: str) -> dict[str, Any]:
    return next(s for s in data["skills"] if s["id"] == skill_id)


def check(data: dict[str, Any], check_id: str) -> dict[str, Any]:
    return next(c for s in data["skills"] for c in s["checks"] if c["id"] == check_id)


def right(data: dict[str, Any], check_id: str) -> int:
    """The content-order index of a check's best answer."""
    return check(data, check_id)["answer"]


def wrong(data: dict[str, Any], check_id: str) -> int:
    """The content-order index of the first wrong answer of a check."""
    return next(i for i in range(len(check(data, check_id)["options"]))
                if i != right(data, check_id))


def answers(data: dict[str, Any], ratings: dict[str, int] | None = None,
            choices: dict[str, int] | None = None) -> dict[str, Any]:
    """Ratings and answers as a result file stores them, with the current hashes."""
    return {
        "ratings": {sid: {"level": level, "hash": skill(data, sid)["rating_hash"]}
                    for sid, level in (ratings or {}).items()},
        "answers": {cid: {"choice": choice, "hash": check(data, cid)["hash"]}
                    for cid, choice in (choices or {}).items()},
    }


def result_json(data: dict[str, Any], ratings: dict[str, int] | None = None,
                choices: dict[str, int] | None = None, *, role: str = "pm",
                name: str | None = "Ada Lovelace", mode: str = "full") -> dict[str, Any]:
    """A whole result file's object, as the browser or ``assess`` writes it."""
    out: dict[str, Any] = {
        "format": FORMAT, "format_version": FORMAT_VERSION,
        "framework": data["framework"]["name"], "framework_version": data["framework"]["version"],
        "content_version": data["content_version"],
        "created": "2026-11-23T10:00:00Z", "updated": "2026-11-23T10:20:00Z",
        "mode": mode, "role": role, **answers(data, ratings, choices),
    }
    if name is not None:
        out["name"] = name
    return out


def write_json(path: Path, value: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


# The team fixture: eight people against the role "pm" (targets user-research 3,
# prioritising 3, metrics 3, shipping 2, ml-basics 2). Ratings in that skill order;
# None leaves a skill unrated.
TEAM = [
    ("Ada Lovelace", (4, 2, 1, 3, 3), {"ur-sample": "right"}),
    ("Grace Hopper", (3, 2, 2, 2, 1), {"me-proxy": "wrong"}),
    ("Alan Turing", (1, 1, 1, 1, 4), {"ur-sample": "right"}),
    ("Katherine Johnson", (2, 2, 4, 2, 2), {}),
    ("Barbara Liskov", (2, 1, 2, 3, 2), {}),
    ("Alan Lee", (1, 2, 0, 1, 0), {}),
    (None, (2, None, None, 2, None), {}),
    ("Eve <img src=x onerror=alert(1)>", (3, 2, 1, 2, 2), {}),
]
TEAM_SKILLS = ("user-research", "prioritising", "metrics", "shipping", "ml-basics")


def write_team(folder: Path, role: str = "pm") -> list[Path]:
    """Write the eight team result files (``person-7.json`` has no name)."""
    data = scoring_data()
    paths = []
    for number, (name, levels, picks) in enumerate(TEAM, start=1):
        ratings = {sid: lv for sid, lv in zip(TEAM_SKILLS, levels) if lv is not None}
        choices = {cid: right(data, cid) if pick == "right" else wrong(data, cid)
                   for cid, pick in picks.items()}
        stem = (name or f"person {number}").split(" <")[0].lower().replace(" ", "-")
        paths.append(write_json(folder / f"{stem}.json",
                                result_json(data, ratings, choices, role=role, name=name)))
    return paths


CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def check_in_browser(path: Path, check: Callable[[Any], None]) -> None:
    """Open a written page in Chromium, fail on any request other than the page itself, and
    run ``check(page)``.

    Playwright runs in a thread of its own: its sync API refuses to start in a thread where
    another test module's session-wide Playwright is already running.
    """
    from playwright import sync_api

    assert Path("/usr/bin/chromium").exists(), "Chromium is missing: run `make test`"
    failures: list[BaseException] = []

    def work() -> None:
        try:
            with sync_api.sync_playwright() as p:
                browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                            args=CHROMIUM_ARGS)
                try:
                    page = browser.new_page()
                    requests: list[str] = []
                    page.on("request", lambda request: requests.append(request.url))
                    page.goto(path.as_uri())
                    assert requests == [path.as_uri()], f"other requests: {requests}"
                    check(page)
                finally:
                    browser.close()
        except BaseException as failure:  # noqa: BLE001 - re-raised in the test's thread
            failures.append(failure)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    if failures:
        raise failures[0]
