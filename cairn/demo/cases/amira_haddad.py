"""Amira Haddad, 15: six-month referral order for criminal damage to a bus shelter. Speech,
language and communication needs (EHCP): everything short, visual and read aloud. A completed
start-of-order assessment and a three-month review in progress."""

from __future__ import annotations

import datetime as dt

from cairn.demo.plans import Case, ConcernPlan, JudgementPlan, StagePlan, days_before


def case(day: dt.date) -> Case:
    """The stages, `day` being the demo's today."""
    on = days_before(day)
    start_of_order = StagePlan(
        stage_type="start_of_order",
        started=58,
        ended=45,
        answers={
            "living_arrangements.lives_with": "both_parents",
            "living_arrangements.is_stable": "yes",
            "living_arrangements.expected_move": "no",
            "living_arrangements.moves": 0,
            "living_arrangements.child_view": "Amira says the flat is 'busy with my brothers' "
            "but she likes it. Her 'quiet place' is her nan's flat on the same street.",
            "family_relationships.relationships": "close",
            "family_relationships.supervision": "consistent",
            "family_relationships.family_concerns": ["none_known"],
            "family_relationships.important_people": "Her grandmother, Layla Mansour, who lives "
            "at 8 Orchard Street. Amira goes there most days after school; Nan helps with "
            "homework and Amira calls her 'the one who gets me'.",
            "family_relationships.parenting": "Both parents came to the first panel meeting "
            f"({on(55)}) and know where Amira is after school. Mum prefers Arabic for long "
            "conversations; dad asked for the plan to be sent home in writing.",
            "family_relationships.child_view": "Amira says her family is 'loud but nice'. She "
            "is embarrassed that her parents had to go to court with her.",
            "significant_relationships.friends": "mixed",
            "significant_relationships.friends_details": "Two girls from her year. One of them, "
            "who is 15, was with Amira at the bus shelter and was not charged (police summary). "
            "They meet at the Station Road shops after school.",
            "significant_relationships.partner": "no",
            "significant_relationships.trusted_adults": "Mrs Patel, the SENCo at Northshire "
            "Academy, and the stylist at the salon where she sweeps up on Saturdays.",
            "significant_relationships.bullying": "bullied",
            "significant_relationships.bullying_details": "Called names about her speech in "
            "Year 8 and stopped going to lunch. School moved her form group; she says it is "
            f"better now, but it still happens on the bus (Amira, {on(50)}).",
            "significant_relationships.child_view": "Amira says her friends 'make me laugh' but "
            "she does not want to go to the shops with them any more.",
            "education.progress": "some_difficulties",
            "education.difficulties": "Reading and writing are well below her age. She avoids "
            f"written work and has had three behaviour points this term for it (SENCo, {on(52)}).",
            "education.support": "EHCP for speech, language and communication needs: a teaching "
            "assistant in English and science, instructions in short steps and a visual "
            "timetable. Mrs Patel, the SENCo, is the named contact.",
            "education.going_well": "Attendance is 91%. She is good in practical lessons and "
            "her art teacher says she has 'a real eye for colour'.",
            "education.next_step": "She wants a hair and beauty course at Northshire College "
            "after Year 11; the school careers adviser is booking a taster day.",
            "education.child_view": "Amira says school is 'fine when I don't have to write'. "
            "She likes art and hates reading out loud.",
            "neighbourhood.area_concerns": ["anti_social"],
            "neighbourhood.area_details": "Groups of young people gather at the Station Road "
            "shelters in the evening; police have had reports of damage there since the summer "
            "(neighbourhood team, September).",
            "neighbourhood.community_links": "Goes to the mosque with her family on Fridays.",
            "neighbourhood.child_view": "Amira says the area is 'OK in the day' and that she "
            "stays in at night now.",
            "lifestyle.free_time": "Most evenings at her nan's, watching hair tutorials online "
            "and practising plaits on her cousins. Saturday mornings sweeping up at a salon.",
            "lifestyle.online_concerns": ["none_known"],
            "lifestyle.child_view": "Amira says she is 'always on hair videos' and wants to be "
            "'the one who does everyone's hair for weddings'.",
            "physical_health.has_concerns": "no",
            "physical_health.parenthood": "no",
            "physical_health.child_view": "Amira says she is healthy and sleeps well.",
            "emotional_health.services": "no",
            "emotional_health.signs": ["anxiety", "anger"],
            "emotional_health.signs_details": "Gets anxious when asked to read or write in "
            "front of others, and angry when she feels laughed at. The damage happened on the "
            f"day she was laughed at in English (Amira and school, {on(52)}).",
            "emotional_health.self_harm": "no",
            "emotional_health.child_view": "Amira says she 'goes red and then goes mad' when "
            "people laugh at her talking.",
            "communication.observed": ["understanding", "expressing", "literacy"],
            "communication.observed_details": "Lost the thread when given two instructions at "
            "once and could not explain what 'reparation' meant after the panel.",
            "communication.what_helps": "Short sentences and pictures. Read written work aloud "
            "and ask her to say it back in her own words. Sessions of 30 minutes, with a break.",
            "communication.child_view": "Amira says 'tell me one thing at a time and don't make "
            "me read it'.",
            "substance_use.substances": ["none_known"],
            "substance_use.child_view": "Amira says she has never smoked or drunk alcohol.",
            "perception_of_self.identity": "Her family, her faith and doing hair. She says she "
            "is 'a Northshire girl with Syrian roots'.",
            "perception_of_self.discrimination": "yes",
            "perception_of_self.discrimination_details": "Called names about her hijab on the "
            "bus twice this year; she did not report it.",
            "perception_of_self.child_view": "Amira says she is 'good with people and good at "
            "hair' but thinks teachers see her as 'the stupid one' for the way she talks.",
            "thinking_behaviour.behaviours": ["temper", "impulsive"],
            "thinking_behaviour.behaviour_details": "Three times this year she has walked out of "
            "a lesson after being asked to read aloud. At the bus shelter she kicked the glass "
            "within minutes of an argument.",
            "thinking_behaviour.coping": "Goes to her nan's and plaits hair to calm down. When "
            "she cannot get away she shouts or kicks things.",
            "thinking_behaviour.attitudes": "Knows the damage was wrong and was shocked it cost "
            "£1,200. Says 'it's only glass' at first, then that the bus stop is for old people.",
            "thinking_behaviour.motivation": "preparing",
            "thinking_behaviour.child_view": "Amira says she wants to 'walk off before I kick "
            "off' and to stop getting into trouble at school.",
            "exploitation.forms": ["none_known"],
            "exploitation.goes_missing": "no",
            "exploitation.child_view": "Amira says she feels safe at home and at her nan's.",
            "life_events.changes_after": "Started sweeping up at the salon a month after the "
            "court hearing; she says it 'gave me something to be good at'.",
            "life_events.child_view": "Amira says going to court was 'the scariest thing ever'. "
            "Getting the salon job is the best thing this year.",
            "offending.what_happened": f"On {on(103)}, after school, Amira kicked and smashed "
            "two glass panels of the bus shelter on Station Road while a friend filmed it. The "
            "council replaced the panels (police summary).",
            "offending.with_whom": "peers",
            "offending.planning": "unplanned",
            "offending.weapon": "no",
            "offending.victims": ["organisation"],
            "offending.victim_impact": "The council paid £1,200 to replace the panels and the "
            "shelter was out of use for three weeks. The community safety officer will receive "
            "a letter from Amira.",
            "offending.feelings": "Amira says she was 'fed up' after being laughed at in "
            "English, felt 'buzzing' when the glass smashed and sick when she saw it on the "
            "local news.",
            "offending.other_behaviour": ["none_known"],
            "offending.child_view": "Amira says 'I was angry and stupid'. She wants to write "
            "to the council and say sorry to the old people who use the stop.",
            "foundations_for_change.strengths": "Creative and good with people: sweeps up at a "
            "salon on Saturdays and practises hair every evening. Close to her nan; her family "
            "turn up to every meeting.",
            "foundations_for_change.goals": "To be a hairdresser with her own salon 'with my "
            "nan on reception'. This year: a place on the college hair course.",
            "foundations_for_change.resilience": "Her nan and practising hair. When the "
            "bullying was worst in Year 8 she spent every lunch in the art room.",
            "foundations_for_change.opportunities": "The salon owner has offered more hours in "
            "the holidays; the college runs a hair and beauty taster day in spring.",
            "foundations_for_change.engagement": "willing",
            "foundations_for_change.learning_style": "Learns by watching and doing. Pictures, "
            "short steps, and saying it back; nothing to read on her own.",
            "foundations_for_change.barriers": ["communication"],
            "foundations_for_change.barrier_details": "Written forms and long meetings. Panel "
            "members agreed to read everything aloud and keep the plan to one picture page.",
            "foundations_for_change.child_view": "Amira wants help 'to stay calm when people "
            "laugh' and with the letter. She wants her nan to come to the panel meetings.",
            "explanations.why_now": "The damage came straight after Amira was laughed at for "
            "reading aloud. Her language difficulties make her feel humiliated, and with a "
            "friend filming she acted on the anger in seconds. It was unplanned and not about "
            "gain.",
            "explanations.interaction": "Her speech and language needs, the name-calling and "
            "the written work at school feed each other: the more she avoids writing, the more "
            "she is in trouble. Her nan, the salon and her family are strong protection.",
            "explanations.patterns": "No earlier offending. Her behaviour points rise after "
            "days with reading in front of others and fall in weeks with practical lessons.",
            "explanations.desistance_factors": [
                {
                    "factor": "Close family and her nan",
                    "direction": "for",
                    "strength": "strong",
                    "evidence": "Parents at every meeting; sees her nan most days.",
                },
                {
                    "factor": "Hairdressing: the salon job and her goal",
                    "direction": "for",
                    "strength": "moderate",
                    "evidence": "Sweeps up every Saturday; wants the college course.",
                },
                {
                    "factor": "Anger when she feels laughed at",
                    "direction": "against",
                    "strength": "moderate",
                    "evidence": "Walked out of lessons three times; the offence followed "
                    "being laughed at.",
                },
            ],
            "explanations.child_view": "Amira agrees she 'went mad when they laughed'. She "
            "does not think the friend filming made any difference.",
        },
        concerns=(
            ConcernPlan(
                judgement="safety_wellbeing",
                what="Name-calling about her speech and her hijab leaves Amira anxious and "
                "angry, and she walks out of school or lashes out.",
                to_whom="the_child",
                impact="moderate",
                likelihood="possible",
                imminence="months",
                evidence=f"Bullied in Year 8; names on the bus this year (Amira, {on(50)}); "
                "the offence followed being laughed at.",
                answer_keys=(
                    "significant_relationships.bullying_details",
                    "perception_of_self.discrimination_details",
                    "emotional_health.signs_details",
                ),
            ),
        ),
        judgements=(
            JudgementPlan("reoffending", "low"),
            JudgementPlan("serious_harm", "low"),
            JudgementPlan("safety_wellbeing", "medium"),
            JudgementPlan("intervention_level", "standard"),
        ),
    )
    review = StagePlan(
        stage_type="review",
        started=5,
        last_worked=1,
        confirm=("living_arrangements", "family_relationships", "neighbourhood"),
        answers={
            "lifestyle.free_time": "Saturdays at the salon, now washing hair as well as "
            "sweeping up. Most evenings at her nan's practising plaits.",
            "foundations_for_change.engagement": "fully",
            "explanations.what_changed": "Amira read her letter to the council aloud at the "
            f"panel on {on(9)} and has not offended. Reading everything to her and the one-page "
            "picture plan made the difference.",
        },
    )
    return Case(local_id="NOR-00002", stages=(start_of_order, review))
