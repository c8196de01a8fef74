"""Mason Tate, 14: accommodated under section 20 while his mum is in hospital; charged with
robbing another boy's phone, which he denies; on bail with a curfew. A bail assessment written
for his first hearing: it records the bail decision, not his account, and presumes nothing."""

from __future__ import annotations

import datetime as dt

from cairn.demo.plans import Case, ConcernPlan, JudgementPlan, StagePlan, days_before


def case(day: dt.date) -> Case:
    """The stages, `day` being the demo's today."""
    on = days_before(day)
    bail = StagePlan(
        stage_type="bail",
        started=49,
        ended=48,
        answers={
            "living_arrangements.lives_with": "foster_care",
            "living_arrangements.is_stable": "yes",
            "living_arrangements.moves": 1,
            "living_arrangements.expected_move": "yet_to_clarify",
            "living_arrangements.expected_move_details": "Children's Services are working "
            "towards Mason going home when his mum is well; no date yet (Priti Shah, social "
            f"worker, {on(49)}).",
            "living_arrangements.child_view": "Mason says the Wards are 'kind' and he can stay "
            "there, but he wants to go home to his mum.",
            "family_relationships.relationships": "mostly_positive",
            "family_relationships.supervision": "consistent",
            "family_relationships.family_concerns": ["parent_mental_health", "separation_loss"],
            "family_relationships.concern_details": "Accommodated under section 20 a year ago "
            "when his mum went into hospital for her mental health. He visits her weekly.",
            "family_relationships.child_view": "Mason says he worries about his mum 'all the "
            "time' and the visits are 'the best bit of the week'.",
            "education.progress": "some_difficulties",
            "education.difficulties": f"Attendance 76%; literacy support (school, {on(49)}). "
            "On the waiting list for an ADHD assessment.",
            "education.child_view": "Mason says he likes PE and 'hates reading stuff'.",
            "exploitation.forms": ["criminal"],
            "exploitation.concern_details": "The co-accused is 17 and known to police for "
            "robberies of younger children; Mason started spending time with him after moving "
            f"placement (police, {on(49)}).",
            "exploitation.goes_missing": "no",
            "exploitation.child_view": "Mason says the older boy is 'just someone I know'.",
            "offending.what_happened": f"Mason is charged with robbing a 14-year-old of his "
            f"phone in Willow Park on {on(50)}, with an older boy. He denies it and has "
            "pleaded not guilty; trial is listed (charge sheet).",
            "offending.with_whom": "older",
            "offending.weapon": "no",
            "offending.victims": ["specific"],
            "offending.bail_circumstances": "First hearing at Northshire Youth Court on "
            f"{on(48)}: Mason pleaded not guilty and the trial is listed. The prosecution asked "
            "for a curfew because the co-accused is known for robberies of younger children. "
            "Bail was granted with a 7pm to 7am curfew at his foster placement, no contact with "
            "the co-accused and not to enter the shopping precinct; the Wards agreed to the "
            "curfew at court (court record). Mason was not asked about the alleged offence.",
            "foundations_for_change.strengths": "Good at sport and gentle with younger "
            "children in his placement; visits his mum every week.",
            "foundations_for_change.goals": "To go home to his mum and play for a football team.",
            "foundations_for_change.engagement": "willing",
            "foundations_for_change.barriers": ["communication"],
            "foundations_for_change.barrier_details": "Reading is hard for him; go through the "
            "bail conditions aloud, with Janet Ward present.",
            "foundations_for_change.child_view": "Mason wants help to understand his bail and "
            "to join a football club.",
        },
        concerns=(
            ConcernPlan(
                judgement="safety_wellbeing",
                what="Drawn into robberies or other offending by an older boy while worried "
                "about his mum.",
                to_whom="the_child",
                impact="moderate",
                likelihood="possible",
                imminence="months",
                evidence="Spends time with a 17-year-old known for robberies (police); mum in "
                "hospital.",
                answer_keys=(
                    "exploitation.concern_details",
                    "family_relationships.concern_details",
                ),
            ),
        ),
        judgements=(
            JudgementPlan(
                "reoffending",
                "low",
                "No sanction, so no score: one community resolution, and he denies the charge.",
            ),
            JudgementPlan("serious_harm", "low"),
            JudgementPlan("safety_wellbeing", "medium"),
        ),
    )
    return Case(local_id="NOR-00011", stages=(bail,))
