"""Shaping the plan for its pages and the API: the choices a target may rest on, the grid's
rows, and what a conflicting save shows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from cairn.assessment import completion, pages
from cairn.assessment.models import Stage
from cairn.framework import catalogue as catalogues
from cairn.judgements.models import Concern
from cairn.plans import links
from cairn.plans.models import Action, ProgressNote, Target


def _short(text: str, most: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= most else text[: most - 1] + "…"


def factor_choices(values: dict[str, Any]) -> list[tuple[str, str]]:
    labels = {"against": _("Against"), "for": _("For"), "": _("Direction not given")}
    return [
        (factor, f"{labels[direction]}: {_short(factor)}")
        for factor, direction in links.factors_of(values).items()
    ]


def concern_choices(stage: Stage) -> list[tuple[str, str]]:
    return [
        (str(concern.pk), f"{Concern.Judgement(concern.judgement).label}: {_short(concern.what)}")
        for concern in Concern.objects.filter(stage=stage).order_by("created_at", "id")
    ]


def question_choices(stage: Stage, values: dict[str, Any]) -> list[tuple[str, str]]:
    """The stage's answered questions, by section."""
    catalogue = catalogues.load(stage.catalogue_version)
    language = pages.language()
    return [
        (question.key, f"{section.title.get(language)}: {_short(question.label.get(language))}")
        for section, _depth in completion.stage_sections(catalogue, stage.stage_type, stage.depth)
        if section.part == "information_gathering"
        for question in section.questions
        if values.get(question.key) not in (None, "", [], {})
    ]


@dataclass(frozen=True)
class TargetRow:
    target: Target
    because: list[str]
    actions: list[Action]
    latest: ProgressNote | None
    notes: int


def because_of(target: Target) -> list[str]:
    """What the target rests on, as kept when it was linked, in the reader's language."""
    stage = target.stage if target.question_key else None
    return links.because_lines(stage, target.because, target.question_key)


def rows(targets: list[Target]) -> list[TargetRow]:
    result = []
    for target in targets:
        notes = list(target.progress_notes.all())
        result.append(
            TargetRow(
                target=target,
                because=because_of(target),
                actions=list(target.actions.all()),
                latest=notes[-1] if notes else None,
                notes=len(notes),
            )
        )
    return result


def target_conflict(target: Target) -> dict[str, Any]:
    return {
        "by": (target.updated_by.get_full_name() or target.updated_by.username)
        if target.updated_by
        else "",
        "at": target.updated_at,
        "objective": target.objective,
        "goal": target.goal_in_childs_words,
        "status": target.get_status_display(),
        "because": because_of(target),
    }


def action_conflict(action: Action) -> dict[str, Any]:
    return {
        "by": (action.updated_by.get_full_name() or action.updated_by.username)
        if action.updated_by
        else "",
        "at": action.updated_at,
        "what": action.what,
        "who": action.who_label,
        "by_when": action.by_when,
        "status": action.get_status_display(),
    }


# The API's shapes ----------------------------------------------------------------------------


def action_data(action: Action) -> dict[str, Any]:
    return {
        "id": action.pk,
        "what": action.what,
        "who": action.who,
        "agency_name": action.agency_name,
        "by_when": action.by_when.isoformat() if action.by_when else None,
        "status": action.status,
        "kind": action.kind,
        "version": action.version,
    }


def note_data(note: ProgressNote) -> dict[str, Any]:
    return {
        "id": note.pk,
        "text": note.text,
        "noted_on": note.noted_on.isoformat(),
        "by": note.by_name,
    }


def target_data(target: Target) -> dict[str, Any]:
    return {
        "id": target.pk,
        "objective": target.objective,
        "goal_in_childs_words": target.goal_in_childs_words,
        "area": target.area,
        "manages_risk": target.manages_risk,
        "status": target.status,
        "factor": target.factor,
        "factor_direction": target.factor_direction,
        "concern_id": target.concern_id,
        "question_key": target.question_key,
        "because": because_of(target),
        "carried_from_stage": target.carried_from_id,
        "version": target.version,
        "actions": [action_data(action) for action in target.actions.all()],
        "progress": [note_data(note) for note in target.progress_notes.all()],
    }
