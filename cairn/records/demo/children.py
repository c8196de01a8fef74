"""The fictional demo children (see shared/brief/VIGNETTES.md). Every name, date and place is
invented. Dates are written as offsets from today so the demo never ages."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from cairn.records.models import Address, Contact, Exclusion, LifeEvent, Offence, Versioned


def ago(years: int = 0, months: int = 0, days: int = 0) -> dt.date:
    """A date this long before today (months are 30.44 days; years keep the day of the year)."""
    today = timezone.localdate()
    try:
        base = today.replace(year=today.year - years)
    except ValueError:  # 29 February
        base = today.replace(year=today.year - years, day=28)
    return base - dt.timedelta(days=round(months * 30.44) + days)


@dataclass
class DemoChild:
    local_id: str
    organisation: str
    given_name: str
    family_name: str
    date_of_birth: dt.date
    sex: str
    case_worker: str | None = "pat.practitioner"
    team: str | None = "North team"
    details: dict[str, Any] = field(default_factory=dict)
    addresses: list[dict[str, Any]] = field(default_factory=list)
    contacts: list[dict[str, Any]] = field(default_factory=list)
    exclusions: list[dict[str, Any]] = field(default_factory=list)
    offences: list[dict[str, Any]] = field(default_factory=list)
    life_events: list[dict[str, Any]] = field(default_factory=list)
    education: dict[str, Any] = field(default_factory=dict)
    health: dict[str, Any] = field(default_factory=dict)
    grants: list[tuple[str, str, str]] = field(default_factory=list)

    def person(self) -> dict[str, Any]:
        return {
            "given_name": self.given_name,
            "family_name": self.family_name,
            "date_of_birth": self.date_of_birth,
            "sex": self.sex,
            **self.details,
        }

    def rows(self) -> list[tuple[str, type[Versioned], list[dict[str, Any]]]]:
        return [
            ("addresses", Address, self.addresses),
            ("contacts", Contact, self.contacts),
            ("exclusions", Exclusion, self.exclusions),
            ("offences", Offence, self.offences),
            ("life_events", LifeEvent, self.life_events),
        ]


def offence(when: dt.date, description: str, category: str, outcome: str = "", outcome_after_days: int = 30,
            court: str = "", is_primary: bool = True) -> dict[str, Any]:
    outcome_date = when + dt.timedelta(days=outcome_after_days) if outcome else None
    if outcome_date and outcome_date > timezone.localdate():
        outcome_date = timezone.localdate()
    if outcome in Offence.COURT_OUTCOMES and not court:
        court = "Northshire Youth Court"
    return {
        "offence_date": when, "description": description, "category": category, "is_primary": is_primary,
        "outcome_type": outcome, "outcome_date": outcome_date, "court": court,
    }


CHILDREN: list[DemoChild] = [
    DemoChild(
        local_id="NOR-00001", organisation="northshire-yjs", given_name="Kai", family_name="Brennan",
        date_of_birth=ago(years=14, months=3), sex="male",
        details={"ethnicity": "white_british", "religion": "none", "first_language": "English", "nationality": "British",
                 "legal_status": "pre_court", "pnc_number": "24/0012345H", "nhs_number": "999 000 0018"},
        addresses=[{"line_1": "14 Larch Close", "town": "Northshire", "postcode": "NS1 4LC", "living_with": "Mum and younger brother", "from_date": ago(years=6)}],
        contacts=[
            {"name": "Donna Brennan", "relationship": "mother", "has_parental_responsibility": True, "lives_with_child": True, "is_emergency_contact": True, "phone": "07700 900101"},
            {"name": "Lee Brennan", "relationship": "father", "has_parental_responsibility": True, "notes": "Moved out last year; sees Kai some weekends."},
        ],
        offences=[offence(ago(months=2, days=10), "Theft of trainers from a sports shop with an older friend", "theft", "youth_caution", 14)],
        life_events=[{"date": ago(years=1, months=1), "event_type": "parents_separated", "description": "Dad moved out after his parents separated."}],
        education={"setting": "Northshire Academy", "status": "full_time", "year_group": "Year 9", "attendance_percent": 82, "sen": "none"},
        health={"gp_name": "Dr A. Patel", "gp_practice": "Larch Medical Centre", "slcn": "none"},
    ),
    DemoChild(
        local_id="SOU-00001", organisation="southmoor-yjs", given_name="Connor", family_name="Hughes",
        date_of_birth=ago(years=16, months=7), sex="male", case_worker="ola.other", team="Court and community",
        details={"ethnicity": "white_british", "first_language": "English", "legal_status": "community_order"},
        offences=[
            offence(ago(months=5), "Driving with excess alcohol", "drink_driving", "referral_order", 21, court="Southmoor Youth Court"),
            offence(ago(months=5), "Driving otherwise than in accordance with a licence", "other_motoring", "referral_order", 21, court="Southmoor Youth Court", is_primary=False),
        ],
        education={"setting": "Moorside Motors", "status": "employed", "sen": "none"},
        health={"slcn": "none"},
    ),
]

