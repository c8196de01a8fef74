"""Shaping Core Record data for pages: summary-list rows, alerts, age and change history."""

from __future__ import annotations

import datetime as dt

import pytest

from cairn.audit.models import AuditEvent
from cairn.audit.operations import Actor
from cairn.records import operations, presenters
from cairn.records.models import Child, Education, Health, Offence
from cairn.records.presenters import Alert
from cairn.records.tests.factories import today, years_ago

NOT_RECORDED = "Not recorded"


def a_child(**extra) -> Child:
    data = {
        "given_name": "Kai",
        "family_name": "Brennan",
        "date_of_birth": dt.date(2012, 3, 14),
        "sex": "male",
    }
    return Child(**{**data, **extra})


def row(obj, name: str) -> dict:
    [only] = presenters.rows(obj, [name])
    return only


def shown(obj, name: str) -> str:
    value = row(obj, name)["value"]
    return value.get("text") or value["html"]


# rows() ---------------------------------------------------------------------------------------


def test_rows_show_not_recorded_for_blank_values():
    child = a_child()

    for name in (
        "middle_names",
        "ethnicity",
        "pnc_number",
        "next_court_date",
        "team",
        "case_worker",
    ):
        value = row(child, name)["value"]
        assert "text" not in value
        assert NOT_RECORDED in value["html"]
        assert 'class="govuk-hint' in value["html"]


def test_rows_show_choice_labels_not_codes():
    child = a_child(
        legal_status=Child.LegalStatus.REMAND_YDA, ethnicity="mixed_white_asian", religion="none"
    )

    assert shown(child, "sex") == "Male"
    assert shown(child, "legal_status") == "Remanded to youth detention accommodation"
    assert shown(child, "ethnicity") == "Mixed or multiple: White and Asian"
    assert shown(child, "religion") == "No religion"


def test_rows_show_yes_or_no_for_true_or_false():
    child = a_child(needs_interpreter=True, interpreter_language="Polish")

    assert shown(child, "needs_interpreter") == "Yes"
    assert shown(child, "prefers_welsh") == "No"


def test_rows_show_dates_in_words():
    child = a_child(next_court_date=dt.date(2026, 1, 5))

    assert shown(child, "date_of_birth") == "14 March 2012"
    assert shown(child, "next_court_date") == "5 January 2026"


def test_rows_show_zero_as_a_value_not_as_blank():
    education = Education(child=a_child(), attendance_percent=0)

    assert shown(education, "attendance_percent") == "0"


def test_rows_show_ticked_choices_by_label():
    health = Health(child=a_child(), neurodiversity=["adhd", "fasd"])

    assert shown(health, "neurodiversity") == "ADHD, Foetal alcohol spectrum disorder"
    assert NOT_RECORDED in shown(Health(child=a_child(), neurodiversity=[]), "neurodiversity")


def test_rows_are_labelled_with_the_fields_name_capitalised():
    child = a_child()

    labels = [
        item["key"]["text"]
        for item in presenters.rows(
            child, ["date_of_birth", "pnc_number", "nhs_number", "upn", "local_id"]
        )
    ]

    assert labels == ["Date of birth", "PNC ID", "NHS number", "UPN", "Local ID"]


def test_rows_keep_the_order_asked_for():
    child = a_child(pnc_number="12/1234567C")

    labels = [
        item["key"]["text"] for item in presenters.rows(child, ("sex", "pnc_number", "given_name"))
    ]

    assert labels == ["Sex", "PNC ID", "First name"]


def test_offence_rows_show_outcome_labels_and_blank_outcomes():
    offence = Offence(
        child=a_child(), offence_date=dt.date(2023, 5, 1), description="Theft", category="theft"
    )

    assert shown(offence, "category") == "Theft (non-motor)"
    assert NOT_RECORDED in shown(offence, "outcome_type")
    assert shown(offence, "is_primary") == "No"


@pytest.mark.django_db
def test_rows_show_people_by_name_and_teams_by_name(practitioner, north_team):
    child = a_child(case_worker=practitioner.user, team=north_team)

    assert shown(child, "case_worker") == "Pat Tester"
    assert shown(child, "team") == "North team"


