"""The glossary tooltips found in linear time (``engines/fast_abbr``) give exactly the HTML
of Python-Markdown's own ``abbr`` extension."""

from __future__ import annotations

import markdown
import pytest
from markdown.extensions import abbr

from generator.site.engines.fast_abbr import FastAbbrTreeprocessor, trie_pattern

GLOSSARY = {"AI": "Artificial intelligence", "AIM": "An aim", "A/B test": "Two variants",
            "ML": "Machine learning", "MLOps": "Operating ML", "LLM": "Large language model",
            "p-value": "A probability", "C++": "A language", "data": "", "RAG": "Retrieval"}

TEXT = """\
# AI and MLOps { #ai }

AI, AIM, AIMS, MLOps, ML-Ops, ML and LLM: an A/B test of a p-value in C++ with data.

- **AI** in *bold ML* and `AI in code`, then AI after code; an [AI link](https://example.org)
  with ML in its tail, and AIM.
- RAG RAG RAG, ML
    - nested AI with a tail ML **x** AI

| Term | What |
| --- | --- |
| AI | ML then LLM |

> A quote about AI, then MLOps.

*[RAG]: Retrieval-augmented generation, defined on the page

Term AI
:   A definition with ML.
"""

EXTENSIONS = ["abbr", "attr_list", "md_in_html", "def_list", "tables", "admonition", "toc"]


def render(text: str, fast: bool, monkeypatch: pytest.MonkeyPatch) -> str:
    with monkeypatch.context() as patch:
        if fast:
            patch.setattr(abbr, "AbbrTreeprocessor", FastAbbrTreeprocessor)
        md = markdown.Markdown(extensions=EXTENSIONS,
                               extension_configs={"abbr": {"glossary": GLOSSARY}})
        return md.convert(text)


@pytest.mark.parametrize("text", [TEXT, TEXT * 30, "No glossary word here.", ""])
def test_same_html_as_python_markdown(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert render(text, True, monkeypatch) == render(text, False, monkeypatch)
    assert "<abbr" in render(TEXT, True, monkeypatch)


def test_the_trie_matches_the_same_words() -> None:
    import re

    words = list(GLOSSARY)
    trie = re.compile(rf"\b(?:{trie_pattern(words)})\b")
    flat = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len,
                                                                      reverse=True)) + r")\b")
    for text in (TEXT, "AIMS AIM AI A AIM-AI MLOpsX MLOps. C++x LLMs"):
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)]
