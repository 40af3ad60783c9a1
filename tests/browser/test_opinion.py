"""A second opinion in the browser: rating someone else, saved as a file, put beside the
person's own result on import (docs/result-format.md, ``"mode": "opinion"``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .helpers import finish_full, next_step, open_assessment, rate, saved_state

LEVELS = {"discovery": 2, "prioritisation": 3, "ml-basics": 1, "data": 2}


def test_a_second_opinion_round_trips_to_the_persons_own_result(page: Any, assess_site: Any,
                                                                new_context: Any) -> None:
    open_assessment(page, assess_site.assessment)
    page.check('input[name="mode"][value="opinion"]')
    assert page.locator('label[for="assess-name"]').inner_text() == \
        "Name of the person you are rating (required)"
    page.get_by_role("button", name="Start", exact=True).click()
    # Without a name nobody could tell whose opinion it is.
    assert "name of the person" in page.locator(".assess-notice--error").inner_text()
    page.fill("#assess-name", "Alex")
    page.fill("#assess-rater", "Sam")
    page.get_by_role("button", name="Start", exact=True).click()
    page.wait_for_selector("form.assess-area")
    for skill, level in LEVELS.items():
        legend = page.locator(".assess-rating legend").inner_text()
        assert legend.endswith("which describes Alex best?"), legend
        assert page.locator("fieldset.assess-check").count() == 0  # ratings only
        rate(page, skill, level)
        next_step(page)
    page.wait_for_selector(".assess-result")
    assert page.locator(".assess-result h2").inner_text() == "Second opinion on Alex"
    with page.expect_download() as info:
        page.get_by_role("button", name="Download JSON").click()
    download = info.value
    assert download.suggested_filename.startswith("second-opinion-")
    text = Path(download.path()).read_text(encoding="utf-8")
    doc = json.loads(text)
    assert (doc["mode"], doc["name"], doc["rater"], doc["answers"]) == ("opinion", "Alex", "Sam", {})
    assert {k: v["level"] for k, v in doc["ratings"].items()} == LEVELS

    # Alex's own browser: their own result, then the opinion imported beside it.
    own = new_context().new_page()
    finish_full(own, assess_site, name="Alex")
    own.set_input_files("#assess-import", files=[{"name": "opinion.json",
                                                  "mimeType": "application/json",
                                                  "buffer": text.encode("utf-8")}])
    own.wait_for_selector("#assess-opinion-h")
    assert "Alex's levels as Sam sees them" in own.locator(".assess-sec-opinion").inner_text()
    row = own.locator('.assess-sec-opinion tr[data-skill="prioritisation"] td').all_inner_texts()
    assert row == ["1", "3", "+2"]  # self-rating 1 (helpers.RATINGS), opinion 3
    # Alex's own answers stay Alex's: the opinion did not replace them.
    assert saved_state(own)["doc"]["mode"] == "full"
    assert own.locator(".assess-result h2").inner_text() == "Your result"
