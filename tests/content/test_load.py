"""The loader: safe YAML with the line of every key and item, and guides' front matter."""

from __future__ import annotations

import pytest

from generator.content.load import split_front_matter
from generator.content.located_yaml import LocatedDict, LocatedList, parse_yaml
from generator.errors import ContentError


def test_every_key_and_item_remembers_its_line() -> None:
    data = parse_yaml("a: 1\nb:\n  - x\n  - {c: 2}\n", "f.yml")
    assert isinstance(data, LocatedDict) and isinstance(data["b"], LocatedList)
    assert data.key_lines == {"a": 1, "b": 2}
    assert data["b"].item_lines == [3, 4]
    assert data["b"][1].key_lines == {"c": 4}


def test_dates_stay_text_and_python_tags_are_refused() -> None:
    assert parse_yaml("date: 2024-04-03\n", "f.yml") == {"date": "2024-04-03"}
    with pytest.raises(ContentError) as caught:
        parse_yaml("x: !!python/name:os.system\n", "f.yml")
    assert str(caught.value).startswith("f.yml:1: YAML syntax error: a tag such as "
                                        "!!python/object, which content may not use")


def test_front_matter_lines_count_from_the_top_of_the_file() -> None:
    text = "---\ntitle: T\nskills: [a]\n---\n## Body\n"
    meta, meta_line, body, body_line = split_front_matter(text, "g.md")
    assert (meta_line, body_line, body) == (2, 5, "## Body\n")
    data = parse_yaml(meta, "g.md", first_line=meta_line)
    assert data.key_lines == {"title": 2, "skills": 3}


def test_both_parsers_agree_on_a_valid_file() -> None:
    from generator.content import located_yaml as load

    text = "a: 1\nb: [x, y]\nc: {d: e}\n"
    fast = load._load_with(load._FastLineLoader, text, "f.yml")
    pure = load._load_with(load._LineLoader, text, "f.yml")
    assert fast == pure and fast.key_lines == pure.key_lines


def test_typographic_quotes_are_named_when_yaml_stops_on_them() -> None:
    """A translator's “quoted: text” is plain text to YAML, so its colon ends the key."""
    with pytest.raises(ContentError) as caught:
        parse_yaml("summary_next: “Was als Nächstes: tun”\n", "de.yml")
    assert caught.value.line == 1
    assert "typographic quotes, which YAML reads as ordinary text: quote the value with " \
        "straight quotes" in caught.value.message
    assert parse_yaml("finish: “Mein Ergebnis”\n", "de.yml") == {"finish": "“Mein Ergebnis”"}


@pytest.mark.parametrize("text", ["'", "a: 'x\n", "\n\n'", "a: “x: y”\n\n\n"])
def test_a_mistake_on_or_past_the_last_line_is_a_message(text: str) -> None:
    """The parser can place a mistake on the line after the last one (found by the fuzzer)."""
    with pytest.raises(ContentError):
        parse_yaml(text, "x.yml")
