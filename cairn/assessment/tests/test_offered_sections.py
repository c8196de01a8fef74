"""A light stage offers sections without requiring them, and a question may belong to some stage
types only: how an out-of-court stage reaches health, emotional well-being and substance use
without being deepened, and asks for the recommendation to the joint decision-making panel."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from cairn.assessment import completion
from cairn.assessment.completion import SectionState, effort, progress
from cairn.assessment.tests import factories
from cairn.assessment.tests.factories import (
    catalogue,
    inline_catalogue,
    options,
    question,
    section,
    stage_type,
)

HOME = section(
    "home",
    question("home.lives_with", "choice", options=options("parents", "relatives")),
    question("home.moves", "number", depth="full"),
    question("home.deeper", "long_text", depth="further"),
)
HEALTH = section(
    "health",
    question("health.gp", "text"),
    question("health.history", "long_text", depth="full"),
    question("health.deeper", "long_text", depth="further"),
)
DECISION = section(
    "decision",
    question("decision.general", "text"),
    question("decision.panel", "choice", options=options("caution", "charge"), stages=("light",)),
    question(
        "decision.conditions",
        "long_text",
        show_if={"question": "decision.panel", "equals": "caution"},
        stages=("light",),
    ),
)
CATALOGUE = inline_catalogue(
    [HOME, HEALTH, DECISION],
    [
        stage_type("light", "core", "home", ("health", "further"), "decision"),
        stage_type("full_stage", "full", "home", "health", "decision"),
    ],
)


def test_an_offered_section_shows_its_core_and_further_questions_and_requires_none():
    found = progress(CATALOGUE, "light", "core", {}).section("health")

    assert [q.key for q in found.asked] == ["health.gp"]
    assert [q.key for q in found.offered] == ["health.deeper"]
    assert found.required == ()
    assert found.required_missing == ()
    assert found.is_optional
    assert found.state == SectionState.OPTIONAL_ONLY


def test_an_offered_section_never_blocks_completion():
    found = progress(
        CATALOGUE,
        "light",
        "core",
        {"home.lives_with": "parents", "decision.general": "x", "decision.panel": "charge"},
    )

    assert found.is_complete


def test_deepening_a_light_stage_asks_its_offered_sections_in_full():
    found = progress(CATALOGUE, "light", "full", {}).section("health")

    assert not found.is_optional
    assert [q.key for q in found.required_missing] == ["health.gp", "health.history"]


def test_a_question_for_some_stage_types_is_asked_only_there():
    light = progress(CATALOGUE, "light", "core", {"decision.panel": "caution"}).section("decision")
    full = progress(CATALOGUE, "full_stage", "full", {"decision.panel": "caution"}).section(
        "decision"
    )

    assert [q.key for q in light.asked] == [
        "decision.general",
        "decision.panel",
        "decision.conditions",
    ]
    assert [q.key for q in full.asked] == ["decision.general"]
    assert [q.key for q in full.questions] == ["decision.general"]


def test_effort_counts_an_offered_section_as_an_optional_screen_of_optional_inputs():
    assert effort(CATALOGUE, "light") == {
        "required_inputs": 3,  # home.lives_with, decision.general, decision.panel
        "optional_inputs": 4,  # home.deeper, health.gp, health.deeper, the follow-up
        "screens": 2,
        "optional_screens": 1,
    }
    # home's two, health's two and decision.general: the panel question is not asked there
    assert effort(CATALOGUE, "full_stage")["required_inputs"] == 5


# The working catalogue

OFFERED = ("physical_health", "emotional_health", "substance_use")
RECOMMENDATION = "offending.jdm_recommendation"


def test_out_of_court_offers_health_emotional_well_being_and_substance_use():
    depths = dict(
        (found.key, depth)
        for found, depth in completion.stage_sections(catalogue(), "out_of_court", "core")
    )

    for key in OFFERED:
        assert depths[key] == "further"
    found = effort(catalogue(), "out_of_court")
    assert found["screens"] <= 6
    assert found["required_inputs"] <= 40
    assert found["optional_screens"] == 3


def test_out_of_court_asks_for_the_recommendation_to_the_panel_with_reasons():
    values = {RECOMMENDATION: "youth_conditional_caution"}
    found = progress(catalogue(), "out_of_court", "core", values).section("offending")
    required = {q.key for q in found.required}

    assert {RECOMMENDATION, "offending.jdm_reasons", "offending.jdm_conditions"} <= required
    choices = {option.value for option in catalogue().question(RECOMMENDATION).choices()}
    assert {
        "no_further_action",
        "outcome_22",
        "community_resolution",
        "youth_caution",
        "youth_conditional_caution",
        "charge",
    } <= choices
    for option in catalogue().question(RECOMMENDATION).options:
        assert option.label.cy


def test_conditions_are_asked_only_for_a_youth_conditional_caution():
    values = {RECOMMENDATION: "community_resolution"}
    found = progress(catalogue(), "out_of_court", "core", values).section("offending")

    assert "offending.jdm_conditions" not in {q.key for q in found.asked}


@pytest.mark.parametrize("stage_type_key", ["pre_sentence", "bail", "review"])
def test_other_stage_types_do_not_ask_for_the_panel_recommendation(stage_type_key):
    stage = catalogue().stage(stage_type_key)
    found = progress(catalogue(), stage_type_key, stage.depth, {}).section("offending")

    assert RECOMMENDATION not in {q.key for q in found.asked + found.offered}


@pytest.mark.django_db
def test_an_offered_section_page_marks_every_question_optional(client_for, practitioner, child):
    stage = factories.start(child, by=factories.actor(practitioner))
    client = client_for(practitioner)

    page = client.get(reverse("assessment:section", args=[stage.pk, "substance_use"]))
    overview = client.get(reverse("assessment:stage-detail", args=[stage.pk]))

    assert page.status_code == 200
    text = factories.text(page)
    first = catalogue().section("substance_use").questions[0].label.get("en")
    assert f"{first} (optional)" in text
    # The completion map marks the offered section optional
    assert re.search(r"Substance use.{0,600}?Optional", factories.text(overview), re.S)


@pytest.mark.django_db
def test_the_api_says_which_stage_types_ask_a_question_and_its_words_for_wales(
    client_for, practitioner
):
    body = client_for(practitioner).get("/api/v1/catalogue").json()
    questions = {q["key"]: q for section in body["sections"] for q in section["questions"]}
    offered = {
        entry["section"]: entry["depth"]
        for stage in body["stage_types"]
        if stage["key"] == "out_of_court"
        for entry in stage["sections"]
    }

    assert questions[RECOMMENDATION]["stages"] == ["out_of_court"]
    assert questions["education.sen"]["wales"]["label"]["en"] == "Additional learning needs (ALN)"
    assert offered["substance_use"] == "further"
