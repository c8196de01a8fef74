"""What a target rests on: a desistance factor, a concern, or a need or strength (a question
of the stage). A target needs at least one; each is checked against what the stage holds, and
the words shown after "because" are kept with the target.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

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


def factor_because(factor: str, direction: str) -> str:
    if direction == "against":
        return _("Desistance factor against: %(factor)s") % {"factor": factor}
    if direction == "for":
        return _("Desistance factor for: %(factor)s") % {"factor": factor}
    return _("Desistance factor: %(factor)s") % {"factor": factor}


def concern_because(concern: Concern) -> str:
    return _("Concern (%(judgement)s): %(what)s") % {
        "judgement": Concern.Judgement(concern.judgement).label,
        "what": concern.what,
    }


def question_label(stage: Stage, key: str) -> str:
    catalogue = catalogues.load(stage.catalogue_version)
    try:
        question = catalogue.question(key)
    except KeyError:
        return key
    language = pages.language()
    return f"{catalogue.section(question.section_key).title.get(language)}: {question.label.get(language)}"


def resolve(
    stage: Stage, factor: str, concern_id: int | None, question_key: str
) -> tuple[Link, dict[str, str]]:
    """The link as it will be kept, or the errors: each part must be of this stage."""
    errors: dict[str, str] = {}
    parts: list[str] = []
    factor = factor.strip()
    direction = ""
    if factor:
        factors = factors_of(assessment_queries.values_of(stage))
        if factor not in factors:
            errors["factor"] = _("That is not one of this stage’s desistance factors")
        else:
            direction = factors[factor]
            parts.append(factor_because(factor, direction))
    if concern_id is not None:
        concern = Concern.objects.filter(stage=stage, pk=concern_id).first()
        if concern is None:
            errors["concern"] = _("That is not one of this stage’s concerns")
        else:
            parts.append(concern_because(concern))
    if question_key:
        if question_key not in stage_answer_keys(stage):
            errors["question_key"] = _("That is not a question of this stage")
        else:
            parts.append(question_label(stage, question_key))
    if not (factor or concern_id is not None or question_key) and not errors:
        errors["link"] = _(
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
