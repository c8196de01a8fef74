"""Connor Hughes, 16 (Southmoor): drink driving with no licence or insurance; a Saturday job at
a garage. A Southmoor case that Northshire staff must never see. A completed start-of-order
assessment for his referral order; the intervention level set below the proposal, with a
reason."""

from __future__ import annotations

import datetime as dt

from cairn.demo.plans import Case, ConcernPlan, JudgementPlan, StagePlan, days_before


def case(day: dt.date) -> Case:
    """The stages, `day` being the demo's today."""
    on = days_before(day)
    start_of_order = StagePlan(
        stage_type="start_of_order",
        started=128,
        ended=117,
        answers={
            "living_arrangements.lives_with": "parent_and_partner",
            "living_arrangements.is_stable": "yes",
            "living_arrangements.moves": 0,
            "living_arrangements.expected_move": "no",
            "living_arrangements.child_view": "Connor says home is 'sound' and his stepdad is "
            "'alright, he got me the garage job'.",
            "family_relationships.relationships": "close",
            "family_relationships.supervision": "consistent",
            "family_relationships.family_concerns": ["none_known"],
            "family_relationships.important_people": "His mum, Julie, and his stepdad, Mark "
            "Evans, who both came to court and the first panel meeting.",
            "family_relationships.parenting": "Clear rules and they keep him to them: his mum "
            "now collects him from parties. They took his moped keys after the offence.",
            "family_relationships.child_view": "Connor says his mum was 'gutted' and he hates "
            "letting her down.",
            "significant_relationships.friends": "mixed",
            "significant_relationships.friends_details": "College friends, and older lads from "
            "the car meets at the Moorside retail park; one of them lent him the car (police "
            "summary).",
            "significant_relationships.partner": "yes",
            "significant_relationships.partner_details": "Going out with a girl from college, "
            "also 16, for six months; her parents know Connor's.",
            "significant_relationships.trusted_adults": "Dai, the owner of Moorside Motors.",
            "significant_relationships.bullying": "none_known",
            "significant_relationships.child_view": "Connor says the car meet lads are 'just "
            "into cars' but he has stopped going.",
            "education.progress": "going_well",
            "education.going_well": "90% attendance on the Level 1 motor vehicle course at "
            "Southmoor College; Saturday job at Moorside Motors.",
            "education.next_step": "Level 2 motor vehicle from September; Dai has offered an "
            "apprenticeship when he is 17.",
            "education.child_view": "Connor says college is 'the best thing I've done'.",
            "neighbourhood.area_concerns": ["anti_social"],
            "neighbourhood.area_details": "Car meets with racing at the Moorside retail park "
            f"at weekends (Southmoor police, {on(125)}).",
            "neighbourhood.child_view": "Connor says there is 'nothing for young people except "
            "the car park'.",
            "lifestyle.free_time": "The Saturday job, working on his stepdad's old car in the "
            "drive, and seeing his girlfriend.",
            "lifestyle.online_concerns": ["none_known"],
            "lifestyle.child_view": "Connor says he 'lives for cars'.",
            "physical_health.has_concerns": "no",
            "physical_health.parenthood": "no",
            "physical_health.child_view": "Connor says he is healthy.",
            "emotional_health.services": "no",
            "emotional_health.signs": ["none_known"],
            "emotional_health.self_harm": "no",
            "emotional_health.child_view": "Connor says he is 'fine, just annoyed at myself'.",
            "communication.observed": ["none_known"],
            "communication.what_helps": "Practical examples; he likes things explained with cars.",
            "communication.child_view": "Connor says he is 'better doing than talking'.",
            "substance_use.substances": ["alcohol"],
            "substance_use.frequency": "occasionally",
            "substance_use.details": "Drinks at parties about once a month; had four cans "
            "before the offence.",
            "substance_use.linked_to_offending": "yes",
            "substance_use.support": "not_yet",
            "substance_use.child_view": "Connor says he 'didn't feel drunk' and now knows "
            "that is the point.",
            "perception_of_self.identity": "Being a mechanic and 'good with engines'.",
            "perception_of_self.discrimination": "no",
            "perception_of_self.child_view": "Connor says he is 'a grafter who did something "
            "stupid'.",
            "thinking_behaviour.behaviours": ["risk_taking"],
            "thinking_behaviour.behaviour_details": "Drove an older lad's car from a party to "
            "the car meet after drinking, to show off.",
            "thinking_behaviour.coping": "Works on cars and talks to his stepdad.",
            "thinking_behaviour.attitudes": "Thought drink driving was only dangerous 'if "
            "you're properly drunk'; shaken by the road safety session.",
            "thinking_behaviour.motivation": "changing",
            "thinking_behaviour.child_view": "Connor says 'never again: I want my licence'.",
            "exploitation.forms": ["none_known"],
            "exploitation.goes_missing": "no",
            "exploitation.child_view": "Connor says nobody pressures him.",
            "life_events.child_view": "Connor says getting the garage job was the best thing "
            "that has happened to him.",
            "offending.what_happened": f"At about 11pm on {on(152)} police stopped Connor "
            "driving an older friend's car on the Moorside retail park. He was over the "
            "limit, with no licence or insurance (police summary).",
            "offending.with_whom": "peers",
            "offending.planning": "unplanned",
            "offending.weapon": "no",
            "offending.victims": ["no_direct_victim"],
            "offending.feelings": "Connor says he felt 'like a legend' driving in, then "
            "'sick' when the police arrived.",
            "offending.other_behaviour": ["none_known"],
            "offending.child_view": "Connor says it was 'stupid' and he could have killed someone.",
            "foundations_for_change.strengths": "Hard-working and reliable at the garage and "
            "college; supportive mum and stepdad.",
            "foundations_for_change.goals": "An apprenticeship at Moorside Motors and his "
            "driving licence when the ban ends.",
            "foundations_for_change.resilience": "His family and work.",
            "foundations_for_change.opportunities": "The apprenticeship offer; a road safety "
            "course through the referral order.",
            "foundations_for_change.engagement": "fully",
            "foundations_for_change.learning_style": "Practical and visual.",
            "foundations_for_change.barriers": ["commitments"],
            "foundations_for_change.barrier_details": "College and work hours; sessions after "
            "4pm on weekdays.",
            "foundations_for_change.child_view": "Connor wants to get through the order and "
            "keep his apprenticeship offer.",
            "explanations.why_now": "Connor drove after drinking to impress older lads at a "
            "car meet. It was an impulsive, one-off decision, not a pattern.",
            "explanations.interaction": "His love of cars and the car meet culture led him "
            "here; the same interest, at college and the garage, is his way out.",
            "explanations.patterns": "No earlier offending or police contact.",
            "explanations.desistance_factors": [
                {
                    "factor": "College, the garage job and an apprenticeship offer",
                    "direction": "for",
                    "strength": "strong",
                    "evidence": "90% attendance; Dai's offer at 17.",
                },
                {
                    "factor": "Family support",
                    "direction": "for",
                    "strength": "strong",
                    "evidence": "Mum and stepdad at every meeting.",
                },
                {
                    "factor": "Car meets and older drivers",
                    "direction": "against",
                    "strength": "weak",
                    "evidence": "Says he has stopped going.",
                },
            ],
            "explanations.child_view": "Connor agrees it was about 'showing off' and says "
            "drink 'made me think I could'.",
        },
        concerns=(
            ConcernPlan(
                judgement="serious_harm",
                what="Drives after drinking and kills or seriously injures someone.",
                to_whom="public",
                impact="severe",
                likelihood="unlikely",
                imminence="months",
                evidence="Drove over the limit with no licence; disqualified for 12 months; "
                "says he has stopped going to car meets.",
                answer_keys=("offending.what_happened", "thinking_behaviour.behaviour_details"),
            ),
        ),
        judgements=(
            JudgementPlan("reoffending", "low"),
            JudgementPlan("serious_harm", "medium"),
            JudgementPlan("safety_wellbeing", "low"),
            JudgementPlan(
                "intervention_level",
                "standard",
                "A one-off offence; motivated, working and well supported. The road safety "
                "course and standard contact are enough.",
            ),
        ),
    )
    return Case(local_id="SOU-00001", stages=(start_of_order,))
