"""The summary PDF: one A4 page for every demo child and for a child with everything at its
longest, the model named, the ratings and the handling marking on it, in English or Welsh.
Pages are counted with poppler (pdfinfo) and the text read back with pdftotext."""

from __future__ import annotations

import datetime as dt
import io
import re
import time
from collections.abc import Callable

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cairn.accounts.models import Membership
from cairn.assessment import operations as assessment_operations
from cairn.audit.operations import Actor
from cairn.judgements import rules as judgement_rules
from cairn.judgements.models import Judgement, Kind
from cairn.records import operations as record_operations
from cairn.records.access import Access
from cairn.records.models import Child, Contact
from cairn.reports import summary
from cairn.reports.tests.builders import (
    MODEL_LABEL,
    PdfText,
    add_people,
    add_scoreable_history,
    answer,
    concern,
    decide_all,
    layout_lines,
    read_pdf,
)

pytestmark = pytest.mark.django_db

Reader = Callable[[bytes], PdfText]


def pdf_url(child: Child, query: str = "") -> str:
    return reverse("reports:summary-pdf", args=[child.pk]) + query


def test_the_pdf_is_one_page_naming_the_model_and_the_ratings(
    assessed_child: Child, practitioner: Membership, client_for, pdf_text: Reader
) -> None:
    response = client_for(practitioner).get(pdf_url(assessed_child))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    found = pdf_text(response.content)
    assert found.pages == 1
    assert "OFFICIAL-SENSITIVE" in found
    assert "Kai Brennan" in found
    assert MODEL_LABEL in found
    assert "Likelihood of reoffending High" in found
    assert "Risk of serious harm to others High High" in found
    assert "Indicative intervention level Intensive Intensive" in found
    assert "Draft: assessment in progress" in found
    assert "Page 1 of 1" in found
    assert "Northshire Youth Justice Service" in found


def test_the_pdf_is_inline_with_a_filename_that_does_not_name_the_child(
    assessed_child: Child, practitioner: Membership, client_for
) -> None:
    response = client_for(practitioner).get(pdf_url(assessed_child))
    disposition = response["Content-Disposition"]
    today = timezone.localdate().isoformat()
    assert disposition == f'inline; filename="summary-{assessed_child.local_id}-{today}.pdf"'
    assert "Kai" not in disposition
    assert "Brennan" not in disposition
    assert "no-store" in response["Cache-Control"]
    Child.objects.filter(pk=assessed_child.pk).update(local_id="")
    response = client_for(practitioner).get(pdf_url(assessed_child))
    assert f'filename="summary-{assessed_child.pk}-{today}.pdf"' in response["Content-Disposition"]


def test_welsh_on_request(
    assessed_child: Child, practitioner: Membership, client_for, pdf_text: Reader
) -> None:
    response = client_for(practitioner).get(pdf_url(assessed_child, "?lang=cy"))
    assert response["Content-Language"] == "cy"
    found = pdf_text(response.content)
    assert found.pages == 1
    for heading in ("Am y plentyn", "Cysylltiadau allweddol", "Barnau", "Cryfderau"):
        assert heading in found
    assert "Tudalen 1 o 1" in found
    assert "SWYDDOGOL-SENSITIF (OFFICIAL-SENSITIVE)" in found
    assert "OGRS3 (model oedolion), nid y YOGRS swyddogol" in found
    assert "About the child" not in found
    # The page in English again: the request's language is untouched.
    english = pdf_text(client_for(practitioner).get(pdf_url(assessed_child)).content)
    assert "About the child" in english


def test_a_child_with_no_assessment(
    child: Child, practitioner: Membership, client_for, pdf_text: Reader
) -> None:
    found = pdf_text(client_for(practitioner).get(pdf_url(child)).content)
    assert found.pages == 1
    assert "No assessment has been made yet." in found
    assert "OFFICIAL-SENSITIVE" in found
    assert "Draft" not in found


LONG = "This is a long sentence that a practitioner might write about the child. "


