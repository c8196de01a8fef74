"""The deadlines dashboard: overdue and due-soon stages, reviews, sign-off waiting, and the
share of stages completed by their due date per team and practitioner."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from cairn.assessment.models import Stage
from cairn.assessment.tests import factories
from cairn.quality import deadlines
from cairn.quality.models import Sections, SignoffRequest

pytestmark = pytest.mark.django_db


def _set(stage, **fields):
    Stage.objects.filter(pk=stage.pk).update(**fields)
    stage.refresh_from_db()
    return stage


def test_overdue_due_soon_reviews_and_signoff(
    child, make_child, practitioner, manager, southmoor, other_practitioner
):
    today = timezone.localdate()
    late = _set(factories.start(child), due_date=today - dt.timedelta(days=3))
    soon_child = make_child(child.organisation, given_name="Lee", case_worker=practitioner.user)
    soon = _set(
        factories.start(soon_child, stage_type="review"), due_date=today + dt.timedelta(days=5)
    )
    far_child = make_child(child.organisation, given_name="Ash")
    _set(factories.start(far_child), due_date=today + dt.timedelta(days=60))
    elsewhere = factories.start(make_child(southmoor))
    _set(elsewhere, due_date=today - dt.timedelta(days=30))
    # Waiting for sign-off (made directly: the dashboard does not ask whether it was ready).
    SignoffRequest.objects.create(
        stage=soon, sections=Sections.EXPLANATIONS, requested_by=practitioner.user
    )

    found = deadlines.deadlines_for(manager, today)
    assert found.overdue == [late]
    assert found.due_soon == [soon]
    assert found.reviews == [soon]
    assert found.signoff_waiting == 1


def test_timeliness_per_team_and_practitioner(child, make_child, practitioner, manager):
    now = timezone.now()
    on_time = factories.start(child)
    _set(
        on_time,
        status=Stage.Status.COMPLETED,
        ended_at=now - dt.timedelta(days=10),
        due_date=timezone.localdate() - dt.timedelta(days=5),
    )
    late = factories.start(
        make_child(
            child.organisation, given_name="Lee", team=child.team, case_worker=practitioner.user
        )
    )
    _set(
        late,
        status=Stage.Status.COMPLETED,
        ended_at=now - dt.timedelta(days=10),
        due_date=timezone.localdate() - dt.timedelta(days=20),
    )
    old = factories.start(make_child(child.organisation, given_name="Old", team=child.team))
    _set(old, status=Stage.Status.COMPLETED, ended_at=now - dt.timedelta(days=400))

    found = deadlines.deadlines_for(manager)
    [team] = found.by_team
    assert (team.name, team.completed, team.on_time, team.percent) == ("North team", 2, 1, 50)
    [worker] = found.by_practitioner
    assert (worker.name, worker.completed, worker.on_time) == ("Pat Tester", 2, 1)


def test_the_dashboard_page_is_for_managers(client_for, manager, practitioner, child):
    today = timezone.localdate()
    _set(factories.start(child), due_date=today - dt.timedelta(days=3))
    page = client_for(manager).get(reverse("quality:deadlines"))
    assert page.status_code == 200
    text = factories.text(page)
    assert "1 stage overdue" in text
    assert "Kai Brennan" in text
    assert client_for(practitioner).get(reverse("quality:deadlines")).status_code == 403
