"""Writing one planned stage: on the days it happened, through the operations, and refusing a
plan the service itself would refuse, with a message that names what to fix."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

import pytest
from django.utils import timezone

from cairn.accounts.models import Membership, Organisation
from cairn.assessment.models import Stage
from cairn.audit.operations import Actor
from cairn.demo import clock, load, stages
from cairn.demo.cases import kai_brennan
from cairn.demo.judgements import DemoDataError
from cairn.demo.plans import Case, JudgementPlan, StagePlan
from cairn.judgements import queries as judgement_queries
from cairn.judgements.models import Judgement
from cairn.quality.models import SignoffRequest
from cairn.records import operations as record_operations
from cairn.records.models import Child, Offence

pytestmark = pytest.mark.django_db


def today() -> dt.date:
    return timezone.localdate()


@pytest.fixture
def cautioned(
    make_child: Callable[..., Child], northshire: Organisation, practitioner: Membership
) -> Child:
    """A 14-year-old cautioned 200 days ago, with a case worker."""
    child = make_child(northshire, case_worker=practitioner.user, local_id="NOR-99999")
    record_operations.add_to_record(
        by=Actor.system(northshire),
        child=child,
        model=Offence,
        data={
            "offence_date": today() - dt.timedelta(days=214),
            "description": "Theft of trainers from a sports shop",
            "category": "theft",
            "outcome_type": "youth_caution",
            "outcome_date": today() - dt.timedelta(days=200),
        },
        part="offences",
    )
    return child


def kais_stage(day: dt.date | None = None, **changes: object) -> StagePlan:
    plan = kai_brennan.case(day or today()).stages[0]
    return dataclasses.replace(plan, **{"started": 150, "ended": 140, **changes})


def write(child: Child, plan: StagePlan, day: dt.date | None = None) -> list[Stage]:
    case = Case(local_id=child.local_id, stages=(plan,))
    return stages.write_case(case, child, day or today())


def test_a_stage_is_written_on_the_days_it_happened(cautioned: Child) -> None:
    [stage] = write(cautioned, kais_stage())

    stage.refresh_from_db()
    assert stage.status == Stage.Status.COMPLETED
    assert timezone.localdate(stage.started_at) == today() - dt.timedelta(days=150)
    assert timezone.localdate(stage.ended_at) == today() - dt.timedelta(days=140)
    assert stage.due_date == today() - dt.timedelta(days=150 - 14)
    assert stage.started_by == cautioned.case_worker
    score = Judgement.objects.get(stage=stage, kind="reoffending").detail
    assert score["inputs"]["assessed_on"] == (today() - dt.timedelta(days=140)).isoformat()
    assert not any(state.to_reconfirm for state in judgement_queries.review(stage))
    assert abs(timezone.now() - dt.datetime.now(tz=dt.UTC)) < dt.timedelta(seconds=5)


def test_a_childs_history_counts_back_from_the_day_the_child_was_created(
    cautioned: Child,
) -> None:
    Child.objects.filter(pk=cautioned.pk).update(created_at=timezone.now() - dt.timedelta(days=30))
    cautioned.refresh_from_db()
    day = load.demo_day(cautioned)

    [stage] = write(cautioned, kais_stage(day), day)

    assert day == today() - dt.timedelta(days=30)
    assert timezone.localdate(stage.ended_at) == today() - dt.timedelta(days=170)
    visit = day - dt.timedelta(days=52)
    concern = stage.answers.get(key="family_relationships.concern_details").value
    assert f"(home visit, {visit.day} {visit:%B})" in concern


def test_a_later_stage_carries_the_last_ones_answers_and_judgements(cautioned: Child) -> None:
    review = StagePlan(
        stage_type="out_of_court",
        started=20,
        last_worked=3,
        answers={"education.progress": "going_well"},
    )
    first, second = stages.write_case(
        Case(local_id=cautioned.local_id, stages=(kais_stage(), review)), cautioned, today()
    )

    assert second.previous_id == first.pk
    assert second.is_open
    assert second.answers.count() == first.answers.count()
    assert set(Judgement.objects.filter(stage=second).values_list("kind", flat=True)) == set(
        Judgement.objects.filter(stage=first).values_list("kind", flat=True)
    )


def test_a_question_the_stage_does_not_ask_is_refused(cautioned: Child) -> None:
    # Thinking and behaviour: not one of an out-of-court stage's sections, asked or offered.
    plan = kais_stage(answers={"thinking_behaviour.behaviour_details": "Shouts in class"})

    with pytest.raises(
        DemoDataError, match=r"NOR-99999 out_of_court does not ask: thinking_behaviour"
    ):
        write(cautioned, plan)


def test_an_invalid_answer_is_refused(cautioned: Child) -> None:
    plan = kais_stage(answers={"education.progress": "brilliant"})

    with pytest.raises(DemoDataError, match=r"education\.progress"):
        write(cautioned, plan)


def test_a_rating_that_differs_without_a_reason_is_refused(cautioned: Child) -> None:
    plan = kais_stage(judgements=(JudgementPlan("serious_harm", "high"),))

    with pytest.raises(DemoDataError, match=r"serious_harm rated high \(proposed: low\)"):
        write(cautioned, plan)


def test_a_completed_stage_must_be_complete(cautioned: Child) -> None:
    plan = kais_stage(answers={"education.progress": "going_well"}, judgements=())

    with pytest.raises(DemoDataError, match=r"Unanswered: living_arrangements\.lives_with"):
        write(cautioned, plan)


def test_dates_must_run_forwards_and_stay_in_the_past(cautioned: Child) -> None:
    with pytest.raises(DemoDataError, match="must be on or before"):
        write(cautioned, kais_stage(started=10, ended=12))
    with pytest.raises(DemoDataError, match="at least a day ago"):
        write(cautioned, StagePlan(stage_type="out_of_court", started=3, last_worked=0))


def test_the_clock_moves_forwards_only_and_is_put_back() -> None:
    real, real_today = timezone.now(), today()
    start = clock.moment(real_today, 30, 9.5)
    with clock.travel(start) as demo_clock:
        first = timezone.now()
        demo_clock.set(start - dt.timedelta(days=5))  # never backwards
        second = timezone.now()
        demo_clock.set(clock.moment(real_today, 2, 14))
        third = timezone.localdate()
    assert start < first < second < start + dt.timedelta(seconds=1)
    assert third == real_today - dt.timedelta(days=2)
    assert timezone.now() >= real
    assert (timezone.localtime(start).hour, timezone.localtime(start).minute) == (9, 30)


def test_the_clock_refuses_to_start_in_the_future() -> None:
    with (
        pytest.raises(ValueError, match="must start in the past"),
        clock.travel(timezone.now() + dt.timedelta(hours=1)),
    ):
        pass


def test_a_completed_stage_the_policy_holds_is_signed_off_by_mo_manager_first(
    cautioned: Child, manager: Membership
) -> None:
    """Rated high for safety and well-being, the stage needs countersigning (the default
    policy): the case worker asks, mo.manager signs off, then the stage is completed."""
    plan = kais_stage()
    plan = dataclasses.replace(
        plan,
        answers={
            **plan.answers,
            "offending.jdm_recommendation": "youth_caution",
            "offending.jdm_reasons": "He admitted it and this is his first offence.",
        },
        judgements=(
            *(j for j in plan.judgements if j.kind != "safety_wellbeing"),
            JudgementPlan("safety_wellbeing", "high", "Going missing with older boys"),
        ),
    )

    [stage] = write(cautioned, plan)

    assert stage.status == Stage.Status.COMPLETED
    [request] = SignoffRequest.objects.filter(stage=stage)
    assert request.status == SignoffRequest.Status.SIGNED_OFF
    assert request.requested_by == cautioned.case_worker
    assert request.decided_by == manager.user
    assert request.decided_at is not None
    assert stage.ended_at is not None
    assert request.decided_at < stage.ended_at
