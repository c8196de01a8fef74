"""What the one-page summary gathers: the stage it speaks for, who the child is, strengths,
concerns highest first, the judgements with the model named, contacts, and what each level of
access sees; and how it is shortened to fit."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from django.utils import translation

from cairn.accounts.models import Membership
from cairn.assessment import operations as assessment_operations
from cairn.assessment.models import Stage
from cairn.audit.operations import Actor
from cairn.judgements.models import Kind
from cairn.records.access import Access
from cairn.records.models import Child
from cairn.reports import summary
from cairn.reports.tests.builders import (
    GOALS,
    MODEL_LABEL,
    PNC,
    STRENGTHS,
    add_people,
    add_scoreable_history,
    decide_all,
)

pytestmark = pytest.mark.django_db


def by_kind(found: summary.Summary) -> dict[str, summary.JudgementLine]:
    lines = {line.kind: line for line in found.judgements}
    if found.intervention is not None:
        lines[found.intervention.kind] = found.intervention
    return lines


def test_a_child_with_no_stage_still_has_a_summary(child: Child, actor: Actor) -> None:
    add_people(actor, child)
    child.refresh_from_db()
    found = summary.summary_for(child, Access.EDIT)
    assert found.stage is None
    assert not found.has_judgements
    assert [line.state for line in found.judgements] == ["not_in_stage"] * 3
    assert found.intervention is None
    assert found.concerns == []
    assert found.strengths == []
    assert found.quotes == []
    facts = {fact.label: fact.value for fact in found.facts}
    assert facts["Lives"] == "Northtown, with mum and younger brother"
    assert facts["Education"] == "Northshire Academy, in full-time education, Year 9"
    roles = [contact.role for contact in found.contacts]
    assert roles == ["Case manager", "Social worker", "Mother", "School, college or employer"]


def test_the_address_is_the_town_only(child: Child, actor: Actor) -> None:
    add_people(actor, child)
    child.refresh_from_db()
    found = summary.summary_for(child, Access.EDIT)
    everything = " ".join(fact.value for fact in found.facts)
    assert "Northtown" in everything
    assert "Larch Close" not in everything
    assert "NS1" not in everything


def test_the_stage_spoken_for_is_the_latest_with_judgements(
    assessed_child: Child, actor: Actor, manager: Membership
) -> None:
    judged = Stage.objects.get(child=assessed_child)
    newer = assessment_operations.start_stage(
        by=actor, child=assessed_child, stage_type="out_of_court", carry_forward=False
    )
    assert summary.stage_spoken_for(assessed_child) == judged
    found = summary.summary_for(assessed_child, Access.EDIT)
    assert found.stage is not None
    assert found.stage.stage_id == judged.pk
    assert found.stage.is_draft
    assert found.stage.title == "Pre-sentence report"
    assert found.stage.status == "In progress"
    # Once the newer stage is cancelled and the older one has nothing, the latest wins.
    Stage.objects.filter(pk=judged.pk).delete()
    assert summary.stage_spoken_for(assessed_child) == newer
    assessment_operations.end_stage(  # cancelling is for managers
        by=Actor(user=manager.user, organisation=manager.organisation),
        stage=newer,
        status=Stage.Status.CANCELLED,
        reason="Opened in error",
    )
    assert summary.stage_spoken_for(assessed_child) is None


def test_strengths_are_the_factors_for_desistance_and_the_childs_hopes(
    assessed_child: Child,
) -> None:
    found = summary.summary_for(assessed_child, Access.EDIT)
    assert [(item.factor, item.strength) for item in found.strengths] == [
        ("Football with his coach at Larch Park", "Strong"),
        ("His mum's support", "Moderate"),
    ]
    assert "Older friends who steal" not in str(found.strengths)
    assert [(quote.label, quote.text) for quote in found.quotes] == [
        ("Strengths and interests", STRENGTHS),
        ("Hopes for the future", GOALS),
    ]


def test_concerns_come_highest_rated_first(assessed_child: Child) -> None:
    found = summary.summary_for(assessed_child, Access.EDIT)
    assert [(line.rating, line.what) for line in found.concerns] == [
        ("High", "A serious assault on his mother's ex-partner"),
        ("High", "Being drawn into county lines by the older friends"),
        ("Medium", "Assault on a stranger while with older friends"),
    ]
    assert found.concerns[1].to_whom == "The child"
    assert found.concerns[0].imminence == "Within weeks"


def test_the_judgements_name_the_model_and_keep_the_reasons(assessed_child: Child) -> None:
    lines = by_kind(summary.summary_for(assessed_child, Access.EDIT))
    reoffending = lines[Kind.REOFFENDING]
    assert reoffending.is_made
    assert reoffending.rating == "High"
    assert reoffending.score is not None
    assert reoffending.score.model_label == MODEL_LABEL
    assert reoffending.score.model_title == "OGRS3 2009.1"
    assert 0 < reoffending.score.percent_1_year < reoffending.score.percent_2_years < 100
    # The model's band is not the judgement: see test_summary_score.
    assert reoffending.proposed == ""
    assert not reoffending.differs
    assert reoffending.reason == "The practitioner's reason for reoffending"
    harm = lines[Kind.SERIOUS_HARM]
    assert (harm.rating, harm.proposed, harm.differs) == ("High", "High", False)
    level = lines[Kind.INTERVENTION_LEVEL]
    assert (level.rating, level.proposed) == ("Intensive", "Intensive")
    assert level.basis.startswith("Proposed from likelihood of reoffending (High)")


def test_judgements_not_yet_made_show_the_proposal(child: Child, actor: Actor) -> None:
    add_scoreable_history(actor, child)
    assessment_operations.start_stage(by=actor, child=child, stage_type="out_of_court")
    lines = by_kind(summary.summary_for(child, Access.EDIT))
    assert {line.state for line in lines.values()} == {"not_made"}
    assert lines[Kind.REOFFENDING].score is not None
    assert lines[Kind.SERIOUS_HARM].proposed == "Low"


def test_a_child_who_cannot_be_scored_says_why(child: Child, actor: Actor) -> None:
    stage = assessment_operations.start_stage(by=actor, child=child, stage_type="out_of_court")
    decide_all(actor, stage, {Kind.REOFFENDING: "low"})
    line = by_kind(summary.summary_for(child, Access.EDIT))[Kind.REOFFENDING]
    assert line.is_made
    assert line.score is None
    assert line.cannot_score  # the reasons the model gave


def test_a_prevention_stage_makes_no_reoffending_judgement(child: Child, actor: Actor) -> None:
    assessment_operations.start_stage(by=actor, child=child, stage_type="prevention")
    lines = by_kind(summary.summary_for(child, Access.EDIT))
    assert lines[Kind.REOFFENDING].state == "not_in_stage"
    assert lines[Kind.SERIOUS_HARM].state == "not_made"
    assert Kind.INTERVENTION_LEVEL not in lines


def test_the_summary_level_sees_less_than_the_record_level(assessed_child: Child) -> None:
    full = summary.summary_for(assessed_child, Access.READ)
    partner = summary.summary_for(assessed_child, Access.SUMMARY)
    assert full.is_full
    assert not partner.is_full
    # Alerts: named for both, their notes for the record level only.
    assert [(a.text, a.detail) for a in full.alerts] == [
        ("Risk to staff", "Threatened a teacher in March")
    ]
    assert [(a.text, a.detail) for a in partner.alerts] == [("Risk to staff", "")]
    # Who a concern is about: the category for both, the few words for the record level.
    assert full.concerns[0].to_whom == "A known adult: Mr Smith, mother's ex-partner"
    assert partner.concerns[0].to_whom == "A known adult"
    # The PNC ID and family phone numbers are for the record level only.
    assert PNC in str(full.facts)
    assert PNC not in str(partner.facts)
    mother = [c for c in full.contacts if c.name == "Donna Brennan"]
    assert mother[0].phone == "07700 900101"
    assert [c.phone for c in partner.contacts if c.name == "Donna Brennan"] == [""]
    # Professionals' contact details are for everyone it is shared with.
    assert [c.phone for c in partner.contacts if c.role == "Social worker"] == ["07700 900109"]
    # The judgements, their reasons and the concerns themselves are the same.
    assert partner.judgements == full.judgements
    assert [c.what for c in partner.concerns] == [c.what for c in full.concerns]


def test_the_summary_speaks_the_active_language(assessed_child: Child) -> None:
    with translation.override("cy"):
        found = summary.summary_for(assessed_child, Access.EDIT)
    reoffending = by_kind(found)[Kind.REOFFENDING]
    assert reoffending.rating == "Uchel"
    assert reoffending.score is not None
    assert reoffending.score.model_label == "OGRS3 (model oedolion), nid y YOGRS swyddogol"
    assert found.stage is not None
    assert found.stage.title == "Adroddiad cyn dedfrydu"
    assert found.concerns[1].to_whom == "Y plentyn"


def test_case_manager_falls_back_to_who_started_the_stage(
    child: Child, actor: Actor, practitioner: Membership
) -> None:
    Child.objects.filter(pk=child.pk).update(case_worker=None)
    child.refresh_from_db()
    assert [c.role for c in summary.summary_for(child, Access.EDIT).contacts] == []
    assessment_operations.start_stage(by=actor, child=child, stage_type="out_of_court")
    contacts = summary.summary_for(child, Access.EDIT).contacts
    assert [(c.role, c.name) for c in contacts] == [
        ("Case manager", practitioner.user.display_name)
    ]


def test_shorten_cuts_at_a_word_with_an_ellipsis() -> None:
    assert summary.shorten("Short enough", 20) == "Short enough"
    assert summary.shorten("  spaces\n and\tlines  ", 40) == "spaces and lines"
    cut = summary.shorten("The quick brown fox jumps over the lazy dog", 20)
    assert cut == "The quick brown fox…"
    assert len(cut) <= 20
    assert summary.shorten("x" * 50, 10) == "x" * 9 + "…"


def test_fit_shortens_every_text_and_caps_every_list(assessed_child: Child) -> None:
    found = summary.summary_for(assessed_child, Access.EDIT)
    long = "word " * 400
    stuffed = replace(
        found,
        concerns=found.concerns * 5,
        strengths=found.strengths * 5,
        contacts=found.contacts * 5,
        quotes=[replace(quote, text=long) for quote in found.quotes],
        judgements=[replace(line, reason=long) for line in found.judgements],
    )
    for limits in summary.DENSITIES:
        fitted = summary.fit(stuffed, limits)
        assert len(fitted.concerns) == limits.concerns
        assert fitted.more_concerns == len(stuffed.concerns) - limits.concerns
        assert len(fitted.strengths) == limits.strengths
        assert fitted.more_strengths == len(stuffed.strengths) - limits.strengths
        assert len(fitted.contacts) == limits.contacts
        assert fitted.more_contacts == len(stuffed.contacts) - limits.contacts
        assert len(fitted.quotes) <= limits.quotes
        assert all(len(q.text) <= limits.quote and q.text.endswith("…") for q in fitted.quotes)
        assert all(len(line.reason) <= limits.reason for line in fitted.judgements)
        assert fitted.density == limits.name


def test_produced_on_is_the_day_given(assessed_child: Child) -> None:
    found = summary.summary_for(
        assessed_child,
        Access.EDIT,
        produced_by="Pat Practitioner",
        produced_for="Northshire",
        on=dt.date(2030, 3, 14),
    )
    assert found.produced_on == dt.date(2030, 3, 14)
    assert found.age == 18
