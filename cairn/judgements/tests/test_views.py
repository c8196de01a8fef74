"""The judgement pages, as requests: each judgement with what it shows (the score with every
term and input and the model named; the matrix and each risk page's own definitions; the intervention
table), deciding (saved, refused with the message, or a colleague's rating on a conflict),
reconfirming, the concern pages, who may open them, the scoring-model page, and query counts
that do not grow with the record."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
import yaml
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from cairn.assessment import operations as assessment_operations
from cairn.assessment.models import Stage
from cairn.assessment.tests.factories import (
    actor,
    answer,
    custody_grant,
    events,
    questions_of,
    start,
    text,
    valid_value,
)
from cairn.judgements import operations, proposals, rules, scoring
from cairn.judgements.models import Concern, Judgement, Kind, ScoringModelFile
from cairn.judgements.tests.arrange import (
    CONCERN,
    FULL,
    add_concern,
    add_sanction,
    change_answer,
    decide,
    feeding_only,
    flagged,
    scorable,
    state,
)

pytestmark = pytest.mark.django_db

MODEL_LABEL = "OGRS3 (adult model), not the official YOGRS"
TITLES = {
    Kind.REOFFENDING: "Likelihood of reoffending",
    Kind.SERIOUS_HARM: "Risk of serious harm to others",
    Kind.SAFETY_WELLBEING: "Safety and well-being",
    Kind.INTERVENTION_LEVEL: "Indicative intervention level",
}


@pytest.fixture
def pat(practitioner):
    return actor(practitioner)


@pytest.fixture
def stage(child, pat):
    return start(scorable(child), pat, FULL)


@pytest.fixture
def client(client_for, practitioner):
    return client_for(practitioner)


def url(stage: Stage, kind: str) -> str:
    return reverse("judgements:judgement", args=[stage.pk, kind])


def squash(page: str) -> str:
    """The page's text with tags removed and white space collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", page).split())


def error_summary(page: str) -> str:
    found = re.search(r'<div class="govuk-error-summary".*?</ul>', page, re.DOTALL)
    assert found, "no error summary"
    return squash(found.group(0))


def has_form_posting_to(page: str, action: str) -> bool:
    return re.search(rf'<form[^>]*action="{re.escape(action)}"', page) is not None


# Each judgement's page


def test_the_reoffending_page_shows_the_score_every_term_the_inputs_and_the_model(client, stage):
    found = state(stage, Kind.REOFFENDING).score
    assert found is not None

    response = client.get(url(stage, Kind.REOFFENDING))

    assert response.status_code == 200
    page = text(response)
    plain = squash(page)
    assert '<h1 class="govuk-heading-l">Likelihood of reoffending</h1>' in page
    assert MODEL_LABEL in page
    assert f"Model: {MODEL_LABEL} ({found.model.title})." in plain
    assert f"{found.percent_2_years}%" in plain
    assert f"{found.percent_1_year}% within 1 year" in plain
    assert f"The model’s band: {found.band.label_in('en')}" in plain
    rows = re.findall(
        r'<th scope="row" class="govuk-table__header">(.*?)</th>\s*'
        r'<td class="govuk-table__cell govuk-table__cell--numeric">(.*?)</td>\s*'
        r'<td class="govuk-table__cell">(.*?)</td>',
        page,
        re.DOTALL,
    )
    expected = [
        (term.label, f"{term.value:+.3f}", term.explanation)
        for term in (*found.terms, *found.intercepts)
    ]
    assert rows == expected
    assert len(rows) == 6  # four terms and the two starting points
    assert "Sex Male" in plain
    age = scoring.age_on(dt.date(2012, 3, 14), timezone.localdate())
    assert f"Age on the assessment date {age} (born 14 March 2012)" in plain
    assert "Current sanction 10 January 2025, Theft (non-motor) (age 12)" in plain
    assert "First sanction 10 January 2025 (age 12)" in plain
    assert "Previous sanctions 0" in plain
    assert reverse("records:child-section", args=[stage.child_id, "offences"]) in page


