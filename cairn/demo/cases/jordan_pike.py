"""Jordan Pike, 16: prolific (23 offences in three years), now on a youth rehabilitation order
with intensive supervision and surveillance. A pre-sentence assessment completed before the
sentence, and a review in progress and overdue: the new order and a change in his cannabis use
since flag its judgements to reconfirm."""

from __future__ import annotations

import datetime as dt

from cairn.demo.plans import Case, ConcernPlan, JudgementPlan, StagePlan, days_before


def case(day: dt.date) -> Case:
    """The stages, `day` being the demo's today."""
    on = days_before(day)
    pre_sentence = StagePlan(
        stage_type="pre_sentence",
        started=82,
        ended=68,
        answers={
            "living_arrangements.lives_with": "one_parent",
            "living_arrangements.is_stable": "no",
            "living_arrangements.concerns": "Jordan shares a small flat in Kestrel House with "
            "his mum and two sisters and sleeps on the sofa. Mum works nights, so he comes and "
            f"goes as he likes (home visit, {on(80)}).",
            "living_arrangements.moves": 2,
            "living_arrangements.expected_move": "no",
            "living_arrangements.child_view": "Jordan says the flat is 'rammed' and he is 'only "
            "there to sleep'. He liked his aunt's: 'I had my own room.'",
            "family_relationships.relationships": "strained",
            "family_relationships.supervision": "little",
            "family_relationships.family_concerns": ["family_offending", "money_housing"],
            "family_relationships.concern_details": "Dad is in prison (release expected next "
            "year). Mum works nights and is behind with the rent; she says she 'can't watch him "
            f"all the time' (home visit, {on(80)}).",
            "family_relationships.important_people": "His aunt, Karen Pike, in Eastbridge: he "
            "lived with her for seven months last year and still stays some weekends. He writes "
            "to his dad now and then.",
            "family_relationships.parenting": "Mum loves him but is worn out and has few rules "
            "he keeps. His aunt set clear times and took him to college; he kept to them.",
            "family_relationships.child_view": "Jordan says his mum 'does her best' and his aunt "
            "is 'the only one who doesn't shout'. He does not want to talk about his dad.",
            "significant_relationships.friends": "offending",
            "significant_relationships.friends_details": "Three friends aged 16 to 19 from the "
            "estate; two have convictions for vehicle crime. They meet at the garages on Mill "
            f"Lane most evenings (police intelligence, {on(90)}).",
            "significant_relationships.partner": "no",
            "significant_relationships.trusted_adults": "Steve at the Kestrel Training workshop "
            "and his aunt Karen.",
            "significant_relationships.bullying": "none_known",
            "significant_relationships.child_view": "Jordan says his friends are 'all I've got "
            "round here' and that they 'look out for each other'.",
            "education.progress": "serious_difficulties",
            "education.difficulties": "Attendance at Kestrel Training is 61%; he misses "
            f"mornings and was sent home twice for smelling of cannabis (tutor, {on(78)}). "
            "Permanently excluded from Heron Park School in Year 9.",
            "education.support": "Literacy support at Kestrel Training; reading age about 11.",
            "education.going_well": "He is good with his hands: his tutor says his brickwork "
            "is 'the neatest in the group'.",
            "education.child_view": "Jordan says he likes 'the building bit' but not the "
            "classroom, and that getting up is 'impossible'.",
            "neighbourhood.area_concerns": ["drug_dealing", "anti_social", "few_activities"],
            "neighbourhood.area_details": "Kestrel Road estate: open cannabis dealing near the "
            "garages, car crime and nothing open for teenagers after 6pm (neighbourhood police "
            f"team, {on(85)}).",
            "neighbourhood.child_view": "Jordan says 'there's nothing to do round here except "
            "get into trouble'. He liked Eastbridge: 'nobody knew me'.",
            "lifestyle.free_time": "Sleeps until midday, then on the estate with friends until "
            "late. No organised activities. Gets £20 a week from his mum and says he 'sorts "
            "the rest out'.",
            "lifestyle.online_concerns": ["none_known"],
            "lifestyle.child_view": "Jordan says he is 'just chilling with the boys' and gets "
            "bored indoors.",
            "physical_health.has_concerns": "yes",
            "physical_health.concern_details": "Sleeps at 3 or 4am and skips meals. Treated in "
            f"A&E for a cut hand on {on(150)} and did not go back to have the stitches out.",
            "physical_health.parenthood": "no",
            "physical_health.child_view": "Jordan says he 'feels rough most mornings' but is "
            "'fine really'.",
            "emotional_health.services": "past",
            "emotional_health.services_details": "CAMHS for ADHD until 14, when he stopped his "
            "medication and stopped going. No current service.",
            "emotional_health.signs": ["anger", "sleep"],
            "emotional_health.signs_details": "Snaps when told what to do; the assault on the "
            "security guard followed being grabbed. Sleeps four or five hours a night.",
            "emotional_health.self_harm": "no",
            "emotional_health.child_view": "Jordan says he is 'not stressed' but cannabis is "
            "the only thing that helps him sleep.",
            "communication.observed": ["understanding", "attention", "literacy"],
            "communication.observed_details": "Gave events out of order and could not say what "
            "'conditions' meant. Loses focus after about 15 minutes.",
            "communication.what_helps": "Short sessions, one point at a time, doing something "
            "with his hands while talking. Check he can say back what was agreed.",
            "communication.child_view": "Jordan says he 'switches off' in long meetings.",
            "substance_use.substances": ["cannabis", "alcohol", "nicotine"],
            "substance_use.frequency": "daily",
            "substance_use.details": "Smokes cannabis every day, about £10 worth, with friends "
            "in the evenings and alone before bed. Started at 13. Says he owes a dealer £150.",
            "substance_use.linked_to_offending": "yes",
            "substance_use.support": "offered_refused",
            "substance_use.child_view": "Jordan says cannabis 'calms me down and helps me "
            "sleep'. He would cut down 'but not stop' and is worried about the money he owes.",
            "perception_of_self.identity": "Being loyal to his mates and 'not a grass'. Proud "
            "of his brickwork.",
            "perception_of_self.discrimination": "no",
            "perception_of_self.child_view": "Jordan says he is 'not a bad lad, just bored'.",
            "thinking_behaviour.behaviours": ["impulsive", "risk_taking", "easily_led", "temper"],
            "thinking_behaviour.behaviour_details": "Most offences were on the spur of the "
            "moment with the same friends, late at night. He hit the security guard who "
            "grabbed his arm.",
            "thinking_behaviour.coping": "Smokes cannabis or goes out with friends. He does "
            "not talk to adults about problems.",
            "thinking_behaviour.attitudes": "Says taking cars 'isn't like robbing a person: "
            "insurance pays'. Was upset to hear an elderly man could not get to "
            "hospital after his car was taken.",
            "thinking_behaviour.motivation": "thinking",
            "thinking_behaviour.child_view": "Jordan says he wants to 'stop getting nicked' and "
            "get a job on a building site.",
            "exploitation.forms": ["criminal"],
            "exploitation.concern_details": "Owes a local dealer £150. Police think older "
            f"youths on the estate use the debt to get him to hold stolen goods ({on(90)}).",
            "exploitation.goes_missing": "no",
            "exploitation.response": ["exploitation_meeting"],
            "exploitation.child_view": "Jordan says 'nobody makes me do nothing' but agrees the "
            "debt 'needs sorting'.",
            "life_events.changes_after": "Offending began six months after his dad went to "
            "prison and rose after the exclusion. It stopped while he lived with his aunt.",
            "life_events.child_view": "Jordan says his dad going inside was 'when it all went "
            "wrong'. The best time was at his aunt's.",
            "offending.what_happened": "Six offences over five months: criminal damage to a car, "
            "taking a car, theft from a car, burglary of a sports club storeroom and, on "
            f"{on(152)}, an assault on a shop security guard who stopped him leaving with "
            "stolen drink (police summaries).",
            "offending.with_whom": "group",
            "offending.planning": "some",
            "offending.weapon": "no",
            "offending.victims": ["specific", "organisation"],
            "offending.victim_impact": "The security guard had a cut lip and bruising and was "
            "off work for a week. The sports club lost £400 of equipment.",
            "offending.feelings": "Jordan says he was 'buzzing' in the car, 'panicked' when the "
            "guard grabbed him, and felt 'bad for the club' afterwards.",
            "offending.history": "First offence at 13 (youth caution). 23 offences in three "
            "years, mostly theft and vehicle crime, two assaults. Nine months without "
            "offending while at his aunt's.",
            "offending.other_behaviour": ["anti_social"],
            "offending.other_behaviour_details": "Police warnings for riding a stolen moped on "
            "the estate and for noise at the garages.",
            "offending.child_view": "Jordan says the cars were 'just a laugh' and the guard "
            "'shouldn't have grabbed me'. He says sorry about the sports club.",
            "foundations_for_change.strengths": "Good with his hands: the neatest brickwork in "
            "his group. Loyal to family; kept every rule at his aunt's.",
            "foundations_for_change.goals": "A labouring job on a building site, and his own "
            "place one day.",
            "foundations_for_change.resilience": "Nine months without offending at his aunt's, "
            "going to college three days a week and helping on a neighbour's farm. He says "
            "'having something to get up for' helped.",
            "foundations_for_change.opportunities": "Kestrel Training can offer a CSCS card "
            "course if his attendance reaches 80%. His aunt will have him at weekends.",
            "foundations_for_change.engagement": "reluctant",
            "foundations_for_change.learning_style": "Learns by doing: he lost interest in a "
            "group session but stayed an hour fixing a bike. Afternoons only.",
            "foundations_for_change.barriers": ["substance_use", "mistrust", "practical"],
            "foundations_for_change.barrier_details": "Does not get up before 11am and does not "
            "trust 'people with lanyards'. Afternoon sessions near his aunt's worked last year.",
            "foundations_for_change.child_view": "Jordan wants help to 'get the dealer off my "
            "back' and to get on the CSCS course. He wants his aunt involved.",
            "explanations.why_now": "The recent offences came after he returned to the estate "
            "from his aunt's, with no structure, daily cannabis and a drug debt. His friends "
            "offend together at night. The assault was an impulsive reaction to being held.",
            "explanations.interaction": "Little supervision at home, the estate peer group and "
            "cannabis feed each other: the debt keeps him tied to the group. His aunt, "
            "practical work and afternoons with structure pull the other way.",
            "explanations.patterns": "Offending rises when he is on the estate with the same "
            "peer group and stops when he is somewhere with structure: nine offence-free months "
            "at his aunt's. Each return home was followed within weeks by vehicle offences.",
            "explanations.desistance_factors": [
                {
                    "factor": "His aunt and her home in Eastbridge",
                    "direction": "for",
                    "strength": "strong",
                    "evidence": "No offences in the nine months he lived there.",
                },
                {
                    "factor": "Practical work he is good at",
                    "direction": "for",
                    "strength": "moderate",
                    "evidence": "Tutor praises his brickwork; CSCS course on offer.",
                },
                {
                    "factor": "Estate peer group who offend",
                    "direction": "against",
                    "strength": "strong",
                    "evidence": "Most offences with the same three friends.",
                },
                {
                    "factor": "Daily cannabis use and a £150 drug debt",
                    "direction": "against",
                    "strength": "strong",
                    "evidence": "About £10 a day; debt to a local dealer.",
                },
            ],
            "explanations.child_view": "Jordan agrees he 'does stupid stuff when I'm with the "
            "boys' but says cannabis 'has nothing to do with it'.",
        },
        concerns=(
            ConcernPlan(
                judgement="serious_harm",
                what="Assaults a shop worker or security guard who tries to stop him during a "
                "theft, causing injury.",
                to_whom="public",
                to_whom_detail="Shop and security staff",
                impact="serious",
                likelihood="possible",
                imminence="months",
                evidence=f"Assault on a security guard on {on(152)}; an earlier assault at a "
                "bus stop.",
                answer_keys=("offending.what_happened", "thinking_behaviour.behaviour_details"),
            ),
            ConcernPlan(
                judgement="serious_harm",
                what="Crashes a stolen car while driving at speed, injuring a pedestrian or "
                "another driver.",
                to_whom="public",
                impact="severe",
                likelihood="unlikely",
                imminence="months",
                evidence="Five vehicle-taking offences; hit a wall in a neighbour's car two "
                "years ago.",
                answer_keys=("offending.history",),
            ),
            ConcernPlan(
                judgement="safety_wellbeing",
                what="Threatened or hurt by the dealer he owes, or made to hold drugs or stolen "
                "goods to clear the debt.",
                to_whom="the_child",
                impact="serious",
                likelihood="likely",
                imminence="weeks",
                evidence=f"Owes £150 (Jordan, {on(79)}); police intelligence about older "
                "youths using the debt.",
                answer_keys=("substance_use.details", "exploitation.concern_details"),
            ),
            ConcernPlan(
                judgement="safety_wellbeing",
                what="Injured as a passenger or driver in a stolen car.",
                to_whom="the_child",
                impact="serious",
                likelihood="possible",
                imminence="months",
                evidence="Repeated vehicle taking with friends late at night.",
                answer_keys=("offending.history",),
            ),
        ),
        judgements=(
            JudgementPlan("reoffending", "high"),
            JudgementPlan("serious_harm", "medium"),
            JudgementPlan(
                "safety_wellbeing",
                "high",
            ),
            JudgementPlan("intervention_level", "intensive"),
        ),
    )
    review = StagePlan(
        stage_type="review",
        started=20,
        last_worked=2,
        confirm=("living_arrangements", "family_relationships", "education"),
        answers={
            "substance_use.details": "Down to cannabis at weekends only since the curfew "
            f"started, he says; two negative tests at the substance use service ({on(24)}). "
            "The £150 debt is still owed.",
            "substance_use.support": "current",
            "foundations_for_change.engagement": "willing",
            "explanations.what_changed": "Sentenced to a YRO with intensive supervision and a "
            "7pm curfew. No new offences. Attends Kestrel Training in the afternoons and the "
            "substance use service weekly.",
        },
    )
    return Case(local_id="NOR-00003", stages=(pre_sentence, review))
