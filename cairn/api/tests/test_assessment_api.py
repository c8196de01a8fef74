"""The assessment routes of the API: catalogue, stages, answers, completion, changes, deepening.

Nothing here names a question of the working catalogue: questions are picked at run time from
`catalogue.load()` by kind, in catalogue order. So that every kind is always available, each
test runs against a copy of the catalogue with one extra section (PROBE) added to every stage
type, holding a question of each kind; the working sections come first, so their questions are
picked whenever they have one of the kind asked for.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from django.conf import settings as django_settings
from django.test import Client
from django.utils import timezone

from cairn.accounts import operations as account_operations
from cairn.assessment import answers, completion, operations
from cairn.assessment.models import AnswerRevision, Stage
from cairn.audit.models import AuditEvent
from cairn.audit.operations import Actor
from cairn.framework import catalogue as catalogues
from cairn.framework.catalogue import Catalogue
from cairn.framework.schema import ItemField, Question
from cairn.records import operations as record_operations
from cairn.records.models import Grant

pytestmark = pytest.mark.django_db

KINDS = {
    "text",
    "long_text",
    "yes_no",
    "choice",
    "multi_choice",
    "date",
    "number",
    "rating",
    "list",
}
PROBE = "zz_api_probe"


def _label(en: str) -> dict[str, str]:
    return {"en": en, "cy": f"{en} (cy)"}


def _options(*values: str) -> list[dict[str, Any]]:
    return [{"value": value, "label": _label(value.title())} for value in values]


def _probe_section(fact: str) -> dict[str, Any]:
    def question(name: str, kind: str, **extra: Any) -> dict[str, Any]:
        return {"key": f"{PROBE}.{name}", "kind": kind, "label": _label(f"Probe {name}"), **extra}

    return {
        "key": PROBE,
        "part": "information_gathering",
        "title": _label("Probe"),
        "written_by": "API tests",
        "checked_by": "API tests",
        "questions": [
            question("text", "text"),
            question("notes", "long_text"),
            question("flag", "yes_no", yet_to_clarify=True),
            question("choice", "choice", options=_options("first", "second"), yet_to_clarify=True),
            question("many", "multi_choice", options=_options("first", "second")),
            question("when", "date"),
            question("count", "number"),
            question("rating", "rating", options=_options("low", "high")),
            question(
                "entries",
                "list",
                items=[
                    {"key": "name", "kind": "text", "label": _label("Name")},
                    {"key": "on", "kind": "date", "label": _label("On"), "required": False},
                ],
            ),
            question("fact", "text", source=fact),
            question("follow_up", "text", show_if={"question": f"{PROBE}.flag", "equals": "yes"}),
            question("full_only", "long_text", depth="full"),
            question("further", "long_text", depth="further"),
        ],
    }


@pytest.fixture(autouse=True)
def catalogue_with_probe(settings: Any, tmp_path: Path) -> Iterator[Catalogue]:
    """The working catalogue plus the probe section, in every stage type."""
    real = Path(
        getattr(
            django_settings, "CAIRN_CATALOGUE_DIR", Path(django_settings.BASE_DIR) / "catalogue"
        )
    )
    root = tmp_path / "catalogue"
    shutil.copytree(real, root)
    folder = root / catalogues.current_version()
    manifest = yaml.safe_load((folder / "catalogue.yaml").read_text(encoding="utf-8"))
    for unlisted in {path.stem for path in (folder / "sections").glob("*.yaml")} - set(
        manifest["sections"]
    ):
        (folder / "sections" / f"{unlisted}.yaml").unlink()  # a section still being written
    manifest["sections"].append(PROBE)
    (folder / "catalogue.yaml").write_text(
        yaml.safe_dump(manifest, allow_unicode=True), encoding="utf-8"
    )
    stages = yaml.safe_load((folder / "stages.yaml").read_text(encoding="utf-8"))
    for stage in stages["stages"]:
        stage["sections"].append({"section": PROBE})
    (folder / "stages.yaml").write_text(
        yaml.safe_dump(stages, allow_unicode=True), encoding="utf-8"
    )
    fact = yaml.safe_load((folder / "facts.yaml").read_text(encoding="utf-8"))["facts"][0]["key"]
    (folder / "sections" / f"{PROBE}.yaml").write_text(
        yaml.safe_dump(_probe_section(fact), allow_unicode=True), encoding="utf-8"
    )
    settings.CAIRN_CATALOGUE_DIR = root
    catalogues.load.cache_clear()
    yield catalogues.load()
    catalogues.load.cache_clear()


# Picking questions at run time


def first_stage_type(depth: str | None = None) -> str:
    return next(
        stage.key for stage in catalogues.load().stages if depth is None or stage.depth == depth
    )


def asked(stage_type: str) -> list[Question]:
    """Questions the stage type asks at its own depth, with no fact and no condition, in order."""
    catalogue = catalogues.load()
    depth = catalogue.stage(stage_type).depth
    return [
        question
        for section, section_depth in completion.stage_sections(catalogue, stage_type, depth)
        for question in section.questions
        if completion.asked_at(question, section_depth)
        and question.source is None
        and question.show_if is None
    ]


def question_of(stage_type: str, *kinds: str) -> Question:
    return next(question for question in asked(stage_type) if question.kind in kinds)


def valid_value(question: Question | ItemField) -> Any:
    """An answer `answers.clean` accepts for any kind of question."""
    choices = question.choices() if isinstance(question, Question) else question.options
    by_kind: dict[str, Any] = {
        "text": "Lives with mum",
        "long_text": "Settled at home since March.",
        "yes_no": "yes",
        "date": "2024-01-02",
        "number": 2,
        "choice": choices[0].value if choices else None,
        "rating": choices[0].value if choices else None,
        "multi_choice": [choices[0].value] if choices else None,
    }
    if question.kind == "list" and isinstance(question, Question):
        return [{item.key: valid_value(item) for item in question.items}]
    return by_kind[question.kind]


# Clients and calls


@pytest.fixture
def client(client_for, practitioner) -> Client:
    return client_for(practitioner)


@pytest.fixture
def colleague(client_for, manager) -> Client:
    return client_for(manager)


@pytest.fixture
def stage(child, practitioner) -> Stage:
    return operations.start_stage(
        by=Actor(user=practitioner.user, organisation=practitioner.organisation),
        child=child,
        stage_type=first_stage_type(),
    )


@pytest.fixture
def reader(client_for, secure_staff, child, northshire) -> Client:
    """A secure establishment holding a custody grant: may read the child, not change it."""
    record_operations.open_grant(
        by=Actor.system(northshire),
        child=child,
        organisation=secure_staff.organisation,
        scope=Grant.Scope.CUSTODY,
        reason="Remanded to Oakwood",
    )
    return client_for(secure_staff)


def put(client: Client, stage_id: int, key: str, value: Any, version: int) -> Any:
    return client.put(
        f"/api/v1/stages/{stage_id}/answers/{key}",
        {"value": value, "version": version},
        content_type="application/json",
    )


def version_of(client: Client, stage_id: int, key: str) -> int:
    found: int = (
        client.get(f"/api/v1/stages/{stage_id}").json()["answers"].get(key, {}).get("version", 0)
    )
    return found


def answer_every_required(client: Client, stage_id: int) -> None:
    """Answer what the completion map says is missing until nothing is (answers open follow-ups)."""
    catalogue = catalogues.load()
    for _round in range(20):
        missing = client.get(f"/api/v1/stages/{stage_id}/completion").json()["required_missing"]
        if not missing:
            return
        for key in missing:
            response = put(
                client,
                stage_id,
                key,
                valid_value(catalogue.question(key)),
                version_of(client, stage_id, key),
            )
            assert response.status_code == 200, response.json()
    pytest.fail("required questions keep appearing")


def field_error(response: Any, name: str) -> str:
    assert response.status_code == 422, response.content
    messages = [error["msg"] for error in response.json()["detail"] if error["loc"][-1] == name]
    assert messages, response.json()
    return str(messages[0])


def viewed_pages(child_id: int) -> list[str]:
    events = AuditEvent.objects.filter(
        event_type="records.child.viewed", child_id=child_id
    ).order_by("id")
    return [event.detail["page"] for event in events]


# The catalogue


def test_catalogue_lists_every_section_question_and_stage_type(client, catalogue_with_probe):
    catalogue = catalogue_with_probe

    response = client.get("/api/v1/catalogue")

    assert response.status_code == 200
    body = response.json()
    assert body["version"] == catalogue.version
    assert [section["key"] for section in body["sections"]] == [
        section.key for section in catalogue.sections
    ]
    assert [stage["key"] for stage in body["stage_types"]] == [
        stage.key for stage in catalogue.stages
    ]
    questions = {
        question["key"]: question
        for section in body["sections"]
        for question in section["questions"]
    }
    assert list(questions) == list(catalogue.questions)
    for key, question in questions.items():
        source = catalogue.question(key)
        assert question["kind"] in KINDS
        assert question["label"] == {"en": source.label.en, "cy": source.label.cy}
        assert question["depth"] == source.depth
        assert {"help", "source", "nature", "show_if", "feeds", "items"} <= set(question)
        if source.kind in {"choice", "multi_choice", "rating"}:
            assert [option["value"] for option in question["options"]] == [
                option.value for option in source.choices()
            ]
        if source.yet_to_clarify and source.kind in {"choice", "yes_no"}:
            assert "yet_to_clarify" in [option["value"] for option in question["options"]]


def test_catalogue_spells_out_yes_no_show_if_and_list_items(client):
    questions = {
        q["key"]: q
        for s in client.get("/api/v1/catalogue").json()["sections"]
        for q in s["questions"]
    }

    assert [option["value"] for option in questions[f"{PROBE}.flag"]["options"]] == [
        "yes",
        "no",
        "yet_to_clarify",
    ]
    assert questions[f"{PROBE}.flag"]["options"][0]["label"] == {"en": "Yes", "cy": "Ie"}
    assert questions[f"{PROBE}.follow_up"]["show_if"] == {
        "question": f"{PROBE}.flag",
        "equals": "yes",
        "in": [],
        "answered": None,
    }
    assert [item["key"] for item in questions[f"{PROBE}.entries"]["items"]] == ["name", "on"]
    assert questions[f"{PROBE}.fact"]["source"] is not None
    assert questions[f"{PROBE}.further"]["required"] is False


def test_catalogue_needs_credentials():
    assert Client().get("/api/v1/catalogue").status_code == 401


# Stages of a child


def test_starting_a_stage_answers_201_with_its_id(client, child):
    response = client.post(
        f"/api/v1/children/{child.pk}/stages",
        {"stage_type": first_stage_type()},
        content_type="application/json",
    )

    assert response.status_code == 201
    stage = Stage.objects.get(pk=response.json()["id"])
    assert (stage.child_id, stage.stage_type, stage.status) == (
        child.pk,
        first_stage_type(),
        "in_progress",
    )


def test_a_new_stage_carries_answers_forward_from_the_last(client, child, stage):
    question = question_of(stage.stage_type, "text", "long_text")
    put(client, stage.pk, question.key, "Carried", 0)

    new_id = client.post(
        f"/api/v1/children/{child.pk}/stages",
        {"stage_type": first_stage_type()},
        content_type="application/json",
    ).json()["id"]

    assert client.get(f"/api/v1/stages/{new_id}").json()["answers"][question.key] == {
        "value": "Carried",
        "version": 1,
    }


def test_an_unknown_stage_type_is_a_field_error(client, child):
    response = client.post(
        f"/api/v1/children/{child.pk}/stages",
        {"stage_type": "no_such_stage"},
        content_type="application/json",
    )

    assert "Unknown stage type" in field_error(response, "stage_type")
    assert not Stage.objects.exists()


def test_stages_are_listed_newest_first_and_paginated(client, child, practitioner):
    by = Actor(user=practitioner.user, organisation=practitioner.organisation)
    started = [
        operations.start_stage(by=by, child=child, stage_type=stage.key).pk
        for stage in catalogues.load().stages[:3]
    ]

    first = client.get(f"/api/v1/children/{child.pk}/stages", {"limit": 2}).json()
    rest = client.get(f"/api/v1/children/{child.pk}/stages", {"limit": 2, "offset": 2}).json()

    assert first["count"] == rest["count"] == 3
    assert [item["id"] for item in first["items"] + rest["items"]] == started[::-1]
    assert set(first["items"][0]) >= {
        "id",
        "child_id",
        "stage_type",
        "status",
        "depth",
        "due_date",
        "started_at",
    }
    assert viewed_pages(child.pk) == ["api stages", "api stages"]


# Reading a stage


def test_a_stage_shows_its_answered_questions_with_versions(client, stage):
    question = question_of(stage.stage_type, "text", "long_text")
    put(client, stage.pk, question.key, "Lives with mum", 0)

    response = client.get(f"/api/v1/stages/{stage.pk}")

    assert response.status_code == 200
    body = response.json()
    assert body["answers"] == {question.key: {"value": "Lives with mum", "version": 1}}
    assert body["id"] == stage.pk
    assert body["child_id"] == stage.child_id
    assert (body["stage_type"], body["status"], body["depth"]) == (
        stage.stage_type,
        "in_progress",
        stage.depth,
    )
    assert body["catalogue_version"] == catalogues.load().version
    assert body["due_date"] == stage.due_date.isoformat()
    assert dt.datetime.fromisoformat(body["started_at"]) == stage.started_at


def test_every_read_of_a_stage_is_recorded(client, stage):
    client.get(f"/api/v1/stages/{stage.pk}")
    client.get(f"/api/v1/stages/{stage.pk}/completion")
    client.get(f"/api/v1/stages/{stage.pk}/changes")

    assert viewed_pages(stage.child_id) == [
        "api stage",
        "api stage completion",
        "api stage changes",
    ]


# Saving answers


def test_saving_answers_counts_versions_from_zero(client, stage):
    question = question_of(stage.stage_type, "choice")
    first, *_ = question.choices()

    created = put(client, stage.pk, question.key, first.value, 0)
    changed = put(client, stage.pk, question.key, question.choices()[-1].value, 1)

    assert created.status_code == 200
    assert created.json() == {"key": question.key, "value": first.value, "version": 1}
    assert changed.json() == {
        "key": question.key,
        "value": question.choices()[-1].value,
        "version": 2,
    }


def test_the_second_of_two_saves_from_the_same_version_is_refused_with_the_first(
    client, colleague, stage
):
    question = question_of(stage.stage_type, "text", "long_text")
    put(client, stage.pk, question.key, "Both opened this", 0)
    assert (
        version_of(client, stage.pk, question.key)
        == version_of(colleague, stage.pk, question.key)
        == 1
    )

    first = put(client, stage.pk, question.key, "Pat's words", 1)
    second = put(colleague, stage.pk, question.key, "Mo's words", 1)

    assert first.status_code == 200
    assert second.status_code == 409
    assert second.json()["current"] == {"value": "Pat's words", "version": 2}
    assert second.json()["detail"]
    assert (
        client.get(f"/api/v1/stages/{stage.pk}").json()["answers"][question.key]["value"]
        == "Pat's words"
    )


def test_a_first_save_based_on_a_version_that_never_existed_is_refused(client, stage):
    question = question_of(stage.stage_type, "text", "long_text")

    response = put(client, stage.pk, question.key, "Hello", 1)

    assert response.status_code == 409
    assert response.json()["current"] == {"value": None, "version": 0}


def test_a_bad_choice_in_the_working_catalogue_is_a_field_error(client, stage):
    question = question_of(stage.stage_type, "choice")

    response = put(client, stage.pk, question.key, "not_an_option", 0)

    assert field_error(response, "value")
    assert version_of(client, stage.pk, question.key) == 0


@pytest.mark.parametrize(
    ("kinds", "value"),
    [
        pytest.param(("choice",), "not_an_option", id="choice"),
        pytest.param(("multi_choice",), ["not_an_option"], id="multi-choice"),
        pytest.param(("yes_no",), "maybe", id="yes-no"),
        pytest.param(("date",), "2024-02-30", id="date"),
        pytest.param(("date",), "next Tuesday", id="date-words"),
        pytest.param(("number",), "lots", id="number"),
        pytest.param(("text",), "x" * (answers.TEXT_LIMIT + 1), id="text-too-long"),
        pytest.param(("long_text",), "x" * (answers.LONG_TEXT_LIMIT + 1), id="long-text-too-long"),
        pytest.param(("list",), [{"no_such_field": "x"}], id="list-field"),
    ],
)
def test_an_invalid_answer_is_a_field_error_on_value(client, stage, kinds, value):
    question = question_of(stage.stage_type, *kinds)

    response = put(client, stage.pk, question.key, value, 0)

    assert field_error(response, "value")
    assert not AnswerRevision.objects.filter(stage=stage, key=question.key).exists()


def test_a_fact_from_the_core_record_cannot_be_answered(client, stage):
    catalogue = catalogues.load()
    question = next(
        q
        for section, _depth in completion.stage_sections(catalogue, stage.stage_type, stage.depth)
        for q in section.questions
        if q.source is not None
    )

    response = put(client, stage.pk, question.key, "Somewhere else", 0)

    assert "Core Record" in field_error(response, "value")


def test_an_unknown_question_is_404(client, stage):
    assert put(client, stage.pk, "no_section.no_question", "x", 0).status_code == 404


def test_an_empty_answer_is_a_valid_save_and_keeps_its_version(client, stage):
    question = question_of(stage.stage_type, "text", "long_text")
    put(client, stage.pk, question.key, "Something", 0)

    cleared = put(client, stage.pk, question.key, "", 1)

    assert cleared.json() == {"key": question.key, "value": None, "version": 2}
    assert client.get(f"/api/v1/stages/{stage.pk}").json()["answers"][question.key] == {
        "value": None,
        "version": 2,
    }


def test_a_completed_stage_is_locked(client, stage, practitioner):
    answer_every_required(client, stage.pk)
    operations.complete_stage(
        by=Actor(user=practitioner.user, organisation=practitioner.organisation), stage=stage
    )
    question = question_of(stage.stage_type, "text", "long_text")

    response = put(
        client, stage.pk, question.key, "Too late", version_of(client, stage.pk, question.key)
    )

    assert response.status_code == 423
    assert "completed" in response.json()["detail"]
    assert client.post(f"/api/v1/stages/{stage.pk}/deepen").status_code == 423
    assert client.get(f"/api/v1/stages/{stage.pk}").json()["status"] == "completed"


@pytest.mark.parametrize("status", [Stage.Status.STOPPED, Stage.Status.CANCELLED])
def test_an_ended_stage_is_locked(client, stage, status):
    Stage.objects.filter(pk=stage.pk).update(status=status, ended_at=timezone.now())
    question = question_of(stage.stage_type, "text", "long_text")

    assert put(client, stage.pk, question.key, "Too late", 0).status_code == 423


def test_a_token_can_save_answers_without_a_session(practitioner, stage):
    _token, secret = account_operations.create_access_token(
        by=Actor.system(), membership=practitioner, name="Sheet"
    )
    question = question_of(stage.stage_type, "text", "long_text")

    response = Client().put(
        f"/api/v1/stages/{stage.pk}/answers/{question.key}",
        {"value": "By token", "version": 0},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {secret}",
    )

    assert response.status_code == 200
    assert response.json()["version"] == 1


# Completion and deepening


def test_completion_lists_what_is_missing_until_answered(client, stage):
    before = client.get(f"/api/v1/stages/{stage.pk}/completion").json()
    answer_every_required(client, stage.pk)
    after = client.get(f"/api/v1/stages/{stage.pk}/completion").json()

    assert before["complete"] is False
    assert before["required_missing"] == [
        key for section in before["sections"] for key in section["required_missing"]
    ]
    probe = next(section for section in before["sections"] if section["key"] == PROBE)
    assert probe["state"] == "required_missing"
    assert probe["answered_count"] == 0
    assert probe["required_count"] == len(probe["required_missing"])
    assert after["complete"] is True
    assert after["required_missing"] == []
    assert {section["state"] for section in after["sections"]} <= {"ready", "optional_only"}
    assert [s["key"] for s in after["sections"]] == [
        s.key
        for s, _ in completion.stage_sections(catalogues.load(), stage.stage_type, stage.depth)
    ]


def test_a_follow_up_becomes_required_when_its_condition_holds(client, stage):
    put(client, stage.pk, f"{PROBE}.flag", "yes", 0)

    missing = client.get(f"/api/v1/stages/{stage.pk}/completion").json()["required_missing"]

    assert f"{PROBE}.follow_up" in missing


def test_deepening_a_light_stage_makes_its_full_questions_required(client, child, practitioner):
    light = operations.start_stage(
        by=Actor(user=practitioner.user, organisation=practitioner.organisation),
        child=child,
        stage_type=first_stage_type("core"),
    )
    put(client, light.pk, question_of(light.stage_type, "text", "long_text").key, "Kept", 0)
    before = set(client.get(f"/api/v1/stages/{light.pk}/completion").json()["required_missing"])

    response = client.post(f"/api/v1/stages/{light.pk}/deepen")
    after = set(client.get(f"/api/v1/stages/{light.pk}/completion").json()["required_missing"])

    assert response.status_code == 200
    assert response.json()["depth"] == "full"
    assert response.json()["answers"] != {}
    assert before < after
    assert f"{PROBE}.full_only" in after - before


# Changes


def test_changes_since_a_time_show_only_later_changes(client, stage):
    early, late = [q.key for q in asked(stage.stage_type) if q.kind in {"text", "long_text"}][:2]
    put(client, stage.pk, early, "Before", 0)
    since = timezone.now()
    put(client, stage.pk, late, "After", 0)
    put(client, stage.pk, late, "After, corrected", 1)

    response = client.get(f"/api/v1/stages/{stage.pk}/changes", {"since": since.isoformat()})

    assert response.status_code == 200
    [change] = response.json()
    assert (change["key"], change["old"], change["new"], change["by"]) == (
        late,
        None,
        "After, corrected",
        "pat.practitioner",
    )
    assert dt.datetime.fromisoformat(change["at"]) > since


def test_the_time_of_the_last_change_sent_as_since_returns_nothing_more(client, stage):
    put(client, stage.pk, question_of(stage.stage_type, "text", "long_text").key, "Said", 0)
    [change] = client.get(f"/api/v1/stages/{stage.pk}/changes").json()

    assert client.get(f"/api/v1/stages/{stage.pk}/changes", {"since": change["at"]}).json() == []


def test_changes_without_since_are_every_change_in_the_stage(client, stage):
    keys = [q.key for q in asked(stage.stage_type) if q.kind in {"text", "long_text"}][:2]
    for key in keys:
        put(client, stage.pk, key, "Said", 0)

    changes = client.get(f"/api/v1/stages/{stage.pk}/changes").json()

    assert sorted(change["key"] for change in changes) == sorted(keys)


@pytest.mark.parametrize(
    "since", ["2026-03-27T14:30:00", "2026-03-27 14:30:00 00:00", "2026-03-27T14:30:00Z"]
)
def test_changes_accept_naive_and_unencoded_times(client, stage, since):
    assert client.get(f"/api/v1/stages/{stage.pk}/changes", {"since": since}).status_code == 200


@pytest.mark.parametrize("since", ["yesterday", "2026-13-01T00:00:00", "27/03/2026"])
def test_a_malformed_since_is_a_field_error(client, stage, since):
    response = client.get(f"/api/v1/stages/{stage.pk}/changes", {"since": since})

    assert field_error(response, "since")


# Who may do what


def _routes(child_id: int, stage_id: int, key: str) -> list[tuple[str, str, dict[str, Any] | None]]:
    return [
        ("get", f"/api/v1/children/{child_id}/stages", None),
        ("post", f"/api/v1/children/{child_id}/stages", {"stage_type": first_stage_type()}),
        ("get", f"/api/v1/stages/{stage_id}", None),
        ("put", f"/api/v1/stages/{stage_id}/answers/{key}", {"value": "x", "version": 0}),
        ("get", f"/api/v1/stages/{stage_id}/completion", None),
        ("get", f"/api/v1/stages/{stage_id}/changes", None),
        ("post", f"/api/v1/stages/{stage_id}/deepen", None),
    ]


def _call(client: Client, method: str, url: str, body: dict[str, Any] | None) -> int:
    if body is None:
        return int(getattr(client, method)(url).status_code)
    return int(getattr(client, method)(url, body, content_type="application/json").status_code)


def test_another_organisations_child_and_stages_are_not_found(
    client_for, other_practitioner, stage
):
    stranger = client_for(other_practitioner)
    key = question_of(stage.stage_type, "text", "long_text").key

    statuses = [_call(stranger, *route) for route in _routes(stage.child_id, stage.pk, key)]

    assert statuses == [404] * 7
    assert viewed_pages(stage.child_id) == []
    assert Stage.objects.count() == 1


def test_a_missing_stage_is_not_found(client, stage):
    assert client.get(f"/api/v1/stages/{stage.pk + 1000}").status_code == 404


def test_a_caller_who_may_read_but_not_change_gets_404_on_writes_as_on_the_pages(reader, stage):
    key = question_of(stage.stage_type, "text", "long_text").key

    statuses = [_call(reader, *route) for route in _routes(stage.child_id, stage.pk, key)]

    assert statuses == [200, 404, 200, 404, 200, 200, 404]
    assert Stage.objects.count() == 1
    assert not AnswerRevision.objects.exists()


def test_a_summary_only_partner_cannot_see_stages(client_for, partner_viewer, stage, northshire):
    record_operations.open_grant(
        by=Actor.system(northshire),
        child=stage.child,
        organisation=partner_viewer.organisation,
        scope=Grant.Scope.SUMMARY,
        reason="Multi-agency meeting",
    )
    partner = client_for(partner_viewer)

    assert partner.get(f"/api/v1/stages/{stage.pk}").status_code == 404
    assert partner.get(f"/api/v1/children/{stage.child_id}/stages").status_code == 404
    assert (
        _call(
            partner,
            "post",
            f"/api/v1/children/{stage.child_id}/stages",
            {"stage_type": first_stage_type()},
        )
        == 404
    )
