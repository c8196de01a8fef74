"""The Core Record's own rules about its facts, shared by forms and the API.

Each function returns a dict of field name to a message written for the person who typed
the value; an empty dict means the facts are consistent.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from cairn.records import identifiers
from cairn.records.models import Child, Offence

Errors = dict[str, str]

YOUNGEST_AGE = 8
OLDEST_AGE = 25


def _today() -> dt.date:
    return timezone.localdate()


def date_of_birth_errors(date_of_birth: dt.date | None) -> Errors:
    if date_of_birth is None:
        return {}
    today = _today()
    if date_of_birth > today:
        return {"date_of_birth": _("Date of birth must be in the past")}
    age = (
        today.year
        - date_of_birth.year
        - ((today.month, today.day) < (date_of_birth.month, date_of_birth.day))
    )
    if age < YOUNGEST_AGE:
        return {
            "date_of_birth": _(
                "Date of birth must be at least %(years)s years ago: Cairn is for children aged 10 to 17"
            )
            % {"years": YOUNGEST_AGE}
        }
    if age > OLDEST_AGE:
        return {
            "date_of_birth": _("Date of birth must be no more than %(years)s years ago")
            % {"years": OLDEST_AGE}
        }
    return {}


def tenth_birthday(date_of_birth: dt.date) -> dt.date:
    """The day a child born on this date turns 10 (1 March for a 29 February birthday)."""
    try:
        return date_of_birth.replace(year=date_of_birth.year + 10)
    except ValueError:  # born on 29 February
        return dt.date(date_of_birth.year + 10, 3, 1)


def offences_before_tenth_birthday(child: Child, date_of_birth: dt.date) -> list[Offence]:
    """The child's recorded offences (alleged or not) that a child born on this date would have
    committed before their tenth birthday, earliest first."""
    return list(
        Offence.objects.filter(
            child_id=child.pk, offence_date__lt=tenth_birthday(date_of_birth)
        ).order_by("offence_date", "id")
    )


def _long_date(day: dt.date) -> str:
    return formats.date_format(day, "j F Y")


def date_of_birth_change_errors(child: Child, date_of_birth: dt.date | None) -> Errors:
    """A new date of birth for a child already recorded: the usual checks, and no recorded
    offence may fall before the tenth birthday it gives (children under 10 cannot commit a
    criminal offence), naming each offence that would."""
    errors = date_of_birth_errors(date_of_birth)
    if errors or date_of_birth is None:
        return errors
    early = offences_before_tenth_birthday(child, date_of_birth)
    if not early:
        return {}
    named = "; ".join(
        _("%(offence)s (%(date)s)")
        % {"offence": offence.description, "date": _long_date(offence.offence_date)}
        for offence in early
    )
    return {
        "date_of_birth": _(
            "With this date of birth %(name)s would have been under 10 (tenth birthday "
            "%(birthday)s) on the date of these recorded offences: %(offences)s. Check the date "
            "of birth, or correct those offences first"
        )
        % {
            "name": child.known_as,
            "birthday": _long_date(tenth_birthday(date_of_birth)),
            "offences": named,
        }
    }


def normalised_identifiers(data: dict[str, Any]) -> tuple[dict[str, str], Errors]:
    """PNC ID, NHS number and UPN in canonical form, or a message for each malformed one."""
    checks: dict[str, Callable[[str], str]] = {
        "pnc_number": identifiers.normalise_pnc,
        "nhs_number": identifiers.normalise_nhs_number,
        "upn": identifiers.normalise_upn,
    }
    values: dict[str, str] = {}
    errors: Errors = {}
    for name, normalise in checks.items():
        raw = (data.get(name) or "").strip()
        if not raw:
            if name in data:
                values[name] = ""
            continue
        try:
            values[name] = normalise(raw)
        except ValueError as error:
            errors[name] = str(error)
    return values, errors


def offence_errors(child: Child, data: dict[str, Any]) -> Errors:
    errors: Errors = {}
    offence_date: dt.date | None = data.get("offence_date")
    outcome_date: dt.date | None = data.get("outcome_date")
    outcome_type: str = data.get("outcome_type") or ""
    if offence_date:
        if offence_date > _today():
            errors["offence_date"] = _("Offence date must be today or in the past")
        elif offence_date < child.tenth_birthday:
            errors["offence_date"] = _(
                "Offence date must be on or after %(name)s’s tenth birthday (%(date)s): children under 10 cannot commit a criminal offence"
            ) % {"name": child.known_as, "date": _long_date(child.tenth_birthday)}
    if outcome_type and not outcome_date:
        errors["outcome_date"] = _("Enter the date of the outcome")
    if outcome_date and not outcome_type:
        errors["outcome_type"] = _("Select the outcome, or remove the outcome date")
    if outcome_date and offence_date and outcome_date < offence_date:
        errors["outcome_date"] = _("Outcome date must be the same as or after the offence date")
    if outcome_date and outcome_date > _today() + dt.timedelta(days=366):
        errors["outcome_date"] = _("Outcome date must be within the next year")
    if outcome_type in Offence.COURT_OUTCOMES and not (data.get("court") or "").strip():
        errors["court"] = _("Enter the court that decided the outcome")
    return errors


def life_event_errors(child: Child, data: dict[str, Any]) -> Errors:
    event_date: dt.date | None = data.get("date")
    if event_date and event_date > _today():
        return {"date": _("Date must be today or in the past")}
    if event_date and event_date < child.date_of_birth:
        return {
            "date": _("Date must be on or after %(name)s’s date of birth")
            % {"name": child.known_as}
        }
    return {}


def period_errors(
    from_date: dt.date | None, to_date: dt.date | None, *, from_field: str, to_field: str
) -> Errors:
    if from_date and to_date and to_date < from_date:
        return {to_field: _("The end date must be the same as or after the start date")}
    return {}
