"""The child's plan in the stage's completion map: offered, never required; done when the
child has agreed to the current version."""

from __future__ import annotations

from django.utils.translation import gettext as _

from cairn.assessment.extensions import ItemState, StageItem
from cairn.assessment.models import Stage
from cairn.childplan.models import ChildPlan
from cairn.ui.jinja import url  # reverse(), worked out once per route

ITEM_KEY = "childplan"


def stage_items(stage: Stage) -> list[StageItem]:
    plan = next(iter(ChildPlan.objects.filter(stage=stage)[:1]), None)  # one per stage
    agreed = plan is not None and plan.is_agreed
    if agreed:
        detail = ""
    elif plan is None:
        detail = _("not yet written")
    else:
        detail = _("not yet agreed with the child")
    return [
        StageItem(
            key=ITEM_KEY,
            group=str(_("Pathways and Planning")),
            title=str(_("The child's plan")),
            url=url("childplan:plan", stage.pk),
            state=ItemState.DONE if agreed else ItemState.OFFERED,
            is_required=False,
            detail=detail,
        )
    ]
