"""Synthetic, valid frameworks at a multiple of the shipped content's size, for benchmarks.

``make_project(dest, scale)`` writes ``mkdocs.yml`` and ``content/`` with ``scale`` times the
shipped number of skills, checks, resources and guides (areas, roles, levels and glossary stay
the shipped size, as a bigger framework has more skills, not more roles). Text lengths match the
shipped content's averages so page weight is realistic.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import yaml

from generator.project import Project, load_and_validate

REPO = Path(__file__).resolve().parent.parent
WORDS = ["model", "data", "metric", "users", "team", "risk", "launch", "drift", "quality", "evaluate", "customer", "product", "signal", "feedback", "pipeline", "deploy", "monitor", "fairness", "privacy", "experiment", "baseline", "impact", "outcome", "stakeholder", "latency", "cost", "label", "precision", "recall", "retrain", "explain"]


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, sentences: int, words: int = 14) -> str:
    return " ".join(sentence(rng, words) for _ in range(sentences))


def make_project(dest: Path, scale: int, seed: int = 7) -> Path:
    """Write a valid project ``scale`` times the shipped content into ``dest``."""
    rng = random.Random(seed)
    shipped = load_and_validate(Project(REPO))
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    content = dest / "content"
    (content / "skills").mkdir(parents=True, exist_ok=True)
    (content / "guides").mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "content" / "sources.yml", content / "sources.yml")
    # The shipped framework minus its curation targets, which name the shipped skills.
    framework = yaml.safe_load((REPO / "content" / "framework.yml").read_text(encoding="utf-8"))
    framework.pop("curation", None)
    # One language: the scales measure content volume; three languages are measured on the
    # shipped translations (tests/bench_languages.py).
    framework.pop("languages", None)
    (content / "framework.yml").write_text(
        yaml.safe_dump(framework, sort_keys=False, allow_unicode=True), encoding="utf-8")
    terms = [{"id": t.id, "term": t.term, "definition": t.definition, "aliases": list(t.aliases)}
             for t in shipped.glossary]
    (content / "glossary.yml").write_text(yaml.safe_dump({"terms": terms}, sort_keys=False),
                                          encoding="utf-8")

    areas = [a.id for a in shipped.framework.areas]
    skill_ids = [f"skill-{n:05d}" for n in range(len(shipped.skills) * scale)]
    for index, skill_id in enumerate(skill_ids):
        skill = {
            "id": skill_id, "area": areas[index % len(areas)], "name": f"Skill {index}",
            "order": index, "summary": sentence(rng, 24), "why_it_matters": paragraph(rng, 4),
            "levels": {level: {"behaviours": [sentence(rng, 18) for _ in range(2)],
                               "how_to_reach": sentence(rng, 22)} for level in (1, 2, 3, 4)},
            "checks": [{
                "id": f"{skill_id}-check-{c}", "quick": c == 0, "question": paragraph(rng, 2),
                "options": [{"text": sentence(rng, 12), "correct": o == c % 4,
                             "explanation": sentence(rng, 20)} for o in range(4)],
            } for c in range(4)],
        }
        (content / "skills" / f"{skill_id}.yml").write_text(
            yaml.safe_dump(skill, sort_keys=False, allow_unicode=True), encoding="utf-8")

    resources = [{
        "id": f"resource-{n:05d}", "title": f"Resource {n}", "authors": ["A. Author"],
        "kind": rng.choice(["book", "article", "course", "video"]),
        "url": f"https://example.org/r/{n}", "year": 2000 + n % 26, "cost": rng.choice(["free", "paid"]),
        "minutes": rng.randint(10, 900), "level": rng.randint(1, 4),
        "skills": rng.sample(skill_ids, 2), "why": sentence(rng, 16),
    } for n in range(len(shipped.resources) * scale)]
    (content / "resources.yml").write_text(yaml.safe_dump({"resources": resources}, sort_keys=False),
                                           encoding="utf-8")

    roles = [{"id": role.id, "name": role.name, "summary": role.summary,
              "expectations": {sid: {"level": rng.randint(0, 4), "importance": rng.randint(1, 3)}
                               for sid in skill_ids}} for role in shipped.roles]
    (content / "roles.yml").write_text(yaml.safe_dump({"roles": roles}, sort_keys=False),
                                       encoding="utf-8")

    for n in range(len(shipped.guides) * scale):
        meta = {"title": f"Guide {n}", "summary": sentence(rng, 16),
                "skills": rng.sample(skill_ids, 2), "sources": [], "order": n}
        body = "\n\n".join(f"## Part {p}\n\n{paragraph(rng, 8)}" for p in range(6))
        (content / "guides" / f"guide-{n:05d}.md").write_text(
            f"---\n{yaml.safe_dump(meta, sort_keys=False)}---\n{body}\n", encoding="utf-8")
    return dest


def make_plain_project(dest: Path, pages: int, seed: int = 7) -> Path:
    """A plain MkDocs project of ``pages`` ~600-word pages: the baseline to compare with."""
    rng = random.Random(seed)
    docs = dest / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = "docs"
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    (docs / "index.md").write_text("# Home\n\nPlain pages.\n", encoding="utf-8")
    for n in range(pages - 1):
        section = docs / f"section-{n % 4}"
        section.mkdir(exist_ok=True)
        body = "\n\n".join(f"## Part {p}\n\n{paragraph(rng, 7)}" for p in range(6))
        (section / f"page-{n:05d}.md").write_text(f"# Page {n}\n\n{body}\n", encoding="utf-8")
    return dest


def same_configuration(plain: Path, generated: Path) -> Path:
    """The plain project's second configuration: the generated ``mkdocs.yml`` (Markdown
    extensions, glossary tooltips, theme overrides, style sheets and scripts) without its
    navigation, so MkDocs builds the plain pages exactly as it builds ours. Returns its path."""
    import shutil

    config = yaml.safe_load((generated / "mkdocs.yml").read_text(encoding="utf-8"))
    config.pop("nav", None)
    config["docs_dir"] = "docs"
    shutil.copytree(generated / "overrides", plain / "overrides", dirs_exist_ok=True)
    shutil.copytree(generated / "docs" / "assets", plain / "docs" / "assets", dirs_exist_ok=True)
    path = plain / "same.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path
