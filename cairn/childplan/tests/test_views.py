"""The child's plan pages as requests: the plan, changing it (saved, refused with messages,
a colleague's version on a conflict), the prefill from the intervention plan, recording the
child's response, the print view, who may open each, the audit of every view and write, and
an ended stage."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cairn.accounts.models import Membership
from cairn.assessment.models import Stage
from cairn.assessment.tests.factories import actor, custody_grant, events, start
from cairn.childplan import operations
from cairn.childplan.models import ChildPlan, ChildResponse
from cairn.childplan.operations import PlanText
from cairn.plans.models import Action, Target, Who
from cairn.records.models import Child

pytestmark = pytest.mark.django_db


@pytest.fixture
def stage(child: Child, practitioner: Membership) -> Stage:
    return start(child, actor(practitioner))


@pytest.fixture
def client(client_for, practitioner: Membership) -> Client:
    return client_for(practitioner)


def url(name: str, stage: Stage) -> str:
    return reverse(f"childplan:{name}", args=[stage.pk])


def form(version: int = 0, **changes: str) -> dict[str, str]:
    data = {
        "what_i_want": "To go to college",
        "what_im_good_at": "Football",
        "what_ill_do": "Go to training\nTalk to Sam when I'm angry\n",
        "helper_1_who": "Mum",
        "helper_1_how": "Comes to meetings",
        "how_well_know": "I'm still at college at Easter",
        "language": "en",
        "version": str(version),
    }
    data.update(changes)
    return data


def today_parts() -> dict[str, str]:
    today = timezone.localdate()
    return {
        "responded_on_day": str(today.day),
        "responded_on_month": str(today.month),
        "responded_on_year": str(today.year),
    }


def test_the_plan_page_offers_to_write_a_plan_and_is_audited(
    client: Client, stage: Stage, child: Child
) -> None:
    response = client.get(url("plan", stage))
    assert response.status_code == 200
    body = response.content.decode()
    assert "There is no child's plan for this stage yet." in body
    assert url("change", stage) in body
    assert "Start from the intervention plan" not in body  # no intervention plan yet
    assert events(child, "records.child.viewed")[-1].detail["page"] == "child's plan"


def test_saving_the_plan_then_showing_it_as_a_draft(
    client: Client, stage: Stage, child: Child
) -> None:
    response = client.post(url("change", stage), form())
    assert response.status_code == 302
    assert response["Location"] == url("plan", stage)
    plan = ChildPlan.objects.get(stage=stage)
    assert plan.what_ill_do == ["Go to training", "Talk to Sam when I'm angry"]
    assert plan.who_will_help == [{"who": "Mum", "how": "Comes to meetings"}]
    body = client.get(url("plan", stage)).content.decode()
    assert "Draft" in body
    assert "Talk to Sam when I&#39;m angry" in body
    assert "every printed copy says DRAFT" in body
    assert events(child, "childplan.saved")


def test_an_invalid_plan_is_refused_with_400_and_a_message(client: Client, stage: Stage) -> None:
    response = client.post(
        url("change", stage),
        form(what_i_want="x" * (operations.MAX_TEXT + 1), helper_2_how="Lifts"),
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "There is a problem" in body
    assert "What I want must be 160 characters or fewer" in body
    assert "Enter who will help" in body
    assert not ChildPlan.objects.filter(stage=stage).exists()


def test_a_stale_save_is_409_with_the_colleagues_version_and_mine_kept(
    client: Client, stage: Stage, manager: Membership
) -> None:
    client.post(url("change", stage), form())
    operations.save_plan(
        by=actor(manager), stage=stage, text=PlanText(what_i_want="Their words"), version=1
    )
    response = client.post(url("change", stage), form(version=1, what_i_want="My words"))
    assert response.status_code == 409
    body = response.content.decode()
    assert "Someone else changed the child's plan" in body
    assert "Their words" in body
    assert "My words" in body
    assert 'name="version" value="2"' in body
    assert ChildPlan.objects.get(stage=stage).what_i_want == "Their words"


def test_start_from_the_intervention_plan_fills_the_form_without_saving(
    client: Client, stage: Stage
) -> None:
    target = Target.objects.create(
        stage=stage, objective="Attend college", goal_in_childs_words="Go to college every day"
    )
    Action.objects.create(target=target, what="Weekly check-in", who=Who.PRACTITIONER)
    assert "Start from the intervention plan" in client.get(url("plan", stage)).content.decode()
    response = client.get(url("change", stage) + "?from=plan")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Go to college every day" in body
    assert "Weekly check-in" in body
    assert not ChildPlan.objects.filter(stage=stage).exists()


def test_recording_the_childs_response_agrees_the_plan(
    client: Client, stage: Stage, child: Child
) -> None:
    assert client.get(url("respond", stage)).status_code == 302  # no plan yet
    client.post(url("change", stage), form())
    assert client.get(url("respond", stage)).status_code == 200
    response = client.post(
        url("respond", stage),
        {"response": "agree", "words": "Yeah that's me", "plan_version": "1", **today_parts()},
    )
    assert response.status_code == 302
    plan = ChildPlan.objects.get(stage=stage)
    assert plan.is_agreed
    body = client.get(url("plan", stage)).content.decode()
    assert "Agreed with the child" in body
    assert "Yeah that&#39;s me" in body
    assert events(child, "childplan.response_recorded")


def test_a_response_is_refused_with_400_or_409(
    client: Client, stage: Stage, practitioner: Membership
) -> None:
    client.post(url("change", stage), form())
    response = client.post(url("respond", stage), {"plan_version": "1", "words": "hmm"})
    assert response.status_code == 400
    assert "Select what the child said about the plan" in response.content.decode()
    operations.save_plan(
        by=actor(practitioner), stage=stage, text=PlanText(what_i_want="New"), version=1
    )
    response = client.post(
        url("respond", stage), {"response": "agree", "plan_version": "1", **today_parts()}
    )
    assert response.status_code == 409
    assert "The plan changed since you opened this page" in response.content.decode()
    assert not ChildResponse.objects.exists()


def test_a_change_after_agreement_is_shown_as_a_draft_again(
    client: Client, stage: Stage, practitioner: Membership
) -> None:
    client.post(url("change", stage), form())
    client.post(url("respond", stage), {"response": "agree", "plan_version": "1", **today_parts()})
    client.post(url("change", stage), form(version=1, what_i_want="Something else"))
    body = client.get(url("plan", stage)).content.decode()
    assert "The plan has changed since the child agreed to it" in body


def test_the_print_view_matches_the_pdf_wording_in_either_language(
    client: Client, stage: Stage, child: Child
) -> None:
    client.post(url("change", stage), form())
    body = client.get(url("print", stage)).content.decode()
    assert "What I&#39;ll do" in body
    assert "DRAFT" in body
    assert "Brennan" in body
    welsh = client.get(url("print", stage) + "?lang=cy")
    assert welsh["Content-Language"] == "cy"
    text = welsh.content.decode()
    assert "Beth fydda i&#39;n ei wneud" in text
    assert "DRAFFT" in text
    assert "Go to training" in text  # the child's words as written
    pages = [event.detail["page"] for event in events(child, "records.child.viewed")]
    assert "child's plan print view" in pages


def test_the_pdf_is_a_one_page_pdf_audited(client: Client, stage: Stage, child: Child) -> None:
    response = client.get(url("pdf", stage))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "no-store" in response["Cache-Control"]
    assert "Brennan" not in response["Content-Disposition"]
    assert events(child, "records.child.viewed")[-1].detail["page"] == "child's plan PDF"


def test_read_only_access_sees_the_plan_but_cannot_change_it(
    stage: Stage, child: Child, secure_staff: Membership, client_for
) -> None:
    custody_grant(child, secure_staff.organisation)
    reader = client_for(secure_staff)
    response = reader.get(url("plan", stage))
    assert response.status_code == 200
    assert url("change", stage) not in response.content.decode()
    assert reader.get(url("change", stage)).status_code == 404
    assert reader.post(url("change", stage), form()).status_code == 404
    assert reader.get(url("pdf", stage)).status_code == 200


def test_another_organisation_gets_404_everywhere(
    stage: Stage, other_practitioner: Membership, client_for
) -> None:
    other = client_for(other_practitioner)
    for name in ("plan", "change", "respond", "print", "pdf"):
        assert other.get(url(name, stage)).status_code == 404, name
    assert other.post(url("change", stage), form()).status_code == 404
    assert not ChildPlan.objects.exists()


def test_an_ended_stage_shows_the_plan_but_refuses_changes(
    client: Client, stage: Stage, practitioner: Membership
) -> None:
    from cairn.assessment import operations as assessment_operations

    client.post(url("change", stage), form())
    assessment_operations.end_stage(
        by=actor(practitioner), stage=stage, status=Stage.Status.STOPPED, reason="Moved"
    )
    page = client.get(url("plan", stage)).content.decode()
    assert "Change the plan" not in page
    response = client.post(url("change", stage), form(version=1, what_i_want="Later"))
    assert response.status_code == 302
    assert ChildPlan.objects.get(stage=stage).what_i_want == "To go to college"
