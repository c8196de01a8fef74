"""Dylan Fairbrother, 17 and a half: detention and training order for domestic burglary, release
in eight weeks, accommodation not secured, supervision passing to adult probation at 18. A
custody entry assessment, then resettlement planning in progress: his mum has since said he
cannot go home, which flags his safety and well-being judgement to reconfirm."""

from __future__ import annotations

import datetime as dt

from cairn.demo.plans import Case, ConcernPlan, JudgementPlan, StagePlan, days_before


def case(day: dt.date) -> Case:
    """The stages, `day` being the demo's today."""
    on = days_before(day)
    custody_entry = StagePlan(
        stage_type="custody_entry",
        started=125,
        ended=117,
        answers={
            "living_arrangements.lives_with": "custody",
            "living_arrangements.is_stable": "yes",
            "living_arrangements.moves": 1,
            "living_arrangements.expected_move": "yes",
            "living_arrangements.expected_move_details": "Release on notice of supervision at "
            "the halfway point, in about six months. He expects to go back to his mum's at "
            f"Ashdown Road (Dylan and mum, {on(123)}).",
            "living_arrangements.child_view": "Dylan says Oakwood is 'boring but fine'. He "
            "wants to go home to his mum and his room.",
            "family_relationships.relationships": "strained",
            "family_relationships.supervision": "not_applicable",
            "family_relationships.family_concerns": ["separation_loss"],
            "family_relationships.concern_details": "Frequent arguments with mum's partner "
            "since he moved in four years ago; Dylan has stayed at his nan's after rows (mum, "
            f"{on(123)}).",
            "family_relationships.important_people": "His mum, Lisa, who phones twice a week, "
            "and his nan, Pauline.",
            "family_relationships.parenting": "Mum is warm but says she 'gave up' setting rules "
            "when Dylan was 15; her partner and Dylan avoid each other.",
            "family_relationships.child_view": "Dylan says his mum is 'sound' and her partner "
            "'can't stand me'.",
            "significant_relationships.friends": "older",
            "significant_relationships.friends_details": "Before custody he spent time with two "
            "men aged 19 and 21 from Ashdown Road; one was charged with him in the first "
            "burglary (police summary).",
            "significant_relationships.partner": "no",
            "significant_relationships.trusted_adults": "The construction instructor at "
            "Oakwood, who he says 'treats me like a worker, not a kid'.",
            "significant_relationships.bullying": "none_known",
            "significant_relationships.child_view": "Dylan says the older lads 'had money and "
            "cars' and he wanted the same.",
            "education.progress": "going_well",
            "education.support": "Coloured overlays and extra time for dyslexia.",
            "education.going_well": "93% attendance on the Level 1 construction multi-skills "
            "course; he finished the tiling unit early.",
            "education.next_step": "He wants a Level 2 construction course at Northshire "
            "College after release; no place applied for yet.",
            "education.child_view": "Dylan says the course is 'the first thing at school I've "
            "been good at'.",
            "neighbourhood.area_concerns": ["anti_social"],
            "neighbourhood.area_details": "Burglary and car crime around Ashdown Road; the "
            "older lads he offended with live on the same street.",
            "neighbourhood.child_view": "Dylan says Ashdown Road is 'home' but 'everyone knows "
            "everyone's business'.",
            "lifestyle.free_time": "Before custody: gaming at night, sleeping in the day, and "
            "out with the older lads. In Oakwood: the gym and the course.",
            "lifestyle.online_concerns": ["overuse"],
            "lifestyle.online_details": "Gamed until 4 or 5am most nights before custody (mum).",
            "lifestyle.child_view": "Dylan says he 'lived on the Xbox'.",
            "physical_health.has_concerns": "no",
            "physical_health.parenthood": "no",
            "physical_health.child_view": "Dylan says he is fitter than ever from the gym.",
            "emotional_health.services": "no",
            "emotional_health.signs": ["low_mood"],
            "emotional_health.signs_details": "Withdrawn in his first week, staying in his room "
            f"(Oakwood key worker, {on(120)}); better since starting the course.",
            "emotional_health.self_harm": "no",
            "emotional_health.child_view": "Dylan says the first week was 'grim' but he is "
            "'getting on with it'.",
            "communication.observed": ["literacy"],
            "communication.observed_details": "Reads slowly and avoids written forms; "
            "understands well when things are explained.",
            "communication.what_helps": "Explain out loud, use coloured paper, and give "
            "written summaries in short bullet points.",
            "communication.child_view": "Dylan says 'just tell me, don't give me a form'.",
            "substance_use.substances": ["alcohol", "cannabis"],
            "substance_use.frequency": "stopped",
            "substance_use.details": "Drank and smoked cannabis at weekends with the older "
            "lads; none in custody.",
            "substance_use.linked_to_offending": "no",
            "substance_use.support": "not_needed",
            "substance_use.child_view": "Dylan says he 'only did it to fit in'.",
            "perception_of_self.identity": "Being a grafter who can 'fix anything'.",
            "perception_of_self.discrimination": "no",
            "perception_of_self.child_view": "Dylan says he is 'not a bad person, I just did "
            "bad stuff for money'.",
            "thinking_behaviour.behaviours": ["easily_led", "risk_taking"],
            "thinking_behaviour.behaviour_details": "Each burglary was with or for the older "
            "lads, at night, for money to spend with them.",
            "thinking_behaviour.coping": "Avoids problems: stays out or games all night after "
            "rows at home.",
            "thinking_behaviour.attitudes": "Now says burgling a house with a family asleep "
            "was 'the worst thing I've done'; earlier he thought 'they're insured'.",
            "thinking_behaviour.motivation": "preparing",
            "thinking_behaviour.child_view": "Dylan says he wants 'a proper job and my own "
            "money so I don't need them'.",
            "exploitation.forms": ["criminal"],
            "exploitation.concern_details": "The older lads took most of the money from the "
            "burglaries and told Dylan which houses to try (Dylan, interview).",
            "exploitation.goes_missing": "no",
            "exploitation.response": ["none_yet"],
            "exploitation.child_view": "Dylan says he 'wasn't made to' but 'they told me where "
            "to go'.",
            "life_events.changes_after": "Offending started the year mum's partner moved in; "
            "he spent less time at home and more with the older lads.",
            "life_events.child_view": "Dylan says things 'went wrong' when mum's partner moved in.",
            "offending.what_happened": "Two night-time burglaries of houses on nearby streets. "
            "In the second, the family were asleep upstairs; car keys were taken and the car "
            "driven away (police summary).",
            "offending.with_whom": "older",
            "offending.planning": "planned",
            "offending.weapon": "no",
            "offending.victims": ["specific"],
            "offending.victim_impact": "The family in the second house say their children will "
            "not sleep alone since; the first family lost jewellery of sentimental value "
            "(victim statements).",
            "offending.feelings": "Dylan says he was 'terrified' inside the house and 'felt "
            "sick' reading the victim statements.",
            "offending.history": "Youth caution at 14 for theft; referral order for a garage "
            "burglary; YRO for handling; now a DTO for two domestic burglaries.",
            "offending.other_behaviour": ["none_known"],
            "offending.child_view": "Dylan says the older lads 'picked the houses' and he went "
            "in. He wants to do a restorative meeting if the family agree.",
            "foundations_for_change.strengths": "Practical and hard-working: 93% attendance on "
            "the construction course and finished the tiling unit early. Polite with staff.",
            "foundations_for_change.goals": "A Level 2 construction course, then an "
            "apprenticeship, and his own flat.",
            "foundations_for_change.resilience": "Got through his first weeks in custody by "
            "throwing himself into the course.",
            "foundations_for_change.opportunities": "Northshire College takes Level 2 "
            "applications in spring; Oakwood can help with the application.",
            "foundations_for_change.engagement": "willing",
            "foundations_for_change.learning_style": "Hands-on, with things explained out loud.",
            "foundations_for_change.barriers": ["practical", "family"],
            "foundations_for_change.barrier_details": "Where he will live after release is not "
            "certain; conflict with mum's partner.",
            "foundations_for_change.child_view": "Dylan wants help with college and 'somewhere "
            "to live that isn't with him'.",
            "explanations.why_now": "The burglaries came as conflict at home pushed Dylan "
            "towards older men who had money and cars and who directed him. He wanted money "
            "and their approval; the offences escalated from garages to homes.",
            "explanations.interaction": "Conflict at home, the older men's influence and having "
            "nothing to do fed each other. The construction course shows what structure and "
            "being good at something do for him.",
            "explanations.patterns": "Offending has escalated over three years, always with "
            "older males and always for money, and rose after each row at home.",
            "explanations.desistance_factors": [
                {
                    "factor": "Construction course and a trade",
                    "direction": "for",
                    "strength": "strong",
                    "evidence": "93% attendance; wants Level 2 at college.",
                },
                {
                    "factor": "Older men who direct his offending",
                    "direction": "against",
                    "strength": "strong",
                    "evidence": "Every burglary was with or for them.",
                },
                {
                    "factor": "Uncertain home after release",
                    "direction": "against",
                    "strength": "moderate",
                    "evidence": "Conflict with mum's partner.",
                },
            ],
            "explanations.child_view": "Dylan agrees he 'did it for them and for money' and "
            "says the course has shown him he can earn it.",
        },
        concerns=(
            ConcernPlan(
                judgement="serious_harm",
                what="Confronts a householder during a night-time burglary and hurts them, or "
                "leaves them traumatised.",
                to_whom="public",
                to_whom_detail="Families in burgled homes",
                impact="serious",
                likelihood="possible",
                imminence="months",
                evidence="Burgled a house while the family slept; their children cannot sleep "
                "alone since.",
                answer_keys=("offending.what_happened", "offending.victim_impact"),
            ),
            ConcernPlan(
                judgement="safety_wellbeing",
                what="Low mood in custody, far from his family.",
                to_whom="the_child",
                impact="minor",
                likelihood="possible",
                imminence="weeks",
                evidence=f"Withdrawn in his first week (key worker, {on(120)}).",
                answer_keys=("emotional_health.signs_details",),
            ),
        ),
        judgements=(
            JudgementPlan(
                "reoffending",
                "high",
                "His offending has escalated from garages to family homes at night, each time "
                "with the same older men; the score cannot see that.",
            ),
            JudgementPlan("serious_harm", "medium"),
            JudgementPlan("safety_wellbeing", "low"),
            JudgementPlan("intervention_level", "intensive"),
        ),
    )
    transition = StagePlan(
        stage_type="transition",
        started=14,
        last_worked=1,
        confirm=("education", "neighbourhood", "physical_health", "communication"),
        answers={
            "living_arrangements.is_stable": "no",
            "living_arrangements.concerns": f"Mum said on {on(61)} that Dylan cannot come home "
            "because of the conflict with her partner.",
            "living_arrangements.expected_move_details": "Release in eight weeks. A housing "
            f"referral was made on {on(58)}; the supported lodgings assessment is booked but no "
            "place is confirmed. His nan can offer a sofa for a few nights only.",
            "living_arrangements.child_view": "Dylan says he is 'gutted' about home and "
            "worried he will 'end up on someone's sofa near the lads'.",
            "education.next_step": "Interview for Level 2 construction at Northshire College a "
            "week after release; the resettlement worker is arranging a bus pass.",
            "explanations.what_changed": "Settled at Oakwood and doing well on his course, but "
            "he has lost his home. Handover to Gareth Lowe, adult probation, is planned for "
            "his 18th birthday.",
        },
        concerns=(
            ConcernPlan(
                judgement="safety_wellbeing",
                what="Homeless on release, sofa-surfing near the older men who directed his "
                "offending.",
                to_whom="the_child",
                impact="serious",
                likelihood="likely",
                imminence="weeks",
                evidence=f"Mum cannot have him home ({on(61)}); no place confirmed; release in "
                "eight weeks.",
                answer_keys=(
                    "living_arrangements.concerns",
                    "living_arrangements.expected_move_details",
                ),
            ),
        ),
    )
    return Case(local_id="NOR-00007", stages=(custody_entry, transition))
