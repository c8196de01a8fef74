"""A practitioner whose stage was returned for changes sees it on "My caseload" (with the
countersigner's comment count and a link) until they ask again; a manager sees the queue."""

from __future__ import annotations

import pytest
from django.urls import reverse

from cairn.assessment.tests import factories
from cairn.quality import operations
from cairn.quality.models import SignoffRequest
from cairn.quality.tests.test_readiness import ask, decide

pytestmark = pytest.mark.django_db
Status = SignoffRequest.Status


def returned(stage, practitioner, manager):
    request = ask(stage, practitioner)
    operations.add_comment(
        by=factories.actor(manager),
        stage=stage,
        key="planning",
        text="Add a target",
        request=request,
    )
    return decide(request, manager, Status.CHANGES_REQUIRED, "Please add a target")


def test_a_stage_returned_for_changes_shows_on_my_caseload_until_sent_again(
    client_for, stage, practitioner, manager
):
    client = client_for(practitioner)
    assert "returned to you for changes" not in factories.text(client.get("/caseload/"))

    returned(stage, practitioner, manager)

    page = factories.text(client.get("/caseload/"))
    assert "1 stage returned to you for changes" in page
    assert "Mo Tester asked for changes (1 comment)" in page
    assert (
        reverse("quality:stage-signoff", args=[stage.pk])
        in client.get("/caseload/").content.decode()
    )
    # Nobody else is told.
    assert "returned to you" not in factories.text(client_for(manager).get("/caseload/"))

    ask(stage, practitioner)
    assert "returned to you for changes" not in factories.text(client.get("/caseload/"))


def test_a_manager_sees_how_many_requests_wait(client_for, stage, practitioner, manager):
    assert "wait for a manager" not in factories.text(client_for(manager).get("/caseload/"))
    ask(stage, practitioner)
    page = factories.text(client_for(manager).get("/caseload/"))
    assert "1 sign-off request waits for a manager" in page
    assert "waits for a manager" not in factories.text(client_for(practitioner).get("/caseload/"))
