"""The plan in the stage's completion map: the intervention plan and the risk and safety plan."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cairn.assessment.extensions import ItemState, StageItem
from cairn.assessment.models import Stage
from cairn.plans import queries
from cairn.plans.models import Target
from cairn.ui.jinja import url  # reverse(), worked out once per route

PLAN_KEY = "plan:intervention"
RISK_KEY = "plan:risk"


def is_required(stage: Stage) -> bool:
    """The plan is required of a full stage and offered on a light one."""
    return stage.depth == Stage.Depth.FULL


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
        StageItem(
            key=RISK_KEY,
            group=group,
            title=str(_("Risk and safety plan")),
            url=url("plans:risk", stage.pk),
            state=ItemState.DONE if has_risk_actions else ItemState.OFFERED,
            is_required=False,
        ),
    ]
