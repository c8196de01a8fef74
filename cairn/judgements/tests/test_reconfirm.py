"""Judgements that know what they rest on (issue 4, item 6): a judgement is flagged "to
reconfirm" when an answer that feeds it, an answer its concerns link to, a Core Record fact it
used, its concerns or the ratings it follows change, in the same stage or in a new stage it was
carried into; not when something unrelated changes. The flag shows in the completion map and
in "what is left", holds back completing a full stage, and clears when reconfirmed."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from cairn.assessment import operations as assessment_operations
from cairn.assessment.models import Stage
from cairn.assessment.tests.factories import (
    actor,
    answer,
    answer_everything_required,
    form_fields,
    pick,
    sections_of,
    start,
    valid_value,
)
from cairn.judgements import basis, operations, progress
from cairn.judgements.models import Judgement, Kind
from cairn.judgements.tests.arrange import (
    FULL,
    LIGHT,
    add_concern,
    add_sanction,
    change_answer,
    concern_input,
    decide,
    feeding,
    feeding_only,
    flagged,
    scorable,
    state,
    unrelated,
)
from cairn.plans import operations as plan_operations
from cairn.quality.tests.policies import require_no_countersigning
from cairn.records import operations as record_operations
from cairn.records.models import Child

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_countersigning(northshire):
    """These tests complete stages to test judgements, not countersigning (which the default
    policy asks for on pre-sentence stages and high ratings)."""
    require_no_countersigning(northshire)


ALL = (Kind.REOFFENDING, Kind.SERIOUS_HARM, Kind.SAFETY_WELLBEING, Kind.INTERVENTION_LEVEL)
RISKS = (Kind.SERIOUS_HARM, Kind.SAFETY_WELLBEING)


@pytest.fixture
def pat(practitioner):
    return actor(practitioner)


@pytest.fixture
def stage(child, pat):
    return start(scorable(child), pat, FULL)


def decide_all(stage: Stage, by) -> dict[str, Judgement]:
    return {kind: decide(stage, by, kind) for kind in ALL}


def map_entry(page: str, url: str) -> str:
    """The text of the completion map's link to this URL (title and tag)."""
    nav = re.search(r'<nav[^>]*id="completion-map".*?</nav>', page, re.DOTALL)
    assert nav, "no completion map on the page"
    found = re.search(rf'<a href="{re.escape(url)}"[^>]*>(.*?)</a>', nav.group(0), re.DOTALL)
    assert found, f"no entry for {url} in the completion map"
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", found.group(1))).split())


def judgement_url(stage: Stage, kind: str) -> str:
    return reverse("judgements:judgement", args=[stage.pk, kind])


# What flags a judgement


@pytest.mark.parametrize("kind", [Kind.REOFFENDING, Kind.SERIOUS_HARM, Kind.SAFETY_WELLBEING])
def test_changing_an_answer_that_feeds_a_judgement_flags_it(stage, pat, kind):
    question = feeding_only(kind)
    answer(stage, question, valid_value(question, 0), pat)
    decide_all(stage, pat)
    assert flagged(stage) == set()

    answer(stage, question, valid_value(question, 1), pat)

    assert flagged(stage) == {kind}
    assert state(stage, kind).changes == [basis.Change("answer", question.key)]


@pytest.mark.parametrize("kind", [Kind.REOFFENDING, Kind.SERIOUS_HARM, Kind.SAFETY_WELLBEING])
def test_answering_a_fed_question_for_the_first_time_flags_the_judgement(stage, pat, kind):
    question = feeding(kind)
    decide(stage, pat, kind)
    answer(stage, question, valid_value(question), pat)
    assert kind in flagged(stage)


def test_a_question_feeding_two_judgements_flags_both(stage, pat):
    both = basis.FEEDS[Kind.REOFFENDING], basis.FEEDS[Kind.SERIOUS_HARM]
    question = pick(FULL, where=lambda q: all(feed in q.feeds for feed in both))
    decide_all(stage, pat)
    answer(stage, question, valid_value(question), pat)
    assert {Kind.REOFFENDING, Kind.SERIOUS_HARM} <= flagged(stage)
    assert Kind.INTERVENTION_LEVEL not in flagged(stage)


