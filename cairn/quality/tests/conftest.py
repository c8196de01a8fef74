"""Fixtures for countersigning: a stage the practitioner wrote, and managers to sign it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from cairn.accounts.models import Membership, Organisation, Team
from cairn.assessment.models import Stage
from cairn.assessment.tests import factories
from cairn.framework.schema import Question
from cairn.records.models import Child

Role = Membership.Role


@pytest.fixture
def other_manager(
    make_member: Callable[..., Membership], northshire: Organisation, north_team: Team
) -> Membership:
    return make_member("max.manager", northshire, Role.MANAGER, north_team)


@pytest.fixture
def southmoor_manager(
    make_member: Callable[..., Membership], southmoor: Organisation
) -> Membership:
    return make_member("sue.southmoor", southmoor, Role.MANAGER)


@pytest.fixture
def text_question() -> Question:
    return factories.pick(kinds=("long_text",))


@pytest.fixture
def stage(child: Child, practitioner: Membership, text_question: Question) -> Stage:
    """An out-of-court stage the practitioner started and wrote: every required question
    answered (so it may be sent for sign-off), and one long answer."""
    by = factories.actor(practitioner)
    stage = factories.start(child, by=by)
    factories.answer(stage, text_question, "Lives with his mother and sister.", by=by)
    factories.answer_everything_required(stage, by=by)
    return stage
