"""Deadlines: the organisation's open stages that are overdue or due soon, reviews, sign-off
waiting, and timeliness (the share of stages completed by their due date) per team and per
practitioner over the last 12 months. A stage's practitioner is its child's case worker, and
its team the child's team, as on the caseloads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from cairn.accounts.models import Membership
from cairn.assessment.models import Stage
from cairn.quality.models import SignoffRequest

DUE_SOON_DAYS = 14
TIMELINESS_DAYS = 365
REVIEW = "review"


@dataclass(frozen=True)
class Timeliness:
    name: str
    completed: int
    on_time: int

    @property
    def percent(self) -> int:
        return round(100 * self.on_time / self.completed) if self.completed else 0


@dataclass(frozen=True)
class Deadlines:
    overdue: list[Stage]
    due_soon: list[Stage]
    reviews: list[Stage]
    signoff_waiting: int
    signoff_oldest: dt.datetime | None
    by_team: list[Timeliness]
    by_practitioner: list[Timeliness]
    today: dt.date


def _open_stages(membership: Membership) -> list[Stage]:
    return list(
        Stage.objects.filter(
            organisation_id=membership.organisation_id, status=Stage.Status.IN_PROGRESS
        )
        .select_related("child", "child__case_worker", "child__team")
        .order_by("due_date", "id")
    )


def _timeliness(groups: dict[str, list[bool]]) -> list[Timeliness]:
    return sorted(
        (Timeliness(name, len(flags), sum(flags)) for name, flags in groups.items()),
        key=lambda row: (row.percent, row.name),
    )


def deadlines_for(membership: Membership, today: dt.date | None = None) -> Deadlines:
    today = today or timezone.localdate()
    open_stages = _open_stages(membership)
    soon = today + dt.timedelta(days=DUE_SOON_DAYS)
    waiting = SignoffRequest.objects.filter(
        status=SignoffRequest.Status.AWAITING,
        stage__organisation_id=membership.organisation_id,
    ).order_by("requested_at")
    oldest = waiting.first()
    since = timezone.now() - dt.timedelta(days=TIMELINESS_DAYS)
    completed = Stage.objects.filter(
        organisation_id=membership.organisation_id,
        status=Stage.Status.COMPLETED,
        ended_at__gte=since,
    ).select_related("child__case_worker", "child__team")
    teams: dict[str, list[bool]] = {}
    practitioners: dict[str, list[bool]] = {}
    for stage in completed:
        on_time = (
            stage.ended_at is not None and timezone.localdate(stage.ended_at) <= stage.due_date
        )
        team = stage.child.team.name if stage.child.team else ""
        worker = stage.child.case_worker.display_name if stage.child.case_worker else ""
        teams.setdefault(team, []).append(on_time)
        practitioners.setdefault(worker, []).append(on_time)
    return Deadlines(
        overdue=[stage for stage in open_stages if stage.due_date < today],
        due_soon=[stage for stage in open_stages if today <= stage.due_date <= soon],
        reviews=[stage for stage in open_stages if stage.stage_type == REVIEW],
        signoff_waiting=waiting.count(),
        signoff_oldest=oldest.requested_at if oldest else None,
        by_team=_timeliness(teams),
        by_practitioner=_timeliness(practitioners),
        today=today,
    )
