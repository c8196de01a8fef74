"""An organisation's own assessment timescales set the due dates of its stages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from cairn.assessment import operations
from cairn.assessment.models import Timescale
from cairn.audit.models import AuditEvent
from cairn.audit.operations import Actor
from cairn.framework import catalogue

pytestmark = pytest.mark.django_db


def test_due_date_uses_the_national_default_without_a_local_timescale(child):
    stage = operations.start_stage(by=Actor.system(), child=child, stage_type="out_of_court")
    default = catalogue.load().stage("out_of_court").due_days
    assert stage.due_date == timezone.localdate() + dt.timedelta(days=default)


def test_due_date_uses_the_organisations_own_timescale(child, northshire):
    Timescale.objects.create(organisation=northshire, stage_type="out_of_court", due_days=7)
    stage = operations.start_stage(by=Actor.system(), child=child, stage_type="out_of_court")
    assert stage.due_date == timezone.localdate() + dt.timedelta(days=7)


def test_administrator_sets_timescales_and_the_change_is_audited(
    client_for, administrator, northshire
):
    client = client_for(administrator)
    data = {stage.key: stage.due_days for stage in catalogue.load().stages}
    data["review"] = 20
    response = client.post(f"/accounts/organisations/{northshire.pk}/timescales/", data)
    assert response.status_code == 302
    assert operations.timescales_of(northshire.pk) == {"review": 20}
    assert AuditEvent.objects.filter(event_type="assessment.timescales.changed").exists()


def test_setting_a_timescale_back_to_the_default_removes_the_local_row(
    client_for, administrator, northshire
):
    Timescale.objects.create(organisation=northshire, stage_type="review", due_days=20)
    data = {stage.key: stage.due_days for stage in catalogue.load().stages}
    client_for(administrator).post(f"/accounts/organisations/{northshire.pk}/timescales/", data)
    assert operations.timescales_of(northshire.pk) == {}


def test_invalid_timescale_is_refused_with_a_specific_message(
    client_for, administrator, northshire
):
    data = {stage.key: stage.due_days for stage in catalogue.load().stages}
    data["review"] = 0
    response = client_for(administrator).post(
        f"/accounts/organisations/{northshire.pk}/timescales/", data
    )
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert "must take at least 1 day" in response.content.decode()
    assert operations.timescales_of(northshire.pk) == {}


def test_practitioners_cannot_change_timescales(client_for, practitioner, northshire):
    response = client_for(practitioner).get(f"/accounts/organisations/{northshire.pk}/timescales/")
    assert response.status_code == 403
