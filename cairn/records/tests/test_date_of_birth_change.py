"""A change of date of birth is refused when a recorded offence would fall before the child's
tenth birthday, naming each such offence, in the form and the API alike (issue 10, item 9)."""

from __future__ import annotations

import datetime as dt

import pytest

from cairn.records import validation
from cairn.records.models import Child
from cairn.records.tests.factories import PROBLEM, add_offence, date_fields, text, version_in
from cairn.records.tests.test_edit_pages import personal_details

pytestmark = pytest.mark.django_db

LATER_BIRTH = dt.date(2014, 1, 1)  # tenth birthday 1 January 2024


def test_a_date_of_birth_putting_an_offence_before_the_tenth_birthday_is_refused(child):
    add_offence(child, offence_date=dt.date(2023, 4, 17), description="Theft of a bicycle")
    add_offence(child, offence_date=dt.date(2024, 2, 1), description="Criminal damage to a car")

    errors = validation.date_of_birth_change_errors(child, LATER_BIRTH)

    message = errors["date_of_birth"]
    assert "Theft of a bicycle (17 April 2023)" in message
    assert "1 January 2024" in message
    assert "Criminal damage" not in message  # after the tenth birthday


def test_a_date_of_birth_that_keeps_every_offence_after_the_tenth_birthday_is_accepted(child):
    add_offence(child, offence_date=dt.date(2023, 4, 17))

    assert validation.date_of_birth_change_errors(child, dt.date(2012, 6, 1)) == {}
    assert validation.offences_before_tenth_birthday(child, dt.date(2013, 4, 17)) == []


def test_the_personal_details_form_refuses_the_date_of_birth_and_names_the_offence(
    client_for, practitioner, child
):
    add_offence(child, offence_date=dt.date(2023, 4, 17), description="Theft of a bicycle")
    client = client_for(practitioner)
    url = f"/children/{child.pk}/personal-details/edit/"

    response = client.post(
        url,
        {
            **personal_details(**date_fields("date_of_birth", LATER_BIRTH)),
            "version": version_in(client.get(url)),
        },
    )

    assert response.status_code == 200
    page = text(response)
    assert PROBLEM in page
    assert "Theft of a bicycle (17 April 2023)" in page
    assert Child.objects.get(pk=child.pk).date_of_birth == dt.date(2012, 3, 14)
