"""Countersigning: requests, decisions, who may decide, withdrawal on edit, the frozen stage,
comments and the policy."""

from __future__ import annotations

import pytest

from cairn.accounts import operations as account_operations
from cairn.assessment import extensions
from cairn.assessment import operations as assessment_operations
from cairn.assessment.tests import factories
from cairn.audit.models import AuditEvent
from cairn.judgements import operations as judgement_operations
from cairn.judgements.tests import arrange
from cairn.quality import operations, policy, queries
from cairn.quality.models import Sections, SignoffRequest

pytestmark = pytest.mark.django_db
Status = SignoffRequest.Status


def ask(stage, membership, sections=Sections.BOTH):
    return operations.request_signoff(
        by=factories.actor(membership), stage=stage, sections=sections
    )


def decide(request, membership, decision=Status.SIGNED_OFF, comment=""):
    return operations.decide(
        by=factories.actor(membership),
        membership=membership,
        request=request,
        decision=decision,
        comment=comment,
    )


def test_a_manager_who_did_not_write_the_stage_signs_it_off(stage, practitioner, manager):
    request = ask(stage, practitioner)
    assert request.status == Status.AWAITING
    assert request.revision_id == queries.last_revision_id(stage) > 0
    decided = decide(request, manager, comment="Clear and well evidenced")
    assert decided.status == Status.SIGNED_OFF
    assert decided.decided_by == manager.user
    assert AuditEvent.objects.filter(event_type="quality.signoff.signed_off").count() == 1
    assert extensions.frozen_reason(stage) == "signed off"
    # Pages that read the map's items learn the same from the sign-off item, without asking again.
    assert extensions.frozen_by(extensions.items_of(stage)) == "signed off"


def test_nobody_countersigns_their_own_request(stage, manager, practitioner):
    request = ask(stage, manager)
    with pytest.raises(operations.RefusedError) as refused:
        decide(request, manager)
    assert refused.value.reason == queries.Refusal.OWN_REQUEST
    assert SignoffRequest.objects.get(pk=request.pk).status == Status.AWAITING


def test_a_manager_who_wrote_an_answer_may_not_countersign(
    stage, practitioner, manager, other_manager
):
    question = factories.pick(
        kinds=("long_text",), where=lambda q: q.key != stage.answers.first().key
    )
    factories.answer(stage, question, "Written by the manager", by=factories.actor(manager))
    request = ask(stage, practitioner)
    with pytest.raises(operations.RefusedError) as refused:
        decide(request, manager)
    assert refused.value.reason == queries.Refusal.OWN_WORK
    assert decide(request, other_manager).status == Status.SIGNED_OFF


def test_a_manager_who_made_a_judgement_may_not_countersign(stage, practitioner, manager):
    arrange.decide(stage, factories.actor(manager), "safety_wellbeing", "low")
    request = ask(stage, practitioner)
    with pytest.raises(operations.RefusedError) as refused:
        decide(request, manager)
    assert refused.value.reason == queries.Refusal.OWN_WORK


def test_the_stage_author_may_not_countersign(child, manager, practitioner, other_manager):
    stage = factories.start(child, by=factories.actor(manager))
    factories.answer_everything_required(stage, by=factories.actor(practitioner))
    request = ask(stage, practitioner)
    with pytest.raises(operations.RefusedError):
        decide(request, manager)
    assert decide(request, other_manager).status == Status.SIGNED_OFF


def test_practitioners_and_other_organisations_cannot_decide(
    stage, practitioner, southmoor_manager, make_member, northshire
):
    colleague = make_member("cal.colleague", northshire, "practitioner")
    request = ask(stage, practitioner)
    for membership in (colleague, southmoor_manager):
        with pytest.raises(operations.RefusedError) as refused:
            decide(request, membership)
        assert refused.value.reason == queries.Refusal.ROLE


def test_changes_required_needs_a_comment_and_returns_the_stage(
    stage, practitioner, manager, text_question
):
    request = ask(stage, practitioner)
    with pytest.raises(operations.CommentRequiredError):
        decide(request, manager, Status.CHANGES_REQUIRED, "  ")
    decide(request, manager, Status.CHANGES_REQUIRED, "Say more about school")
    assert extensions.frozen_reason(stage) is None
    assert extensions.frozen_by(extensions.items_of(stage)) is None
    factories.answer(stage, text_question, "Now more detail", by=factories.actor(practitioner))
    again = ask(stage, practitioner)
    assert again.status == Status.AWAITING


