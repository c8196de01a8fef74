"""Reading sign-off requests and comments, only for those who may see the child.

A request is reached through its stage, and the stage through its child (records.access): the
same 404 for anyone who may not reach the child. The diff a countersigner reads is computed
from the stage's append-only revision log, between the version last decided and the version
the request was made at.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Max, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy

from cairn.accounts.models import Membership
from cairn.accounts.roles import Capability, can
from cairn.assessment import queries as assessment_queries
from cairn.assessment.models import AnswerRevision, Stage
from cairn.audit.models import AuditEvent
from cairn.quality.models import SignoffComment, SignoffRequest
from cairn.records.access import Access

Status = SignoffRequest.Status


def requests_of(stage: Stage) -> list[SignoffRequest]:
    """Every request of the stage, newest first."""
    return list(
        SignoffRequest.objects.filter(stage=stage)
        .select_related("requested_by", "decided_by")
        .order_by("-requested_at", "-id")
    )


def latest_status(stage: Stage) -> str | None:
    """The status of the stage's latest request (None without one): one narrow read, for the
    completion map and the freeze check, which need nothing else of it."""
    return (
        SignoffRequest.objects.filter(stage=stage)
        .order_by("-requested_at", "-id")
        .values_list("status", flat=True)
        .first()
    )


# Why a signed-off stage may not change, in the freeze check and the map's sign-off item.
SIGNED_OFF_FREEZES = gettext_lazy("signed off")


def is_signed_off(stage: Stage) -> bool:
    return latest_status(stage) == Status.SIGNED_OFF


def request_for(
    membership: Membership | None, request_id: int, at_least: Access = Access.READ
) -> tuple[SignoffRequest, Access]:
    found = SignoffRequest.objects.filter(pk=request_id).only("pk", "stage_id").first()
    if found is None:
        raise Http404
    stage, access = assessment_queries.stage_for(membership, found.stage_id, at_least)
    request = SignoffRequest.objects.select_related("requested_by", "decided_by").get(pk=found.pk)
    request.stage = stage
    return request, access


# A request signed off and then reopened was still signed off: what came after is compared with
# it, and who wrote since is counted from it.
SIGNED = (Status.SIGNED_OFF, Status.REOPENED)


def last_signed_off(stage: Stage) -> SignoffRequest | None:
    return (
        SignoffRequest.objects.filter(stage=stage, status__in=SIGNED)
        .order_by("-requested_at", "-id")
        .first()
    )


# Events about a stage that are not writing it: its lifecycle (who started it is counted
# apart, as `started_by`; completing, reopening or cancelling it is not writing it), and
# countersigning itself (a request, a decision, a comment).
NOT_WRITING = ("assessment.stage.", "quality.")


def writers_since(stage: Stage, since: dt.datetime | None) -> set[int]:
    """Everyone who wrote in the stage after `since` (all of them when None), and the person
    who started it: none of them may countersign it.

    One source of truth, the audit log: every write to a stage (answers and their
    confirmation, sections marked complete, judgements and concerns, the plan's targets,
    actions and progress notes, the child's plan and the child's responses) is audited in the
    same transaction, naming the stage, so a new kind of writing counts without a new query."""
    events = AuditEvent.objects.filter(child_id=stage.child_id, actor__isnull=False).filter(
        Q(detail__stage=stage.pk) | Q(object_type=Stage.__name__, object_id=str(stage.pk))
    )
    for prefix in NOT_WRITING:
        events = events.exclude(event_type__startswith=prefix)
    if since is not None:
        events = events.filter(at__gt=since)
    found = {actor for actor in events.values_list("actor_id", flat=True).distinct() if actor}
    if stage.started_by_id:
        found.add(stage.started_by_id)
    return found


class Refusal:
    """Why a membership may not decide a request (the texts are the pages' and the API's)."""

    ROLE = "role"
    OWN_REQUEST = "own_request"
    OWN_WORK = "own_work"


def refusal(membership: Membership | None, request: SignoffRequest) -> str | None:
    """None if this membership may decide the request, else why not (a Refusal value)."""
    if membership is None or not can(membership, Capability.COUNTERSIGN):
        return Refusal.ROLE
    if membership.organisation_id != request.stage.organisation_id:
        return Refusal.ROLE
    if request.requested_by_id == membership.user_id:
        return Refusal.OWN_REQUEST
    signed = last_signed_off(request.stage)
    since = signed.decided_at if signed and signed.pk != request.pk else None
    if membership.user_id in writers_since(request.stage, since):
        return Refusal.OWN_WORK
    return None


def queue(membership: Membership) -> QuerySet[SignoffRequest]:
    """What waits for sign-off in the membership's organisation, oldest first."""
    return (
        SignoffRequest.objects.filter(
            status=Status.AWAITING, stage__organisation_id=membership.organisation_id
        )
        .select_related("stage", "stage__child", "requested_by")
        .order_by("requested_at", "id")
    )