def test_the_reoffending_page_in_welsh_names_the_model_in_welsh(client, stage):
    client.cookies["cairn_language"] = "cy"
    try:
        page = text(client.get(url(stage, Kind.REOFFENDING)))
    finally:
        translation.deactivate()  # the request left Welsh active in this thread
    assert '<html lang="cy"' in page
    assert "OGRS3 (model oedolion), nid y YOGRS swyddogol" in page
    assert MODEL_LABEL not in page


def test_the_reoffending_page_says_what_is_missing_and_shows_no_score(
    client, make_child, northshire, pat
):
    bare = start(make_child(northshire, "Ada", "Okafor"), pat, FULL)
    with translation.override("en"):
        reasons = state(bare, Kind.REOFFENDING).cannot_score
    assert reasons

    page = text(client.get(url(bare, Kind.REOFFENDING)))

    plain = squash(page)
    assert "There is no score: the Core Record does not hold what the model needs." in plain
    for reason in reasons:
        assert reason in page
    assert f"Model in use: {MODEL_LABEL}." in plain
    assert "How the score is made up" not in page
    assert "Proposed now:" not in page  # nothing to propose


def test_the_reoffending_page_says_which_inputs_moved_the_score_since_the_last_stage(
    client, stage, pat
):
    decide(stage, pat, Kind.REOFFENDING)
    review = operations_start_review(stage, pat)
    add_sanction(stage.child, dt.date(2026, 2, 2))

    plain = squash(text(client.get(url(review, Kind.REOFFENDING))))

    assert "Since the previous stage" in plain
    assert "To reconfirm" in plain
    assert "Previous sanctions: 0 → 1" in plain


def operations_start_review(stage: Stage, by: Any) -> Stage:
    return assessment_operations.start_stage(by=by, child=stage.child, stage_type="review")


def test_the_serious_harm_page_shows_its_own_definitions_and_not_safetys(client, stage):
    page = text(client.get(url(stage, Kind.SERIOUS_HARM)))
    plain = squash(page)
    found = rules.active()

    assert f'<h1 class="govuk-heading-l">{TITLES[Kind.SERIOUS_HARM]}</h1>' in page
    assert found.serious_harm.lead.en in plain
    assert found.serious_harm.lead.en.startswith("This judgement is about harm the child may cause")
    assert "What the ratings mean for risk of serious harm to others (YJB definitions)" in plain
    assert "Concerns about harm to others" in plain
    for rating in found.ratings:
        assert rating.definition is not None
        assert f"{rating.label.en} {rating.definition.en}" in plain
    assert found.harm_and_serious_harm.harm.en in plain
    assert found.harm_and_serious_harm.serious_harm.en in plain
    assert found.safety_wellbeing.lead.en not in plain
    assert "What the ratings mean for safety and well-being" not in plain
    for wording in found.safety_wellbeing.ratings:
        assert wording.definition.en not in plain
        assert wording.example is not None
        assert wording.example.en not in plain


def test_the_safety_page_shows_its_own_definitions_and_not_serious_harms(client, stage):
    page = text(client.get(url(stage, Kind.SAFETY_WELLBEING)))
    plain = squash(page)
    found = rules.active()

    assert f'<h1 class="govuk-heading-l">{TITLES[Kind.SAFETY_WELLBEING]}</h1>' in page
    assert found.safety_wellbeing.lead.en.startswith("This judgement is about harm to the child")
    assert found.safety_wellbeing.lead.en in plain
    assert "What the ratings mean for safety and well-being" in plain
    assert "Concerns about harm to the child" in plain
    for wording in found.safety_wellbeing.ratings:
        label = found.rating(wording.key).label.en
        assert wording.example is not None
        assert f"{label} {wording.definition.en} For example: {wording.example.en}" in plain
    assert "YJB definitions" not in plain
    assert found.serious_harm.lead.en not in plain
    for rating in found.ratings:
        assert rating.definition is not None
        assert rating.definition.en not in plain
    assert found.harm_and_serious_harm.serious_harm.en not in plain


