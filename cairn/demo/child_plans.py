"""Every demo child's plan, in their own words, on their latest stage.

Fictional and short, as a child would say it. Some are agreed, some are drafts (one the child
did not agree to, one the child could not answer, one changed after the child agreed), so the
demo shows each state the plan page and the printed plan can be in. Rhys's plan is in Welsh,
his first language.

The plan is written as it was on the stage's last working day, directly as rows: many latest
stages are already completed, and a completed stage refuses edits through the operations. Each
plan written is audited. Loading twice changes nothing: a stage that has a child's plan keeps it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from cairn.assessment.models import Stage
from cairn.audit.operations import Actor, record_event
from cairn.childplan import operations
from cairn.childplan.models import ChildPlan, ChildResponse
from cairn.childplan.operations import Helper, PlanText
from cairn.demo.judgements import DemoDataError
from cairn.records.models import Child

AGREE = ChildResponse.Response.AGREE
DISAGREE = ChildResponse.Response.DISAGREE
COULD_NOT_ANSWER = ChildResponse.Response.COULD_NOT_ANSWER


@dataclass(frozen=True)
class DemoChildPlan:
    want: str
    good_at: str
    will_do: tuple[str, ...]
    helpers: tuple[tuple[str, str], ...]
    know: str
    response: str = ""  # "" for none yet
    words: str = ""
    language: str = "en"
    changed_after: str = ""  # a later "what I want", making an agreed plan a draft again


PLANS: dict[str, DemoChildPlan] = {
    "NOR-00001": DemoChildPlan(
        want="To keep playing football and not get in trouble with the lads from the park.",
        good_at="Football. I'm a good defender. I help my little brother with his reading.",
        will_do=(
            "Go to training every Tuesday and Thursday",
            "Walk away when the older lads start something",
            "Go to school every day, even when I don't want to",
        ),
        helpers=(
            ("Gary, my coach", "Picks me up for training"),
            ("Mum", "Talks to school with me"),
            ("My YOT worker", "Meets me every week"),
        ),
        know="I'm still on the team and school stop phoning Mum.",
        response=AGREE,
        words="Yeah that's right. I want Gary to have a copy.",
    ),
    "NOR-00002": DemoChildPlan(
        want="To finish my GCSEs and be a pharmacist one day.",
        good_at="Science and maths. Looking after my cousins.",
        will_do=(
            "Do my homework at my aunt's after school",
            "Stay off social media after 10 at night",
            "Tell someone if people message me again",
        ),
        helpers=(
            ("My aunt", "Gives me somewhere quiet to work"),
            ("Mrs Khan at school", "Checks in with me on Mondays"),
        ),
        know="My grades go up and I feel less stressed.",
        response=AGREE,
        words="I agree. Can it say pharmacist not chemist.",
    ),
    "NOR-00003": DemoChildPlan(
        want="To get a job so I have my own money.",
        good_at="Fixing bikes. I'm good with my hands.",
        will_do=(
            "Go to the bike workshop on Saturdays",
            "Stay at Gran's when things kick off at home",
            "Stop carrying anything that could hurt someone",
        ),
        helpers=(
            ("Gran", "Lets me stay when I need to"),
            ("My YOT worker", "Helps me apply for the workshop course"),
        ),
        know="I've got a place on the course and I'm not getting arrested.",
        response=DISAGREE,
        words="Not the bit about Gran's. She's got enough on.",
    ),
    "NOR-00004": DemoChildPlan(
        want="To stay at my placement and see my sister more.",
        good_at="Drawing and making people laugh.",
        will_do=(
            "Come back to the house by 9",
            "Call Jo if I feel like running off",
            "Go to art club on Wednesdays",
        ),
        helpers=(
            ("Jo, my key worker", "Answers when I call, day or night"),
            ("My social worker", "Sorts out visits with my sister"),
        ),
        know="I haven't gone missing and I've seen my sister every month.",
        response=AGREE,
        words="Fine. I want my drawing on the front next time.",
    ),
    "NOR-00005": DemoChildPlan(
        want="To get my qualifications while I'm in here and go home to Nan.",
        good_at="Cooking. I've done my food hygiene certificate.",
        will_do=(
            "Go to education every morning",
            "Keep out of fights on the unit",
            "Ring Nan on Sundays",
        ),
        helpers=(
            ("Nan", "Visits me every week"),
            ("My case worker at Oakwood", "Helps me plan my release"),
            ("My YOT worker", "Finds me a college place for when I'm out"),
        ),
        know="I've got my Level 1 and a college place waiting.",
        response=AGREE,
        words="Yeah. Nan needs to see this.",
    ),
    "NOR-00006": DemoChildPlan(
        want="To make friends at my new school.",
        good_at="Volleyball. I speak two languages.",
        will_do=("Join the volleyball club", "Tell my mum when I'm going out and where"),
        helpers=(
            ("Mum", "Talks with me in Polish about my day"),
            ("My mentor at school", "Helps me find clubs"),
        ),
        know="I have people to sit with at lunch.",
        response=COULD_NOT_ANSWER,
        words="She said she wanted to think about it with her mum first.",
    ),
    "NOR-00007": DemoChildPlan(
        want="Somewhere to live when I get out that isn't a sofa.",
        good_at="I stick at things once I start. I'm good at the gym.",
        will_do=(
            "Go to the housing meetings",
            "Keep going to the gym instead of drinking",
            "Tell my worker if I'm struggling",
        ),
        helpers=(
            ("My YOT worker", "Works with housing to find me a place"),
            ("Dad", "Phones me every week"),
        ),
        know="I have a flat or a hostel room before my release date.",
    ),
    "NOR-00008": DemoChildPlan(
        want="For everyone to stop going on about it and let me get on with school.",
        good_at="Netball. I'm in the school team.",
        will_do=("Go to my sessions", "Keep going to netball"),
        helpers=(("My YOT worker", "Sees me after school on Thursdays"),),
        know="I finish my sessions and stay in the team.",
    ),
    "NOR-00009": DemoChildPlan(
        want="For things at home to be calm and for Mum to be safe.",
        good_at="Music. I'm learning the guitar.",
        will_do=(
            "Leave the room when I get angry",
            "Go to my anger sessions",
            "Practise guitar instead of going out late",
        ),
        helpers=(
            ("My YOT worker", "Helps me with my anger sessions"),
            ("My music teacher", "Lends me a guitar"),
        ),
        know="No more shouting matches and Mum says it's better.",
        response=AGREE,
        words="I agree with it.",
        changed_after="For things at home to be calm, for Mum to be safe, and to see my dad.",
    ),
    "NOR-00010": DemoChildPlan(
        want="To put this behind me and go to sixth form.",
        good_at="English and debating. I'm organised.",
        will_do=("Write my letter to the shop owner", "Keep my grades up"),
        helpers=(("My YOT worker", "Helps me with the letter"),),
        know="I've sent the letter and got my sixth form place.",
        response=AGREE,
        words="Yes, this is what we said.",
    ),
    "NOR-00011": DemoChildPlan(
        want="To stay out of trouble so I can keep living with Mum.",
        good_at="Gaming and building things.",
        will_do=("Keep to my curfew", "Go to my bail appointments"),
        helpers=(
            ("Mum", "Reminds me about appointments"),
            ("My YOT worker", "Comes to court with me"),
        ),
        know="I don't breach my bail.",
        response=AGREE,
        words="OK.",
    ),
    "NOR-00012": DemoChildPlan(
        want="To get better at English and go to college.",
        good_at="Running. I'm fast. I help other new students.",
        will_do=("Go to English lessons three times a week", "Join the running club"),
        helpers=(
            ("My foster carer", "Helps me with homework"),
            ("My YOT worker", "Finds me a running club"),
        ),
        know="I can read my letters myself.",
        response=AGREE,
        words="Yes. Thank you.",
    ),
    "NOR-00013": DemoChildPlan(
        want="A fresh start when I move to the adult service.",
        good_at="Boxing. I keep my room tidy. I'm honest.",
        will_do=(
            "Meet my new probation officer with my YOT worker",
            "Keep going to the boxing gym",
        ),
        helpers=(
            ("My YOT worker", "Introduces me to probation"),
            ("My boxing coach", "Trains me three times a week"),
        ),
        know="I know who my new worker is and what happens next.",
    ),
    "SOU-00001": DemoChildPlan(
        want="To get my driving licence when I'm 17.",
        good_at="Cars. I know loads about engines.",
        will_do=("Go to the motor project on Fridays", "Don't get in cars with the older lads"),
        helpers=(("My YOT worker", "Got me a place at the motor project"),),
        know="I finish the motor project.",
        response=AGREE,
        words="Sound.",
    ),
    "SOU-00002": DemoChildPlan(
        want="Cael swydd ar y fferm a chadw allan o drwbl.",
        good_at="Gweithio gyda'r defaid. Rygbi.",
        will_do=("Mynd i'r coleg bob dydd Llun", "Helpu Dad ar y fferm ar ddydd Sadwrn"),
        helpers=(
            ("Dad", "Yn fy nysgu i ar y fferm"),
            ("Fy ngweithiwr TTI", "Yn fy ngweld i bob wythnos"),
        ),
        know="Dw i'n dal yn y coleg ac yn gweithio ar y fferm.",
        response=AGREE,
        words="Iawn, dw i'n cytuno.",
        language="cy",
    ),
    "SOU-00003": DemoChildPlan(
        want="To stay out of fights and stick at Castell Park.",
        good_at="Writing stories. Looking after animals.",
        will_do=(
            "Walk away and tell Mr Hughes when it kicks off online",
            "Go to the youth club on Tuesdays instead of the shops",
        ),
        helpers=(
            ("Mum", "Picks me up from youth club"),
            ("Mr Hughes at school", "Lets me take a break when I'm wound up"),
            ("My YOT worker", "Helps me when I'm worried"),
        ),
        know="No more fights, and I've left the group chat that posts them.",
    ),
}


def _check(local_id: str, found: DemoChildPlan) -> None:
    """The demo plan keeps to the limits the service keeps to (one printed page)."""
    try:
        for want in (found.want, found.changed_after):
            operations.clean(
                PlanText(
                    what_i_want=want,
                    what_im_good_at=found.good_at,
                    what_ill_do=found.will_do,
                    who_will_help=tuple(Helper(who, how) for who, how in found.helpers),
                    how_well_know=found.know,
                    language=found.language,
                )
            )
    except operations.InvalidError as error:
        raise DemoDataError(f"{local_id}'s child's plan: {error}") from None
    if len(found.words) > operations.MAX_WORDS:
        raise DemoDataError(f"{local_id}'s child's plan: the child's words are too long")


def _latest_stage(child: Child) -> Stage | None:
    return Stage.objects.filter(child=child).order_by("-started_at", "-pk").first()


def _when(stage: Stage) -> dt.datetime:
    """The stage's last working moment: an hour before it ended, or a day ago while open."""
    end = stage.ended_at or timezone.now() - dt.timedelta(days=1)
    return max(end - dt.timedelta(hours=1), stage.started_at + dt.timedelta(minutes=1))