# What changed: between the version last decided and the version sent for sign-off.


@dataclass(frozen=True)
class Baseline:
    revision_id: int
    kind: str  # "signed_off", "changes_required" or "start"
    request: SignoffRequest | None


def baseline_of(request: SignoffRequest) -> Baseline:
    """The version the request is compared with: the one last signed off (reopened since or
    not), else the one last sent back for changes, else the stage as it started (with what it carried forward)."""
    earlier = SignoffRequest.objects.filter(
        stage_id=request.stage_id, requested_at__lt=request.requested_at
    ).order_by("-requested_at", "-id")
    for statuses in (SIGNED, (Status.CHANGES_REQUIRED,)):
        found = earlier.filter(status__in=statuses).first()
        if found is not None:
            return Baseline(found.revision_id, str(statuses[0]), found)
    carried = AnswerRevision.objects.filter(
        stage_id=request.stage_id, note="carried forward"
    ).aggregate(last=Max("id"))["last"]
    return Baseline(carried or 0, "start", None)


def values_upto(stage: Stage, revision_id: int) -> dict[str, Any]:
    """The stage's answers as they stood after the revision `revision_id` (by the log's order)."""
    result: dict[str, Any] = {}
    for key, value in (
        AnswerRevision.objects.filter(stage=stage, id__lte=revision_id)
        .order_by("key", "version")
        .values_list("key", "new_value")
    ):
        result[key] = value
    return result


def last_revision_id(stage: Stage) -> int:
    found: int | None = AnswerRevision.objects.filter(stage=stage).aggregate(last=Max("id"))["last"]
    return found or 0


@dataclass(frozen=True)
class Change:
    key: str
    old: Any
    new: Any
    by: str
    at: dt.datetime | None


def changes_for(request: SignoffRequest, baseline: Baseline) -> list[Change]:
    """Every answer that differs between the baseline and the version sent for sign-off."""
    stage = request.stage
    older = values_upto(stage, baseline.revision_id)
    newer = values_upto(stage, request.revision_id)
    last: dict[str, AnswerRevision] = {
        revision.key: revision
        for revision in AnswerRevision.objects.filter(
            stage=stage, id__gt=baseline.revision_id, id__lte=request.revision_id
        ).order_by("key", "version")
    }
    return [
        Change(
            key,
            old,
            new,
            last[key].by_name if key in last else "",
            last[key].at if key in last else None,
        )
        for key, old, new in assessment_queries.compare(older, newer)
    ]


def comments_of(stage: Stage) -> list[SignoffComment]:
    """Every comment of the stage, oldest first (threads are built by the presenters)."""
    return list(SignoffComment.objects.filter(stage=stage).order_by("at", "id"))


def open_notes(stage: Stage) -> dict[str, list[str]]:
    """Unresolved comment threads by the key they are about, as short texts."""
    notes: dict[str, list[str]] = {}
    for key, by_name, text in (
        SignoffComment.objects.filter(stage=stage, parent__isnull=True, resolved_at__isnull=True)
        .order_by("at", "id")
        .values_list("key", "by_name", "text")
    ):
        notes.setdefault(key, []).append(f"{by_name}: {text}")
    return notes


def comment_for(
    membership: Membership | None, comment_id: int, at_least: Access = Access.READ
) -> tuple[SignoffComment, Stage, Access]:
    found = SignoffComment.objects.filter(pk=comment_id).first()
    if found is None:
        raise Http404
    stage, access = assessment_queries.stage_for(membership, found.stage_id, at_least)
    return found, stage, access
