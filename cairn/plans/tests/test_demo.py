"""The demo's plans: built from what the stage found, through the operations, once."""

from __future__ import annotations

import pytest

from cairn.assessment.tests.factories import actor, events, start
from cairn.demo import intervention_plans
from cairn.plans import queries
from cairn.plans.tests.arrange import AGAINST, FOR, FULL, add_concern, with_factors

pytestmark = pytest.mark.django_db


def test_the_demo_builds_a_plan_covering_every_finding_once(child, practitioner):
    pat = actor(practitioner)
    stage = with_factors(start(child, pat, FULL), pat)
    concern = add_concern(stage, pat)  # rated high

    assert intervention_plans.write(pat, stage) == 3
    targets = queries.targets_of(stage)
    assert [(t.factor, t.concern_id) for t in targets] == [
        (AGAINST, None),
        (FOR, None),
        ("", concern.pk),
    ]
    assert not queries.unmanaged_high_concerns(stage)
    plan = queries.risk_plan(targets)
    assert [entry.action.kind for entry in plan.serious_harm] == ["external_control", "contingency"]
    assert len(events(stage.child, "plans.target.added")) == 3

    assert intervention_plans.write(pat, stage) == 0
