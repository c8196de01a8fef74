"""Sign-off only when what it covers is complete and current; the countersigner sees anything out
of date first and cannot sign it off; a manager can reopen a signed-off stage."""

from __future__ import annotations

import pytest
from django.urls import reverse

from cairn.assessment import extensions
from cairn.assessment import operations as assessment_operations
from cairn.assessment.models import Answer, Stage
from cairn.assessment.tests import factories
from cairn.audit.models import AuditEvent
from cairn.judgements.tests import arrange
from cairn.quality import operations, progress, queries
from cairn.quality.models import CountersignPolicy, Sections, SignoffRequest

pytestmark = pytest.mark.django_db
Status = SignoffRequest.Status
JSON = "application/json"


def ask(stage, membership, sections=Sections.BOTH):
    return operations.request_signoff(
        by=factories.actor(membership), stage=stage, sections=sections
    )


def decide(request, membership, decision=Status.SIGNED_OFF, comment=""):
    return operations.decide(
        by=factories.actor(membership),
        membership=membership,
        request=request,
        decision=decision,
        comment=comment,
    )


def stale_judgement(stage, by):
    """A safety and well-being judgement made, then an answer it rests on changed."""
    question = arrange.feeding("safety_wellbeing", stage.stage_type)
    arrange.change_answer(stage, question, by=by)
    arrange.decide(stage, by, "safety_wellbeing", "low")
    arrange.change_answer(stage, question, by=by)
    assert arrange.flagged(stage) == {"safety_wellbeing"}


@pytest.fixture
def empty_stage(child, practitioner) -> Stage:
    return factories.start(child, by=factories.actor(practitioner))


def test_sign_off_of_an_unfinished_stage_is_refused_naming_what_is_left(empty_stage, practitioner):
    with pytest.raises(operations.NotReadyError) as refused:
        ask(empty_stage, practitioner, Sections.EXPLANATIONS)

    locs = [item.loc for item in refused.value.left]
    sections = [entry.section for entry in factories.catalogue().stage("out_of_court").sections]
    assert ("sections", sections[0], "required") in locs
    assert all(item.url for item in refused.value.left)
    assert not SignoffRequest.objects.exists()


def test_sign_off_is_refused_while_a_judgement_is_to_reconfirm(stage, practitioner):
    stale_judgement(stage, factories.actor(practitioner))

    for sections in (Sections.EXPLANATIONS, Sections.PLANNING):
        with pytest.raises(operations.NotReadyError) as refused:
            ask(stage, practitioner, sections)
        assert [item.loc for item in refused.value.left] == [
            ("judgements", "safety_wellbeing", "reconfirm")
        ]


def test_sign_off_is_refused_while_carried_answers_wait_to_be_confirmed(
    stage, practitioner, manager
):
    by = factories.actor(practitioner)
    assessment_operations.complete_stage(by=by, stage=stage)
    review = factories.start(stage.child, by=by)
    assert Answer.objects.filter(stage=review, is_confirmed=False).exists()

    with pytest.raises(operations.NotReadyError) as refused:
        ask(review, practitioner, Sections.EXPLANATIONS)
    assert any(item.loc[-1] == "carried" for item in refused.value.left)
    # Planning alone does not cover the assessment's answers.
    assert ask(review, practitioner, Sections.PLANNING).status == Status.AWAITING


def test_a_ready_stage_can_be_sent(stage, practitioner):
    assert progress.left_for(stage, Sections.BOTH) == []
    assert ask(stage, practitioner).status == Status.AWAITING


def test_the_page_offers_only_what_is_ready_and_says_what_is_left(
    client_for, practitioner, empty_stage
):
    url = reverse("quality:stage-signoff", args=[empty_stage.pk])
    client = client_for(practitioner)
    page = factories.text(client.get(url))
    # A light stage's plan is optional: Pathways and Planning alone can be sent.
    assert "Only part of this stage can be sent for sign-off now" in page
    assert 'value="planning"' in page
    assert 'value="explanations"' not in page
    assert 'value="both"' not in page
    first = factories.catalogue().stage("out_of_court").sections[0].section
    assert reverse("assessment:section", args=[empty_stage.pk, first]) in page

    stale_judgement(empty_stage, factories.actor(practitioner))
    page = factories.text(client.get(url))
    assert "Sign-off cannot be asked for yet" in page
    assert "Request sign-off" not in page