def test_changing_an_answer_a_concern_rests_on_flags_its_judgement(stage, pat):
    question = unrelated()
    answer(stage, question, valid_value(question, 0), pat)
    add_concern(stage, pat, answer_keys=[question.key])
    decide_all(stage, pat)

    answer(stage, question, valid_value(question, 1), pat)

    assert flagged(stage) == {Kind.SERIOUS_HARM}
    assert state(stage, Kind.SERIOUS_HARM).changes == [basis.Change("answer", question.key)]


def test_changing_an_unrelated_answer_flags_nothing(stage, pat):
    question = unrelated()
    answer(stage, question, valid_value(question, 0), pat)
    add_concern(stage, pat)
    decide_all(stage, pat)

    answer(stage, question, valid_value(question, 1), pat)

    assert flagged(stage) == set()


def test_saving_the_same_answer_again_flags_nothing(stage, pat):
    question = feeding_only(Kind.REOFFENDING)
    answer(stage, question, valid_value(question, 0), pat)
    decide_all(stage, pat)
    answer(stage, question, valid_value(question, 1), pat)
    answer(stage, question, valid_value(question, 0), pat)  # back to what it rested on
    assert flagged(stage) == set()


def test_a_new_sanction_in_the_core_record_flags_likelihood_of_reoffending(stage, pat):
    made = decide_all(stage, pat)
    assert made[Kind.REOFFENDING].detail["inputs"]["previous_sanctions"] == 0

    add_sanction(stage.child, dt.date(2026, 2, 2), category="robbery")

    assert flagged(stage) == {Kind.REOFFENDING}
    changes = {change.name: change for change in state(stage, Kind.REOFFENDING).changes}
    assert changes["previous_sanctions"] == basis.Change("fact", "previous_sanctions", "0", "1")
    assert changes["current_sanction_date"] == basis.Change(
        "fact", "current_sanction_date", "2025-01-10", "2026-02-02"
    )
    assert changes["offence_category"] == basis.Change(
        "fact", "offence_category", "theft", "robbery"
    )
    assert all(change.kind == "fact" for change in changes.values())


def test_a_sanction_after_a_closed_stage_does_not_move_its_score(stage, pat):
    decide(stage, pat, Kind.REOFFENDING)
    assessment_operations.end_stage(by=pat, stage=stage, status="stopped", reason="Moved")
    later = timezone.localdate() + dt.timedelta(days=10)
    add_sanction(stage.child, later)  # after the day the stage speaks for
    assert Kind.REOFFENDING not in flagged(stage)


def test_a_changed_core_record_fact_flags_the_risk_judgements(stage, pat):
    decide_all(stage, pat)
    child = Child.objects.get(pk=stage.child_id)
    record_operations.update_record(
        by=pat,
        obj=child,
        data={"has_risk_to_staff": True, "risk_to_staff_note": "Threatened a worker"},
        version=child.version,
        part="person",
    )
    assert flagged(stage) == set(RISKS)
    assert (
        basis.Change("fact", "risk_to_staff", "no", "yes")
        in state(stage, Kind.SERIOUS_HARM).changes
    )


@pytest.mark.parametrize("how", ["add", "change", "remove"])
def test_a_changed_concern_flags_its_risk_judgement_only(stage, pat, how):
    concern = add_concern(stage, pat, impact="minor", likelihood="unlikely")
    decide_all(stage, pat)

    if how == "add":
        add_concern(stage, pat, impact="minor", likelihood="possible")
    elif how == "change":  # the rating stays Low: the content changed, not the proposal
        operations.change_concern(
            by=pat,
            stage=stage,
            concern_id=concern.pk,
            data=concern_input(impact="minor", likelihood="unlikely", evidence="New evidence."),
            version=1,
        )
    else:
        operations.remove_concern(by=pat, stage=stage, concern_id=concern.pk, version=1)

    assert flagged(stage) == {Kind.SERIOUS_HARM}
    assert [c.name for c in state(stage, Kind.SERIOUS_HARM).changes] == ["concerns"]


def test_a_changed_safety_concern_flags_safety_and_wellbeing_only(stage, pat):
    decide_all(stage, pat)
    add_concern(stage, pat, judgement=Kind.SAFETY_WELLBEING, impact="minor", likelihood="unlikely")
    assert flagged(stage) == {Kind.SAFETY_WELLBEING}


