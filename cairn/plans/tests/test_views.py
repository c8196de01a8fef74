"""The plan pages, as requests: every target at once in one grid, building a target from a
finding, the forms (400 with the message, 409 with both versions), progress, the risk and
safety plan on its own, who may open them, and query counts that stay flat."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cairn.assessment.models import Stage
from cairn.assessment.tests.factories import actor, custody_grant, events, start, text
from cairn.plans import operations
from cairn.plans.models import Action, ProgressNote, Target
from cairn.plans.tests.arrange import (
    AGAINST,
    FOR,
    FULL,
    add_action,
    add_concern,
    add_note,
    add_target,
    target_input,
    with_factors,
)
from cairn.reports.tests.builders import read_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def pat(practitioner):
    return actor(practitioner)


@pytest.fixture
def stage(child, pat) -> Stage:
    return with_factors(start(child, pat, FULL), pat)


@pytest.fixture
def client(client_for, practitioner):
    return client_for(practitioner)


def plan_url(stage: Stage) -> str:
    return reverse("plans:plan", args=[stage.pk])


def target_fields(**changes: str) -> dict[str, str]:
    fields = {
        "factor": AGAINST,
        "concern": "",
        "question_key": "",
        "objective": "Fewer evenings with the older group.",
        "goal_in_childs_words": "I want to play for the under-18s.",
        "area": "lifestyle",
        "manages_risk": "none",
        "status": "not_started",
        "version": "",
    }
    fields.update(changes)
    return fields


def test_the_plan_shows_every_target_at_once(client, stage, pat):
    first = add_target(stage, pat, objective="First objective")
    second = add_target(stage, pat, objective="Second objective", factor=FOR)
    add_action(stage, pat, first, what="Call the coach", who="agency", agency_name="Larch FC")
    add_note(stage, pat, second, "He went twice")

    response = client.get(plan_url(stage))

    assert response.status_code == 200
    page = text(response)
    grid = page[page.index('class="govuk-table cairn-plan-grid"') :]
    assert len(re.findall(r'<tr class="govuk-table__row" id="target-', grid)) == 2
    for expected in (
        "First objective",
        "Second objective",
        f"Desistance factor against: {AGAINST}",
        f"Desistance factor for: {FOR}",
        "“I want to play for the under-18s.”",
        "Call the coach",
        "Larch FC",
        "He went twice",
    ):
        assert expected in grid, expected
    assert events(stage.child, "records.child.viewed")[-1].detail == {"page": "plan"}


def test_build_a_target_from_a_finding_in_one_screen(client, stage, pat):
    concern = add_concern(stage, pat)
    page = text(client.get(plan_url(stage)))
    panel = page[page.index("What the assessment found") : page.index("</section>")]
    assert panel.index(AGAINST) < panel.index(FOR)  # against first
    assert concern.what in panel
    link = reverse("plans:target-add", args=[stage.pk]) + f"?concern={concern.pk}"
    assert link in panel

    form = text(client.get(link))
    assert re.search(rf'<option value="{concern.pk}"\s+selected', form)
    assert re.search(r'value="serious_harm" checked', form)  # manages what the concern is about

    saved = client.post(
        reverse("plans:target-add", args=[stage.pk]),
        target_fields(factor="", concern=str(concern.pk), manages_risk="serious_harm"),
    )
    assert saved.status_code == 302
    after = text(client.get(plan_url(stage)))
    panel = after[after.index("What the assessment found") : after.index("</section>")]
    assert concern.what not in panel
    assert Target.objects.get().concern == concern


def test_a_target_with_nothing_to_rest_on_is_400_with_the_message(client, stage):
    response = client.post(
        reverse("plans:target-add", args=[stage.pk]), target_fields(factor="", objective="")
    )
    assert response.status_code == 400
    page = text(response)
    assert "There is a problem" in page
    assert "Enter the objective" in page
    assert not Target.objects.exists()

    nothing = client.post(reverse("plans:target-add", args=[stage.pk]), target_fields(factor=""))
    assert nothing.status_code == 400
    assert "Select what this target rests on" in text(nothing)


def test_a_stale_target_save_is_409_with_both_versions(client, stage, pat):
    target = add_target(stage, pat)
    operations.change_target(
        by=pat,
        stage=stage,
        target_id=target.pk,
        data=target_input(objective="Their objective"),
        version=1,
    )
    url = reverse("plans:target-change", args=[stage.pk, target.pk])
    response = client.post(url, target_fields(objective="My objective", version="1"))
    assert response.status_code == 409
    page = text(response)
    assert "Someone else changed this target" in page
    assert "Their objective" in page
    assert "My objective" in page
    assert 'name="version" value="2"' in page
    target.refresh_from_db()
    assert target.objective == "Their objective"


def test_actions_are_added_and_a_stale_change_is_409(client, stage, pat):
    target = add_target(stage, pat)
    add_url = reverse("plans:action-add", args=[stage.pk, target.pk])
    fields = {
        "what": "Call the coach",
        "who": "agency",
        "agency_name": "",
        "by_when_day": "27",
        "by_when_month": "3",
        "by_when_year": "2027",
        "kind": "contingency",
        "status": "not_started",
        "version": "",
    }
    refused = client.post(add_url, fields)
    assert refused.status_code == 400
    assert "Enter the name of the agency" in text(refused)

    assert client.post(add_url, {**fields, "agency_name": "Larch FC"}).status_code == 302
    action = Action.objects.get()
    assert (action.by_when, action.kind) == (dt.date(2027, 3, 27), "contingency")

    change_url = reverse("plans:action-change", args=[stage.pk, target.pk, action.pk])
    assert (
        client.post(change_url, {**fields, "agency_name": "A", "version": "1"}).status_code == 302
    )
    stale = client.post(change_url, {**fields, "agency_name": "B", "version": "1"})
    assert stale.status_code == 409
    assert "Someone else changed this action" in text(stale)
    action.refresh_from_db()
    assert action.agency_name == "A"


def test_progress_is_added(client, stage, pat):
    target = add_target(stage, pat)
    url = reverse("plans:progress-add", args=[stage.pk, target.pk])
    assert client.post(url, {"text": ""}).status_code == 400
    assert client.post(url, {"text": "He went twice"}).status_code == 302
    assert ProgressNote.objects.get().text == "He went twice"


def test_the_risk_plan_shows_only_that_plan(client, stage, pat):
    target = add_target(stage, pat, manages_risk="serious_harm")
    add_action(stage, pat, target, what="Curfew 7pm to 7am", kind="external_control")
    ordinary = add_target(stage, pat, objective="Ordinary objective")
    add_action(stage, pat, ordinary, what="Ordinary action")

    response = client.get(reverse("plans:risk", args=[stage.pk]))

    assert response.status_code == 200
    page = text(response)
    assert "Curfew 7pm to 7am" in page
    assert "External control" in page
    assert "Ordinary action" not in page
    assert "completion-map" not in page  # nothing else of the record
    assert "plans/print.css" in page


def test_another_organisation_gets_404_everywhere(client_for, other_practitioner, stage, pat):
    target = add_target(stage, pat)
    action = add_action(stage, pat, target)
    outsider = client_for(other_practitioner)
    pages = [
        plan_url(stage),
        reverse("plans:risk", args=[stage.pk]),
        reverse("plans:target-add", args=[stage.pk]),
        reverse("plans:target-change", args=[stage.pk, target.pk]),
        reverse("plans:action-add", args=[stage.pk, target.pk]),
        reverse("plans:action-change", args=[stage.pk, target.pk, action.pk]),
        reverse("plans:progress-add", args=[stage.pk, target.pk]),
    ]
    for page in pages:
        assert outsider.get(page).status_code == 404, page
        assert outsider.post(page, target_fields()).status_code == 404, page
    assert Target.objects.count() == 1


def test_a_read_only_grant_reads_the_plan_but_cannot_change_it(
    client_for, secure_staff, oakwood, stage, pat
):
    target = add_target(stage, pat)
    custody_grant(stage.child, oakwood)
    reader = client_for(secure_staff)

    page = text(reader.get(plan_url(stage)))
    assert target.objective in page
    assert "Add a target" not in page
    assert reverse("plans:target-change", args=[stage.pk, target.pk]) not in page
    assert reader.get(reverse("plans:risk", args=[stage.pk])).status_code == 200
    assert reader.get(reverse("plans:target-add", args=[stage.pk])).status_code == 404
    assert (
        reader.post(reverse("plans:target-add", args=[stage.pk]), target_fields()).status_code
        == 404
    )
    assert (
        reader.post(
            reverse("plans:progress-add", args=[stage.pk, target.pk]), {"text": "x"}
        ).status_code
        == 404
    )
    assert Target.objects.count() == 1
    assert not ProgressNote.objects.exists()


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_query_counts_stay_flat_with_more_targets(client, stage, pat):
    def grow() -> None:
        target = add_target(stage, pat, manages_risk="safety_wellbeing")
        add_action(stage, pat, target)
        add_action(stage, pat, target, kind="contingency")
        add_note(stage, pat, target)

    grow()
    few = {
        url: _queries(client, url)
        for url in (plan_url(stage), reverse("plans:risk", args=[stage.pk]))
    }
    for _ in range(4):
        grow()
    many = {url: _queries(client, url) for url in few}
    assert many == few
    api = f"/api/v1/stages/{stage.pk}/plan"
    before = _queries(client, api)
    grow()
    assert _queries(client, api) == before


def test_the_risk_plan_prints_as_an_a4_pdf_on_its_own(client, stage, pat, tmp_path):
    target = add_target(stage, pat, manages_risk="serious_harm")
    add_action(stage, pat, target, what="Curfew 7pm to 7am", kind="external_control")
    ordinary = add_target(stage, pat, objective="Ordinary objective")
    add_action(stage, pat, ordinary, what="Ordinary action")

    response = client.get(reverse("plans:risk-pdf", args=[stage.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert stage.child.family_name not in response["Content-Disposition"]
    text = read_pdf(response.content, tmp_path)
    assert text.pages == 1
    assert "Curfew 7pm to 7am" in text
    assert "OFFICIAL-SENSITIVE" in text
    assert "Ordinary action" not in text
    assert events(stage.child, "records.child.viewed")[-1].detail == {
        "page": "risk and safety plan PDF"
    }


def test_every_plan_page_opens_in_welsh(client, stage, pat):
    target = add_target(stage, pat, manages_risk="serious_harm")
    action = add_action(stage, pat, target, kind="contingency")
    add_note(stage, pat, target)
    client.cookies["cairn_language"] = "cy"
    for url in (
        plan_url(stage),
        reverse("plans:risk", args=[stage.pk]),
        reverse("plans:risk-pdf", args=[stage.pk]),
        reverse("plans:target-add", args=[stage.pk]),
        reverse("plans:target-change", args=[stage.pk, target.pk]),
        reverse("plans:action-change", args=[stage.pk, target.pk, action.pk]),
        reverse("plans:progress-add", args=[stage.pk, target.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        if response["Content-Type"].startswith("text/html"):
            assert '<html lang="cy"' in text(response), url
