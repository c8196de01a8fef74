"""Risk without a plan (issue 10, item 8): once the practitioner rates the risk of serious harm
medium or above, the stage cannot complete until at least one action in the risk and safety
plan exists. The plans app adds the requirement to the completion map (a required item, listed
by "what is left" with a link to the risk and safety plan); assessment knows nothing of it."""

from __future__ import annotations

import html

import pytest
from django.urls import reverse

from cairn.assessment import operations as assessment_operations
from cairn.assessment.models import Stage
from cairn.assessment.tests.factories import actor, answer_everything_required, start
from cairn.judgements.models import Kind
from cairn.judgements.tests.arrange import LIGHT, decide, feeding_only
from cairn.plans import progress
from cairn.plans.tests.arrange import FULL, add_action, add_target
from cairn.quality.tests.policies import require_no_countersigning

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_countersigning(northshire):
    """These tests complete stages to test the risk and safety plan, not countersigning (which the default
    policy asks for on pre-sentence stages and high ratings)."""
    require_no_countersigning(northshire)


ALL = (Kind.REOFFENDING, Kind.SERIOUS_HARM, Kind.SAFETY_WELLBEING, Kind.INTERVENTION_LEVEL)


@pytest.fixture
def pat(practitioner):
    return actor(practitioner)


def risk_item(stage: Stage) -> progress.StageItem:
    return next(item for item in progress.stage_items(stage) if item.key == progress.RISK_KEY)


def ready(stage: Stage, by, serious_harm: str) -> Stage:
    """Everything a full stage needs, with the risk of serious harm rated as told."""
    answer_everything_required(stage, by)
    for kind in ALL:
        if kind == Kind.SERIOUS_HARM:
            decide(stage, by, kind, rating=serious_harm, reason="From what the police told me.")
        else:
            decide(stage, by, kind)
    add_target(stage, by, factor="", question_key=feeding_only(Kind.SAFETY_WELLBEING).key)
    return stage


@pytest.mark.parametrize("rating", ["medium", "high", "very_high"])
def test_a_rating_of_medium_or_above_needs_a_risk_action_before_completion(pat, child, rating):
    stage = ready(start(child, pat, FULL), pat, rating)

    item = risk_item(stage)
    assert (item.state, item.is_required, item.is_outstanding) == ("missing", True, True)
    assert item.url == reverse("plans:risk", args=[stage.pk])
    with pytest.raises(assessment_operations.IncompleteStageError) as caught:
        assessment_operations.complete_stage(by=pat, stage=stage)
    assert [i.key for i in caught.value.outstanding] == [progress.RISK_KEY]
    stage.refresh_from_db()
    assert stage.status == Stage.Status.IN_PROGRESS

    target = add_target(stage, pat, factor="", question_key=feeding_only(Kind.SERIOUS_HARM).key)
    add_action(
        stage,
        pat,
        target,
        what="If he carries a knife again, tell the police",
        kind="external_control",
    )
    assert risk_item(stage).state == "done"
    done = assessment_operations.complete_stage(by=pat, stage=stage)
    assert done.status == Stage.Status.COMPLETED


def test_a_low_rating_needs_no_risk_action(pat, child):
    stage = ready(start(child, pat, FULL), pat, "low")
    item = risk_item(stage)
    assert (item.state, item.is_required, item.is_outstanding) == ("offered", False, False)
    assert assessment_operations.complete_stage(by=pat, stage=stage).status == (
        Stage.Status.COMPLETED
    )


def test_a_light_stage_rated_medium_needs_one_too(pat, child):
    light = start(child, pat, LIGHT)
    answer_everything_required(light, pat)
    decide(light, pat, Kind.SERIOUS_HARM, rating="medium", reason="Carries a knife.")
    with pytest.raises(assessment_operations.IncompleteStageError) as caught:
        assessment_operations.complete_stage(by=pat, stage=light)
    assert [i.key for i in caught.value.outstanding] == [progress.RISK_KEY]


def test_what_is_left_lists_the_risk_plan_with_its_link(pat, child, client_for, practitioner):
    stage = ready(start(child, pat, FULL), pat, "medium")
    page = html.unescape(
        client_for(practitioner).get(reverse("assessment:left", args=[stage.pk])).content.decode()
    )
    main = page.split("<main", 1)[1]
    assert (
        f'<a class="govuk-link" href="{reverse("plans:risk", args=[stage.pk])}">'
        "Risk and safety plan</a>: risk of serious harm is rated medium: add at least one "
        "action that manages it" in main
    )


def test_the_risk_plan_page_says_why_the_stage_waits_for_it(pat, child, client_for, practitioner):
    stage = ready(start(child, pat, FULL), pat, "high")
    client = client_for(practitioner)
    risk_url = reverse("plans:risk", args=[stage.pk])
    warning = "The risk of serious harm is rated high: the stage cannot be completed until"

    page = html.unescape(client.get(risk_url).content.decode())
    assert warning in page
    assert f'<a class="govuk-link" href="{reverse("plans:plan", args=[stage.pk])}">Add one' in page

    target = add_target(stage, pat, factor="", question_key=feeding_only(Kind.SERIOUS_HARM).key)
    add_action(stage, pat, target, what="If he goes missing, call the police", kind="contingency")
    assert warning not in html.unescape(client.get(risk_url).content.decode())