@pytest.mark.parametrize("kind", [Kind.SERIOUS_HARM, Kind.SAFETY_WELLBEING])
def test_a_risk_page_shows_the_matrix(client, stage, kind):
    page = text(client.get(url(stage, kind)))
    plain = squash(page)
    assert "How a concern’s rating is proposed: impact by likelihood" in plain
    assert "Impact Unlikely Possible Likely Very likely" in plain
    for impact, cells in [
        ("Minor", "Low Low Low Medium"),
        ("Moderate", "Low Medium Medium Medium"),
        ("Serious", "Medium Medium High High"),
        ("Severe", "Medium High High Very high"),
    ]:
        assert f"{impact} {cells}" in plain
    assert "No concerns recorded. With none, the proposed rating is Low." in plain
    assert "Proposed now: Low" in plain
    assert reverse("judgements:concern-add", args=[stage.pk, kind]) in page


def test_a_risk_page_lists_its_concerns_highest_first(client, stage, pat):
    add_concern(stage, pat, what="Might push a classmate.", impact="minor", likelihood="possible")
    high = add_concern(stage, pat, what="Might stab a rival.", impact="severe", likelihood="likely")
    add_concern(stage, pat, judgement=Kind.SAFETY_WELLBEING, what="Might be groomed online.")

    page = text(client.get(url(stage, Kind.SERIOUS_HARM)))

    titles = re.findall(r'<h3 class="govuk-summary-card__title">(.*?)</h3>', page)
    assert titles == ["High: Might stab a rival.", "Low: Might push a classmate."]
    plain = squash(page)
    assert "Who might be harmed Another child (A rival group member)" in plain
    assert CONCERN["evidence"] in plain
    assert "Proposed now: High" in plain
    assert reverse("judgements:concern-change", args=[stage.pk, high.pk]) in page
    assert "Might be groomed online." not in page


def test_the_intervention_page_shows_the_table_and_what_it_follows(client, stage, pat):
    decide(stage, pat, Kind.SERIOUS_HARM, rating="high", reason="Knife carrying.")
    page = text(client.get(url(stage, Kind.INTERVENTION_LEVEL)))
    plain = squash(page)

    assert (
        "How the intervention level is proposed: likelihood of reoffending by risk of serious harm"
        in plain
    )
    assert "Likelihood of reoffending Low Medium High Very high" in plain
    for row, cells in [
        ("Low", "Standard Enhanced Intensive Intensive"),
        ("Medium", "Enhanced Enhanced Intensive Intensive"),
        ("High", "Intensive Intensive Intensive Intensive"),
        ("Very high", "Intensive Intensive Intensive Intensive"),
    ]:
        assert f"{row} {cells}" in plain
    for level in rules.active().intervention.levels:
        assert level.definition is not None
        assert f"{level.label.en} {level.definition.en}" in plain
    assert "Risk of serious harm to others High" in plain
    assert "Likelihood of reoffending" in plain
    assert "(proposed; not yet decided)" in plain
    assert "Proposed now: Intensive" in plain


def test_viewing_a_judgement_is_audited(client, stage):
    client.get(url(stage, Kind.SAFETY_WELLBEING))
    [event] = events(stage.child, "records.child.viewed")
    assert event.detail == {"page": "judgement safety_wellbeing"}


def test_a_kind_the_stage_does_not_make_is_not_found(client, child, pat):
    prevention = start(child, pat, "prevention")
    assert client.get(url(prevention, Kind.REOFFENDING)).status_code == 404
    assert client.get(url(prevention, Kind.INTERVENTION_LEVEL)).status_code == 404
    assert client.get(url(prevention, "desistance")).status_code == 404
    assert client.get(url(prevention, Kind.SERIOUS_HARM)).status_code == 200
    add = reverse("judgements:concern-add", args=[prevention.pk, Kind.INTERVENTION_LEVEL])
    assert client.get(add).status_code == 404
    post = client.post(url(prevention, Kind.REOFFENDING), {"rating": "low", "version": "0"})
    assert post.status_code == 404
    assert not Judgement.objects.exists()


# Deciding


def test_deciding_saves_and_returns_to_the_page(client, stage):
    response = client.post(
        url(stage, Kind.SERIOUS_HARM), {"rating": "low", "reason": "", "version": "0"}
    )
    assert response.status_code == 302
    assert response["Location"] == url(stage, Kind.SERIOUS_HARM)
    made = Judgement.objects.get(stage=stage, kind=Kind.SERIOUS_HARM)
    assert (made.rating, made.proposed, made.version) == ("low", "low", 1)

    page = squash(text(client.get(url(stage, Kind.SERIOUS_HARM))))
    assert "Risk of serious harm to others saved" in page
    assert "Rating Low Proposed when it was made Low" in page
    assert "Save changed judgement" in page


