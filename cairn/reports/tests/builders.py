"""Building a child with everything the summary shows (a scoreable offence history, family and
professional contacts, school, an address, and a stage with strengths, concerns and the
judgements made), and reading a PDF back with poppler."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.utils import timezone

from cairn.assessment import operations as assessment_operations
from cairn.assessment.models import Stage
from cairn.audit.operations import Actor
from cairn.judgements import operations as judgement_operations
from cairn.judgements import queries as judgement_queries
from cairn.judgements.models import Kind
from cairn.records import identifiers
from cairn.records import operations as record_operations
from cairn.records.models import Address, Child, Contact, Offence

MODEL_LABEL = "OGRS3 (adult model), not the official YOGRS"
PNC = identifiers.normalise_pnc(f"24/0031472{identifiers.pnc_check_letter('24', '0031472')}")


def ago(days: int) -> dt.date:
    return timezone.localdate() - dt.timedelta(days=days)


@dataclass(frozen=True)
class PdfText:
    pages: int
    text: str  # whitespace collapsed to single spaces, so wrapped lines read as one

    def __contains__(self, words: str) -> bool:
        return " ".join(words.split()) in self.text


def read_pdf(content: bytes, folder: Path) -> PdfText:
    """Pages (pdfinfo) and text (pdftotext) of a PDF."""
    path = folder / f"document-{len(list(folder.iterdir()))}.pdf"
    path.write_bytes(content)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    match = re.search(r"^Pages:\s+(\d+)$", info, re.MULTILINE)
    assert match, info
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return PdfText(int(match.group(1)), " ".join(text.split()))


def layout_lines(folder: Path) -> list[str]:
    """The lines of the last PDF `read_pdf` wrote to `folder`, as laid out on the page
    (pdftotext -layout): a table's row reads across its columns, whatever order the plain text
    puts the cells in."""
    path = max(folder.glob("document-*.pdf"), key=lambda found: found.stat().st_mtime_ns)
    text = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [" ".join(line.split()) for line in text.splitlines()]


def add_scoreable_history(by: Actor, child: Child) -> None:
    """A youth caution a year ago and a referral order two months ago: OGRS3 can score it."""
    add = record_operations.add_to_record
    add(
        by=by,
        child=child,
        model=Offence,
        part="offences",
        data={
            "offence_date": ago(400),
            "description": "Theft of trainers",
            "category": Offence.Category.THEFT,
            "is_primary": True,
            "outcome_type": Offence.Outcome.YOUTH_CAUTION,
            "outcome_date": ago(380),
        },
    )
    add(
        by=by,
        child=child,
        model=Offence,
        part="offences",
        data={
            "offence_date": ago(90),
            "description": "Assault on a bus",
            "category": Offence.Category.VIOLENCE,
            "is_primary": True,
            "outcome_type": Offence.Outcome.REFERRAL_ORDER,
            "outcome_date": ago(60),
            "court": "Northshire Youth Court",
        },
    )


def add_people(by: Actor, child: Child) -> None:
    add = record_operations.add_to_record
    add(
        by=by,
        child=child,
        model=Address,
        part="addresses",
        data={
            "line_1": "14 Larch Close",
            "town": "Northtown",
            "postcode": "NS1 4LC",
            "living_with": "Mum and younger brother",
            "from_date": ago(2000),
        },
    )
    add(
        by=by,
        child=child,
        model=Contact,
        part="contacts",
        data={
            "name": "Donna Brennan",
            "relationship": Contact.Relationship.MOTHER,
            "has_parental_responsibility": True,
            "lives_with_child": True,
            "phone": "07700 900101",
        },
    )
    add(
        by=by,
        child=child,
        model=Contact,
        part="contacts",
        data={
            "name": "Gary Holt",
            "relationship": Contact.Relationship.FRIEND,
            "phone": "07700 900103",
        },
    )
    education = child.education
    record_operations.update_record(
        by=by,
        obj=education,
        data={"setting": "Northshire Academy", "status": "full_time", "year_group": "Year 9"},
        version=education.version,
        part="education",
    )
    child.refresh_from_db()
    record_operations.update_record(
        by=by,
        obj=child,
        data={
            "social_worker_name": "Hannah Roberts",
            "social_worker_team": "Northshire Children's Services",
            "social_worker_phone": "07700 900109",
            "has_risk_to_staff": True,
            "risk_to_staff_note": "Threatened a teacher in March",
            "pnc_number": PNC,
        },
        version=child.version,
        part="personal",
    )


STRENGTHS = "Kai is a talented footballer who trains twice a week and never misses a match."
GOALS = "Kai wants to be a PE teacher."
FACTORS = [
    {
        "factor": "Football with his coach at Larch Park",
        "direction": "for",
        "strength": "strong",
        "evidence": "Trains twice a week; the coach says he encourages others.",
    },
    {
        "factor": "His mum's support",
        "direction": "for",
        "strength": "moderate",
        "evidence": "She came to every meeting.",
    },
    {
        "factor": "Older friends who steal",
        "direction": "against",
        "strength": "strong",
        "evidence": "Both offences were with them.",
    },
]


def answer(by: Actor, stage: Stage, key: str, value: Any) -> None:
    version = stage.answers.filter(key=key).values_list("version", flat=True).first() or 0
    assessment_operations.record_answer(by=by, stage=stage, key=key, value=value, version=version)


def concern(
    by: Actor,
    stage: Stage,
    judgement: str,
    what: str,
    *,
    to_whom: str = "public",
    impact: str = "serious",
    likelihood: str = "likely",
    imminence: str = "weeks",
    detail: str = "",
) -> None:
    judgement_operations.add_concern(
        by=by,
        stage=stage,
        judgement=judgement,
        data=judgement_operations.ConcernInput(
            what=what,
            to_whom=to_whom,
            to_whom_detail=detail,
            impact=impact,
            likelihood=likelihood,
            imminence=imminence,
            evidence="Seen on CCTV; the police report of 3 March.",
        ),
    )


def decide_all(by: Actor, stage: Stage, ratings: dict[str, str], reason: str = "") -> None:
    """Make each judgement: the given rating, with a reason wherever it differs."""
    for kind in (
        Kind.REOFFENDING,
        Kind.SERIOUS_HARM,
        Kind.SAFETY_WELLBEING,
        Kind.INTERVENTION_LEVEL,
    ):
        if kind not in ratings:
            continue
        state = judgement_queries.review(stage).states[kind]
        judgement_operations.decide(
            by=by,
            stage=stage,
            kind=kind,
            rating=ratings[kind],
            reason=reason or f"The practitioner's reason for {kind}",
            version=state.judgement.version if state.judgement else 0,
        )


def build_assessed_child(child: Child, actor: Actor) -> Child:
    """Kai with a pre-sentence stage in progress: strengths, three concerns, every judgement."""
    add_scoreable_history(actor, child)
    add_people(actor, child)
    stage = assessment_operations.start_stage(by=actor, child=child, stage_type="pre_sentence")
    answer(actor, stage, "foundations_for_change.strengths", STRENGTHS)
    answer(actor, stage, "foundations_for_change.goals", GOALS)
    answer(actor, stage, "explanations.desistance_factors", FACTORS)
    concern(
        actor,
        stage,
        "serious_harm",
        "Assault on a stranger while with older friends",
        impact="moderate",
        likelihood="possible",
    )
    concern(
        actor,
        stage,
        "serious_harm",
        "A serious assault on his mother's ex-partner",
        to_whom="known_adult",
        detail="Mr Smith, mother's ex-partner",
    )
    concern(
        actor,
        stage,
        "safety_wellbeing",
        "Being drawn into county lines by the older friends",
        to_whom="the_child",
        impact="severe",
        likelihood="possible",
    )
    decide_all(
        actor,
        stage,
        {
            Kind.REOFFENDING: "high",
            Kind.SERIOUS_HARM: "high",
            Kind.SAFETY_WELLBEING: "high",
            Kind.INTERVENTION_LEVEL: "intensive",
        },
    )
    child.refresh_from_db()
    return child
