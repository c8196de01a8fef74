"""Maya Szymańska, 12: prevention referral from school. Autistic, with sensory needs, anxious in
new places; no offences. A light prevention assessment that does not criminalise her and leads
with school support."""

from __future__ import annotations

import datetime as dt

from cairn.demo.plans import Case, ConcernPlan, JudgementPlan, StagePlan, days_before


def case(day: dt.date) -> Case:
    """The stages, `day` being the demo's today."""
    on = days_before(day)
    prevention = StagePlan(
        stage_type="prevention",
        started=30,
        ended=18,
        answers={
            "living_arrangements.lives_with": "both_parents",
            "living_arrangements.is_stable": "yes",
            "living_arrangements.child_view": "Maya says home is 'my safe place', especially "
            "her bedroom with the blackout blind. The baby crying 'hurts my ears'.",
            "family_relationships.relationships": "close",
            "family_relationships.supervision": "consistent",
            "family_relationships.family_concerns": ["none_known"],
            "family_relationships.child_view": "Maya says her mum 'understands me best' and her "
            "dad makes her laugh. She likes her baby brother 'when he's quiet'.",
            "education.progress": "serious_difficulties",
            "education.difficulties": "Two suspensions this year: a chair thrown in a noisy "
            "classroom and a pupil pushed in a crowded corridor. Now on mornings only; "
            f"attendance 71% (head of year, {on(28)}).",
            "education.child_view": "Maya says school is 'too loud at lunch' and she goes to "
            "the library to get away. She likes art and wants to keep her art teacher.",
            "thinking_behaviour.behaviours": ["temper"],
            "thinking_behaviour.behaviour_details": "Every incident followed noise, crowds or a "
            "sudden change: a supply teacher, a fire drill, lesson changeover. Ten minutes in "
            f"the quiet room calms her (head of year, {on(28)}).",
            "thinking_behaviour.child_view": "Maya says 'my head gets too full and then my "
            "body does stuff'. She wants a card to leave the room without asking.",
            "exploitation.forms": ["none_known"],
            "exploitation.goes_missing": "no",
            "exploitation.child_view": "Maya says she only goes to school, home and her "
            "grandparents' house, and feels safe in all three.",
            "foundations_for_change.strengths": "A talented artist who draws detailed comics; "
            "honest and kind; knows what helps her and can say so.",
            "foundations_for_change.goals": "To stay at Northshire Academy, go back full time "
            "'when it's quieter', and make comics.",
            "foundations_for_change.engagement": "willing",
            "foundations_for_change.barriers": ["anxiety", "communication"],
            "foundations_for_change.barrier_details": "New places and people make her anxious. "
            "Sending a photo of the worker and the room first, and meeting at home, worked "
            f"for the first visit ({on(29)}).",
            "foundations_for_change.child_view": "Maya wants help to 'make school quieter' and "
            "wants her mum and her art teacher to help.",
        },
        concerns=(
            ConcernPlan(
                judgement="safety_wellbeing",
                what="Excluded again after a meltdown, losing her school place and becoming "
                "isolated at home.",
                to_whom="the_child",
                impact="moderate",
                likelihood="possible",
                imminence="months",
                evidence="Two suspensions in seven months; mornings only while support is set up.",
                answer_keys=("education.difficulties", "thinking_behaviour.behaviour_details"),
            ),
            ConcernPlan(
                judgement="serious_harm",
                what="Pushes or throws something when overwhelmed and hurts another pupil.",
                to_whom="child",
                to_whom_detail="Pupils nearby in class or corridors",
                impact="minor",
                likelihood="possible",
                imminence="months",
                evidence="Chair thrown and a pupil pushed this year; nobody was hurt.",
                answer_keys=("thinking_behaviour.behaviour_details",),
            ),
        ),
        judgements=(
            JudgementPlan("serious_harm", "low"),
            JudgementPlan("safety_wellbeing", "medium"),
        ),
    )
    return Case(local_id="NOR-00006", stages=(prevention,))
