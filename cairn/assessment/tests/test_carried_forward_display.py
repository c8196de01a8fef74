"""A carried-forward answer names the stage it came from and who gave it, read without joins."""

from __future__ import annotations

import pytest
from django.urls import reverse

from cairn.assessment import queries
from cairn.assessment.tests.factories import (
    LIGHT,
    actor,
    answer,
    catalogue,
    pick,
    start,
    text,
    valid_value,
)

pytestmark = pytest.mark.django_db

FULL = next(stage.key for stage in catalogue().stages if stage.depth == "full")


@pytest.fixture
def carried(child, practitioner):
    pat = actor(practitioner)
    choice = pick(kinds=("choice",), required=True)
    first = start(child, pat)
    answer(first, choice, valid_value(choice), pat)
    return start(child, pat, FULL), choice


def test_answers_say_where_they_were_carried_from_and_who_gave_them(carried, practitioner):
    review, choice = carried

    found = queries.answers_of(review)[choice.key]

    assert found.carried_from_type == LIGHT
    assert found.updated_by_name == practitioner.user.display_name


def test_the_section_page_names_the_earlier_stage_and_who_answered(
    client_for, practitioner, carried
):
    review, choice = carried
    stage_label = catalogue().stage(LIGHT).label.get("en")

    page = text(
        client_for(practitioner).get(
            reverse("assessment:section", args=[review.pk, choice.section_key])
        )
    )

    assert f"Carried forward from the {stage_label} stage: answered by" in page
    assert practitioner.user.display_name in page.split("Carried forward from the", 1)[1]
