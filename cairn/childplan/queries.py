"""Reading the child's plan, and a first draft of it from the stage's intervention plan."""

from __future__ import annotations

from django.db.models import Prefetch

from cairn.assessment.models import Stage
from cairn.childplan.models import ChildPlan
from cairn.childplan.operations import (
    MAX_HELPERS,
    MAX_HOW,
    MAX_ITEM,
    MAX_ITEMS,
    MAX_WHO,
    Helper,
    PlanText,
)
from cairn.plans.models import Action, ActionStatus, Target, TargetStatus, Who

CLOSED_TARGETS = {TargetStatus.ACHIEVED, TargetStatus.STOPPED}
CLOSED_ACTIONS = {ActionStatus.DONE, ActionStatus.STOPPED}


def plan_of(stage: Stage) -> ChildPlan | None:
    return ChildPlan.objects.filter(stage=stage).prefetch_related("responses").first()


def _short(text: str, most: int) -> str:
    text = " ".join(text.split())
    if len(text) <= most:
        return text
    return text[: most - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _open_targets(stage: Stage) -> list[Target]:
    actions = Action.objects.exclude(status__in=CLOSED_ACTIONS).order_by("position", "id")
    return list(
        Target.objects.filter(stage=stage)
        .exclude(status__in=CLOSED_TARGETS)
        .prefetch_related(Prefetch("actions", queryset=actions))
        .order_by("position", "id")
    )


def has_intervention_plan(stage: Stage) -> bool:
    return Target.objects.filter(stage=stage).exclude(status__in=CLOSED_TARGETS).exists()


def from_intervention_plan(stage: Stage, current: PlanText | None = None) -> PlanText:
    """The plan to start from: "what I'll do" from the open targets' goals in the child's words
    and the child's own actions, "who will help me" from the other actions' owners. What the
    intervention plan does not hold (what I want, what I'm good at, how we'll know) is kept
    from the current plan."""
    current = current or PlanText()
    things: list[str] = []
    helpers: dict[str, list[str]] = {}
    for target in _open_targets(stage):
        if target.goal_in_childs_words.strip():
            things.append(target.goal_in_childs_words)
        for action in target.actions.all():
            if action.who == Who.CHILD:
                things.append(action.what)
            else:
                helpers.setdefault(action.who_label, []).append(action.what)
    unique_things = list(dict.fromkeys(_short(thing, MAX_ITEM) for thing in things))
    return PlanText(
        what_i_want=current.what_i_want,
        what_im_good_at=current.what_im_good_at,
        what_ill_do=tuple(unique_things[:MAX_ITEMS]),
        who_will_help=tuple(
            Helper(_short(who, MAX_WHO), _short(whats[0], MAX_HOW))
            for who, whats in list(helpers.items())[:MAX_HELPERS]
        ),
        how_well_know=current.how_well_know,
        language=current.language,
    )