def test_a_differing_rating_without_a_reason_answers_400_with_the_message(client, stage, pat):
    add_concern(stage, pat, impact="serious", likelihood="likely")
    response = client.post(
        url(stage, Kind.SERIOUS_HARM), {"rating": "very_high", "reason": " ", "version": "0"}
    )
    assert response.status_code == 400
    page = text(response)
    assert error_summary(page) == (
        "There is a problem Give the reason your rating differs from the proposed one"
    )
    assert 'href="#reason"' in page or 'href="#id_reason"' in page
    assert 'value="very_high" checked' in page or re.search(r'value="very_high"[^>]*checked', page)
    assert not Judgement.objects.exists()


def test_a_rating_without_a_proposal_needs_a_reason_on_the_page(
    client, make_child, northshire, pat
):
    bare = start(make_child(northshire, "Ada", "Okafor"), pat, FULL)
    response = client.post(url(bare, Kind.REOFFENDING), {"rating": "low", "version": "0"})
    assert response.status_code == 400
    assert "Give the reason for your rating: the system could not propose one" in error_summary(
        text(response)
    )


def test_no_rating_answers_400(client, stage):
    response = client.post(url(stage, Kind.SAFETY_WELLBEING), {"version": "0"})
    assert response.status_code == 400
    assert error_summary(text(response)) == "There is a problem Select a rating"


def test_a_stale_decision_answers_409_with_the_colleagues_rating(client, stage, manager):
    operations.decide(
        by=actor(manager),
        stage=stage,
        kind=Kind.SAFETY_WELLBEING,
        rating="medium",
        reason="Missing from home twice this month.",
        version=0,
    )
    response = client.post(
        url(stage, Kind.SAFETY_WELLBEING),
        {"rating": "high", "reason": "Pat's own view.", "version": "0"},
    )
    assert response.status_code == 409
    plain = squash(text(response))
    assert "Someone else changed this judgement while you were working" in plain
    assert "Mo Tester saved it at" in plain
    assert ": Medium. Their reason: “Missing from home twice this month.”" in plain
    page = text(response)
    assert re.search(r'value="high"[^>]*checked', page)
    assert "Pat's own view." in page
    assert re.search(r'name="version"[^>]*value="1"', page)
    made = Judgement.objects.get(stage=stage, kind=Kind.SAFETY_WELLBEING)
    assert (made.rating, made.version) == ("medium", 1)


def test_a_stale_decision_in_welsh_shows_the_colleagues_rating_in_welsh(client, stage, manager):
    operations.decide(
        by=actor(manager),
        stage=stage,
        kind=Kind.SAFETY_WELLBEING,
        rating="medium",
        reason="Missing from home.",
        version=0,
    )
    client.cookies["cairn_language"] = "cy"
    try:
        response = client.post(
            url(stage, Kind.SAFETY_WELLBEING),
            {"rating": "high", "reason": "Pat's own view.", "version": "0"},
        )
    finally:
        translation.deactivate()
    assert response.status_code == 409
    conflict = re.search(r'<div class="govuk-error-summary".*?</div>', text(response), re.DOTALL)
    assert conflict
    assert "Canolig" in conflict.group(0)
    assert "Medium" not in conflict.group(0)


def test_a_decision_on_an_ended_stage_is_refused(client, stage, pat):
    assessment_operations.end_stage(by=pat, stage=stage, status="stopped", reason="Moved away")
    response = client.post(
        url(stage, Kind.SERIOUS_HARM), {"rating": "low", "version": "0"}, follow=True
    )
    assert response.status_code == 200
    assert "This stage has ended: its judgements can no longer change" in text(response)
    assert not Judgement.objects.exists()
    page = text(client.get(url(stage, Kind.SERIOUS_HARM)))
    assert "Save judgement" not in page
    assert "Add a concern" not in page


# Reconfirming