def stuff_the_record(child: Child, actor: Actor) -> None:
    """Every field the summary shows at its longest, and many of every list."""
    add_people(actor, child)
    add_scoreable_history(actor, child)
    child.refresh_from_db()
    record_operations.update_record(
        by=actor,
        obj=child,
        data={
            "given_name": "Maximilian" * 10,
            "family_name": "Featherstonehaugh-" * 5,
            "preferred_name": "Max" * 30,
            "gender_identity": "Non-binary " * 9,
            "pronouns": "they/them " * 4,
            "first_language": "Portuguese " * 5,
            "needs_interpreter": True,
            "interpreter_language": "Portuguese " * 5,
            "prefers_welsh": True,
            "has_exploitation_concern": True,
            "exploitation_note": (LONG * 5)[:300],
            "risk_to_staff_note": (LONG * 5)[:300],
            "looked_after": Child.LookedAfter.CARE_ORDER,
            "care_local_authority": "Northshire " * 10,
            "legal_status": Child.LegalStatus.CUSTODY,
            "custody_establishment": ("Oakwood Secure Training Centre " * 4)[:120],
            "next_court_date": timezone.localdate() + dt.timedelta(days=30),
            "next_court": "Northshire Youth Court " * 5,
            "social_worker_name": "Hannah " * 17,
            "social_worker_team": ("Children's Services " * 6)[:120],
            "social_worker_email": "a-very-long-address-for-a-social-worker@children.example.org",
        },
        version=child.version,
        part="personal",
    )
    for number in range(12):
        record_operations.add_to_record(
            by=actor,
            child=child,
            model=Contact,
            part="contacts",
            data={
                "name": f"Person {number} " + "Longname " * 12,
                "relationship": Contact.Relationship.PROFESSIONAL
                if number % 2
                else Contact.Relationship.GRANDPARENT,
                "relationship_detail": (LONG * 2)[:120],
                "has_parental_responsibility": number % 2 == 0,
                "phone": "07700 900999",
                "email": "someone@example.org",
            },
        )
    stage = assessment_operations.start_stage(by=actor, child=child, stage_type="pre_sentence")
    for key in (
        "foundations_for_change.strengths",
        "foundations_for_change.goals",
        "foundations_for_change.resilience",
    ):
        answer(actor, stage, key, (LONG * 80)[:5000])
    answer(actor, stage, "foundations_for_change.engagement", "unsure")
    answer(
        actor,
        stage,
        "explanations.desistance_factors",
        [
            {
                "factor": f"Factor {number}: " + "something that helps him stay away " * 5,
                "direction": "for",
                "strength": "strong",
                "evidence": LONG,
            }
            for number in range(10)
        ],
    )
    rules = judgement_rules.active()
    for number in range(14):
        judgement = "serious_harm" if number % 2 else "safety_wellbeing"
        concern(
            actor,
            stage,
            judgement,
            f"Concern {number}: " + (LONG * 60)[:4900],
            to_whom=rules.choices(f"to_whom.{judgement}")[-1].key,
            impact="severe",
            likelihood="very_likely",
            imminence="imminent",
            detail=(LONG * 3)[:200],
        )
    decide_all(
        actor,
        stage,
        {
            Kind.REOFFENDING: "low",
            Kind.SERIOUS_HARM: "low",
            Kind.SAFETY_WELLBEING: "low",
            Kind.INTERVENTION_LEVEL: "standard",
        },
        reason=(LONG * 60)[:5000],
    )


def test_a_child_with_everything_at_its_longest_still_fits_one_page(
    child: Child, actor: Actor, practitioner: Membership, client_for, pdf_text: Reader
) -> None:
    stuff_the_record(child, actor)
    child.refresh_from_db()
    full = summary.summary_for(child, Access.EDIT)
    assert len(full.concerns) == 14
    assert len(full.strengths) == 10
    client = client_for(practitioner)
    for query, heading in (("", "Key concerns"), ("?lang=cy", "Pryderon allweddol")):
        found = pdf_text(client.get(pdf_url(child, query)).content)
        assert found.pages == 1, query
        assert heading in found
        assert "OFFICIAL-SENSITIVE" in found
        assert "…" in found
        assert re.search(r"\d+ (more concerns in the assessment|o bryderon eraill)", found.text)


def test_every_demo_child_fits_one_page(client_for, tmp_path, settings) -> None:
    """The demo as loaded by `manage.py loaddemo`: each child's summary, read by their own
    service, is one page, marked, and names the model wherever a reoffending judgement is
    made. Prints the time each PDF took."""
    settings.CAIRN_DEMO = True  # loaddemo runs only in demo mode
    call_command("loaddemo", stdout=io.StringIO())
    readers = {
        membership.organisation_id: client_for(membership)
        for membership in Membership.objects.filter(
            user__username__in=["pat.practitioner", "ola.other"]
        )
    }
    children = list(Child.objects.order_by("id"))
    assert len(children) >= 16
    timings = []
    for child in children:
        client: Client = readers[child.organisation_id]
        started = time.perf_counter()
        response = client.get(pdf_url(child))
        timings.append(time.perf_counter() - started)
        assert response.status_code == 200, child.local_id
        found = read_pdf(response.content, tmp_path)
        assert found.pages == 1, child.local_id
        assert "OFFICIAL-SENSITIVE" in found, child.local_id
        assert child.family_name in found, child.local_id
        stage = summary.stage_spoken_for(child)
        made = list(Judgement.objects.filter(stage=stage)) if stage is not None else []
        for judgement in made:
            if judgement.kind == Kind.REOFFENDING and "model" in judgement.detail:
                assert MODEL_LABEL in found, child.local_id
        lines = summary.summary_for(child, Access.EDIT).judgements
        rows = layout_lines(tmp_path)
        for line in lines:
            if line.is_made:
                # The Rating column, read across the row: the plain text may put the Proposed
                # cell first when the two differ.
                assert any(row.startswith(f"{line.title} {line.rating}") for row in rows), (
                    child.local_id,
                    line.title,
                )
    print(
        f"\nSummary PDF for {len(timings)} demo children: mean {sum(timings) / len(timings):.2f} s,"
        f" slowest {max(timings):.2f} s"
    )
