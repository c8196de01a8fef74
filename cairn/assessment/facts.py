"""Core Record facts that catalogue questions pull through instead of asking again.

Each fact in the catalogue's facts.yaml maps here to how it is read from the record and which
page of the record changes it. A test checks that every fact the catalogue declares is here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import prefetch_related_objects
from django.utils import formats

from cairn.records import safeguarding, terms
from cairn.records.models import Child, Contact, Offence
from cairn.records.presenters import display


@dataclass(frozen=True)
class Fact:
    read: Callable[[Child], str]
    part: str  # the Core Record page that changes it (records.parts slug or section)
    is_section: bool = False


def _field(name: str) -> Callable[[Child], str]:
    return lambda child: display(child, name)


def _worded(name: str) -> Callable[[Child], str]:
    """A field of the child's row whose words depend on the nation (records.terms)."""
    return lambda child: display(child, name, terms.nation_of(child))


def _education(name: str) -> Callable[[Child], str]:
    return lambda child: display(child.education, name)


def _education_worded(name: str) -> Callable[[Child], str]:
    return lambda child: display(child.education, name, terms.nation_of(child))


def _health(name: str) -> Callable[[Child], str]:
    return lambda child: display(child.health, name)


def _current_address(child: Child) -> str:
    current = [address for address in child.addresses.all() if address.is_current]
    latest = max(current, key=lambda address: address.from_date, default=None)
    return str(latest) if latest else ""


def _parents_and_carers(child: Child) -> str:
    people: list[Contact] = [
        contact for contact in child.contacts.all() if contact.has_parental_responsibility
    ]
    return "; ".join(f"{c.name} ({c.get_relationship_display()})" for c in people)


def _exclusions(child: Child) -> str:
    return "; ".join(
        f"{e.get_kind_display()}, {formats.date_format(e.start_date, 'j M Y')}"
        for e in child.exclusions.all()
    )


def _gp(child: Child) -> str:
    health = child.health
    return ", ".join(part for part in [health.gp_name, health.gp_practice] if part)


def _offences(child: Child) -> str:
    offences: list[Offence] = sorted(
        child.offences.all(), key=lambda o: o.offence_date, reverse=True
    )
    return "; ".join(
        f"{formats.date_format(o.offence_date, 'j M Y')}: {o.description} ({_outcome(o)})"
        for o in offences
    )


def _outcome(offence: Offence) -> str:
    """The outcome as the pull-through shows it, an unproven offence marked as such: "Alleged"
    while it awaits its outcome, "Acquitted", "Outcome 22"… after."""
    if offence.status == Offence.Status.ALLEGED:
        return str(offence.marker)
    if offence.marker:
        return (
            f"{offence.get_outcome_type_display()}; {str(Offence.Status.NOT_PROVEN.label).lower()}"
        )
    return str(offence.get_outcome_type_display())


def _life_events(child: Child) -> str:
    events = sorted(child.life_events.all(), key=lambda e: e.date, reverse=True)
    return "; ".join(
        f"{formats.date_format(e.date, 'M Y')}: {e.get_event_type_display()}" for e in events
    )


FACTS: dict[str, Fact] = {
    "child.date_of_birth": Fact(_field("date_of_birth"), "personal-details"),
    "child.sex": Fact(_field("sex"), "personal-details"),
    "child.gender_identity": Fact(_field("gender_identity"), "personal-details"),
    "child.ethnicity": Fact(_field("ethnicity"), "personal-details"),
    "child.religion": Fact(_field("religion"), "personal-details"),
    "child.first_language": Fact(_field("first_language"), "personal-details"),
    "child.needs_interpreter": Fact(_field("needs_interpreter"), "personal-details"),
    "child.looked_after": Fact(_worded("looked_after"), "care"),
    "child.social_worker_name": Fact(_field("social_worker_name"), "care"),
    "child.legal_status": Fact(_field("legal_status"), "legal-status"),
    "child.has_exploitation_concern": Fact(
        lambda child: (
            display(child, "has_exploitation_concern")
            + (f": {child.exploitation_note}" if child.exploitation_note else "")
        ),
        "alerts",
    ),
    "child.current_address": Fact(_current_address, "personal", is_section=True),
    "child.parents_and_carers": Fact(_parents_and_carers, "family", is_section=True),
    "education.setting": Fact(_education("setting"), "education"),
    "education.status": Fact(_education("status"), "education"),
    "education.attendance_percent": Fact(
        lambda child: (
            f"{child.education.attendance_percent}%"
            if child.education.attendance_percent is not None
            else ""
        ),
        "education",
    ),
    "education.sen": Fact(_education_worded("sen"), "education"),
    "education.exclusions": Fact(_exclusions, "education", is_section=True),
    "health.gp": Fact(_gp, "health"),
    "health.conditions": Fact(_health("conditions"), "health"),
    "health.medication": Fact(_health("medication"), "health"),
    "health.slcn": Fact(_health("slcn"), "health"),
    "health.neurodiversity": Fact(_health("neurodiversity"), "health"),
    "offending.offences": Fact(_offences, "offences", is_section=True),
    "life.events": Fact(_life_events, "life-events", is_section=True),
    "safeguarding.protection": Fact(safeguarding.protection, "safeguarding"),
    "safeguarding.nrm": Fact(safeguarding.nrm, "safeguarding"),
    "safeguarding.mappa": Fact(safeguarding.mappa, "safeguarding"),
}


def read_facts(child: Child, keys: set[str]) -> dict[str, str]:
    return {key: FACTS[key].read(child) for key in keys if key in FACTS}


def prefetched(child_id: int) -> Child:
    """The child with everything the facts read, in a fixed number of queries."""
    return (
        Child.objects.select_related("organisation", "education", "health", "safeguarding")
        .prefetch_related("addresses", "contacts", "exclusions", "offences", "life_events")
        .get(pk=child_id)
    )


# What a fact reads beyond the child's own row, where its key does not say (education.*,
# health.*): a page that pulls a few facts reads only those relations.
_RELATIONS = {
    "child.looked_after": ("organisation",),  # worded in the nation's terms
    "education.sen": ("education", "organisation"),
    "safeguarding.protection": ("safeguarding", "organisation"),
    "child.current_address": ("addresses",),
    "child.parents_and_carers": ("contacts",),
    "education.exclusions": ("exclusions",),
    "offending.offences": ("offences",),
    "life.events": ("life_events",),
}


def relations_read(key: str) -> tuple[str, ...]:
    if key in _RELATIONS:
        return _RELATIONS[key]
    part = key.split(".", 1)[0]
    return (part,) if part in {"education", "health", "safeguarding"} else ()


def with_relations(child: Child, keys: set[str]) -> Child:
    """The child, already read, with just the relations these facts read: one query each."""
    needed = sorted({relation for key in keys for relation in relations_read(key)})
    prefetch_related_objects([child], *needed)
    return child


def snapshot(child: Child, keys: set[str]) -> dict[str, Any]:
    return {key: value for key, value in read_facts(child, keys).items()}
