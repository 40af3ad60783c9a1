"""The content model: what each YAML file under ``content/`` may hold.

Every model forbids unknown keys, so a typo is reported (with a "did you mean"
hint) rather than silently ignored. A field that holds the id of something defined
elsewhere says so with a ``Ref`` type (``SkillRef``, ``SourceRef``, ``AreaRef``);
``references.py`` finds every such value, so checking that references resolve and
leaving out hidden areas follow from the declaration, with no list of fields to keep
in step. Adding ``prerequisites: list[SkillRef] = []`` to a model is the whole change.
Translations are files of their own (``content/i18n/``), not fields here.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from .curation import Curation
from .languages import Language, LanguageCode
from .types import (  # noqa: F401  (re-exported: the rest of the package names them m.…)
    ID_PATTERN,
    LEVEL_VALUE,
    AreaRef,
    HttpsUrl,
    Id,
    IsoDate,
    Ref,
    SkillRef,
    SourceRef,
    Strict,
    Text,
)

# --- framework.yml ---------------------------------------------------------


class Level(Strict):
    """One step of the level scale, e.g. ``{value: 2, name: Practising}``."""
    value: Annotated[int, Field(ge=0, le=9)]
    name: Text
    summary: Text


class AssessmentSettings(Strict):
    """How the self-assessment is put together."""

    quick_checks_per_skill: Annotated[int, Field(ge=0, le=20)] = 1
    quick_minutes: Annotated[int, Field(ge=1, le=600)] = 15  # quick mode's budget: estimate.py
    top_gaps: Annotated[int, Field(ge=1, le=20)] = 3
    resources_per_gap: Annotated[int, Field(ge=1, le=10)] = 3
    plan_minutes_per_month: Annotated[int, Field(ge=30, le=100_000)] = 900
    flag_difference: Annotated[float, Field(gt=0, le=9)] = 2.0
    # One missed question is not evidence of overconfidence: flag only on this many answers.
    flag_min_checks: Annotated[int, Field(ge=1, le=20)] = 2
    # The highest level scenario checks alone can show (default: one below the top), since a
    # scenario question shows judgement, not practice or leadership (docs/scoring.md, rule 1).
    knowledge_max_level: Annotated[int, Field(ge=0, le=9)] | None = None
    # How many answers weigh as much as the self-rating: w = n / (n + evidence_prior) (rule 2).
    evidence_prior: Annotated[float, Field(gt=0, le=100)] = 2.0
    # A rating with fewer than this share of its checks right is unconfirmed (rule 4).
    confirm_ratio: Annotated[float, Field(gt=0, le=1)] = 0.5
    # The most a test-wise strategy (longest option, fixed position, …) may score on a mode's
    # checks before `items` fails; 0.35 leaves room above chance with four options (0.25).
    item_max_cue: Annotated[float, Field(gt=0, le=1)] = 0.35


class Area(Strict):
    """A skill area such as product strategy; skills point at it by id.

    ``show: false`` keeps an area (and its skills) in the content but out of the site
    and the assessment — a fork can switch areas off without deleting them.
    """

    id: Id
    name: Text
    summary: Text
    show: bool = True




class Framework(Strict):
    """The framework as a whole: name, level scale and skill areas (in display order)."""
    name: Text
    tagline: Text
    description: Text
    version: Annotated[str, StringConstraints(pattern=r"^\d+\.\d+(\.\d+)?$")]
    language: LanguageCode = "en"
    languages: list[Language] = []  # translations, in the language selector's order
    levels: Annotated[list[Level], Field(min_length=3, max_length=7)]  # docs/scoring.md
    floor: Annotated[int, Field(ge=0, le=9)] | Literal["none"] | None = None  # levels.floor
    areas: list[Area] = []  # none: one implicit group (levels.implicit_area)
    assessment: AssessmentSettings = AssessmentSettings()
    # A skill or guide reviewed longer ago than this gets a warning: its facts may have moved on.
    review_after_days: Annotated[int, Field(ge=1, le=3650)] = 365
    curation: Curation = Curation()  # the least the content promises (curation.py)


# --- skills/*.yml ----------------------------------------------------------


class Behaviour(Strict):
    """A behaviour with examples of it: ``{text: ..., examples: [...]}``."""
    text: Text
    examples: Annotated[list[Text], Field(min_length=1)]


class SkillLevel(Strict):
    """What a person at this level does, and how to get here from the level below."""
    behaviours: Annotated[list[Text | Behaviour], Field(min_length=1)]
    how_to_reach: Text


class Option(Strict):
    """One answer to a knowledge check, with why it is right or wrong."""
    text: Text
    correct: bool = False
    explanation: Text


class Check(Strict):
    """A scenario-based knowledge check with one best answer."""

    id: Id
    question: Text
    options: Annotated[list[Option], Field(min_length=2, max_length=6)]
    sources: list[SourceRef] = []
    quick: bool = False


class Skill(Strict):
    """A skill a person can be assessed on, with one description per applicable level."""
    id: Id
    area: AreaRef | None = None  # required when the framework declares areas
    name: Text
    order: Annotated[int, Field(ge=0, le=10_000)] = 100
    summary: Text
    why_it_matters: Text
    levels: dict[int, SkillLevel]
    starts_at: Annotated[int, Field(ge=0, le=9)] | None = None  # levels.applicable
    not_applicable: list[Annotated[int, Field(ge=0, le=9)]] = []
    checks: list[Check] = []
    sources: list[SourceRef] = []
    reviewed: IsoDate | None = None  # when its facts were last checked; shown on the page


# --- roles.yml -------------------------------------------------------------


class Expectation(Strict):
    """The level a role expects for one skill and how much it matters (1 to 3)."""
    level: Annotated[int, Field(ge=0, le=9)]
    importance: Annotated[int, Field(ge=1, le=3)]


class Role(Strict):
    """A career target: the expected level and importance of the skills it expects."""
    id: Id
    name: Text
    summary: Text
    expectations: dict[SkillRef, Expectation]


class RolesFile(Strict):
    roles: Annotated[list[Role], Field(min_length=1)]


# --- resources.yml ---------------------------------------------------------

ResourceKind = Literal[
    "book", "article", "course", "video", "guide", "paper", "podcast", "newsletter", "talk", "tool"
]


class Resource(Strict):
    """One item on the reading list."""

    id: Id
    title: Text
    authors: list[Text] = []
    kind: ResourceKind
    url: HttpsUrl
    year: Annotated[int, Field(ge=1900, le=2100)] | None = None
    cost: Literal["free", "paid"]
    minutes: Annotated[int, Field(ge=1, le=10_000)]
    level: LEVEL_VALUE
    skills: Annotated[list[Annotated[Id, Ref("skill", owner_needs_one=True)]],
                      Field(min_length=1)]
    why: Text
    sources: list[SourceRef] = []


class ResourcesFile(Strict):
    resources: Annotated[list[Resource], Field(min_length=1)]


# --- glossary.yml ----------------------------------------------------------


class Term(Strict):
    """A glossary entry; ``term`` and each alias become hover tooltips across the site."""

    id: Id
    term: Text
    definition: Text
    aliases: list[Text] = []
    skills: list[SkillRef] = []


class GlossaryFile(Strict):
    terms: Annotated[list[Term], Field(min_length=1)]


# --- sources.yml -----------------------------------------------------------


class Source(Strict):
    """An article the knowledge base grew from; cited by id."""

    id: Id
    title: Text
    title_en: Text | None = None
    author: Text | None = None
    publication: Text | None = None
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")]
    date: Annotated[str, StringConstraints(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] | None = None
    url: HttpsUrl | None = None
    summary: Text


class SourcesFile(Strict):
    sources: Annotated[list[Source], Field(min_length=1)]


# --- guides/*.md front matter ------------------------------------------------


class GuideMeta(Strict):
    """The YAML front matter of a long-form guide."""

    title: Text
    summary: Text
    skills: Annotated[list[SkillRef], Field(min_length=1)]
    sources: list[SourceRef] = []
    order: Annotated[int, Field(ge=0, le=10_000)] = 100
    reviewed: IsoDate | None = None  # when its facts were last checked; shown on the page


class Guide(BaseModel):
    """A guide: its validated front matter plus the Markdown body and its slug."""

    model_config = ConfigDict(frozen=True)

    slug: str
    meta: GuideMeta
    body: str
    body_line: int


class Content(BaseModel):
    """Everything under ``content/``, validated and cross-checked."""

    model_config = ConfigDict(frozen=True)

    framework: Framework
    skills: list[Skill]
    roles: list[Role]
    resources: list[Resource]
    glossary: list[Term]
    sources: list[Source]
    guides: list[Guide]
    origins: dict[str, str] = {}  # a page's edit path → the fork layer file its text is from
    # The project's own interface strings by language (content/strings/<code>.yml, checked
    # by content.interface); strings.strings_of merges them over the generator's.
    interface: dict[str, Any] = {}

    def skills_in(self, area_id: str) -> list[Skill]:
        """The skills of one area, in content order."""
        return [s for s in self.skills if s.area == area_id]
