"""Glossary tooltips (generator/site/glossary.py) find terms in every script."""

from __future__ import annotations

import markdown

from generator.site.glossary import pattern


def render(text: str, glossary: dict[str, str]) -> str:
    return markdown.markdown(text, extensions=["generator.site.glossary"],
                             extension_configs={"generator.site.glossary": {"glossary": glossary}})


def test_a_chinese_term_inside_a_sentence_gets_its_tooltip() -> None:
    html = render("上线后的数据漂移会慢慢拖垮模型。", {"数据漂移": "输入分布的变化"})
    assert '<abbr title="输入分布的变化">数据漂移</abbr>' in html


def test_words_of_spaced_scripts_still_need_word_boundaries() -> None:
    glossary = {"LLM": "A large language model", "дрейф": "Изменение данных"}
    assert "<abbr" not in render("LLMs and дрейфа", glossary)
    html = render("An LLM; дрейф данных.", glossary)
    assert html.count("<abbr") == 2


def test_longer_terms_win_and_punctuation_ends_need_no_boundary() -> None:
    regex = pattern(["данных", "дрейф данных", "Полнота (recall)"])
    assert [m.group(0) for m in regex.finditer("дрейф данных, Полнота (recall).")] == \
        ["дрейф данных", "Полнота (recall)"]


def test_for_word_bounded_terms_the_matches_are_abbrs() -> None:
    """The trie finds what Python-Markdown's flat, longest-first alternation finds."""
    import random
    import re

    terms = ["AI", "AIM", "AI agent", "A/B test", "p95", "LLM", "LLMs", "ML", "MLOps", "RAG"]
    flat = re.compile(r"\b(?:" + "|".join(re.escape(t) for t in sorted(terms, key=len,
                                                                        reverse=True)) + r")\b")
    rng = random.Random(3)
    pieces = [*terms, " ", "x", "s", "-", ".", "AIMS", "MLO", "agents", "A/B tests"]
    for _ in range(500):
        text = "".join(rng.choice(pieces) for _ in range(12))
        assert [m.group(0) for m in pattern(terms).finditer(text)] == \
            [m.group(0) for m in flat.finditer(text)], text


def test_very_long_or_deeply_nested_terms_still_compile() -> None:
    long = "x" * 5000
    nested = ["a" * n for n in range(1, 400)]
    regex = pattern([long, "y" + long, *nested])
    assert regex.search(f"see {long} here").group(0) == long
    assert regex.search("b aaaa b").group(0) == "aaaa"
