"""Plural forms: the interface strings that count something have a form per CLDR category,
and Python (pages, terminal) and JavaScript (the browser's report.js) pick the same one."""

from __future__ import annotations

import json
import string
from typing import Any

from generator.strings import load_strings, plural_category
from tests.conftest import run_module

NUMBERS = [*range(230), 1.5, 0.5, 2.25, 21.0]
LANGUAGES = ["en", "ru", "zh", "en-GB", "uk", "pl", "cs", "sk", "fr", "pt", "pt-PT", "de", "es",
             "ja", "it", "nl"]


def test_python_and_javascript_pick_the_same_plural_category() -> None:
    script = """
      import { readFileSync } from "node:fs";
      import { pluralCategory } from "./generator/assets/assessment/report.js";
      const { numbers } = JSON.parse(readFileSync(0, "utf-8"));
      const out = {};
      for (const lang of LANGS) out[lang] = numbers.map((n) => pluralCategory(lang, n));
      console.log(JSON.stringify(out));
    """
    script = script.replace("LANGS", json.dumps(LANGUAGES))
    got = json.loads(run_module(script, json.dumps({"numbers": NUMBERS})))
    for lang, categories in got.items():
        assert categories == [plural_category(lang, n) for n in NUMBERS], lang


def test_the_categories_are_cldrs() -> None:
    """The table is checked against the CLDR rules Node ships (Intl.PluralRules, ICU) for
    every language it names and a few it does not."""
    script = """
      import { readFileSync } from "node:fs";
      const { numbers, langs } = JSON.parse(readFileSync(0, "utf-8"));
      const out = {};
      for (const lang of langs) {
        const rules = new Intl.PluralRules(lang);
        out[lang] = numbers.map((n) => rules.select(n));
      }
      console.log(JSON.stringify(out));
    """
    whole = [n for n in NUMBERS if float(n).is_integer()]
    got = json.loads(run_module(script, json.dumps({"numbers": whole, "langs": LANGUAGES})))
    for lang, categories in got.items():
        assert [plural_category(lang, n) for n in whole] == categories, lang


def test_russian_has_three_forms_for_whole_numbers() -> None:
    assert [plural_category("ru", n) for n in (1, 2, 5, 11, 12, 21, 22, 25, 111, 112)] == [
        "one", "few", "many", "many", "many", "one", "few", "many", "many", "many"]
    assert plural_category("zh", 1) == "other" and plural_category("en", 1) == "one"


def _plural_nodes(node: Any, path: str = "") -> list[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict) and "other" in node:
        return [(path, node)]
    if isinstance(node, dict):
        return [found for key, value in node.items()
                for found in _plural_nodes(value, f"{path}.{key}" if path else str(key))]
    return []


def test_every_english_count_has_its_two_forms_and_picks_by_n() -> None:
    strings = load_strings("en")
    nodes = _plural_nodes(strings.table)
    assert len(nodes) >= 15
    for key, forms in nodes:
        assert set(forms) == {"one", "other"}, key
        # Other values a form shows ({questions}, {file}) are filled in as they are.
        values = {name: "x" for form in forms.values()
                  for _, name, _, _ in string.Formatter().parse(form) if name and name != "n"}
        assert strings.t(key, n=1, **values) != strings.t(key, n=2, **values), key
    assert strings.t("home.skills_count", n=1) == "1 skill"
    assert strings.t("home.skills_count", n=0) == "0 skills"