def test_reconfirming_from_the_page(client, stage, pat):
    decide(stage, pat, Kind.REOFFENDING)
    change_answer(stage, feeding_only(Kind.REOFFENDING), pat)
    page = text(client.get(url(stage, Kind.REOFFENDING)))
    reconfirm = reverse("judgements:reconfirm", args=[stage.pk, Kind.REOFFENDING])
    assert "1 thing this judgement rests on has changed since it was made." in page
    assert has_form_posting_to(page, reconfirm)

    response = client.post(reconfirm, {"version": "1"})

    assert response.status_code == 302
    assert response["Location"] == url(stage, Kind.REOFFENDING)
    assert flagged(stage) == set()
    after = text(client.get(url(stage, Kind.REOFFENDING)))
    assert "Likelihood of reoffending reconfirmed" in after
    assert not has_form_posting_to(after, reconfirm)


def test_reconfirming_a_stale_version_changes_nothing(client, stage, pat):
    decide(stage, pat, Kind.REOFFENDING)
    change_answer(stage, feeding_only(Kind.REOFFENDING), pat)
    reconfirm = reverse("judgements:reconfirm", args=[stage.pk, Kind.REOFFENDING])

    response = client.post(reconfirm, {"version": "7"}, follow=True)

    assert "Someone changed this judgement since you opened it." in text(response)
    assert flagged(stage) == {Kind.REOFFENDING}
    bad = client.post(reconfirm, {"version": "one"}, follow=True)
    assert "Someone changed this judgement since you opened it." in text(bad)
    assert Judgement.objects.get(stage=stage, kind=Kind.REOFFENDING).version == 1


def test_reconfirming_a_judgement_not_made_says_so(client, stage):
    response = client.post(
        reverse("judgements:reconfirm", args=[stage.pk, Kind.SERIOUS_HARM]),
        {"version": "0"},
        follow=True,
    )
    assert "Make this judgement before reconfirming it" in text(response)


def test_reconfirming_needs_post(client, stage):
    reconfirm = reverse("judgements:reconfirm", args=[stage.pk, Kind.SERIOUS_HARM])
    assert client.get(reconfirm).status_code == 405


# Concerns


def concern_form(**changes: Any) -> dict[str, Any]:
    return {**CONCERN, **changes}


def test_the_concern_form_offers_the_answers_that_feed_the_judgement(client, stage, pat):
    question = feeding_only(Kind.SERIOUS_HARM)
    answer(stage, question, valid_value(question), pat)
    other = feeding_only(Kind.SAFETY_WELLBEING)
    answer(stage, other, valid_value(other), pat)

    response = client.get(reverse("judgements:concern-add", args=[stage.pk, Kind.SERIOUS_HARM]))

    assert response.status_code == 200
    page = text(response)
    assert '<h1 class="govuk-heading-l">Add a concern</h1>' in page
    assert f'value="{question.key}"' in page
    assert f'value="{other.key}"' not in page
    for choice in rules.active().to_whom.serious_harm:
        assert f'value="{choice.key}"' in page
    assert 'value="the_child"' not in page


def test_adding_a_concern(client, stage, pat):
    question = feeding_only(Kind.SERIOUS_HARM)
    answer(stage, question, valid_value(question), pat)
    response = client.post(
        reverse("judgements:concern-add", args=[stage.pk, Kind.SERIOUS_HARM]),
        concern_form(answer_keys=[question.key]),
    )
    assert response.status_code == 302
    assert response["Location"] == url(stage, Kind.SERIOUS_HARM)
    concern = Concern.objects.get(stage=stage)
    assert (concern.judgement, concern.impact, concern.answer_keys) == (
        "serious_harm",
        "serious",
        [question.key],
    )
    page = squash(text(client.get(url(stage, Kind.SERIOUS_HARM))))
    assert "Concern added" in page
    assert f"Rests on {question.label.en}" in page


def test_a_bad_concern_answers_400_with_each_message(client, stage):
    response = client.post(
        reverse("judgements:concern-add", args=[stage.pk, Kind.SERIOUS_HARM]),
        {"what": "", "to_whom": "the_child", "impact": "huge", "answer_keys": ["x.y"]},
    )
    assert response.status_code == 400
    assert error_summary(text(response)) == (
        "There is a problem Describe what might happen"
        " Select one of the choices shown"  # to whom: the child is not a choice here
        " Select one of the choices shown"  # impact
        " Select how likely it is Select how soon it might happen"
        " Give the evidence for this concern Select answers from this stage only"
    )
    assert not Concern.objects.exists()


