"""Ellie Marsh, 15: looked after in a children's home, going missing, sexually and criminally
exploited; on bail for carrying class A drugs as a courier. The child as victim as well as
offender: safety and well-being high, built from specific concerns. A bail assessment written
the day after her arrest."""

from __future__ import annotations

import datetime as dt

from cairn.demo.plans import Case, ConcernPlan, JudgementPlan, StagePlan, days_before


def case(day: dt.date) -> Case:
    """The stages, `day` being the demo's today."""
    on = days_before(day)
    bail = StagePlan(
        stage_type="bail",
        started=49,
        ended=48,
        answers={
            "living_arrangements.lives_with": "residential",
            "living_arrangements.is_stable": "no",
            "living_arrangements.concerns": "Birchwood House is a good placement and staff "
            "know her well, but Ellie has been missing from it nine times in six months "
            f"(Jade Thompson, key worker, {on(49)}). It is the only home offered for bail.",
            "living_arrangements.moves": 2,
            "living_arrangements.expected_move": "no",
            "living_arrangements.child_view": "Ellie says Birchwood is 'alright' and Jade is "
            "'the only one who gets it'. She wants to live with her mum.",
            "family_relationships.relationships": "strained",
            "family_relationships.supervision": "inconsistent",
            "family_relationships.family_concerns": [
                "domestic_abuse",
                "separation_loss",
                "child_protection",
            ],
            "family_relationships.concern_details": "Care order since she was 13, after "
            "domestic abuse between her mum and mum's partner. Supervised contact with mum "
            f"twice a week (Hannah Roberts, social worker, {on(49)}).",
            "family_relationships.child_view": "Ellie says she misses her mum 'every day' and "
            "wants more contact. She will not talk about mum's partner.",
            "education.progress": "serious_difficulties",
            "education.difficulties": "On a two-hour timetable at Northshire Academy; "
            "attendance 38% this term, none on days after she has been missing (school, "
            f"{on(49)}).",
            "education.child_view": "Ellie says school is 'pointless now' but she likes the "
            "hair and beauty club on Thursdays.",
            "exploitation.forms": ["sexual", "criminal", "county_lines"],
            "exploitation.concern_details": "Staff have seen men in their twenties collect her "
            "in different cars at night. Found in a Southmoor flat with older men four months "
            "ago. Disclosed sexual exploitation three months ago; police are investigating. "
            f"Arrested on {on(50)} on a train with crack cocaine and heroin.",
            "exploitation.goes_missing": "yes",
            "exploitation.missing_details": "Nine missing episodes in six months, up to four "
            "days each; twice found in Southmoor. She declines return home interviews but talks "
            "to Jade afterwards.",
            "exploitation.child_view": "Ellie says the men are 'my mates' and that she "
            "'chooses' to go. She says she is scared of 'what happens if I stop'.",
            "offending.what_happened": f"On {on(50)} British Transport Police found Ellie on a "
            "train to Southmoor carrying wraps of crack cocaine and heroin and £300 in cash. "
            "Two adults were arrested at the station (police summary).",
            "offending.with_whom": "older",
            "offending.weapon": "no",
            "offending.victims": ["no_direct_victim"],
            "offending.bail_circumstances": "First appearance at Northshire Youth Court on "
            f"{on(49)}, charged with possession with intent to supply class A drugs (charge "
            "sheet). The prosecution opposed bail because of her nine missing episodes. The "
            "court granted bail to live and sleep at Birchwood House, with no contact with the "
            "two adults charged in the same case, after Birchwood and her social worker agreed "
            "the bail package at court. Adjourned for the National Referral Mechanism decision. "
            "Ellie was not asked about the alleged offence.",
            "foundations_for_change.strengths": "Warm and funny with staff she trusts; looks "
            "after the younger girls at Birchwood. Talented at make-up and nails.",
            "foundations_for_change.goals": "To live with her mum again and to be a beautician.",
            "foundations_for_change.engagement": "unsure",
            "foundations_for_change.barriers": ["mistrust", "safety"],
            "foundations_for_change.barrier_details": "Distrusts police and social workers. "
            "Meets only with Jade present, at Birchwood, never in town.",
            "foundations_for_change.child_view": "Ellie wants 'everyone off my back' but says "
            "Jade can help, and she wants a nails course.",
        },
        concerns=(
            ConcernPlan(
                judgement="safety_wellbeing",
                what="Sexually exploited by older men when she goes missing.",
                to_whom="the_child",
                impact="severe",
                likelihood="likely",
                imminence="weeks",
                evidence="Disclosure three months ago; found with older men in Southmoor; nine "
                "missing episodes in six months.",
                answer_keys=("exploitation.concern_details", "exploitation.missing_details"),
            ),
            ConcernPlan(
                judgement="safety_wellbeing",
                what="Harmed by the county lines group if she stops carrying for them or the "
                "seized drugs are 'owed'.",
                to_whom="the_child",
                impact="serious",
                likelihood="likely",
                imminence="weeks",
                evidence=f"Drugs and cash seized on {on(50)}; says she fears 'what happens if "
                "I stop'.",
                answer_keys=("exploitation.child_view", "offending.what_happened"),
            ),
            ConcernPlan(
                judgement="safety_wellbeing",
                what="Self-harm (cutting) after missing episodes.",
                to_whom="the_child",
                impact="moderate",
                likelihood="likely",
                imminence="weeks",
                evidence="Cuts her arms when distressed (Core Record, health); CAMHS "
                "assessment pending.",
            ),
            ConcernPlan(
                judgement="serious_harm",
                what="Carries class A drugs for adults, harming the people who use them.",
                to_whom="public",
                impact="serious",
                likelihood="possible",
                imminence="months",
                evidence=f"Crack cocaine and heroin found on her on {on(50)}.",
                answer_keys=("offending.what_happened",),
            ),
        ),
        judgements=(
            JudgementPlan(
                "reoffending",
                "medium",
                "No sanction yet, so no score. Medium while the adults who use her are still in "
                "her life.",
            ),
            JudgementPlan(
                "serious_harm",
                "low",
                "The supply is directed by adults who exploit her; bail conditions and the "
                "NRM referral reduce it. She is the one most at risk.",
            ),
            JudgementPlan("safety_wellbeing", "high"),
        ),
    )
    return Case(local_id="NOR-00004", stages=(bail,))
