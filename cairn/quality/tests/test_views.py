"""Countersigning pages: requesting, the countersigner's page, deciding, comments, the queue,
the policy page, and the section page of a signed-off stage."""

from __future__ import annotations

import pytest
from django.urls import reverse

from cairn.assessment.tests import factories
from cairn.audit.models import AuditEvent
from cairn.quality import operations
from cairn.quality.models import Sections, SignoffComment, SignoffRequest
from cairn.quality.policy import policy_for

pytestmark = pytest.mark.django_db
Status = SignoffRequest.Status


def ask(stage, membership):
    return operations.request_signoff(
        by=factories.actor(membership), stage=stage, sections=Sections.BOTH
    )


def test_a_practitioner_requests_signoff_from_the_stage(client_for, practitioner, stage):
    client = client_for(practitioner)
    url = reverse("quality:stage-signoff", args=[stage.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "Request sign-off" in factories.text(page)
    assert client.post(url, {"sections": "nonsense"}).status_code == 400
    response = client.post(url, {"sections": "planning"})
    assert response.status_code == 302
    request = SignoffRequest.objects.get(stage=stage)
    assert (request.sections, request.status) == ("planning", Status.AWAITING)
    again = client.get(url)
    assert "Awaiting sign-off" in factories.text(again)
    assert "Request sign-off" not in factories.text(again)


def test_the_map_links_to_signoff(client_for, practitioner, stage):
    page = client_for(practitioner).get(reverse("assessment:stage-detail", args=[stage.pk]))
    assert reverse("quality:stage-signoff", args=[stage.pk]) in factories.text(page)


def test_the_countersigner_sees_the_change_then_signs_off(
    client_for, practitioner, manager, stage, text_question
):
    request = ask(stage, practitioner)
    client = client_for(manager)
    page = factories.text(client.get(reverse("quality:request", args=[request.pk])))
    assert "Lives with his mother and sister." in page
    assert page.index("What changed") < page.index("Judgements") < page.index("Your decision")
    assert AuditEvent.objects.filter(
        event_type="records.child.viewed", summary="Viewed sign-off request", actor=manager.user
    ).exists()
    url = reverse("quality:decision", args=[request.pk])
    missing = client.post(url, {"decision": Status.CHANGES_REQUIRED, "comment": ""})
    assert missing.status_code == 400
    assert "Enter a comment saying what should change" in factories.text(missing)
    response = client.post(url, {"decision": Status.SIGNED_OFF, "comment": ""})
    assert response.status_code == 302
    assert response["Location"] == reverse("quality:queue")
    request.refresh_from_db()
    assert request.status == Status.SIGNED_OFF


def test_own_work_is_refused_with_a_clear_message(client_for, practitioner, manager, stage):
    request = ask(stage, manager)
    client = client_for(manager)
    page = factories.text(client.get(reverse("quality:request", args=[request.pk])))
    assert "You asked for this sign-off: another manager must countersign it" in page
    assert "Your decision" not in page
    response = client.post(
        reverse("quality:decision", args=[request.pk]), {"decision": Status.SIGNED_OFF}
    )
    assert response.status_code == 403
    request.refresh_from_db()
    assert request.status == Status.AWAITING


def test_a_practitioner_cannot_decide_and_another_organisation_gets_404(
    client_for, practitioner, stage, southmoor_manager
):
    request = ask(stage, practitioner)
    url = reverse("quality:decision", args=[request.pk])
    assert client_for(practitioner).post(url, {"decision": "signed_off"}).status_code == 403
    assert client_for(southmoor_manager).post(url, {"decision": "signed_off"}).status_code == 404
    assert (
        client_for(southmoor_manager).get(reverse("quality:request", args=[request.pk])).status_code
        == 404
    )
    request.refresh_from_db()
    assert request.status == Status.AWAITING


def test_a_deciding_twice_says_so(client_for, practitioner, manager, other_manager, stage):
    request = ask(stage, practitioner)
    url = reverse("quality:decision", args=[request.pk])
    client_for(manager).post(url, {"decision": "changes_required", "comment": "More"})
    response = client_for(other_manager).post(url, {"decision": "signed_off"})
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == Status.CHANGES_REQUIRED


def test_comments_on_a_question_show_beside_the_answer_and_resolve(
    client_for, practitioner, manager, stage, text_question
):
    request = ask(stage, practitioner)
    manager_client = client_for(manager)
    url = reverse("quality:comment-add", args=[request.pk])
    assert manager_client.post(url, {"key": "nowhere", "text": "Hm"}).status_code == 400
    manager_client.post(url, {"key": text_question.key, "text": "Who else lives there?"})
    comment = SignoffComment.objects.get()
    section = reverse("assessment:section", args=[stage.pk, text_question.section_key])
    page = factories.text(client_for(practitioner).get(section))
    assert "Who else lives there?" in page
    client_for(practitioner).post(
        url, {"parent": comment.pk, "text": "His brother, sometimes", "next": "stage"}
    )
    assert comment.replies.get().text == "His brother, sometimes"
    stage_page = factories.text(
        client_for(practitioner).get(reverse("quality:stage-signoff", args=[stage.pk]))
    )
    assert "His brother, sometimes" in stage_page
    manager_client.post(reverse("quality:comment-resolve", args=[comment.pk]))
    comment.refresh_from_db()
    assert comment.resolved_at is not None
    assert "Who else lives there?" not in factories.text(client_for(practitioner).get(section))
    request.refresh_from_db()
    assert request.status == Status.AWAITING


def test_a_signed_off_stage_refuses_section_posts(
    client_for, practitioner, manager, stage, text_question
):
    operations.decide(
        by=factories.actor(manager),
        membership=manager,
        request=ask(stage, practitioner),
        decision=Status.SIGNED_OFF,
        comment="",
    )
    client = client_for(practitioner)
    section = reverse("assessment:section", args=[stage.pk, text_question.section_key])
    response = client.post(
        section, {text_question.key: "Too late", f"version-{text_question.key}": "1"}
    )
    assert response.status_code == 302
    assert stage.answers.get(key=text_question.key).value == "Lives with his mother and sister."
    page = factories.text(client.get(section))
    assert "This stage is signed off, so its answers cannot change" in page
    autosave = client.post(
        reverse("assessment:autosave", args=[stage.pk, text_question.key]),
        {text_question.key: "Too late"},
    )
    assert "This stage can no longer be changed" in factories.text(autosave)
    judgement = client.post(
        reverse("judgements:judgement", args=[stage.pk, "safety_wellbeing"]),
        {"rating": "low", "reason": "x", "version": 0},
    )
    assert judgement.status_code == 302
    assert not stage.judgements.exists()


def test_the_queue_shows_what_waits_and_marks_a_managers_own(
    client_for, practitioner, manager, stage, child, make_child
):
    ask(stage, practitioner)
    own_stage = factories.start(make_child(child.organisation, given_name="Lee"))
    factories.answer_everything_required(own_stage)
    ask(own_stage, manager)
    page = factories.text(client_for(manager).get(reverse("quality:queue")))
    assert page.index("Kai Brennan") < page.index("Lee Brennan")
    assert page.count("Not yours to decide") == 1
    assert "0 days" in page
    assert client_for(practitioner).get(reverse("quality:queue")).status_code == 403


def test_a_manager_sets_the_policy(client_for, manager, practitioner, administrator):
    client = client_for(manager)
    url = reverse("quality:policy")
    page = factories.text(client.get(url))
    assert "pre-sentence" in page.lower()
    assert "Cairn’s default applies" in page
    bad = client.post(url, {"stage_types": ["nonsense"]})
    assert bad.status_code == 400
    response = client.post(url, {"stage_types": ["review"], "minimum_rating": "very_high"})
    assert response.status_code == 302
    found = policy_for(manager.organisation_id)
    assert (found.stage_types, found.minimum_rating) == (frozenset({"review"}), "very_high")
    assert client_for(practitioner).get(url).status_code == 403
    assert client_for(administrator).get(url).status_code == 200


def test_a_reply_to_an_unknown_comment_is_404(client_for, practitioner, stage):
    request = ask(stage, practitioner)
    url = reverse("quality:comment-add", args=[request.pk])
    client = client_for(practitioner)
    assert client.post(url, {"parent": "abc", "text": "Hi"}).status_code == 404
    assert client.post(url, {"parent": "999999", "text": "Hi"}).status_code == 404
    assert not SignoffComment.objects.exists()
