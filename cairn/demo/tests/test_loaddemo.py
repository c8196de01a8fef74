"""`manage.py loaddemo` on an empty database: every demo child gets an assessment history written
through the real operations, on dates that fit their story, and loading again writes nothing.

The demo takes seconds to load, so it is loaded (twice) once for this module, inside a
transaction rolled back at the end; each test runs in a savepoint within it.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from cairn.assessment import completion, extensions
from cairn.assessment import queries as assessment_queries
from cairn.assessment.models import Answer, AnswerRevision, SectionMark, Stage
from cairn.audit.models import AuditEvent
from cairn.framework import catalogue as catalogues
from cairn.judgements import queries as judgement_queries
from cairn.judgements.models import Concern, Judgement
from cairn.quality import policy
from cairn.quality.models import SignoffRequest
from cairn.records.models import Child

pytestmark = pytest.mark.django_db

FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def counts() -> dict[str, int]:
    return {
        "children": Child.objects.count(),
        "stages": Stage.objects.count(),
        "answers": Answer.objects.count(),
        "revisions": AnswerRevision.objects.count(),
        "section marks": SectionMark.objects.count(),
        "judgements": Judgement.objects.count(),
        "concerns": Concern.objects.count(),
        "audit events": AuditEvent.objects.count(),
    }


@dataclass(frozen=True)
class Loaded:
    first_summary: str
    second_summary: str
    after_first: dict[str, int]
    after_second: dict[str, int]
    real_now_after: dt.datetime


def load() -> str:
    out = io.StringIO()
    call_command("loaddemo", stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def loaded(django_db_setup: None, django_db_blocker: Any) -> Iterator[Loaded]:
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=FAST_HASHER, CAIRN_DEMO=True),
        transaction.atomic(),
    ):
        first = load()
        after_first = counts()
        second = load()
        yield Loaded(first, second, after_first, counts(), timezone.now())
        transaction.set_rollback(True)


def stages() -> list[Stage]:
    return list(Stage.objects.select_related("child", "child__case_worker").order_by("id"))


def test_loaddemo_writes_every_childs_history_on_an_empty_database(loaded: Loaded) -> None:
    assert "16 children added" in loaded.first_summary
    assert "written for 16 children" in loaded.first_summary
    assert loaded.after_first["children"] == 16
    assert loaded.after_first["stages"] >= 20
    assert loaded.after_first["judgements"] >= 50
    assert loaded.after_first["concerns"] >= 25


def test_loading_again_writes_nothing(loaded: Loaded) -> None:
    assert loaded.after_second == loaded.after_first
    assert "0 children added" in loaded.second_summary
    assert "0 stages written for 0 children" in loaded.second_summary


def test_the_clock_is_real_again_after_loading(loaded: Loaded) -> None:
    assert abs(timezone.now() - loaded.real_now_after) < dt.timedelta(minutes=10)
    assert Stage.objects.filter(started_at__gt=timezone.now()).count() == 0


def test_every_demo_child_has_at_least_one_stage(loaded: Loaded) -> None:
    without = Child.objects.filter(stages__isnull=True)
    assert list(without.values_list("local_id", flat=True)) == []


def test_stages_are_written_by_the_childs_case_worker_and_audited(loaded: Loaded) -> None:
    for stage in stages():
        assert stage.started_by_id == stage.child.case_worker_id
        assert AuditEvent.objects.filter(
            event_type="assessment.stage.started", object_type="Stage", object_id=str(stage.pk)
        ).exists()
    answered = AnswerRevision.objects.filter(note__in=["", "corrected"]).count()
    recorded = AuditEvent.objects.filter(event_type="assessment.answer.recorded").count()
    assert answered == recorded > 500
    decided = AuditEvent.objects.filter(event_type="judgements.decided").count()
    assert decided >= Judgement.objects.filter(carried_from__isnull=True).count()


def test_stage_dates_fit_together(loaded: Loaded) -> None:
    now = timezone.now()
    catalogue = catalogues.load()
    for stage in stages():
        started = timezone.localdate(stage.started_at)
        assert stage.started_at < now, stage
        due_days = catalogue.stage(stage.stage_type).due_days
        assert stage.due_date == started + dt.timedelta(days=due_days), stage
        end = stage.ended_at or now
        if stage.status == Stage.Status.COMPLETED:
            assert stage.started_at < stage.ended_at < now, stage
        for revision in stage.revisions.all():
            assert stage.started_at <= revision.at <= end, (stage, revision.key)
        for judgement in Judgement.objects.filter(stage=stage, carried_from__isnull=True):
            assert stage.started_at < judgement.decided_at <= end, (stage, judgement.kind)
        for mark in stage.section_marks.all():
            assert stage.started_at < mark.marked_at <= end, (stage, mark.section)
        for concern in stage.concerns.all():
            assert stage.started_at <= concern.created_at <= end, (stage, concern.what)
        if stage.previous_id:
            assert stage.previous.ended_at is not None
            assert stage.previous.ended_at < stage.started_at, stage


def test_each_child_has_the_stages_their_story_calls_for(loaded: Loaded) -> None:
    def types(local_id: str) -> list[tuple[str, str]]:
        return [
            (stage.stage_type, stage.status)
            for stage in Stage.objects.filter(child__local_id=local_id).order_by("started_at")
        ]

    assert types("NOR-00001") == [("out_of_court", "completed")]  # Kai: first caution
    assert types("NOR-00003") == [("pre_sentence", "completed"), ("review", "in_progress")]
    assert types("NOR-00005") == [("custody_entry", "completed")]  # Tyler: remanded
    assert types("NOR-00006") == [("prevention", "completed")]  # Maya: no offences
    assert ("transition", "in_progress") in types("NOR-00007")  # Dylan: release planning


def test_every_completed_stage_is_complete_with_its_judgements(loaded: Loaded) -> None:
    completed = [stage for stage in stages() if stage.status == Stage.Status.COMPLETED]
    assert len(completed) >= 14
    for stage in completed:
        catalogue = catalogues.load(stage.catalogue_version)
        values = assessment_queries.values_of(stage)
        progress = completion.progress(catalogue, stage.stage_type, stage.depth, values)
        assert [q.key for q in progress.required_missing] == [], stage
        assert extensions.outstanding(stage) == [], stage
        review = judgement_queries.review(stage)
        for state in review:
            assert state.is_made, (stage.child.local_id, stage, state.kind)
            assert not state.to_reconfirm, (stage.child.local_id, stage, state.kind, state.changes)
        assert set(stage.section_marks.values_list("section", flat=True)) == {
            section.key
            for section, _depth in completion.stage_sections(
                catalogue, stage.stage_type, stage.depth
            )
        }


def test_completed_stages_that_need_countersigning_are_signed_off_by_a_manager(
    loaded: Loaded,
) -> None:
    """The demo follows the default policy: pre-sentence stages and any stage rated high or
    above were sent for sign-off by the case worker and signed off by mo.manager before they
    were completed (none of them is Mo's own work)."""
    completed = [stage for stage in stages() if stage.status == Stage.Status.COMPLETED]
    needing = [stage for stage in completed if policy.needs_countersigning(stage)]
    assert any(stage.stage_type == "pre_sentence" for stage in needing)
    assert any(stage.stage_type != "pre_sentence" for stage in needing)  # rated high
    for stage in needing:
        latest = SignoffRequest.objects.filter(stage=stage).order_by("-requested_at").first()
        assert latest is not None, (stage.child.local_id, stage.stage_type)
        assert latest.status == SignoffRequest.Status.SIGNED_OFF
        assert latest.requested_by_id == stage.child.case_worker_id
        assert latest.decided_by_id != stage.child.case_worker_id
        assert latest.decided_at is not None
        assert stage.ended_at is not None
        assert latest.decided_at <= stage.ended_at
        assert latest.decided_by.username == "mo.manager"
    assert not SignoffRequest.objects.exclude(stage__in=needing).exists()


def test_full_stages_name_desistance_factors_for_and_against(loaded: Loaded) -> None:
    full = [s for s in stages() if s.depth == Stage.Depth.FULL and not s.previous_id]
    assert len(full) >= 9
    for stage in full:
        factors = assessment_queries.values_of(stage).get("explanations.desistance_factors")
        assert factors, stage.child.local_id
        assert {factor["direction"] for factor in factors} == {"for", "against"}
        for factor in factors:
            assert factor["factor"]
            assert factor["evidence"]
            assert factor["strength"] in {"weak", "moderate", "strong"}


def test_risk_judgements_rest_on_specific_concerns(loaded: Loaded) -> None:
    for judgement in Judgement.objects.filter(kind__in=["serious_harm", "safety_wellbeing"]):
        concerns = Concern.objects.filter(stage=judgement.stage, judgement=judgement.kind)
        if judgement.rating != "low":
            assert concerns.exists(), (judgement.stage, judgement.kind)
    for concern in Concern.objects.select_related("stage"):
        assert concern.evidence
        assert concern.what
        keys = set(Answer.objects.filter(stage=concern.stage).values_list("key", flat=True))
        assert set(concern.answer_keys) <= keys, (concern.stage, concern.what)


def test_ratings_that_differ_from_the_proposal_give_a_reason(loaded: Loaded) -> None:
    differing = [j for j in Judgement.objects.all() if j.differs or not j.proposed]
    assert len(differing) >= 5
    for judgement in differing:
        if judgement.kind == "reoffending" and judgement.proposed == "very_high":
            continue  # very high counts as high
        assert judgement.reason, (judgement.stage, judgement.kind)


def test_at_least_one_judgement_is_to_reconfirm(loaded: Loaded) -> None:
    flagged = {
        (stage.child.local_id, state.kind): [change.name for change in state.changes]
        for stage in stages()
        if stage.is_open
        for state in judgement_queries.review(stage)
        if state.to_reconfirm
    }
    # Jordan's review: sentenced since the pre-sentence judgement, and his cannabis use changed.
    assert "current_sanction_date" in flagged[("NOR-00003", "reoffending")]
    assert "substance_use.details" in flagged[("NOR-00003", "safety_wellbeing")]
    # Dylan's resettlement: his mum said he cannot go home.
    assert "living_arrangements.is_stable" in flagged[("NOR-00007", "safety_wellbeing")]
    # Sophie's pre-sentence stage: her low mood worsened after the judgement was made in it.
    assert "emotional_health.signs_details" in flagged[("NOR-00008", "safety_wellbeing")]


def test_a_light_stage_in_progress_has_sections_left(loaded: Loaded) -> None:
    open_light = [s for s in stages() if s.is_open and s.depth == Stage.Depth.LIGHT]
    assert open_light
    for stage in open_light:
        catalogue = catalogues.load(stage.catalogue_version)
        values = assessment_queries.values_of(stage)
        progress = completion.progress(
            catalogue,
            stage.stage_type,
            stage.depth,
            values,
            marked=assessment_queries.marked_sections(stage),
        )
        states = {section.section.key: section.state for section in progress.sections}
        assert completion.SectionState.COMPLETE in states.values()
        assert completion.SectionState.REQUIRED_MISSING in states.values()


def test_text_is_short_enough_for_a_one_page_summary(loaded: Loaded) -> None:
    strengths = Answer.objects.filter(key="foundations_for_change.strengths")
    assert strengths.count() >= 15
    for answer in strengths:
        assert len(answer.value) <= 250, answer.stage
    for concern in Concern.objects.all():
        assert len(concern.what) <= 160, concern.what
        assert len(concern.evidence) <= 200, concern.evidence
    for judgement in Judgement.objects.exclude(reason=""):
        assert len(judgement.reason) <= 220, judgement.reason
    for stage in stages():
        assert Concern.objects.filter(stage=stage).count() <= 5, stage
