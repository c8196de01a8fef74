"""Reading a stage's judgements with their proposals and what changed since they were made.

`review(stage)` is the one read every page, the completion map, the API and the summary use:
a handful of queries whatever the number of answers, concerns or offences.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, prefetch_related_objects

from cairn.assessment import queries as assessment_queries
from cairn.assessment.models import Stage
from cairn.framework import catalogue as catalogues
from cairn.judgements import basis, proposals
from cairn.judgements import rules as judgement_rules
from cairn.judgements.models import Concern, Judgement, Kind
from cairn.judgements.scoring import Score
from cairn.records.models import Child, Offence


def kinds_of(stage: Stage) -> tuple[str, ...]:
    """The judgements this stage makes, in the order the framework presents them."""
    catalogue = catalogues.load(stage.catalogue_version)
    try:
        declared = set(catalogue.stage(stage.stage_type).judgements)
    except StopIteration:
        return ()
    return tuple(kind for kind in Kind.values if kind in declared)


def is_required(stage: Stage) -> bool:
    """Judgements are required of a full stage and offered on a light one."""
    return stage.depth == Stage.Depth.FULL


def judgements_of(stage: Stage) -> dict[str, Judgement]:
    return {
        judgement.kind: judgement
        for judgement in Judgement.objects.filter(stage=stage).select_related("carried_from")
    }


def has_judgements(stage: Stage) -> bool:
    return Judgement.objects.filter(stage=stage).exists()


def concerns_of(stage: Stage) -> list[Concern]:
    return list(Concern.objects.filter(stage=stage).order_by("created_at", "id"))


def child_with_offences(child_id: int) -> Child:
    return Child.objects.prefetch_related(
        Prefetch("offences", queryset=Offence.objects.order_by("offence_date", "id"))
    ).get(pk=child_id)


def _with_offences(stage: Stage) -> Child:
    """The stage's child (already loaded with the stage) with its offences: one query."""
    child = stage.child
    prefetch_related_objects(
        [child], Prefetch("offences", queryset=Offence.objects.order_by("offence_date", "id"))
    )
    return child


@dataclass(frozen=True)
class JudgementState:
    kind: str
    judgement: Judgement | None
    proposal: proposals.Proposal
    changes: list[basis.Change] = field(default_factory=list)
    concerns: list[Concern] = field(default_factory=list)
    score: Score | None = None
    cannot_score: list[str] = field(default_factory=list)

    @property
    def is_made(self) -> bool:
        return self.judgement is not None

    @property
    def to_reconfirm(self) -> bool:
        return self.judgement is not None and bool(self.changes)


@dataclass(frozen=True)
class StageJudgements:
    stage: Stage
    required: bool
    states: dict[str, JudgementState]
    facts: basis.StageFacts
    previous_score: Score | None = None

    def __iter__(self) -> Any:
        return iter(self.states.values())


def review(stage: Stage, values: dict[str, Any] | None = None) -> StageJudgements:
    """Every judgement of the stage: made or not, the proposal now, and what changed."""
    catalogue = catalogues.load(stage.catalogue_version)
    rules = judgement_rules.active()
    if values is None:
        values = assessment_queries.values_of(stage)
    child = _with_offences(stage)
    made = judgements_of(stage)
    concerns = concerns_of(stage)
    on = proposals.stage_date(stage)
    reoffending_proposal, score, reasons = proposals.reoffending(child, on)
    ratings = proposals.ratings_for_intervention(made, reoffending_proposal.value, concerns)
    facts = basis.StageFacts(
        catalogue=catalogue,
        stage_type=stage.stage_type,
        stage_depth=stage.depth,
        values=values,
        child=child,
        concerns=concerns,
        score_detail=reoffending_proposal.detail,
        ratings_for_level=ratings,
    )
    states: dict[str, JudgementState] = {}
    for kind in kinds_of(stage):
        if kind == Kind.REOFFENDING:
            proposal = reoffending_proposal
        elif kind == Kind.INTERVENTION_LEVEL:
            proposal = proposals.intervention(rules, *ratings)
        else:
            proposal = proposals.risk(rules, facts.concerns_of(kind))
        judgement = made.get(kind)
        found = basis.changes(judgement.basis, basis.basis_of(facts, kind)) if judgement else []
        states[kind] = JudgementState(
            kind=kind,
            judgement=judgement,
            proposal=proposal,
            changes=found,
            concerns=facts.concerns_of(kind),
            score=score if kind == Kind.REOFFENDING else None,
            cannot_score=reasons if kind == Kind.REOFFENDING else [],
        )
    return StageJudgements(stage, is_required(stage), states, facts)


def previous_score(stage: Stage) -> dict[str, Any] | None:
    """The reoffending score kept with the child's previous stage, if it made one."""
    if stage.previous_id is None:
        return None
    kept = (
        Judgement.objects.filter(stage_id=stage.previous_id, kind=Kind.REOFFENDING)
        .values_list("detail", flat=True)
        .first()
    )
    return kept if kept and "inputs" in kept else None


def review_cached(stage: Stage, values: dict[str, Any] | None = None) -> StageJudgements:
    """review(), once per stage object: a page and its completion map share one reading.

    Only for reading within one request; writes read afresh through review()."""
    cached: StageJudgements | None = getattr(stage, "_cairn_judgements", None)
    if cached is None:
        cached = review(stage, values)
        stage._cairn_judgements = cached  # type: ignore[attr-defined]
    return cached