def test_a_refused_request_on_the_page_is_a_422_error_summary_with_links(
    client_for, practitioner, empty_stage
):
    url = reverse("quality:stage-signoff", args=[empty_stage.pk])
    response = client_for(practitioner).post(url, {"sections": "both"})

    assert response.status_code == 422
    page = factories.text(response)
    assert "govuk-error-summary" in page
    assert "required questions to answer" in page
    first = factories.catalogue().stage("out_of_court").sections[0].section
    assert reverse("assessment:section", args=[empty_stage.pk, first]) in page
    assert not SignoffRequest.objects.exists()


def test_the_map_item_says_sign_off_cannot_be_asked_for_yet(empty_stage, northshire):
    CountersignPolicy.objects.create(
        organisation=northshire, stage_types=["out_of_court"], minimum_rating=""
    )
    [item] = [i for i in extensions.items_of(empty_stage) if i.key == progress.ITEM_KEY]
    assert item.is_required
    assert "cannot be asked for yet" in item.detail


def test_the_api_answers_422_naming_what_is_left(client_for, practitioner, empty_stage):
    response = client_for(practitioner).post(
        f"/api/v1/stages/{empty_stage.pk}/signoff-requests",
        {"sections": ["explanations"]},
        content_type=JSON,
    )

    assert response.status_code == 422
    detail = response.json()["detail"]
    assert detail
    assert all(entry["loc"][:2] == ["stage", "sections"] for entry in detail)
    assert all(entry["msg"] for entry in detail)


def out_of_date_request(stage, practitioner):
    """A request made while the stage was ready, whose judgement went to reconfirm after."""
    request = ask(stage, practitioner)
    SignoffRequest.objects.filter(pk=request.pk).delete()
    stale_judgement(stage, factories.actor(practitioner))
    request = SignoffRequest.objects.create(
        stage=stage,
        sections=Sections.BOTH,
        requested_by=practitioner.user,
        requested_by_name="Pat",
        revision_id=queries.last_revision_id(stage),
    )
    request.stage = stage
    return request


def test_the_countersigner_sees_what_is_out_of_date_first_and_cannot_sign_it_off(
    client_for, stage, practitioner, manager
):
    request = out_of_date_request(stage, practitioner)
    client = client_for(manager)

    page = factories.text(client.get(reverse("quality:request", args=[request.pk])))
    assert page.index("cannot be signed off") < page.index("What changed")
    assert "to reconfirm" in page
    assert 'value="signed_off"' not in page
    assert 'value="changes_required"' in page

    response = client.post(
        reverse("quality:decision", args=[request.pk]), {"decision": "signed_off"}
    )
    assert response.status_code == 422
    with pytest.raises(operations.NotReadyError):
        decide(request, manager)
    api = client.post(
        f"/api/v1/signoff-requests/{request.pk}/decision",
        {"decision": "signed_off"},
        content_type=JSON,
    )
    assert api.status_code == 422
    assert api.json()["detail"][0]["loc"] == [
        "stage",
        "judgements",
        "safety_wellbeing",
        "reconfirm",
    ]
    assert SignoffRequest.objects.get(pk=request.pk).status == Status.AWAITING
    # Sending it back is still possible.
    assert decide(request, manager, Status.CHANGES_REQUIRED, "Reconfirm").status == (
        Status.CHANGES_REQUIRED
    )


def test_a_manager_reopens_a_signed_off_stage_which_can_be_changed_and_sent_again(
    stage, practitioner, manager, other_manager, text_question
):
    signed = decide(ask(stage, practitioner), manager)
    assert extensions.frozen_reason(stage) == "signed off"

    assessment_operations.reopen_stage(
        by=factories.actor(other_manager), stage=stage, reason="The offence date was wrong"
    )

    signed.refresh_from_db()
    assert signed.status == Status.REOPENED
    assert signed.reopened_by == other_manager.user
    assert signed.reopen_reason == "The offence date was wrong"
    assert AuditEvent.objects.filter(event_type="quality.signoff.reopened").count() == 1
    stage = Stage.objects.get(pk=stage.pk)
    assert extensions.frozen_reason(stage) is None
    factories.answer(
        stage, text_question, "Now lives with his aunt.", by=factories.actor(practitioner)
    )

    again = ask(stage, practitioner)
    baseline = queries.baseline_of(again)
    assert (baseline.kind, baseline.request) == (Status.SIGNED_OFF, signed)
    [change] = queries.changes_for(again, baseline)
    assert change.new == "Now lives with his aunt."
    # Who wrote before the sign-off may countersign again; the reopening manager too.
    assert decide(again, other_manager).status == Status.SIGNED_OFF
