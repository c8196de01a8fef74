"""Editing each part of the Core Record through its page.

Bad input re-renders the form (200) with the GOV.UK error summary and the specific message,
and saves nothing. Good input saves, bumps the version, redirects to the section page and
writes the part's audit event.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.forms.models import model_to_dict

from cairn.accounts.models import Membership
from cairn.audit.models import AuditEvent
from cairn.records.models import (
    Address,
    Child,
    Contact,
    Education,
    Exclusion,
    Health,
    LifeEvent,
    Offence,
)
from cairn.records.parts import PART_BY_SLUG
from cairn.records.tests.factories import (
    PROBLEM,
    add_address,
    add_contact,
    add_exclusion,
    add_life_event,
    add_offence,
    date_fields,
    events,
    text,
    today,
    version_in,
    years_ago,
)

pytestmark = pytest.mark.django_db


def record_state(child: Child) -> dict[str, Any]:
    """Everything stored for the child, to show that a refused save wrote nothing."""
    return {
        "child": model_to_dict(Child.objects.get(pk=child.pk))
        | {"version": Child.objects.get(pk=child.pk).version},
        "education": list(Education.objects.filter(child=child).values()),
        "health": list(Health.objects.filter(child=child).values()),
        **{
            model.__name__: list(model.objects.filter(child=child).order_by("id").values())
            for model in (Address, Contact, Exclusion, Offence, LifeEvent)
        },
        "changes": AuditEvent.objects.filter(child_id=child.pk)
        .exclude(event_type="records.child.viewed")
        .count(),
    }


def personal_details(**changes: Any) -> dict[str, Any]:
    data = {
        "given_name": "Kai",
        "middle_names": "Jordan",
        "family_name": "Brennan",
        "preferred_name": "KB",
        "other_names": "",
        **date_fields("date_of_birth", years_ago(14)),
        "sex": "male",
        "gender_identity": "",
        "pronouns": "he/him",
        "ethnicity": "white_british",
        "religion": "none",
        "nationality": "British",
        "first_language": "English",
        "needs_interpreter": "no",
        "interpreter_language": "",
        "prefers_welsh": "yes",
    }
    return {**data, **changes}


def identifiers(**changes: Any) -> dict[str, Any]:
    return {"local_id": "NOR-00001", "pnc_number": "", "nhs_number": "", "upn": "", **changes}


def alerts(**changes: Any) -> dict[str, Any]:
    return {
        "has_exploitation_concern": "no",
        "exploitation_note": "",
        "has_risk_to_staff": "no",
        "risk_to_staff_note": "",
        **changes,
    }


def care(**changes: Any) -> dict[str, Any]:
    data = {
        "looked_after": "no",
        "care_local_authority": "",
        "care_placement": "",
        "social_worker_name": "",
        "social_worker_team": "",
        "social_worker_phone": "",
        "social_worker_email": "",
    }
    return {**data, **changes}


def legal_status(**changes: Any) -> dict[str, Any]:
    data = {
        "legal_status": "none",
        "bail_conditions": "",
        **date_fields("next_court_date", None),
        "next_court": "",
        "custody_establishment": "",
    }
    return {**data, **changes}


def education(**changes: Any) -> dict[str, Any]:
    data = {
        "setting": "Northtown Academy",
        "status": "full_time",
        "year_group": "Year 10",
        "attendance_percent": "85",
        "sen": "none",
        "sen_details": "",
    }
    return {**data, **changes}


def health(**changes: Any) -> dict[str, Any]:
    data = {
        "gp_name": "Dr Patel",
        "gp_practice": "High Street Surgery",
        "gp_phone": "",
        "conditions": "",
        "medication": "",
        "slcn": "suspected",
        "slcn_details": "",
        "neurodiversity": ["adhd", "autism"],
        "neurodiversity_details": "",
    }
    return {**data, **changes}


@dataclass
class SinglePart:
    slug: str
    section: str
    event: str
    good: dict[str, Any]
    saved: dict[str, Any]  # what the good input looks like once stored
    where: str = "child"  # child, education or health

    def stored(self, child: Child) -> Any:
        fresh = Child.objects.get(pk=child.pk)
        return {"child": fresh, "education": fresh.education, "health": fresh.health}[self.where]


SINGLE_PARTS = [
    SinglePart(
        "personal-details",
        "personal",
        "records.personal_details.changed",
        personal_details(family_name="Brennan-Smith"),
        {
            "family_name": "Brennan-Smith",
            "middle_names": "Jordan",
            "date_of_birth": years_ago(14),
            "prefers_welsh": True,
            "needs_interpreter": False,
        },
    ),
    SinglePart(
        "identifiers",
        "personal",
        "records.identifiers.changed",
        identifiers(pnc_number="19/123456e", nhs_number="9434765919", upn="h801200001001"),
        {"pnc_number": "19/0123456E", "nhs_number": "943 476 5919", "upn": "H801200001001"},
    ),
    SinglePart(
        "alerts",
        "status",
        "records.alerts.changed",
        alerts(has_exploitation_concern="yes", exploitation_note="County lines"),
        {
            "has_exploitation_concern": True,
            "exploitation_note": "County lines",
            "has_risk_to_staff": False,
        },
    ),
    SinglePart(
        "care",
        "status",
        "records.care.changed",
        care(
            looked_after="care_order",
            care_local_authority="Northshire County Council",
            social_worker_email="sw@example.org",
        ),
        {
            "looked_after": "care_order",
            "care_local_authority": "Northshire County Council",
            "social_worker_email": "sw@example.org",
        },
    ),
    SinglePart(
        "legal-status",
        "status",
        "records.legal_status.changed",
        legal_status(
            legal_status="bail",
            bail_conditions="Curfew 7pm to 7am",
            **date_fields("next_court_date", today() + dt.timedelta(days=14)),
            next_court="Northtown Youth Court",
        ),
        {
            "legal_status": "bail",
            "bail_conditions": "Curfew 7pm to 7am",
            "next_court_date": today() + dt.timedelta(days=14),
            "next_court": "Northtown Youth Court",
        },
    ),
    SinglePart(
        "education",
        "education",
        "records.education.changed",
        education(attendance_percent="100"),
        {
            "setting": "Northtown Academy",
            "status": "full_time",
            "attendance_percent": 100,
            "sen": "none",
        },
        where="education",
    ),
    SinglePart(
        "health",
        "health",
        "records.health.changed",
        health(),
        {"gp_name": "Dr Patel", "slcn": "suspected", "neurodiversity": ["adhd", "autism"]},
        where="health",
    ),
]


@pytest.mark.parametrize("part", SINGLE_PARTS, ids=lambda part: part.slug)
def test_good_input_saves_bumps_the_version_and_returns_to_the_section(
    client_for, practitioner, child, part
):
    client = client_for(practitioner)
    url = f"/children/{child.pk}/{part.slug}/edit/"
    version_field = PART_BY_SLUG[part.slug].form.version_field  # each part its own version
    before = getattr(part.stored(child), version_field)
    version = version_in(client.get(url))

    response = client.post(url, {**part.good, "version": version})

    assert response.status_code == 302
    assert response["Location"] == f"/children/{child.pk}/{part.section}/#{part.slug}"
    stored = part.stored(child)
    assert getattr(stored, version_field) == before + 1
    assert {name: getattr(stored, name) for name in part.saved} == part.saved


@pytest.mark.parametrize("part", SINGLE_PARTS, ids=lambda part: part.slug)
def test_good_input_writes_the_parts_changed_event_with_old_and_new_values(
    client_for, practitioner, child, part
):
    client = client_for(practitioner)
    url = f"/children/{child.pk}/{part.slug}/edit/"
    name, new = next(iter(part.saved.items()))
    old = getattr(part.stored(child), name)

    client.post(url, {**part.good, "version": version_in(client.get(url))})

    [event] = events(child, part.event)
    assert event.actor_username == practitioner.user.username
    assert event.organisation_name == practitioner.organisation.name
    assert event.child_id == child.pk
    assert event.detail["changes"][name] == [plain(old), plain(new)]


def plain(value: Any) -> Any:
    """A value as the audit log stores it."""
    return value.isoformat() if isinstance(value, dt.date) else value


def test_saving_without_changes_bumps_the_version_but_writes_no_changed_event(
    client_for, practitioner, child
):
    client = client_for(practitioner)
    url = f"/children/{child.pk}/alerts/edit/"

    response = client.post(url, {**alerts(), "version": version_in(client.get(url))})

    assert response.status_code == 302
    assert events(child, "records.alerts.changed") == []


def test_changing_a_childs_education_marks_the_child_as_updated(client_for, practitioner, child):
    client = client_for(practitioner)
    url = f"/children/{child.pk}/education/edit/"
    before = Child.objects.get(pk=child.pk).updated_at

    client.post(url, {**education(), "version": version_in(client.get(url))})

    assert Child.objects.get(pk=child.pk).updated_at > before


def test_edit_page_shows_the_stored_values(client_for, practitioner, make_child, northshire):
    child = make_child(
        northshire,
        pnc_number="12/1234567C",
        has_risk_to_staff=True,
        risk_to_staff_note="Dog at the house",
    )
    client = client_for(practitioner)

    identifiers_page = text(client.get(f"/children/{child.pk}/identifiers/edit/"))
    alerts_page = text(client.get(f"/children/{child.pk}/alerts/edit/"))

    assert 'value="12/1234567C"' in identifiers_page
    assert "Dog at the house" in alerts_page


BAD_SINGLE_INPUT = [
    ("personal-details", personal_details(given_name=""), "Enter the child’s first name"),
    ("personal-details", personal_details(family_name=" "), "Enter the child’s last name"),
    ("personal-details", personal_details(sex=""), "Select the child’s sex"),
    (
        "personal-details",
        personal_details(**date_fields("date_of_birth", today() + dt.timedelta(days=1))),
        "Date of birth must be in the past",
    ),
    (
        "personal-details",
        personal_details(**date_fields("date_of_birth", years_ago(30))),
        "Date of birth must be no more than 25 years ago",
    ),
    (
        "personal-details",
        personal_details(date_of_birth_day=""),
        "Date of birth must include a day",
    ),
    (
        "personal-details",
        personal_details(date_of_birth_day="", date_of_birth_month=""),
        "Date of birth must include a day and month",
    ),
    (
        "personal-details",
        personal_details(date_of_birth_day="31", date_of_birth_month="2"),
        "Date of birth must be a real date",
    ),
    (
        "personal-details",
        personal_details(date_of_birth_year="1899"),
        "Date of birth must be after 1900",
    ),
    (
        "personal-details",
        personal_details(date_of_birth_year="12"),
        "Date of birth must be a real date",
    ),
    (
        "personal-details",
        personal_details(date_of_birth_month="March"),
        "Date of birth must be a real date",
    ),
    (
        "personal-details",
        personal_details(**date_fields("date_of_birth", None)),
        "Enter date of birth",
    ),
    (
        "personal-details",
        personal_details(needs_interpreter="yes", interpreter_language=""),
        "Enter the language the interpreter must speak",
    ),
    (
        "identifiers",
        identifiers(pnc_number="1234567"),
        "Enter a PNC ID in the format 12/1234567A: year, slash, up to 7 digits and a letter",
    ),
    (
        "identifiers",
        identifiers(pnc_number="12/1234567D"),
        "Enter a real PNC ID: the check letter does not match the numbers",
    ),
    (
        "identifiers",
        identifiers(nhs_number="943 476 591"),
        "Enter an NHS number with 10 digits, like 943 476 5919",
    ),
    (
        "identifiers",
        identifiers(nhs_number="943 476 5918"),
        "Enter a real NHS number: the last digit does not match the others",
    ),
    (
        "identifiers",
        identifiers(nhs_number="1000000010"),
        "Enter a real NHS number: the last digit does not match the others",
    ),
    (
        "identifiers",
        identifiers(upn="A801200001001"),
        "Enter a real UPN: the check letter does not match the rest",
    ),
    ("identifiers", identifiers(local_id=""), "Enter the local ID"),
    (
        "alerts",
        alerts(has_exploitation_concern="yes"),
        "Say briefly what the exploitation concern is",
    ),
    (
        "alerts",
        alerts(has_risk_to_staff="yes", risk_to_staff_note="  "),
        "Say briefly what the risk to staff is and how to stay safe",
    ),
    (
        "care",
        care(looked_after="section_20"),
        "Enter the local authority responsible for the child’s care",
    ),
    (
        "care",
        care(looked_after="remand"),
        "Enter the local authority responsible for the child’s care",
    ),
    ("care", care(social_worker_email="not-an-email"), "Enter a valid email address"),
    ("care", care(looked_after="adopted"), "Select a valid choice"),
    (
        "legal-status",
        legal_status(legal_status="bail"),
        "Enter the bail conditions, or ‘none’ for unconditional bail",
    ),
    (
        "legal-status",
        legal_status(legal_status="custody"),
        "Enter the secure establishment where the child is held",
    ),
    (
        "legal-status",
        legal_status(legal_status="remand_yda"),
        "Enter the secure establishment where the child is held",
    ),
    (
        "legal-status",
        legal_status(**date_fields("next_court_date", today())),
        "Enter the court for the next hearing",
    ),
    (
        "legal-status",
        legal_status(
            next_court_date_day="40", next_court_date_month="1", next_court_date_year="2030"
        ),
        "Next court date must be a real date",
    ),
    ("education", education(attendance_percent="101"), "Attendance must be between 0 and 100"),
    ("education", education(attendance_percent="250"), "Attendance must be between 0 and 100"),
    ("education", education(attendance_percent="-1"), "Attendance must be between 0 and 100"),
    (
        "education",
        education(attendance_percent="eighty"),
        "Attendance must be a whole number, like 82",
    ),
    ("health", health(neurodiversity=["autism", "telepathy"]), "Select a valid choice"),
    ("health", health(slcn=""), "This field is required"),
]


@pytest.mark.parametrize(
    ("slug", "data", "message"),
    BAD_SINGLE_INPUT,
    ids=[f"{slug}:{message[:40]}" for slug, _, message in BAD_SINGLE_INPUT],
)
def test_bad_input_is_refused_with_the_error_summary_and_saves_nothing(
    client_for, practitioner, child, slug, data, message
):
    client = client_for(practitioner)
    url = f"/children/{child.pk}/{slug}/edit/"
    version = version_in(client.get(url))
    before = record_state(child)

    response = client.post(url, {**data, "version": version})

    assert response.status_code == 200
    page = text(response)
    assert PROBLEM in page
    assert message in page
    assert record_state(child) == before


def test_edit_page_shows_a_stored_date_in_its_three_boxes(client_for, practitioner, child):
    page = text(client_for(practitioner).get(f"/children/{child.pk}/personal-details/edit/"))

    for name, value in [("day", "14"), ("month", "3"), ("year", "2012")]:
        assert re.search(rf'name="date_of_birth_{name}"[^>]*value="{value}"', page), name


def test_error_summary_links_to_the_first_missing_part_of_a_date(client_for, practitioner, child):
    client = client_for(practitioner)
    url = f"/children/{child.pk}/personal-details/edit/"

    response = client.post(
        url, {**personal_details(date_of_birth_month=""), "version": version_in(client.get(url))}
    )

    assert 'href="#id_date_of_birth_month"' in text(response)


def test_refused_form_keeps_what_was_typed(client_for, practitioner, child):
    client = client_for(practitioner)
    url = f"/children/{child.pk}/personal-details/edit/"

    response = client.post(
        url,
        {
            **personal_details(given_name="", middle_names="Orion", date_of_birth_year="20x2"),
            "version": version_in(client.get(url)),
        },
    )

    page = text(response)
    assert 'value="Orion"' in page
    assert 'value="20x2"' in page


def test_interpreter_language_is_saved_when_an_interpreter_is_needed(
    client_for, practitioner, child
):
    client = client_for(practitioner)
    url = f"/children/{child.pk}/personal-details/edit/"

    client.post(
        url,
        {
            **personal_details(needs_interpreter="yes", interpreter_language="Polish"),
            "version": version_in(client.get(url)),
        },
    )

    stored = Child.objects.get(pk=child.pk)
    assert stored.needs_interpreter is True
    assert stored.interpreter_language == "Polish"


def test_local_id_already_used_in_the_organisation_is_refused(
    client_for, practitioner, make_child, northshire, child
):
    other = make_child(northshire, "Lee", "Carter", local_id="NOR-99999")
    client = client_for(practitioner)
    url = f"/children/{child.pk}/identifiers/edit/"
    before = record_state(child)

    response = client.post(
        url, {**identifiers(local_id=other.local_id), "version": version_in(client.get(url))}
    )

    assert response.status_code == 200
    assert "Another child in your organisation already has the local ID NOR-99999" in text(response)
    assert record_state(child) == before


def test_local_id_used_in_another_organisation_is_accepted(
    client_for, practitioner, make_child, southmoor, child
):
    make_child(southmoor, "Lee", "Carter", local_id="SOU-00042")
    client = client_for(practitioner)
    url = f"/children/{child.pk}/identifiers/edit/"

    response = client.post(
        url, {**identifiers(local_id="SOU-00042"), "version": version_in(client.get(url))}
    )

    assert response.status_code == 302
    assert Child.objects.get(pk=child.pk).local_id == "SOU-00042"


def test_clearing_an_identifier_saves_it_blank(client_for, practitioner, make_child, northshire):
    child = make_child(northshire, pnc_number="12/1234567C")
    client = client_for(practitioner)
    url = f"/children/{child.pk}/identifiers/edit/"

    client.post(
        url, {**identifiers(local_id=child.local_id), "version": version_in(client.get(url))}
    )

    assert Child.objects.get(pk=child.pk).pnc_number == ""


def test_health_neurodiversity_checkboxes_are_shown_ticked_after_saving(
    client_for, practitioner, child
):
    client = client_for(practitioner)
    url = f"/children/{child.pk}/health/edit/"
    client.post(url, {**health(neurodiversity=["fasd"]), "version": version_in(client.get(url))})

    page = text(client.get(url))

    assert Child.objects.get(pk=child.pk).health.neurodiversity == ["fasd"]
    assert 'value="fasd" checked' in page
    assert 'value="autism" checked' not in page


def test_unticking_every_neurodiversity_checkbox_clears_them(client_for, practitioner, child):
    client = client_for(practitioner)
    url = f"/children/{child.pk}/health/edit/"
    client.post(url, {**health(neurodiversity=["adhd"]), "version": version_in(client.get(url))})
    data = health()
    del data["neurodiversity"]

    client.post(url, {**data, "version": version_in(client.get(url))})

    assert Child.objects.get(pk=child.pk).health.neurodiversity == []


def test_section_page_shows_neurodiversity_by_label(client_for, practitioner, child):
    client = client_for(practitioner)
    url = f"/children/{child.pk}/health/edit/"
    client.post(
        url, {**health(neurodiversity=["dyslexia", "tic"]), "version": version_in(client.get(url))}
    )

    page = text(client.get(f"/children/{child.pk}/health/"))

    assert "Dyslexia or dyspraxia, Tourette's or tic disorder" in page


# Allocation -----------------------------------------------------------------------------------


def test_allocation_to_a_team_and_case_worker_in_the_organisation_is_saved(
    client_for, practitioner, manager, north_team, child
):
    client = client_for(practitioner)
    url = f"/children/{child.pk}/allocation/edit/"

    response = client.post(
        url,
        {
            "team": north_team.pk,
            "case_worker": manager.user.pk,
            "version": version_in(client.get(url)),
        },
    )

    assert response.status_code == 302
    assert response["Location"] == f"/children/{child.pk}/personal/#allocation"
    stored = Child.objects.get(pk=child.pk)
    assert (stored.team, stored.case_worker) == (north_team, manager.user)
    [event] = events(child, "records.allocation.changed")
    assert event.detail["changes"]["case_worker"] == [str(practitioner.user), str(manager.user)]


def test_allocation_offers_only_the_organisations_staff(
    client_for, practitioner, manager, other_practitioner, child
):
    page = text(client_for(practitioner).get(f"/children/{child.pk}/allocation/edit/"))

    assert manager.user.display_name in page
    assert other_practitioner.user.display_name not in page


def test_allocation_to_someone_in_another_organisation_is_refused(
    client_for, practitioner, other_practitioner, child
):
    client = client_for(practitioner)
    url = f"/children/{child.pk}/allocation/edit/"
    before = record_state(child)

    response = client.post(
        url,
        {
            "team": "",
            "case_worker": other_practitioner.user.pk,
            "version": version_in(client.get(url)),
        },
    )

    assert response.status_code == 200
    assert PROBLEM in text(response)
    assert "Select a valid choice" in text(response)
    assert record_state(child) == before


def test_allocation_to_another_organisations_team_is_refused(
    client_for, practitioner, southmoor, child
):
    southmoor_team = southmoor.teams.create(name="South team")
    client = client_for(practitioner)
    url = f"/children/{child.pk}/allocation/edit/"

    response = client.post(
        url, {"team": southmoor_team.pk, "case_worker": "", "version": version_in(client.get(url))}
    )

    assert response.status_code == 200
    assert Child.objects.get(pk=child.pk).team == practitioner.team


def test_allocation_can_be_cleared(client_for, practitioner, child):
    client = client_for(practitioner)
    url = f"/children/{child.pk}/allocation/edit/"

    client.post(url, {"team": "", "case_worker": "", "version": version_in(client.get(url))})

    stored = Child.objects.get(pk=child.pk)
    assert (stored.team, stored.case_worker) == (None, None)


# Lists: add, edit and remove ------------------------------------------------------------------


def offence(child: Child, **changes: Any) -> dict[str, Any]:
    data = {
        **date_fields("offence_date", child.tenth_birthday + dt.timedelta(days=30)),
        "description": "Theft of a phone from a shop",
        "category": "theft",
        "outcome_type": "",
        **date_fields("outcome_date", None),
        "court": "",
        **date_fields("order_end_date", None),
        "notes": "",
    }
    return {**data, **changes}


def address(**changes: Any) -> dict[str, Any]:
    data = {
        "line_1": "2 Low Road",
        "line_2": "",
        "town": "Northtown",
        "postcode": "NT2 2BB",
        "living_with": "Mum",
        **date_fields("from_date", years_ago(1)),
        **date_fields("to_date", None),
    }
    return {**data, **changes}


def contact(**changes: Any) -> dict[str, Any]:
    data = {
        "name": "Sam Brennan",
        "relationship": "father",
        "relationship_detail": "",
        "has_parental_responsibility": "yes",
        "lives_with_child": "no",
        "is_emergency_contact": "yes",
        "phone": "07700 900123",
        "email": "",
        "address": "",
        "language": "",
        "notes": "",
    }
    return {**data, **changes}


def exclusion(**changes: Any) -> dict[str, Any]:
    return {
        **date_fields("start_date", years_ago(1)),
        "kind": "suspension",
        "days": "5",
        "reason": "Fighting",
        **changes,
    }


def life_event(child: Child, **changes: Any) -> dict[str, Any]:
    return {
        **date_fields("date", child.date_of_birth + dt.timedelta(days=2000)),
        "event_type": "bereavement",
        "description": "Grandad died",
        **changes,
    }


@dataclass
class ListPart:
    slug: str
    section: str
    model: type[Any]
    event: str
    good: Any  # child -> form data
    saved: dict[str, Any]
    arrange: Any  # child -> an existing item
    change: dict[str, Any] = field(default_factory=dict)  # edits applied on top of `good`


LIST_PARTS = [
    ListPart(
        "addresses",
        "personal",
        Address,
        "addresses",
        lambda child: address(),
        {"line_1": "2 Low Road", "town": "Northtown", "from_date": years_ago(1), "to_date": None},
        add_address,
        {"postcode": "NT9 9ZZ"},
    ),
    ListPart(
        "contacts",
        "family",
        Contact,
        "contacts",
        lambda child: contact(),
        {
            "name": "Sam Brennan",
            "relationship": "father",
            "has_parental_responsibility": True,
            "lives_with_child": False,
        },
        add_contact,
        {"phone": "01234 567890"},
    ),
    ListPart(
        "exclusions",
        "education",
        Exclusion,
        "exclusions",
        lambda child: exclusion(),
        {"kind": "suspension", "days": 5, "start_date": years_ago(1)},
        add_exclusion,
        {"days": "2"},
    ),
    ListPart(
        "offences",
        "offences",
        Offence,
        "offences",
        lambda child: offence(child),
        {
            "description": "Theft of a phone from a shop",
            "category": "theft",
            "offence_date": dt.date(2022, 4, 13),
            "outcome_type": "",
        },
        add_offence,
        {"outcome_type": "youth_caution", **date_fields("outcome_date", dt.date(2022, 5, 1))},
    ),
    ListPart(
        "life-events",
        "life-events",
        LifeEvent,
        "life_events",
        lambda child: life_event(child),
        {
            "event_type": "bereavement",
            "description": "Grandad died",
            "date": dt.date(2012, 3, 14) + dt.timedelta(days=2000),
        },
        add_life_event,
        {"description": "Grandad died; they were close"},
    ),
]


@pytest.mark.parametrize("part", LIST_PARTS, ids=lambda part: part.slug)
def test_adding_an_item_saves_it_and_returns_to_the_section(client_for, practitioner, child, part):
    client = client_for(practitioner)
    url = f"/children/{child.pk}/{part.slug}/new/"
    assert client.get(url).status_code == 200

    response = client.post(url, part.good(child))

    assert response.status_code == 302
    assert response["Location"] == f"/children/{child.pk}/{part.section}/#{part.slug}"
    [item] = part.model.objects.filter(child=child)
    assert {name: getattr(item, name) for name in part.saved} == part.saved
    assert item.version == 1
    [event] = events(child, f"records.{part.event}.added")
    assert event.actor_username == practitioner.user.username
    assert event.object_id == str(item.pk)


@pytest.mark.parametrize("part", LIST_PARTS, ids=lambda part: part.slug)
def test_editing_an_item_saves_it_and_bumps_its_version(client_for, practitioner, child, part):
    item = part.arrange(child)
    client = client_for(practitioner)
    url = f"/children/{child.pk}/{part.slug}/{item.pk}/edit/"
    version = version_in(client.get(url))

    response = client.post(url, {**part.good(child), **part.change, "version": version})

    assert response.status_code == 302
    assert response["Location"] == f"/children/{child.pk}/{part.section}/#{part.slug}"
    item.refresh_from_db()
    assert item.version == 2
    [event] = events(child, f"records.{part.event}.changed")
    assert event.child_id == child.pk
    assert event.detail["changes"]


@pytest.mark.parametrize("part", LIST_PARTS, ids=lambda part: part.slug)
def test_removing_an_item_deletes_it_after_confirmation(client_for, practitioner, child, part):
    item = part.arrange(child)
    client = client_for(practitioner)
    url = f"/children/{child.pk}/{part.slug}/{item.pk}/remove/"
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert "Are you sure you want to remove this" in text(confirm)
    assert part.model.objects.filter(pk=item.pk).exists()

    response = client.post(url, {"version": version_in(confirm)})

    assert response.status_code == 302
    assert response["Location"] == f"/children/{child.pk}/{part.section}/#{part.slug}"
    assert not part.model.objects.filter(pk=item.pk).exists()
    [event] = events(child, f"records.{part.event}.removed")
    assert event.detail["object_id"] == item.pk
    # The removed item's own values, so the log can still name it once it is gone.
    assert set(event.detail["item"]) <= {field.name for field in part.model._meta.fields}


@pytest.mark.parametrize("part", LIST_PARTS, ids=lambda part: part.slug)
def test_added_item_is_listed_on_its_section_page(client_for, practitioner, child, part):
    part.arrange(child)

    response = client_for(practitioner).get(f"/children/{child.pk}/{part.section}/")

    assert response.status_code == 200
    assert f"/children/{child.pk}/{part.slug}/" in text(response)


BAD_LIST_INPUT = [
    ("addresses", lambda child: address(line_1=""), "Enter the first line of the address"),
    ("addresses", lambda child: address(town=""), "Enter the town or city"),
    (
        "addresses",
        lambda child: address(**date_fields("to_date", years_ago(2))),
        "The end date must be the same as or after the start date",
    ),
    (
        "addresses",
        lambda child: address(**date_fields("from_date", today() + dt.timedelta(days=1))),
        "Lived here from must be today or in the past",
    ),
    ("addresses", lambda child: address(**date_fields("from_date", None)), "Enter lived here from"),
    ("contacts", lambda child: contact(name=""), "Enter the contact’s name"),
    (
        "contacts",
        lambda child: contact(relationship=""),
        "Select how they are related to the child",
    ),
    ("contacts", lambda child: contact(email="jo@"), "Enter a valid email address"),
    ("exclusions", lambda child: exclusion(kind=""), "Select the type of exclusion"),
    ("exclusions", lambda child: exclusion(days="three"), "Number of days must be a whole number"),
    ("exclusions", lambda child: exclusion(start_date_year=""), "Date must include a year"),
    (
        "offences",
        lambda child: offence(child, **date_fields("offence_date", dt.date(2022, 3, 13))),
        "Offence date must be on or after Kai’s tenth birthday (14 March 2022)",
    ),
    ("offences", lambda child: offence(child, description=""), "Describe the offence"),
    ("offences", lambda child: offence(child, category=""), "Select the offence category"),
    (
        "offences",
        lambda child: offence(child, outcome_type="youth_caution"),
        "Enter the date of the outcome",
    ),
    (
        "offences",
        lambda child: offence(child, **date_fields("outcome_date", dt.date(2022, 5, 1))),
        "Select the outcome, or remove the outcome date",
    ),
    (
        "offences",
        lambda child: offence(
            child, outcome_type="fine", **date_fields("outcome_date", dt.date(2022, 4, 1))
        ),
        "Outcome date must be the same as or after the offence date",
    ),
    (
        "offences",
        lambda child: offence(
            child, outcome_type="referral_order", **date_fields("outcome_date", dt.date(2022, 6, 1))
        ),
        "Enter the court that decided the outcome",
    ),
    (
        "offences",
        lambda child: offence(child, **date_fields("offence_date", today() + dt.timedelta(days=1))),
        "Offence date must be today or in the past",
    ),
    (
        "life-events",
        lambda child: life_event(child, **date_fields("date", dt.date(2012, 3, 13))),
        "Date must be on or after Kai’s date of birth",
    ),
    ("life-events", lambda child: life_event(child, description=""), "Describe what happened"),
    ("life-events", lambda child: life_event(child, event_type=""), "Select the type of event"),
]


@pytest.mark.parametrize(
    ("slug", "data", "message"),
    BAD_LIST_INPUT,
    ids=[f"{slug}:{message[:40]}" for slug, _, message in BAD_LIST_INPUT],
)
def test_bad_new_item_is_refused_with_the_error_summary_and_saves_nothing(
    client_for, practitioner, child, slug, data, message
):
    client = client_for(practitioner)
    before = record_state(child)

    response = client.post(f"/children/{child.pk}/{slug}/new/", data(child))

    assert response.status_code == 200
    page = text(response)
    assert PROBLEM in page
    assert message in page
    assert record_state(child) == before


@pytest.mark.parametrize(
    ("slug", "data", "message"),
    BAD_LIST_INPUT,
    ids=[f"{slug}:{message[:40]}" for slug, _, message in BAD_LIST_INPUT],
)
def test_bad_change_to_an_item_is_refused_and_saves_nothing(
    client_for, practitioner, child, slug, data, message
):
    part = next(part for part in LIST_PARTS if part.slug == slug)
    item = part.arrange(child)
    client = client_for(practitioner)
    url = f"/children/{child.pk}/{slug}/{item.pk}/edit/"
    version = version_in(client.get(url))
    before = record_state(child)

    response = client.post(url, {**data(child), "version": version})

    assert response.status_code == 200
    assert message in text(response)
    assert record_state(child) == before


def test_court_outcome_with_court_and_order_end_is_saved(client_for, practitioner, child):
    data = offence(
        child,
        outcome_type="referral_order",
        **date_fields("outcome_date", dt.date(2022, 6, 1)),
        court="Northtown Youth Court",
        **date_fields("order_end_date", dt.date(2023, 6, 1)),
        is_primary="on",
    )

    response = client_for(practitioner).post(f"/children/{child.pk}/offences/new/", data)

    assert response.status_code == 302
    [stored] = child.offences.all()
    assert (stored.outcome_type, stored.court, stored.order_end_date, stored.is_primary) == (
        "referral_order",
        "Northtown Youth Court",
        dt.date(2023, 6, 1),
        True,
    )
    assert stored.is_sanction


def test_removing_an_item_does_not_touch_the_childs_other_items(client_for, practitioner, child):
    keep = add_offence(child, description="Criminal damage")
    remove = add_offence(child, description="Shoplifting")
    client = client_for(practitioner)

    client.post(f"/children/{child.pk}/offences/{remove.pk}/remove/", {"version": remove.version})

    assert list(child.offences.values_list("pk", flat=True)) == [keep.pk]


def test_item_of_another_child_is_not_found_through_this_child(
    client_for, practitioner, make_child, northshire, child
):
    sibling = make_child(northshire, "Lee", "Brennan")
    offence_of_sibling = add_offence(sibling)
    client = client_for(practitioner)

    edit = client.get(f"/children/{child.pk}/offences/{offence_of_sibling.pk}/edit/")
    remove = client.post(
        f"/children/{child.pk}/offences/{offence_of_sibling.pk}/remove/", {"version": 1}
    )

    assert (edit.status_code, remove.status_code) == (404, 404)
    assert Offence.objects.filter(pk=offence_of_sibling.pk).exists()


def test_item_of_a_different_kind_is_not_found(client_for, practitioner, child):
    item = add_offence(child)

    response = client_for(practitioner).get(f"/children/{child.pk}/life-events/{item.pk}/edit/")

    assert response.status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "addresses/edit/",  # a list part has no single edit page
        "alerts/new/",  # a single part has no items to add
        "alerts/1/edit/",
        "alerts/1/remove/",
        "nonsense/edit/",
        "nonsense/new/",
        "nonsense/1/edit/",
        "nonsense/1/remove/",
        "offences/999999/edit/",
        "offences/999999/remove/",
        "nonsense/",  # no such section
    ],
)
def test_unknown_parts_and_items_are_not_found(client_for, practitioner, child, path):
    response = client_for(practitioner).get(f"/children/{child.pk}/{path}")

    assert response.status_code == 404


def test_remove_page_with_a_version_that_is_not_a_number_is_refused(
    client_for, practitioner, child
):
    item = add_offence(child)
    client = client_for(practitioner)
    url = f"/children/{child.pk}/offences/{item.pk}/remove/"

    response = client.post(url, {"version": "abc"}, follow=True)

    assert Offence.objects.filter(pk=item.pk).exists()
    assert "Someone changed this offence after you opened it" in text(response)


def test_an_edit_saved_by_a_manager_is_attributed_to_the_manager(
    client_for, manager: Membership, child
):
    client = client_for(manager)
    url = f"/children/{child.pk}/alerts/edit/"

    client.post(
        url,
        {
            **alerts(has_risk_to_staff="yes", risk_to_staff_note="Aggressive dog"),
            "version": version_in(client.get(url)),
        },
    )

    [event] = events(child, "records.alerts.changed")
    assert event.actor_username == manager.user.username
