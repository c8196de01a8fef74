"""Safeguarding facts in the Core Record: child protection or child in need, the National
Referral Mechanism and MAPPA, each dated; pulled through to the assessment and shown on the
summary as far as the reader may see them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from cairn.assessment import facts
from cairn.audit.models import AuditEvent
from cairn.audit.operations import Actor
from cairn.framework import catalogue as catalogues
from cairn.records import operations, validation
from cairn.records.access import Access
from cairn.records.models import Child, Grant, Safeguarding
from cairn.records.tests.factories import grant
from cairn.reports import summary

pytestmark = pytest.mark.django_db

TODAY = dt.date.today()


def days_ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


FULL = {
    "protection": "child_protection",
    "protection_from": days_ago(200),
    "nrm_referred_on": days_ago(90),
    "nrm_reasonable_grounds": "positive",
    "nrm_reasonable_grounds_on": days_ago(85),
    "nrm_conclusive_grounds": "awaited",
    "nrm_conclusive_grounds_on": None,
    "mappa_category": "2",
    "mappa_level": "2",
    "mappa_from": days_ago(30),
}


def record(child: Child, data: dict) -> Safeguarding:
    row = child.safeguarding
    return operations.update_record(
        by=Actor.system(child.organisation),
        obj=row,
        data=data,
        version=row.version,
        part="safeguarding",
    )


def test_every_new_child_has_a_safeguarding_row_yet_to_clarify(child):
    assert child.safeguarding.protection == Safeguarding.Protection.YET_TO_CLARIFY


# The rules


def test_consistent_facts_pass():
    assert validation.safeguarding_errors(None, FULL) == {}
    assert validation.safeguarding_errors(None, {"protection": "none"}) == {}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"protection_from": None}, "protection_from"),
        ({"protection": "none"}, "protection_from"),
        ({"nrm_referred_on": None}, "nrm_referred_on"),
        ({"nrm_reasonable_grounds_on": None}, "nrm_reasonable_grounds_on"),
        ({"nrm_reasonable_grounds_on": days_ago(95)}, "nrm_reasonable_grounds_on"),
        ({"nrm_reasonable_grounds": "negative"}, "nrm_conclusive_grounds"),
        (
            {"nrm_conclusive_grounds": "positive", "nrm_conclusive_grounds_on": None},
            "nrm_conclusive_grounds_on",
        ),
        (
            {"nrm_conclusive_grounds": "positive", "nrm_conclusive_grounds_on": days_ago(88)},
            "nrm_conclusive_grounds_on",
        ),
        ({"mappa_category": ""}, "mappa_category"),
        ({"mappa_level": ""}, "mappa_level"),
        ({"mappa_from": None}, "mappa_from"),
    ],
)
def test_each_fact_is_dated_and_each_decision_follows_what_it_decides_on(change, field):
    assert field in validation.safeguarding_errors(None, {**FULL, **change})


def test_no_fact_before_the_child_was_born(child):
    errors = validation.safeguarding_errors(
        child, {**FULL, "protection_from": child.date_of_birth - dt.timedelta(days=1)}
    )

    assert "protection_from" in errors


# The pages


def post_data(data: dict, version: int) -> dict:
    posted = {"version": str(version)}
    for name, value in data.items():
        if isinstance(value, dt.date):
            posted[f"{name}_day"] = str(value.day)
            posted[f"{name}_month"] = str(value.month)
            posted[f"{name}_year"] = str(value.year)
        elif value is not None:
            posted[name] = value
    return posted


def test_a_practitioner_records_the_facts_and_the_change_is_audited(
    client_for, practitioner, child
):
    client = client_for(practitioner)
    url = reverse("records:part-edit", args=[child.pk, "safeguarding"])

    form = client.get(url)
    response = client.post(url, post_data(FULL, child.safeguarding.version))

    assert form.status_code == 200
    assert "National Referral Mechanism" in form.content.decode()
    assert response.status_code == 302
    child.safeguarding.refresh_from_db()
    assert child.safeguarding.nrm_reasonable_grounds == "positive"
    assert child.safeguarding.mappa_level == "2"
    assert AuditEvent.objects.filter(
        event_type="records.safeguarding.changed", child_id=child.pk
    ).exists()
    section = client.get(reverse("records:child-section", args=[child.pk, "status"]))
    assert "Child protection plan" in section.content.decode()
    assert "MAPPA level" in section.content.decode()


def test_the_form_refuses_an_undated_plan(client_for, practitioner, child):
    url = reverse("records:part-edit", args=[child.pk, "safeguarding"])

    response = client_for(practitioner).post(
        url, post_data({"protection": "child_in_need"}, child.safeguarding.version)
    )

    assert response.status_code == 200
    assert "Enter the date the plan started" in response.content.decode()


def test_a_stale_save_is_refused(client_for, practitioner, child):
    record(child, {"protection": "none"})

    response = client_for(practitioner).post(
        reverse("records:part-edit", args=[child.pk, "safeguarding"]),
        post_data({"protection": "child_in_need", "protection_from": days_ago(3)}, 1),
    )

    assert response.status_code == 409


# Pulled through to the assessment


def test_the_catalogue_pulls_each_fact_through_once():
    catalogue = catalogues.load()
    sources = {q.source for q in catalogue.questions.values() if q.source}

    assert {"safeguarding.protection", "safeguarding.nrm", "safeguarding.mappa"} <= sources


def test_the_facts_read_in_words_with_their_dates(child):
    record(child, FULL)
    keys = {"safeguarding.protection", "safeguarding.nrm", "safeguarding.mappa"}

    found = facts.read_facts(facts.prefetched(child.pk), keys)

    assert found["safeguarding.protection"].startswith("Child protection plan since ")
    assert "reasonable grounds: positive" in found["safeguarding.nrm"]
    assert "conclusive grounds: awaited" in found["safeguarding.nrm"]
    assert found["safeguarding.mappa"].startswith("Category 2, level 2, since ")


def test_a_child_never_referred_shows_nothing_for_the_nrm_or_mappa(child):
    found = facts.read_facts(facts.prefetched(child.pk), {"safeguarding.nrm", "safeguarding.mappa"})

    assert found == {"safeguarding.nrm": "", "safeguarding.mappa": ""}


# The summary


def summary_facts(child: Child, access: Access) -> dict[str, str]:
    found = summary.summary_for(
        Child.objects.select_related("organisation").get(pk=child.pk),
        access,
        produced_by="x",
        produced_for="y",
    )
    return {fact.label: fact.value for fact in found.facts}


def test_the_childs_service_sees_the_plan_the_nrm_and_mappa_on_the_summary(child):
    record(child, FULL)

    found = summary_facts(child, Access.EDIT)

    assert found["Child protection"].startswith("Child protection plan since")
    assert "reasonable grounds" in found["NRM"]
    assert found["MAPPA"].startswith("Category 2")


def test_a_partner_with_a_summary_grant_sees_the_plan_but_not_the_nrm_or_mappa(
    client_for, partner_viewer, partner_agency, child
):
    record(child, FULL)
    grant(child, partner_agency, Grant.Scope.SUMMARY)

    found = summary_facts(child, Access.SUMMARY)
    page = client_for(partner_viewer).get(reverse("reports:summary", args=[child.pk]))

    assert "Child protection" in found
    assert "NRM" not in found
    assert "MAPPA" not in found
    assert page.status_code == 200
    text = page.content.decode()
    assert "Child protection plan since" in text
    assert "reasonable grounds" not in text
    assert "Category 2" not in text


def test_no_plan_no_line(child):
    record(child, {"protection": "none"})

    assert "Child protection" not in summary_facts(child, Access.EDIT)


def test_the_demo_gives_two_children_realistic_safeguarding_facts():
    from cairn.records.demo import load as demo_load

    demo_load.load_demo()
    ellie = Child.objects.get(given_name="Ellie", family_name="Marsh")
    marcus = Child.objects.get(given_name="Marcus", family_name="Bell")

    assert ellie.safeguarding.nrm_reasonable_grounds == "positive"
    assert ellie.safeguarding.nrm_referred_on < ellie.safeguarding.nrm_reasonable_grounds_on
    assert marcus.safeguarding.protection == "child_protection"
    assert validation.safeguarding_errors(ellie, _row(ellie.safeguarding)) == {}
    assert validation.safeguarding_errors(marcus, _row(marcus.safeguarding)) == {}


def _row(found: Safeguarding) -> dict:
    return {name: getattr(found, name) for name in FULL}
