"""Who may see and change a child's record, and the audit of every view.

Anyone who may not reach a child gets "not found", so a child's existence never leaks.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from cairn.accounts.models import Membership
from cairn.audit.models import AuditEvent
from cairn.records.models import Child, Grant
from cairn.records.parts import PARTS, SECTIONS
from cairn.records.tests.factories import add_offence, events, grant, text, version_in

pytestmark = pytest.mark.django_db

SECTION_SLUGS = [section.slug for section in SECTIONS]
SINGLE_SLUGS = [part.slug for part in PARTS if not part.is_list]
LIST_SLUGS = [part.slug for part in PARTS if part.is_list]


def read_pages(child_id: int) -> list[str]:
    return [f"/children/{child_id}/", *[f"/children/{child_id}/{slug}/" for slug in SECTION_SLUGS]]


def edit_pages(child_id: int, item_id: int) -> list[str]:
    return [
        *[f"/children/{child_id}/{slug}/edit/" for slug in SINGLE_SLUGS],
        *[f"/children/{child_id}/{slug}/new/" for slug in LIST_SLUGS],
        f"/children/{child_id}/offences/{item_id}/edit/",
        f"/children/{child_id}/offences/{item_id}/remove/",
    ]


def every_page(child_id: int, item_id: int) -> list[str]:
    return [
        *read_pages(child_id),
        f"/children/{child_id}/access-log/",
        *edit_pages(child_id, item_id),
    ]


@pytest.fixture
def offence(child):
    return add_offence(child)


def test_practitioner_of_the_childs_organisation_reaches_every_page(
    client_for, practitioner, child, offence
):
    client = client_for(practitioner)

    pages = [*read_pages(child.pk), *edit_pages(child.pk, offence.pk)]

    statuses = {url: client.get(url).status_code for url in pages}

    assert statuses == dict.fromkeys(pages, 200)


def test_every_child_page_is_not_found_for_another_organisation(
    client_for, other_practitioner, child, offence
):
    client = client_for(other_practitioner)

    statuses = {url: client.get(url).status_code for url in every_page(child.pk, offence.pk)}

    assert set(statuses.values()) == {404}


def test_every_child_page_is_not_found_for_another_organisations_manager(
    client_for, make_member, southmoor, child, offence
):
    southmoor_manager = make_member("max.south", southmoor, Membership.Role.MANAGER)
    client = client_for(southmoor_manager)

    statuses = {url: client.get(url).status_code for url in every_page(child.pk, offence.pk)}

    assert set(statuses.values()) == {404}


def test_every_child_page_is_not_found_for_a_child_that_does_not_exist(
    client_for, manager, child, offence
):
    client = client_for(manager)
    missing = Child.objects.order_by("-pk").first().pk + 1000

    statuses = {url: client.get(url).status_code for url in every_page(missing, offence.pk)}

    assert set(statuses.values()) == {404}


def test_another_organisation_cannot_change_the_record(
    client_for, other_practitioner, child, offence
):
    client = client_for(other_practitioner)
    alerts = {
        "has_exploitation_concern": "yes",
        "exploitation_note": "Invented",
        "has_risk_to_staff": "no",
        "version": "1",
    }

    edit = client.post(f"/children/{child.pk}/alerts/edit/", alerts)
    remove = client.post(
        f"/children/{child.pk}/offences/{offence.pk}/remove/", {"version": offence.version}
    )

    assert (edit.status_code, remove.status_code) == (404, 404)
    assert Child.objects.get(pk=child.pk).exploitation_note == ""
    assert child.offences.filter(pk=offence.pk).exists()


@pytest.mark.parametrize("who", ["secure_staff", "partner_viewer", "placements_officer"])
def test_no_one_outside_the_organisation_reaches_a_child_without_a_grant(
    client_for, request, child, offence, who
):
    client = client_for(request.getfixturevalue(who))

    statuses = {client.get(url).status_code for url in every_page(child.pk, offence.pk)}

    assert statuses == {404}


def test_administrator_of_the_organisation_does_not_see_childrens_records(
    client_for, administrator, child, offence
):
    client = client_for(administrator)

    statuses = {client.get(url).status_code for url in every_page(child.pk, offence.pk)}

    assert statuses == {404}


# Grants ---------------------------------------------------------------------------------------


def test_secure_estate_with_a_custody_grant_reads_the_overview_and_sections(
    client_for, secure_staff, oakwood, child, offence
):
    grant(child, oakwood, Grant.Scope.CUSTODY)
    client = client_for(secure_staff)

    statuses = {url: client.get(url).status_code for url in read_pages(child.pk)}

    assert set(statuses.values()) == {200}


def test_secure_estate_with_a_custody_grant_cannot_open_edit_pages(
    client_for, secure_staff, oakwood, child, offence
):
    grant(child, oakwood, Grant.Scope.CUSTODY)
    client = client_for(secure_staff)

    statuses = {url: client.get(url).status_code for url in edit_pages(child.pk, offence.pk)}

    assert set(statuses.values()) == {404}


def test_secure_estate_with_a_custody_grant_cannot_save_changes(
    client_for, secure_staff, oakwood, child, offence
):
    grant(child, oakwood, Grant.Scope.CUSTODY)
    client = client_for(secure_staff)
    alerts = {
        "has_exploitation_concern": "yes",
        "exploitation_note": "Invented",
        "has_risk_to_staff": "no",
        "version": "1",
    }

    edit = client.post(f"/children/{child.pk}/alerts/edit/", alerts)
    remove = client.post(
        f"/children/{child.pk}/offences/{offence.pk}/remove/", {"version": offence.version}
    )

    assert (edit.status_code, remove.status_code) == (404, 404)
    assert Child.objects.get(pk=child.pk).exploitation_note == ""
    assert child.offences.filter(pk=offence.pk).exists()


def test_read_only_pages_offer_no_change_links(client_for, secure_staff, oakwood, child, offence):
    grant(child, oakwood, Grant.Scope.CUSTODY)

    page = text(client_for(secure_staff).get(f"/children/{child.pk}/offences/"))

    assert f"/children/{child.pk}/offences/{offence.pk}/edit/" not in page
    assert f"/children/{child.pk}/offences/new/" not in page


def test_secure_estate_cannot_read_the_access_log(client_for, secure_staff, oakwood, child):
    grant(child, oakwood, Grant.Scope.CUSTODY)

    response = client_for(secure_staff).get(f"/children/{child.pk}/access-log/")

    assert response.status_code == 403


@pytest.mark.parametrize(
    "period",
    [
        {"valid_from": -30, "valid_until": -1},  # expired
        {"valid_from": 1, "valid_until": 30},  # not yet started
        {"valid_from": 1, "valid_until": None},
        {"revoked": True},
    ],
    ids=["expired", "not-yet-started", "not-yet-started-open-ended", "revoked"],
)
def test_grant_not_in_force_gives_not_found(
    client_for, secure_staff, oakwood, child, offence, period
):
    now = timezone.now()
    days = {
        key: (now + dt.timedelta(days=value) if value is not None else None)
        for key, value in period.items()
        if key != "revoked"
    }
    grant(child, oakwood, Grant.Scope.CUSTODY, revoked=period.get("revoked", False), **days)
    client = client_for(secure_staff)

    statuses = {client.get(url).status_code for url in read_pages(child.pk)}

    assert statuses == {404}


def test_grant_ending_in_the_future_is_in_force(client_for, secure_staff, oakwood, child):
    grant(child, oakwood, Grant.Scope.CUSTODY, valid_until=timezone.now() + dt.timedelta(days=1))

    response = client_for(secure_staff).get(f"/children/{child.pk}/")

    assert response.status_code == 200


def test_grant_to_one_secure_establishment_does_not_reach_another(
    client_for, make_member, oakwood, child
):
    from cairn.accounts.models import Organisation

    elsewhere = Organisation.objects.create(
        name="Elm House Secure Children's Home",
        short_name="Elm",
        code="elm-sch",
        kind=Organisation.Kind.SECURE_CHILDRENS_HOME,
    )
    stranger = make_member("eli.elm", elsewhere, Membership.Role.SECURE_ESTATE)
    grant(child, oakwood, Grant.Scope.CUSTODY)

    response = client_for(stranger).get(f"/children/{child.pk}/")

    assert response.status_code == 404


def test_grant_for_one_child_does_not_reach_a_sibling(
    client_for, secure_staff, oakwood, make_child, northshire, child
):
    sibling = make_child(northshire, "Lee", "Brennan")
    grant(child, oakwood, Grant.Scope.CUSTODY)

    response = client_for(secure_staff).get(f"/children/{sibling.pk}/")

    assert response.status_code == 404


def test_partner_viewer_with_a_summary_grant_sees_the_overview_only(
    client_for, partner_viewer, partner_agency, child, offence
):
    grant(child, partner_agency, Grant.Scope.SUMMARY)
    client = client_for(partner_viewer)

    overview = client.get(f"/children/{child.pk}/")
    sections = {client.get(f"/children/{child.pk}/{slug}/").status_code for slug in SECTION_SLUGS}
    edits = {client.get(url).status_code for url in edit_pages(child.pk, offence.pk)}

    assert overview.status_code == 200
    assert "Your organisation can see this summary only" in text(overview)
    assert sections == {404}
    assert edits == {404}


def test_summary_overview_leaves_out_offences_and_alert_details(
    client_for, partner_viewer, partner_agency, make_child, northshire
):
    child = make_child(
        northshire, has_exploitation_concern=True, exploitation_note="Seen with older men in a car"
    )
    add_offence(child, description="Robbery of a phone")
    grant(child, partner_agency, Grant.Scope.SUMMARY)

    page = text(client_for(partner_viewer).get(f"/children/{child.pk}/"))

    assert "Exploitation concern" in page
    assert "Seen with older men in a car" not in page
    assert "Robbery of a phone" not in page


def test_placements_officer_with_a_placement_grant_reads_but_cannot_edit(
    client_for, placements_officer, placements, child, offence
):
    grant(child, placements, Grant.Scope.PLACEMENT)
    client = client_for(placements_officer)

    reads = {client.get(url).status_code for url in read_pages(child.pk)}
    edits = {client.get(url).status_code for url in edit_pages(child.pk, offence.pk)}

    assert (reads, edits) == ({200}, {404})


def test_receiving_service_with_a_transfer_grant_may_change_the_record(
    client_for, other_practitioner, southmoor, child
):
    grant(child, southmoor, Grant.Scope.TRANSFER)
    client = client_for(other_practitioner)
    url = f"/children/{child.pk}/alerts/edit/"
    alerts = {
        "has_exploitation_concern": "no",
        "has_risk_to_staff": "yes",
        "risk_to_staff_note": "Dog",
    }

    response = client.post(url, {**alerts, "version": version_in(client.get(url))})

    assert response.status_code == 302
    assert Child.objects.get(pk=child.pk).risk_to_staff_note == "Dog"
    [event] = events(child, "records.alerts.changed")
    assert event.organisation_name == southmoor.name


def test_best_grant_in_force_decides(client_for, partner_viewer, partner_agency, child):
    grant(child, partner_agency, Grant.Scope.SUMMARY)
    grant(
        child,
        partner_agency,
        Grant.Scope.PLACEMENT,
        valid_until=timezone.now() - dt.timedelta(seconds=1),
        valid_from=timezone.now() - dt.timedelta(days=1),
    )
    grant(child, partner_agency, Grant.Scope.TRANSFER, revoked=True)
    client = client_for(partner_viewer)

    assert client.get(f"/children/{child.pk}/").status_code == 200
    assert client.get(f"/children/{child.pk}/personal/").status_code == 404


def test_children_shared_with_us_lists_children_under_a_grant_in_force(
    client_for, secure_staff, oakwood, make_child, northshire
):
    shared = make_child(northshire, "Kai", "Brennan")
    expired = make_child(northshire, "Lee", "Carter")
    make_child(northshire, "Mia", "Evans")
    grant(shared, oakwood, Grant.Scope.CUSTODY)
    grant(
        expired,
        oakwood,
        Grant.Scope.CUSTODY,
        valid_from=timezone.now() - dt.timedelta(days=10),
        valid_until=timezone.now() - dt.timedelta(days=1),
    )

    page = text(client_for(secure_staff).get("/shared/"))

    assert "Brennan, Kai" in page
    assert "Carter, Lee" not in page
    assert "Evans, Mia" not in page
    assert northshire.name in page


# Access log -----------------------------------------------------------------------------------


def test_manager_reads_the_access_log(client_for, manager, practitioner, child):
    client_for(practitioner).get(f"/children/{child.pk}/")

    response = client_for(manager).get(f"/children/{child.pk}/access-log/")

    assert response.status_code == 200
    page = text(response)
    assert "Access log" in page
    assert "pat.practitioner" in page
    assert "Viewed the overview" in page


def test_the_access_log_describes_every_event_in_words_not_codes(
    client_for, manager, practitioner, child
):
    """Each line reads as a sentence; the event types the log keeps are never shown."""
    client = client_for(practitioner)
    client.get(f"/children/{child.pk}/")
    client.get(f"/children/{child.pk}/offences/")
    client.get(f"/children/{child.pk}/summary.pdf")

    page = text(client_for(manager).get(f"/children/{child.pk}/access-log/"))

    assert "Viewed the overview" in page
    assert "Viewed offences and outcomes" in page
    assert "Viewed the one-page summary as a PDF" in page
    event_types = AuditEvent.objects.filter(child_id=child.pk).values_list("event_type", flat=True)
    assert set(event_types) >= {"records.child.viewed", "records.child.created"}
    for event_type in set(event_types):
        assert event_type not in page


def test_practitioner_may_not_read_the_access_log(client_for, practitioner, child):
    response = client_for(practitioner).get(f"/children/{child.pk}/access-log/")

    assert response.status_code == 403


def test_access_log_is_not_found_for_another_organisations_manager(
    client_for, make_member, southmoor, child
):
    southmoor_manager = make_member("max.south", southmoor, Membership.Role.MANAGER)

    response = client_for(southmoor_manager).get(f"/children/{child.pk}/access-log/")

    assert response.status_code == 404


def test_access_log_link_is_shown_to_managers_only(client_for, manager, practitioner, child):
    link = f'href="/children/{child.pk}/access-log/"'

    assert link in text(client_for(manager).get(f"/children/{child.pk}/"))
    assert link not in text(client_for(practitioner).get(f"/children/{child.pk}/"))


def test_access_log_pages_fifty_events_at_a_time(client_for, manager, child):
    client = client_for(manager)
    for _ in range(55):
        client.get(f"/children/{child.pk}/")

    first = client.get(f"/children/{child.pk}/access-log/")
    second = client.get(f"/children/{child.pk}/access-log/", {"page": 2})
    junk = client.get(f"/children/{child.pk}/access-log/", {"page": "junk"})

    assert text(first).count('<tr class="govuk-table__row">') == 51  # the heading's row too
    assert second.status_code == 200
    assert junk.status_code == 200


# Every view is audited ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "page"),
    [("", "overview"), *[(f"{slug}/", slug) for slug in SECTION_SLUGS]],
)
def test_every_page_view_writes_a_viewed_event(client_for, practitioner, child, path, page):
    client_for(practitioner).get(
        f"/children/{child.pk}/{path}", REMOTE_ADDR="203.0.113.7", HTTP_USER_AGENT="Firefox"
    )

    [event] = events(child, "records.child.viewed")
    assert event.actor_username == practitioner.user.username
    assert event.organisation_name == practitioner.organisation.name
    assert event.detail == {"page": page}
    assert event.ip_address == "203.0.113.7"
    assert event.user_agent == "Firefox"


def test_access_log_view_is_itself_logged(client_for, manager, child):
    client_for(manager).get(f"/children/{child.pk}/access-log/")

    [event] = events(child, "records.child.viewed")
    assert event.detail == {"page": "access log"}


@pytest.mark.parametrize("slug", SINGLE_SLUGS)
def test_opening_an_edit_page_writes_a_viewed_event(client_for, practitioner, child, slug):
    client_for(practitioner).get(f"/children/{child.pk}/{slug}/edit/")

    [event] = events(child, "records.child.viewed")
    assert event.detail == {"page": f"change {slug}"}


def test_opening_an_item_and_its_remove_page_writes_viewed_events(
    client_for, practitioner, child, offence
):
    client = client_for(practitioner)

    client.get(f"/children/{child.pk}/offences/{offence.pk}/edit/")
    client.get(f"/children/{child.pk}/offences/{offence.pk}/remove/")

    assert [event.detail for event in events(child, "records.child.viewed")] == [
        {"page": "change offences"},
        {"page": "remove offences"},
    ]


def test_viewing_through_a_grant_is_logged_with_the_viewers_organisation(
    client_for, secure_staff, oakwood, child
):
    grant(child, oakwood, Grant.Scope.CUSTODY)

    client_for(secure_staff).get(f"/children/{child.pk}/")

    [event] = events(child, "records.child.viewed")
    assert (event.actor_username, event.organisation_name) == ("sam.secure", oakwood.name)


def test_refused_views_are_not_logged_as_views(client_for, other_practitioner, child):
    client_for(other_practitioner).get(f"/children/{child.pk}/")

    assert events(child, "records.child.viewed") == []


def test_each_view_is_logged_separately(client_for, practitioner, child):
    client = client_for(practitioner)

    client.get(f"/children/{child.pk}/")
    client.get(f"/children/{child.pk}/")

    assert len(events(child, "records.child.viewed")) == 2
