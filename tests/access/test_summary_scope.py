"""One rule for what a grant's scope shows (records.access.may_see).

A partner agency with a summary grant sees the same of the child's own details on every page
it can open, in the PDF and in the API: no PNC number, looked-after status or first language.
A grant that reads the record (custody) sees them everywhere.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from cairn.accounts.models import Membership
from cairn.records.models import Child, Grant
from cairn.records.tests.factories import grant, text
from cairn.reports.tests.builders import read_pdf

pytestmark = pytest.mark.django_db

PNC = "12/1234567C"
LANGUAGE = "Tigrinya"
CARE = "Care order (section 31)"
WITHHELD = [PNC, LANGUAGE, CARE, "Looked after", "looked-after", "PNC"]


@pytest.fixture
def looked_after_child(make_child: Any, northshire: Any, practitioner: Membership) -> Child:
    return make_child(
        northshire,
        case_worker=practitioner.user,
        team=practitioner.team,
        pnc_number=PNC,
        first_language=LANGUAGE,
        looked_after=Child.LookedAfter.CARE_ORDER,
        care_local_authority="Northshire County Council",
    )


def _caller(client_for: Any, membership: Membership, child: Child, scope: str) -> Client:
    grant(child, membership.organisation, scope)
    return client_for(membership)


def _withheld_in(page: str) -> list[str]:
    return [words for words in WITHHELD if words.lower() in page.lower()]


def test_a_summary_grant_sees_no_pnc_looked_after_status_or_language_on_the_overview(
    looked_after_child, partner_viewer, client_for
):
    partner = _caller(client_for, partner_viewer, looked_after_child, Grant.Scope.SUMMARY)
    response = partner.get(f"/children/{looked_after_child.pk}/")
    assert response.status_code == 200
    assert _withheld_in(text(response)) == []


def test_a_summary_grant_sees_none_of_them_on_the_summary_or_its_pdf(
    looked_after_child, partner_viewer, client_for, tmp_path: Path
):
    partner = _caller(client_for, partner_viewer, looked_after_child, Grant.Scope.SUMMARY)
    page = partner.get(f"/children/{looked_after_child.pk}/summary/")
    assert page.status_code == 200
    assert _withheld_in(text(page)) == []
    pdf = partner.get(f"/children/{looked_after_child.pk}/summary.pdf")
    assert pdf.status_code == 200
    assert _withheld_in(read_pdf(pdf.content, tmp_path).text) == []


def test_a_summary_grant_gets_them_as_null_from_the_api(
    looked_after_child, partner_viewer, client_for
):
    partner = _caller(client_for, partner_viewer, looked_after_child, Grant.Scope.SUMMARY)
    found = partner.get(f"/api/v1/children/{looked_after_child.pk}").json()
    assert found["access"] == "summary"
    assert (found["pnc_number"], found["looked_after"], found["first_language"]) == (
        None,
        None,
        None,
    )
    assert found["given_name"] == "Kai"


def test_a_grant_that_reads_the_record_sees_them_on_every_view(
    looked_after_child, secure_staff, client_for, tmp_path: Path
):
    secure = _caller(client_for, secure_staff, looked_after_child, Grant.Scope.CUSTODY)
    overview = text(secure.get(f"/children/{looked_after_child.pk}/"))
    for words in (PNC, LANGUAGE, CARE):
        assert words in overview
    summary = text(secure.get(f"/children/{looked_after_child.pk}/summary/"))
    for words in (PNC, LANGUAGE, "Looked after"):
        assert words in summary
    found = secure.get(f"/api/v1/children/{looked_after_child.pk}").json()
    assert (found["pnc_number"], found["looked_after"], found["first_language"]) == (
        PNC,
        "care_order",
        LANGUAGE,
    )
