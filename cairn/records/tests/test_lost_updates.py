"""No lost updates: a save based on an old copy is refused with both versions shown."""

from __future__ import annotations

import pytest

from cairn.audit.operations import Actor
from cairn.records import operations
from cairn.records.models import Child, Offence
from cairn.records.tests.factories import STALE, add_offence, date_fields, events, text, version_in
from cairn.ui.jinja import datetime_format

pytestmark = pytest.mark.django_db


def alerts(note: str) -> dict[str, str]:
    return {
        "has_exploitation_concern": "yes",
        "exploitation_note": note,
        "has_risk_to_staff": "no",
        "risk_to_staff_note": "",
    }


@pytest.fixture
def two_editors(client_for, practitioner, manager):
    return client_for(practitioner), client_for(manager)


def test_second_save_from_the_same_version_is_refused_with_the_other_persons_values(
    two_editors, child
):
    mine, theirs = two_editors
    url = f"/children/{child.pk}/alerts/edit/"
    my_version, their_version = version_in(mine.get(url)), version_in(theirs.get(url))
    assert my_version == their_version
    theirs.post(url, {**alerts("Seen with older men in a car"), "version": their_version})

    response = mine.post(url, {**alerts("Missing from home twice"), "version": my_version})

    assert response.status_code == 409
    page = text(response)
    assert STALE in page
    assert "Seen with older men in a car" in page  # what is saved now
    assert "Missing from home twice" in page  # my entries are still in the form
    stored = Child.objects.get(pk=child.pk)
    assert stored.exploitation_note == "Seen with older men in a car"
    assert stored.alerts_version == int(their_version) + 1
    assert len(events(child, "records.alerts.changed")) == 1


def test_refused_form_carries_the_new_version_so_resubmitting_succeeds(two_editors, child):
    mine, theirs = two_editors
    url = f"/children/{child.pk}/alerts/edit/"
    my_version, their_version = version_in(mine.get(url)), version_in(theirs.get(url))
    theirs.post(url, {**alerts("Seen with older men in a car"), "version": their_version})
    refused = mine.post(url, {**alerts("Missing from home twice"), "version": my_version})
    new_version = version_in(refused)

    response = mine.post(url, {**alerts("Missing from home twice"), "version": new_version})

    assert new_version == str(int(my_version) + 1)
    assert response.status_code == 302
    stored = Child.objects.get(pk=child.pk)
    assert stored.exploitation_note == "Missing from home twice"
    assert stored.alerts_version == int(my_version) + 2
    assert len(events(child, "records.alerts.changed")) == 2


def test_resubmitting_the_old_version_again_is_still_refused(two_editors, child):
    mine, theirs = two_editors
    url = f"/children/{child.pk}/alerts/edit/"
    my_version, their_version = version_in(mine.get(url)), version_in(theirs.get(url))
    theirs.post(url, {**alerts("Seen with older men in a car"), "version": their_version})
    mine.post(url, {**alerts("Missing from home twice"), "version": my_version})

    response = mine.post(url, {**alerts("Missing from home twice"), "version": my_version})

    assert response.status_code == 409
    assert Child.objects.get(pk=child.pk).exploitation_note == "Seen with older men in a car"


CARE = {
    "looked_after": "care_order",
    "care_local_authority": "Northshire County Council",
    "care_placement": "",
    "social_worker_name": "",
    "social_worker_team": "",
    "social_worker_phone": "",
    "social_worker_email": "",
}


def test_saving_alerts_does_not_refuse_a_colleagues_open_care_form(two_editors, child):
    """Each part of the record keeps its own version: alerts and care are on the child's row,
    but a save of one is no clash with the other."""
    mine, theirs = two_editors
    care_url = f"/children/{child.pk}/care/edit/"
    alerts_url = f"/children/{child.pk}/alerts/edit/"
    my_version = version_in(mine.get(care_url))
    saved = theirs.post(
        alerts_url,
        {**alerts("Seen with older men in a car"), "version": version_in(theirs.get(alerts_url))},
    )

    response = mine.post(care_url, {**CARE, "version": my_version})

    assert saved.status_code == 302
    assert response.status_code == 302
    stored = Child.objects.get(pk=child.pk)
    assert (stored.looked_after, stored.exploitation_note) == (
        "care_order",
        "Seen with older men in a car",
    )
    assert (stored.alerts_version, stored.care_version, stored.version) == (2, 2, 1)


def test_saving_personal_details_leaves_every_other_part_of_the_row_at_its_version(
    two_editors, child
):
    mine, _theirs = two_editors
    url = f"/children/{child.pk}/legal-status/edit/"
    my_version = version_in(mine.get(url))
    child.refresh_from_db()
    operations.update_record(
        by=Actor.system(child.organisation),
        obj=child,
        data={"preferred_name": "Kay"},
        version=child.version,
        part="personal_details",
    )

    response = mine.post(
        url,
        {
            "legal_status": "none",
            "bail_conditions": "",
            **date_fields("next_court_date", None),
            "next_court": "",
            "custody_establishment": "",
            "version": my_version,
        },
    )

    assert response.status_code == 302