def test_deciding_serious_harm_flags_the_intervention_level_when_its_basis_changed(stage, pat):
    decide(stage, pat, Kind.REOFFENDING)
    level = decide(stage, pat, Kind.INTERVENTION_LEVEL)
    assert level.basis["facts"]["serious_harm_rating"] == "low"  # the proposal, not yet decided

    decide(stage, pat, Kind.SERIOUS_HARM, rating="high", reason="He named the boy and the day.")

    assert flagged(stage) == {Kind.INTERVENTION_LEVEL}
    assert state(stage, Kind.INTERVENTION_LEVEL).changes == [
        basis.Change("fact", "serious_harm_rating", "low", "high")
    ]
    assert state(stage, Kind.INTERVENTION_LEVEL).proposal.value == "intensive"


def test_deciding_serious_harm_as_proposed_leaves_the_intervention_level_alone(stage, pat):
    decide(stage, pat, Kind.REOFFENDING)
    decide(stage, pat, Kind.INTERVENTION_LEVEL)
    decide(stage, pat, Kind.SERIOUS_HARM)  # low, as the level already assumed
    assert flagged(stage) == set()


def test_revising_likelihood_of_reoffending_flags_the_intervention_level(stage, pat):
    made = decide_all(stage, pat)
    rating = "high" if made[Kind.REOFFENDING].rating != "high" else "low"
    operations.decide(
        by=pat, stage=stage, kind=Kind.REOFFENDING, rating=rating, reason="Revised.", version=1
    )
    assert flagged(stage) == {Kind.INTERVENTION_LEVEL}


# Clearing the flag


def test_reconfirming_clears_the_flag(stage, pat):
    question = feeding_only(Kind.SAFETY_WELLBEING)
    decide_all(stage, pat)
    change_answer(stage, question, pat)
    assert flagged(stage) == {Kind.SAFETY_WELLBEING}

    operations.reconfirm(by=pat, stage=stage, kind=Kind.SAFETY_WELLBEING, version=1)

    assert flagged(stage) == set()


def test_revising_clears_the_flag(stage, pat):
    question = feeding_only(Kind.SAFETY_WELLBEING)
    decide_all(stage, pat)
    change_answer(stage, question, pat)
    operations.decide(
        by=pat,
        stage=stage,
        kind=Kind.SAFETY_WELLBEING,
        rating="medium",
        reason="Staying out late with older boys.",
        version=1,
    )
    assert flagged(stage) == set()


# Where the flag shows


def test_the_completion_map_shows_the_judgements_and_to_reconfirm(
    stage, pat, client_for, practitioner
):
    client = client_for(practitioner)
    question = feeding_only(Kind.SERIOUS_HARM)
    section_url = reverse("assessment:section", args=[stage.pk, question.section_key])

    page = client.get(section_url).content.decode()
    for kind in ALL:
        assert map_entry(page, judgement_url(stage, kind)).endswith("To do"), kind

    decide_all(stage, pat)
    page = client.get(section_url).content.decode()
    assert map_entry(page, judgement_url(stage, Kind.SERIOUS_HARM)) == (
        "Risk of serious harm to others Complete"
    )

    change_answer(stage, question, pat)
    page = client.get(section_url).content.decode()
    assert map_entry(page, judgement_url(stage, Kind.SERIOUS_HARM)) == (
        "Risk of serious harm to others To reconfirm"
    )
    assert map_entry(page, judgement_url(stage, Kind.REOFFENDING)) == (
        "Likelihood of reoffending Complete"
    )
    assert 'govuk-tag govuk-tag--orange">To reconfirm' in page


def test_a_light_stage_offers_the_judgements(child, pat, client_for, practitioner):
    light = start(child, pat, LIGHT)
    page = client_for(practitioner).get(reverse("assessment:stage-detail", args=[light.pk]))
    text = page.content.decode()
    for kind in ALL[:3]:  # the intervention level belongs to court orders only
        assert map_entry(text, judgement_url(light, kind)).endswith("Optional"), kind


