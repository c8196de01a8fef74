"""The records part of the demo, which `manage.py loaddemo` (cairn.demo) loads first: complete,
idempotent and within the record's own rules, with the case types the demo has to show (see
shared/brief/VIGNETTES.md). The assessments written on top are tested in cairn/demo/tests."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import defaultdict
from collections.abc import Callable

import pytest
from django.db.models import Count, Q
from django.forms.models import model_to_dict
from django.utils import timezone

from cairn.accounts.models import Membership, Organisation, Team, User
from cairn.audit.models import AuditEvent
from cairn.records import identifiers, validation
from cairn.records.demo import load as demo_load
from cairn.records.models import (
    Address,
    Child,
    Contact,
    Education,
    Exclusion,
    Grant,
    Health,
    LifeEvent,
    Offence,
)

pytestmark = pytest.mark.django_db

Role = Membership.Role

EXPECTED_USERS = {
    "pat.practitioner": ("northshire-yjs", Role.PRACTITIONER),
    "mo.manager": ("northshire-yjs", Role.MANAGER),
    "lee.practitioner": ("northshire-yjs", Role.PRACTITIONER),
    "ola.other": ("southmoor-yjs", Role.PRACTITIONER),
    "sam.secure": ("oakwood-stc", Role.SECURE_ESTATE),
    "pip.placements": ("ycs-placements", Role.PLACEMENTS_OFFICER),
    "pam.partner": ("northshire-cs", Role.PARTNER_VIEWER),
    "ada.admin": ("northshire-yjs", Role.ADMINISTRATOR),
}


def load() -> str:
    return demo_load.load_demo()


@pytest.fixture
def demo() -> None:
    load()


def counts() -> dict[str, int]:
    return {
        "organisations": Organisation.objects.count(),
        "teams": Team.objects.count(),
        "users": User.objects.count(),
        "memberships": Membership.objects.count(),
        "children": Child.objects.count(),
        "offences": Offence.objects.count(),
        "addresses": Address.objects.count(),
        "contacts": Contact.objects.count(),
        "grants": Grant.objects.count(),
        "children created": AuditEvent.objects.filter(event_type="records.child.created").count(),
        "audit events": AuditEvent.objects.count(),
    }


def today() -> dt.date:
    return timezone.localdate()


def test_loaddemo_creates_the_five_organisations_and_their_teams(demo: None) -> None:
    assert set(Organisation.objects.values_list("code", flat=True)) == {
        "northshire-yjs",
        "southmoor-yjs",
        "oakwood-stc",
        "ycs-placements",
        "northshire-cs",
    }
    northshire_teams = Team.objects.filter(organisation__code="northshire-yjs")
    assert set(northshire_teams.values_list("name", flat=True)) == {
        "North team",
        "South team",
        "Prevention and diversion",
    }
    assert Team.objects.filter(organisation__code="southmoor-yjs", name="Court and community")


def test_loaddemo_creates_eight_demo_users_with_their_roles(demo: None) -> None:
    users = User.objects.filter(username__in=EXPECTED_USERS)
    assert users.count() == 8
    for user in users:
        code, role = EXPECTED_USERS[user.username]
        assert user.is_demo_account
        assert user.email.endswith("@example.org")
        assert Membership.objects.filter(
            user=user, organisation__code=code, role=role, is_active=True
        ).exists()


def test_loading_twice_changes_nothing(demo: None) -> None:
    before = counts()

    summary = load()

    assert counts() == before
    assert "0 children added" in summary


def test_each_service_has_its_own_demo_caseload(demo: None) -> None:
    northshire = Child.objects.filter(organisation__code="northshire-yjs")
    southmoor = Child.objects.filter(organisation__code="southmoor-yjs")
    assert northshire.count() >= 12
    assert southmoor.count() >= 3
    assert Child.objects.count() == northshire.count() + southmoor.count()
    case_workers = set(northshire.values_list("case_worker__username", flat=True))
    assert case_workers == {"pat.practitioner", "mo.manager"}
    assert set(northshire.values_list("team__name", flat=True)) == {
        "North team",
        "South team",
        "Prevention and diversion",
    }
    for child in Child.objects.select_related("case_worker", "team"):
        assert child.team.organisation_id == child.organisation_id
        assert Membership.objects.filter(
            user=child.case_worker, organisation_id=child.organisation_id
        ).exists()


@pytest.mark.parametrize(
    ("case", "condition"),
    [
        (
            "a looked-after girl with an exploitation concern",
            Q(sex="female", has_exploitation_concern=True, looked_after="care_order")
            & ~Q(exploitation_note=""),
        ),
        (
            "a child remanded to youth detention accommodation at Oakwood",
            Q(legal_status="remand_yda", custody_establishment="Oakwood Secure Training Centre"),
        ),
        (
            "a looked-after child with a social worker",
            Q(looked_after__in=["care_order", "section_20"]) & ~Q(social_worker_name=""),
        ),
        (
            "a child serving a custodial sentence",
            Q(legal_status="custody", offences__outcome_type="detention_and_training_order"),
        ),
        (
            "a child on a referral order",
            Q(legal_status="community_order", offences__outcome_type="referral_order"),
        ),
        (
            "a child with a risk to staff",
            Q(has_risk_to_staff=True) & ~Q(risk_to_staff_note=""),
        ),
        (
            "a child who needs an interpreter",
            Q(needs_interpreter=True) & ~Q(interpreter_language=""),
        ),
        (
            "a prevention case with no offences",
            Q(legal_status="pre_court", offences__isnull=True),
        ),
    ],
)
def test_northshire_demo_has_the_case(demo: None, case: str, condition: Q) -> None:
    children = Child.objects.filter(condition, organisation__code="northshire-yjs")
    assert children.exists(), f"No Northshire demo child is {case}"


def test_northshire_demo_has_a_first_time_entrant_on_a_youth_caution(demo: None) -> None:
    first_time_entrants = Child.objects.filter(organisation__code="northshire-yjs").annotate(
        offence_count=Count("offences"),
        caution_count=Count("offences", filter=Q(offences__outcome_type="youth_caution")),
    )
    assert first_time_entrants.filter(offence_count=1, caution_count=1).exists()


def test_northshire_demo_has_a_16_year_old_with_20_or_more_offences(demo: None) -> None:
    prolific = Child.objects.filter(organisation__code="northshire-yjs").annotate(
        offence_count=Count("offences")
    )
    ages = [child.age_on(today()) for child in prolific.filter(offence_count__gte=20)]
    assert 16 in ages


def test_jordan_pike_has_23_offences_a_nine_month_gap_and_an_aunt(demo: None) -> None:
    jordan = Child.objects.get(given_name="Jordan", family_name="Pike")
    dates = sorted(jordan.offences.values_list("offence_date", flat=True))
    gaps = [later - earlier for earlier, later in itertools.pairwise(dates)]
    assert len(dates) == 23
    assert dates[-1] - dates[0] <= dt.timedelta(days=3 * 366)
    assert max(gaps) >= dt.timedelta(days=9 * 30)
    assert jordan.contacts.filter(relationship="aunt_uncle").exists()
    assert jordan.addresses.filter(to_date__isnull=False).count() >= 2


def test_southmoor_demo_has_a_welsh_speaking_child(demo: None) -> None:
    welsh = Child.objects.filter(
        organisation__code="southmoor-yjs", prefers_welsh=True, first_language="Welsh"
    )
    assert welsh.exists()


def test_every_demo_offence_passes_the_record_rules(demo: None) -> None:
    offences = Offence.objects.select_related("child")
    assert offences.count() >= 40
    for offence in offences:
        data = model_to_dict(offence)
        assert validation.offence_errors(offence.child, data) == {}, offence.description
        assert offence.category in Offence.Category.values
        assert not offence.outcome_type or offence.outcome_type in Offence.Outcome.values


def test_offences_dealt_with_together_have_exactly_one_primary(demo: None) -> None:
    occasions: dict[tuple[int, dt.date, str], list[bool]] = defaultdict(list)
    for offence in Offence.objects.exclude(outcome_type=""):
        key = (offence.child_id, offence.outcome_date, offence.outcome_type)
        occasions[key].append(offence.is_primary)
    assert any(len(primaries) >= 3 for primaries in occasions.values())
    for key, primaries in occasions.items():
        assert primaries.count(True) == 1, key


def test_every_demo_identifier_is_valid_and_unique(demo: None) -> None:
    checks: dict[str, Callable[[str], str]] = {
        "pnc_number": identifiers.normalise_pnc,
        "nhs_number": identifiers.normalise_nhs_number,
        "upn": identifiers.normalise_upn,
    }
    for name, normalise in checks.items():
        values = [value for value in Child.objects.values_list(name, flat=True) if value]
        assert len(values) >= 12, name
        assert len(set(values)) == len(values), name
        for value in values:
            assert normalise(value) == value
    for nhs_number in Child.objects.exclude(nhs_number="").values_list("nhs_number", flat=True):
        assert nhs_number.startswith("999 ")
    sanctioned = Child.objects.filter(
        offences__outcome_type__in=[*Offence.COURT_OUTCOMES, "youth_caution"]
    ).distinct()
    assert not sanctioned.filter(pnc_number="").exists()


def test_every_demo_row_passes_model_validation(demo: None) -> None:
    for model in [Child, Address, Contact, Education, Exclusion, Health, LifeEvent, Offence]:
        for obj in model.objects.all():
            obj.full_clean()
    for health in Health.objects.all():
        assert set(health.neurodiversity) <= set(Health.Neurodiversity.values)
    for event in LifeEvent.objects.select_related("child"):
        assert validation.life_event_errors(event.child, {"date": event.date}) == {}
    for child in Child.objects.all():
        assert validation.date_of_birth_errors(child.date_of_birth) == {}
        assert 10 <= child.age_on(today()) <= 17
        assert child.contacts.filter(has_parental_responsibility=True).exists()
        assert child.addresses.filter(Q(to_date__isnull=True) | Q(to_date__gte=today()))


def test_demo_contact_details_are_fictional(demo: None) -> None:
    phone = re.compile(r"^07700 900\d{3}$")
    phones = [
        *Contact.objects.exclude(phone="").values_list("phone", flat=True),
        *Child.objects.exclude(social_worker_phone="").values_list(
            "social_worker_phone", flat=True
        ),
    ]
    emails = [
        *Contact.objects.exclude(email="").values_list("email", flat=True),
        *Child.objects.exclude(social_worker_email="").values_list(
            "social_worker_email", flat=True
        ),
    ]
    assert phones
    assert emails
    assert all(phone.match(number) for number in phones)
    assert all(email.endswith("@example.org") for email in emails)


def test_demo_grants_reach_oakwood_placements_and_the_partner_agency(demo: None) -> None:
    def grants(given_name: str) -> set[tuple[str, str]]:
        child = Child.objects.get(organisation__code="northshire-yjs", given_name=given_name)
        return set(
            child.grants.filter(revoked_at__isnull=True).values_list("organisation__code", "scope")
        )

    assert grants("Tyler") == {("oakwood-stc", "custody"), ("ycs-placements", "placement")}
    assert grants("Dylan") == {("oakwood-stc", "custody")}
    assert grants("Ellie") == {("northshire-cs", "summary")}
    ellie_grant = Grant.objects.get(child__given_name="Ellie")
    assert ellie_grant.reason == "Shared with consent for the multi-agency exploitation meeting"
    assert all(grant.reason for grant in Grant.objects.all())


def test_the_demo_shows_a_restricted_record(demo: None, client_for: Callable) -> None:
    """Amira Haddad's record is kept to Pat and Mo: Lee, in the same team, sees on the team
    caseload that she exists and whom to ask, and nothing in her record."""
    from cairn.records.models import Restriction

    amira = Child.objects.get(local_id="NOR-00002")
    restriction = Restriction.objects.get(child=amira)
    assert restriction.restricted_by.username == "mo.manager"
    assert set(restriction.named.values_list("user__username", flat=True)) == {
        "pat.practitioner",
        "mo.manager",
    }
    lee = Membership.objects.get(user__username="lee.practitioner")
    assert lee.team is not None
    assert lee.team.name == "North team"
    client = client_for(lee)
    assert client.get(f"/children/{amira.pk}/").status_code == 403
    caseload = client.get("/caseload/team/").content.decode()
    assert "Haddad" in caseload
    assert "Ask Mo Manager" in caseload or "Mo Manager" in caseload
    pat = Membership.objects.get(user__username="pat.practitioner")
    assert client_for(pat).get(f"/children/{amira.pk}/").status_code == 200


def test_ellie_marsh_is_in_her_case_workers_team(demo: None) -> None:
    ellie = Child.objects.select_related("case_worker", "team").get(local_id="NOR-00004")
    worker = Membership.objects.get(user=ellie.case_worker, organisation=ellie.organisation)
    assert ellie.team == worker.team
