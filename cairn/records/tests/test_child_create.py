"""Adding a child: the basics, checked, and a warning before a likely duplicate is saved."""

from __future__ import annotations

import datetime as dt

import pytest

from cairn.records.models import Child
from cairn.records.tests.factories import PROBLEM, date_fields, events, text, today, years_ago

pytestmark = pytest.mark.django_db

URL = "/children/new/"
DUPLICATE_WARNING = (
    "Your organisation already has a record for a child with this name and date of birth"
)
CONFIRM = "I have checked: this is a different child"


def basics(**changes):
    data = {
        "given_name": "Rowan",
        "family_name": "Price",
        "preferred_name": "",
        **date_fields("date_of_birth", years_ago(15)),
        "sex": "female",
    }
    return {**data, **changes}


def test_add_a_child_page_asks_for_the_basics(client_for, practitioner):
    response = client_for(practitioner).get(URL)

    assert response.status_code == 200
    page = text(response)
    for name in ("given_name", "family_name", "preferred_name", "date_of_birth_day", "sex"):
        assert f'name="{name}"' in page
    assert CONFIRM not in page


def test_good_basics_create_the_record_allocated_to_me(client_for, practitioner):
    response = client_for(practitioner).post(URL, basics())

    [child] = Child.objects.all()
    assert response.status_code == 302
    assert response["Location"] == f"/children/{child.pk}/"
    assert (child.given_name, child.family_name, child.date_of_birth, child.sex) == (
        "Rowan",
        "Price",
        years_ago(15),
        "female",
    )
    assert (child.organisation, child.team, child.case_worker) == (
        practitioner.organisation,
        practitioner.team,
        practitioner.user,
    )
    assert child.local_id == "NOR-00001"
    assert child.education.pk is not None
    assert child.health.pk is not None


def test_creating_a_child_writes_the_created_event(client_for, practitioner):
    client_for(practitioner).post(URL, basics())

    [child] = Child.objects.all()
    [event] = events(child, "records.child.created")
    assert event.actor_username == practitioner.user.username
    assert event.summary == "Created the record of Rowan Price"


def test_created_child_is_announced_on_the_overview(client_for, practitioner):
    response = client_for(practitioner).post(URL, basics(), follow=True)

    assert "Rowan Price’s record has been created" in text(response)


def test_each_new_child_gets_the_next_local_id(client_for, practitioner):
    client = client_for(practitioner)

    client.post(URL, basics())
    client.post(URL, basics(given_name="Ash"))

    assert sorted(Child.objects.values_list("local_id", flat=True)) == ["NOR-00001", "NOR-00002"]


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("given_name", "Enter the child’s first name"),
        ("family_name", "Enter the child’s last name"),
        ("sex", "Select the child’s sex"),
        ("date_of_birth", "Enter date of birth"),
    ],
)
def test_each_missing_basic_is_asked_for(client_for, practitioner, missing, message):
    data = basics()
    if missing == "date_of_birth":
        data.update(date_fields("date_of_birth", None))
    else:
        data[missing] = ""

    response = client_for(practitioner).post(URL, data)

    assert response.status_code == 200
    assert PROBLEM in text(response)
    assert message in text(response)
    assert not Child.objects.exists()


def test_empty_form_lists_every_required_basic(client_for, practitioner):
    response = client_for(practitioner).post(URL, {"given_name": ""})

    page = text(response)
    for message in (
        "Enter the child’s first name",
        "Enter the child’s last name",
        "Enter date of birth",
        "Select the child’s sex",
    ):
        assert message in page
    assert not Child.objects.exists()


def test_future_date_of_birth_is_refused(client_for, practitioner):
    tomorrow = today() + dt.timedelta(days=1)

    response = client_for(practitioner).post(URL, basics(**date_fields("date_of_birth", tomorrow)))

    assert response.status_code == 200
    assert "Date of birth must be in the past" in text(response)
    assert not Child.objects.exists()


def test_date_of_birth_of_a_young_child_is_refused(client_for, practitioner):
    response = client_for(practitioner).post(
        URL, basics(**date_fields("date_of_birth", years_ago(5)))
    )

    assert "Date of birth must be at least 8 years ago" in text(response)
    assert not Child.objects.exists()


def test_impossible_date_of_birth_is_refused(client_for, practitioner):
    data = basics(date_of_birth_day="30", date_of_birth_month="2", date_of_birth_year="2011")

    response = client_for(practitioner).post(URL, data)

    assert "Date of birth must be a real date" in text(response)
    assert not Child.objects.exists()


def test_likely_duplicate_is_shown_and_nothing_is_saved(
    client_for, practitioner, make_child, northshire
):
    existing = make_child(northshire, "Rowan", "Price", date_of_birth=years_ago(15), sex="female")

    response = client_for(practitioner).post(URL, basics(given_name="rowan", family_name=" PRICE "))

    assert response.status_code == 200
    page = text(response)
    assert DUPLICATE_WARNING in page
    assert f'href="/children/{existing.pk}/"' in page
    assert existing.local_id in page
    assert CONFIRM in page
    assert list(Child.objects.all()) == [existing]


def test_likely_duplicate_is_saved_once_confirmed_as_a_different_child(
    client_for, practitioner, make_child, northshire
):
    existing = make_child(northshire, "Rowan", "Price", date_of_birth=years_ago(15), sex="female")
    client = client_for(practitioner)
    client.post(URL, basics())

    response = client.post(URL, basics(is_different_child="on"))

    assert response.status_code == 302
    assert Child.objects.filter(given_name="Rowan", family_name="Price").count() == 2
    new = Child.objects.exclude(pk=existing.pk).get()
    assert new.local_id != existing.local_id


def test_confirming_a_different_child_with_no_duplicate_just_saves(client_for, practitioner):
    response = client_for(practitioner).post(URL, basics(is_different_child="on"))

    assert response.status_code == 302
    assert Child.objects.count() == 1


def test_same_name_with_another_date_of_birth_is_not_a_duplicate(
    client_for, practitioner, make_child, northshire
):
    make_child(northshire, "Rowan", "Price", date_of_birth=years_ago(15, days=1))

    response = client_for(practitioner).post(URL, basics())

    assert response.status_code == 302
    assert Child.objects.count() == 2


def test_same_child_in_another_organisation_does_not_warn(
    client_for, practitioner, make_child, southmoor
):
    make_child(southmoor, "Rowan", "Price", date_of_birth=years_ago(15))

    response = client_for(practitioner).post(URL, basics())

    assert response.status_code == 302
    assert Child.objects.filter(organisation=practitioner.organisation).count() == 1


@pytest.mark.parametrize(
    "who", ["secure_staff", "partner_viewer", "placements_officer", "administrator"]
)
def test_only_youth_justice_staff_may_add_a_child(client_for, request, who):
    client = client_for(request.getfixturevalue(who))

    response = client.post(URL, basics())

    assert response.status_code == 403
    assert not Child.objects.exists()


def test_signed_out_visitor_is_sent_to_sign_in(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert "sign-in" in response["Location"]
