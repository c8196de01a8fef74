"""Countersigning: setting the policy, requesting sign-off, deciding, withdrawing on edit, and
the comments. Every write is atomic and audited.

Rules: only an editable stage (open, not signed off) can be sent for sign-off, only when what
the request covers is complete and current (progress.left_for), and only one request awaits at
a time; any manager of the stage's organisation may decide, except the
person who asked and anyone who wrote the stage (quality.queries.refusal); a stage edited
while a request awaits gets the request back (withdrawn, with a note), so the countersigner
never signs a version they did not see, nor one gone out of date since; a stage whose latest
request is signed off is frozen until a manager reopens it.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone

from cairn.accounts.models import Membership, User
from cairn.assessment.models import Stage
from cairn.assessment.operations import ensure_editable
from cairn.audit.operations import Actor, record_event
from cairn.quality import progress, queries
from cairn.quality.models import CountersignPolicy, Sections, SignoffComment, SignoffRequest
from cairn.quality.policy import MINIMUM_RATINGS

Status = SignoffRequest.Status
WITHDRAWN_NOTE = "The stage changed after sign-off was requested"


class AlreadyAwaitingError(Exception):
    """A request for this stage already awaits a decision."""


class NotAwaitingError(Exception):
    """The request has been decided or withdrawn already."""


class RefusedError(Exception):
    """This person may not decide the request; `reason` is a queries.Refusal value."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class CommentRequiredError(ValueError):
    """Asking for changes needs a comment saying which."""


class ReasonRequiredError(ValueError):
    """Withdrawing a request needs a reason."""


class NotReadyError(Exception):
    """What the request covers is not complete and current: `left` says what is left."""

    def __init__(self, left: list[progress.Left]) -> None:
        super().__init__(f"{len(left)} thing(s) left before sign-off")
        self.left = left


def _name(by: Actor) -> str:
    return by.user.display_name if by.user else "system"


def _user(by: Actor) -> User | None:
    return by.user


@transaction.atomic
def set_policy(
    *, by: Actor, organisation_id: int, stage_types: list[str], minimum_rating: str
) -> CountersignPolicy:
    if minimum_rating and minimum_rating not in MINIMUM_RATINGS:
        raise ValueError(minimum_rating)
    policy, _created = CountersignPolicy.objects.update_or_create(
        organisation_id=organisation_id,
        defaults={
            "stage_types": sorted(set(stage_types)),
            "minimum_rating": minimum_rating,
            "updated_at": timezone.now(),
            "updated_by": _user(by),
        },
    )
    record_event(
        by=by,
        event_type="quality.policy.changed",
        obj=policy,
        summary="Changed the countersigning policy",
        detail={
            "organisation": organisation_id,
            "stage_types": policy.stage_types,
            "minimum_rating": minimum_rating,
        },
    )
    return policy


@transaction.atomic
def request_signoff(*, by: Actor, stage: Stage, sections: str) -> SignoffRequest:
    if sections not in Sections.values:
        raise ValueError(sections)
    stage.__dict__.pop("_cairn_signoff_status", None)  # what progress.stage_items remembered
    stage = Stage.objects.select_for_update().get(pk=stage.pk)
    ensure_editable(stage)
    if SignoffRequest.objects.filter(stage=stage, status=Status.AWAITING).exists():
        raise AlreadyAwaitingError
    left = progress.left_for(stage, sections)
    if left:
        raise NotReadyError(left)
    try:
        with transaction.atomic():
            request = SignoffRequest.objects.create(
                stage=stage,
                sections=sections,
                requested_by=_user(by),
                requested_by_name=_name(by),
                requested_at=timezone.now(),
                revision_id=queries.last_revision_id(stage),
            )
    except IntegrityError:
        raise AlreadyAwaitingError from None
    record_event(
        by=by,
        event_type="quality.signoff.requested",
        child_id=stage.child_id,
        obj=request,
        summary=f"Requested sign-off ({sections})",
        detail={"stage": stage.pk, "sections": sections},
    )
    return request


@transaction.atomic
def decide(
    *,
    by: Actor,
    membership: Membership | None,
    request: SignoffRequest,
    decision: str,
    comment: str,
) -> SignoffRequest:
    """Sign off, or send back for changes (with a comment saying which)."""
    if decision not in {Status.SIGNED_OFF, Status.CHANGES_REQUIRED}:
        raise ValueError(decision)
    Stage.objects.select_for_update().get(pk=request.stage_id)
    locked = SignoffRequest.objects.select_for_update().get(pk=request.pk)
    locked.stage = request.stage
    reason = queries.refusal(membership, locked)
    if reason:
        raise RefusedError(reason)
    if not locked.is_awaiting:
        raise NotAwaitingError
    comment = comment.strip()
    if decision == Status.CHANGES_REQUIRED and not comment:
        raise CommentRequiredError
    if decision == Status.SIGNED_OFF:
        # Edits withdraw a request, but a change to the Core Record can still leave a
        # judgement to reconfirm after it was made: nobody signs what is out of date.
        left = progress.left_for(locked.stage, locked.sections)
        if left:
            raise NotReadyError(left)
    locked.status = decision
    locked.decided_by = _user(by)
    locked.decided_by_name = _name(by)
    locked.decided_at = timezone.now()
    locked.comment = comment
    locked.save(update_fields=["status", "decided_by", "decided_by_name", "decided_at", "comment"])
    record_event(
        by=by,
        event_type=f"quality.signoff.{decision}",
        child_id=locked.stage.child_id,
        obj=locked,
        summary="Signed off" if decision == Status.SIGNED_OFF else "Asked for changes",
        detail={"stage": locked.stage_id, "comment": comment[:300]},
    )
    return locked