def test_a_decided_request_cannot_be_decided_again(stage, practitioner, manager, other_manager):
    request = ask(stage, practitioner)
    decide(request, manager, Status.CHANGES_REQUIRED, "More please")
    with pytest.raises(operations.NotAwaitingError):
        decide(request, other_manager)


def test_only_one_request_awaits_at_a_time(stage, practitioner):
    ask(stage, practitioner)
    with pytest.raises(operations.AlreadyAwaitingError):
        ask(stage, practitioner)


def test_editing_after_a_request_withdraws_it(stage, practitioner, manager, text_question):
    request = ask(stage, practitioner)
    factories.answer(stage, text_question, "Changed my mind", by=factories.actor(practitioner))
    request.refresh_from_db()
    assert request.status == Status.WITHDRAWN
    assert request.note
    assert AuditEvent.objects.filter(event_type="quality.signoff.withdrawn").exists()
    with pytest.raises(operations.NotAwaitingError):
        decide(request, manager)


def test_a_judgement_edit_withdraws_the_request_too(stage, practitioner):
    request = ask(stage, practitioner)
    arrange.decide(stage, factories.actor(practitioner), "safety_wellbeing", "low")
    request.refresh_from_db()
    assert request.status == Status.WITHDRAWN


def test_a_signed_off_stage_refuses_answers_and_judgements(
    stage, practitioner, manager, text_question
):
    decide(ask(stage, practitioner), manager)
    with pytest.raises(assessment_operations.StageFrozenError):
        factories.answer(stage, text_question, "Too late", by=factories.actor(practitioner))
    with pytest.raises(assessment_operations.StageFrozenError):
        arrange.decide(stage, factories.actor(practitioner), "safety_wellbeing", "low")
    with pytest.raises(assessment_operations.StageFrozenError):
        ask(stage, practitioner)
    with pytest.raises(assessment_operations.StageFrozenError):
        judgement_operations.add_concern(
            by=factories.actor(practitioner),
            stage=stage,
            judgement="safety_wellbeing",
            data=arrange.concern_input(),
        )


def test_the_countersigner_sees_only_what_changed_since_changes_were_asked_for(
    stage, practitioner, manager, text_question
):
    first = ask(stage, practitioner)
    changes = queries.changes_for(first, queries.baseline_of(first))
    assert text_question.key in [change.key for change in changes]
    decide(first, manager, Status.CHANGES_REQUIRED, "More detail")
    factories.answer(stage, text_question, "More detail now", by=factories.actor(practitioner))
    second = ask(stage, practitioner)
    baseline = queries.baseline_of(second)
    assert baseline.kind == Status.CHANGES_REQUIRED
    [change] = queries.changes_for(second, baseline)
    assert (change.old, change.new) == ("Lives with his mother and sister.", "More detail now")


def test_comments_are_threaded_and_resolvable(stage, practitioner, manager, text_question):
    request = ask(stage, practitioner)
    by_manager = factories.actor(manager)
    comment = operations.add_comment(
        by=by_manager,
        stage=stage,
        key=text_question.key,
        text="Who else lives there?",
        request=request,
    )
    reply = operations.add_comment(
        by=factories.actor(practitioner),
        stage=stage,
        key="ignored",
        text="An older brother, sometimes",
        request=request,
        parent=comment,
    )
    assert reply.parent == comment
    assert reply.key == text_question.key
    assert queries.open_notes(stage) == {text_question.key: ["Mo Tester: Who else lives there?"]}
    assert extensions.notes_of(stage)[text_question.key]
    operations.resolve_comment(by=by_manager, comment=reply)
    comment.refresh_from_db()
    assert comment.resolved_at is not None
    assert comment.resolved_by == manager.user
    assert queries.open_notes(stage) == {}
    operations.resolve_comment(by=by_manager, comment=comment, resolved=False)
    assert queries.open_notes(stage) == {text_question.key: ["Mo Tester: Who else lives there?"]}


def test_comments_do_not_withdraw_the_request(stage, practitioner, manager):
    request = ask(stage, practitioner)
    operations.add_comment(
        by=factories.actor(manager), stage=stage, key="planning", text="Fine", request=request
    )
    request.refresh_from_db()
    assert request.status == Status.AWAITING


