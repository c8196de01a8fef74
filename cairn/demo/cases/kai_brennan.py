"""Kai Brennan, 14: first-time entrant, youth caution for shoplifting. The simplest case: one
light out-of-court assessment after the caution, done in minutes."""

from __future__ import annotations

import datetime as dt

from cairn.demo.plans import Case, ConcernPlan, JudgementPlan, StagePlan, days_before


def case(day: dt.date) -> Case:
    """The stages, `day` being the demo's today."""
    on = days_before(day)
    out_of_court = StagePlan(
        stage_type="out_of_court",
        started=54,
        ended=46,
        answers={
            "living_arrangements.lives_with": "one_parent",
            "living_arrangements.is_stable": "yes",
            "living_arrangements.child_view": "Kai says home is 'fine, just loud'. He shares a "
            "room with his younger brother and would like his own. He says he feels safe there.",
            "family_relationships.relationships": "mostly_positive",
            "family_relationships.supervision": "inconsistent",
            "family_relationships.family_concerns": ["separation_loss", "money_housing"],
            "family_relationships.concern_details": "Dad moved out just over a year ago after "
            f"the separation; Kai sees him some weekends. Mum (home visit, {on(52)}) says money "
            "is tight and she works until 6pm, so Kai and his brother are on their own after "
            "school most days.",
            "family_relationships.child_view": "Kai says he misses his dad and 'doesn't get why "
            "he just went'. He gets on with his mum but says she is always tired, and he looks "
            "after his brother after school.",
            "education.progress": "some_difficulties",
            "education.difficulties": "Attendance has fallen to 82%, mostly Mondays and Fridays "
            f"(head of year, {on(50)}). Two detentions this term for walking out of maths.",
            "education.child_view": "Kai says school is 'boring apart from PE' and that maths "
            "is 'pointless'. He would go more if he could do the sports leaders course.",
            "exploitation.forms": ["none_known"],
            "exploitation.goes_missing": "no",
            "exploitation.child_view": "Kai says nobody makes him do anything. He has not seen "
            "the older friend since the caution: 'Mum won't let me, and I don't want to.'",
            "offending.what_happened": f"On {on(71)} Kai and a 16-year-old friend took a pair "
            "of trainers worth £85 from a sports shop in Northshire town centre. Security staff "
            "stopped Kai at the door; the friend ran off. The trainers were recovered undamaged "
            "(police summary).",
            "offending.with_whom": "older",
            "offending.weapon": "no",
            "offending.victims": ["organisation"],
            "offending.child_view": "Kai says his friend 'dared him' and he 'didn't think about "
            "getting caught'. He says it was 'stupid' and wants to say sorry to the shop.",
            "offending.jdm_recommendation": "youth_caution",
            "offending.jdm_reasons": "Kai admits the theft. It is his first offence, but it "
            "was planned with an older friend who has been in trouble before. A youth caution, "
            "with the four voluntary sessions on peer pressure he has agreed to and a letter of "
            "apology to the shop, marks how serious it was and gets him support; a charge would "
            "not fit a first, admitted offence.",
            "foundations_for_change.strengths": "Talented footballer: trains twice a week at "
            "Larch Park Youth FC and was picked for the under-15s. Kind to his brother; his "
            "coach, Gary Holt, calls him a team player.",
            "foundations_for_change.goals": "To keep his place in the under-15s and one day "
            "coach. This year: attendance back above 90% so he can do the sports leaders course.",
            "foundations_for_change.engagement": "fully",
            "foundations_for_change.barriers": ["none_known"],
            "foundations_for_change.child_view": "Kai wants help 'saying no to mates without "
            "looking soft' and to keep playing football. He wants his coach and his mum "
            "involved, but not his dad.",
        },
        concerns=(
            ConcernPlan(
                judgement="safety_wellbeing",
                what="Left on his own after school, Kai is drawn back to older boys who shoplift "
                "and gets into trouble again.",
                to_whom="the_child",
                impact="minor",
                likelihood="possible",
                imminence="months",
                evidence=f"Unsupervised until 6pm most days (mum, {on(52)}); the offence was "
                "after school with a 16-year-old.",
                answer_keys=(
                    "family_relationships.supervision",
                    "family_relationships.concern_details",
                ),
            ),
        ),
        judgements=(
            JudgementPlan(
                "reoffending",
                "low",
                "First offence, admitted at once; football, his coach and his mum are strong "
                "protective factors.",
            ),
            JudgementPlan("serious_harm", "low"),
            JudgementPlan("safety_wellbeing", "low"),
        ),
    )
    return Case(local_id="NOR-00001", stages=(out_of_court,))