def test_changing_a_concern(client, stage, pat):
    concern = add_concern(stage, pat)
    change = reverse("judgements:concern-change", args=[stage.pk, concern.pk])
    page = text(client.get(change))
    assert '<h1 class="govuk-heading-l">Change a concern</h1>' in page
    assert CONCERN["evidence"] in page

    response = client.post(change, concern_form(likelihood="very_likely", version="1"))

    assert response.status_code == 302
    concern.refresh_from_db()
    assert (concern.likelihood, concern.version) == ("very_likely", 2)


def test_a_stale_concern_answers_409_with_the_colleagues_version(client, stage, pat, manager):
    concern = add_concern(stage, pat)
    operations.change_concern(
        by=actor(manager),
        stage=stage,
        concern_id=concern.pk,
        data=operations.ConcernInput(
            **{**CONCERN, "what": "Mo: he may go after the boy's brother.", "answer_keys": ()}
        ),
        version=1,
    )
    change = reverse("judgements:concern-change", args=[stage.pk, concern.pk])

    response = client.post(change, concern_form(what="Pat: my edit.", version="1"))

    assert response.status_code == 409
    page = text(response)
    assert "Someone else changed this concern while you were working" in page
    assert "Mo: he may go after the boy's brother." in page
    assert "Pat: my edit." in page
    assert re.search(r'name="version"[^>]*value="2"', page)
    concern.refresh_from_db()
    assert concern.what == "Mo: he may go after the boy's brother."


def test_a_bad_change_to_a_concern_answers_400(client, stage, pat):
    concern = add_concern(stage, pat)
    change = reverse("judgements:concern-change", args=[stage.pk, concern.pk])
    response = client.post(change, concern_form(evidence="", version="1"))
    assert response.status_code == 400
    assert "Give the evidence for this concern" in error_summary(text(response))


def test_removing_a_concern(client, stage, pat):
    concern = add_concern(stage, pat)
    remove = reverse("judgements:concern-remove", args=[stage.pk, concern.pk])
    assert client.get(remove).status_code == 405

    stale = client.post(remove, {"version": "2"}, follow=True)
    assert "Someone changed this concern since you opened it." in text(stale)
    assert Concern.objects.filter(pk=concern.pk).exists()

    response = client.post(remove, {"version": "1"})
    assert response.status_code == 302
    assert response["Location"] == url(stage, Kind.SERIOUS_HARM)
    assert not Concern.objects.filter(pk=concern.pk).exists()


def test_a_concern_of_another_stage_is_not_found(client, stage, pat, make_child, northshire):
    elsewhere = start(make_child(northshire, "Ada", "Okafor"), pat, FULL)
    concern = add_concern(elsewhere, pat)
    change = reverse("judgements:concern-change", args=[stage.pk, concern.pk])
    remove = reverse("judgements:concern-remove", args=[stage.pk, concern.pk])
    assert client.get(change).status_code == 404
    assert client.post(remove, {"version": "1"}).status_code == 404
    assert Concern.objects.filter(pk=concern.pk).exists()


def test_concern_pages_of_an_ended_stage_are_not_found(client, stage, pat):
    concern = add_concern(stage, pat)
    assessment_operations.end_stage(by=pat, stage=stage, status="stopped", reason="Moved away")
    add = reverse("judgements:concern-add", args=[stage.pk, Kind.SERIOUS_HARM])
    change = reverse("judgements:concern-change", args=[stage.pk, concern.pk])
    assert client.get(add).status_code == 404
    assert client.get(change).status_code == 404
    assert client.post(add, concern_form()).status_code == 404
    assert Concern.objects.count() == 1


# Who may open them


def every_page(stage: Stage, concern: Concern) -> list[str]:
    return [
        *(url(stage, kind) for kind in TITLES),
        reverse("judgements:concern-add", args=[stage.pk, Kind.SERIOUS_HARM]),
        reverse("judgements:concern-change", args=[stage.pk, concern.pk]),
    ]


