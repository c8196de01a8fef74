"""Writing the child's plan and the child's responses to it. Every write is one transaction,
refuses a stage that may not be edited, refuses a stale version, is audited, and tells the
stage's edit hooks.

The limits keep the printed plan to one A4 page in large type: a child's plan is short.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cairn.assessment.extensions import edited
from cairn.assessment.models import Stage
from cairn.assessment.operations import ensure_editable
from cairn.assessment.writes import InvalidError as InvalidError  # re-exported for callers
from cairn.assessment.writes import StaleError as StaleError
from cairn.audit.operations import Actor, record_event
from cairn.childplan.models import ChildPlan, ChildResponse, Language

MAX_TEXT = 160  # what I want, what I'm good at, how we'll know
MAX_ITEMS = 5  # things I'll do
MAX_ITEM = 60
MAX_HELPERS = 4
MAX_WHO = 30
MAX_HOW = 60
MAX_WORDS = 160  # the child's words with a response


class NoPlanError(LookupError):
    """The stage has no child's plan to respond to."""


@dataclass(frozen=True)
class Helper:
    who: str
    how: str = ""


@dataclass(frozen=True)
class PlanText:
    what_i_want: str = ""
    what_im_good_at: str = ""
    what_ill_do: tuple[str, ...] = ()
    who_will_help: tuple[Helper, ...] = ()
    how_well_know: str = ""
    language: str = Language.ENGLISH

    @classmethod
    def of(cls, plan: ChildPlan) -> PlanText:
        return cls(
            what_i_want=plan.what_i_want,
            what_im_good_at=plan.what_im_good_at,
            what_ill_do=tuple(str(item) for item in plan.what_ill_do),
            who_will_help=tuple(
                Helper(str(helper.get("who", "")), str(helper.get("how", "")))
                for helper in plan.who_will_help
            ),
            how_well_know=plan.how_well_know,
            language=plan.language,
        )


@dataclass
class _Checker:
    errors: dict[str, str] = field(default_factory=dict)

    def text(self, name: str, value: str, most: int, label: str) -> str:
        value = value.strip()
        if len(value) > most:
            self.errors[name] = _("%(what)s must be %(max)d characters or fewer") % {
                "what": label,
                "max": most,
            }
        return value


def clean(text: PlanText) -> PlanText:
    """The text trimmed, empty lines dropped; InvalidError if it is too long for the page."""
    check = _Checker()
    things = tuple(item.strip() for item in text.what_ill_do if item.strip())
    if len(things) > MAX_ITEMS:
        check.errors["what_ill_do"] = _("Write up to %(max)d things the child will do") % {
            "max": MAX_ITEMS
        }
    for item in things:
        if len(item) > MAX_ITEM:
            check.errors["what_ill_do"] = _(
                "Each thing the child will do must be %(max)d characters or fewer"
            ) % {"max": MAX_ITEM}
    helpers = tuple(
        Helper(
            check.text(f"helper_{index}_who", helper.who, MAX_WHO, _("Who")),
            check.text(f"helper_{index}_how", helper.how, MAX_HOW, _("How they will help")),
        )
        for index, helper in enumerate(text.who_will_help, start=1)
    )
    for index, helper in enumerate(helpers, start=1):
        if helper.how and not helper.who:
            check.errors[f"helper_{index}_who"] = _("Enter who will help")
    helpers = tuple(helper for helper in helpers if helper.who)
    if len(helpers) > MAX_HELPERS:
        check.errors["who_will_help"] = _("Name up to %(max)d people who will help") % {
            "max": MAX_HELPERS
        }
    if text.language not in Language.values:
        check.errors["language"] = _("Select English or Welsh")
    cleaned = PlanText(
        what_i_want=check.text("what_i_want", text.what_i_want, MAX_TEXT, _("What I want")),
        what_im_good_at=check.text(
            "what_im_good_at", text.what_im_good_at, MAX_TEXT, _("What I'm good at")
        ),
        what_ill_do=things,
        who_will_help=helpers,
        how_well_know=check.text(
            "how_well_know", text.how_well_know, MAX_TEXT, _("How we'll know it's working")
        ),
        language=text.language,
    )
    if check.errors:
        raise InvalidError(check.errors)
    return cleaned


def _locked_editable(stage: Stage) -> Stage:
    stage = Stage.objects.select_for_update().get(pk=stage.pk)
    ensure_editable(stage)
    return stage


