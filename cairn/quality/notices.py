"""The countersigning notice on "My caseload": the practitioner's stages whose latest sign-off
request was returned for changes (with the countersigner's comments and a link), gone once
they ask again; and for managers, how many requests wait in the queue."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cairn.accounts.models import Membership
from cairn.accounts.roles import Capability, can
from cairn.assessment import pages
from cairn.assessment.models import Stage
from cairn.framework import catalogue as catalogues
from cairn.quality import queries
from cairn.quality.models import SignoffRequest
from cairn.records.models import RestrictedTo

Status = SignoffRequest.Status


@dataclass(frozen=True)
class Returned:
    child_name: str
    stage_label: str
    url: str
    detail: str


def returned_to(membership: Membership) -> list[Returned]:
    """The open stages of the membership's organisation whose latest request, made by this
    person, was returned for changes: one query (none of a record since restricted to others)."""
    later = SignoffRequest.objects.filter(stage_id=OuterRef("stage_id")).filter(
        Q(requested_at__gt=OuterRef("requested_at"))
        | Q(requested_at=OuterRef("requested_at"), id__gt=OuterRef("id"))
    )
    named = RestrictedTo.objects.filter(
        restriction__child_id=OuterRef("stage__child_id"), user_id=membership.user_id
    )
    rows = (
        SignoffRequest.objects.filter(
            requested_by_id=membership.user_id,
            status=Status.CHANGES_REQUIRED,
            stage__organisation_id=membership.organisation_id,
            stage__status=Stage.Status.IN_PROGRESS,
        )
        .filter(Q(stage__child__restriction__isnull=True) | Exists(named))
        .exclude(Exists(later))
        .annotate(
            countersigner_comments=Count("comments", filter=~Q(comments__by_id=membership.user_id))
        )
        .select_related("stage", "stage__child")
        .order_by("decided_at", "id")
    )
    catalogue = catalogues.load()
    found = []
    for row in rows:
        comments: int = row.countersigner_comments
        asked = _("%(who)s asked for changes") % {"who": row.decided_by_name}
        if comments:
            asked += ngettext(" (%(num)d comment)", " (%(num)d comments)", comments) % {
                "num": comments
            }
        found.append(
            Returned(
                child_name=row.stage.child.full_name,
                stage_label=pages.stage_type_label(catalogue, row.stage.stage_type),
                url=reverse("quality:stage-signoff", args=[row.stage_id]),
                detail=asked,
            )
        )
    return found


def caseload_notice(membership: Membership) -> dict[str, Any] | None:
    returned = returned_to(membership)
    waiting = queries.queue(membership).count() if can(membership, Capability.COUNTERSIGN) else 0
    if not returned and not waiting:
        return None
    return {
        "returned": returned,
        "returned_heading": ngettext(
            "%(num)d stage returned to you for changes",
            "%(num)d stages returned to you for changes",
            len(returned),
        )
        % {"num": len(returned)},
        "waiting": waiting,
        "waiting_text": ngettext(
            "%(num)d sign-off request waits for a manager",
            "%(num)d sign-off requests wait for a manager",
            waiting,
        )
        % {"num": waiting},
    }
