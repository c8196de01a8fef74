"""A request gone out of date after it was asked for: the practitioner sees it on the sign-off
page and in the stage's map, and can withdraw an awaiting request with a reason (page and API,
audited); the countersigner's page reads as sentences; the reopen reason and a withdrawal's
reason show in the requests' history."""

from __future__ import annotations

import pytest
from django.urls import reverse

from cairn.assessment import extensions
from cairn.assessment import operations as assessment_operations
from cairn.assessment.tests import factories
from cairn.audit.models import AuditEvent
from cairn.audit.presenters import describe
from cairn.quality import progress
from cairn.quality.models import CountersignPolicy, SignoffRequest
from cairn.quality.tests.test_readiness import ask, decide, out_of_date_request

pytestmark = pytest.mark.django_db
Status = SignoffRequest.Status
JSON = "application/json"


def test_the_requester_sees_an_out_of_date_request_and_what_to_do(
    client_for, stage, practitioner, northshire
):
    CountersignPolicy.objects.create(organisation=northshire, stage_types=["out_of_court"])
    out_of_date_request(stage, practitioner)

    page = factories.text(
        client_for(practitioner).get(reverse("quality:stage-signoff", args=[stage.pk]))
    )

    assert "out of date: it cannot be signed off as it stands" in page
    assert "Safety and well-being: to reconfirm" in page or "to reconfirm" in page
    assert "Awaiting sign-off: out of date" in page
    assert "Withdraw this request" in page
    [item] = [i for i in extensions.items_of(stage) if i.key == progress.ITEM_KEY]
    assert "out of date" in item.detail
    left = factories.text(client_for(practitioner).get(reverse("assessment:left", args=[stage.pk])))
    assert "awaiting sign-off but out of date" in left


def test_a_current_awaiting_request_is_not_called_out_of_date(client_for, stage, practitioner):
    ask(stage, practitioner)

    page = factories.text(
        client_for(practitioner).get(reverse("quality:stage-signoff", args=[stage.pk]))
    )

    assert "out of date" not in page
    assert "Withdraw this request" in page
    [item] = [i for i in extensions.items_of(stage) if i.key == progress.ITEM_KEY]
    assert "out of date" not in item.detail


def test_the_practitioner_withdraws_an_awaiting_request_with_a_reason(
    client_for, stage, practitioner
):
    request = out_of_date_request(stage, practitioner)
    client = client_for(practitioner)
    url = reverse("quality:stage-signoff-withdraw", args=[stage.pk])

    refused = client.post(url, {"reason": ""})
    assert refused.status_code == 400
    assert "Enter why you are withdrawing this request" in factories.text(refused)
    assert SignoffRequest.objects.get(pk=request.pk).status == Status.AWAITING

    response = client.post(url, {"reason": "A new offence was added: reconfirming first"})
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == Status.WITHDRAWN
    assert request.note == "A new offence was added: reconfirming first"
    event = AuditEvent.objects.get(event_type="quality.signoff.withdrawn")
    assert event.detail["reason"] == request.note
    assert "A new offence was added" in describe(event)
    page = factories.text(client.get(reverse("quality:stage-signoff", args=[stage.pk])))
    assert "A new offence was added: reconfirming first" in page
    assert "Withdraw this request" not in page
    # Nothing awaits now: withdrawing again says so.
    again = client.post(url, {"reason": "Again"})
    assert again.status_code == 302
    assert AuditEvent.objects.filter(event_type="quality.signoff.withdrawn").count() == 1


def test_a_reader_without_edit_access_cannot_withdraw(
    client_for, stage, practitioner, other_practitioner
):
    request = ask(stage, practitioner)
    response = client_for(other_practitioner).post(
        reverse("quality:stage-signoff-withdraw", args=[stage.pk]), {"reason": "No"}
    )
    assert response.status_code == 404
    assert SignoffRequest.objects.get(pk=request.pk).status == Status.AWAITING


def test_the_api_withdraws_an_awaiting_request(client_for, stage, practitioner, manager):
    request = ask(stage, practitioner)
    client = client_for(practitioner)
    url = f"/api/v1/signoff-requests/{request.pk}/withdraw"

    assert client.post(url, {"reason": " "}, content_type=JSON).status_code == 422
    response = client.post(url, {"reason": "Sent too soon"}, content_type=JSON)
    assert response.status_code == 200
    assert response.json()["status"] == "withdrawn"
    assert response.json()["note"] == "Sent too soon"
    assert client.post(url, {"reason": "Again"}, content_type=JSON).status_code == 409


def test_the_countersigners_page_links_to_the_stage_page_in_a_sentence(
    client_for, stage, practitioner, manager
):
    request = ask(stage, practitioner)
    page = factories.text(client_for(manager).get(reverse("quality:request", args=[request.pk])))
    assert ". The stage’s sign-off page" not in page
    assert "See the stage’s sign-off page for its history" in page


def test_the_history_shows_who_reopened_and_why(
    stage, practitioner, manager, other_manager, client_for
):
    decide(ask(stage, practitioner), manager)
    assessment_operations.reopen_stage(
        by=factories.actor(other_manager), stage=stage, reason="The offence date was wrong"
    )
    page = factories.text(
        client_for(practitioner).get(reverse("quality:stage-signoff", args=[stage.pk]))
    )
    assert page.count("The offence date was wrong") == 2  # the latest request, and its row
    request = SignoffRequest.objects.get(stage=stage)
    countersigner = factories.text(
        client_for(manager).get(reverse("quality:request", args=[request.pk]))
    )
    assert "Reopened by Max Tester" in countersigner
    assert "The offence date was wrong" in countersigner
