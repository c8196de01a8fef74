"""Rhys Pritchard, 13 (Southmoor): a Welsh-speaking family; a community resolution last year,
now a youth conditional caution for threatening a neighbour; his taid died six months ago. A
light out-of-court assessment, done in Welsh with Rhys and his parents."""

from __future__ import annotations

import datetime as dt

from cairn.demo.plans import Case, ConcernPlan, JudgementPlan, StagePlan, days_before


def case(day: dt.date) -> Case:
    """The stages, `day` being the demo's today."""
    on = days_before(day)
    out_of_court = StagePlan(
        stage_type="out_of_court",
        started=22,
        ended=12,
        answers={
            "living_arrangements.lives_with": "both_parents",
            "living_arrangements.is_stable": "yes",
            "living_arrangements.child_view": "Rhys says home is 'quiet now' since Taid died; "
            "Taid's house next door is empty and he does not like walking past it.",
            "family_relationships.relationships": "close",
            "family_relationships.supervision": "consistent",
            "family_relationships.family_concerns": ["separation_loss"],
            "family_relationships.concern_details": "His taid (grandfather), who lived next "
            "door and saw him every day, died suddenly six months ago. Mam says the whole "
            f"family is still grieving (home visit in Welsh, {on(20)}).",
            "family_relationships.child_view": "Rhys says Taid 'was the one I could talk to'. "
            "He says Mam and Dad are 'sad all the time'.",
            "education.progress": "some_difficulties",
            "education.difficulties": "Attendance fell from 97% to 88% after his taid died; he "
            f"no longer joins in at break (head of year, {on(19)}).",
            "education.child_view": "Rhys says Ysgol Gyfun Cwmderwen is 'fine' and he likes "
            "PE and Welsh, but he 'can't be bothered' with homework.",
            "exploitation.forms": ["none_known"],
            "exploitation.goes_missing": "no",
            "exploitation.child_view": "Rhys says he feels safe in the village.",
            "offending.what_happened": f"On {on(50)} Rhys shouted threats and swore at a "
            "neighbour who told him off for kicking a ball against her car, and kicked her "
            "gate. She was frightened and called the police (police summary).",
            "offending.with_whom": "alone",
            "offending.weapon": "no",
            "offending.victims": ["specific", "known"],
            "offending.child_view": "Rhys says he 'just lost it' and did not mean the threats. "
            "He was nervous about the restorative meeting but wants to say sorry.",
            "offending.jdm_recommendation": "youth_conditional_caution",
            "offending.jdm_conditions": "A restorative meeting with the neighbour if she "
            "agrees, and four sessions with the youth worker on managing anger, all in Welsh, "
            "within three months.",
            "offending.jdm_reasons": "Rhys admits the threats. He had a community resolution "
            "last year, so a second one would not mark the change; the neighbour wants an "
            "apology and to feel safe, which a restorative meeting can give, and the sessions "
            "address his anger. A charge would not fit an admitted, low-level offence.",
            "foundations_for_change.strengths": "A keen rugby player and proud Welsh speaker; "
            "close to his family; said sorry to the hall committee last year and meant it.",
            "foundations_for_change.goals": "To get back into the under-14s rugby squad and "
            "'be normal again'.",
            "foundations_for_change.engagement": "willing",
            "foundations_for_change.barriers": ["communication"],
            "foundations_for_change.barrier_details": "Welsh is his first language: every "
            "session, letter and plan in Welsh, with a Welsh-speaking youth worker.",
            "foundations_for_change.child_view": "Rhys wants help 'with being angry about Taid' "
            "and wants his mam involved.",
        },
        concerns=(
            ConcernPlan(
                judgement="safety_wellbeing",
                what="Grief for his taid turns into low mood and withdrawal, and he stops "
                "school and rugby.",
                to_whom="the_child",
                impact="moderate",
                likelihood="unlikely",
                imminence="months",
                evidence=f"Attendance down to 88%; no longer joins in at break (school, {on(19)}).",
                answer_keys=("education.difficulties", "family_relationships.concern_details"),
            ),
            ConcernPlan(
                judgement="serious_harm",
                what="Frightens or threatens a neighbour again when told off.",
                to_whom="known_adult",
                to_whom_detail="Neighbours in the village",
                impact="minor",
                likelihood="possible",
                imminence="months",
                evidence="Threats to a neighbour; graffiti last year.",
                answer_keys=("offending.what_happened",),
            ),
        ),
        judgements=(
            JudgementPlan("reoffending", "low"),
            JudgementPlan("serious_harm", "low"),
            JudgementPlan("safety_wellbeing", "low"),
        ),
    )
    return Case(local_id="SOU-00002", stages=(out_of_court,))