def write(child: Child) -> bool:
    """Write the child's plan on their latest stage unless it has one; True if written."""
    found = PLANS.get(child.local_id)
    stage = _latest_stage(child)
    if found is None or stage is None or ChildPlan.objects.filter(stage=stage).exists():
        return False
    _check(child.local_id, found)
    when = _when(stage)
    by = Actor(user=child.case_worker, organisation=child.organisation)
    name = child.case_worker.display_name if child.case_worker else ""
    plan = ChildPlan.objects.create(
        stage=stage,
        what_i_want=found.want,
        what_im_good_at=found.good_at,
        what_ill_do=list(found.will_do),
        who_will_help=[{"who": who, "how": how} for who, how in found.helpers],
        how_well_know=found.know,
        language=found.language,
        version=1,
        created_at=when,
        updated_at=when,
        updated_by=child.case_worker,
        updated_by_name=name,
    )
    if found.response:
        ChildResponse.objects.create(
            plan=plan,
            plan_version=1,
            response=found.response,
            words=found.words,
            responded_on=timezone.localdate(when),
            recorded_at=when,
            recorded_by=child.case_worker,
            recorded_by_name=name,
        )
    if found.changed_after:
        plan.what_i_want = found.changed_after
        plan.version = 2
        plan.updated_at = when + dt.timedelta(minutes=5)
        plan.save(update_fields=["what_i_want", "version", "updated_at"])
    record_event(
        by=by,
        event_type="childplan.saved",
        child_id=child.pk,
        obj=plan,
        summary=f"Demo child's plan written (version {plan.version})",
        detail={"stage": stage.pk, "version": plan.version, "demo": True},
    )
    return True


def load(children: list[Child]) -> int:
    """Write the plans the demo children's latest stages lack; how many were written."""
    return sum(write(child) for child in children)
