"""Marcus Bell, 15: two assaults on his mother's partner, who is abusive to his mother. Domestic
abuse is the context: the explanation differs from the description, and the score alone
misleads. A completed start-of-order assessment for his referral order."""

from __future__ import annotations

import datetime as dt

from cairn.demo.plans import Case, ConcernPlan, JudgementPlan, StagePlan, days_before


def case(day: dt.date) -> Case:
    """The stages, `day` being the demo's today."""
    on = days_before(day)
    start_of_order = StagePlan(
        stage_type="start_of_order",
        started=57,
        ended=44,
        answers={
            "living_arrangements.lives_with": "relatives",
            "living_arrangements.is_stable": "yes",
            "living_arrangements.moves": 1,
            "living_arrangements.expected_move": "no",
            "living_arrangements.child_view": "Marcus says his nan's is 'calm' and he sleeps "
            "better there, but he worries about his mum and sister at home.",
            "family_relationships.relationships": "mostly_positive",
            "family_relationships.supervision": "consistent",
            "family_relationships.family_concerns": ["domestic_abuse", "separation_loss"],
            "family_relationships.concern_details": "His mum's partner, Wayne Doyle, has been "
            "violent to her; police have been called to the home several times in two years "
            f"and a MARAC referral was made ({on(88)}). Marcus saw the violence and tried to "
            "step in.",
            "family_relationships.important_people": "His nan, Beverley, who he lives with; "
            "his mum, Angela; his younger sister.",
            "family_relationships.parenting": "His nan sets clear, calm rules and he keeps "
            "them. His mum is supportive but frightened of her partner.",
            "family_relationships.child_view": "Marcus says 'I love my mum, I just can't watch "
            "him do that to her'.",
            "significant_relationships.friends": "not_offending",
            "significant_relationships.partner": "no",
            "significant_relationships.trusted_adults": "His boxing coach at Rowan ABC and his "
            "head of year.",
            "significant_relationships.bullying": "none_known",
            "significant_relationships.child_view": "Marcus says his friends 'don't know about "
            "home' and he wants to keep it that way.",
            "education.progress": "going_well",
            "education.going_well": "Attendance 89%; no behaviour incidents at school this "
            "year (head of year).",
            "education.child_view": "Marcus says school is 'fine, it's the one place nobody "
            "kicks off'.",
            "neighbourhood.area_concerns": ["none_known"],
            "neighbourhood.child_view": "Marcus says his nan's street is quiet.",
            "lifestyle.free_time": "Boxing training three evenings a week at Rowan ABC; games "
            "with friends at weekends.",
            "lifestyle.online_concerns": ["none_known"],
            "lifestyle.child_view": "Marcus says boxing 'gets the anger out the right way'.",
            "physical_health.has_concerns": "no",
            "physical_health.parenthood": "no",
            "physical_health.child_view": "Marcus says he is fit but does not sleep well.",
            "emotional_health.services": "waiting",
            "emotional_health.services_details": "Referred by his GP to a young people's "
            "counselling service for anger and sleep; first appointment not yet given.",
            "emotional_health.signs": ["anger", "sleep", "trauma"],
            "emotional_health.signs_details": "Lies awake listening for arguments, his nan "
            "says, even at her house. Gets angry when his mum's partner is mentioned.",
            "emotional_health.self_harm": "no",
            "emotional_health.child_view": "Marcus says he feels 'wound up all the time' "
            "about home.",
            "communication.observed": ["none_known"],
            "communication.what_helps": "Straight talking, one to one, away from the family.",
            "communication.child_view": "Marcus says he talks better 'walking, not sat in an "
            "office'.",
            "substance_use.substances": ["none_known"],
            "substance_use.child_view": "Marcus says he does not drink or smoke: 'I box.'",
            "perception_of_self.identity": "Being a protective big brother and a boxer.",
            "perception_of_self.discrimination": "no",
            "perception_of_self.views_of_others": "Gentle with his sister and protective of "
            "his mum; distrusts men in authority.",
            "perception_of_self.child_view": "Marcus says 'I'm not a violent person'.",
            "thinking_behaviour.behaviours": ["temper"],
            "thinking_behaviour.behaviour_details": "Both assaults were at home, when the "
            "partner was being violent to his mum. No violence at school or in the community.",
            "thinking_behaviour.coping": "Goes to his room and plays music loudly; twice he "
            "has stepped in and hit out.",
            "thinking_behaviour.attitudes": "Says violence is wrong 'unless you're protecting "
            "someone'.",
            "thinking_behaviour.motivation": "changing",
            "thinking_behaviour.child_view": "Marcus wants to learn to 'walk away without "
            "feeling like I've let her down'.",
            "exploitation.forms": ["none_known"],
            "exploitation.goes_missing": "no",
            "exploitation.child_view": "Marcus says he feels safe at his nan's.",
            "life_events.changes_after": "Sleep and mood got worse after the partner moved in "
            "two years ago.",
            "life_events.child_view": "Marcus says the partner moving in was 'when it all "
            "started'.",
            "offending.what_happened": f"On {on(91)} Marcus punched his mother's partner "
            "several times after the partner pushed his mother into a door, causing a cut "
            "eye (police summary). Police attended; Marcus went to his nan's.",
            "offending.with_whom": "alone",
            "offending.planning": "unplanned",
            "offending.weapon": "no",
            "offending.victims": ["known"],
            "offending.victim_impact": "The partner had a cut eye. He did not give a victim "
            "statement.",
            "offending.feelings": "Marcus says he was 'scared for mum', then 'just went', and "
            "afterwards felt 'shaky and not sorry'.",
            "offending.history": "A youth conditional caution eight months ago for an assault "
            "on the same man, also during violence to his mum.",
            "offending.other_behaviour": ["none_known"],
            "offending.child_view": "Marcus says he did it to protect his mum and would do it "
            "again, but he knows it could have gone worse.",
            "foundations_for_change.strengths": "Protective and caring; dedicated boxer who "
            "trains three times a week; no trouble at school.",
            "foundations_for_change.goals": "To box for the county and keep his mum safe.",
            "foundations_for_change.resilience": "His nan, boxing and school routine.",
            "foundations_for_change.opportunities": "His coach wants him to enter the junior "
            "championships; the domestic abuse service runs a group for young people.",
            "foundations_for_change.engagement": "fully",
            "foundations_for_change.learning_style": "Active sessions, walking and talking.",
            "foundations_for_change.barriers": ["family"],
            "foundations_for_change.barrier_details": "Any meeting where the partner could "
            "be present; see Marcus and his mum separately.",
            "foundations_for_change.child_view": "Marcus wants help to 'not lose it' and for "
            "someone to help his mum.",
            "explanations.why_now": "Both assaults came when Marcus saw his mother being hurt. "
            "He acted to protect her, with no plan and no other violence in his life.",
            "explanations.interaction": "Marcus's assaults happen only at home and only when his "
            "mother's partner is violent to her. Domestic abuse is the context, not a general "
            "tendency to violence: at school and in sport he is calm. A safety plan for his "
            "mother would reduce the situations in which he lashes out.",
            "explanations.patterns": "Two incidents, eight months apart, both during domestic "
            "abuse. None since he moved to his nan's.",
            "explanations.desistance_factors": [
                {
                    "factor": "Living with his nan",
                    "direction": "for",
                    "strength": "strong",
                    "evidence": "Calm home; no incidents since he moved.",
                },
                {
                    "factor": "Boxing and his coach",
                    "direction": "for",
                    "strength": "moderate",
                    "evidence": "Trains three evenings a week.",
                },
                {
                    "factor": "Domestic abuse towards his mum",
                    "direction": "against",
                    "strength": "strong",
                    "evidence": "Both assaults during violence to her.",
                },
            ],
            "explanations.child_view": "Marcus agrees it 'only happens when he's hurting mum' "
            "and wants help to keep her safe without fighting.",
        },
        concerns=(
            ConcernPlan(
                judgement="serious_harm",
                what="Seriously injures his mother's partner in a confrontation at home.",
                to_whom="known_adult",
                to_whom_detail="His mother's partner",
                impact="serious",
                likelihood="possible",
                imminence="months",
                evidence="Two assaults on him in eight months, both during violence to his mum.",
                answer_keys=(
                    "offending.what_happened",
                    "family_relationships.concern_details",
                ),
            ),
            ConcernPlan(
                judgement="safety_wellbeing",
                what="Hurt by his mother's partner if he steps in again, and harmed by living "
                "with domestic abuse.",
                to_whom="the_child",
                impact="serious",
                likelihood="possible",
                imminence="months",
                evidence=f"Police call-outs over two years; MARAC referral ({on(88)}); poor sleep.",
                answer_keys=(
                    "family_relationships.concern_details",
                    "emotional_health.signs_details",
                ),
            ),
        ),
        judgements=(
            JudgementPlan(
                "reoffending",
                "low",
                "Both offences were against one man during domestic abuse. Living with his nan "
                "removes that situation.",
            ),
            JudgementPlan("serious_harm", "medium"),
            JudgementPlan("safety_wellbeing", "medium"),
            JudgementPlan("intervention_level", "enhanced"),
        ),
    )
    return Case(local_id="NOR-00009", stages=(start_of_order,))
