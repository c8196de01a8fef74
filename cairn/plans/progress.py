"""The plan in the stage's completion map: the intervention plan and the risk and safety plan.

The risk and safety plan is offered, and required once the practitioner rates the risk of
serious harm medium or above: the stage cannot complete until at least one action in the plan
manages that risk (an action of a target that manages risk, or an external control or
contingency).
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cairn.assessment.extensions import ItemState, StageItem
from cairn.assessment.models import Stage
from cairn.assessment.pages import language
from cairn.judgements import rules as judgement_rules
from cairn.judgements.models import Judgement, Kind
from cairn.plans import queries
from cairn.plans.models import Target
from cairn.ui.jinja import url  # reverse(), worked out once per route

PLAN_KEY = "plan:intervention"
RISK_KEY = "plan:risk"


def is_required(stage: Stage) -> bool:
    """The plan is required of a full stage and offered on a light one."""
    return stage.depth == Stage.Depth.FULL


# Risk of serious harm ratings that need at least one action in the risk and safety plan.
RISK_NEEDS_ACTIONS = ("medium", "high", "very_high")


def serious_harm_rating(stage: Stage) -> str:
    """The practitioner's rating of the risk of serious harm in this stage ("" if not made)."""
    rating = (
        Judgement.objects.filter(stage=stage, kind=Kind.SERIOUS_HARM)
        .values_list("rating", flat=True)
        .first()
    )
    return rating or ""


def rating_needing_actions(stage: Stage) -> str:
    """The risk of serious harm rating, in the reader's language and lower case, when it
    needs an action in the risk and safety plan; "" otherwise."""
    rating = serious_harm_rating(stage)
    if rating not in RISK_NEEDS_ACTIONS:
        return ""
    try:
        return judgement_rules.active().rating(rating).label.get(language()).lower()
    except KeyError:
        return rating


def _risk_item(stage: Stage, group: str, has_risk_actions: bool) -> StageItem:
    rating = rating_needing_actions(stage)
    needs_actions = bool(rating)
    detail = ""
    if has_risk_actions:
        state = ItemState.DONE
    elif needs_actions:
        state = ItemState.MISSING
        detail = _(
            "risk of serious harm is rated %(rating)s: add at least one action that manages it"
        ) % {"rating": rating}
    else:
        state = ItemState.OFFERED
    return StageItem(
        key=RISK_KEY,
        group=group,
        title=str(_("Risk and safety plan")),
        url=url("plans:risk", stage.pk),
        state=state,
        is_required=needs_actions,
        detail=detail,
    )


def stage_items(stage: Stage) -> list[StageItem]:
    required = is_required(stage)
    group = str(_("Pathways and Planning"))
    has_targets = Target.objects.filter(stage=stage).exists()
    unmanaged = queries.unmanaged_high_concerns(stage) if has_targets else []
    has_risk_actions = has_targets and queries.has_risk_actions(stage)
    if has_targets and not unmanaged:
        state, detail = ItemState.DONE, ""
    elif required:
        state = ItemState.MISSING
        detail = (
            ngettext(
                "%(num)d concern rated high or very high has no target managing it",
                "%(num)d concerns rated high or very high have no target managing them",
                len(unmanaged),
            )
            % {"num": len(unmanaged)}
            if has_targets
            else _("no targets yet")
        )
    else:
        state, detail = ItemState.OFFERED, ""
    return [
        StageItem(
            key=PLAN_KEY,
            group=group,
            title=str(_("Intervention plan")),
            url=url("plans:plan", stage.pk),
            state=state,
            is_required=required,
            detail=detail,
        ),
        _risk_item(stage, group, has_risk_actions),
    ]
