from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_practitioner_sees_child_overview(client_for, practitioner, child):
    response = client_for(practitioner).get(f"/children/{child.pk}/")
    assert response.status_code == 200
    assert "Kai Brennan" in response.content.decode()


def test_other_organisation_gets_not_found(client_for, other_practitioner, child):
    response = client_for(other_practitioner).get(f"/children/{child.pk}/")
    assert response.status_code == 404