def test_the_section_form_saved_without_javascript_shows_to_reconfirm(
    stage, pat, client_for, practitioner
):
    question = feeding_only(Kind.SERIOUS_HARM)
    first = answer(stage, question, valid_value(question, 0), pat)
    decide_all(stage, pat)
    client = client_for(practitioner)
    section_url = reverse("assessment:section", args=[stage.pk, question.section_key])

    response = client.post(
        section_url, form_fields(question, valid_value(question, 1), first.version), follow=True
    )

    assert response.status_code == 200
    assert flagged(stage) == {Kind.SERIOUS_HARM}
    page = client.get(section_url).content.decode()
    assert map_entry(page, judgement_url(stage, Kind.SERIOUS_HARM)).endswith("To reconfirm")


def test_the_map_an_autosave_swaps_in_keeps_the_judgements(stage, pat, client_for, practitioner):
    question = feeding_only(Kind.SERIOUS_HARM)
    first = answer(stage, question, valid_value(question, 0), pat)
    decide_all(stage, pat)

    response = client_for(practitioner).post(
        reverse("assessment:autosave", args=[stage.pk, question.key]),
        form_fields(question, valid_value(question, 1), first.version),
        HTTP_HX_REQUEST="true",
    )

    assert response.status_code == 200
    assert flagged(stage) == {Kind.SERIOUS_HARM}
    fragment = response.content.decode()
    assert map_entry(fragment, judgement_url(stage, Kind.SERIOUS_HARM)).endswith("To reconfirm")


def test_what_is_left_lists_a_judgement_to_reconfirm(stage, pat, client_for, practitioner):
    decide_all(stage, pat)
    client = client_for(practitioner)
    left_url = reverse("assessment:left", args=[stage.pk])
    listed = f'<a class="govuk-link" href="{judgement_url(stage, Kind.SERIOUS_HARM)}">'
    assert listed not in client.get(left_url).content.decode()

    change_answer(stage, feeding_only(Kind.SERIOUS_HARM), pat)

    page = html.unescape(client.get(left_url).content.decode())
    url = judgement_url(stage, Kind.SERIOUS_HARM)
    assert (
        f'<a class="govuk-link" href="{url}">Risk of serious harm to others</a>: '
        "1 thing it rests on has changed" in page
    )
    main = page.split("<main", 1)[1]
    assert f'<a class="govuk-link" href="{judgement_url(stage, Kind.REOFFENDING)}">' not in main


def test_what_is_left_lists_the_judgements_not_yet_made(stage, pat, client_for, practitioner):
    decide(stage, pat, Kind.REOFFENDING)
    page = html.unescape(
        client_for(practitioner).get(reverse("assessment:left", args=[stage.pk])).content.decode()
    )
    main = page.split("<main", 1)[1]
    for kind, title in [
        (Kind.SERIOUS_HARM, "Risk of serious harm to others"),
        (Kind.SAFETY_WELLBEING, "Safety and well-being"),
        (Kind.INTERVENTION_LEVEL, "Indicative intervention level"),
    ]:
        link = (
            f'<a class="govuk-link" href="{judgement_url(stage, kind)}">{title}</a>: not yet made'
        )
        assert link in main, kind
    assert f'<a class="govuk-link" href="{judgement_url(stage, Kind.REOFFENDING)}">' not in main


# Completing a stage


def ready_to_complete(stage: Stage, by) -> None:
    answer_everything_required(stage, by)
    decide_all(stage, by)
    plan_operations.add_target(  # a full stage needs a plan too
        by=by,
        stage=stage,
        data=plan_operations.TargetInput(
            objective="Back to school", question_key=feeding_only(Kind.SAFETY_WELLBEING).key
        ),
    )


def test_a_full_stage_cannot_complete_while_a_judgement_is_to_reconfirm(stage, pat):
    ready_to_complete(stage, pat)
    change_answer(stage, feeding_only(Kind.SAFETY_WELLBEING), pat)
    answer_everything_required(stage, pat)  # a changed answer may ask a follow-up

    with pytest.raises(assessment_operations.IncompleteStageError) as caught:
        assessment_operations.complete_stage(by=pat, stage=stage)

    assert caught.value.missing == []
    assert [item.key for item in caught.value.outstanding] == [
        progress.item_key(Kind.SAFETY_WELLBEING)
    ]
    assert caught.value.outstanding[0].detail == "1 thing it rests on has changed"
    stage.refresh_from_db()
    assert stage.status == Stage.Status.IN_PROGRESS

    operations.reconfirm(by=pat, stage=stage, kind=Kind.SAFETY_WELLBEING, version=1)
    done = assessment_operations.complete_stage(by=pat, stage=stage)
    assert done.status == Stage.Status.COMPLETED


