"""Callum Reid, 17: care leaver with an acquired brain injury; detention and training order for
wounding with a bottle; released three months ago to a semi-independent flat; supervision
passes to adult probation at 18. Three stages: entering custody, planning his release, and the
handover to adult services now in progress."""

from __future__ import annotations

import datetime as dt

from cairn.demo.plans import Case, ConcernPlan, JudgementPlan, StagePlan, days_before


def case(day: dt.date) -> Case:
    """The stages, `day` being the demo's today."""
    on = days_before(day)
    custody_entry = StagePlan(
        stage_type="custody_entry",
        started=272,
        ended=264,
        answers={
            "living_arrangements.lives_with": "custody",
            "living_arrangements.is_stable": "yes",
            "living_arrangements.moves": 3,
            "living_arrangements.expected_move": "no",
            "living_arrangements.child_view": "Callum says Hollybank is 'loud and full of "
            "idiots' but he feels safe on his wing.",
            "family_relationships.relationships": "broken_down",
            "family_relationships.supervision": "not_applicable",
            "family_relationships.family_concerns": ["separation_loss", "parent_substance_use"],
            "family_relationships.concern_details": "Came into care at 12 after his dad died. "
            "His mum drinks heavily; contact is occasional and on Callum's terms (Amy Chen, "
            f"personal adviser, {on(270)}).",
            "family_relationships.important_people": "Amy Chen, his personal adviser, and his "
            "former foster carers, who still send cards.",
            "family_relationships.parenting": "No parent is involved day to day; the Leaving "
            "Care Team acts as corporate parent.",
            "family_relationships.child_view": "Callum says his mum is 'my mum, but I can't "
            "rely on her'.",
            "significant_relationships.friends": "offending",
            "significant_relationships.friends_details": "Before custody: a group of young men "
            "who drank at parties on the Mill Lane estate; the fight started among them.",
            "significant_relationships.partner": "no",
            "significant_relationships.trusted_adults": "Amy Chen and his former foster carer, "
            "Mrs Dale.",
            "significant_relationships.bullying": "none_known",
            "significant_relationships.child_view": "Callum says his friends 'aren't really "
            "friends, just people to drink with'.",
            "education.progress": "some_difficulties",
            "education.difficulties": "Memory problems since the head injury make classroom "
            f"work hard; he forgets what was taught the day before (Hollybank education, "
            f"{on(266)}).",
            "education.support": "EHCP: memory aids and written summaries of each session.",
            "education.child_view": "Callum says he 'can do it if someone writes it down'.",
            "neighbourhood.area_concerns": ["violence", "anti_social"],
            "neighbourhood.area_details": "Fights at house parties on the Mill Lane estate "
            "most weekends (police, last year).",
            "neighbourhood.child_view": "Callum says he does not want to go back to Mill Lane.",
            "lifestyle.free_time": "Before custody: parties and drinking at weekends, gaming in "
            "the week. In custody: the gym and cooking classes.",
            "lifestyle.online_concerns": ["none_known"],
            "lifestyle.child_view": "Callum says he 'just drank and gamed'.",
            "physical_health.has_concerns": "yes",
            "physical_health.concern_details": "Acquired brain injury from a road collision at "
            "11: memory and impulse control affected; headaches when tired.",
            "physical_health.parenthood": "no",
            "physical_health.child_view": "Callum says the headaches are 'just normal for me'.",
            "emotional_health.services": "past",
            "emotional_health.services_details": "CAMHS bereavement support after his dad died; "
            "closed at 14.",
            "emotional_health.signs": ["anger", "low_mood"],
            "emotional_health.signs_details": "Quick to anger when he feels disrespected; low "
            f"around the anniversary of his dad's death (Hollybank, {on(266)}).",
            "emotional_health.self_harm": "no",
            "emotional_health.child_view": "Callum says he 'goes from nothing to ten' when he "
            "is angry.",
            "communication.observed": ["expressing", "attention"],
            "communication.observed_details": "Struggles to find words when stressed; loses "
            "the thread in long conversations.",
            "communication.what_helps": "Appointments in writing and a text the day before; "
            "short sessions; a written summary to take away.",
            "communication.child_view": "Callum says 'write it down or I'll forget it'.",
            "substance_use.substances": ["alcohol", "cannabis"],
            "substance_use.frequency": "stopped",
            "substance_use.details": "Drank heavily at weekend parties and smoked cannabis "
            "occasionally; nothing since remand.",
            "substance_use.linked_to_offending": "yes",
            "substance_use.support": "current",
            "substance_use.child_view": "Callum says drink 'makes me worse' and he wants to "
            "stay off it.",
            "perception_of_self.identity": "Being independent and 'not needing anyone'.",
            "perception_of_self.discrimination": "no",
            "perception_of_self.child_view": "Callum says people see 'a thug', not 'someone "
            "whose brain doesn't work right'.",
            "thinking_behaviour.behaviours": ["impulsive", "temper"],
            "thinking_behaviour.behaviour_details": "Reacts in seconds to perceived insults, "
            "especially after drinking; two adjudications for arguments on the wing.",
            "thinking_behaviour.coping": "Walks away if he can; punches walls when he cannot.",
            "thinking_behaviour.attitudes": "Says the victim 'started it', but accepts using "
            "a bottle was 'way too far'.",
            "thinking_behaviour.motivation": "thinking",
            "thinking_behaviour.child_view": "Callum wants to 'stop drinking and stop fighting'.",
            "exploitation.forms": ["none_known"],
            "exploitation.goes_missing": "no",
            "exploitation.child_view": "Callum says nobody tells him what to do.",
            "life_events.changes_after": "After the head injury he became impulsive at school; "
            "after his dad died he went into care and started drinking.",
            "life_events.child_view": "Callum says losing his dad was the worst thing; the "
            "crash 'messed my head up'.",
            "offending.what_happened": f"On {on(335)}, outside a party on the Mill Lane estate, "
            "Callum hit a 19-year-old man with a bottle in a fight, cutting his face and neck. "
            "He had been drinking (police summary).",
            "offending.with_whom": "peers",
            "offending.planning": "unplanned",
            "offending.weapon": "yes",
            "offending.weapon_details": "A glass bottle picked up during the fight and used to "
            "strike the victim.",
            "offending.victims": ["specific"],
            "offending.victim_impact": "The victim needed stitches to his face and neck and "
            "has a lasting scar (victim statement).",
            "offending.feelings": "Callum says he was 'drunk and angry' and felt 'sick' when he "
            "saw the blood.",
            "offending.other_behaviour": ["paralleling"],
            "offending.other_behaviour_details": "Two adjudications at Hollybank for squaring "
            f"up to other boys (incident logs, {on(268)}).",
            "offending.child_view": "Callum says he 'didn't mean to hurt him that bad' and "
            "would like to say sorry.",
            "foundations_for_change.strengths": "Independent, a good cook, and honest about "
            "what went wrong. Keeps going at the gym and in cooking classes.",
            "foundations_for_change.goals": "A job in a kitchen and his own flat.",
            "foundations_for_change.resilience": "Got through his dad's death and years in "
            "care; Amy Chen has stuck with him.",
            "foundations_for_change.opportunities": "Hollybank's catering course; Northshire "
            "Works employability programme on release.",
            "foundations_for_change.engagement": "willing",
            "foundations_for_change.learning_style": "Practical, with written summaries and "
            "reminders.",
            "foundations_for_change.barriers": ["communication", "substance_use"],
            "foundations_for_change.barrier_details": "Forgets appointments; text reminders and "
            "appointments in writing help.",
            "foundations_for_change.child_view": "Callum wants help to find a flat and a job, "
            "and wants Amy involved.",
            "explanations.why_now": "The wounding happened when Callum was drunk at a party "
            "with young men he drinks with, in a moment of anger. His brain injury affects "
            "impulse control, and alcohol removes what control he has.",
            "explanations.interaction": "The brain injury, heavy drinking and a peer group "
            "that fights at parties feed each other. His honesty, cooking and Amy Chen's "
            "support are the foundations.",
            "explanations.patterns": "A caution at 15 for theft while drunk; then the wounding. "
            "Every incident involved alcohol.",
            "explanations.desistance_factors": [
                {
                    "factor": "Staying off alcohol",
                    "direction": "for",
                    "strength": "moderate",
                    "evidence": "No drinking since remand; on the substance use programme.",
                },
                {
                    "factor": "Amy Chen, his personal adviser",
                    "direction": "for",
                    "strength": "strong",
                    "evidence": "Visits monthly; he trusts her.",
                },
                {
                    "factor": "Impulsive anger linked to his brain injury",
                    "direction": "against",
                    "strength": "moderate",
                    "evidence": "Two adjudications; 'nothing to ten'.",
                },
            ],
            "explanations.child_view": "Callum agrees that drink 'is the problem' but does "
            "not think his head injury matters.",
        },
        concerns=(
            ConcernPlan(
                judgement="serious_harm",
                what="Seriously injures someone in a fight when drunk, with a bottle or "
                "whatever is to hand.",
                to_whom="public",
                to_whom_detail="Young men at parties",
                impact="severe",
                likelihood="possible",
                imminence="months",
                evidence=f"Wounding with a bottle on {on(335)}; adjudications in custody.",
                answer_keys=("offending.weapon_details", "thinking_behaviour.behaviour_details"),
            ),
            ConcernPlan(
                judgement="safety_wellbeing",
                what="Gets into fights in custody because of his impulsivity and memory "
                "problems, and is hurt.",
                to_whom="the_child",
                impact="moderate",
                likelihood="possible",
                imminence="weeks",
                evidence=f"Two adjudications for squaring up (incident logs, {on(268)}).",
                answer_keys=("offending.other_behaviour_details",),
            ),
        ),
        judgements=(
            JudgementPlan("reoffending", "medium"),
            JudgementPlan("serious_harm", "high"),
            JudgementPlan("safety_wellbeing", "medium"),
            JudgementPlan("intervention_level", "intensive"),
        ),
    )
    release = StagePlan(
        stage_type="transition",
        started=110,
        ended=96,
        confirm="all",
        answers={
            "living_arrangements.expected_move": "yes",
            "living_arrangements.expected_move_details": "Release on notice of supervision in "
            "a fortnight to a semi-independent flat at Harbour View, Dock Street, with staff on "
            f"site; arranged by the Leaving Care Team ({on(104)}).",
            "living_arrangements.child_view": "Callum says he 'can't wait' for his own flat and "
            "will not go back to Mill Lane.",
            "education.next_step": "A place on the Northshire Works employability programme "
            "from the week after release.",
            "thinking_behaviour.motivation": "changing",
            "explanations.what_changed": "No adjudications for six months. Completed alcohol "
            "awareness and victim awareness work and a catering course at Hollybank.",
        },
        concerns=(
            ConcernPlan(
                judgement="safety_wellbeing",
                what="Older men use his flat for drugs (cuckooing), taking advantage of his "
                "memory problems and living alone.",
                to_whom="the_child",
                impact="serious",
                likelihood="possible",
                imminence="months",
                evidence="Living alone for the first time; brain injury; Dock Street has known "
                "cuckooing (police).",
                answer_keys=(
                    "living_arrangements.expected_move_details",
                    "physical_health.concern_details",
                ),
            ),
        ),
        judgements=(
            JudgementPlan(
                "serious_harm",
                "medium",
                "Six months without violence and off alcohol; staff on site at the flat. "
                "The concern stands but is less likely while that holds.",
            ),
            JudgementPlan(
                "intervention_level",
                "intensive",
                "The first months after release, living alone for the first time, need the "
                "closest contact; review after three months.",
            ),
        ),
    )
    handover = StagePlan(
        stage_type="transition",
        started=9,
        last_worked=2,
        confirm=(
            "family_relationships",
            "significant_relationships",
            "education",
            "neighbourhood",
            "lifestyle",
            "physical_health",
            "emotional_health",
            "communication",
            "substance_use",
            "perception_of_self",
        ),
        answers={
            "living_arrangements.expected_move": "no",
            "living_arrangements.child_view": "Callum says the flat is 'mine' and he likes "
            "cooking for himself.",
            "explanations.what_changed": "Three months since release: no new offences, 80% "
            "attendance at Northshire Works, two appointments missed (memory). Turns 18 soon: "
            f"handover meeting with adult probation booked for {on(-14)}.",
        },
    )
    return Case(local_id="NOR-00013", stages=(custody_entry, release, handover))
