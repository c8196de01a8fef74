"""Organisations in Wales word a child's facts in Welsh law's terms: additional learning needs
with an individual development plan, not special educational needs; accommodation under
section 76 of the Social Services and Well-being (Wales) Act 2014, not section 20. One module
decides (records.terms); the record's pages and forms, the assessment's pulled-through facts and
questions, and the summary all follow it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from cairn.accounts.models import Membership, Organisation
from cairn.assessment import facts
from cairn.assessment.tests import factories as assessment_factories
from cairn.audit.operations import Actor
from cairn.records import operations, presenters, terms
from cairn.records.access import Access
from cairn.records.demo import load as demo_load
from cairn.records.forms import CareForm, EducationForm
from cairn.records.models import Child
from cairn.reports import summary

pytestmark = pytest.mark.django_db
Role = Membership.Role

SECTION_76 = "Accommodated under section 76 (Social Services and Well-being (Wales) Act 2014)"
SCHOOL_IDP = "Additional learning needs: individual development plan kept by the school or college"


def _with_needs(child: Child) -> Child:
    system = Actor.system(child.organisation)
    operations.update_record(
        by=system,
        obj=child.education,
        data={"sen": "sen_support", "sen_details": "Movement breaks"},
        version=child.education.version,
        part="education",
    )
    operations.update_record(
        by=system,
        obj=child,
        data={"looked_after": "section_20", "care_local_authority": "Southmoor Council"},
        version=child.care_version,
        part="care",
        version_field="care_version",
    )
    return Child.objects.select_related("organisation", "education").get(pk=child.pk)


@pytest.fixture
def welsh_child(make_child, southmoor) -> Child:
    return _with_needs(make_child(southmoor, "Rhys", "Pritchard"))


@pytest.fixture
def english_child(child) -> Child:
    return _with_needs(child)


def test_an_organisation_is_in_england_unless_set(northshire, southmoor):
    assert northshire.nation == Organisation.Nation.ENGLAND
    assert southmoor.nation == Organisation.Nation.WALES


def test_the_terms_follow_the_nation_of_the_childs_organisation(welsh_child, english_child):
    assert terms.choice_of(welsh_child, welsh_child.education, "sen") == SCHOOL_IDP
    assert terms.choice_of(welsh_child, welsh_child, "looked_after") == SECTION_76
    assert terms.choice_of(english_child, english_child.education, "sen") == ""
    assert presenters.display(english_child.education, "sen") == "SEN support"
    assert terms.field_label("wales", welsh_child.education, "sen").startswith(
        "additional learning needs"
    )


def test_the_records_forms_offer_the_nations_choices(welsh_child, english_child):
    welsh_care = dict(
        CareForm(instance=welsh_child, child=welsh_child).fields["looked_after"].choices
    )
    english_care = dict(
        CareForm(instance=english_child, child=english_child).fields["looked_after"].choices
    )
    welsh_education = EducationForm(instance=welsh_child.education, child=welsh_child)

    assert welsh_care["section_20"] == SECTION_76
    assert "section 20" in str(english_care["section_20"])
    assert welsh_education.fields["sen"].label == "Additional learning needs (ALN)"
    assert dict(welsh_education.fields["sen"].choices)["ehcp"].endswith("by the local authority")


def test_the_record_pages_show_the_welsh_terms(client_for, make_member, southmoor, welsh_child):
    client = client_for(make_member("ola.other", southmoor, Role.PRACTITIONER))

    education = client.get(reverse("records:child-section", args=[welsh_child.pk, "education"]))
    status = client.get(reverse("records:child-section", args=[welsh_child.pk, "status"]))
    overview = client.get(reverse("records:child-overview", args=[welsh_child.pk]))

    assert SCHOOL_IDP in education.content.decode()
    assert "Additional learning needs (ALN)" in education.content.decode()
    assert "SEN support" not in education.content.decode()
    assert "section 76" in status.content.decode()
    assert "section 76" in overview.content.decode()


def test_the_record_pages_show_the_english_terms(client_for, practitioner, english_child):
    page = client_for(practitioner).get(
        reverse("records:child-section", args=[english_child.pk, "education"])
    )

    assert "SEN support" in page.content.decode()
    assert "Additional learning needs" not in page.content.decode()


def test_pulled_through_facts_use_the_nations_terms(welsh_child, english_child):
    keys = {"education.sen", "child.looked_after"}

    welsh = facts.read_facts(facts.prefetched(welsh_child.pk), keys)
    english = facts.read_facts(facts.prefetched(english_child.pk), keys)

    assert welsh == {"education.sen": SCHOOL_IDP, "child.looked_after": SECTION_76}
    assert english["education.sen"] == "SEN support"
    assert "section 20" in english["child.looked_after"]


def test_the_assessment_asks_in_the_nations_terms(client_for, make_member, southmoor, welsh_child):
    member = make_member("ola.other", southmoor, Role.PRACTITIONER)
    stage = assessment_factories.start(welsh_child, by=assessment_factories.actor(member))

    page = client_for(member).get(reverse("assessment:section", args=[stage.pk, "education"]))

    text = assessment_factories.text(page)
    assert "Additional learning needs (ALN)" in text
    assert SCHOOL_IDP in text
    assert "Special educational needs" not in text


def test_the_assessment_asks_in_englands_terms(client_for, practitioner, english_child):
    stage = assessment_factories.start(english_child, by=assessment_factories.actor(practitioner))

    page = client_for(practitioner).get(reverse("assessment:section", args=[stage.pk, "education"]))

    text = assessment_factories.text(page)
    assert "Special educational needs (SEN)" in text
    assert "Additional learning needs" not in text


def test_the_summary_uses_the_nations_terms(welsh_child, english_child):
    welsh = summary.summary_for(welsh_child, Access.EDIT, produced_by="x", produced_for="y")
    english = summary.summary_for(english_child, Access.EDIT, produced_by="x", produced_for="y")

    welsh_text = " ".join(fact.value for fact in welsh.facts)
    english_text = " ".join(fact.value for fact in english.facts)
    assert "section 76" in welsh_text
    assert SCHOOL_IDP in welsh_text
    assert "section 20" in english_text
    assert "SEN support" in english_text


def test_an_administrator_sets_an_organisations_nation(client_for, administrator, northshire):
    client = client_for(administrator)
    url = reverse("accounts:organisation-edit", args=[northshire.pk])

    form = client.get(url)
    response = client.post(
        url,
        {
            "name": northshire.name,
            "short_name": northshire.short_name,
            "kind": northshire.kind,
            "nation": "wales",
            "code": northshire.code,
            "is_active": "on",
        },
    )

    assert form.status_code == 200
    assert "Wales" in form.content.decode()
    assert response.status_code == 302
    northshire.refresh_from_db()
    assert northshire.nation == Organisation.Nation.WALES
    detail = client.get(reverse("accounts:organisation-detail", args=[northshire.pk]))
    assert "Wales" in detail.content.decode()


def test_the_demos_southmoor_is_in_wales_and_its_children_use_the_welsh_terms(client_for):
    demo_load.load_demo()
    southmoor = Organisation.objects.get(code="southmoor-yjs")
    bethan = Child.objects.select_related("organisation", "education").get(
        organisation=southmoor, given_name="Bethan"
    )

    assert southmoor.nation == Organisation.Nation.WALES
    assert Organisation.objects.get(code="northshire-yjs").nation == Organisation.Nation.ENGLAND
    assert terms.choice_of(bethan, bethan.education, "sen") == SCHOOL_IDP


def test_the_records_history_words_a_change_in_the_nations_terms(welsh_child):
    from cairn.audit.models import AuditEvent

    events = list(
        AuditEvent.objects.filter(child_id=welsh_child.pk, event_type="records.care.changed")
    )

    welsh = presenters.history(events, terms.nation_of(welsh_child))
    english = presenters.history(events)

    assert ("Looked-after status", "Not looked after", SECTION_76) in welsh[0].changes
    assert SECTION_76 not in str(english[0].changes)
