"""What a new user found on the likelihood of reoffending page after a new sanction: the
proposal is one of the options offered (the model's band, "Very high", shown only as the
model's band), reconfirming when the proposal moved needs a reason, a reconfirmed judgement says
who reconfirmed it rather than "Carried forward", and a band reads the same everywhere."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from cairn.assessment import operations as assessment_operations
from cairn.assessment.tests.factories import actor, start, text
from cairn.audit.models import AuditEvent
from cairn.judgements import operations, proposals, scoring
from cairn.judgements.models import Judgement, Kind
from cairn.judgements.tests.arrange import FULL, decide, scorable, state
from cairn.reports import summary

pytestmark = pytest.mark.django_db


@pytest.fixture
def pat(practitioner):
    return actor(practitioner)


def very_high_model(by) -> None:
    """The default model with bands moved so every score is in its top band, very high."""
    data = scoring.DEFAULT_MODEL_FILE.read_text(encoding="utf-8")
    bands = data[data.index("\nbands:") : data.index("\ndisplay:")]
    data = data.replace(
        bands,
        "\nbands:\n"
        "  - {key: low, label: {en: Low, cy: Isel}, from: 0, to: 0}\n"
        "  - {key: medium, label: {en: Medium, cy: Canolig}, from: 1, to: 1}\n"
        "  - {key: high, label: {en: High, cy: Uchel}, from: 2, to: 2}\n"
        "  - {key: very_high, label: {en: Very High, cy: Uchel Iawn}, from: 3, to: 100}\n",
    )
    operations.load_scoring_model(by=by, text=data)


@pytest.fixture
def stage(child, pat):
    very_high_model(pat)
    return start(scorable(child), pat, FULL)


def squash(page: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", page).split())


def url(stage, kind=Kind.REOFFENDING) -> str:
    return reverse("judgements:judgement", args=[stage.pk, kind])


# 1. The proposal is one of the options


def test_every_band_of_the_default_model_proposes_one_of_the_options():
    options = proposals.ratings_for(Kind.REOFFENDING)
    assert options == ("low", "medium", "high")
    mapped = {
        band.key: proposals.proposed_option(Kind.REOFFENDING, band.key)
        for band in scoring.default_model().bands
    }
    assert mapped == {"low": "low", "medium": "medium", "high": "high", "very_high": "high"}
    assert set(mapped.values()) <= set(options)


def test_a_band_with_no_option_proposes_nothing_so_a_reason_is_asked():
    assert proposals.proposed_option(Kind.REOFFENDING, "moderate") == ""
    assert proposals.proposed_option(Kind.REOFFENDING, "") == ""
    assert proposals.needs_reason(Kind.REOFFENDING, "moderate", "medium")


def test_the_page_proposes_high_and_shows_very_high_only_as_the_models_band(
    client_for, practitioner, stage
):
    assert state(stage, Kind.REOFFENDING).proposal.value == "very_high"

    page = squash(text(client_for(practitioner).get(url(stage))))

    assert "Proposed now: High" in page
    assert "Proposed now: Very" not in page
    assert "The model’s band: Very high" in page
    assert "Very High" not in page
    options = re.findall(
        r'<label class="govuk-label govuk-radios__label"[^>]*>\s*(.*?)\s*</label>',
        text(client_for(practitioner).get(url(stage))),
        re.DOTALL,
    )
    assert options == ["Low", "Medium", "High (proposed)"]


def test_the_decision_shows_the_option_proposed_not_the_band(client_for, practitioner, stage, pat):
    made = decide(stage, pat, Kind.REOFFENDING)
    assert (made.proposed, made.rating, made.reason, made.differs) == (
        "very_high",
        "high",
        "",
        False,
    )

    page = squash(text(client_for(practitioner).get(url(stage))))

    assert "Proposed when it was made High" in page


# 2. Reconfirming when the proposal moved needs a reason


def made_under_the_high_band(stage, pat) -> Judgement:
    """Rated High when the band was High (the band has since moved to Very high)."""
    made = decide(stage, pat, Kind.REOFFENDING)
    made.basis["facts"]["band"] = "high"
    Judgement.objects.filter(pk=made.pk).update(proposed="high", basis=made.basis)
    return Judgement.objects.get(pk=made.pk)


def test_reconfirming_high_after_the_band_moved_to_very_high_needs_a_reason(stage, pat):
    made = made_under_the_high_band(stage, pat)

    with pytest.raises(operations.InvalidError) as caught:
        operations.reconfirm(by=pat, stage=stage, kind=Kind.REOFFENDING, version=made.version)

    assert set(caught.value.errors) == {"reason"}
    again = operations.reconfirm(
        by=pat,
        stage=stage,
        kind=Kind.REOFFENDING,
        version=made.version,
        reason="Stable at home and at school since the offence.",
    )
    assert (again.rating, again.proposed, again.reason) == (
        "high",
        "very_high",
        "Stable at home and at school since the offence.",
    )


def test_reconfirming_when_the_proposal_is_unchanged_needs_no_reason(stage, pat):
    made = decide(stage, pat, Kind.REOFFENDING)

    again = operations.reconfirm(by=pat, stage=stage, kind=Kind.REOFFENDING, version=made.version)

    assert (again.rating, again.reason, again.version) == ("high", "", 2)


def test_the_page_asks_why_the_rating_still_holds_and_refuses_without_one(
    client_for, practitioner, stage, pat
):
    made = made_under_the_high_band(stage, pat)
    client = client_for(practitioner)
    page = squash(text(client.get(url(stage))))
    assert "Why your rating still holds" in page
    assert "The model’s band was High when it was made and is Very high now." in page
    reconfirm = reverse("judgements:reconfirm", args=[stage.pk, Kind.REOFFENDING])

    refused = client.post(reconfirm, {"version": str(made.version), "reason": " "})

    assert refused.status_code == 400
    assert "give the reason your rating still holds" in squash(text(refused))
    assert Judgement.objects.get(pk=made.pk).version == made.version
    accepted = client.post(reconfirm, {"version": str(made.version), "reason": "Still high."})
    assert accepted.status_code == 302
    assert Judgement.objects.get(pk=made.pk).reason == "Still high."


# 3. Reconfirmed in this stage, not "Carried forward"


def test_a_carried_judgement_reconfirmed_in_the_review_says_who_reconfirmed_it(
    client_for, practitioner, stage, pat
):
    decide(stage, pat, Kind.REOFFENDING)
    review = assessment_operations.start_stage(by=pat, child=stage.child, stage_type="review")
    carried = Judgement.objects.get(stage=review, kind=Kind.REOFFENDING)
    client = client_for(practitioner)
    assert "Carried forward from the stage started on" in squash(text(client.get(url(review))))

    operations.reconfirm(by=pat, stage=review, kind=Kind.REOFFENDING, version=carried.version)

    page = squash(text(client.get(url(review))))
    assert "Carried forward from the stage started on" not in page
    name = practitioner.user.get_full_name() or practitioner.user.username
    assert f"Reconfirmed by {name} on " in page


def test_a_carried_judgement_revised_in_the_review_no_longer_says_carried(
    client_for, practitioner, stage, pat
):
    decide(stage, pat, Kind.REOFFENDING)
    review = assessment_operations.start_stage(by=pat, child=stage.child, stage_type="review")
    decide(review, pat, Kind.REOFFENDING, rating="medium", reason="Settled since.")

    page = squash(text(client_for(practitioner).get(url(review))))

    assert "Carried forward from the stage started on" not in page
    assert "Reconfirmed by" not in page


# 4. One label per band


def test_a_band_reads_the_same_on_the_page_the_summary_and_the_model_file(stage, pat):
    assert proposals.band_label("very_high", {"en": "Very High"}, "en") == "Very high"
    assert proposals.band_label("very_high", {"cy": "Uchel Iawn"}, "cy") == "Uchel iawn"
    assert proposals.band_label("moderate", {"en": "Moderate"}, "en") == "Moderate"
    top = scoring.default_model().bands[-1]
    assert (top.key, top.label) == ("very_high", {"en": "Very high", "cy": "Uchel iawn"})
    made = decide(stage, pat, Kind.REOFFENDING)
    line = summary._score(made.detail, "en")
    assert line is not None
    assert line.band == "Very high"


# 5. The reconfirmed event keeps no list under "changes"


def test_the_reconfirmed_event_keeps_its_decision_as_judgements_decided_does(
    client_for, practitioner, stage, pat
):
    """Other events keep "changes" as {field: [old, new]}, which the record's history lists
    field by field; a reconfirmation keeps its decision flat, as a decision does, and the
    overview says it in words."""
    made = made_under_the_high_band(stage, pat)

    operations.reconfirm(
        by=pat, stage=stage, kind=Kind.REOFFENDING, version=made.version, reason="Still high."
    )

    event = AuditEvent.objects.get(event_type="judgements.reconfirmed")
    assert "changes" not in event.detail
    assert (event.detail["proposed_before"], event.detail["proposed"]) == ("high", "very_high")
    assert (event.detail["rating"], event.detail["reason"]) == ("high", "Still high.")
    page = squash(
        text(client_for(practitioner).get(reverse("records:child-overview", args=[stage.child_id])))
    )
    assert "Likelihood of reoffending reconfirmed" in page
    assert "very_high" not in page


def test_the_api_asks_for_the_reason_when_the_proposal_moved(client_for, practitioner, stage, pat):
    made = made_under_the_high_band(stage, pat)
    client = client_for(practitioner)
    api = f"/api/v1/stages/{stage.pk}/judgements/reoffending/reconfirm"

    refused = client.post(api, {"version": made.version}, content_type="application/json")
    accepted = client.post(
        api,
        {"version": made.version, "reason": "Still high."},
        content_type="application/json",
    )

    assert refused.status_code == 422, refused.content
    assert "reason" in refused.content.decode()
    assert accepted.status_code == 200, accepted.content
    assert (accepted.json()["reason"], accepted.json()["version"]) == ("Still high.", 2)
    band = client.get(f"/api/v1/children/{stage.child_id}/reoffending-score").json()["band"]
    assert (band["key"], band["label"]) == ("very_high", "Very high")
