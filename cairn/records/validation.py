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
from cairn.records.models import Child, Offence, Safeguarding

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


def safeguarding_errors(child: Child | None, data: dict[str, Any]) -> Errors:
    """Each fact dated, each decision after what it decides on, and nothing before the child
    was born: a reasonable grounds decision follows a referral, a conclusive grounds decision
    follows a positive reasonable grounds decision, a MAPPA level belongs to a category."""
    errors = {**_protection_errors(data), **_nrm_errors(data), **_mappa_errors(data)}
    if child is not None:
        for field in SAFEGUARDING_DATES:
            value: dt.date | None = data.get(field)
            if field not in errors and value and value < child.date_of_birth:
                errors[field] = _("Date must be on or after %(name)s’s date of birth") % {
                    "name": child.known_as
                }
    return errors


SAFEGUARDING_DATES = (
    "protection_from",
    "nrm_referred_on",
    "nrm_reasonable_grounds_on",
    "nrm_conclusive_grounds_on",
    "mappa_from",
)


def _protection_errors(data: dict[str, Any]) -> Errors:
    has_plan = data.get("protection") in Safeguarding.PLANS
    if has_plan and not data.get("protection_from"):
        return {"protection_from": _("Enter the date the plan started")}
    if data.get("protection_from") and not has_plan:
        return {"protection_from": _("Leave the date blank when there is no plan")}
    return {}


def _decision_errors(
    decision: str, on: dt.date | None, after: dt.date | None, *, field: str, words: dict[str, str]
) -> Errors:
    """A decision's date: given once it is made, not before, and not before what it follows."""
    if decision in Safeguarding.DECIDED and not on:
        return {field: words["missing"]}
    if on and decision not in Safeguarding.DECIDED:
        return {field: words["undecided"]}
    if on and after and on < after:
        return {field: words["order"]}
    return {}


def _nrm_errors(data: dict[str, Any]) -> Errors:
    errors: Errors = {}
    referred: dt.date | None = data.get("nrm_referred_on")
    reasonable = data.get("nrm_reasonable_grounds") or ""
    reasonable_on: dt.date | None = data.get("nrm_reasonable_grounds_on")
    conclusive = data.get("nrm_conclusive_grounds") or ""
    conclusive_on: dt.date | None = data.get("nrm_conclusive_grounds_on")
    if (reasonable or reasonable_on) and not referred:
        errors["nrm_referred_on"] = _("Enter the date of the referral to the NRM")
    if referred and not reasonable:
        errors["nrm_reasonable_grounds"] = _("Select the reasonable grounds decision, or ‘Awaited’")
    errors.update(
        _decision_errors(
            reasonable,
            reasonable_on,
            referred,
            field="nrm_reasonable_grounds_on",
            words={
                "missing": _("Enter the date of the reasonable grounds decision"),
                "undecided": _(
                    "Leave the date blank until the reasonable grounds decision is made"
                ),
                "order": _("The reasonable grounds decision must be on or after the referral"),
            },
        )
    )
    if (conclusive or conclusive_on) and reasonable != Safeguarding.NrmDecision.POSITIVE:
        errors["nrm_conclusive_grounds"] = _(
            "A conclusive grounds decision follows a positive reasonable grounds decision"
        )
    errors.update(
        _decision_errors(
            conclusive,
            conclusive_on,
            reasonable_on,
            field="nrm_conclusive_grounds_on",
            words={
                "missing": _("Enter the date of the conclusive grounds decision"),
                "undecided": _(
                    "Leave the date blank until the conclusive grounds decision is made"
                ),
                "order": _(
                    "The conclusive grounds decision must be on or after the reasonable grounds "
                    "decision"
                ),
            },
        )
    )
    return errors


def _mappa_errors(data: dict[str, Any]) -> Errors:
    errors: Errors = {}
    category, level = data.get("mappa_category") or "", data.get("mappa_level") or ""
    if level and not category:
        errors["mappa_category"] = _("Select the MAPPA category the level belongs to")
    if category and not level:
        errors["mappa_level"] = _("Select the MAPPA level")
    if category and not data.get("mappa_from"):
        errors["mappa_from"] = _("Enter the date the child was managed under MAPPA from")
    if data.get("mappa_from") and not category:
        errors["mappa_from"] = _("Leave the date blank when the child is not managed under MAPPA")
    return errors
