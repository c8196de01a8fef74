"""Every demo stage's intervention plan, built from what its assessment found, through the
plan's own operations, as a practitioner would build it in one screen.

For each finding no target covers yet: a target for each desistance factor against (at most
two), one building on the strongest factor for, and one managing each concern rated high or
very high, with a contingency (what we do if...) and an external control. Written while the
stage is open (before it is completed), by the child's case worker, on the stage's last
working day (the demo's clock). A stage carried forward from an earlier one already continues
that plan, so only what is new gets a target. Texts are short and fictional.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from cairn.assessment import queries as assessment_queries
from cairn.assessment.models import Stage
from cairn.audit.operations import Actor
from cairn.judgements.models import Concern
from cairn.judgements.rules import RATING_ORDER
from cairn.plans import operations, progress, queries
from cairn.plans.models import Target
from cairn.plans.wording import generated_objective

MOST_AGAINST = 2


def _by(days: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=days)


def _short(text: str, most: int = 80) -> str:
    """The text, cut at a word within `most` characters."""
    text = " ".join(text.split()).rstrip(".")
    if len(text) <= most:
        return text
    return text[:most].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def write(by: Actor, stage: Stage) -> int:
    """Add the stage's targets; the number added."""
    targets = queries.targets_of(stage)
    found = queries.uncovered(stage, targets, assessment_queries.values_of(stage))
    added = 0
    for finding in found.against[:MOST_AGAINST]:
        target = operations.add_target(
            by=by,
            stage=stage,
            data=operations.TargetInput(
                objective=generated_objective("against", _short(finding.text)),
                area="lifestyle",
                status="in_progress",
                factor=finding.text,
            ),
        )
        _action(by, stage, target, "Talk it through in weekly sessions", "practitioner", 28)
        added += 1
    for finding in found.supporting[:1]:
        target = operations.add_target(
            by=by,
            stage=stage,
            data=operations.TargetInput(
                objective=generated_objective("strength", _short(finding.text)),
                goal_in_childs_words="Keep doing what I'm good at.",
                status="in_progress",
                factor=finding.text,
            ),
        )
        _action(by, stage, target, "Keep it going every week", "child", 42)
        added += 1
    unmanaged = {concern.pk for concern in queries.unmanaged_high_concerns(stage, targets)}
    for concern in Concern.objects.filter(pk__in=unmanaged).order_by("created_at", "id"):
        _manage(by, stage, concern)
        added += 1
    if progress.serious_harm_rating(stage) in progress.RISK_NEEDS_ACTIONS and not (
        queries.has_risk_actions(stage)
    ):
        # Rated medium or above with no concern high enough for a target of its own: the
        # risk and safety plan still needs an action, so the highest serious harm concern
        # gets one.
        concerns = Concern.objects.filter(stage=stage, judgement="serious_harm")
        highest = max(
            concerns.order_by("created_at", "id"),
            key=lambda concern: RATING_ORDER.index(queries.concern_rating(concern) or "low"),
            default=None,
        )
        if highest is not None:
            _manage(by, stage, highest)
            added += 1
    return added


def _manage(by: Actor, stage: Stage, concern: Concern) -> None:
    """A target managing the concern, with an external control and a contingency."""
    target = operations.add_target(
        by=by,
        stage=stage,
        data=operations.TargetInput(
            objective=generated_objective("concern", _short(concern.what)),
            manages_risk=concern.judgement,
            status="in_progress",
            concern_id=concern.pk,
        ),
    )
    _action(
        by,
        stage,
        target,
        "Agree a safety plan with the child and their carer",
        "practitioner",
        14,
        kind="external_control",
    )
    _action(
        by,
        stage,
        target,
        "If it happens: tell the police and the child's social worker the same day",
        "practitioner",
        None,
        kind="contingency",
    )


def _action(
    by: Actor,
    stage: Stage,
    target: Target,
    what: str,
    who: str,
    days: int | None,
    kind: str = "ordinary",
) -> None:
    operations.add_action(
        by=by,
        stage=stage,
        target_id=target.pk,
        data=operations.ActionInput(
            what=what, who=who, by_when=_by(days) if days else None, kind=kind
        ),
    )
