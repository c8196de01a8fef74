"""The fictional demo children (see shared/brief/VIGNETTES.md). Every name, date and place is
invented. Dates are written as offsets from today so the demo never ages.

Phone numbers are in Ofcom's drama range (07700 900xxx), email addresses use example.org, NHS
numbers are in the 999 test range, and every PNC ID, NHS number and UPN is built with the
check characters from `cairn.records.identifiers`, so the demo passes the record's own rules.
Offences dealt with together share an outcome date and type; the first of them is the primary.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from cairn.records import identifiers
from cairn.records.models import Address, Contact, Exclusion, LifeEvent, Offence, Versioned

NORTHSHIRE = "northshire-yjs"
SOUTHMOOR = "southmoor-yjs"
NORTHSHIRE_COURT = "Northshire Youth Court"
SOUTHMOOR_COURT = "Southmoor Youth Court"
OAKWOOD = "Oakwood Secure Training Centre"
NORTHSHIRE_LA = "Northshire County Council"
NORTHSHIRE_LA_CODE = 981
SOUTHMOOR_LA_CODE = 982


def ago(years: int = 0, months: int = 0, days: int = 0) -> dt.date:
    """A date this long before today (months are 30.44 days; years keep the day of the year)."""
    today = timezone.localdate()
    try:
        base = today.replace(year=today.year - years)
    except ValueError:  # 29 February
        base = today.replace(year=today.year - years, day=28)
    return base - dt.timedelta(days=round(months * 30.44) + days)


def ahead(years: int = 0, months: int = 0, days: int = 0) -> dt.date:
    """A date this long after today: next court dates, release dates, order end dates."""
    return ago(years=-years, months=-months, days=-days)


def school_year(date_of_birth: dt.date) -> str:
    """The England and Wales year group this school year (Year 1 is aged 5 on 31 August)."""
    today = timezone.localdate()
    start = today.year if (today.month, today.day) >= (9, 1) else today.year - 1
    age_on_31_august = (
        start - date_of_birth.year - ((date_of_birth.month, date_of_birth.day) > (8, 31))
    )
    return f"Year {age_on_31_august - 4}"


def year_started(date_of_birth: dt.date, year_group: int) -> dt.date:
    """The 1 September on which a child born on this date started this year group."""
    born_after_august = (date_of_birth.month, date_of_birth.day) > (8, 31)
    return dt.date(date_of_birth.year + year_group + 4 + born_after_august, 9, 1)


def pnc(created: dt.date, serial: int) -> str:
    """A fictional PNC ID created in the year of `created`, with its check letter."""
    year, digits = f"{created.year % 100:02d}", f"{serial:07d}"
    return identifiers.normalise_pnc(f"{year}/{digits}{identifiers.pnc_check_letter(year, digits)}")


def nhs_number(serial: str) -> str:
    """An NHS number in the 999 test range from six digits; some serials have no check digit."""
    first_nine = f"999{serial}"
    check = identifiers.nhs_check_digit(first_nine)
    if check is None:
        raise ValueError(f"999{serial} has no valid check digit: choose another serial")
    return identifiers.normalise_nhs_number(f"{first_nine}{check}")


def upn(local_authority: int, school: int, allocated: dt.date, serial: int) -> str:
    """A unique pupil number: check letter, LA, establishment, year of allocation, serial."""
    rest = f"{local_authority:03d}{school:04d}{allocated.year % 100:02d}{serial:03d}"
    return identifiers.normalise_upn(f"{identifiers.upn_check_letter(rest)}{rest}")


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
    safeguarding: dict[str, Any] = field(default_factory=dict)
    grants: list[tuple[str, str, str]] = field(default_factory=list)
    # When the service opened the child's record: the first offence, unless said here (a
    # prevention referral). The facts known then are written at that moment; later ones on
    # their own dates (records.demo.load), so a review lists only what changed since.
    opened: dt.date | None = None
    # When each grant was opened in the story, by the organisation it is to (else: now).
    granted: dict[str, dt.date] = field(default_factory=dict)
    # A restricted record (records.Restriction): why, and the staff named on it (by username).
    # The demo's manager, mo.manager, restricts it and is always named.
    restriction: str = ""
    restricted_to: tuple[str, ...] = ()

    def opened_on(self) -> dt.date:
        dates: list[dt.date] = [row["offence_date"] for row in self.offences]
        if self.opened is not None:
            dates.append(self.opened)
        if not dates:
            raise ValueError(f"{self.local_id} needs `opened`: it has no offence to date it by")
        return min(dates)

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


def offence(
    when: dt.date,
    description: str,
    category: str,
    outcome: str = "",
    outcome_after_days: int = 30,
    *,
    outcome_on: dt.date | None = None,
    court: str = "",
    is_primary: bool = True,
    order_ends: dt.date | None = None,
    notes: str = "",
) -> dict[str, Any]:
    """One offence. Without `outcome_on` the outcome comes `outcome_after_days` later."""
    outcome_date = None
    if outcome:
        outcome_date = outcome_on or when + dt.timedelta(days=outcome_after_days)
        outcome_date = min(outcome_date, timezone.localdate())
    if outcome in Offence.COURT_OUTCOMES and not court:
        court = NORTHSHIRE_COURT
    return {
        "offence_date": when,
        "description": description,
        "category": category,
        "is_primary": is_primary,
        "outcome_type": outcome,
        "outcome_date": outcome_date,
        "court": court,
        "order_end_date": order_ends,
        "notes": notes,
    }


def dealt_with_together(
    outcome: str,
    on: dt.date,
    offences: list[tuple[dt.date, str, str]],
    *,
    court: str = "",
    order_ends: dt.date | None = None,
    notes: str = "",
) -> list[dict[str, Any]]:
    """Offences (date, description, category) given one outcome on one date: one sanction
    occasion. The first offence is the primary one and carries the notes."""
    return [
        offence(
            when,
            description,
            category,
            outcome,
            outcome_on=on,
            court=court,
            is_primary=index == 0,
            order_ends=order_ends,
            notes=notes if index == 0 else "",
        )
        for index, (when, description, category) in enumerate(offences)
    ]


# Northshire ------------------------------------------------------------------------------


def _kai_brennan() -> DemoChild:
    born = ago(years=14, months=3)
    caution = ago(months=2, days=10)
    return DemoChild(
        local_id="NOR-00001",
        organisation=NORTHSHIRE,
        given_name="Kai",
        family_name="Brennan",
        date_of_birth=born,
        sex="male",
        team="Prevention and diversion",
        details={
            "ethnicity": "white_british",
            "religion": "none",
            "first_language": "English",
            "nationality": "British",
            "legal_status": "pre_court",
            "pnc_number": pnc(caution, 31472),
            "nhs_number": nhs_number("100000"),
            "upn": upn(NORTHSHIRE_LA_CODE, 4102, ago(years=10), 17),
        },
        addresses=[
            {
                "line_1": "14 Larch Close",
                "town": "Northshire",
                "postcode": "NS1 4LC",
                "living_with": "Mum and younger brother (dad until last year)",
                "from_date": ago(years=6),
            }
        ],
        contacts=[
            {
                "name": "Donna Brennan",
                "relationship": "mother",
                "has_parental_responsibility": True,
                "lives_with_child": True,
                "is_emergency_contact": True,
                "phone": "07700 900101",
                "email": "donna.brennan@example.org",
            },
            {
                "name": "Lee Brennan",
                "relationship": "father",
                "has_parental_responsibility": True,
                "phone": "07700 900102",
                "notes": "Moved out last year; sees Kai some weekends.",
            },
            {
                "name": "Gary Holt",
                "relationship": "friend",
                "relationship_detail": "Football coach, Larch Park Youth FC",
                "phone": "07700 900103",
                "notes": "Kai trusts him; happy to help with the plan.",
            },
        ],
        offences=[
            offence(
                caution,
                "Theft of trainers from a sports shop, with an older friend",
                "theft",
                "youth_caution",
                14,
                notes="First time in trouble with the police. Admitted it straight away.",
            )
        ],
        life_events=[
            {
                "date": ago(years=1, months=1),
                "event_type": "parents_separated",
                "description": "Dad moved out after his parents separated.",
            },
            {
                "date": ago(months=8),
                "event_type": "achievement",
                "description": "Picked for the under-15s team at Larch Park Youth FC.",
            },
        ],
        education={
            "setting": "Northshire Academy",
            "status": "full_time",
            "year_group": school_year(born),
            "attendance_percent": 82,
            "sen": "none",
        },
        health={
            "gp_name": "Dr A. Patel",
            "gp_practice": "Larch Medical Centre",
            "slcn": "none",
        },
    )


def _amira_haddad() -> DemoChild:
    born = ago(years=15, months=2)
    sentenced = ago(months=2)
    return DemoChild(
        local_id="NOR-00002",
        organisation=NORTHSHIRE,
        given_name="Amira",
        family_name="Haddad",
        date_of_birth=born,
        sex="female",
        restriction="Child of a member of staff: kept to her case worker and the team manager",
        restricted_to=("pat.practitioner", "mo.manager"),
        details={
            "ethnicity": "other_arab",
            "religion": "muslim",
            "first_language": "English",
            "nationality": "British",
            "legal_status": "community_order",
            "pnc_number": pnc(ago(months=3, days=12), 40318),
            "nhs_number": nhs_number("137111"),
            "upn": upn(NORTHSHIRE_LA_CODE, 4102, ago(years=11), 203),
        },
        addresses=[
            {
                "line_1": "Flat 3",
                "line_2": "27 Orchard Street",
                "town": "Northshire",
                "postcode": "NS2 7QS",
                "living_with": "Mum, dad and two younger brothers",
                "from_date": ago(years=8),
            }
        ],
        contacts=[
            {
                "name": "Rania Haddad",
                "relationship": "mother",
                "has_parental_responsibility": True,
                "lives_with_child": True,
                "is_emergency_contact": True,
                "phone": "07700 900104",
                "language": "Arabic",
                "notes": "Reads English well; prefers Arabic for long conversations.",
            },
            {
                "name": "Samir Haddad",
                "relationship": "father",
                "has_parental_responsibility": True,
                "lives_with_child": True,
                "phone": "07700 900105",
            },
            {
                "name": "Layla Mansour",
                "relationship": "grandparent",
                "relationship_detail": "Mother's mother",
                "phone": "07700 900106",
                "address": "8 Orchard Street, Northshire, NS2 7QS",
                "notes": "Amira is very close to her and goes there most days after school.",
            },
        ],
        offences=[
            offence(
                ago(months=3, days=12),
                "Criminal damage to a bus shelter on Station Road (two glass panels smashed)",
                "criminal_damage",
                "referral_order",
                outcome_on=sentenced,
                order_ends=sentenced + dt.timedelta(days=183),
                notes="Six-month referral order. Victim: Northshire County Council. "
                "Restorative letter of apology agreed at the first panel meeting.",
            )
        ],
        life_events=[
            {
                "date": ago(months=1),
                "event_type": "achievement",
                "description": "Started a Saturday job sweeping up at a hair salon; "
                "she wants to be a hairdresser.",
            }
        ],
        education={
            "setting": "Northshire Academy",
            "status": "full_time",
            "year_group": school_year(born),
            "attendance_percent": 91,
            "sen": "ehcp",
            "sen_details": "EHCP for speech, language and communication needs: language support "
            "twice a week, instructions in short steps, a visual timetable.",
        },
        health={
            "gp_name": "Dr R. Okonjo",
            "gp_practice": "Orchard Street Surgery",
            "slcn": "assessed",
            "slcn_details": "Developmental language disorder, diagnosed at 9. Finds written "
            "forms hard: keep plans short and visual, read them aloud, and check understanding "
            "by asking her to explain back in her own words.",
        },
    )


def _jordan_pike() -> DemoChild:
    born = ago(years=16, months=10)
    court = NORTHSHIRE_COURT
    offences = [
        offence(
            ago(years=3, months=1),
            "Theft of sweets and energy drinks from a convenience store",
            "theft",
            "youth_caution",
            21,
        ),
        *dealt_with_together(
            "referral_order",
            ago(years=2, months=5),
            [
                (
                    ago(years=2, months=9),
                    "Theft of power tools from a parked van, with two others",
                    "theft_from_vehicle",
                ),
                (
                    ago(years=2, months=9),
                    "Criminal damage to the van's side window",
                    "criminal_damage",
                ),
                (ago(years=2, months=7), "Theft of a bicycle from outside a supermarket", "theft"),
                (
                    ago(years=2, months=6),
                    "Theft of a sat nav and coins from a car",
                    "theft_from_vehicle",
                ),
            ],
            court=court,
            order_ends=ago(years=1, months=8),
            notes="Nine-month referral order; revoked when the YRO was made.",
        ),
        *dealt_with_together(
            "youth_rehabilitation_order",
            ago(years=2),
            [
                (
                    ago(years=2, months=3),
                    "Aggravated vehicle-taking: took a neighbour's car and hit a wall",
                    "taking_vehicle",
                ),
                (
                    ago(years=2, months=3),
                    "Driving without a licence or insurance",
                    "other_motoring",
                ),
                (
                    ago(years=2, months=2),
                    "Burglary of a garden shed and garage (bikes and tools)",
                    "burglary_other",
                ),
                (
                    ago(years=2, months=1),
                    "Failing to surrender to bail at Northshire Youth Court",
                    "absconding_bail",
                ),
                (
                    ago(years=2, days=20),
                    "Assault by beating of another boy at a bus stop",
                    "violence",
                ),
            ],
            court=court,
            order_ends=ago(years=1),
            notes="12-month YRO: supervision and a curfew.",
        ),
        *dealt_with_together(
            "youth_rehabilitation_order",
            ago(years=1, months=9),
            [
                (
                    ago(years=1, months=11),
                    "Burglary of a house on Heron Way while the family was away",
                    "burglary_domestic",
                ),
                (ago(years=1, months=11), "Handling a stolen games console", "handling"),
                (
                    ago(years=1, months=10, days=10),
                    "Taking a moped without consent",
                    "taking_vehicle",
                ),
                (ago(years=1, months=10, days=10), "Driving without insurance", "other_motoring"),
                (ago(years=1, months=10, days=10), "Driving without a licence", "other_motoring"),
            ],
            court=court,
            order_ends=ago(months=9),
            notes="Second YRO, with a supervision requirement. No further offending for nine "
            "months while he lived with his aunt.",
        ),
        *dealt_with_together(
            "fine",
            ago(months=11),
            [
                (ago(years=1, months=1), "Theft of alcohol from a supermarket", "theft"),
                (ago(years=1), "Possession of cannabis (class B)", "drug_possession_supply"),
            ],
            court=court,
        ),
        *dealt_with_together(
            "youth_rehabilitation_order",
            ago(months=2),
            [
                (
                    ago(months=5),
                    "Assault occasioning actual bodily harm on a shop security guard",
                    "violence",
                ),
                (ago(months=9), "Criminal damage to a car's wing mirror", "criminal_damage"),
                (ago(months=7), "Taking a car without consent", "taking_vehicle"),
                (ago(months=7), "Driving without insurance", "other_motoring"),
                (
                    ago(months=6),
                    "Theft of a wallet and bank cards from a car",
                    "theft_from_vehicle",
                ),
                (ago(months=4), "Burglary of a sports club storeroom", "burglary_other"),
            ],
            court=court,
            order_ends=ahead(months=10),
            notes="12-month YRO with intensive supervision and surveillance for the first six "
            "months (25 hours a week) and an electronically monitored curfew, 7pm to 7am.",
        ),
    ]
    return DemoChild(
        local_id="NOR-00003",
        organisation=NORTHSHIRE,
        given_name="Jordan",
        family_name="Pike",
        date_of_birth=born,
        sex="male",
        details={
            "middle_names": "Lee",
            "ethnicity": "white_british",
            "religion": "none",
            "first_language": "English",
            "nationality": "British",
            "legal_status": "community_order",
            "pnc_number": pnc(ago(years=3, months=1), 118204),
            "nhs_number": nhs_number("174222"),
            "upn": upn(NORTHSHIRE_LA_CODE, 4215, ago(years=12), 88),
        },
        addresses=[
            {
                "line_1": "41 Heron Way",
                "town": "Northshire",
                "postcode": "NS3 2HW",
                "living_with": "Mum and two younger sisters",
                "from_date": ago(years=9),
                "to_date": ago(years=1, months=10),
            },
            {
                "line_1": "8 Chapel Row",
                "town": "Eastbridge",
                "postcode": "NS5 1CR",
                "living_with": "Aunt (Karen Pike) and her partner",
                "from_date": ago(years=1, months=10),
                "to_date": ago(years=1, months=2),
            },
            {
                "line_1": "Flat 12, Kestrel House",
                "line_2": "Kestrel Road",
                "town": "Northshire",
                "postcode": "NS3 4KH",
                "living_with": "Mum and two younger sisters",
                "from_date": ago(years=1, months=2),
            },
        ],
        contacts=[
            {
                "name": "Michelle Pike",
                "relationship": "mother",
                "has_parental_responsibility": True,
                "lives_with_child": True,
                "is_emergency_contact": True,
                "phone": "07700 900107",
                "notes": "Works nights; best reached after 2pm.",
            },
            {
                "name": "Darren Pike",
                "relationship": "father",
                "has_parental_responsibility": True,
                "notes": "In prison (release expected next year). Jordan writes to him now "
                "and then.",
            },
            {
                "name": "Karen Pike",
                "relationship": "aunt_uncle",
                "relationship_detail": "Father's sister",
                "is_emergency_contact": True,
                "phone": "07700 900108",
                "email": "karen.pike@example.org",
                "address": "8 Chapel Row, Eastbridge, NS5 1CR",
                "notes": "Jordan lived with her for seven months last year and did not offend. "
                "Still a strong support: he stays some weekends.",
            },
        ],
        exclusions=[
            {
                "start_date": ago(years=3, months=3),
                "kind": "suspension",
                "days": 3,
                "reason": "Fighting in the playground",
            },
            {
                "start_date": ago(years=2, months=10),
                "kind": "suspension",
                "days": 5,
                "reason": "Verbal abuse of a teacher",
            },
            {
                "start_date": ago(years=2, months=4),
                "kind": "permanent",
                "reason": "Persistent disruptive behaviour and an assault on another pupil",
            },
        ],
        offences=offences,
        life_events=[
            {
                "date": ago(years=3, months=6),
                "event_type": "parent_imprisoned",
                "description": "Dad sentenced to four years in prison.",
            },
            {
                "date": ago(years=2, months=4),
                "event_type": "excluded",
                "description": "Permanently excluded from Heron Park School; moved to the pupil "
                "referral unit.",
            },
            {
                "date": ago(years=1, months=10),
                "event_type": "moved_home",
                "description": "Went to live with his aunt in Eastbridge after rows at home.",
            },
            {
                "date": ago(years=1, months=2),
                "event_type": "moved_home",
                "description": "Returned to mum's new flat when his aunt's partner became "
                "seriously ill.",
            },
        ],
        education={
            "setting": "Kestrel Training (Level 1 construction, 16 hours a week)",
            "status": "training",
            "attendance_percent": 61,
            "sen": "sen_support",
            "sen_details": "Literacy support; reading age about 11.",
        },
        health={
            "gp_name": "Dr M. Evans",
            "gp_practice": "Heron Way Health Centre",
            "conditions": "Smokes cannabis every day (about £10 a day). Referred to the young "
            "people's substance use service.",
            "slcn": "suspected",
            "slcn_details": "Struggles with abstract language; screening suggested, not yet "
            "assessed.",
            "neurodiversity": ["adhd"],
            "neurodiversity_details": "ADHD diagnosed at 8; stopped taking medication at 14.",
        },
    )


def _ellie_marsh() -> DemoChild:
    born = ago(years=15, months=6)
    return DemoChild(
        local_id="NOR-00004",
        organisation=NORTHSHIRE,
        given_name="Ellie",
        family_name="Marsh",
        date_of_birth=born,
        sex="female",
        case_worker="pat.practitioner",
        team="North team",
        details={
            "ethnicity": "white_british",
            "religion": "none",
            "first_language": "English",
            "nationality": "British",
            "pnc_number": pnc(ago(months=1, days=20), 52977),
            "nhs_number": nhs_number("211333"),
            "upn": upn(NORTHSHIRE_LA_CODE, 4102, ago(years=11), 146),
            "has_exploitation_concern": True,
            "exploitation_note": "Intelligence of child sexual and criminal exploitation: older "
            "men in cars near the home; found carrying class A drugs out of area (county lines). "
            "Goes missing for days. NRM referral made; multi-agency exploitation meeting monthly.",
            "looked_after": "care_order",
            "care_local_authority": NORTHSHIRE_LA,
            "care_placement": "Birchwood House residential children's home, Northshire",
            "social_worker_name": "Hannah Roberts",
            "social_worker_team": "Adolescent Safeguarding Team, Northshire Children's Services",
            "social_worker_phone": "07700 900109",
            "social_worker_email": "hannah.roberts@example.org",
            "legal_status": "bail",
            "bail_conditions": "Live and sleep at Birchwood House. No contact with the two adults "
            "charged in the same case.",
            "next_court_date": ahead(days=24),
            "next_court": NORTHSHIRE_COURT,
        },
        addresses=[
            {
                "line_1": "22 Millbrook Road",
                "town": "Northshire",
                "postcode": "NS4 8MR",
                "living_with": "Mum and mum's partner",
                "from_date": ago(years=8),
                "to_date": ago(years=2, months=2),
            },
            {
                "line_1": "Foster placement (address held by Children's Services)",
                "town": "Northshire",
                "living_with": "Foster carers",
                "from_date": ago(years=2, months=2),
                "to_date": ago(years=1, months=1),
            },
            {
                "line_1": "Birchwood House",
                "line_2": "5 Birchwood Lane",
                "town": "Northshire",
                "postcode": "NS6 2BL",
                "living_with": "Residential children's home (three other young people)",
                "from_date": ago(years=1, months=1),
            },
        ],
        contacts=[
            {
                "name": "Stacey Marsh",
                "relationship": "mother",
                "has_parental_responsibility": True,
                "phone": "07700 900110",
                "notes": "Shares parental responsibility with the local authority (care order). "
                "Supervised contact twice a week; Ellie wants more.",
            },
            {
                "name": "Jade Thompson",
                "relationship": "residential_key_worker",
                "relationship_detail": "Key worker, Birchwood House",
                "is_emergency_contact": True,
                "phone": "07700 900111",
                "email": "jade.thompson@example.org",
                "notes": "Ellie's most trusted adult. Call her first if Ellie is missing.",
            },
            {
                "name": "Hannah Roberts",
                "relationship": "professional",
                "relationship_detail": "Social worker, Northshire Children's Services",
                "phone": "07700 900109",
                "email": "hannah.roberts@example.org",
            },
        ],
        offences=[
            offence(
                ago(years=1, months=4),
                "Theft of make-up from a chemist",
                "theft",
                "community_resolution",
                10,
            ),
            offence(
                ago(months=1, days=20),
                "Possession with intent to supply class A drugs (crack cocaine and heroin), "
                "found carrying them on a train out of area",
                "drug_possession_supply",
                notes="Adjourned for the National Referral Mechanism decision: she is a "
                "possible victim of criminal exploitation (section 45 Modern Slavery Act 2015).",
            ),
        ],
        life_events=[
            {
                "date": ago(years=3),
                "event_type": "domestic_abuse",
                "description": "Police called to domestic abuse between mum and her partner.",
            },
            {
                "date": ago(years=2, months=2),
                "event_type": "entered_care",
                "description": "Care order made; placed with foster carers.",
            },
            {
                "date": ago(years=1, months=1),
                "event_type": "moved_home",
                "description": "Foster placement ended; moved to Birchwood House.",
            },
            {
                "date": ago(months=4),
                "event_type": "other",
                "description": "Missing for four days; found in a flat in Southmoor with older "
                "men.",
            },
            {
                "date": ago(months=3),
                "event_type": "victim",
                "description": "Disclosed sexual exploitation by an older man; police "
                "investigation ongoing.",
            },
        ],
        education={
            "setting": "Northshire Academy",
            "status": "part_time",
            "year_group": school_year(born),
            "attendance_percent": 38,
            "sen": "sen_support",
            "sen_details": "Social, emotional and mental health support; reduced timetable of "
            "two hours a day.",
        },
        health={
            "gp_name": "Dr S. Khan",
            "gp_practice": "Millbrook Surgery",
            "conditions": "Self-harm (cutting) when distressed. Attends the sexual health "
            "clinic. CAMHS assessment pending.",
            "slcn": "none",
        },
        safeguarding={
            # Looked after on a care order, so no child protection plan; a potential victim
            # of county lines trafficking, referred by the police as first responder.
            "protection": "none",
            "nrm_referred_on": ago(months=3, days=2),
            "nrm_reasonable_grounds": "positive",
            "nrm_reasonable_grounds_on": ago(months=2, days=27),
            "nrm_conclusive_grounds": "awaited",
        },
        grants=[
            (
                "northshire-cs",
                "summary",
                "Shared with consent for the multi-agency exploitation meeting",
            )
        ],
        granted={"northshire-cs": ago(months=2, days=20)},
    )


def _tyler_okafor() -> DemoChild:
    born = ago(years=17, months=2)
    arrested = ago(days=35)
    return DemoChild(
        local_id="NOR-00005",
        organisation=NORTHSHIRE,
        given_name="Tyler",
        family_name="Okafor",
        date_of_birth=born,
        sex="male",
        case_worker="pat.practitioner",
        details={
            "ethnicity": "black_african",
            "religion": "christian",
            "first_language": "English",
            "nationality": "British",
            "pnc_number": pnc(ago(years=1, months=2), 77120),
            "nhs_number": nhs_number("248444"),
            "upn": upn(NORTHSHIRE_LA_CODE, 4215, ago(years=12), 311),
            "has_risk_to_staff": True,
            "risk_to_staff_note": "Threats made to a YJS worker by his peer group after the "
            "arrest. Do not visit the family home alone; meet at the office or at Oakwood.",
            "looked_after": "remand",
            "care_local_authority": NORTHSHIRE_LA,
            "social_worker_name": "Daniel Foster",
            "social_worker_team": "Children in Care Team, Northshire Children's Services",
            "social_worker_phone": "07700 900112",
            "social_worker_email": "daniel.foster@example.org",
            "legal_status": "remand_yda",
            "custody_establishment": OAKWOOD,
            "next_court_date": ahead(days=40),
            "next_court": "Northshire Crown Court",
        },
        addresses=[
            {
                "line_1": "9 Fenwick Gardens",
                "town": "Northshire",
                "postcode": "NS2 5FG",
                "living_with": "Mum, older sister and younger brother",
                "from_date": ago(years=11),
                "to_date": arrested,
            },
            {
                "line_1": OAKWOOD,
                "line_2": "Oakwood Lane",
                "town": "Oakwood",
                "postcode": "OK1 1ST",
                "living_with": "Remanded to youth detention accommodation",
                "from_date": arrested + dt.timedelta(days=1),
            },
        ],
        contacts=[
            {
                "name": "Grace Okafor",
                "relationship": "mother",
                "has_parental_responsibility": True,
                "is_emergency_contact": True,
                "phone": "07700 900113",
                "email": "grace.okafor@example.org",
            },
            {
                "name": "Emeka Okafor",
                "relationship": "father",
                "has_parental_responsibility": True,
                "phone": "07700 900114",
                "notes": "Lives in Manchester; phones Tyler about once a month.",
            },
            {
                "name": "Chioma Okafor",
                "relationship": "sibling",
                "relationship_detail": "Older sister, 23",
                "is_emergency_contact": True,
                "phone": "07700 900115",
                "notes": "Tyler's strongest relationship: visits Oakwood every week.",
            },
        ],
        offences=[
            offence(
                ago(years=1, months=8),
                "Possession of cannabis (class B)",
                "drug_possession_supply",
                "community_resolution",
                7,
            ),
            offence(
                ago(years=1, months=2),
                "Assault by beating in a fight outside a takeaway",
                "violence",
                "referral_order",
                outcome_on=ago(years=1, months=1),
                order_ends=ago(months=4),
                notes="Nine-month referral order, completed.",
            ),
            offence(
                arrested,
                "Robbery of a phone and bank card from a 19-year-old man, threatening him with "
                "a knife, with two others",
                "robbery",
                notes="Remanded to youth detention accommodation at the first hearing; sent to "
                "the Crown Court.",
            ),
            offence(
                arrested,
                "Possession of a bladed article in a public place",
                "other",
                is_primary=False,
            ),
        ],
        life_events=[
            {
                "date": ago(years=1, months=6),
                "event_type": "victim",
                "description": "Robbed and beaten by older boys on his way home. Says he started "
                "carrying a knife after this.",
            },
            {
                "date": ago(years=1, months=3),
                "event_type": "achievement",
                "description": "Got a grade 7 in GCSE maths a year early.",
            },
        ],
        education={
            "setting": "Oakwood Secure Training Centre education unit",
            "status": "full_time",
            "attendance_percent": 96,
            "sen": "none",
        },
        health={
            "gp_name": "Dr F. Adeyemi",
            "gp_practice": "Fenwick Medical Practice",
            "conditions": "Asthma.",
            "medication": "Salbutamol inhaler when needed.",
            "slcn": "none",
        },
        grants=[
            (
                "oakwood-stc",
                "custody",
                "Remanded to youth detention accommodation and placed at Oakwood",
            ),
            (
                "ycs-placements",
                "placement",
                "Remand placement and any move between secure establishments",
            ),
        ],
        granted={"oakwood-stc": arrested + dt.timedelta(days=1), "ycs-placements": arrested},
    )


def _maya_szymanska() -> DemoChild:
    born = ago(years=12, months=4)
    return DemoChild(
        local_id="NOR-00006",
        organisation=NORTHSHIRE,
        given_name="Maya",
        family_name="Szymańska",
        date_of_birth=born,
        sex="female",
        team="Prevention and diversion",
        opened=ago(months=1, days=10),  # referred by her school for prevention
        details={
            "ethnicity": "white_other",
            "religion": "christian",
            "first_language": "Polish",
            "nationality": "British",
            "legal_status": "pre_court",
            "nhs_number": nhs_number("322666"),
            "upn": upn(NORTHSHIRE_LA_CODE, 4102, ago(years=8), 52),
        },
        addresses=[
            {
                "line_1": "3 Poplar Court",
                "town": "Northshire",
                "postcode": "NS1 9PC",
                "living_with": "Mum, dad and baby brother",
                "from_date": ago(years=5),
            }
        ],
        contacts=[
            {
                "name": "Katarzyna Szymańska",
                "relationship": "mother",
                "has_parental_responsibility": True,
                "lives_with_child": True,
                "is_emergency_contact": True,
                "phone": "07700 900116",
                "email": "k.szymanska@example.org",
                "language": "Polish",
                "notes": "Book a Polish interpreter for formal meetings.",
            },
            {
                "name": "Tomasz Szymański",
                "relationship": "father",
                "has_parental_responsibility": True,
                "lives_with_child": True,
                "phone": "07700 900117",
                "language": "Polish",
            },
        ],
        exclusions=[
            {
                "start_date": ago(months=7),
                "kind": "suspension",
                "days": 2,
                "reason": "Threw a chair in a noisy classroom when overwhelmed",
            },
            {
                "start_date": ago(months=4),
                "kind": "suspension",
                "days": 3,
                "reason": "Pushed a pupil in a crowded corridor at changeover",
            },
        ],
        life_events=[
            {
                "date": year_started(born, 7),
                "event_type": "changed_school",
                "description": "Moved up to secondary school; a hard transition.",
            },
            {
                "date": ago(months=6),
                "event_type": "new_sibling",
                "description": "Baby brother born.",
            },
        ],
        education={
            "setting": "Northshire Academy",
            "status": "part_time",
            "year_group": school_year(born),
            "attendance_percent": 71,
            "sen": "assessment",
            "sen_details": "School has asked for an EHC needs assessment. Mornings only while "
            "support is put in place; sensory breaks and a quiet room agreed.",
        },
        health={
            "gp_name": "Dr A. Patel",
            "gp_practice": "Larch Medical Centre",
            "slcn": "suspected",
            "slcn_details": "Takes language literally; needs time to process questions.",
            "neurodiversity": ["autism"],
            "neurodiversity_details": "Autism diagnosed at 9. Sensitive to noise, bright light "
            "and touch; anxious in new places: send a photo of the worker and the room first.",
        },
    )


def _dylan_fairbrother() -> DemoChild:
    born = ago(years=17, months=6)
    sentenced = ago(days=127)  # 12-month DTO: release at the halfway point, in about 8 weeks
    return DemoChild(
        local_id="NOR-00007",
        organisation=NORTHSHIRE,
        given_name="Dylan",
        family_name="Fairbrother",
        date_of_birth=born,
        sex="male",
        case_worker="mo.manager",
        team="South team",
        details={
            "ethnicity": "white_british",
            "religion": "none",
            "first_language": "English",
            "nationality": "British",
            "pnc_number": pnc(ago(years=3, months=2), 19655),
            "nhs_number": nhs_number("359777"),
            "upn": upn(NORTHSHIRE_LA_CODE, 4330, ago(years=13), 75),
            "legal_status": "custody",
            "custody_establishment": OAKWOOD,
        },
        addresses=[
            {
                "line_1": "17 Ashdown Road",
                "town": "Northshire",
                "postcode": "NS5 3AR",
                "living_with": "Mum and her partner",
                "from_date": ago(years=7),
                "to_date": sentenced,
            },
            {
                "line_1": OAKWOOD,
                "line_2": "Oakwood Lane",
                "town": "Oakwood",
                "postcode": "OK1 1ST",
                "living_with": "Serving a detention and training order",
                "from_date": sentenced,
            },
        ],
        contacts=[
            {
                "name": "Lisa Fairbrother",
                "relationship": "mother",
                "has_parental_responsibility": True,
                "is_emergency_contact": True,
                "phone": "07700 900118",
                "notes": "Supportive by phone, but says Dylan cannot live at home after release "
                "because of conflict with her partner.",
            },
            {
                "name": "Pauline Fairbrother",
                "relationship": "grandparent",
                "relationship_detail": "Father's mother",
                "phone": "07700 900119",
                "notes": "Has offered a sofa for a few nights only.",
            },
            {
                "name": "Gareth Lowe",
                "relationship": "professional",
                "relationship_detail": "Probation officer, transition to adult services",
                "phone": "07700 900120",
                "email": "gareth.lowe@example.org",
            },
        ],
        offences=[
            offence(
                ago(years=3, months=2),
                "Theft of a phone charger and headphones from a supermarket",
                "theft",
                "youth_caution",
                20,
            ),
            offence(
                ago(years=2, months=3),
                "Burglary of a garage (a mountain bike)",
                "burglary_other",
                "referral_order",
                35,
                order_ends=ago(years=1, months=9),
            ),
            offence(
                ago(years=1, months=4),
                "Handling a stolen laptop",
                "handling",
                "youth_rehabilitation_order",
                50,
                order_ends=ago(months=4),
            ),
            *dealt_with_together(
                "detention_and_training_order",
                sentenced,
                [
                    (
                        ago(days=170),
                        "Burglary of a house at night while the family slept; car keys taken",
                        "burglary_domestic",
                    ),
                    (ago(days=170), "Taking the family's car without consent", "taking_vehicle"),
                    (ago(days=185), "Burglary of a house (jewellery taken)", "burglary_domestic"),
                ],
                order_ends=sentenced + dt.timedelta(days=365),
                notes="12-month detention and training order. Released on notice of supervision "
                "at the halfway point; supervision passes to adult probation at 18.",
            ),
        ],
        life_events=[
            {
                "date": ago(years=4),
                "event_type": "other",
                "description": "Mum's partner moved in; frequent arguments since.",
            },
            {
                "date": ago(months=2),
                "event_type": "other",
                "description": "Mum said Dylan cannot return home on release. Accommodation not "
                "yet secured; housing referral made.",
            },
        ],
        education={
            "setting": "Oakwood education unit: Level 1 construction multi-skills",
            "status": "training",
            "attendance_percent": 93,
            "sen": "sen_support",
            "sen_details": "Dyslexia: coloured overlays and extra time.",
        },
        health={
            "gp_name": "Dr P. Shaw",
            "gp_practice": "Ashdown Surgery",
            "slcn": "none",
            "neurodiversity": ["dyslexia"],
        },
        grants=[
            (
                "oakwood-stc",
                "custody",
                "Serving a detention and training order at Oakwood",
            )
        ],
        granted={"oakwood-stc": sentenced},
    )


def _sophie_lang() -> DemoChild:
    born = ago(years=16, months=1)
    return DemoChild(
        local_id="NOR-00008",
        organisation=NORTHSHIRE,
        given_name="Sophie",
        family_name="Lang",
        date_of_birth=born,
        sex="female",
        case_worker="mo.manager",
        team="South team",
        details={
            "ethnicity": "white_british",
            "religion": "christian",
            "first_language": "English",
            "nationality": "British",
            "pnc_number": pnc(ago(months=5), 88341),
            "nhs_number": nhs_number("396888"),
            "upn": upn(NORTHSHIRE_LA_CODE, 4330, ago(years=11), 190),
            "legal_status": "bail",
            "bail_conditions": "Live and sleep at her father's address. No unsupervised contact "
            "with any child under 13. No contact, direct or indirect, with the child named in "
            "the case.",
            "next_court_date": ahead(days=18),
            "next_court": NORTHSHIRE_COURT,
        },
        addresses=[
            {
                "line_1": "6 Bramble Walk",
                "town": "Northshire",
                "postcode": "NS4 1BW",
                "living_with": "Mum, stepdad and two younger half-brothers",
                "from_date": ago(years=9),
                "to_date": ago(months=4),
            },
            {
                "line_1": "28 Sandpiper Drive",
                "town": "Northshire",
                "postcode": "NS6 3SD",
                "living_with": "Dad",
                "from_date": ago(months=4),
            },
        ],
        contacts=[
            {
                "name": "Nicola Barker",
                "relationship": "mother",
                "has_parental_responsibility": True,
                "phone": "07700 900121",
                "notes": "Does not accept what happened. Keep conversations factual.",
            },
            {
                "name": "Andrew Lang",
                "relationship": "father",
                "has_parental_responsibility": True,
                "lives_with_child": True,
                "is_emergency_contact": True,
                "phone": "07700 900122",
                "email": "andrew.lang@example.org",
            },
        ],
        offences=[
            offence(
                ago(months=5),
                "Sexual offence against a younger child (details in the restricted case file)",
                "sexual_child",
                notes="Guilty plea; adjourned for a pre-sentence report.",
            )
        ],
        life_events=[
            {
                "date": ago(years=9),
                "event_type": "parents_separated",
                "description": "Parents separated; lived with mum.",
            },
            {
                "date": ago(months=4),
                "event_type": "moved_home",
                "description": "Moved to her father's home under bail conditions.",
            },
        ],
        education={
            "setting": "Bramble Hill School",
            "status": "full_time",
            "year_group": school_year(born),
            "attendance_percent": 88,
            "sen": "none",
        },
        health={
            "gp_name": "Dr J. Wright",
            "gp_practice": "Sandpiper Health Centre",
            "conditions": "Low mood; referred to CAMHS.",
            "slcn": "none",
        },
    )


def _marcus_bell() -> DemoChild:
    born = ago(years=15, months=8)
    sentenced = ago(months=2)
    return DemoChild(
        local_id="NOR-00009",
        organisation=NORTHSHIRE,
        given_name="Marcus",
        family_name="Bell",
        date_of_birth=born,
        sex="male",
        details={
            "ethnicity": "mixed_white_black_caribbean",
            "religion": "none",
            "first_language": "English",
            "nationality": "British",
            "legal_status": "community_order",
            "pnc_number": pnc(ago(months=8), 64210),
            "nhs_number": nhs_number("433999"),
            "upn": upn(NORTHSHIRE_LA_CODE, 4418, ago(years=11), 27),
        },
        addresses=[
            {
                "line_1": "52 Rowan Crescent",
                "town": "Northshire",
                "postcode": "NS3 6RC",
                "living_with": "Mum, mum's partner and younger sister",
                "from_date": ago(years=4),
                "to_date": ago(months=3),
            },
            {
                "line_1": "11 Linnet Close",
                "town": "Northshire",
                "postcode": "NS2 8LC",
                "living_with": "Grandmother",
                "from_date": ago(months=3),
            },
        ],
        contacts=[
            {
                "name": "Angela Bell",
                "relationship": "mother",
                "has_parental_responsibility": True,
                "phone": "07700 900123",
                "notes": "Experiencing domestic abuse from her partner; MARAC referral made. "
                "Speak to her alone.",
            },
            {
                "name": "Beverley Bell",
                "relationship": "grandparent",
                "relationship_detail": "Mother's mother",
                "lives_with_child": True,
                "is_emergency_contact": True,
                "phone": "07700 900124",
            },
            {
                "name": "Wayne Doyle",
                "relationship": "other",
                "relationship_detail": "Mother's partner; victim of both offences",
                "notes": "Police record him as the perpetrator of domestic abuse at home. Do not "
                "share Marcus's address or plans with him.",
            },
        ],
        offences=[
            offence(
                ago(months=8),
                "Assault by beating of his mother's partner during an argument at home",
                "violence",
                "youth_conditional_caution",
                21,
                notes="Conditions: anger management sessions.",
            ),
            offence(
                ago(months=3),
                "Assault occasioning actual bodily harm on his mother's partner, after the "
                "partner pushed his mother",
                "violence",
                "referral_order",
                outcome_on=sentenced,
                order_ends=sentenced + dt.timedelta(days=274),
                notes="Nine-month referral order.",
            ),
        ],
        life_events=[
            {
                "date": ago(years=2),
                "event_type": "domestic_abuse",
                "description": "Mum's partner moved in; police called to the home several times "
                "since.",
            },
            {
                "date": ago(months=3),
                "event_type": "moved_home",
                "description": "Moved to his grandmother's after the second assault.",
            },
        ],
        education={
            "setting": "Rowan Park School",
            "status": "full_time",
            "year_group": school_year(born),
            "attendance_percent": 89,
            "sen": "none",
        },
        health={
            "gp_name": "Dr H. Osei",
            "gp_practice": "Rowan Medical Practice",
            "conditions": "Poor sleep and anger; referred to a young people's counselling service.",
            "slcn": "none",
        },
        safeguarding={
            # Domestic abuse at home: a child protection plan (emotional abuse) since the
            # initial child protection conference; he has since moved to his grandmother's.
            "protection": "child_protection",
            "protection_from": ago(months=6, days=10),
        },
    )


def _priya_nair() -> DemoChild:
    born = ago(years=14, months=7)
    return DemoChild(
        local_id="NOR-00010",
        organisation=NORTHSHIRE,
        given_name="Priya",
        family_name="Nair",
        date_of_birth=born,
        sex="female",
        case_worker="mo.manager",
        team="Prevention and diversion",
        details={
            "ethnicity": "asian_indian",
            "religion": "hindu",
            "first_language": "English",
            "nationality": "British",
            "legal_status": "pre_court",
            "pnc_number": pnc(ago(months=4), 70052),
            "nhs_number": nhs_number("471110"),
            "upn": upn(NORTHSHIRE_LA_CODE, 4526, ago(years=10), 114),
            "has_exploitation_concern": True,
            "exploitation_note": "Groomed online by an adult posing as a teenage gamer, who told "
            "her to buy gift cards and send him the codes. Reported to police and CEOP.",
        },
        addresses=[
            {
                "line_1": "4 Magnolia Avenue",
                "town": "Northshire",
                "postcode": "NS1 2MA",
                "living_with": "Mum, dad and older brother",
                "from_date": ago(years=9),
            }
        ],
        contacts=[
            {
                "name": "Deepa Nair",
                "relationship": "mother",
                "has_parental_responsibility": True,
                "lives_with_child": True,
                "is_emergency_contact": True,
                "phone": "07700 900125",
                "email": "deepa.nair@example.org",
            },
            {
                "name": "Arun Nair",
                "relationship": "father",
                "has_parental_responsibility": True,
                "lives_with_child": True,
                "phone": "07700 900126",
            },
        ],
        offences=[
            offence(
                ago(months=4),
                "Fraud by false representation: bought £900 of gift cards online with a "
                "neighbour's card details, directed by an online groomer",
                "fraud",
                "youth_conditional_caution",
                40,
                notes="Conditions: four online safety sessions and a letter to the victim.",
            )
        ],
        life_events=[
            {
                "date": ago(months=7),
                "event_type": "victim",
                "description": "Groomed online over about three months by an adult posing as a "
                "15-year-old gamer.",
            },
            {
                "date": ago(months=1),
                "event_type": "achievement",
                "description": "Won a regional maths challenge.",
            },
        ],
        education={
            "setting": "Hollins Park School",
            "status": "full_time",
            "year_group": school_year(born),
            "attendance_percent": 98,
            "sen": "none",
        },
        health={
            "gp_name": "Dr V. Menon",
            "gp_practice": "Magnolia Surgery",
            "slcn": "none",
        },
    )


def _mason_tate() -> DemoChild:
    born = ago(years=14, months=9)
    return DemoChild(
        local_id="NOR-00011",
        organisation=NORTHSHIRE,
        given_name="Mason",
        family_name="Tate",
        date_of_birth=born,
        sex="male",
        details={
            "ethnicity": "white_british",
            "religion": "none",
            "first_language": "English",
            "nationality": "British",
            "pnc_number": pnc(ago(days=50), 95813),
            "nhs_number": nhs_number("508221"),
            "upn": upn(NORTHSHIRE_LA_CODE, 4418, ago(years=10), 240),
            "looked_after": "section_20",
            "care_local_authority": NORTHSHIRE_LA,
            "care_placement": "Foster placement with Mr and Mrs Ward, Northshire",
            "social_worker_name": "Priti Shah",
            "social_worker_team": "Children in Care Team, Northshire Children's Services",
            "social_worker_phone": "07700 900127",
            "social_worker_email": "priti.shah@example.org",
            "legal_status": "bail",
            "bail_conditions": "Curfew 7pm to 7am at his foster placement. No contact with the "
            "co-accused. Not to enter the Northshire shopping precinct.",
            "next_court_date": ahead(days=12),
            "next_court": NORTHSHIRE_COURT,
        },
        addresses=[
            {
                "line_1": "30 Willow Street",
                "town": "Northshire",
                "postcode": "NS5 6WS",
                "living_with": "Mum",
                "from_date": ago(years=6),
                "to_date": ago(years=1),
            },
            {
                "line_1": "Foster placement (address held by Children's Services)",
                "town": "Northshire",
                "living_with": "Foster carers Janet and Paul Ward",
                "from_date": ago(years=1),
            },
        ],
        contacts=[
            {
                "name": "Kerry Tate",
                "relationship": "mother",
                "has_parental_responsibility": True,
                "phone": "07700 900128",
                "notes": "Agreed to section 20 accommodation when she went into hospital; "
                "working with Children's Services towards Mason going home.",
            },
            {
                "name": "Janet Ward",
                "relationship": "foster_carer",
                "lives_with_child": True,
                "is_emergency_contact": True,
                "phone": "07700 900129",
                "email": "janet.ward@example.org",
            },
        ],
        offences=[
            offence(
                ago(years=1, months=2),
                "Criminal damage to a neighbour's fence",
                "criminal_damage",
                "community_resolution",
                5,
            ),
            offence(
                ago(days=50),
                "Robbery of a mobile phone from another 14-year-old in the park, with an older boy",
                "robbery",
                notes="Not guilty plea; trial listed.",
            ),
        ],
        life_events=[
            {
                "date": ago(years=1),
                "event_type": "entered_care",
                "description": "Accommodated under section 20 when his mum was admitted to "
                "hospital for her mental health.",
            }
        ],
        education={
            "setting": "Willow Park Academy",
            "status": "full_time",
            "year_group": school_year(born),
            "attendance_percent": 76,
            "sen": "sen_support",
            "sen_details": "Literacy support; reading below his age.",
        },
        health={
            "gp_name": "Dr C. Lambert",
            "gp_practice": "Willow Street Surgery",
            "slcn": "suspected",
            "neurodiversity_details": "Referred for an ADHD assessment; on the waiting list.",
        },
    )


def _dawit_tesfaye() -> DemoChild:
    born = ago(years=16, months=3)
    return DemoChild(
        local_id="NOR-00012",
        organisation=NORTHSHIRE,
        given_name="Dawit",
        family_name="Tesfaye",
        date_of_birth=born,
        sex="male",
        case_worker="mo.manager",
        team="South team",
        details={
            "other_names": "Dawit Tesfay (spelling on Home Office papers)",
            "ethnicity": "black_african",
            "religion": "christian",
            "first_language": "Tigrinya",
            "needs_interpreter": True,
            "interpreter_language": "Tigrinya",
            "nationality": "Eritrean",
            "legal_status": "pre_court",
            "pnc_number": pnc(ago(months=2, days=5), 102447),
            "nhs_number": nhs_number("545332"),
            "looked_after": "section_20",
            "care_local_authority": NORTHSHIRE_LA,
            "care_placement": "Supported lodgings, Northshire",
            "social_worker_name": "Tom Bradley",
            "social_worker_team": "Unaccompanied Children Team, Northshire Children's Services",
            "social_worker_phone": "07700 900130",
            "social_worker_email": "tom.bradley@example.org",
        },
        addresses=[
            {
                "line_1": "Flat 2",
                "line_2": "19 Queen's Road",
                "town": "Northshire",
                "postcode": "NS2 1QR",
                "living_with": "Supported lodgings host",
                "from_date": ago(years=1, months=4),
            }
        ],
        contacts=[
            {
                "name": "Helen Morris",
                "relationship": "other",
                "relationship_detail": "Supported lodgings host",
                "lives_with_child": True,
                "is_emergency_contact": True,
                "phone": "07700 900131",
            },
            {
                "name": "Mulu Tesfaye",
                "relationship": "mother",
                "has_parental_responsibility": True,
                "language": "Tigrinya",
                "notes": "In Eritrea; no contact since Dawit left.",
            },
        ],
        offences=[
            offence(
                ago(months=2, days=5),
                "Affray: a fight at the bus station after other young people racially abused him "
                "and a friend",
                "public_order",
                "youth_conditional_caution",
                30,
                notes="Conditions: a victim awareness session and a mediation meeting. Tigrinya "
                "interpreter used throughout.",
            )
        ],
        life_events=[
            {
                "date": ago(years=1, months=4),
                "event_type": "moved_home",
                "description": "Arrived in the UK alone after a long journey; placed by "
                "Northshire Children's Services.",
            },
            {
                "date": ago(months=2, days=5),
                "event_type": "victim",
                "description": "Racially abused at the bus station (reported to police).",
            },
        ],
        education={
            "setting": "Northshire College (ESOL Entry 3 and maths)",
            "status": "college",
            "attendance_percent": 94,
            "sen": "none",
        },
        health={
            "gp_name": "Dr L. Green",
            "gp_practice": "Queen's Road Surgery",
            "conditions": "Nightmares and poor sleep; referred to a refugee mental health service.",
            "slcn": "none",
        },
    )


def _callum_reid() -> DemoChild:
    born = ago(years=17, months=10)
    sentenced = ago(months=9)
    return DemoChild(
        local_id="NOR-00013",
        organisation=NORTHSHIRE,
        given_name="Callum",
        family_name="Reid",
        date_of_birth=born,
        sex="male",
        team="South team",
        details={
            "ethnicity": "white_british",
            "religion": "none",
            "first_language": "English",
            "nationality": "British",
            "pnc_number": pnc(ago(years=2, months=1), 43307),
            "nhs_number": nhs_number("582443"),
            "looked_after": "care_leaver",
            "care_local_authority": NORTHSHIRE_LA,
            "care_placement": "Semi-independent flat, Northshire",
            "social_worker_name": "Amy Chen",
            "social_worker_team": "Leaving Care Team, Northshire Children's Services",
            "social_worker_phone": "07700 900132",
            "social_worker_email": "amy.chen@example.org",
            "legal_status": "licence",
        },
        addresses=[
            {
                "line_1": "Foster placement (address held by Children's Services)",
                "town": "Northshire",
                "living_with": "Foster carers",
                "from_date": ago(years=5),
                "to_date": ago(years=1),
            },
            {
                "line_1": "Riverside Supported Housing",
                "line_2": "40 Mill Lane",
                "town": "Northshire",
                "postcode": "NS7 3RS",
                "living_with": "Supported housing for young people leaving care",
                "from_date": ago(years=1),
                "to_date": ago(months=11),
            },
            {
                "line_1": "Hollybank Young Offender Institution",
                "town": "Hollybank",
                "postcode": "HB4 9YO",
                "living_with": "Remanded, then serving a detention and training order",
                "from_date": ago(months=11),
                "to_date": ago(months=3),
            },
            {
                "line_1": "Flat 7, Harbour View",
                "line_2": "Dock Street",
                "town": "Northshire",
                "postcode": "NS7 1HV",
                "living_with": "Lives alone, with staff on site",
                "from_date": ago(months=3),
            },
        ],
        contacts=[
            {
                "name": "Joanne Reid",
                "relationship": "mother",
                "has_parental_responsibility": True,
                "phone": "07700 900133",
                "notes": "Occasional contact; Callum decides when.",
            },
            {
                "name": "Amy Chen",
                "relationship": "professional",
                "relationship_detail": "Personal adviser, Leaving Care Team",
                "is_emergency_contact": True,
                "phone": "07700 900132",
                "email": "amy.chen@example.org",
            },
        ],
        offences=[
            offence(
                ago(years=2, months=1),
                "Theft of a bottle of vodka from a shop",
                "theft",
                "youth_caution",
                12,
            ),
            *dealt_with_together(
                "detention_and_training_order",
                sentenced,
                [
                    (ago(months=11), "Wounding with intent in a fight outside a party", "violence"),
                    (ago(months=11), "Possession of an offensive weapon (a bottle)", "other"),
                ],
                order_ends=ahead(months=3),
                notes="12-month DTO; released on notice of supervision three months ago. "
                "Supervision moves to adult probation at 18.",
            ),
        ],
        life_events=[
            {
                "date": ago(years=6, months=10),
                "event_type": "health_event",
                "description": "Head injury in a road traffic collision; two weeks in hospital.",
            },
            {
                "date": ago(years=5),
                "event_type": "entered_care",
                "description": "Came into care after his dad's death; placed with foster carers.",
            },
            {
                "date": ago(months=3),
                "event_type": "moved_home",
                "description": "Released from custody to a semi-independent flat.",
            },
        ],
        education={
            "setting": "Northshire Works (employability programme)",
            "status": "training",
            "attendance_percent": 80,
            "sen": "ehcp",
            "sen_details": "EHCP since the head injury: memory aids, written summaries.",
        },
        health={
            "gp_name": "Dr N. Burrows",
            "gp_practice": "Dock Street Practice",
            "slcn": "assessed",
            "slcn_details": "Word-finding difficulty since the head injury.",
            "neurodiversity": ["brain_injury"],
            "neurodiversity_details": "Acquired brain injury at 11: memory and impulse control "
            "affected. Give appointments in writing and text a reminder the day before.",
        },
    )


# Southmoor ---------------------------------------------------------------------------------


def _connor_hughes() -> DemoChild:
    born = ago(years=16, months=10)
    sentenced = ago(months=4, days=10)
    return DemoChild(
        local_id="SOU-00001",
        organisation=SOUTHMOOR,
        given_name="Connor",
        family_name="Hughes",
        date_of_birth=born,
        sex="male",
        case_worker="ola.other",
        team="Court and community",
        details={
            "ethnicity": "white_british",
            "religion": "none",
            "first_language": "English",
            "nationality": "British",
            "legal_status": "community_order",
            "pnc_number": pnc(ago(months=5), 30961),
            "nhs_number": nhs_number("619554"),
            "upn": upn(SOUTHMOOR_LA_CODE, 2051, ago(years=12), 63),
        },
        addresses=[
            {
                "line_1": "2 Quarry Terrace",
                "town": "Southmoor",
                "postcode": "SM3 4QT",
                "living_with": "Mum and stepdad",
                "from_date": ago(years=10),
            }
        ],
        contacts=[
            {
                "name": "Julie Hughes",
                "relationship": "mother",
                "has_parental_responsibility": True,
                "lives_with_child": True,
                "is_emergency_contact": True,
                "phone": "07700 900134",
            },
            {
                "name": "Mark Evans",
                "relationship": "step_parent",
                "lives_with_child": True,
                "phone": "07700 900135",
            },
        ],
        offences=dealt_with_together(
            "referral_order",
            sentenced,
            [
                (ago(months=5), "Driving with excess alcohol", "drink_driving"),
                (
                    ago(months=5),
                    "Driving otherwise than in accordance with a licence",
                    "other_motoring",
                ),
                (ago(months=5), "Driving without insurance", "other_motoring"),
            ],
            court=SOUTHMOOR_COURT,
            order_ends=sentenced + dt.timedelta(days=183),
            notes="Six-month referral order; disqualified from driving for 12 months.",
        ),
        life_events=[
            {
                "date": ago(months=8),
                "event_type": "achievement",
                "description": "Got a Saturday job at Moorside Motors.",
            }
        ],
        education={
            "setting": "Southmoor College (motor vehicle Level 1); Saturdays at Moorside Motors",
            "status": "college",
            "attendance_percent": 90,
            "sen": "none",
        },
        health={
            "gp_name": "Dr E. Price",
            "gp_practice": "Quarry Lane Surgery",
            "slcn": "none",
        },
    )


def _rhys_pritchard() -> DemoChild:
    born = ago(years=13, months=4)
    return DemoChild(
        local_id="SOU-00002",
        organisation=SOUTHMOOR,
        given_name="Rhys",
        family_name="Pritchard",
        date_of_birth=born,
        sex="male",
        case_worker="ola.other",
        team="Court and community",
        details={
            "ethnicity": "white_british",
            "religion": "christian",
            "first_language": "Welsh",
            "prefers_welsh": True,
            "nationality": "British",
            "legal_status": "pre_court",
            "pnc_number": pnc(ago(months=1, days=20), 11586),
            "nhs_number": nhs_number("693776"),
            "upn": upn(SOUTHMOOR_LA_CODE, 2104, ago(years=9), 31),
        },
        addresses=[
            {
                "line_1": "Bryn Awel",
                "line_2": "Heol y Capel",
                "town": "Cwmderwen",
                "postcode": "SM7 2HC",
                "living_with": "Mam, Dad and older sister",
                "from_date": ago(years=13),
            }
        ],
        contacts=[
            {
                "name": "Sioned Pritchard",
                "relationship": "mother",
                "has_parental_responsibility": True,
                "lives_with_child": True,
                "is_emergency_contact": True,
                "phone": "07700 900136",
                "email": "sioned.pritchard@example.org",
                "language": "Welsh",
                "notes": "All letters and plans in Welsh, please.",
            },
            {
                "name": "Gethin Pritchard",
                "relationship": "father",
                "has_parental_responsibility": True,
                "lives_with_child": True,
                "phone": "07700 900137",
                "language": "Welsh",
            },
        ],
        offences=[
            offence(
                ago(years=1, months=2),
                "Criminal damage: graffiti on the village hall wall",
                "criminal_damage",
                "community_resolution",
                20,
                notes="Cleaned the wall with the hall committee.",
            ),
            offence(
                ago(months=1, days=20),
                "Threatening words and behaviour towards a neighbour",
                "public_order",
                "youth_conditional_caution",
                25,
                notes="Conditions delivered in Welsh: a restorative meeting and four sessions "
                "with the youth worker.",
            ),
        ],
        life_events=[
            {
                "date": ago(months=6),
                "event_type": "bereavement",
                "description": "His taid (grandfather), who lived next door, died suddenly. "
                "Rhys was very close to him.",
            }
        ],
        education={
            "setting": "Ysgol Gyfun Cwmderwen (Welsh-medium)",
            "status": "full_time",
            "year_group": school_year(born),
            "attendance_percent": 88,
            "sen": "none",
        },
        health={
            "gp_name": "Dr Ffion Jenkins",
            "gp_practice": "Meddygfa Cwmderwen",
            "slcn": "none",
        },
    )


def _bethan_howells() -> DemoChild:
    born = ago(years=15, months=4)
    sentenced = ago(months=4)
    return DemoChild(
        local_id="SOU-00003",
        organisation=SOUTHMOOR,
        given_name="Bethan",
        family_name="Howells",
        date_of_birth=born,
        sex="female",
        case_worker="ola.other",
        team="Court and community",
        details={
            "preferred_name": "Beth",
            "ethnicity": "white_british",
            "religion": "none",
            "first_language": "English",
            "nationality": "British",
            "legal_status": "community_order",
            "pnc_number": pnc(ago(years=1, months=5), 57034),
            "nhs_number": nhs_number("730887"),
            "upn": upn(SOUTHMOOR_LA_CODE, 2051, ago(years=11), 158),
            "has_risk_to_staff": True,
            "risk_to_staff_note": "Threw a chair at a teacher last year. Calms quickly with calm, "
            "direct language and space; no concerns about home visits.",
        },
        addresses=[
            {
                "line_1": "19 Heol Las",
                "town": "Southmoor",
                "postcode": "SM1 3HL",
                "living_with": "Mum, dad and two brothers",
                "from_date": ago(years=9),
                "to_date": ago(years=3),
            },
            {
                "line_1": "Flat 4, Glanrhyd Court",
                "town": "Southmoor",
                "postcode": "SM2 6GC",
                "living_with": "Mum and two brothers",
                "from_date": ago(years=3),
            },
        ],
        contacts=[
            {
                "name": "Rachel Howells",
                "relationship": "mother",
                "has_parental_responsibility": True,
                "lives_with_child": True,
                "is_emergency_contact": True,
                "phone": "07700 900138",
            },
            {
                "name": "Steven Howells",
                "relationship": "father",
                "has_parental_responsibility": True,
                "phone": "07700 900139",
                "notes": "Separated from Beth's mum; sees her every other weekend.",
            },
        ],
        exclusions=[
            {
                "start_date": ago(years=1, months=1),
                "kind": "suspension",
                "days": 3,
                "reason": "Threw a chair in a lesson",
            },
            {
                "start_date": ago(months=7),
                "kind": "suspension",
                "days": 5,
                "reason": "Fight with another pupil",
            },
            {
                "start_date": ago(months=5),
                "kind": "managed_move",
                "reason": "Moved from Southmoor High School to Castell Park School after the "
                "assault",
            },
        ],
        offences=[
            offence(
                ago(years=1, months=5),
                "Theft of a phone case and make-up from a market stall",
                "theft",
                "youth_caution",
                18,
            ),
            *dealt_with_together(
                "youth_rehabilitation_order",
                sentenced,
                [
                    (
                        ago(months=6),
                        "Assault occasioning actual bodily harm on another girl after school",
                        "violence",
                    ),
                    (
                        ago(months=6),
                        "Threatening behaviour towards the girl's friends",
                        "public_order",
                    ),
                ],
                court=SOUTHMOOR_COURT,
                order_ends=ahead(months=8),
                notes="12-month YRO with supervision and an activity requirement.",
            ),
        ],
        life_events=[
            {
                "date": ago(years=3),
                "event_type": "parents_separated",
                "description": "Parents separated; moved with mum and her brothers to a flat.",
            },
            {
                "date": ago(months=5),
                "event_type": "changed_school",
                "description": "Managed move to Castell Park School.",
            },
        ],
        education={
            "setting": "Castell Park School",
            "status": "full_time",
            "year_group": school_year(born),
            "attendance_percent": 74,
            "sen": "sen_support",
            "sen_details": "Individual development plan kept by Castell Park School, for ADHD: "
            "movement breaks, a key adult and short tasks.",
        },
        health={
            "gp_name": "Dr O. Rees",
            "gp_practice": "Glanrhyd Health Centre",
            "medication": "Methylphenidate each morning.",
            "slcn": "none",
            "neurodiversity": ["adhd"],
            "neurodiversity_details": "ADHD diagnosed at 10.",
        },
    )


CHILDREN: list[DemoChild] = [
    _kai_brennan(),
    _amira_haddad(),
    _jordan_pike(),
    _ellie_marsh(),
    _tyler_okafor(),
    _maya_szymanska(),
    _dylan_fairbrother(),
    _sophie_lang(),
    _marcus_bell(),
    _priya_nair(),
    _mason_tate(),
    _dawit_tesfaye(),
    _callum_reid(),
    _connor_hughes(),
    _rhys_pritchard(),
    _bethan_howells(),
]
