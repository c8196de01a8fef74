"""The parts of the Core Record, as data: which form edits each, and which page shows it.

Views, URLs and the authorisation matrix all read this table, so adding a part of the
record is one entry here plus its form.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from cairn.records import forms
from cairn.records.models import Address, Child, Contact, Exclusion, LifeEvent, Offence, Versioned


@dataclass(frozen=True)
class Section:
    slug: str
    title: Promise


@dataclass(frozen=True)
class Part:
    slug: str
    title: Promise
    section: str
    form: type[forms.VersionedForm]
    fields: tuple[str, ...]
    get: Callable[[Child], Any] | None = None  # single parts: the row to edit
    model: type[Versioned] | None = None  # list parts: the model of each item
    item_title: Promise | None = None
    add_label: Promise | None = None

    @property
    def is_list(self) -> bool:
        return self.model is not None

    @property
    def event_name(self) -> str:
        return self.slug.replace("-", "_")


SECTIONS = [
    Section("personal", _("Personal details")),
    Section("family", _("Family and contacts")),
    Section("education", _("Education")),
    Section("health", _("Health")),
    Section("status", _("Care and legal status")),
    Section("offences", _("Offences and outcomes")),
    Section("life-events", _("Life events")),
]
SECTION_BY_SLUG = {section.slug: section for section in SECTIONS}


def _fields(form: type[forms.VersionedForm]) -> tuple[str, ...]:
    return tuple(form._meta.fields or ())


def _child(child: Child) -> Child:
    return child


PARTS = [
    Part(
        "personal-details",
        _("Personal details"),
        "personal",
        forms.PersonalDetailsForm,
        _fields(forms.PersonalDetailsForm),
        get=_child,
    ),
    Part(
        "identifiers",
        _("Identifiers"),
        "personal",
        forms.IdentifiersForm,
        _fields(forms.IdentifiersForm),
        get=_child,
    ),
    Part(
        "allocation",
        _("Team and case worker"),
        "personal",
        forms.AllocationForm,
        _fields(forms.AllocationForm),
        get=_child,
    ),
    Part(
        "addresses",
        _("Addresses"),
        "personal",
        forms.AddressForm,
        _fields(forms.AddressForm),
        model=Address,
        item_title=_("address"),
        add_label=_("Add an address"),
    ),
    Part(
        "contacts",
        _("Parents, carers and contacts"),
        "family",
        forms.ContactForm,
        _fields(forms.ContactForm),
        model=Contact,
        item_title=_("contact"),
        add_label=_("Add a contact"),
    ),
    Part(
        "education",
        _("Education, training and employment"),
        "education",
        forms.EducationForm,
        _fields(forms.EducationForm),
        get=lambda child: child.education,
    ),
    Part(
        "exclusions",
        _("Exclusions"),
        "education",
        forms.ExclusionForm,
        _fields(forms.ExclusionForm),
        model=Exclusion,
        item_title=_("exclusion"),
        add_label=_("Add an exclusion"),
    ),
    Part(
        "health",
        _("Health"),
        "health",
        forms.HealthForm,
        _fields(forms.HealthForm),
        get=lambda child: child.health,
    ),
    Part("alerts", _("Alerts"), "status", forms.AlertsForm, _fields(forms.AlertsForm), get=_child),
    Part(
        "care",
        _("Looked-after status and social worker"),
        "status",
        forms.CareForm,
        _fields(forms.CareForm),
        get=_child,
    ),
    Part(
        "legal-status",
        _("Legal status"),
        "status",
        forms.LegalStatusForm,
        _fields(forms.LegalStatusForm),
        get=_child,
    ),
    Part(
        "safeguarding",
        _("Child protection, NRM and MAPPA"),
        "status",
        forms.SafeguardingForm,
        _fields(forms.SafeguardingForm),
        get=lambda child: child.safeguarding,
    ),
    Part(
        "offences",
        _("Offences and outcomes"),
        "offences",
        forms.OffenceForm,
        _fields(forms.OffenceForm),
        model=Offence,
        item_title=_("offence"),
        add_label=_("Add an offence"),
    ),
    Part(
        "life-events",
        _("Significant life events"),
        "life-events",
        forms.LifeEventForm,
        _fields(forms.LifeEventForm),
        model=LifeEvent,
        item_title=_("life event"),
        add_label=_("Add a life event"),
    ),
]
PART_BY_SLUG = {part.slug: part for part in PARTS}


def parts_in(section: str) -> list[Part]:
    return [part for part in PARTS if part.section == section]
