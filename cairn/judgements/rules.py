"""The rules that propose ratings: the impact-by-likelihood matrix for concerns, and the table
from likelihood of reoffending and risk of serious harm to an indicative intervention level.

Configuration, not code: `rules/default.yaml` is the documented default, and a service may
point the CAIRN_JUDGEMENT_RULES setting at its own file. A file is checked whole when it is
read (every matrix cell a known rating, every row and column present); a faulty one is
refused with the path to the fault.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from django.conf import settings
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from cairn.framework.schema import Text

DEFAULT_FILE = Path(__file__).parent / "rules" / "default.yaml"
RATING_ORDER = ("low", "medium", "high", "very_high")


class RulesError(ValueError):
    """The rules file cannot be used. The message says where and why."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Choice(_Strict):
    key: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: Text
    definition: Text | None = None


class RatingWording(_Strict):
    key: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    definition: Text
    example: Text | None = None


class SeriousHarmWording(_Strict):
    """What the risk of serious harm page says first: which harm it is about."""

    lead: Text


class SafetyWording(_Strict):
    """Safety and well-being's own wording: harm to the child, from themselves or others,
    with a definition and an example for each rating (not the serious harm definitions)."""

    lead: Text
    ratings: tuple[RatingWording, ...]


class HarmDefinitions(_Strict):
    harm: Text
    serious_harm: Text


class ToWhom(_Strict):
    serious_harm: tuple[Choice, ...] = Field(min_length=1)
    safety_wellbeing: tuple[Choice, ...] = Field(min_length=1)


class ImminentRaise(_Strict):
    imminence: str
    from_: str = Field(alias="from")
    to: str


class Intervention(_Strict):
    levels: tuple[Choice, ...] = Field(min_length=1)
    table: dict[str, tuple[str, ...]]


class Rules(_Strict):
    version: str
    ratings: tuple[Choice, ...]
    serious_harm: SeriousHarmWording
    safety_wellbeing: SafetyWording
    harm_and_serious_harm: HarmDefinitions
    to_whom: ToWhom
    impact: tuple[Choice, ...] = Field(min_length=1)
    likelihood: tuple[Choice, ...] = Field(min_length=1)
    imminence: tuple[Choice, ...] = Field(min_length=1)
    matrix: dict[str, tuple[str, ...]]
    imminent_raises: ImminentRaise | None = None
    intervention: Intervention

    @model_validator(mode="after")
    def _complete(self) -> Rules:
        ratings = [choice.key for choice in self.ratings]
        if tuple(ratings) != RATING_ORDER:
            raise ValueError(f"ratings must be {', '.join(RATING_ORDER)} in that order")
        safety = tuple(wording.key for wording in self.safety_wellbeing.ratings)
        if safety != RATING_ORDER:
            raise ValueError(
                f"safety_wellbeing.ratings must be {', '.join(RATING_ORDER)} in that order"
            )
        _check_table(
            "matrix",
            self.matrix,
            rows=[c.key for c in self.impact],
            width=len(self.likelihood),
            allowed=ratings,
            column_name="likelihood",
        )
        _check_table(
            "intervention.table",
            self.intervention.table,
            rows=ratings,
            width=len(ratings),
            allowed=[c.key for c in self.intervention.levels],
            column_name="risk of serious harm rating",
        )
        raise_ = self.imminent_raises
        if raise_ is not None:
            if raise_.imminence not in {c.key for c in self.imminence}:
                raise ValueError(f"imminent_raises.imminence: unknown '{raise_.imminence}'")
            for name, value in (("from", raise_.from_), ("to", raise_.to)):
                if value not in ratings:
                    raise ValueError(f"imminent_raises.{name}: unknown rating '{value}'")
        return self

    # Lookups -------------------------------------------------------------------------------

    def rating(self, key: str) -> Choice:
        return _find(self.ratings, key)

    def level(self, key: str) -> Choice:
        return _find(self.intervention.levels, key)

    def choices(self, name: str) -> tuple[Choice, ...]:
        """impact, likelihood, imminence, or to_whom.serious_harm / to_whom.safety_wellbeing."""
        if name.startswith("to_whom."):
            found: tuple[Choice, ...] = getattr(self.to_whom, name.split(".", 1)[1])
            return found
        found = getattr(self, name)
        return found

    def label(self, name: str, key: str, language: str) -> str:
        for choice in self.choices(name):
            if choice.key == key:
                return choice.label.get(language)
        return key


