"""A scoring-model file that YAML itself cannot turn into values is refused with a reason, like
any other bad model file (400, the active model stays), never a server error."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cairn.judgements import scoring
from cairn.judgements.models import ScoringModelFile

pytestmark = pytest.mark.django_db

SCORING = reverse("judgements:scoring-model")

BAD_FILES = {
    "deeply nested": ("[" * 30_000 + "]" * 30_000, "nested too deeply"),
    "a 50,000-digit number": (f"minimum_age: {'9' * 50_000}\n", "a number has too many digits"),
    "an invalid date": ("name: test\nsource: 2024-02-30\n", "a date that does not exist"),
    "deeply nested mappings": ("{a: " * 15_000 + "1" + "}" * 15_000, "nested too deeply"),
}


@pytest.fixture
def service_admin(client_for, administrator):
    administrator.user.is_service_administrator = True
    administrator.user.save()
    return client_for(administrator)


@pytest.mark.parametrize("case", BAD_FILES)
def test_parse_model_refuses_with_a_reason(case):
    text, reason = BAD_FILES[case]

    with pytest.raises(scoring.ModelFileError, match=reason):
        scoring.parse_model(text)


@pytest.mark.parametrize("case", BAD_FILES)
def test_the_upload_is_refused_with_400_and_the_reason(service_admin, case):
    text, reason = BAD_FILES[case]
    upload = SimpleUploadedFile("model.yaml", text.encode(), "text/yaml")

    response = service_admin.post(SCORING, {"model_file": upload})

    assert response.status_code == 400
    assert reason in response.content.decode()
    assert not ScoringModelFile.objects.exists()


def test_pasted_text_is_refused_the_same_way(service_admin):
    text, reason = BAD_FILES["an invalid date"]

    response = service_admin.post(SCORING, {"model_text": text})

    assert response.status_code == 400
    assert reason in response.content.decode()


def test_an_organisations_administrator_cannot_load_a_model(client_for, administrator):
    """The model scores every service's children: an organisation's administrator only reads it."""
    client = client_for(administrator)
    good = scoring.DEFAULT_MODEL_FILE.read_text(encoding="utf-8")

    assert client.get(SCORING).status_code == 200
    assert "only a service administrator can load another" in client.get(SCORING).content.decode()
    assert client.post(SCORING, {"model_text": good}).status_code == 403
    assert client.post(SCORING, {"action": "default"}).status_code == 403
    assert not ScoringModelFile.objects.exists()
