"""The printed child's plan: one A4 page for every demo child in English and in Welsh, and for
a plan at every length limit; DRAFT on every print until the child agrees, and not after; the
Welsh wording with ?lang=cy while the child's words stay as written. Pages are counted with
poppler (pdfinfo) and the text read back with pdftotext."""

from __future__ import annotations

import io
import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings
from django.urls import reverse

from cairn.accounts.models import Membership
from cairn.assessment.models import Stage
from cairn.childplan.models import ChildPlan
from cairn.childplan.wording import WORDING
from cairn.demo import child_plans
from cairn.records.models import Child
from conftest import sign_in

pytestmark = pytest.mark.django_db

FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]
WELSH_HEADINGS = [WORDING[key]["cy"] for key in ("what_i_want", "what_ill_do", "who_will_help")]
ENGLISH_HEADINGS = [WORDING[key]["en"] for key in ("what_i_want", "what_ill_do", "who_will_help")]


@dataclass(frozen=True)
class PdfText:
    pages: int
    text: str


def read_pdf(content: bytes, folder: Path) -> PdfText:
    path = folder / f"plan-{len(list(folder.iterdir()))}.pdf"
    path.write_bytes(content)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    match = re.search(r"^Pages:\s+(\d+)$", info.stdout, re.MULTILINE)
    assert match, info.stdout
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info.stdout, re.MULTILINE)
    assert size
    assert round(float(size.group(1))) == 595
    assert round(float(size.group(2))) == 842
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return PdfText(int(match.group(1)), " ".join(text.split()))


@pytest.fixture(scope="module")
def demo(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=FAST_HASHER, CAIRN_DEMO=True),
        transaction.atomic(),
    ):
        call_command("loaddemo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


def readers() -> dict[int, Client]:
    return {
        membership.organisation_id: sign_in(Client(), membership.user)
        for membership in Membership.objects.filter(
            user__username__in=["pat.practitioner", "ola.other"]
        ).select_related("user")
    }


def pdf_url(stage: Stage, query: str = "") -> str:
    return reverse("childplan:pdf", args=[stage.pk]) + query


def test_every_demo_child_has_a_plan_on_their_latest_stage_in_each_state(demo: None) -> None:
    children = list(Child.objects.all())
    assert len(children) == len(child_plans.PLANS) >= 16
    plans = []
    for child in children:
        latest = Stage.objects.filter(child=child).order_by("-started_at", "-pk").first()
        plans.append(ChildPlan.objects.get(stage=latest))
    agreed = [plan for plan in plans if plan.is_agreed]
    assert 0 < len(agreed) < len(plans)
    responses = {r.response for plan in plans for r in plan.responses.all()}
    assert responses == {"agree", "disagree", "could_not_answer"}
    assert any(plan.changed_since_agreed for plan in plans)
    assert any(plan.language == "cy" for plan in plans)
    assert child_plans.load(children) == 0  # loading again writes nothing


def test_every_demo_childs_plan_is_one_page_in_english_and_welsh(
    demo: None, tmp_path: Path
) -> None:
    clients = readers()
    plans = list(ChildPlan.objects.select_related("stage__child"))
    assert len(plans) >= 16
    for plan in plans:
        child = plan.stage.child
        client = clients[child.organisation_id]
        for query, headings, draft in (
            ("?lang=en", ENGLISH_HEADINGS, "DRAFT"),
            ("?lang=cy", WELSH_HEADINGS, "DRAFFT"),
        ):
            response = client.get(pdf_url(plan.stage, query))
            assert response.status_code == 200, child.local_id
            found = read_pdf(response.content, tmp_path)
            assert found.pages == 1, (child.local_id, query)
            assert child.family_name in found.text, child.local_id
            for heading in headings:
                assert heading in found.text, (child.local_id, query, heading)
            assert (draft in found.text) == (not plan.is_agreed), (child.local_id, query)
            assert plan.what_ill_do[0] in found.text, child.local_id  # the child's own words


def test_draft_is_printed_until_agreed_and_not_after(demo: None, tmp_path: Path) -> None:
    clients = readers()
    agreed = next(p for p in ChildPlan.objects.select_related("stage__child") if p.is_agreed)
    draft = next(p for p in ChildPlan.objects.select_related("stage__child") if not p.is_agreed)
    for plan, expected in ((agreed, False), (draft, True)):
        client = clients[plan.stage.child.organisation_id]
        text = read_pdf(client.get(pdf_url(plan.stage, "?lang=en")).content, tmp_path).text
        assert ("DRAFT" in text) is expected
        assert ("I agreed to this plan on" in text) is not expected


def test_a_plan_changed_after_agreement_says_so_on_the_print(demo: None, tmp_path: Path) -> None:
    plan = next(
        p for p in ChildPlan.objects.select_related("stage__child") if p.changed_since_agreed
    )
    client = readers()[plan.stage.child.organisation_id]
    text = read_pdf(client.get(pdf_url(plan.stage)).content, tmp_path).text
    assert "DRAFT" in text
    assert "This plan has changed since you agreed to it." in text


def test_without_lang_the_plan_prints_in_its_own_language(demo: None, tmp_path: Path) -> None:
    plan = ChildPlan.objects.select_related("stage__child").get(language="cy")
    client = readers()[plan.stage.child.organisation_id]
    response = client.get(pdf_url(plan.stage))
    assert response["Content-Language"] == "cy"
    text = read_pdf(response.content, tmp_path).text
    assert "Fy nghynllun" in text
    assert "My plan" not in text
    assert plan.what_i_want in text
    assert response["Content-Disposition"].endswith('-cy.pdf"')
    assert plan.stage.child.family_name not in response["Content-Disposition"]