def _find(choices: tuple[Choice, ...], key: str) -> Choice:
    for choice in choices:
        if choice.key == key:
            return choice
    raise KeyError(key)


def _check_table(
    name: str,
    table: dict[str, tuple[str, ...]],
    *,
    rows: list[str],
    width: int,
    allowed: list[str],
    column_name: str,
) -> None:
    missing = [row for row in rows if row not in table]
    if missing:
        raise ValueError(f"{name}: no row for {', '.join(missing)}")
    unknown = [row for row in table if row not in rows]
    if unknown:
        raise ValueError(f"{name}: unknown row {', '.join(unknown)}")
    for row, cells in table.items():
        if len(cells) != width:
            raise ValueError(
                f"{name}.{row}: {len(cells)} cells, expected {width} (one per {column_name})"
            )
        for index, cell in enumerate(cells):
            if cell not in allowed:
                raise ValueError(f"{name}.{row}[{index}]: unknown value '{cell}'")


def parse(text: str) -> Rules:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise RulesError(f"not valid YAML: {error}") from None
    if not isinstance(data, dict):
        raise RulesError("expected a mapping at the top level")
    try:
        return Rules.model_validate(data)
    except ValidationError as error:
        problems = []
        for fault in error.errors():
            where = ".".join(str(part) for part in fault["loc"])
            if fault["type"] == "extra_forbidden":
                problems.append(f"{where}: unknown key")
            else:
                message = str(fault["msg"]).removeprefix("Value error, ")
                problems.append(f"{where}: {message}" if where else message)
        raise RulesError("; ".join(problems)) from None


@cache
def _load(path: str) -> Rules:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise RulesError(f"{path}: cannot be read ({error.strerror})") from None
    try:
        return parse(text)
    except RulesError as error:
        raise RulesError(f"{path}: {error}") from None


def active() -> Rules:
    """The rules in force: the service's own file if the setting names one, else the default."""
    return _load(str(getattr(settings, "CAIRN_JUDGEMENT_RULES", "") or DEFAULT_FILE))


# Proposals ---------------------------------------------------------------------------------


def highest(ratings: Iterable[str]) -> str:
    found = [rating for rating in ratings if rating in RATING_ORDER]
    return max(found, key=RATING_ORDER.index) if found else "low"


def concern_rating(rules: Rules, impact: str, likelihood: str, imminence: str) -> str:
    """The rating one concern proposes through the matrix, raised when it is imminent.

    "" when the concern uses an impact or likelihood the rules in force no longer have (a
    service changed its rules file): it then proposes nothing until someone changes it."""
    columns = [choice.key for choice in rules.likelihood]
    if impact not in rules.matrix or likelihood not in columns:
        return ""
    rating = rules.matrix[impact][columns.index(likelihood)]
    raise_ = rules.imminent_raises
    if (
        raise_ is not None
        and imminence == raise_.imminence
        and RATING_ORDER.index(rating) >= RATING_ORDER.index(raise_.from_)
    ):
        rating = highest([rating, raise_.to])
    return rating


def proposed_rating(rules: Rules, concerns: Iterable[Any]) -> str:
    """The overall proposal: the highest of the concerns' ratings; Low with no concerns."""
    return highest(
        concern_rating(rules, concern.impact, concern.likelihood, concern.imminence)
        for concern in concerns
    )


def intervention_level(rules: Rules, reoffending: str, serious_harm: str) -> str:
    """The indicative level from the two ratings (the practitioner's, where made)."""
    return rules.intervention.table[reoffending][RATING_ORDER.index(serious_harm)]