def test_two_saves_of_the_care_form_from_one_version_still_clash(two_editors, child):
    mine, theirs = two_editors
    url = f"/children/{child.pk}/care/edit/"
    my_version, their_version = version_in(mine.get(url)), version_in(theirs.get(url))
    theirs.post(url, {**CARE, "care_placement": "Foster home", "version": their_version})

    response = mine.post(url, {**CARE, "care_placement": "Children's home", "version": my_version})

    assert response.status_code == 409
    assert STALE in text(response)
    assert "Foster home" in text(response)
    assert version_in(response) == str(int(my_version) + 1)
    assert Child.objects.get(pk=child.pk).care_placement == "Foster home"


def test_stale_save_of_education_is_refused(two_editors, child):
    mine, theirs = two_editors
    url = f"/children/{child.pk}/education/edit/"
    base = {
        "setting": "Northtown Academy",
        "status": "full_time",
        "year_group": "",
        "sen": "none",
        "sen_details": "",
    }
    my_version, their_version = version_in(mine.get(url)), version_in(theirs.get(url))
    theirs.post(url, {**base, "attendance_percent": "62", "version": their_version})

    response = mine.post(url, {**base, "attendance_percent": "90", "version": my_version})

    assert response.status_code == 409
    assert STALE in text(response)
    assert Child.objects.get(pk=child.pk).education.attendance_percent == 62


def test_stale_save_of_an_offence_is_refused_and_resubmitting_succeeds(two_editors, child):
    item = add_offence(child)
    mine, theirs = two_editors
    url = f"/children/{child.pk}/offences/{item.pk}/edit/"
    base = {
        **date_fields("offence_date", item.offence_date),
        "category": "theft",
        "outcome_type": "",
        **date_fields("outcome_date", None),
        "court": "",
        **date_fields("order_end_date", None),
        "notes": "",
    }
    my_version, their_version = version_in(mine.get(url)), version_in(theirs.get(url))
    theirs.post(
        url, {**base, "description": "Theft of a bicycle from a shed", "version": their_version}
    )

    refused = mine.post(
        url, {**base, "description": "Theft of a red bicycle", "version": my_version}
    )
    accepted = mine.post(
        url, {**base, "description": "Theft of a red bicycle", "version": version_in(refused)}
    )

    assert refused.status_code == 409
    assert "Theft of a bicycle from a shed" in text(refused)
    assert accepted.status_code == 302
    assert Offence.objects.get(pk=item.pk).description == "Theft of a red bicycle"


def test_removing_an_item_changed_since_it_was_opened_is_refused(two_editors, child):
    item = add_offence(child)
    mine, theirs = two_editors
    remove_url = f"/children/{child.pk}/offences/{item.pk}/remove/"
    edit_url = f"/children/{child.pk}/offences/{item.pk}/edit/"
    my_version = version_in(mine.get(remove_url))
    theirs.post(
        edit_url,
        {
            **date_fields("offence_date", item.offence_date),
            "description": "Updated by a colleague",
            "category": "theft",
            "outcome_type": "",
            **date_fields("outcome_date", None),
            "court": "",
            **date_fields("order_end_date", None),
            "notes": "",
            "version": version_in(theirs.get(edit_url)),
        },
    )

    response = mine.post(remove_url, {"version": my_version})

    assert response.status_code == 302
    assert response["Location"] == remove_url
    assert Offence.objects.filter(pk=item.pk).exists()
    assert events(child, "records.offences.removed") == []
    shown = mine.get(remove_url)
    assert "Someone changed this offence after you opened it" in text(shown)
    assert "Updated by a colleague" in text(shown)


def test_removing_after_reviewing_the_changed_item_succeeds(two_editors, child):
    item = add_offence(child)
    Offence.objects.filter(pk=item.pk).update(version=5)
    mine, _theirs = two_editors
    url = f"/children/{child.pk}/offences/{item.pk}/remove/"

    response = mine.post(url, {"version": version_in(mine.get(url))})

    assert response.status_code == 302
    assert not Offence.objects.filter(pk=item.pk).exists()


def test_removing_an_item_already_removed_by_someone_else_is_not_found(two_editors, child):
    item = add_offence(child)
    mine, theirs = two_editors
    url = f"/children/{child.pk}/offences/{item.pk}/remove/"
    my_version = version_in(mine.get(url))
    theirs.post(url, {"version": version_in(theirs.get(url))})

    response = mine.post(url, {"version": my_version})

    assert response.status_code == 404
    assert len(events(child, "records.offences.removed")) == 1


def test_stale_page_tells_when_the_other_save_happened(two_editors, child):
    mine, theirs = two_editors
    url = f"/children/{child.pk}/alerts/edit/"
    my_version, their_version = version_in(mine.get(url)), version_in(theirs.get(url))
    theirs.post(url, {**alerts("Seen with older men in a car"), "version": their_version})

    response = mine.post(url, {**alerts("Missing from home twice"), "version": my_version})

    saved_at = Child.objects.get(pk=child.pk).updated_at
    assert f"Someone else saved this part of the record at {datetime_format(saved_at)}" in text(
        response
    )