def test_text_is_escaped_by_the_template_not_marked_safe():
    child = a_child(middle_names="<b>bold</b>")

    assert row(child, "middle_names")["value"] == {"text": "<b>bold</b>"}


# alerts() -------------------------------------------------------------------------------------


def test_child_with_nothing_to_flag_has_no_alerts():
    assert presenters.alerts(a_child()) == []


def test_alerts_flag_each_concern_with_its_detail_and_colour():
    child = a_child(
        has_exploitation_concern=True,
        exploitation_note="County lines",
        has_risk_to_staff=True,
        risk_to_staff_note="Dog at the house",
        needs_interpreter=True,
        interpreter_language="Polish",
        looked_after=Child.LookedAfter.CARE_ORDER,
        legal_status=Child.LegalStatus.CUSTODY,
        custody_establishment="Oakwood STC",
    )

    assert presenters.alerts(child) == [
        Alert("Exploitation concern", "County lines", "red"),
        Alert("Risk to staff", "Dog at the house", "red"),
        Alert("Interpreter needed", "Polish", "blue"),
        Alert("Looked after", "Care order (section 31)", "purple"),
        Alert("In custody", "Oakwood STC", "orange"),
    ]


@pytest.mark.parametrize(
    ("looked_after", "flagged"),
    [
        (Child.LookedAfter.NO, False),
        (Child.LookedAfter.SECTION_20, True),
        (Child.LookedAfter.CARE_ORDER, True),
        (Child.LookedAfter.REMAND, True),
        (Child.LookedAfter.CARE_LEAVER, False),
        (Child.LookedAfter.YET_TO_CLARIFY, False),
    ],
)
def test_looked_after_alert_is_for_children_in_care_now(looked_after, flagged):
    texts = [alert.text for alert in presenters.alerts(a_child(looked_after=looked_after))]

    assert ("Looked after" in texts) is flagged


@pytest.mark.parametrize(
    ("legal_status", "flagged"),
    [
        (Child.LegalStatus.NONE, False),
        (Child.LegalStatus.BAIL, False),
        (Child.LegalStatus.REMAND_LA, False),
        (Child.LegalStatus.REMAND_YDA, True),
        (Child.LegalStatus.CUSTODY, True),
        (Child.LegalStatus.LICENCE, False),
    ],
)
def test_in_custody_alert_is_for_remand_to_youth_detention_or_custody(legal_status, flagged):
    texts = [alert.text for alert in presenters.alerts(a_child(legal_status=legal_status))]

    assert ("In custody" in texts) is flagged


# age() ----------------------------------------------------------------------------------------


def test_age_is_whole_years_today():
    assert presenters.age(a_child(date_of_birth=years_ago(15))) == 15
    assert presenters.age(a_child(date_of_birth=years_ago(15) + dt.timedelta(days=1))) == 14


def test_age_on_a_given_date_counts_the_birthday_itself():
    child = a_child(date_of_birth=dt.date(2012, 3, 14))

    assert child.age_on(dt.date(2024, 3, 13)) == 11
    assert child.age_on(dt.date(2024, 3, 14)) == 12


def test_child_born_today_is_aged_nought():
    assert presenters.age(a_child(date_of_birth=today())) == 0


# history() ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_history_describes_each_change_in_words(child):
    operations.update_record(
        by=Actor.system(child.organisation),
        obj=child,
        data={"legal_status": Child.LegalStatus.BAIL, "bail_conditions": "Curfew"},
        version=child.version,
        part="legal_status",
    )
    event = AuditEvent.objects.get(event_type="records.legal_status.changed")

    [item] = presenters.history([event])

    assert item.summary == "Changed legal status"
    assert item.who == "system"
    assert ("Legal status", "No current order or proceedings", "On bail") in item.changes
    assert ("Bail conditions", "–", "Curfew") in item.changes


@pytest.mark.django_db
def test_history_of_events_without_changes_has_no_change_lines(child):
    event = AuditEvent.objects.get(event_type="records.child.created", child_id=child.pk)

    [item] = presenters.history([event])

    assert item.changes == []
    assert item.summary == "Created the record of Kai Brennan"
