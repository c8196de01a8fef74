"""Targets the service writes itself read in the reader's language; the finding they rest on
(the practitioner's words) and every objective a person wrote stay as written."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from cairn.assessment.tests.factories import actor, start, text
from cairn.plans.tests.arrange import FOR, FULL, add_target, with_factors
from cairn.plans.wording import generated_objective, objective_text

pytestmark = pytest.mark.django_db

FINDING = "Plays football with the under-16s every Saturday"


def test_a_generated_objective_is_stored_in_english():
    assert generated_objective("strength", FINDING) == f"Build on a strength: {FINDING}"


def test_a_generated_objective_reads_in_welsh_with_the_finding_as_written():
    with translation.override("cy"):
        assert objective_text(generated_objective("strength", FINDING)) == (
            f"Adeiladu ar gryfder: {FINDING}"
        )
        assert objective_text(generated_objective("against", FINDING)).startswith(
            "Llai o ddylanwad gan: "
        )
        assert objective_text(generated_objective("concern", FINDING)).startswith(
            "Cadw pawb yn ddiogel: "
        )


def test_an_objective_a_person_wrote_is_shown_as_written():
    with translation.override("cy"):
        assert objective_text("Fewer evenings with the older group.") == (
            "Fewer evenings with the older group."
        )


def test_the_plan_page_shows_a_generated_target_in_welsh(client_for, practitioner, child):
    pat = actor(practitioner)
    stage = with_factors(start(child, pat, FULL), pat)
    add_target(stage, pat, objective=generated_objective("strength", FINDING), factor=FOR)
    client = client_for(practitioner)
    client.cookies["cairn_language"] = "cy"

    page = text(client.get(reverse("plans:plan", args=[stage.pk])))

    assert f"Adeiladu ar gryfder: {FINDING}" in page
    assert "Build on a strength" not in page
