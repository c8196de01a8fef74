"""Sophie Lang, 16: harmful sexual behaviour towards a younger child; pre-sentence report stage;
her mother does not accept what happened. High sensitivity: careful, factual wording, details
kept in the restricted case file. A pre-sentence assessment in progress, judgements made, her
own view of the explanation still to be discussed."""

from __future__ import annotations

import datetime as dt

from cairn.demo.plans import Case, ConcernPlan, JudgementPlan, StagePlan, days_before


def case(day: dt.date) -> Case:
    """The stages, `day` being the demo's today."""
    on = days_before(day)
    pre_sentence = StagePlan(
        stage_type="pre_sentence",
        started=12,
        last_worked=2,
        answers={
            "living_arrangements.lives_with": "one_parent",
            "living_arrangements.is_stable": "yes",
            "living_arrangements.moves": 1,
            "living_arrangements.expected_move": "no",
            "living_arrangements.child_view": "Sophie says living at her dad's is 'quiet' and "
            "she has her own room. She misses her friends near her mum's.",
            "family_relationships.relationships": "strained",
            "family_relationships.supervision": "consistent",
            "family_relationships.family_concerns": ["separation_loss"],
            "family_relationships.concern_details": "Moved to her dad's four months ago under "
            "bail conditions. Her mum does not accept what happened and has not visited "
            f"(dad, {on(11)}).",
            "family_relationships.important_people": "Her dad, Andrew, who has come to every "
            "appointment; her best friend from school.",
            "family_relationships.parenting": "Dad keeps to the bail conditions carefully and "
            "knows where she is at all times. Conversations with mum are kept factual.",
            "family_relationships.child_view": "Sophie says her dad 'is trying' and that she "
            "does not know if her mum will 'ever speak to me properly again'.",
            "significant_relationships.friends": "not_offending",
            "significant_relationships.partner": "no",
            "significant_relationships.trusted_adults": "Her form tutor at Bramble Hill School.",
            "significant_relationships.bullying": "none_known",
            "significant_relationships.child_view": "Sophie says her best friend 'is the only "
            "one I can be normal with'.",
            "education.progress": "going_well",
            "education.going_well": "Attendance 88%; predicted good GCSE grades in English and "
            "biology.",
            "education.child_view": "Sophie says school is 'the only normal bit of my week'.",
            "neighbourhood.area_concerns": ["none_known"],
            "neighbourhood.child_view": "Sophie says she does not go out much near her dad's.",
            "lifestyle.free_time": "Reading, drawing and walks with her dad's dog. No youth "
            "clubs while the bail conditions apply.",
            "lifestyle.online_concerns": ["none_known"],
            "lifestyle.child_view": "Sophie says she 'mostly reads now'.",
            "physical_health.has_concerns": "no",
            "physical_health.parenthood": "no",
            "physical_health.child_view": "Sophie says she sleeps badly but is otherwise well.",
            "emotional_health.services": "waiting",
            "emotional_health.services_details": "Referred to CAMHS by her GP for low mood; on "
            "the waiting list. School counsellor weekly meanwhile.",
            "emotional_health.signs": ["low_mood", "sleep"],
            "emotional_health.signs_details": f"Dad says she is withdrawn and tearful ({on(11)}); "
            "she sleeps about five hours a night.",
            "emotional_health.self_harm": "no",
            "emotional_health.child_view": "Sophie says she feels 'ashamed all the time'.",
            "communication.observed": ["none_known"],
            "communication.what_helps": "Time to think before answering; written questions "
            "sent in advance.",
            "communication.child_view": "Sophie says she finds it easier to write things down.",
            "substance_use.substances": ["none_known"],
            "substance_use.child_view": "Sophie says she does not drink or use drugs.",
            "perception_of_self.identity": "Being a good student and a good friend.",
            "perception_of_self.discrimination": "no",
            "perception_of_self.child_view": "Sophie says she 'used to think I was a good person'.",
            "thinking_behaviour.behaviours": ["harmful_sexual"],
            "thinking_behaviour.behaviour_details": "The harmful sexual behaviour is set out in "
            "the restricted case file. No other concerning behaviour is known at home or "
            "school.",
            "thinking_behaviour.coping": "Withdraws to her room and reads.",
            "thinking_behaviour.attitudes": "Accepts what she did was wrong and harmful; finds "
            "it hard to talk about.",
            "thinking_behaviour.motivation": "preparing",
            "thinking_behaviour.child_view": "Sophie says she wants to 'understand why, so it "
            "never happens again'.",
            "exploitation.forms": ["none_known"],
            "exploitation.goes_missing": "no",
            "exploitation.child_view": "Sophie says she feels safe at her dad's.",
            "life_events.changes_after": "Since moving to her dad's she has kept up at school "
            "but stopped seeing most friends.",
            "offending.what_happened": "Sophie pleaded guilty to a sexual offence against a "
            "younger child. The details are in the restricted case file.",
            "offending.with_whom": "alone",
            "offending.planning": "yet_to_clarify",
            "offending.weapon": "no",
            "offending.victims": ["specific", "vulnerable"],
            "offending.victim_impact": "The child is supported by Children's Services. Their "
            "family's views are in the restricted case file.",
            "offending.feelings": "Sophie says she 'cannot explain' how she felt at the time "
            "and feels 'disgusted with myself' now.",
            "offending.other_behaviour": ["none_known"],
            "offending.child_view": "Sophie accepts what happened and says she is sorry. She "
            "finds it very hard to talk about.",
            "foundations_for_change.strengths": "Able student, honest in interviews, and has "
            "kept every bail condition. Her dad is steady and supportive.",
            "foundations_for_change.goals": "To finish her GCSEs and study biology.",
            "foundations_for_change.resilience": "Her dad, her best friend and school work.",
            "foundations_for_change.opportunities": "A specialist harmful sexual behaviour "
            "assessment (AIM3) is booked; school will keep her place.",
            "foundations_for_change.engagement": "willing",
            "foundations_for_change.learning_style": "Reflective; works best with written "
            "prompts and time to think.",
            "foundations_for_change.barriers": ["family"],
            "foundations_for_change.barrier_details": "Her mum's denial; keep mum informed in "
            "writing and separately.",
            "foundations_for_change.child_view": "Sophie wants help to 'understand it' and "
            "wants her dad involved.",
            "explanations.why_now": "Not yet clear. The AIM3 assessment will explore what led "
            "to the behaviour; family stress at her mum's home is one possible factor.",
            "explanations.interaction": "Her dad's supervision and her honesty are strong "
            "protection. Her mum's denial and her low mood make it harder for her to talk.",
            "explanations.patterns": "No earlier concerns at home, school or with police.",
            "explanations.desistance_factors": [
                {
                    "factor": "Her dad's supervision and support",
                    "direction": "for",
                    "strength": "strong",
                    "evidence": "Every bail condition kept for five months.",
                },
                {
                    "factor": "Accepts responsibility",
                    "direction": "for",
                    "strength": "moderate",
                    "evidence": "Guilty plea; open in interviews.",
                },
                {
                    "factor": "Her mum's denial",
                    "direction": "against",
                    "strength": "moderate",
                    "evidence": "Mum has not visited or accepted the plea.",
                },
            ],
        },
        concerns=(
            ConcernPlan(
                judgement="serious_harm",
                what="Further sexual harm to a younger child if she is unsupervised with children.",
                to_whom="child",
                to_whom_detail="Younger children",
                impact="serious",
                likelihood="possible",
                imminence="months",
                evidence="Guilty plea; no concerns since bail began. AIM3 assessment booked.",
                answer_keys=("offending.what_happened", "thinking_behaviour.behaviour_details"),
            ),
            ConcernPlan(
                judgement="safety_wellbeing",
                what="Low mood and shame deepen into self-harm, or she is targeted if the "
                "offence becomes known locally.",
                to_whom="the_child",
                impact="moderate",
                likelihood="possible",
                imminence="months",
                evidence=f"Withdrawn and tearful (dad, {on(11)}); on the CAMHS waiting list.",
                answer_keys=("emotional_health.signs_details",),
            ),
        ),
        judgements=(
            JudgementPlan(
                "reoffending",
                "low",
                "No sanction yet, so no score. No other offending; she has kept every bail "
                "condition.",
            ),
            JudgementPlan("serious_harm", "medium"),
            JudgementPlan("safety_wellbeing", "medium"),
            JudgementPlan("intervention_level", "enhanced"),
        ),
        later_answers={
            "emotional_health.signs_details": "Dad says she is withdrawn and tearful and has "
            f"stopped eating with him ({on(2)}); she sleeps about five hours a night. School "
            "counsellor told.",
        },
        mark_complete=(
            "living_arrangements",
            "family_relationships",
            "significant_relationships",
            "education",
            "neighbourhood",
            "lifestyle",
            "physical_health",
            "emotional_health",
            "communication",
            "substance_use",
        ),
    )
    return Case(local_id="NOR-00008", stages=(pre_sentence,))
