"""Priya Nair, 14: online fraud (gift cards) while being groomed online; strong academic record;
parents shocked and supportive. Protective factors outweigh the risk. A light out-of-court
assessment before her youth conditional caution."""

from __future__ import annotations

import datetime as dt

from cairn.demo.plans import Case, ConcernPlan, JudgementPlan, StagePlan, days_before


def case(day: dt.date) -> Case:
    """The stages, `day` being the demo's today."""
    on = days_before(day)
    out_of_court = StagePlan(
        stage_type="out_of_court",
        started=100,
        ended=90,
        answers={
            "living_arrangements.lives_with": "both_parents",
            "living_arrangements.is_stable": "yes",
            "living_arrangements.child_view": "Priya says home is 'lovely, just strict now'.",
            "family_relationships.relationships": "close",
            "family_relationships.supervision": "consistent",
            "family_relationships.family_concerns": ["none_known"],
            "family_relationships.child_view": "Priya says her parents were 'more shocked than "
            "angry' and she is ashamed she lied to them.",
            "education.progress": "going_well",
            "education.child_view": "Priya says school is 'the easy bit': she loves maths and "
            "attendance is 98%.",
            "exploitation.forms": ["online", "financial"],
            "exploitation.concern_details": "Groomed for about three months on a gaming app by "
            "an adult posing as a 15-year-old, who told her to buy gift cards with a "
            f"neighbour's card details and send the codes. Reported to police and CEOP ({on(98)}).",
            "exploitation.goes_missing": "no",
            "exploitation.child_view": "Priya says she thought he was her friend and was "
            "frightened of losing him. She has blocked him and says she would now tell her mum.",
            "offending.what_happened": f"Between {on(130)} and {on(122)} Priya bought £900 of "
            "gift cards online with her neighbour's card details, on the groomer's "
            "instructions, and sent him the codes (police summary).",
            "offending.with_whom": "older",
            "offending.weapon": "no",
            "offending.victims": ["specific", "known"],
            "offending.child_view": "Priya says 'I knew it was wrong but he said he'd stop "
            "talking to me'. She wants to pay her neighbour back and say sorry.",
            "offending.jdm_recommendation": "youth_conditional_caution",
            "offending.jdm_conditions": "Pay back £900 to her neighbour at £10 a week from her "
            "allowance, with her parents' agreement; a letter of apology; and six sessions on "
            "online safety and grooming with the youth worker, within four months.",
            "offending.jdm_reasons": "Priya admits the fraud and has not offended before. The "
            "loss was large and the victim is a neighbour who wants the money back, so a "
            "caution alone would not make amends; the conditions repay her and address how "
            "Priya was pressured online. She and her parents support them.",
            "foundations_for_change.strengths": "Top of her year in maths (won a regional maths "
            "challenge); honest once it came out; parents fully supportive.",
            "foundations_for_change.goals": "To study maths at university; this year, to get "
            "her neighbour's trust back.",
            "foundations_for_change.engagement": "fully",
            "foundations_for_change.barriers": ["none_known"],
            "foundations_for_change.child_view": "Priya wants help to 'spot people like him' "
            "and wants her mum at the online safety sessions.",
        },
        concerns=(
            ConcernPlan(
                judgement="safety_wellbeing",
                what="Groomed again online, for money or sexual images.",
                to_whom="the_child",
                impact="serious",
                likelihood="unlikely",
                imminence="months",
                evidence="Three months of grooming on a gaming app; now blocked and reported "
                "to CEOP; parents supervise her phone.",
                answer_keys=("exploitation.concern_details", "exploitation.child_view"),
            ),
        ),
        judgements=(
            JudgementPlan(
                "reoffending",
                "low",
                "No sanction yet, so no score. A first offence, directed by an adult groomer; "
                "strong family and school.",
            ),
            JudgementPlan("serious_harm", "low"),
            JudgementPlan(
                "safety_wellbeing",
                "low",
                "Her parents' phone rules, the block and the CEOP report make it unlikely the "
                "groomer reaches her again; she now says she would tell her mum.",
            ),
        ),
    )
    return Case(local_id="NOR-00010", stages=(out_of_court,))
