"""Targets the service writes itself read in the reader's language; the finding they rest on
(the practitioner's words) and every objective a person wrote stay as written."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from cairn.assessment.tests.factories import actor, start, text
from cairn.judgements.models import Kind
from cairn.judgements.tests.arrange import add_concern, feeding_only
from cairn.plans import links
from cairn.plans.presenters import because_of
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


def test_what_a_target_rests_on_is_kept_in_english_and_read_in_the_readers_language(
    practitioner, child
):
    """The words after "because" are generated: kept in English whoever wrote the target,
    translated when read, with the factor (the practitioner's words) as written."""
    pat = actor(practitioner)
    stage = with_factors(start(child, pat, FULL), pat)
    with translation.override("cy"):
        target = add_target(stage, pat, objective="Mwy o bêl-droed.", factor=FOR)

    assert target.because == f"Desistance factor for: {FOR}"
    with translation.override("en"):
        assert because_of(target) == [f"Desistance factor for: {FOR}"]
    with translation.override("cy"):
        [line] = because_of(target)
    assert line == f"Ffactor o blaid ymatal rhag troseddu: {FOR}"


def test_a_concern_and_a_question_target_rest_on_read_in_welsh(practitioner, child):
    pat = actor(practitioner)
    stage = with_factors(start(child, pat, FULL), pat)
    concern = add_concern(stage, pat)
    question = feeding_only(Kind.SERIOUS_HARM)
    target = add_target(stage, pat, factor="", concern_id=concern.pk, question_key=question.key)

    with translation.override("cy"):
        lines = because_of(target)

    assert lines[0] == f"Pryder (Risg o niwed difrifol i eraill): {concern.what}"
    assert lines[1] == links.question_label(stage, question.key, "cy")
    assert lines[1] != links.question_label(stage, question.key, "en")
