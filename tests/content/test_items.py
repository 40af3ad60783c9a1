"""``items``: the test-wise strategies, the item statistics and the command that reports them.

The strategies are tested on small hand-made checks (ties included: a tie of k options
holding the key is worth 1/k, never a lucky full hit); the command is run on the shipped
content and the fixtures, and its output is held equal to the pure functions' report.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from generator.assessment.data import assessment_data
from generator.cli import main
from generator.content import cues
from generator.content.items import (
    Item,
    ItemReport,
    cue_hits,
    is_near_duplicate,
    item_report,
    length_stats,
    mode_stats,
    near_duplicates,
)
from generator.content.items_format import item_json, item_text, percent
from generator.project import Project, load_and_validate
from tests.conftest import FIXTURES, REPO, repository_content, upstream_only

CUE_FREE = FIXTURES / "items"
PROJECTS = [pytest.param(REPO, marks=pytest.mark.content, id="repository"), FIXTURES / "scoring",
            FIXTURES / "assess", FIXTURES / "data-engineering", CUE_FREE]


def pick(name: str, options: list[str], question: str = "What do you do?") -> set[int]:
    cue = next(c for c in cues.CUES if c.name == name)
    return cue.pick(question, options)


def item(options: list[str], key: int, order: list[int] | None = None, question: str = "Q?",
         check_id: str = "c") -> Item:
    return Item(id=check_id, skill="s", question=question, options=tuple(options), key=key,
                order=tuple(order if order is not None else range(len(options))))


# --- each strategy ------------------------------------------------------------------------


def test_longest_picks_the_most_characters_and_keeps_ties() -> None:
    assert pick("longest", ["short", "a bit longer", "mid one"]) == {1}
    assert pick("longest", ["abcd", "efgh", "ij"]) == {0, 1}


def test_a_tie_holding_the_key_is_worth_one_over_k() -> None:
    assert cues.credit({0, 1}, 0) == 0.5
    assert cues.credit({0, 1, 2}, 2) == pytest.approx(1 / 3)
    assert cues.credit({0, 1}, 3) == 0.0
    assert cues.credit({3}, 3) == 1.0


def test_clauses_count_commas_semicolons_dashes_and_and() -> None:
    assert cues.clauses("Measure, compare; decide — then ship – and learn - again") == 6
    assert cues.clauses("A well-known, half-baked idea") == 1  # hyphens inside words are not
    assert cues.clauses("Understand the brand") == 0  # "and" only as a word
    assert pick("clauses", ["Plan, test and ship", "Ship it", "Test; then ship"]) == {0}


def test_no_justification_skips_since_because_so_that_then_takes_the_longest() -> None:
    options = ["Ship it today, since the deadline is fixed and nobody will notice",
               "Ask for a smaller change first",
               "Approve it because it is late",
               "Review it"]
    assert pick("no-justification", options) == {1}
    assert cues.justifications("Do it so  that it works, in order to ship, to ensure quality") == 3
    assert cues.justifications("Since Monday, which means now, as this shows") == 3
    assert cues.justifications("Sincerely, a sinceful request") == 0


def test_no_justification_when_every_option_has_one_keeps_the_fewest() -> None:
    options = ["A since B because C", "D since E, the longest of them all", "F since G"]
    assert pick("no-justification", options) == {1}


def test_no_absolutes_skips_always_never_only_then_takes_the_longest() -> None:
    options = ["Always retrain the model on every new batch of data",
               "Check the drift report before deciding",
               "Never retrain",
               "Overall, call a meeting"]  # "overall" is not "all"
    assert pick("no-absolutes", options) == {1}
    assert cues.absolutes("all, none, every, must, guaranteed, only, never, always") == 8
    assert cues.absolutes("overall everyone allows mustard") == 0


def test_hedged_prefers_may_might_consider_and_ties_when_nobody_hedges() -> None:
    assert pick("hedged", ["It depends on the data", "Do it now", "Consider it first"]) == {2}
    assert pick("hedged", ["Do it now", "Do it later"]) == {0, 1}


def test_overlap_counts_content_words_shared_with_the_question() -> None:
    question = "The churn model's precision dropped after the pricing change. What first?"
    options = ["Check the pricing change against the churn labels",
               "Hire more data scientists",
               "The what and the first"]  # stop words only: "the", "what"; "first" counts
    assert cues.overlap(question, options[0]) == 3  # pricing, change, churn
    assert pick("overlap", options, question) == {0}


def test_review_combination_skips_justifications_then_most_clauses() -> None:
    options = ["Do A, B, C and D, since it is safest",  # most clauses, but justified
               "Do A, then B, then C",
               "Do A and B",
               "Do nothing"]
    assert pick("clauses", options) == {0}
    assert pick("review", options) == {1}


def test_position_strategies_use_the_displayed_order_and_guess_past_the_end() -> None:
    order = [2, 0, 1]  # the key (content index 1) is shown third
    assert cues.position_credit(order, 2, key=1) == 1.0
    assert cues.position_credit(order, 0, key=1) == 0.0
    assert cues.position_credit(order, 3, key=1) == pytest.approx(1 / 3)  # no fourth option


# --- the statistics -----------------------------------------------------------------------


def test_mode_stats_accuracy_chance_positions_and_the_best_strategy() -> None:
    items = [item(["long careful answer, with steps", "no", "nope", "nah"], key=0,
                  order=[1, 0, 2, 3]),
             item(["yes", "a much longer, wrong option"], key=0, order=[0, 1]),
             item(["same", "four"], key=1, order=[1, 0])]
    stats = mode_stats("quick", items, positions=4)
    assert stats.checks == 3
    assert stats.chance == pytest.approx((1 / 4 + 1 / 2 + 1 / 2) / 3)
    assert stats.accuracy["longest"] == pytest.approx((1 + 0 + 0.5) / 3)
    assert stats.positions == [2, 1, 0, 0]
    assert stats.accuracy["position-1"] == pytest.approx(2 / 3)
    # Two-option checks past the second position are guesses (1/2 each).
    assert stats.accuracy["position-4"] == pytest.approx((0 + 0.5 + 0.5) / 3)
    assert stats.best == "position-1" and stats.best_accuracy == pytest.approx(2 / 3)


def test_equal_accuracies_name_the_earlier_strategy() -> None:
    stats = mode_stats("full", [item(["the long answer", "x"], key=0)], positions=2)
    assert stats.accuracy["longest"] == stats.accuracy["position-1"] == 1.0
    assert stats.best == "longest"


def test_length_ratio_and_strictly_longest_key() -> None:
    items = [item(["xxxx", "xx", "xx"], key=0, check_id="long"),
             item(["xx", "xx", "xx"], key=0, check_id="even"),
             item(["x", "xxx", "xxx"], key=0, check_id="short")]
    stats = length_stats(items)
    assert stats.max == 2.0 and stats.max_check == "long"
    assert stats.median == 1.0
    assert stats.key_longest == 1  # a tie for longest is not "strictly longest"


def test_worst_items_are_sorted_by_how_many_strategies_find_them() -> None:
    easy = item(["Plan, test, measure and ship", "Ship, since it is late", "Never", "Wait"],
                key=0, check_id="easy")
    hard = item(["Wait", "Ship, measure and learn from it", "Test"], key=0, check_id="hard")
    hits = cue_hits([hard, easy])
    assert [h.id for h in hits] == ["easy", "hard"]
    assert {"longest", "clauses", "review"} <= set(hits[0].strategies)
    assert hits[1].strategies == []


# --- near duplicates ----------------------------------------------------------------------

VENDOR = ("Your LLM feature depends on a hosted model. The vendor announces that the version you "
          "use will be retired in 60 days; its replacement is cheaper but behaves differently "
          "on some tasks. How do you handle delivery?")
PROVIDER = ("The provider of the LLM behind your customer-support assistant announces that the "
            "model version you use will be retired in 60 days. The new version \"scores higher "
            "on public benchmarks\". What is the best plan?")


def test_two_questions_about_a_retiring_model_version_are_near_duplicates() -> None:
    duplicate, jaccard, phrase = is_near_duplicate(VENDOR, PROVIDER)
    assert duplicate
    assert phrase == "version use retired 60 days"
    assert 0.2 < jaccard < 0.5  # word overlap alone would not say so: the phrase does


def test_same_scenario_by_shared_words_and_unrelated_questions_not() -> None:
    assert is_near_duplicate("A Streaming job fails at night. What first?",
                             "A Batch ETL job fails at night. What first?")[0]
    assert not is_near_duplicate(VENDOR, "How do you estimate research work?")[0]
    # One shared word in two one-line questions is not a duplicate.
    assert not is_near_duplicate("Which risk first?", "Which metric first?")[0]


def test_near_duplicates_lists_pairs_once() -> None:
    items = [item(["a", "b"], 0, question=VENDOR, check_id="one"),
             item(["a", "b"], 0, question=PROVIDER, check_id="two"),
             item(["a", "b"], 0, question="How do you price a plan?", check_id="three")]
    assert [(p.first, p.second) for p in near_duplicates(items)] == [("one", "two")]


# --- the command ----------------------------------------------------------------------------


def report_for(root: Path, **kwargs: object) -> ItemReport:
    content = load_and_validate(Project(root))
    return item_report(content, assessment_data(content, "x"), **kwargs)  # type: ignore[arg-type]


def items_cli(root: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["items", "--root", str(root), *args])


@pytest.mark.parametrize("root", PROJECTS, ids=lambda p: p.name)
def test_the_command_prints_the_pure_report(root: Path) -> None:
    report = report_for(root)
    result = items_cli(root)
    assert result.stdout == item_text(report)
    assert result.exit_code == (1 if report.over_bound else 0), result.output
    for label in report.strategies.values():
        assert re.search(rf"^  {re.escape(label)} +\d+\.\d%", result.stdout, re.MULTILINE), label
    assert "chance (1 / number of options)" in result.stdout
    assert all(len(line) <= 80 for line in result.stdout.splitlines())
    assert "Traceback" not in result.output


@pytest.mark.parametrize("root", PROJECTS, ids=lambda p: p.name)
def test_json_holds_the_same_numbers(root: Path) -> None:
    report = report_for(root)
    data = json.loads(items_cli(root, "--format", "json").stdout)
    assert data == json.loads(item_json(report))
    assert data["over_bound"] == [m.mode for m in report.over_bound]
    for mode, stats in zip(data["modes"], report.modes, strict=True):
        assert mode["accuracy"] == {k: round(v, 4) for k, v in stats.accuracy.items()}
        assert sum(mode["positions"]) == stats.checks


@pytest.mark.content
def test_the_repository_report_is_complete() -> None:
    report = report_for(REPO)
    content = repository_content()
    per_skill = content.framework.assessment.quick_checks_per_skill
    every = sum(len(s.checks) for s in content.skills)
    assert [m.checks for m in report.modes] == [
        sum(min(per_skill, len(s.checks)) for s in content.skills), every]
    assert report.length.checks == every
    assert len(report.worst) == min(10, every)
    for mode in report.modes:  # the build balances the keyed answer's position
        assert max(mode.positions) - min(mode.positions) <= 2


@pytest.mark.content
@upstream_only()
def test_the_shipped_checks_have_four_options_and_no_near_duplicates() -> None:
    # The review's near-duplicate pairs were rewritten apart; every check has four options.
    report = report_for(REPO)
    assert report.duplicates == [] and report.few_options == {}


@pytest.mark.content
def test_the_repository_checks_meet_the_cue_bound() -> None:
    """No test-taking habit picks the keyed answer much better than chance in either mode
    (``assessment.item_max_cue``), and the command says so — when the framework's curation
    targets promise it (``curation.checks_within_cue_bound``)."""
    if not repository_content().framework.curation.checks_within_cue_bound:
        pytest.skip("the framework's curation targets do not promise cue-free checks")
    report = report_for(REPO)
    result = items_cli(REPO)
    assert not report.over_bound and result.exit_code == 0, result.stdout
    for mode in report.modes:
        assert mode.best_accuracy <= report.max_cue
        assert (f"  {mode.mode:<6} {percent(mode.best_accuracy):>6}  "
                f"{report.strategies[mode.best]} (within the bound)") in result.stdout


def test_the_cue_free_fixture_passes_the_bound() -> None:
    report = report_for(CUE_FREE)
    assert not report.over_bound
    assert all(m.best_accuracy <= 0.35 for m in report.modes)
    assert not report.few_options and not report.duplicates
    assert items_cli(CUE_FREE).exit_code == 0


def test_max_cue_overrides_the_framework_setting_and_top_limits_the_list() -> None:
    assert items_cli(CUE_FREE, "--max-cue", "0.2").exit_code == 1
    assert items_cli(CUE_FREE, "--max-cue", "1").exit_code == 0
    assert report_for(CUE_FREE).max_cue == 0.35  # the default setting
    result = items_cli(CUE_FREE, "--top", "2", "--max-cue", "1")
    assert len(re.findall(r"^  \d\.\d\d  ", result.stdout, re.MULTILINE)) == 2
    assert items_cli(CUE_FREE, "--max-cue", "0").exit_code == 2  # a usage error, not a report


def test_few_options_are_a_warning_not_a_failure() -> None:
    result = items_cli(FIXTURES / "data-engineering", "--max-cue", "1")
    assert result.exit_code == 0
    assert "Warning: 6 check(s) with fewer than 4 options" in result.stdout


def test_the_fork_page_shows_the_real_output() -> None:
    page = (REPO / "docs" / "fork.md").read_text(encoding="utf-8")
    command = ".venv/bin/python -m generator items --root tests/fixtures/items --top 3"
    assert command in page
    shown = page.split(command, 1)[1].split("```text\n", 1)[1].split("```", 1)[0]
    assert shown == items_cli(CUE_FREE, "--top", "3").stdout


def test_a_framework_without_checks_has_nothing_to_measure(minimal: Path) -> None:
    skill = minimal / "content/skills/testing.yml"
    text = skill.read_text(encoding="utf-8")
    skill.write_text(text[:text.index("checks:")] + text[text.index("sources:"):],
                     encoding="utf-8")
    result = items_cli(minimal)
    assert result.exit_code == 0
    assert result.stdout == "No knowledge checks: nothing to measure.\n"
    assert json.loads(items_cli(minimal, "--format", "json").stdout)["over_bound"] == []


def test_few_checks_and_an_unavoidable_position_share_are_not_faults() -> None:
    """Eight checks of three options: one position holds three keys (37.5 %) however they are
    placed, above a 35 % bound; and a mode of one check says nothing of the set."""
    from generator.content.items import MIN_CHECKS, ItemReport, LengthStats, ModeStats

    even = ModeStats(mode="quick", checks=8, chance=1 / 3, accuracy={
        "longest": 0.25, "position-1": 0.375, "position-2": 0.375, "position-3": 0.25},
        positions=[3, 3, 2], best="position-1", best_accuracy=0.375, position_floor=0.375)
    cued = ModeStats(mode="full", checks=8, chance=1 / 3, accuracy={
        "longest": 0.5, "position-1": 0.375}, positions=[3, 3, 2], best="longest",
        best_accuracy=0.5, position_floor=0.375)
    one = ModeStats(mode="opinion", checks=MIN_CHECKS - 1, chance=0.25,
                    accuracy={"longest": 1.0}, positions=[1], best="longest",
                    best_accuracy=1.0, position_floor=1.0)
    report = ItemReport(max_cue=0.35, strategies={}, modes=[even, cued, one],
                        length=LengthStats(median=1, max=1, max_check="", key_longest=0,
                                           checks=8))
    assert report.over_bound == [cued]
    assert [m.verdict(0.35) for m in (even, cued, one)] == ["even", "above", "few"]
    # A 10 % bound: "longest" (25 %, 12.5 %) is above it in both.
    assert cued.verdict(0.1) == "above" and even.verdict(0.1) == "above"