def _name(by: Actor) -> str:
    return (by.user.get_full_name() or by.user.username) if by.user else ""


@transaction.atomic
def save_plan(*, by: Actor, stage: Stage, text: PlanText, version: int) -> ChildPlan:
    """Write the plan if it is still at `version` (0 when the stage has none yet).

    A change to a plan the child agreed to makes it a draft again: the agreement was to the
    version before."""
    stage = _locked_editable(stage)
    text = clean(text)
    plan = ChildPlan.objects.select_for_update().filter(stage=stage).first()
    if (plan.version if plan else 0) != version:
        raise StaleError(plan)
    if plan is not None and PlanText.of(plan) == text:
        return plan
    was_agreed = plan is not None and plan.is_agreed
    plan = plan or ChildPlan(stage=stage, version=0, created_at=timezone.now())
    plan.what_i_want = text.what_i_want
    plan.what_im_good_at = text.what_im_good_at
    plan.what_ill_do = list(text.what_ill_do)
    plan.who_will_help = [{"who": h.who, "how": h.how} for h in text.who_will_help]
    plan.how_well_know = text.how_well_know
    plan.language = text.language
    plan.version += 1
    plan.updated_at = timezone.now()
    plan.updated_by = by.user
    plan.updated_by_name = _name(by)
    plan.save()
    record_event(
        by=by,
        event_type="childplan.saved",
        child_id=stage.child_id,
        obj=plan,
        summary=f"Child's plan saved (version {plan.version})"
        + (": a draft again after agreement" if was_agreed else ""),
        detail={"stage": stage.pk, "version": plan.version, "was_agreed": was_agreed},
    )
    edited(by, stage)
    return plan


@transaction.atomic
def record_response(
    *,
    by: Actor,
    stage: Stage,
    response: str,
    words: str,
    responded_on: dt.date,
    plan_version: int,
) -> ChildResponse:
    """Append the child's response to the version of the plan they were shown."""
    stage = _locked_editable(stage)
    plan = ChildPlan.objects.select_for_update().filter(stage=stage).first()
    if plan is None:
        raise NoPlanError(stage.pk)
    if plan.version != plan_version:
        raise StaleError(plan)
    errors = {}
    words = words.strip()
    if response not in ChildResponse.Response.values:
        errors["response"] = _("Select what the child said about the plan")
    if len(words) > MAX_WORDS:
        errors["words"] = _("The child's words must be %(max)d characters or fewer") % {
            "max": MAX_WORDS
        }
    if responded_on > timezone.localdate():
        errors["responded_on"] = _("The date must be today or in the past")
    elif responded_on < timezone.localdate(plan.created_at):
        errors["responded_on"] = _("The date must be on or after the day the plan was written")
    if errors:
        raise InvalidError(errors)
    answer = ChildResponse.objects.create(
        plan=plan,
        plan_version=plan.version,
        response=response,
        words=words,
        responded_on=responded_on,
        recorded_at=timezone.now(),
        recorded_by=by.user,
        recorded_by_name=_name(by),
    )
    record_event(
        by=by,
        event_type="childplan.response_recorded",
        child_id=stage.child_id,
        obj=answer,
        summary=f"Child's response to their plan (version {plan.version}): {response}",
        detail={"stage": stage.pk, "version": plan.version, "response": response},
    )
    edited(by, stage)
    return answer


def carry_forward(by: Actor, previous: Stage, stage: Stage) -> None:
    """A new stage starts with a copy of the previous stage's plan, as a draft: the child
    agrees to it again (inside start_stage's transaction)."""
    earlier = ChildPlan.objects.filter(stage=previous).first()
    if earlier is None or ChildPlan.objects.filter(stage=stage).exists():
        return
    now = timezone.now()
    plan = ChildPlan.objects.create(
        stage=stage,
        what_i_want=earlier.what_i_want,
        what_im_good_at=earlier.what_im_good_at,
        what_ill_do=earlier.what_ill_do,
        who_will_help=earlier.who_will_help,
        how_well_know=earlier.how_well_know,
        language=earlier.language,
        version=1,
        created_at=now,
        updated_at=now,
        updated_by=by.user,
        updated_by_name=_name(by),
    )
    record_event(
        by=by,
        event_type="childplan.carried_forward",
        child_id=stage.child_id,
        obj=plan,
        summary="Child's plan carried forward as a draft",
        detail={"stage": stage.pk, "from_stage": previous.pk},
    )