def every_post(stage: Stage, concern: Concern) -> list[tuple[str, dict[str, Any]]]:
    return [
        (url(stage, Kind.SERIOUS_HARM), {"rating": "low", "reason": "x", "version": "1"}),
        (reverse("judgements:reconfirm", args=[stage.pk, Kind.SERIOUS_HARM]), {"version": "1"}),
        (
            reverse("judgements:concern-add", args=[stage.pk, Kind.SERIOUS_HARM]),
            concern_form(),
        ),
        (
            reverse("judgements:concern-change", args=[stage.pk, concern.pk]),
            concern_form(what="Changed", version="1"),
        ),
        (reverse("judgements:concern-remove", args=[stage.pk, concern.pk]), {"version": "1"}),
    ]


def assert_unchanged(stage: Stage, concern: Concern) -> None:
    made = Judgement.objects.get(stage=stage, kind=Kind.SERIOUS_HARM)
    assert (made.rating, made.version) == ("high", 1)
    assert list(Concern.objects.filter(stage=stage).values_list("pk", "version", "what")) == [
        (concern.pk, 1, CONCERN["what"])
    ]


def test_another_organisation_gets_not_found_everywhere(client_for, other_practitioner, stage, pat):
    concern = add_concern(stage, pat)
    decide(stage, pat, Kind.SERIOUS_HARM)  # high, as proposed
    outsider = client_for(other_practitioner)
    for page in every_page(stage, concern):
        assert outsider.get(page).status_code == 404, page
    for target, data in every_post(stage, concern):
        assert outsider.post(target, data).status_code == 404, target
    assert_unchanged(stage, concern)
    assert not events(stage.child, "records.child.viewed")


def test_a_custody_grant_reads_the_judgements_without_forms_and_cannot_change_them(
    client_for, secure_staff, oakwood, stage, pat
):
    concern = add_concern(stage, pat)
    decide(stage, pat, Kind.SERIOUS_HARM)
    change_answer(stage, feeding_only(Kind.SERIOUS_HARM), pat)  # to reconfirm
    custody_grant(stage.child, oakwood)
    reader = client_for(secure_staff)

    for kind in TITLES:
        response = reader.get(url(stage, kind))
        assert response.status_code == 200, kind
        page = text(response)
        assert not re.search(r'<form[^>]*method="post"[^>]*action="/stages/', page), kind
        assert not re.search(r'<form method="post" novalidate>', page), kind
        assert "Save judgement" not in page
    harm = text(reader.get(url(stage, Kind.SERIOUS_HARM)))
    assert CONCERN["what"] in harm
    assert "To reconfirm" in harm
    assert "Add a concern" not in harm
    assert reverse("judgements:concern-change", args=[stage.pk, concern.pk]) not in harm
    assert "Not made in this stage." in text(reader.get(url(stage, Kind.SAFETY_WELLBEING)))

    for page in every_page(stage, concern)[4:]:
        assert reader.get(page).status_code == 404, page
    for target, data in every_post(stage, concern):
        assert reader.post(target, data).status_code == 404, target
    assert_unchanged(stage, concern)


def test_anyone_not_signed_in_is_sent_to_sign_in(stage, pat):
    concern = add_concern(stage, pat)
    anonymous = Client()
    for page in every_page(stage, concern):
        response = anonymous.get(page)
        assert response.status_code == 302, page
        assert response["Location"].startswith("/accounts/sign-in/"), page


# The scoring model


SCORING = reverse("judgements:scoring-model")


def model_file(**changes: Any) -> bytes:
    data = yaml.safe_load(scoring.DEFAULT_MODEL_FILE.read_text(encoding="utf-8"))
    data.update(changes)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode()


OTHER = {
    "name": "Northshire test model",
    "version": "0.1",
    "label": {"en": "Northshire test model (not validated)", "cy": "Model prawf Northshire"},
}


@pytest.fixture
def admin_client(client_for, administrator):
    # Loading a model is the service administrator's (the model is the whole service's).
    administrator.user.is_service_administrator = True
    administrator.user.save()
    return client_for(administrator)


def test_only_administrators_open_the_scoring_model_page(client, admin_client, client_for, manager):
    assert client.get(SCORING).status_code == 403
    assert client_for(manager).get(SCORING).status_code == 403
    assert client.post(SCORING, {"action": "default"}).status_code == 403
    response = admin_client.get(SCORING)
    assert response.status_code == 200
    plain = squash(text(response))
    assert f"Active model {MODEL_LABEL}" in plain
    assert "The default shipped with Cairn" in plain
    assert "Low: 0–49" in plain
    assert "Go back to the default model" not in plain


