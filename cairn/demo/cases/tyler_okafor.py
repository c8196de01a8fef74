"""Tyler Okafor, 17: remanded to Oakwood Secure Training Centre after a robbery with a knife.
Risk of serious harm to others high; strong bond with his older sister; good at maths. A
custody entry assessment completed by the YOT, which keeps the overall ratings."""

from __future__ import annotations

import datetime as dt

from cairn.demo.plans import Case, ConcernPlan, JudgementPlan, StagePlan, days_before


def case(day: dt.date) -> Case:
    """The stages, `day` being the demo's today."""
    on = days_before(day)
    custody_entry = StagePlan(
        stage_type="custody_entry",
        started=33,
        ended=25,
        answers={
            "living_arrangements.lives_with": "custody",
            "living_arrangements.is_stable": "yes",
            "living_arrangements.moves": 1,
            "living_arrangements.expected_move": "yet_to_clarify",
            "living_arrangements.child_view": "Tyler says Oakwood is 'better than I thought' "
            "and his room is quiet. He wants to go back to his mum's, not to the estate.",
            "family_relationships.relationships": "mostly_positive",
            "family_relationships.supervision": "not_applicable",
            "family_relationships.family_concerns": ["separation_loss"],
            "family_relationships.concern_details": "Dad lives in Manchester and phones about "
            f"once a month. Mum says Tyler 'changed' after he was robbed (mum, {on(31)}).",
            "family_relationships.important_people": "His sister Chioma, 23, who visits every "
            "week and 'tells me straight'. His mum, Grace, and his younger brother.",
            "family_relationships.parenting": "Mum set clear rules but could not stop him going "
            "out after the robbery; she asked the YOT for help a year ago.",
            "family_relationships.child_view": "Tyler says his family 'don't deserve this' and "
            "he wants his brother to stay out of trouble.",
            "significant_relationships.friends": "offending",
            "significant_relationships.friends_details": "A group of young men from Fenwick "
            "Gardens aged 17 to 20, two of them charged in the robbery. After his arrest, some "
            f"of them threatened a YJS worker (incident report, {on(34)}).",
            "significant_relationships.partner": "no",
            "significant_relationships.trusted_adults": "His maths teacher at Oakwood and his "
            "sister's partner, who works for a building firm.",
            "significant_relationships.bullying": "none_known",
            "significant_relationships.child_view": "Tyler says he cannot just stop seeing his "
            "friends: 'they're who I grew up with'. But he does not want to go back to 'that "
            "life'.",
            "education.progress": "going_well",
            "education.support": "Full-time education at Oakwood; maths and English GCSE classes.",
            "education.going_well": "Grade 7 in GCSE maths a year early. His Oakwood tutor "
            "calls him 'quick and precise' and he helps other boys with their work.",
            "education.next_step": "He wants an engineering apprenticeship; the careers adviser "
            "at Oakwood is looking at Level 2 courses he could start inside.",
            "education.child_view": "Tyler says maths is 'the one thing I'm good at' and he "
            "wants to be an engineer.",
            "neighbourhood.area_concerns": ["violence", "gangs", "feels_unsafe"],
            "neighbourhood.area_details": "Two stabbings near Fenwick Gardens last year and a "
            "dispute between groups from Fenwick and Westgate (police, September).",
            "neighbourhood.child_view": "Tyler says he 'can't walk through town' with the "
            "Westgate group about.",
            "lifestyle.free_time": "Before remand: out with the Fenwick group most evenings; "
            "went to the gym with his sister at weekends.",
            "lifestyle.online_concerns": ["harmful_content"],
            "lifestyle.online_details": "Group chats where rival groups post videos and threats "
            "about each other; he shared some (police, phone download).",
            "lifestyle.child_view": "Tyler says the videos are 'just talk' but admits they made "
            "him feel he 'had to carry'.",
            "physical_health.has_concerns": "no",
            "physical_health.parenthood": "no",
            "physical_health.child_view": "Tyler says his asthma is fine and he uses the gym "
            "every day.",
            "emotional_health.services": "no",
            "emotional_health.signs": ["trauma", "sleep"],
            "emotional_health.signs_details": "Since he was robbed and beaten 18 months ago he "
            "has been on edge in public and sleeps badly; Oakwood staff note he wakes at night.",
            "emotional_health.self_harm": "no",
            "emotional_health.child_view": "Tyler says he 'never felt safe' after he was robbed.",
            "communication.observed": ["none_known"],
            "communication.what_helps": "Direct, honest conversations; he likes to see the "
            "plan written down and to ask questions.",
            "communication.child_view": "Tyler says he wants people to 'tell me what's actually "
            "happening'.",
            "substance_use.substances": ["cannabis"],
            "substance_use.frequency": "stopped",
            "substance_use.details": "Smoked cannabis at weekends from 15; none since remand.",
            "substance_use.linked_to_offending": "no",
            "substance_use.support": "not_needed",
            "substance_use.child_view": "Tyler says cannabis 'was never a big thing'.",
            "perception_of_self.identity": "His family, his faith and being 'the clever one'.",
            "perception_of_self.discrimination": "yes",
            "perception_of_self.discrimination_details": "Says he has been stopped and searched "
            "'about ten times' since he was 14 and now expects to be treated as guilty.",
            "perception_of_self.child_view": "Tyler says he is 'not a robber, I'm a maths "
            "person who messed up'.",
            "thinking_behaviour.behaviours": ["risk_taking", "easily_led"],
            "thinking_behaviour.behaviour_details": "Carried a knife for about a month before "
            "the robbery 'for protection'. Went along with older friends on the night.",
            "thinking_behaviour.coping": "Keeps things to himself and goes to the gym; talks to "
            "his sister when it gets too much.",
            "thinking_behaviour.attitudes": "Says carrying a knife is 'normal' where he lives "
            "but was shaken to hear how frightened the victim was.",
            "thinking_behaviour.motivation": "preparing",
            "thinking_behaviour.child_view": "Tyler says he wants to 'never carry again' and to "
            "get away from the group.",
            "exploitation.forms": ["gang"],
            "exploitation.concern_details": "Older members of the Fenwick group pressured "
            "younger ones to 'stand with them' in the dispute with Westgate (police, "
            f"{on(32)}).",
            "exploitation.goes_missing": "no",
            "exploitation.response": ["strategy_meeting"],
            "exploitation.child_view": "Tyler says nobody forced him but 'you don't say no to "
            "them'.",
            "life_events.changes_after": "After he was robbed and beaten 18 months ago he "
            "stopped going out alone and started carrying a knife.",
            "life_events.child_view": "Tyler says being robbed 'changed everything'; the grade "
            "7 in maths is what he is proudest of.",
            "offending.what_happened": f"On {on(35)} Tyler and two others stopped a 19-year-old "
            "man in an underpass and took his phone and bank card. Tyler showed a kitchen knife "
            "in his waistband. He is charged with robbery and possession of a bladed article "
            "(police summary).",
            "offending.with_whom": "older",
            "offending.planning": "some",
            "offending.weapon": "yes",
            "offending.weapon_details": "A kitchen knife carried in his waistband and shown to "
            "the victim; not used to injure. He says he had carried it for about a month.",
            "offending.victims": ["specific"],
            "offending.victim_impact": "The victim was not injured but has not used the "
            "underpass since and has had panic attacks (victim statement).",
            "offending.feelings": "Tyler says he was 'scared and hyped' before, felt 'nothing' "
            "during, and 'sick' when he read the victim statement.",
            "offending.other_behaviour": ["none_known"],
            "offending.child_view": "Tyler says he did not plan to use the knife and that the "
            "others chose the victim. He wants to write to the man.",
            "foundations_for_change.strengths": "Gifted at maths (grade 7 GCSE a year early); "
            "helps others learn. Close to his sister, who visits every week.",
            "foundations_for_change.goals": "An engineering apprenticeship, and to move away "
            "from the estate with his sister's help.",
            "foundations_for_change.resilience": "His sister and the gym. Finished his referral "
            "order last year without breaching it.",
            "foundations_for_change.opportunities": "Oakwood's engineering taster; his sister's "
            "partner can introduce him to a building firm that takes apprentices.",
            "foundations_for_change.engagement": "willing",
            "foundations_for_change.learning_style": "Learns fast from clear explanations and "
            "problems to solve; likes written plans he can check.",
            "foundations_for_change.barriers": ["safety"],
            "foundations_for_change.barrier_details": "Will not travel through the town centre, "
            "where the Westgate group is; meet him at Oakwood or his sister's.",
            "foundations_for_change.child_view": "Tyler wants help 'to get out of the area' "
            "and with the apprenticeship. He wants Chioma at every meeting.",
            "explanations.why_now": "After being robbed 18 months ago Tyler felt unsafe and "
            "started carrying a knife. Pressure from older friends in a local dispute and "
            "online threats made carrying feel normal; the robbery came from that group.",
            "explanations.interaction": "Fear from his own victimisation, the group's "
            "expectations and the area's dispute feed each other. His family, his sister and "
            "his ability at maths are strong reasons to leave that life.",
            "explanations.patterns": "Offending began after he was robbed and has become more "
            "serious as his ties to the Fenwick group grew: cannabis, then a fight, now a "
            "robbery with a knife.",
            "explanations.desistance_factors": [
                {
                    "factor": "His sister Chioma",
                    "direction": "for",
                    "strength": "strong",
                    "evidence": "Visits every week; he listens to her.",
                },
                {
                    "factor": "Maths and the apprenticeship goal",
                    "direction": "for",
                    "strength": "moderate",
                    "evidence": "Grade 7 GCSE; engineering taster on offer.",
                },
                {
                    "factor": "Ties to the Fenwick group and the Westgate dispute",
                    "direction": "against",
                    "strength": "strong",
                    "evidence": "Co-defendants; threats after his arrest.",
                },
                {
                    "factor": "Carrying a knife for protection",
                    "direction": "against",
                    "strength": "moderate",
                    "evidence": "Carried one for a month; says it felt 'normal'.",
                },
            ],
            "explanations.child_view": "Tyler agrees the robbery 'changed how I see things' "
            "but says carrying was about safety, not about hurting anyone.",
        },
        concerns=(
            ConcernPlan(
                judgement="serious_harm",
                what="Stabs or seriously injures a young man from a rival group, or a robbery "
                "victim, with a knife.",
                to_whom="public",
                to_whom_detail="Young men in the Westgate dispute; robbery victims",
                impact="severe",
                likelihood="likely",
                imminence="months",
                evidence=f"Knife shown in a robbery on {on(35)}; carried for a month; online "
                "threats between groups.",
                answer_keys=(
                    "offending.weapon_details",
                    "lifestyle.online_details",
                    "neighbourhood.area_details",
                ),
            ),
            ConcernPlan(
                judgement="serious_harm",
                what="His peer group threatens or attacks a YJS worker on his behalf.",
                to_whom="staff",
                impact="serious",
                likelihood="possible",
                imminence="weeks",
                evidence=f"Threats to a YJS worker after his arrest (incident report, {on(34)}).",
                answer_keys=("significant_relationships.friends_details",),
            ),
            ConcernPlan(
                judgement="safety_wellbeing",
                what="Attacked by the Westgate group, in custody or after release.",
                to_whom="the_child",
                impact="serious",
                likelihood="possible",
                imminence="months",
                evidence="Robbed and beaten 18 months ago; area dispute ongoing (police).",
                answer_keys=("neighbourhood.area_details", "life_events.child_view"),
            ),
        ),
        judgements=(
            JudgementPlan(
                "reoffending",
                "medium",
                "The score counts only one previous sanction; a robbery with a knife while "
                "part of a group in a dispute makes further offending more likely than that.",
            ),
            JudgementPlan("serious_harm", "high"),
            JudgementPlan("safety_wellbeing", "medium"),
            JudgementPlan("intervention_level", "intensive"),
        ),
    )
    return Case(local_id="NOR-00005", stages=(custody_entry,))
