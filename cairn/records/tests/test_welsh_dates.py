"""Dates the record writes into lists and messages read in the reader's language: never as
ISO text, never with English month names on a Welsh page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from cairn.records import validation
from cairn.records.models import Exclusion, LifeEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def welsh_client(client_for, practitioner):
    client = client_for(practitioner)
    client.cookies["cairn_language"] = "cy"
    return client


def test_an_exclusion_in_the_list_is_dated_in_welsh(welsh_client, child):
    Exclusion.objects.create(child=child, start_date=dt.date(2024, 3, 4), kind="suspension")

    page = welsh_client.get(f"/children/{child.pk}/education/").content.decode()

    assert "4 Mawrth 2024" in page
    assert "2024-03-04" not in page.replace('datetime="2024-03-04', "")


def test_a_life_event_in_the_list_is_dated_in_welsh(welsh_client, child):
    LifeEvent.objects.create(
        child=child, date=dt.date(2023, 5, 1), event_type="bereavement", description="Taid"
    )

    page = welsh_client.get(f"/children/{child.pk}/life-events/").content.decode()

    assert "1 Mai 2023" in page
    assert "2023-05-01" not in page.replace('datetime="2023-05-01', "")


def test_the_tenth_birthday_in_a_refusal_is_dated_in_the_readers_language(child):
    too_early = child.tenth_birthday - dt.timedelta(days=1)

    with translation.override("cy"):
        errors = validation.offence_errors(child, {"offence_date": too_early})

    assert "14 Mawrth 2022" in errors["offence_date"]
    assert "March" not in errors["offence_date"]