def test_a_malformed_model_file_answers_400_and_the_active_model_stays(admin_client, administrator):
    operations.load_scoring_model(by=actor(administrator), text=model_file(**OTHER).decode())
    broken = yaml.safe_load(model_file())
    del broken["intercepts"]["two_years"]
    upload = SimpleUploadedFile("model.yaml", yaml.safe_dump(broken).encode(), "text/yaml")

    response = admin_client.post(SCORING, {"model_file": upload})

    assert response.status_code == 400
    with pytest.raises(scoring.ModelFileError) as caught:
        scoring.parse_model(yaml.safe_dump(broken))
    expected = f"The model was not loaded, and the active model stays in use: {caught.value}"
    summary = error_summary(text(response))
    assert summary == f"There is a problem {expected}"
    assert "intercepts" in str(caught.value)
    assert proposals.active_model().name == "Northshire test model"
    assert ScoringModelFile.objects.count() == 1


def test_a_pasted_model_that_is_not_yaml_answers_400(admin_client):
    response = admin_client.post(SCORING, {"model_text": "name: [OGRS3\n"})
    assert response.status_code == 400
    assert "The model file is not valid YAML (line" in error_summary(text(response))
    assert not ScoringModelFile.objects.exists()


def test_an_empty_upload_and_a_binary_file_answer_400(admin_client):
    assert "Choose a model file, or paste the model" in error_summary(
        text(admin_client.post(SCORING, {"model_text": "  "}))
    )
    binary = SimpleUploadedFile("model.yaml", b"\xff\xfe\x00bad", "application/octet-stream")
    response = admin_client.post(SCORING, {"model_file": binary})
    assert response.status_code == 400
    assert "The file must be a YAML text file (UTF-8)" in error_summary(text(response))
    assert not ScoringModelFile.objects.exists()


def test_a_valid_model_file_becomes_active_and_the_default_can_return(admin_client, client, stage):
    upload = SimpleUploadedFile("model.yaml", model_file(**OTHER), "text/yaml")

    response = admin_client.post(SCORING, {"model_file": upload})

    assert response.status_code == 302
    assert response["Location"] == SCORING
    plain = squash(text(admin_client.get(SCORING)))
    assert "Northshire test model 0.1 is now the active model" in plain
    assert "Active model Northshire test model (not validated)" in plain
    assert "Go back to the default model" in plain
    assert proposals.active_model().name == "Northshire test model"
    assert "Northshire test model (not validated)" in text(client.get(url(stage, Kind.REOFFENDING)))

    back = admin_client.post(SCORING, {"action": "default"})

    assert back.status_code == 302
    assert proposals.active_model() == scoring.default_model()
    assert not ScoringModelFile.objects.filter(is_active=True).exists()
    plain = squash(text(admin_client.get(SCORING)))
    assert "The default model is in use again" in plain
    assert f"Active model {MODEL_LABEL}" in plain
    assert MODEL_LABEL in text(client.get(url(stage, Kind.REOFFENDING)))


# Query counts


def _queries(client, target: str) -> int:
    client.get(target)  # warm caches shared by every request (catalogue, sessions)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(target)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("kind", list(TITLES))
def test_a_judgement_page_does_not_grow_with_concerns_answers_or_offences(client, stage, pat, kind):
    add_concern(stage, pat)
    add_concern(stage, pat, judgement=Kind.SAFETY_WELLBEING)
    for made in TITLES:
        decide(stage, pat, made)
    target = url(stage, kind)
    few = _queries(client, target)

    for n in range(6):
        add_concern(stage, pat, what=f"Concern {n}", impact="minor")
        add_concern(stage, pat, judgement=Kind.SAFETY_WELLBEING, what=f"Safety {n}")
        add_sanction(stage.child, dt.date(2025, 2, 1) + dt.timedelta(days=20 * n))
    typed = [q for q in questions_of(FULL) if q.source is None and q.show_if is None]
    for question in typed[:15]:
        answer(stage, question, valid_value(question), pat)
    many = _queries(client, target)

    assert many == few