def test_by_default_pre_sentence_stages_and_high_ratings_need_countersigning(
    child, stage, practitioner
):
    """A new organisation has no policy of its own: the default asks for manager oversight."""
    assert policy.policy_for(stage.organisation_id).is_default
    assert not policy.needs_countersigning(stage)
    arrange.decide(stage, factories.actor(practitioner), "safety_wellbeing", "high", "Seen")
    assert policy.needs_countersigning(stage)
    [item] = [i for i in extensions.items_of(stage) if i.key == "quality:signoff"]
    assert item.is_required
    pre_sentence = factories.start(child, stage_type="pre_sentence", carry_forward=False)
    assert policy.needs_countersigning(pre_sentence)


def test_a_new_organisation_gets_the_default(make_child, administrator):
    fresh = account_operations.save_organisation(
        by=factories.actor(administrator),
        organisation=None,
        data={"name": "Eastvale Youth Justice Service", "code": "eastvale", "kind": "yjs"},
    )
    found = policy.policy_for(fresh.pk)
    assert found.is_default
    assert (found.stage_types, found.minimum_rating) == (frozenset({"pre_sentence"}), "high")
    stage = factories.start(make_child(fresh), stage_type="pre_sentence")
    [item] = [i for i in extensions.items_of(stage) if i.key == "quality:signoff"]
    assert item.is_required


def test_an_organisation_can_choose_to_require_nothing(stage, practitioner, manager):
    operations.set_policy(
        by=factories.actor(manager),
        organisation_id=stage.organisation_id,
        stage_types=[],
        minimum_rating="",
    )
    arrange.decide(stage, factories.actor(practitioner), "safety_wellbeing", "very_high", "Seen")
    assert not policy.policy_for(stage.organisation_id).is_default
    assert not policy.needs_countersigning(stage)


def test_an_organisation_sets_its_own_policy(stage, practitioner, manager):
    operations.set_policy(
        by=factories.actor(manager),
        organisation_id=stage.organisation_id,
        stage_types=["out_of_court"],
        minimum_rating="",
    )
    assert policy.needs_countersigning(stage)
    operations.set_policy(
        by=factories.actor(manager),
        organisation_id=stage.organisation_id,
        stage_types=[],
        minimum_rating="medium",
    )
    assert not policy.needs_countersigning(stage)
    arrange.decide(stage, factories.actor(practitioner), "safety_wellbeing", "medium", "Seen")
    assert policy.needs_countersigning(stage)
    assert AuditEvent.objects.filter(event_type="quality.policy.changed").count() == 2
    with pytest.raises(ValueError):
        operations.set_policy(
            by=factories.actor(manager),
            organisation_id=stage.organisation_id,
            stage_types=[],
            minimum_rating="low",
        )


def test_a_required_signoff_blocks_completion_until_signed_off(stage, practitioner, manager):
    operations.set_policy(
        by=factories.actor(manager),
        organisation_id=stage.organisation_id,
        stage_types=["out_of_court"],
        minimum_rating="",
    )
    [item] = [i for i in extensions.items_of(stage) if i.key == "quality:signoff"]
    assert item.is_required
    assert item.is_outstanding
    decide(ask(stage, practitioner), manager)
    [item] = [i for i in extensions.items_of(stage) if i.key == "quality:signoff"]
    assert not item.is_outstanding


def test_the_queue_lists_what_awaits_in_the_organisation_oldest_first(
    stage, child, practitioner, manager, make_child, southmoor, other_practitioner
):
    first = ask(stage, practitioner)
    second_child = make_child(child.organisation, given_name="Lee")
    second_stage = factories.start(second_child, by=factories.actor(practitioner))
    factories.answer_everything_required(second_stage, by=factories.actor(practitioner))
    second = ask(second_stage, practitioner)
    elsewhere = factories.start(make_child(southmoor), by=factories.actor(other_practitioner))
    factories.answer_everything_required(elsewhere, by=factories.actor(other_practitioner))
    ask(elsewhere, other_practitioner)
    assert list(queries.queue(manager)) == [first, second]


def test_comments_show_beside_answers_even_when_the_map_was_read_before_the_request(
    stage, practitioner, manager
):
    key = stage.answers.first().key
    assert extensions.items_of(stage)  # the map finds no request on this stage object
    assert extensions.notes_of(stage) == {}
    request = ask(stage, practitioner)
    operations.add_comment(
        by=factories.actor(manager), stage=stage, key=key, text="Say more", request=request
    )
    notes = extensions.notes_of(stage)
    assert [text.endswith("Say more") for text in notes[key]] == [True]
