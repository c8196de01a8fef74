"""Writing a demo stage's concerns and judgements through the judgements app's operations.

The proposals are the system's: the demo only makes the practitioner's decisions. Where a
planned rating differs from the proposal without a reason, loading stops and says which child,
which judgement and what was proposed, so the demo never carries a decision the service would
have refused.
"""

from __future__ import annotations

from cairn.assessment.models import Stage
from cairn.audit.operations import Actor
from cairn.demo.plans import ConcernPlan, JudgementPlan
from cairn.judgements import operations, queries
from cairn.judgements.models import Judgement, Kind


class DemoDataError(RuntimeError):
    """The demo's own data does not fit the service's rules: fix the plan it names."""


def _where(stage: Stage) -> str:
    return f"{stage.child.local_id} {stage.stage_type}"


def add_concerns(by: Actor, stage: Stage, concerns: tuple[ConcernPlan, ...]) -> None:
    for plan in concerns:
        data = operations.ConcernInput(
            what=plan.what,
            to_whom=plan.to_whom,
            to_whom_detail=plan.to_whom_detail,
            impact=plan.impact,
            likelihood=plan.likelihood,
            imminence=plan.imminence,
            evidence=plan.evidence,
            answer_keys=plan.answer_keys,
        )
        try:
            operations.add_concern(by=by, stage=stage, judgement=plan.judgement, data=data)
        except operations.InvalidError as error:
            raise DemoDataError(f"{_where(stage)}, concern '{plan.what[:40]}': {error}") from None


def decide(by: Actor, stage: Stage, judgements: tuple[JudgementPlan, ...]) -> None:
    """Make the judgements in the framework's order: the intervention level follows the two
    ratings before it."""
    order = list(Kind.values)
    for plan in sorted(judgements, key=lambda plan: order.index(plan.kind)):
        current = Judgement.objects.filter(stage=stage, kind=plan.kind).first()
        try:
            operations.decide(
                by=by,
                stage=stage,
                kind=plan.kind,
                rating=plan.rating,
                reason=plan.reason,
                version=current.version if current else 0,
            )
        except operations.InvalidError as error:
            proposed = queries.review(stage).states[plan.kind].proposal.value or "nothing"
            raise DemoDataError(
                f"{_where(stage)}, {plan.kind} rated {plan.rating} (proposed: {proposed}): {error}"
            ) from None
        except operations.UnknownJudgementError:
            raise DemoDataError(f"{_where(stage)} does not make {plan.kind}") from None


def reconfirm_flagged(by: Actor, stage: Stage) -> None:
    """Reconfirm every judgement flagged because something it rests on changed: the
    practitioner looked again and kept it (a stage cannot be completed with any flagged)."""
    for state in queries.review(stage):
        if state.to_reconfirm and state.judgement is not None:
            try:
                operations.reconfirm(
                    by=by, stage=stage, kind=state.kind, version=state.judgement.version
                )
            except operations.InvalidError as error:
                raise DemoDataError(
                    f"{_where(stage)}, {state.kind} to reconfirm: {error}. Decide it again in "
                    "the stage's plan, with a reason."
                ) from None