def test_a_full_stage_cannot_complete_without_its_judgements(stage, pat):
    answer_everything_required(stage, pat)
    decide(stage, pat, Kind.REOFFENDING)
    with pytest.raises(assessment_operations.IncompleteStageError) as caught:
        assessment_operations.complete_stage(by=pat, stage=stage)
    assert caught.value.missing == []
    assert [item.key for item in caught.value.outstanding if item.key.startswith("judgement:")] == [
        progress.item_key(kind) for kind in ALL[1:]
    ]


def test_a_light_stage_completes_without_judgements(child, pat):
    light = start(child, pat, LIGHT)
    answer_everything_required(light, pat)
    assert assessment_operations.complete_stage(by=pat, stage=light).status == (
        Stage.Status.COMPLETED
    )


# A new stage, carried forward


def test_a_changed_core_record_fact_flags_the_judgement_carried_into_a_new_stage(stage, pat):
    ready_to_complete(stage, pat)
    assessment_operations.complete_stage(by=pat, stage=stage)
    review = assessment_operations.start_stage(by=pat, child=stage.child, stage_type="review")
    assert flagged(review) == set()

    add_sanction(stage.child, dt.date(2026, 2, 2))

    assert flagged(review) == {Kind.REOFFENDING}
    carried = state(review, Kind.REOFFENDING)
    assert carried.judgement is not None
    assert carried.judgement.carried_from_id == stage.pk
    assert basis.Change("fact", "previous_sanctions", "0", "1") in carried.changes


def test_a_changed_answer_flags_the_judgement_carried_into_a_new_stage(stage, pat):
    question = feeding_only(Kind.SERIOUS_HARM)
    answer(stage, question, valid_value(question, 0), pat)
    decide_all(stage, pat)
    review = assessment_operations.start_stage(by=pat, child=stage.child, stage_type="review")
    assert flagged(review) == set()  # the answer was carried forward unchanged

    answer(review, question, valid_value(question, 1), pat)

    assert flagged(review) == {Kind.SERIOUS_HARM}
    assert flagged(stage) == set()  # the earlier stage is not touched
    assert state(review, Kind.SERIOUS_HARM).changes == [basis.Change("answer", question.key)]


def test_reconfirming_in_the_new_stage_clears_its_flag_only(stage, pat):
    decide(stage, pat, Kind.REOFFENDING, reason="Two arrests since the caution.")
    review = assessment_operations.start_stage(by=pat, child=stage.child, stage_type="review")
    add_sanction(stage.child, dt.date(2026, 2, 2))
    assert flagged(review) == {Kind.REOFFENDING}
    assert flagged(stage) == {Kind.REOFFENDING}

    carried = Judgement.objects.get(stage=review, kind=Kind.REOFFENDING)
    again = operations.reconfirm(
        by=pat,
        stage=review,
        kind=Kind.REOFFENDING,
        version=carried.version,
        reason="Still two arrests since the caution.",  # the band moved with the sanction
    )

    assert again.carried_from_id == stage.pk
    assert flagged(review) == set()
    assert flagged(stage) == {Kind.REOFFENDING}


def test_a_judgement_carried_into_a_stage_asking_fewer_sections_is_not_flagged(stage, pat):
    end_sections = {section.key for section, _depth in sections_of("end")}
    question = pick(
        FULL,
        where=lambda q: (
            basis.FEEDS[Kind.SERIOUS_HARM] in q.feeds and q.section_key not in end_sections
        ),
    )
    answer(stage, question, valid_value(question), pat)
    decide(stage, pat, Kind.SERIOUS_HARM)

    end = assessment_operations.start_stage(by=pat, child=stage.child, stage_type="end")

    assert Judgement.objects.filter(stage=end, kind=Kind.SERIOUS_HARM).exists()
    assert flagged(end) == set()
