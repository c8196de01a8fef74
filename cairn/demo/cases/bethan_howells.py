"""Bethan (Beth) Howells, 15 (Southmoor): a youth rehabilitation order for assaulting another
girl after school; ADHD; a managed move to a new school; a risk-to-staff alert. A completed
start-of-order assessment and a three-month review in progress."""

from __future__ import annotations

import datetime as dt

from cairn.demo.plans import Case, ConcernPlan, JudgementPlan, StagePlan, days_before


def case(day: dt.date) -> Case:
    """The stages, `day` being the demo's today."""
    on = days_before(day)
    start_of_order = StagePlan(
        stage_type="start_of_order",
        started=118,
        ended=104,
        answers={
            "living_arrangements.lives_with": "one_parent",
            "living_arrangements.is_stable": "yes",
            "living_arrangements.moves": 0,
            "living_arrangements.expected_move": "no",
            "living_arrangements.child_view": "Beth says the flat is 'too small with my "
            "brothers' but she has her own room.",
            "family_relationships.relationships": "mostly_positive",
            "family_relationships.supervision": "inconsistent",
            "family_relationships.family_concerns": ["separation_loss"],
            "family_relationships.concern_details": "Parents separated three years ago; she "
            "sees her dad every other weekend. Mum works shifts and Beth is often out until "
            f"late (mum, {on(115)}).",
            "family_relationships.important_people": "Her mum, Rachel, and her older brother.",
            "family_relationships.parenting": "Mum is loving but tired and finds it hard to "
            "set limits; dad is stricter at weekends.",
            "family_relationships.child_view": "Beth says her mum 'lets me do what I want' and "
            "her dad 'goes on at me'.",
            "significant_relationships.friends": "mixed",
            "significant_relationships.friends_details": "A group of girls from her old "
            "school who post about fights online; the assault was filmed by one of them.",
            "significant_relationships.partner": "no",
            "significant_relationships.trusted_adults": "Her key adult at Castell Park School, "
            "Mr Hughes.",
            "significant_relationships.bullying": "both",
            "significant_relationships.bullying_details": "Called names online by the victim's "
            "friends since the assault; earlier, she and her friends targeted the victim in "
            "group chats.",
            "significant_relationships.child_view": "Beth says her friends 'have my back' but "
            "that 'it all kicks off online'.",
            "education.progress": "some_difficulties",
            "education.difficulties": "Managed move to Castell Park School five months ago; "
            f"attendance 74%; two removals from lessons for shouting (school, {on(112)}).",
            "education.support": "Individual development plan for her additional learning "
            "needs (ADHD), kept by Castell Park School: movement breaks, a key adult and short "
            "tasks.",
            "education.child_view": "Beth says the new school is 'better, they don't treat me "
            "like a psycho'.",
            "neighbourhood.area_concerns": ["anti_social"],
            "neighbourhood.area_details": "Groups of teenagers gather at Glanrhyd shops in the "
            "evenings.",
            "neighbourhood.child_view": "Beth says there is 'nothing to do' near the flat.",
            "lifestyle.free_time": "Out with friends at the shops most evenings; on her phone "
            "late at night.",
            "lifestyle.online_concerns": ["bullying", "harmful_content"],
            "lifestyle.online_details": "Fight videos shared in group chats; abuse between her "
            "friends and the victim's friends since the assault.",
            "lifestyle.child_view": "Beth says she 'can't just leave the group chat'.",
            "physical_health.has_concerns": "no",
            "physical_health.parenthood": "no",
            "physical_health.child_view": "Beth says she is fine when she takes her tablets.",
            "emotional_health.services": "current",
            "emotional_health.services_details": "ADHD reviewed every six months by the "
            "community paediatrician.",
            "emotional_health.signs": ["anger"],
            "emotional_health.signs_details": "Flares up quickly when she feels disrespected; "
            "calms with space and calm, direct words.",
            "emotional_health.self_harm": "no",
            "emotional_health.child_view": "Beth says she 'goes off like a firework'.",
            "communication.observed": ["attention"],
            "communication.observed_details": "Fidgets and loses focus after about 20 minutes.",
            "communication.what_helps": "Short sessions with movement; one task at a time.",
            "communication.child_view": "Beth says 'let me walk about and I'll listen'.",
            "substance_use.substances": ["nicotine"],
            "substance_use.child_view": "Beth says she vapes 'a bit' and does not drink.",
            "perception_of_self.identity": "Being loyal and 'not taking any rubbish'.",
            "perception_of_self.discrimination": "no",
            "perception_of_self.child_view": "Beth says people think she is 'trouble' but she "
            "is 'a good mate'.",
            "thinking_behaviour.behaviours": ["temper", "impulsive"],
            "thinking_behaviour.behaviour_details": "Threw a chair at a teacher last year; the "
            "assault followed an online argument the night before.",
            "thinking_behaviour.coping": "Shouts or storms out; calms quickly with space.",
            "thinking_behaviour.attitudes": "At first said the victim 'deserved it'; now says "
            "she went 'too far'.",
            "thinking_behaviour.motivation": "thinking",
            "thinking_behaviour.child_view": "Beth wants to 'stop reacting to everything'.",
            "exploitation.forms": ["none_known"],
            "exploitation.goes_missing": "no",
            "exploitation.child_view": "Beth says she feels safe.",
            "life_events.child_view": "Beth says her parents splitting up was 'rubbish' but "
            "the new school is a fresh start.",
            "offending.what_happened": f"On {on(183)}, after school, Beth punched and kicked "
            "another girl, causing a cut lip and bruising, after an argument online; she "
            "threatened the girl's friends. It was filmed and shared (police summary).",
            "offending.with_whom": "peers",
            "offending.planning": "some",
            "offending.weapon": "no",
            "offending.victims": ["specific"],
            "offending.victim_impact": "The girl was off school for a week and moved tutor "
            "group (victim statement).",
            "offending.feelings": "Beth says she was 'wound up all night' and felt 'bad' when "
            "she saw the video.",
            "offending.history": "Youth caution last year for theft from a market stall; this "
            "is her first violence.",
            "offending.other_behaviour": ["formal_measures"],
            "offending.other_behaviour_details": "Two suspensions and a managed move for a "
            "chair thrown and a fight at school.",
            "offending.child_view": "Beth says the girl 'started it online' but she should "
            "not have hit her.",
            "foundations_for_change.strengths": "Loyal, funny and energetic; good at netball; "
            "responds well to her key adult.",
            "foundations_for_change.goals": "To finish school and become a PE teacher.",
            "foundations_for_change.resilience": "Netball and her dad's weekends.",
            "foundations_for_change.opportunities": "Castell Park's netball team; the activity "
            "requirement can be done at a sports centre.",
            "foundations_for_change.engagement": "willing",
            "foundations_for_change.learning_style": "Active, short and practical.",
            "foundations_for_change.barriers": ["none_known"],
            "foundations_for_change.child_view": "Beth wants help with her temper and wants "
            "to play netball again.",
            "explanations.why_now": "The assault came after a night of online abuse between "
            "two groups of girls. Beth's ADHD makes it hard for her to stop and think, and "
            "the group expected her to 'sort it'.",
            "explanations.interaction": "Late nights online, little supervision and a group "
            "that films fights feed each other. Her new school, netball and her key adult are "
            "helping.",
            "explanations.patterns": "Incidents follow online arguments and peak when she "
            "has not taken her medication.",
            "explanations.desistance_factors": [
                {
                    "factor": "New school and her key adult",
                    "direction": "for",
                    "strength": "moderate",
                    "evidence": "Says staff 'don't treat me like a psycho'.",
                },
                {
                    "factor": "Online conflict between friendship groups",
                    "direction": "against",
                    "strength": "strong",
                    "evidence": "Assault followed online abuse; still ongoing.",
                },
            ],
            "explanations.child_view": "Beth agrees the group chats 'wind everyone up'.",
        },
        concerns=(
            ConcernPlan(
                judgement="serious_harm",
                what="Assaults another girl in a fight after an online argument.",
                to_whom="child",
                to_whom_detail="Girls in the rival friendship group",
                impact="moderate",
                likelihood="likely",
                imminence="months",
                evidence="Assault after online abuse; group chat abuse continues.",
                answer_keys=("offending.what_happened", "lifestyle.online_details"),
            ),
            ConcernPlan(
                judgement="safety_wellbeing",
                what="Targeted online or attacked by the victim's friends in retaliation.",
                to_whom="the_child",
                impact="moderate",
                likelihood="possible",
                imminence="months",
                evidence="Called names online since the assault.",
                answer_keys=("significant_relationships.bullying_details",),
            ),
        ),
        judgements=(
            JudgementPlan(
                "reoffending",
                "medium",
                "The online conflict that led to the assault is still going on; the score "
                "cannot see it.",
            ),
            JudgementPlan("serious_harm", "medium"),
            JudgementPlan("safety_wellbeing", "medium"),
            JudgementPlan("intervention_level", "enhanced"),
        ),
    )
    review = StagePlan(
        stage_type="review",
        started=8,
        last_worked=1,
        confirm=(
            "living_arrangements",
            "family_relationships",
            "neighbourhood",
            "physical_health",
            "communication",
            "substance_use",
        ),
        answers={
            "education.difficulties": "Attendance up to 85% this half-term and no removals "
            f"from lessons since {on(40)} (school, {on(7)}).",
            "lifestyle.free_time": "Netball practice twice a week at Castell Park and the "
            "sports centre for her activity requirement; fewer evenings at the shops.",
            "explanations.what_changed": "No new offences. She left the old group chat after "
            "a session on online conflict and has joined the netball team.",
        },
    )
    return Case(local_id="SOU-00003", stages=(start_of_order, review))
