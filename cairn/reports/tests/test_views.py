"""Who reaches the summary page and PDF, what a summary grant holder sees, the audit trail,
and where the page is linked from."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from cairn.accounts.models import Membership
from cairn.audit.models import AuditEvent
from cairn.audit.operations import Actor
from cairn.records import operations as record_operations
from cairn.records.models import Child, Grant
from cairn.reports.tests.builders import PNC

pytestmark = pytest.mark.django_db


def page_url(child: Child) -> str:
    return reverse("reports:summary", args=[child.pk])


def pdf_url(child: Child) -> str:
    return reverse("reports:summary-pdf", args=[child.pk])


def test_the_urls_are_fixed() -> None:
    assert reverse("reports:summary", args=[7]) == "/children/7/summary/"
    assert reverse("reports:summary-pdf", args=[7]) == "/children/7/summary.pdf"


def grant(child: Child, membership: Membership, scope: str) -> None:
    record_operations.open_grant(
        by=Actor.system(child.organisation),
        child=child,
        organisation=membership.organisation,
        scope=scope,
        reason="Multi-agency meeting",
    )


@pytest.mark.parametrize("url", [page_url, pdf_url])
def test_who_reaches_the_summary(
    url,
    assessed_child: Child,
    practitioner: Membership,
    manager: Membership,
    other_practitioner: Membership,
    partner_viewer: Membership,
    client_for,
) -> None:
    address = url(assessed_child)
    assert client_for(practitioner).get(address).status_code == 200
    assert client_for(manager).get(address).status_code == 200
    assert client_for(other_practitioner).get(address).status_code == 404
    assert client_for(partner_viewer).get(address).status_code == 404
    grant(assessed_child, partner_viewer, Grant.Scope.SUMMARY)
    assert client_for(partner_viewer).get(address).status_code == 200
    anonymous = Client().get(address)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/accounts/sign-in/")


def test_a_summary_grant_holder_sees_the_summary_within_its_limits(
    assessed_child: Child, practitioner: Membership, partner_viewer: Membership, client_for
) -> None:
    grant(assessed_child, partner_viewer, Grant.Scope.SUMMARY)
    own = client_for(practitioner).get(page_url(assessed_child)).content.decode()
    shared = client_for(partner_viewer).get(page_url(assessed_child)).content.decode()
    for text in ("Likelihood of reoffending", "Key concerns", "Hannah Roberts", "Risk to staff"):
        assert text in own
        assert text in shared
    for text in (PNC, "07700 900101", "Mr Smith", "Threatened a teacher in March"):
        assert text in own
        assert text not in shared
    stage_link = reverse("assessment:stage-detail", args=[assessed_child.stages.get().pk])
    assert stage_link in own
    assert stage_link not in shared
    assert "Your organisation can see this summary only" in shared
    assert "Your organisation can see this summary only" not in own


def test_every_view_is_audited(assessed_child: Child, practitioner: Membership, client_for) -> None:
    client = client_for(practitioner)
    client.get(page_url(assessed_child))
    client.get(pdf_url(assessed_child) + "?lang=cy")
    viewed = AuditEvent.objects.filter(
        child_id=assessed_child.pk, event_type="records.child.viewed"
    ).order_by("id")
    assert [(event.detail["page"], event.actor_username) for event in viewed] == [
        ("summary", "pat.practitioner"),
        ("summary PDF", "pat.practitioner"),
    ]


def test_refused_callers_leave_no_viewed_event(
    assessed_child: Child, other_practitioner: Membership, client_for
) -> None:
    client_for(other_practitioner).get(pdf_url(assessed_child))
    assert not AuditEvent.objects.filter(
        child_id=assessed_child.pk, event_type="records.child.viewed"
    ).exists()


def test_the_page_is_a_tab_of_the_record_with_the_pdf_links(
    assessed_child: Child, practitioner: Membership, client_for
) -> None:
    page = client_for(practitioner).get(page_url(assessed_child)).content.decode()
    assert '<h1 class="govuk-heading-m">One-page summary</h1>' in page
    assert f'href="{page_url(assessed_child)}">Summary</a>' in page
    assert 'aria-current="page" href="' + page_url(assessed_child) in page
    assert f'href="{pdf_url(assessed_child)}"' in page
    assert f'href="{pdf_url(assessed_child)}?lang=cy"' in page
    assert "Draft: assessment in progress" in page
    assert "OGRS3 (adult model), not the official YOGRS" in page
    overview = client_for(practitioner).get(
        reverse("records:child-overview", args=[assessed_child.pk])
    )
    assert f'href="{page_url(assessed_child)}">Summary</a>' in overview.content.decode()


def test_a_summary_grant_holder_finds_it_on_the_overview(
    assessed_child: Child, practitioner: Membership, partner_viewer: Membership, client_for
) -> None:
    grant(assessed_child, partner_viewer, Grant.Scope.SUMMARY)
    overview = reverse("records:child-overview", args=[assessed_child.pk])
    shared = client_for(partner_viewer).get(overview).content.decode()
    assert f'href="{page_url(assessed_child)}">View the one-page summary</a>' in shared
    assert f'href="{pdf_url(assessed_child)}">' in shared
    own = client_for(practitioner).get(overview).content.decode()
    assert "View the one-page summary" not in own


def test_the_page_in_welsh(assessed_child: Child, practitioner: Membership, client_for) -> None:
    client = client_for(practitioner)
    client.cookies["cairn_language"] = "cy"
    page = client.get(page_url(assessed_child)).content.decode()
    assert "Barnau" in page
    assert f'href="{pdf_url(assessed_child)}?lang=en"' in page
