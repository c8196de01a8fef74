"""Dawit Tesfaye, 16: an unaccompanied child from Eritrea in supported lodgings; youth
conditional caution for affray after he and a friend were racially abused. A light
out-of-court assessment in progress, with a Tigrinya interpreter: half the sections done, the
rest still to do, so "what is left" has something to show."""

from __future__ import annotations

import datetime as dt

from cairn.demo.plans import Case, StagePlan, days_before


def case(day: dt.date) -> Case:
    """The stages, `day` being the demo's today."""
    on = days_before(day)
    out_of_court = StagePlan(
        stage_type="out_of_court",
        started=6,
        last_worked=2,
        answers={
            "living_arrangements.lives_with": "independent",
            "living_arrangements.is_stable": "yes",
            "living_arrangements.child_view": "Dawit says (through the interpreter) that Helen "
            "'is like an aunt' and his room is 'the first place I can sleep'.",
            "family_relationships.relationships": "broken_down",
            "family_relationships.supervision": "consistent",
            "family_relationships.family_concerns": ["separation_loss"],
            "family_relationships.concern_details": "No contact with his mother in Eritrea "
            "since he left; he does not know where his father is (Tom Bradley, social worker, "
            f"{on(5)}).",
            "family_relationships.child_view": "Dawit says he thinks about his mother every "
            "day and wants to find her.",
            "education.progress": "going_well",
            "education.child_view": "Dawit says college is 'very good' and he wants to pass "
            "his maths exam. Attendance is 94%.",
            "offending.what_happened": f"On {on(66)} a group of young people racially abused "
            "Dawit and a friend at the bus station; a fight followed in which Dawit punched "
            "one of them (police summary; CCTV).",
        },
    )
    return Case(local_id="NOR-00012", stages=(out_of_court,))
