"""What a target rests on: a desistance factor, a concern, or a need or strength (a question
of the stage). A target needs at least one; each is checked against what the stage holds, and
the words shown after "because" are kept with the target.

Those words are kept in English (`resolve` writes them so, whatever the writer's language) and
read in the reader's language at render time (`because_lines`): the generated wording around a
factor or a concern is translated, a question's section and label come from the catalogue in
the reader's language, and the factor and concern themselves are the practitioner's words,
shown as written. Lines kept in another language (before this) are shown as they were kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from cairn.assessment import pages
from cairn.assessment import queries as assessment_queries
from cairn.assessment.models import Stage
from cairn.framework import catalogue as catalogues
from cairn.judgements import desistance
from cairn.judgements.models import Concern
from cairn.judgements.operations import stage_answer_keys


@dataclass(frozen=True)
class Link:
    factor: str = ""
    factor_direction: str = ""
    concern_id: int | None = None
    question_key: str = ""
    because: str = ""


def factors_of(values: dict[str, Any]) -> dict[str, str]:
    """The stage's desistance factors by their text, with their direction (for, against, "")."""
    rows = values.get(desistance.QUESTION)
    found: dict[str, str] = {}
    if isinstance(rows, list):
        for row in rows:
            if isinstance(row, dict) and str(row.get("factor") or "").strip():
                direction = row.get("direction")
                found[str(row["factor"]).strip()] = (
                    direction if direction in ("for", "against") else ""
                )
    return found


# A factor's line by its direction: its wording to translate, with the factor as written.
FACTOR_WORDING: dict[str, Promise] = {
    "against": gettext_lazy("Desistance factor against: %(factor)s"),
    "for": gettext_lazy("Desistance factor for: %(factor)s"),
    "": gettext_lazy("Desistance factor: %(factor)s"),
}
CONCERN_WORDING = gettext_lazy("Concern (%(judgement)s): %(what)s")


def factor_because(factor: str, direction: str) -> str:
    """A factor's line in the current language."""
    return str(FACTOR_WORDING.get(direction, FACTOR_WORDING[""])) % {"factor": factor}


def concern_because(concern: Concern) -> str:
    """A concern's line in the current language."""
    return str(CONCERN_WORDING) % {
        "judgement": Concern.Judgement(concern.judgement).label,
        "what": concern.what,
    }


def question_label(stage: Stage, key: str, language: str | None = None) -> str:
    catalogue = catalogues.load(stage.catalogue_version)
    try:
        question = catalogue.question(key)
    except KeyError:
        return key
    language = language or pages.language()
    return f"{catalogue.section(question.section_key).title.get(language)}: {question.label.get(language)}"


def _english_openings() -> list[tuple[str, Any]]:
    """Each kept line's English opening, and how to word the rest in the current language."""
    with translation.override("en"):
        openings: list[tuple[str, Any]] = [
            (
                str(wording).split("%(factor)s")[0],
                lambda rest, wording=wording: str(wording) % {"factor": rest},
            )
            for wording in FACTOR_WORDING.values()
        ]
        for value, label in Concern.Judgement.choices:
            opening = str(CONCERN_WORDING).split("%(what)s")[0] % {"judgement": str(label)}
            openings.append(
                (
                    opening,
                    lambda rest, value=value: (
                        str(CONCERN_WORDING)
                        % {"judgement": Concern.Judgement(value).label, "what": rest}
                    ),
                )
            )
    # The longest first: "Desistance factor for: " before "Desistance factor: ".
    return sorted(openings, key=lambda found: -len(found[0]))


def because_lines(stage: Stage | None, because: str, question_key: str = "") -> list[str]:
    """The kept words after "because", read in the current language (`stage` is needed only
    for a question's line)."""
    lines = [line for line in because.splitlines() if line.strip()]
    if not lines:
        return []
    openings = _english_openings()
    if stage is None:
        question_key = ""
    question_in_english = (
        question_label(stage, question_key, "en") if stage is not None and question_key else ""
    )
    shown = []
    for line in lines:
        for opening, word in openings:
            if line.startswith(opening):
                shown.append(word(line[len(opening) :]))
                break
        else:
            if stage is not None and question_key and line == question_in_english:
                shown.append(question_label(stage, question_key))
            else:
                shown.append(line)
    return shown


def resolve(
    stage: Stage, factor: str, concern_id: int | None, question_key: str
) -> tuple[Link, dict[str, str]]:
    """The link as it will be kept, or the errors: each part must be of this stage. The words
    after "because" are kept in English, and read in the reader's language (`because_lines`)."""
    with translation.override("en"):
        link, errors = _resolve(stage, factor, concern_id, question_key)
    return link, {name: str(message) for name, message in errors.items()}  # reader's language


def _resolve(
    stage: Stage, factor: str, concern_id: int | None, question_key: str
) -> tuple[Link, dict[str, Promise]]:
    errors: dict[str, Promise] = {}
    parts: list[str] = []
    factor = factor.strip()
    direction = ""
    if factor:
        factors = factors_of(assessment_queries.values_of(stage))
        if factor not in factors:
            errors["factor"] = gettext_lazy("That is not one of this stage’s desistance factors")
        else:
            direction = factors[factor]
            parts.append(factor_because(factor, direction))
    if concern_id is not None:
        concern = Concern.objects.filter(stage=stage, pk=concern_id).first()
        if concern is None:
            errors["concern"] = gettext_lazy("That is not one of this stage’s concerns")
        else:
            parts.append(concern_because(concern))
    if question_key:
        if question_key not in stage_answer_keys(stage):
            errors["question_key"] = gettext_lazy("That is not a question of this stage")
        else:
            parts.append(question_label(stage, question_key))
    if not (factor or concern_id is not None or question_key) and not errors:
        errors["link"] = gettext_lazy(
            "Select what this target rests on: a desistance factor, a concern, or a need or "
            "strength"
        )
    return Link(factor, direction, concern_id, question_key, "\n".join(parts)), errors


def carried_concerns(previous: Stage, stage: Stage) -> dict[int, int]:
    """Each concern of the previous stage and its copy in the new one (the judgements app
    carries concerns forward before the plan is), matched on what they hold."""
    copies: dict[tuple[str, str, Any], int] = {
        (concern.judgement, concern.what, concern.created_at): concern.pk
        for concern in Concern.objects.filter(stage=stage, carried_from=previous)
    }
    return {
        concern.pk: copies[key]
        for concern in Concern.objects.filter(stage=previous)
        if (key := (concern.judgement, concern.what, concern.created_at)) in copies
    }
