"""Helpers that arrange Core Record data and read pages back, for the records tests.

Rows are added through the app's own operations (as the system actor), so arranging a test
exercises the same code path as the pages do.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import Any

from django.http import HttpResponse
from django.utils import timezone

from cairn.accounts.models import Organisation
from cairn.audit.models import AuditEvent
from cairn.audit.operations import Actor
from cairn.records import operations
from cairn.records.models import Address, Child, Contact, Exclusion, Grant, LifeEvent, Offence

PROBLEM = "There is a problem"
STALE = "Your changes have not been saved yet"


def today() -> dt.date:
    return timezone.localdate()


def years_ago(years: int, *, days: int = 0) -> dt.date:
    """The date `years` whole years before today (28 February for a 29 February), less `days`."""
    now = today()
    try:
        then = now.replace(year=now.year - years)
    except ValueError:
        then = now.replace(year=now.year - years, day=28)
    return then - dt.timedelta(days=days)


def date_fields(name: str, value: dt.date | None) -> dict[str, str]:
    """How a GOV.UK date input posts a date: three boxes, `<name>_day`, `_month`, `_year`."""
    if value is None:
        return {f"{name}_day": "", f"{name}_month": "", f"{name}_year": ""}
    return {
        f"{name}_day": str(value.day),
        f"{name}_month": str(value.month),
        f"{name}_year": str(value.year),
    }


def long_date(value: dt.date) -> str:
    """A date as Cairn's pages and messages show it: 14 March 2012."""
    return f"{value.day} {value:%B %Y}"


def text(response: HttpResponse) -> str:
    """The page's HTML with entities decoded, so messages with apostrophes can be matched."""
    return html.unescape(response.content.decode())


def version_in(response: HttpResponse) -> str:
    """The version the page's form carries (the hidden `version` input)."""
    found = re.search(r'<input[^>]*name="version"[^>]*>', response.content.decode())
    assert found, "the form carries no version"
    value = re.search(r'value="(\d+)"', found.group(0))
    assert value, "the version input has no value"
    return value.group(1)


def events(child: Child, event_type: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(child_id=child.pk, event_type=event_type).order_by("id"))


def add(child: Child, model: type[Any], part: str, **data: Any) -> Any:
    return operations.add_to_record(
        by=Actor.system(child.organisation), child=child, model=model, data=data, part=part
    )


def add_offence(child: Child, **extra: Any) -> Offence:
    data = {
        "offence_date": child.tenth_birthday + dt.timedelta(days=400),
        "description": "Theft of a bicycle",
        "category": Offence.Category.THEFT,
        **extra,
    }
    return add(child, Offence, "offences", **data)


def add_life_event(child: Child, **extra: Any) -> LifeEvent:
    data = {
        "date": child.date_of_birth + dt.timedelta(days=3000),
        "event_type": LifeEvent.Kind.MOVED_HOME,
        "description": "Moved to Northtown with mum",
        **extra,
    }
    return add(child, LifeEvent, "life_events", **data)


def add_address(child: Child, **extra: Any) -> Address:
    data = {
        "line_1": "1 High Street",
        "town": "Northtown",
        "postcode": "NT1 1AA",
        "from_date": years_ago(2),
        **extra,
    }
    return add(child, Address, "addresses", **data)


def add_contact(child: Child, **extra: Any) -> Contact:
    data = {
        "name": "Jo Brennan",
        "relationship": Contact.Relationship.MOTHER,
        "has_parental_responsibility": True,
        **extra,
    }
    return add(child, Contact, "contacts", **data)


def add_exclusion(child: Child, **extra: Any) -> Exclusion:
    data = {"start_date": years_ago(1), "kind": Exclusion.Kind.SUSPENSION, "days": 3, **extra}
    return add(child, Exclusion, "exclusions", **data)


def grant(
    child: Child,
    organisation: Organisation,
    scope: str,
    *,
    valid_from: dt.datetime | None = None,
    valid_until: dt.datetime | None = None,
    revoked: bool = False,
) -> Grant:
    made = operations.open_grant(
        by=Actor.system(child.organisation),
        child=child,
        organisation=organisation,
        scope=scope,
        reason="In custody at Oakwood",
        valid_from=valid_from,
        valid_until=valid_until,
    )
    if revoked:
        Grant.objects.filter(pk=made.pk).update(revoked_at=timezone.now())
    return made
