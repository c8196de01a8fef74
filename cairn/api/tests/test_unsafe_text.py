"""One bad character must not break a stage: NUL and unpaired surrogates are refused wherever
text comes in (422 in the API, a form error on the pages, 400 in a query string), and anything
already stored still shows (as U+FFFD) on the section, changes and history pages."""

from __future__ import annotations

import pytest
from django.db import connection

from cairn.assessment import answers
from cairn.assessment import operations as assessment_operations
from cairn.assessment.models import Answer
from cairn.audit.operations import Actor
from cairn.framework import catalogue
from cairn.ui import text

pytestmark = pytest.mark.django_db

SECTION = "family_relationships"
KEY = "family_relationships.child_view"
BAD = ["a\ud800b", "a\x00b", "\udfff", "ok\udc80"]


@pytest.fixture
def stage(child):
    return assessment_operations.start_stage(
        by=Actor.system(child.organisation), child=child, stage_type="out_of_court"
    )


@pytest.fixture
def api(client_for, practitioner):
    return client_for(practitioner)


@pytest.mark.parametrize("value", BAD)
def test_the_api_refuses_an_answer_with_a_bad_character(api, stage, value):
    response = api.put(
        f"/api/v1/stages/{stage.pk}/answers/{KEY}",
        {"value": value, "version": 0},
        content_type="application/json",
    )

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "value"]
    assert not Answer.objects.filter(stage=stage, key=KEY).exists()


def test_the_api_refuses_a_bad_character_in_any_body(api):
    response = api.post(
        "/api/v1/children",
        {
            "given_name": "Ada\x00",
            "family_name": "Okafor",
            "date_of_birth": "2011-06-01",
            "sex": "female",
        },
        content_type="application/json",
    )

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "given_name"]


def test_a_good_astral_character_is_kept(api, stage):
    response = api.put(
        f"/api/v1/stages/{stage.pk}/answers/{KEY}",
        {"value": "Loves football \U0001f3c6", "version": 0},
        content_type="application/json",
    )

    assert response.status_code == 200
    assert Answer.objects.get(stage=stage, key=KEY).value == "Loves football \U0001f3c6"


@pytest.mark.parametrize("value", BAD)
def test_answer_validation_refuses_a_bad_character(value):
    question = catalogue.load().question(KEY)

    with pytest.raises(answers.InvalidAnswerError, match="invisible characters"):
        answers.clean(question, value)


def test_the_section_page_shows_the_refusal_as_a_form_error(api, stage):
    response = api.post(
        f"/stages/{stage.pk}/sections/{SECTION}/", {KEY: "a\x00b", f"version:{KEY}": "0"}
    )

    assert "invisible characters" in response.content.decode()
    assert not Answer.objects.filter(stage=stage, key=KEY).exclude(value=None).exists()


def test_a_query_string_with_a_nul_is_a_bad_request(api):
    assert api.get("/caseload/?q=a%00b").status_code == 400


def test_what_is_already_stored_still_shows(api, stage):
    if connection.vendor == "postgresql":
        pytest.skip("PostgreSQL cannot store an unpaired surrogate at all")
    assessment_operations.record_answer(
        by=Actor.system(stage.child.organisation), stage=stage, key=KEY, value="ab", version=0
    )
    Answer.objects.filter(stage=stage, key=KEY).update(value="a\ud800b")

    pages = [
        f"/stages/{stage.pk}/sections/{SECTION}/",
        f"/stages/{stage.pk}/changes/",
        f"/stages/{stage.pk}/answers/{KEY}/history/",
        f"/api/v1/stages/{stage.pk}",
    ]
    for page in pages:
        response = api.get(page)
        assert response.status_code == 200, page
    assert "a\ufffdb" in api.get(pages[0]).content.decode()


def test_printable_replaces_only_what_cannot_be_shown():
    assert text.printable("a\ud800b\x00c\U0001f3c6") == "a\ufffdb\ufffdc\U0001f3c6"
    assert text.printable("plain") == "plain"


def test_absurdly_deep_json_is_still_the_apis_own_bad_request(api, stage):
    body = '{"value": ' + "[" * 100_000 + "]" * 100_000 + ', "version": 0}'

    response = api.put(
        f"/api/v1/stages/{stage.pk}/answers/{KEY}", body, content_type="application/json"
    )

    assert response.status_code in {400, 422}