@transaction.atomic
def withdraw(*, by: Actor, request: SignoffRequest, reason: str) -> SignoffRequest:
    """Take back an awaiting request (the practitioner's way forward when it went out of date,
    or was sent too soon), with a reason the countersigner and the audit log keep. Whoever may
    edit the stage may withdraw its request (the view and the API check that)."""
    reason = reason.strip()[:300]
    if not reason:
        raise ReasonRequiredError
    Stage.objects.select_for_update().get(pk=request.stage_id)
    locked = SignoffRequest.objects.select_for_update().get(pk=request.pk)
    if not locked.is_awaiting:
        raise NotAwaitingError
    locked.status = Status.WITHDRAWN
    locked.note = reason
    locked.save(update_fields=["status", "note"])
    request.stage.__dict__.pop("_cairn_signoff_status", None)
    record_event(
        by=by,
        event_type="quality.signoff.withdrawn",
        child_id=request.stage.child_id,
        obj=locked,
        summary=f"Sign-off request withdrawn: {reason[:150]}",
        detail={"stage": locked.stage_id, "reason": reason},
    )
    return locked


def withdraw_on_edit(by: Actor, stage: Stage) -> None:
    """ON_STAGE_EDITED: an edit returns an awaiting request to the practitioner."""
    awaiting = SignoffRequest.objects.filter(stage=stage, status=Status.AWAITING).first()
    if awaiting is None:
        return
    awaiting.status = Status.WITHDRAWN
    awaiting.note = WITHDRAWN_NOTE
    awaiting.save(update_fields=["status", "note"])
    record_event(
        by=by,
        event_type="quality.signoff.withdrawn",
        child_id=stage.child_id,
        obj=awaiting,
        summary="Sign-off request withdrawn: the stage changed",
        detail={"stage": stage.pk},
    )


def lift_on_reopen(by: Actor, stage: Stage, reason: str) -> None:
    """ON_STAGE_REOPENED: a manager reopened the stage (with a reason), so its sign-off no
    longer holds it. The latest request, if signed off, is marked reopened (who, when, why):
    the stage is editable again, needs signing off again where the policy says so, and the
    next request is compared with the version this one signed off."""
    latest = (
        SignoffRequest.objects.select_for_update()
        .filter(stage=stage)
        .order_by("-requested_at", "-id")
        .first()
    )
    stage.__dict__.pop("_cairn_signoff_status", None)
    if latest is None or latest.status != Status.SIGNED_OFF:
        return
    latest.status = Status.REOPENED
    latest.reopened_at = timezone.now()
    latest.reopened_by = _user(by)
    latest.reopened_by_name = _name(by)
    latest.reopen_reason = reason.strip()[:300]
    latest.save(
        update_fields=["status", "reopened_at", "reopened_by", "reopened_by_name", "reopen_reason"]
    )
    record_event(
        by=by,
        event_type="quality.signoff.reopened",
        child_id=stage.child_id,
        obj=latest,
        summary=f"Sign-off lifted: the stage was reopened ({reason.strip()[:150]})",
        detail={"stage": stage.pk, "reason": reason.strip()[:300]},
    )


def frozen_reason(stage: Stage) -> str | None:
    """FREEZE_CHECKS: a stage whose latest request is signed off may not change."""
    return str(queries.SIGNED_OFF_FREEZES) if queries.is_signed_off(stage) else None


@transaction.atomic
def add_comment(
    *,
    by: Actor,
    stage: Stage,
    key: str,
    text: str,
    request: SignoffRequest | None = None,
    parent: SignoffComment | None = None,
) -> SignoffComment:
    text = text.strip()
    if not text:
        raise ValueError("empty comment")
    if parent is not None:
        if parent.stage_id != stage.pk:
            raise ValueError("the reply's thread is on another stage")
        while parent.parent_id is not None:  # replies hang from the thread's first comment
            parent = SignoffComment.objects.get(pk=parent.parent_id)
        key = parent.key
    comment = SignoffComment.objects.create(
        stage=stage,
        request=request,
        key=key,
        parent=parent,
        text=text,
        by=_user(by),
        by_name=_name(by),
        at=timezone.now(),
    )
    record_event(
        by=by,
        event_type="quality.comment.added",
        child_id=stage.child_id,
        obj=comment,
        summary=f"Commented on {key}"[:200],
        detail={"stage": stage.pk, "key": key, "parent": parent.pk if parent else None},
    )
    return comment


@transaction.atomic
def resolve_comment(*, by: Actor, comment: SignoffComment, resolved: bool = True) -> SignoffComment:
    """Resolve a thread (or reopen it), at its first comment."""
    thread = SignoffComment.objects.select_for_update().get(pk=comment.parent_id or comment.pk)
    thread.resolved_at = timezone.now() if resolved else None
    thread.resolved_by = _user(by) if resolved else None
    thread.save(update_fields=["resolved_at", "resolved_by"])
    record_event(
        by=by,
        event_type="quality.comment.resolved" if resolved else "quality.comment.reopened",
        child_id=thread.stage.child_id,
        obj=thread,
        summary=("Resolved" if resolved else "Reopened") + f" a comment on {thread.key}"[:180],
        detail={"stage": thread.stage_id},
    )
    return thread
