"""Writing judgements and concerns: deciding (the proposal kept beside the rating, a reason
where they differ, versions, stale and closed stages), reconfirming, concerns with their
validation, the audit of every write, carrying forward into a new stage, and loading scoring
models."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import yaml

from cairn.assessment import operations as assessment_operations
from cairn.assessment.models import Stage
from cairn.assessment.operations import StageFrozenError
from cairn.assessment.tests.factories import actor, answer, events, start, valid_value
from cairn.audit.models import AuditEvent
from cairn.judgements import operations, proposals, queries, scoring
from cairn.judgements.models import Concern, Judgement, Kind, ScoringModelFile
from cairn.judgements.tests.arrange import (
    CONCERN,
    FULL,
    add_concern,
    change_answer,
    concern_input,
    decide,
    feeding,
    flagged,
    scorable,
    state,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def pat(practitioner):
    return actor(practitioner)


@pytest.fixture
def stage(child, pat):
    return start(scorable(child), pat, FULL)


@pytest.fixture
def unscored(make_child, northshire, pat):
    """A full stage for a child with no sanction: no reoffending proposal."""
    return start(make_child(northshire, "Ada", "Okafor"), pat, FULL)


def other_rating(proposed: str) -> str:
    band = proposals.proposed_option(Kind.REOFFENDING, proposed)
    return "medium" if band != "medium" else "high"


# Deciding


def test_deciding_keeps_the_proposal_beside_the_rating(stage, pat):
    proposal = state(stage, Kind.REOFFENDING).proposal
    assert proposal.value in {"low", "medium", "high", "very_high"}
    rating = proposals.proposed_option(Kind.REOFFENDING, proposal.value)

    made = operations.decide(
        by=pat, stage=stage, kind=Kind.REOFFENDING, rating=rating, reason="", version=0
    )

    made.refresh_from_db()
    assert (made.proposed, made.rating, made.reason, made.version) == (
        proposal.value,
        rating,
        "",
        1,
    )
    assert not made.differs
    assert made.detail["model"] == {"name": "OGRS3", "version": "2009.1"}
    assert made.detail["band"] == proposal.value
    assert made.detail["inputs"]["previous_sanctions"] == 0
    assert made.decided_by == pat.user
    assert made.decided_by_name == pat.user.get_full_name()
    assert "answers" in made.basis
    assert made.basis["facts"]["model"] == "OGRS3 2009.1"


def test_a_rating_that_differs_needs_a_reason(stage, pat):
    proposed = state(stage, Kind.REOFFENDING).proposal.value
    rating = other_rating(proposed)
    with pytest.raises(operations.InvalidError) as caught:
        operations.decide(
            by=pat, stage=stage, kind=Kind.REOFFENDING, rating=rating, reason="  ", version=0
        )
    assert caught.value.errors == {
        "reason": "Give the reason your rating differs from the proposed one"
    }
    assert not Judgement.objects.filter(stage=stage).exists()

    made = operations.decide(
        by=pat,
        stage=stage,
        kind=Kind.REOFFENDING,
        rating=rating,
        reason="  He was arrested again last week; charges are pending.  ",
        version=0,
    )
    assert (made.proposed, made.rating) == (proposed, rating)
    assert made.reason == "He was arrested again last week; charges are pending."
    assert made.differs


def test_with_no_proposal_every_rating_needs_a_reason(unscored, pat):
    found = state(unscored, Kind.REOFFENDING)
    assert found.proposal.value == ""
    assert found.cannot_score  # it says what is missing
    with pytest.raises(operations.InvalidError) as caught:
        operations.decide(
            by=pat, stage=unscored, kind=Kind.REOFFENDING, rating="low", reason="", version=0
        )
    assert caught.value.errors == {
        "reason": "Give the reason for your rating: the system could not propose one"
    }
    made = operations.decide(
        by=pat,
        stage=unscored,
        kind=Kind.REOFFENDING,
        rating="low",
        reason="No sanctions; settled at school.",
        version=0,
    )
    assert (made.proposed, made.rating) == ("", "low")
    assert "reasons" in made.detail


def test_the_very_high_band_counts_as_high_for_the_reason():
    assert not proposals.needs_reason(Kind.REOFFENDING, "very_high", "high")
    assert proposals.needs_reason(Kind.REOFFENDING, "very_high", "medium")
    assert proposals.needs_reason(Kind.SERIOUS_HARM, "very_high", "high")


def test_a_risk_rating_against_the_matrix_needs_a_reason(stage, pat):
    add_concern(stage, pat, impact="serious", likelihood="likely")  # high
    with pytest.raises(operations.InvalidError) as caught:
        operations.decide(
            by=pat, stage=stage, kind=Kind.SERIOUS_HARM, rating="medium", reason="", version=0
        )
    assert set(caught.value.errors) == {"reason"}
    made = operations.decide(
        by=pat, stage=stage, kind=Kind.SERIOUS_HARM, rating="high", reason="", version=0
    )
    assert (made.proposed, made.rating) == ("high", "high")
    assert made.detail["concerns"][0]["rating"] == "high"


@pytest.mark.parametrize(
    ("kind", "rating", "message"),
    [
        (Kind.REOFFENDING, "", "Select a rating"),
        (Kind.REOFFENDING, "very_high", "‘very_high’ is not a rating here"),
        (Kind.SERIOUS_HARM, "severe", "‘severe’ is not a rating here"),
        (Kind.INTERVENTION_LEVEL, "high", "‘high’ is not a rating here"),
    ],
)
def test_a_rating_not_offered_is_refused(stage, pat, kind, rating, message):
    with pytest.raises(operations.InvalidError) as caught:
        operations.decide(by=pat, stage=stage, kind=kind, rating=rating, reason="x", version=0)
    assert caught.value.errors == {"rating": message}


def test_a_reason_too_long_is_refused(stage, pat):
    with pytest.raises(operations.InvalidError) as caught:
        operations.decide(
            by=pat, stage=stage, kind=Kind.SERIOUS_HARM, rating="low", reason="x" * 5001, version=0
        )
    assert caught.value.errors == {"reason": "The reason must be 5000 characters or fewer"}


def test_versions_go_up_and_a_stale_version_is_refused(stage, pat, manager):
    mo = actor(manager)
    first = operations.decide(
        by=pat, stage=stage, kind=Kind.SERIOUS_HARM, rating="low", reason="", version=0
    )
    assert first.version == 1
    second = operations.decide(
        by=mo, stage=stage, kind=Kind.SERIOUS_HARM, rating="medium", reason="Worried.", version=1
    )
    assert (second.pk, second.version, second.decided_by) == (first.pk, 2, manager.user)

    with pytest.raises(operations.StaleError) as caught:
        operations.decide(
            by=pat, stage=stage, kind=Kind.SERIOUS_HARM, rating="high", reason="Pat.", version=1
        )
    assert caught.value.current.version == 2
    assert caught.value.current.rating == "medium"
    with pytest.raises(operations.StaleError) as caught:  # "none made" when one was
        operations.decide(
            by=pat, stage=stage, kind=Kind.SERIOUS_HARM, rating="high", reason="Pat.", version=0
        )
    stored = Judgement.objects.get(stage=stage, kind=Kind.SERIOUS_HARM)
    assert (stored.rating, stored.version) == ("medium", 2)


def test_a_version_for_a_judgement_not_made_is_stale(stage, pat):
    with pytest.raises(operations.StaleError) as caught:
        operations.decide(
            by=pat, stage=stage, kind=Kind.SERIOUS_HARM, rating="low", reason="", version=3
        )
    assert caught.value.current is None


@pytest.mark.parametrize("status", [Stage.Status.STOPPED, Stage.Status.CANCELLED])
def test_a_closed_stage_refuses_every_write(stage, pat, manager, status):
    concern = add_concern(stage, pat)
    made = decide(stage, pat, Kind.SERIOUS_HARM)
    assessment_operations.end_stage(  # cancelling is for managers
        by=actor(manager), stage=stage, status=status, reason="Moved away"
    )
    before = AuditEvent.objects.count()

    with pytest.raises(StageFrozenError):
        operations.decide(
            by=pat, stage=stage, kind=Kind.SERIOUS_HARM, rating="low", reason="x", version=1
        )
    with pytest.raises(StageFrozenError):
        operations.reconfirm(by=pat, stage=stage, kind=Kind.SERIOUS_HARM, version=made.version)
    with pytest.raises(StageFrozenError):
        add_concern(stage, pat)
    with pytest.raises(StageFrozenError):
        operations.change_concern(
            by=pat, stage=stage, concern_id=concern.pk, data=concern_input(), version=1
        )
    with pytest.raises(StageFrozenError):
        operations.remove_concern(by=pat, stage=stage, concern_id=concern.pk, version=1)
    assert AuditEvent.objects.count() == before
    assert Concern.objects.filter(stage=stage).count() == 1


def test_a_completed_stage_refuses_a_decision(stage, pat):
    Stage.objects.filter(pk=stage.pk).update(
        status=Stage.Status.COMPLETED, ended_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    )
    with pytest.raises(StageFrozenError):
        operations.decide(
            by=pat, stage=stage, kind=Kind.SAFETY_WELLBEING, rating="low", reason="", version=0
        )


def test_an_unknown_kind_is_refused(stage, pat):
    with pytest.raises(operations.UnknownJudgementError):
        operations.decide(
            by=pat, stage=stage, kind="desistance", rating="low", reason="x", version=0
        )


def test_a_kind_the_stage_does_not_make_is_refused(child, pat):
    prevention = start(child, pat, "prevention")
    assert queries.kinds_of(prevention) == (Kind.SERIOUS_HARM, Kind.SAFETY_WELLBEING)
    with pytest.raises(operations.UnknownJudgementError):
        operations.decide(
            by=pat, stage=prevention, kind=Kind.REOFFENDING, rating="low", reason="x", version=0
        )
    with pytest.raises(operations.UnknownJudgementError):
        add_concern(prevention, pat, judgement=Kind.INTERVENTION_LEVEL)


def test_deciding_is_audited(stage, pat):
    add_concern(stage, pat, impact="serious", likelihood="likely")
    made = operations.decide(
        by=pat,
        stage=stage,
        kind=Kind.SERIOUS_HARM,
        rating="very_high",
        reason="He named the boy and the day.",
        version=0,
    )
    [event] = events(stage.child, "judgements.decided")
    assert (event.actor, event.object_type, event.object_id) == (
        pat.user,
        "Judgement",
        str(made.pk),
    )
    assert event.summary == "Risk of serious harm to others: very_high (differs from proposal)"
    assert event.detail == {
        "stage": stage.pk,
        "kind": "serious_harm",
        "proposed": "high",
        "rating": "very_high",
        "reason": "He named the boy and the day.",
        "version": 1,
    }


# Reconfirming


def test_reconfirming_keeps_the_rating_on_what_the_stage_holds_now(stage, pat):
    question = feeding(Kind.SAFETY_WELLBEING)
    made = decide(stage, pat, Kind.SAFETY_WELLBEING)
    answer(stage, question, valid_value(question, 1), pat)
    assert Kind.SAFETY_WELLBEING in flagged(stage)

    again = operations.reconfirm(by=pat, stage=stage, kind=Kind.SAFETY_WELLBEING, version=1)

    assert (again.pk, again.rating, again.version) == (made.pk, made.rating, 2)
    assert again.basis != made.basis
    assert Kind.SAFETY_WELLBEING not in flagged(stage)
    [event] = events(stage.child, "judgements.reconfirmed")
    assert event.detail == {
        "stage": stage.pk,
        "kind": "safety_wellbeing",
        "rating": made.rating,
        "proposed_before": made.proposed,
        "proposed": made.proposed,
        "after": [question.key],
        "version": 2,
    }


def test_reconfirming_a_stale_version_or_an_unmade_judgement_is_refused(stage, pat):
    with pytest.raises(operations.UnknownJudgementError):
        operations.reconfirm(by=pat, stage=stage, kind=Kind.SERIOUS_HARM, version=0)
    decide(stage, pat, Kind.SERIOUS_HARM)
    with pytest.raises(operations.StaleError):
        operations.reconfirm(by=pat, stage=stage, kind=Kind.SERIOUS_HARM, version=2)
    assert not events(stage.child, "judgements.reconfirmed")


def test_reconfirming_when_the_proposal_moved_away_needs_a_reason(stage, pat):
    decide(stage, pat, Kind.SERIOUS_HARM)  # low, the proposal with no concerns, no reason
    add_concern(stage, pat, impact="severe", likelihood="very_likely")  # very high
    with pytest.raises(operations.InvalidError) as caught:
        operations.reconfirm(by=pat, stage=stage, kind=Kind.SERIOUS_HARM, version=1)
    assert caught.value.errors == {
        "reason": "The proposal has changed since this judgement was made: give the reason "
        "your rating still holds, or change it"
    }
    assert Kind.SERIOUS_HARM in flagged(stage)


def test_reconfirming_after_the_proposal_moved_needs_a_new_reason(stage, pat):
    """The reason given before answered the old proposal: the new one needs its own."""
    decide(stage, pat, Kind.SERIOUS_HARM, rating="medium", reason="Older brother's influence.")
    add_concern(stage, pat, impact="severe", likelihood="very_likely")
    with pytest.raises(operations.InvalidError):
        operations.reconfirm(by=pat, stage=stage, kind=Kind.SERIOUS_HARM, version=1)
    again = operations.reconfirm(
        by=pat, stage=stage, kind=Kind.SERIOUS_HARM, version=1, reason="The knife was his."
    )
    assert (again.rating, again.proposed, again.reason) == (
        "medium",
        "very_high",
        "The knife was his.",
    )


def test_reconfirming_a_rating_that_had_a_reason_keeps_it_when_the_proposal_is_unchanged(
    stage, pat
):
    decide(stage, pat, Kind.SERIOUS_HARM, rating="medium", reason="Older brother's influence.")
    change_answer(stage, feeding(Kind.SERIOUS_HARM), pat)
    again = operations.reconfirm(by=pat, stage=stage, kind=Kind.SERIOUS_HARM, version=1)
    assert (again.rating, again.proposed, again.reason) == (
        "medium",
        "low",
        "Older brother's influence.",
    )


# Concerns


def test_adding_a_concern_saves_it_and_audits_it(stage, pat):
    question = feeding(Kind.SERIOUS_HARM)
    concern = add_concern(
        stage,
        pat,
        what="  " + CONCERN["what"] + "  ",
        answer_keys=[question.key, question.key],
    )
    concern.refresh_from_db()
    assert concern.what == CONCERN["what"]
    assert (concern.judgement, concern.version, concern.answer_keys) == (
        "serious_harm",
        1,
        [question.key],
    )
    assert concern.updated_by == pat.user
    [event] = events(stage.child, "judgements.concern.added")
    assert event.object_id == str(concern.pk)
    assert event.detail["stage"] == stage.pk
    assert event.detail["impact"] == "serious"
    assert event.detail["answer_keys"] == [question.key]


def test_a_safety_concern_is_about_the_child(stage, pat):
    concern = add_concern(stage, pat, judgement=Kind.SAFETY_WELLBEING)
    assert concern.to_whom == "the_child"
    with pytest.raises(operations.InvalidError) as caught:
        add_concern(stage, pat, judgement=Kind.SAFETY_WELLBEING, to_whom="public")
    assert caught.value.errors == {"to_whom": "‘public’ is not one of the choices"}


def test_an_empty_concern_is_refused_field_by_field(stage, pat):
    with pytest.raises(operations.InvalidError) as caught:
        operations.add_concern(
            by=pat,
            stage=stage,
            judgement=Kind.SERIOUS_HARM,
            data=operations.ConcernInput(what="   ", evidence=" "),
        )
    assert caught.value.errors == {
        "what": "Describe what might happen",
        "to_whom": "Select who might be harmed",
        "impact": "Select the impact",
        "likelihood": "Select how likely it is",
        "imminence": "Select how soon it might happen",
        "evidence": "Give the evidence for this concern",
    }
    assert not Concern.objects.exists()
    assert not events(stage.child, "judgements.concern.added")


def test_a_concern_with_unknown_choices_and_answers_is_refused(stage, pat):
    with pytest.raises(operations.InvalidError) as caught:
        add_concern(
            stage,
            pat,
            to_whom="the_child",
            impact="catastrophic",
            likelihood="certain",
            imminence="today",
            to_whom_detail="x" * 201,
            what="x" * 5001,
            evidence="y" * 5001,
            answer_keys=["no_such.question", "living_arrangements.nope"],
        )
    assert caught.value.errors == {
        "what": "What might happen must be 5000 characters or fewer",
        "to_whom": "‘the_child’ is not one of the choices",
        "impact": "‘catastrophic’ is not one of the choices",
        "likelihood": "‘certain’ is not one of the choices",
        "imminence": "‘today’ is not one of the choices",
        "to_whom_detail": "Who, in a few words, must be 200 characters or fewer",
        "evidence": "The evidence must be 5000 characters or fewer",
        "answer_keys": "Not a question of this stage: living_arrangements.nope, no_such.question",
    }


def test_changing_a_concern_checks_its_version_and_audits_the_change(stage, pat, manager):
    concern = add_concern(stage, pat)
    changed = operations.change_concern(
        by=actor(manager),
        stage=stage,
        concern_id=concern.pk,
        data=concern_input(likelihood="very_likely", imminence="imminent"),
        version=1,
    )
    assert (changed.version, changed.likelihood, changed.updated_by) == (
        2,
        "very_likely",
        manager.user,
    )
    [event] = events(stage.child, "judgements.concern.changed")
    assert event.detail == {
        "stage": stage.pk,
        "changes": {
            "likelihood": ["likely", "very_likely"],
            "imminence": ["months", "imminent"],
        },
    }

    with pytest.raises(operations.StaleError) as caught:
        operations.change_concern(
            by=pat, stage=stage, concern_id=concern.pk, data=concern_input(), version=1
        )
    assert caught.value.current.version == 2
    with pytest.raises(operations.InvalidError) as caught_invalid:
        operations.change_concern(
            by=pat, stage=stage, concern_id=concern.pk, data=concern_input(what=""), version=2
        )
    assert caught_invalid.value.errors == {"what": "Describe what might happen"}
    concern.refresh_from_db()
    assert (concern.version, concern.likelihood) == (2, "very_likely")


def test_a_concern_of_another_stage_is_not_found(stage, pat, make_child, northshire):
    elsewhere = start(make_child(northshire, "Ada", "Okafor"), pat, FULL)
    concern = add_concern(elsewhere, pat)
    with pytest.raises(Concern.DoesNotExist):
        operations.change_concern(
            by=pat, stage=stage, concern_id=concern.pk, data=concern_input(), version=1
        )
    with pytest.raises(Concern.DoesNotExist):
        operations.remove_concern(by=pat, stage=stage, concern_id=concern.pk, version=1)
    assert Concern.objects.filter(pk=concern.pk).exists()


def test_removing_a_concern_checks_its_version_and_audits_it(stage, pat):
    concern = add_concern(stage, pat)
    with pytest.raises(operations.StaleError):
        operations.remove_concern(by=pat, stage=stage, concern_id=concern.pk, version=2)
    assert Concern.objects.filter(pk=concern.pk).exists()

    operations.remove_concern(by=pat, stage=stage, concern_id=concern.pk, version=1)

    assert not Concern.objects.filter(pk=concern.pk).exists()
    [event] = events(stage.child, "judgements.concern.removed")
    assert (event.object_id, event.detail["what"]) == (str(concern.pk), CONCERN["what"])


def test_concerns_move_the_risk_proposal(stage, pat):
    assert state(stage, Kind.SERIOUS_HARM).proposal.value == "low"
    concern = add_concern(stage, pat, impact="moderate", likelihood="possible")
    assert state(stage, Kind.SERIOUS_HARM).proposal.value == "medium"
    operations.change_concern(
        by=pat,
        stage=stage,
        concern_id=concern.pk,
        data=concern_input(impact="severe", likelihood="likely", imminence="imminent"),
        version=1,
    )
    assert state(stage, Kind.SERIOUS_HARM).proposal.value == "very_high"
    assert state(stage, Kind.SAFETY_WELLBEING).proposal.value == "low"  # not its concern
    operations.remove_concern(by=pat, stage=stage, concern_id=concern.pk, version=2)
    assert state(stage, Kind.SERIOUS_HARM).proposal.value == "low"


# Carrying forward


def make_everything(stage: Stage, by: Any) -> dict[str, Judgement]:
    add_concern(stage, by, impact="serious", likelihood="likely")
    add_concern(stage, by, judgement=Kind.SAFETY_WELLBEING, impact="moderate")
    return {
        kind: decide(stage, by, kind)
        for kind in (
            Kind.REOFFENDING,
            Kind.SERIOUS_HARM,
            Kind.SAFETY_WELLBEING,
            Kind.INTERVENTION_LEVEL,
        )
    }


def test_a_new_stage_carries_the_judgements_and_concerns_forward_unflagged(stage, pat):
    made = make_everything(stage, pat)
    assert flagged(stage) == set()

    review = assessment_operations.start_stage(by=pat, child=stage.child, stage_type="review")

    assert review.previous == stage
    carried = {j.kind: j for j in Judgement.objects.filter(stage=review)}
    assert set(carried) == set(made)
    for kind, old in made.items():
        new = carried[kind]
        assert new.pk != old.pk
        assert new.carried_from == stage
        assert (new.rating, new.proposed, new.reason, new.basis, new.decided_by) == (
            old.rating,
            old.proposed,
            old.reason,
            old.basis,
            old.decided_by,
        )
    concerns = Concern.objects.filter(stage=review).order_by("judgement")
    assert [(c.judgement, c.impact, c.what, c.carried_from_id) for c in concerns] == [
        ("safety_wellbeing", "moderate", CONCERN["what"], stage.pk),
        ("serious_harm", "serious", CONCERN["what"], stage.pk),
    ]
    assert Concern.objects.filter(stage=stage).count() == 2  # the old stage keeps its own
    assert flagged(review) == set()
    [event] = events(stage.child, "judgements.carried_forward")
    assert event.summary == "Carried forward 4 judgement(s) and 2 concern(s)"
    assert event.detail == {"from_stage": stage.pk, "stage": review.pk}


def test_only_the_judgements_the_new_stage_makes_are_carried(stage, pat):
    make_everything(stage, pat)
    end = assessment_operations.start_stage(by=pat, child=stage.child, stage_type="end")
    assert set(Judgement.objects.filter(stage=end).values_list("kind", flat=True)) == {
        Kind.REOFFENDING,
        Kind.SERIOUS_HARM,
        Kind.SAFETY_WELLBEING,
    }
    prevention = assessment_operations.start_stage(
        by=pat, child=stage.child, stage_type="prevention"
    )
    assert set(Judgement.objects.filter(stage=prevention).values_list("kind", flat=True)) == {
        Kind.SERIOUS_HARM,
        Kind.SAFETY_WELLBEING,
    }


def test_a_stage_started_afresh_carries_nothing(stage, pat):
    make_everything(stage, pat)
    fresh = assessment_operations.start_stage(
        by=pat, child=stage.child, stage_type=FULL, carry_forward=False
    )
    assert not Judgement.objects.filter(stage=fresh).exists()
    assert not Concern.objects.filter(stage=fresh).exists()
    assert not events(stage.child, "judgements.carried_forward")


def test_nothing_to_carry_writes_no_event(stage, pat):
    assessment_operations.start_stage(by=pat, child=stage.child, stage_type="review")
    assert not events(stage.child, "judgements.carried_forward")


# Scoring models


def model_text(**changes: Any) -> str:
    data = yaml.safe_load(scoring.DEFAULT_MODEL_FILE.read_text(encoding="utf-8"))
    data.update(changes)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


YOGRS_LIKE = {
    "name": "Northshire test model",
    "version": "0.1",
    "label": {"en": "Northshire test model (not validated)", "cy": "Model prawf Northshire"},
    "intercepts": {"one_year": 0.5, "two_years": 1.0},
}


def test_a_malformed_model_file_is_refused_and_the_active_model_stays(administrator):
    by = actor(administrator)
    loaded = operations.load_scoring_model(by=by, text=model_text(**YOGRS_LIKE))
    broken = yaml.safe_load(model_text())
    del broken["bands"]

    with pytest.raises(scoring.ModelFileError, match="bands"):
        operations.load_scoring_model(by=by, text=yaml.safe_dump(broken))
    with pytest.raises(scoring.ModelFileError, match="not valid YAML"):
        operations.load_scoring_model(by=by, text="name: [unclosed\n")

    assert list(ScoringModelFile.objects.values_list("pk", "is_active")) == [(loaded.pk, True)]
    assert proposals.active_model().name == "Northshire test model"
    assert len(AuditEvent.objects.filter(event_type="judgements.scoring_model.loaded")) == 1


def test_a_valid_model_file_becomes_the_active_model(administrator, stage):
    by = actor(administrator)
    assert proposals.active_model().name == "OGRS3"
    first = operations.load_scoring_model(by=by, text=model_text(**YOGRS_LIKE))
    assert (first.name, first.version, first.is_active, first.loaded_by) == (
        "Northshire test model",
        "0.1",
        True,
        administrator.user,
    )
    assert proposals.active_model().label_in("en") == "Northshire test model (not validated)"
    detail = state(stage, Kind.REOFFENDING).proposal.detail
    assert detail["model"] == {"name": "Northshire test model", "version": "0.1"}

    second = operations.load_scoring_model(by=by, text=model_text(version="0.2"))
    first.refresh_from_db()
    assert (first.is_active, second.is_active) == (False, True)
    assert (proposals.active_model().name, proposals.active_model().version) == ("OGRS3", "0.2")
    [one, two] = AuditEvent.objects.filter(event_type="judgements.scoring_model.loaded").order_by(
        "id"
    )
    assert one.detail == {"name": "Northshire test model", "version": "0.1"}
    assert two.summary == "Loaded scoring model OGRS3 0.2"


def test_going_back_to_the_default_model(administrator):
    by = actor(administrator)
    operations.use_default_model(by=by)  # already the default: nothing to record
    assert not AuditEvent.objects.filter(event_type="judgements.scoring_model.loaded").exists()

    operations.load_scoring_model(by=by, text=model_text(**YOGRS_LIKE))
    operations.use_default_model(by=by)

    assert not ScoringModelFile.objects.filter(is_active=True).exists()
    assert proposals.active_model() == scoring.default_model()
    last = AuditEvent.objects.filter(event_type="judgements.scoring_model.loaded").last()
    assert last is not None
    assert last.detail == {"name": "OGRS3", "version": "2009.1", "default": True}


def test_a_judgement_made_with_another_model_names_it_after_the_default_returns(
    administrator, stage, pat
):
    operations.load_scoring_model(by=actor(administrator), text=model_text(**YOGRS_LIKE))
    made = decide(stage, pat, Kind.REOFFENDING)
    operations.use_default_model(by=actor(administrator))
    made.refresh_from_db()
    assert made.detail["model"] == {"name": "Northshire test model", "version": "0.1"}
    again = proposals.score_from_detail(made.detail)
    assert again is not None
    assert again.model.name == "Northshire test model"
    # The model behind the proposal moved, so the judgement rests on something that changed.
    assert Kind.REOFFENDING in flagged(stage)
