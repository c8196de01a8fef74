"""Reading a stage's plan: every target with its actions and progress notes in three queries
whatever their number, the risk and safety plan, and what the assessment found that no target
covers yet."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, Q

from cairn.assessment import completion, pages
from cairn.assessment.models import Stage
from cairn.framework import catalogue as catalogues
from cairn.judgements import desistance
from cairn.judgements import rules as judgement_rules
from cairn.judgements.models import Concern
from cairn.plans.models import Action, ActionKind, ManagesRisk, ProgressNote, Target

HIGH_RATINGS = ("high", "very_high")
NEED_KINDS = ("long_text",)
SKIPPED_SUFFIXES = (".child_view", ".carer_view")


def _short(text: str, most: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


def targets_of(stage: Stage) -> list[Target]:
    """The plan's targets in order, each with its actions and progress notes."""
    return list(
        Target.objects.filter(stage=stage)
        .select_related("stage", "carried_from", "concern")
        .prefetch_related(
            Prefetch("actions", queryset=Action.objects.order_by("position", "id")),
            Prefetch(
                "progress_notes",
                queryset=ProgressNote.objects.order_by("noted_on", "created_at", "id"),
            ),
        )
    )


def target_of(stage: Stage, target_id: int) -> Target | None:
    return Target.objects.filter(stage=stage, pk=target_id).first()


def concern_rating(concern: Concern) -> str:
    return judgement_rules.concern_rating(
        judgement_rules.active(), concern.impact, concern.likelihood, concern.imminence
    )


def unmanaged_high_concerns(stage: Stage, targets: list[Target] | None = None) -> list[Concern]:
    """Concerns rated high or very high that no target of the plan manages."""
    if targets is None:
        managed = set(
            Target.objects.filter(stage=stage, concern__isnull=False).values_list(
                "concern_id", flat=True
            )
        )
    else:
        managed = {target.concern_id for target in targets if target.concern_id}
    return [
        concern
        for concern in Concern.objects.filter(stage=stage).order_by("created_at", "id")
        if concern.pk not in managed and concern_rating(concern) in HIGH_RATINGS
    ]


def has_risk_actions(stage: Stage) -> bool:
    """Whether the risk and safety plan has anything in it (see risk_plan)."""
    return (
        Action.objects.filter(target__stage=stage)
        .filter(
            ~Q(kind=ActionKind.ORDINARY)
            | ~Q(target__manages_risk=ManagesRisk.NONE)
            | Q(target__concern__isnull=False)
        )
        .exists()
    )


@dataclass(frozen=True)
class RiskAction:
    target: Target
    action: Action


@dataclass(frozen=True)
class RiskPlan:
    """The actions that manage risk of serious harm and safety and well-being."""

    serious_harm: list[RiskAction] = field(default_factory=list)
    safety_wellbeing: list[RiskAction] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.serious_harm or self.safety_wellbeing)


def _manages(target: Target) -> str:
    if target.manages_risk != ManagesRisk.NONE:
        return target.manages_risk
    concern = target.concern
    return concern.judgement if concern is not None else ""


def risk_plan(targets: list[Target]) -> RiskPlan:
    """Every action of a target that manages risk, and every external control or contingency
    wherever it is, under the risk it manages (serious harm unless its target says safety)."""
    plan = RiskPlan()
    for target in targets:
        manages = _manages(target)
        for action in target.actions.all():
            if not manages and action.kind == ActionKind.ORDINARY:
                continue
            group = (
                plan.safety_wellbeing
                if manages == ManagesRisk.SAFETY_WELLBEING
                else plan.serious_harm
            )
            group.append(RiskAction(target, action))
    return plan


@dataclass(frozen=True)
class Finding:
    """Something the assessment found that a target may rest on."""

    kind: str  # factor, concern, need
    text: str
    detail: str = ""
    params: dict[str, Any] = field(default_factory=dict)  # what pre-fills the target form


@dataclass(frozen=True)
class Findings:
    against: list[Finding] = field(default_factory=list)
    supporting: list[Finding] = field(default_factory=list)
    concerns: list[Finding] = field(default_factory=list)
    needs: list[Finding] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.against or self.supporting or self.concerns or self.needs)


def uncovered(stage: Stage, targets: list[Target], values: dict[str, Any]) -> Findings:
    """The stage's desistance factors (against, then for), concerns and answered needs and
    strengths that no target rests on yet."""
    catalogue = catalogues.load(stage.catalogue_version)
    language = pages.language()
    factors = {target.factor for target in targets if target.factor}
    concerns = {target.concern_id for target in targets if target.concern_id}
    questions = {target.question_key for target in targets if target.question_key}
    summary = desistance.summarise(catalogue, values, language)
    against = [
        Finding("factor", f.factor, f.strength_label, {"factor": f.factor})
        for f in summary.against
        if f.factor not in factors
    ]
    supporting = [
        Finding("factor", f.factor, f.strength_label, {"factor": f.factor})
        for f in [*summary.supporting, *summary.undecided]
        if f.factor not in factors
    ]
    found_concerns = [
        Finding(
            "concern",
            concern.what,
            str(Concern.Judgement(concern.judgement).label),
            {"concern": concern.pk},
        )
        for concern in Concern.objects.filter(stage=stage).order_by("created_at", "id")
        if concern.pk not in concerns
    ]
    needs: list[Finding] = []
    for section, _depth in completion.stage_sections(catalogue, stage.stage_type, stage.depth):
        if section.part != "information_gathering":
            continue
        for question in section.questions:
            value = values.get(question.key)
            if (
                question.kind in NEED_KINDS
                and not question.key.endswith(SKIPPED_SUFFIXES)
                and isinstance(value, str)
                and value.strip()
                and question.key not in questions
            ):
                needs.append(
                    Finding(
                        "need",
                        f"{section.title.get(language)}: {question.label.get(language)}",
                        _short(value),
                        {"question_key": question.key},
                    )
                )
    return Findings(against, supporting, found_concerns, needs)
