"""Follow-up questions appear and go as the answer they follow is autosaved, without a reload:
the section page keeps an empty slot for each hidden follow-up, and the autosave fragment
swaps that slot out of band."""

from __future__ import annotations

import pytest
from django.urls import reverse

from cairn.assessment import presenters
from cairn.assessment.tests.factories import (
    actor,
    answer,
    form_fields,
    not_triggering,
    section_with_follow_up,
    start,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def arranged(child, practitioner):
    section, controlling, follow_up = section_with_follow_up()
    stage = start(child, actor(practitioner))
    return stage, section, controlling, follow_up


def _slot(follow_up) -> str:
    return f'id="slot-{presenters.element_id(follow_up.key)}"'


def _autosave(client, stage, question, value, version):
    return client.post(
        reverse("assessment:autosave", args=[stage.pk, question.key]),
        form_fields(question, value, version),
        HTTP_HX_REQUEST="true",
    )


def test_the_section_page_keeps_an_empty_slot_for_a_hidden_follow_up(
    arranged, practitioner, client_for
):
    stage, section, _controlling, follow_up = arranged

    page = (
        client_for(practitioner)
        .get(reverse("assessment:section", args=[stage.pk, section.key]))
        .content.decode()
    )

    assert f'{_slot(follow_up)} class="cairn-slot"></div>' in page
    assert follow_up.label.en not in page


def test_saving_the_triggering_answer_brings_the_follow_up_in_out_of_band(
    arranged, practitioner, client_for
):
    stage, _section, controlling, follow_up = arranged

    response = _autosave(client_for(practitioner), stage, controlling, follow_up.show_if.equals, 0)
    fragment = response.content.decode()

    assert response.status_code == 200
    assert f'{_slot(follow_up)} class="cairn-slot" hx-swap-oob="true">' in fragment
    assert follow_up.label.en in fragment
    assert "appeared below" in fragment
    assert reverse("assessment:autosave", args=[stage.pk, follow_up.key]) in fragment


def test_changing_the_answer_back_empties_the_slot(arranged, practitioner, client_for):
    stage, section, controlling, follow_up = arranged
    first = answer(stage, controlling, follow_up.show_if.equals, actor(practitioner))

    response = _autosave(
        client_for(practitioner),
        stage,
        controlling,
        not_triggering(controlling, section),
        first.version,
    )
    fragment = response.content.decode()

    assert f'{_slot(follow_up)} class="cairn-slot" hx-swap-oob="true"></div>' in fragment
    assert follow_up.label.en not in fragment
    assert "appeared below" not in fragment


def test_an_answer_that_shows_nothing_new_swaps_no_slot(arranged, practitioner, client_for):
    stage, section, controlling, _follow_up = arranged

    response = _autosave(
        client_for(practitioner), stage, controlling, not_triggering(controlling, section), 0
    )

    assert "cairn-slot" not in response.content.decode()
