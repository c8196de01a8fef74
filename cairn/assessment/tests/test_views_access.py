"""Who may reach the assessment pages, and the audit of every view.

Another organisation gets "not found" on every stage URL; a secure establishment with a custody
grant reads stage pages but may not change them; anyone not signed in is sent to sign in.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from cairn.assessment.answers import display
from cairn.assessment.models import Answer, SectionMark, Stage
from cairn.assessment.tests.factories import (
    actor,
    answer,
    custody_grant,
    events,
    pick,
    sections_of,
    stage_type_asking,
    start,
    text,
    valid_value,
)
from cairn.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def pat(practitioner):
    return actor(practitioner)


@pytest.fixture
def stage(child, pat):
    stage = start(child, pat)
    question = pick(kinds=("choice",), required=True)
    answer(stage, question, valid_value(question), pat)
    return stage


def read_urls(stage):
    """Every page of a stage that shows it (GET)."""
    question = pick(kinds=("choice",), required=True)
    return [
        reverse("assessment:stage-list", args=[stage.child_id]),
        reverse("assessment:stage-detail", args=[stage.pk]),
        *[
            reverse("assessment:section", args=[stage.pk, s.key])
            for s, _ in sections_of(stage.stage_type)
        ],
        reverse("assessment:left", args=[stage.pk]),
        reverse("assessment:changes", args=[stage.pk]),
        reverse("assessment:changes", args=[stage.pk]) + "?compare=since&since=2020-01-01T00:00:00",
        reverse("assessment:answer-history", args=[stage.pk, question.key]),
    ]


def edit_pages(stage):
    """Pages that exist only to change a stage (GET shows a form)."""
    return [
        reverse("assessment:stage-start", args=[stage.child_id]),
        reverse("assessment:end", args=[stage.pk]),
    ]


def post_urls(stage):
    question = pick(kinds=("choice",), required=True)
    section = question.section_key
    return [
        (
            reverse("assessment:stage-start", args=[stage.child_id]),
            {"stage_type": stage.stage_type},
        ),
        (
            reverse("assessment:section", args=[stage.pk, section]),
            {
                question.key: valid_value(question, 1),
                f"version:{question.key}": "1",
                "action": "complete",
            },
        ),
        (
            reverse("assessment:autosave", args=[stage.pk, question.key]),
            {question.key: valid_value(question, 1), f"version:{question.key}": "1"},
        ),
        (reverse("assessment:confirm", args=[stage.pk, question.key]), {"version": "1"}),
        (reverse("assessment:confirm-section", args=[stage.pk, section]), {}),
        (reverse("assessment:complete", args=[stage.pk]), {}),
        (reverse("assessment:deepen", args=[stage.pk]), {}),
        (reverse("assessment:end", args=[stage.pk]), {"status": "cancelled", "reason": "Not mine"}),
    ]


def assert_unchanged(stage):
    fresh = Stage.objects.get(pk=stage.pk)
    question = pick(kinds=("choice",), required=True)
    assert Stage.objects.filter(child_id=stage.child_id).count() == 1
    assert fresh.status == Stage.Status.IN_PROGRESS
    assert fresh.depth == Stage.Depth.LIGHT
    assert Answer.objects.get(stage=stage, key=question.key).version == 1
    assert not SectionMark.objects.filter(stage=stage).exists()


# Another organisation


def test_another_organisation_gets_not_found_on_every_stage_page(
    client_for, other_practitioner, stage
):
    client = client_for(other_practitioner)

    for url in [*read_urls(stage), *edit_pages(stage)]:
        assert client.get(url).status_code == 404, url
    assert not AuditEvent.objects.filter(
        event_type="records.child.viewed", child_id=stage.child_id
    ).exists()


def test_another_organisation_gets_not_found_on_every_change(client_for, other_practitioner, stage):
    client = client_for(other_practitioner)

    for url, data in post_urls(stage):
        assert client.post(url, data).status_code == 404, url
    assert_unchanged(stage)


def test_an_unknown_stage_is_not_found(client_for, practitioner):
    client = client_for(practitioner)

    assert client.get(reverse("assessment:stage-detail", args=[999_999])).status_code == 404
    assert client.post(reverse("assessment:complete", args=[999_999])).status_code == 404


# Secure establishment with a custody grant


@pytest.fixture
def secure_client(client_for, secure_staff, stage, oakwood):
    custody_grant(stage.child, oakwood)
    return client_for(secure_staff)


def test_secure_staff_with_a_custody_grant_read_every_stage_page(secure_client, stage):
    for url in read_urls(stage):
        assert secure_client.get(url).status_code == 200, url


def test_secure_staff_read_sections_without_a_form_and_with_answers_in_words(secure_client, stage):
    question = pick(kinds=("choice",), required=True)
    option = next(o for o in question.choices() if o.value == valid_value(question))

    page = text(
        secure_client.get(reverse("assessment:section", args=[stage.pk, question.section_key]))
    )

    assert "Save and continue" not in page
    assert "hx-post" not in page
    assert option.label.en in page
    assert f">{option.value}<" not in page


def test_secure_staff_read_a_list_question_as_words_without_inputs(
    secure_client, stage, child, pat
):
    stage_type = stage_type_asking("list")
    question = pick(stage_type, kinds=("list",))
    full = start(child, pat, stage_type)
    answer(full, question, valid_value(question), pat)

    page = text(
        secure_client.get(reverse("assessment:section", args=[full.pk, question.section_key]))
    )

    assert display(question, valid_value(question)) in page
    assert f'name="{question.key}.' not in page


def test_secure_staff_get_not_found_on_every_change(secure_client, stage):
    for url, data in post_urls(stage):
        assert secure_client.post(url, data).status_code == 404, url
    assert_unchanged(stage)


def test_secure_staff_get_not_found_on_the_pages_that_change_a_stage(secure_client, stage):
    for url in edit_pages(stage):
        assert secure_client.get(url).status_code == 404, url


def test_secure_staff_see_no_controls_to_change_the_stage(secure_client, stage):
    page = text(secure_client.get(reverse("assessment:stage-detail", args=[stage.pk])))

    for name in ("complete", "deepen", "end"):
        assert reverse(f"assessment:{name}", args=[stage.pk]) not in page
    assert reverse("assessment:stage-start", args=[stage.child_id]) not in text(
        secure_client.get(reverse("assessment:stage-list", args=[stage.child_id]))
    )


def test_secure_staff_without_a_grant_get_not_found(client_for, secure_staff, stage):
    client = client_for(secure_staff)

    assert client.get(reverse("assessment:stage-detail", args=[stage.pk])).status_code == 404


# Not signed in


def test_anyone_not_signed_in_is_sent_to_sign_in(client, stage):
    sign_in = reverse("accounts:sign-in")

    for url in [*read_urls(stage), *edit_pages(stage)]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(f"{sign_in}?next="), url
    for url, data in post_urls(stage):
        response = client.post(url, data)
        assert response.status_code == 302, url
        assert response["Location"].startswith(sign_in), url
    assert_unchanged(stage)


# The audit of every view


PAGES = {
    "stage-list": lambda stage: reverse("assessment:stage-list", args=[stage.child_id]),
    "stage-start": lambda stage: reverse("assessment:stage-start", args=[stage.child_id]),
    "stage-detail": lambda stage: reverse("assessment:stage-detail", args=[stage.pk]),
    "section": lambda stage: reverse(
        "assessment:section", args=[stage.pk, sections_of(stage.stage_type)[0][0].key]
    ),
    "left": lambda stage: reverse("assessment:left", args=[stage.pk]),
    "changes": lambda stage: reverse("assessment:changes", args=[stage.pk]),
    "answer-history": lambda stage: reverse(
        "assessment:answer-history", args=[stage.pk, pick(kinds=("choice",), required=True).key]
    ),
    "end": lambda stage: reverse("assessment:end", args=[stage.pk]),
}


@pytest.mark.parametrize("page", PAGES)
def test_every_stage_page_view_is_audited(client_for, practitioner, stage, page):
    before = len(events(stage.child, "records.child.viewed"))

    response = client_for(practitioner).get(PAGES[page](stage))

    assert response.status_code == 200
    viewed = events(stage.child, "records.child.viewed")
    assert len(viewed) == before + 1
    assert viewed[-1].actor_username == practitioner.user.username


def test_a_view_under_a_custody_grant_is_audited_for_the_secure_establishment(
    secure_client, stage, oakwood
):
    secure_client.get(reverse("assessment:stage-detail", args=[stage.pk]))

    (event,) = events(stage.child, "records.child.viewed")
    assert event.organisation == oakwood
