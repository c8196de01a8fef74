"""Shaping Core Record data for templates: summary-list rows, alerts and key facts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from cairn.accounts.models import Membership
from cairn.audit.models import AuditEvent
from cairn.audit.presenters import describe
from cairn.records import terms
from cairn.records.access import (
    Access,
    may_manage_restriction,
    may_read_access_log,
    may_see,
    restriction_of,
)
from cairn.records.models import Child, Health
from cairn.records.parts import SECTIONS
from cairn.ui.jinja import display as choice_label

# Fields holding a list of codes, and the choices that name them.
LIST_CHOICES: dict[tuple[type[models.Model], str], type[models.TextChoices]] = {
    (Health, "neurodiversity"): Health.Neurodiversity,
}


def display(obj: models.Model, name: str, nation: str = terms.Nation.ENGLAND) -> str:
    """A field's value as people read it, in the terms of the child's nation (records.terms)."""
    model_field = obj._meta.get_field(name)
    value = getattr(obj, name)
    if getattr(model_field, "choices", None) and not isinstance(value, list):
        if not value:
            return ""
        return terms.choice(nation, obj, name, value) or choice_label(obj, name)
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, dt.date):
        return formats.date_format(value, "j F Y")
    if isinstance(value, list):
        choices = (
            dict(LIST_CHOICES[(type(obj), name)].choices)
            if (type(obj), name) in LIST_CHOICES
            else {}
        )
        return ", ".join(str(choices.get(item, item)) for item in value)
    if value is None:
        return ""
    return str(value.display_name if hasattr(value, "display_name") else value)


def rows(
    obj: models.Model, names: tuple[str, ...] | list[str], nation: str = terms.Nation.ENGLAND
) -> list[dict[str, Any]]:
    result = []
    for name in names:
        text = display(obj, name, nation)
        label = terms.field_label(nation, obj, name) or str(
            getattr(obj._meta.get_field(name), "verbose_name", name)
        )
        result.append(
            {
                "key": {"text": label[:1].upper() + label[1:]},
                "value": {"text": text}
                if text
                else {
                    "html": f'<span class="govuk-hint govuk-!-margin-0">{_("Not recorded")}</span>'
                },
            }
        )
    return result


@dataclass(frozen=True)
class Alert:
    text: str
    detail: str = ""
    colour: str = "red"


def alerts(child: Child, access: Access = Access.EDIT) -> list[Alert]:
    """The child's alerts a reader at this level may see (records.access.may_see): a summary
    reader sees no looked-after alert, as it sees no looked-after status, and an alert's detail
    only where its field is in the summary's scope."""

    def detail(name: str) -> str:
        return str(getattr(child, name)) if may_see(access, name) else ""

    found = []
    if child.has_exploitation_concern and may_see(access, "has_exploitation_concern"):
        found.append(Alert(_("Exploitation concern"), detail("exploitation_note")))
    if child.has_risk_to_staff and may_see(access, "has_risk_to_staff"):
        found.append(Alert(_("Risk to staff"), detail("risk_to_staff_note")))
    if child.needs_interpreter and may_see(access, "needs_interpreter"):
        found.append(Alert(_("Interpreter needed"), detail("interpreter_language"), "blue"))
    if may_see(access, "looked_after") and child.looked_after in {
        Child.LookedAfter.SECTION_20,
        Child.LookedAfter.CARE_ORDER,
        Child.LookedAfter.REMAND,
    }:
        worded = terms.choice_of(child, child, "looked_after")
        found.append(
            Alert(_("Looked after"), worded or choice_label(child, "looked_after"), "purple")
        )
    if child.legal_status in {Child.LegalStatus.REMAND_YDA, Child.LegalStatus.CUSTODY} and may_see(
        access, "legal_status"
    ):
        found.append(Alert(_("In custody"), detail("custody_establishment"), "orange"))
    return found


@dataclass(frozen=True)
class HistoryItem:
    at: dt.datetime
    who: str
    organisation: str
    summary: str
    changes: list[tuple[str, str, str]] = field(default_factory=list)


def _changed_field(
    model: type[models.Model] | None,
    name: str,
    old: Any,
    new: Any,
    nation: str = terms.Nation.ENGLAND,
) -> tuple[str, str, str]:
    """A changed field in words: its label and the old and new values as people read them, in
    the terms of the child's nation (records.terms)."""
    label, choices = name.replace("_", " "), {}
    if model is not None:
        try:
            model_field = model._meta.get_field(name)
        except FieldDoesNotExist:
            pass
        else:
            label = terms.field_label(nation, model, name) or str(
                getattr(model_field, "verbose_name", label)
            )
            choices = {
                str(key): terms.choice(nation, model, name, key) or str(value)
                for key, value in getattr(model_field, "flatchoices", None) or []
            }

    def words(value: Any) -> str:
        if value in (None, "", []):
            return "–"
        if isinstance(value, bool):
            return _("Yes") if value else _("No")
        if isinstance(value, list):
            return ", ".join(choices.get(str(item), str(item)) for item in value)
        if str(value) not in choices and isinstance(value, str):
            day = _iso_date(value)
            if day is not None:
                return formats.date_format(day, "j F Y")  # in the reader's language
        return choices.get(str(value), str(value))

    return label[:1].upper() + label[1:], words(old), words(new)


def _iso_date(text: str) -> dt.date | None:
    """A date the log keeps as ISO text ("2011-03-14"), or None for any other text."""
    if len(text) != 10 or text[4] != "-" or text[7] != "-":
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _change_lines(
    model: type[models.Model] | None, changes: Any, nation: str
) -> list[tuple[str, str, str]]:
    """The changed fields an event keeps, in words, whatever shape its type stores them in.

    The Core Record's own events (and most others) keep `{"field": [old, new]}`; some keep a
    value that is not a pair, and some a list of what changed without values (a judgement's
    `judgements.reconfirmed` keeps the answers it was reconfirmed after): a list or anything
    else gives no lines, as the event's summary already says what happened."""
    if not isinstance(changes, dict):
        return []
    lines = []
    for name, value in changes.items():
        if isinstance(value, list | tuple) and len(value) == 2:
            old, new = value
        else:
            old, new = None, value
        lines.append(_changed_field(model, str(name), old, new, nation))
    return lines


def _item_key(event: AuditEvent) -> tuple[str, str, str] | None:
    """What identifies the one item a change event is about, to group its changes (None when
    the event is not a change to one item)."""
    if not event.event_type.endswith(".changed") or not event.object_id:
        return None
    if not isinstance(event.detail.get("changes"), dict):
        return None
    return (event.event_type, event.object_type, str(event.object_id))


def _grouped(events: list[AuditEvent]) -> list[tuple[AuditEvent, dict[str, Any]]]:
    """Each event with the changes to show for it, newest first as given: one item's several
    changes in the list make one entry (at the newest), each field from its earliest old value
    to its newest new value."""
    found: list[tuple[AuditEvent, dict[str, Any]]] = []
    by_item: dict[tuple[str, str, str], dict[str, Any]] = {}
    for event in events:
        key = _item_key(event)
        changes = event.detail.get("changes") if isinstance(event.detail, dict) else None
        if key is None:
            found.append((event, changes if isinstance(changes, dict) else {}))
            continue
        assert isinstance(changes, dict)
        if key in by_item:
            merged = by_item[key]
            for name, value in changes.items():  # an older event: its old values come first
                if name in merged and isinstance(value, list | tuple) and len(value) == 2:
                    newest = merged[name]
                    if isinstance(newest, list | tuple) and len(newest) == 2:
                        merged[name] = [value[0], newest[1]]
                elif name not in merged:
                    merged[name] = value
            continue
        by_item[key] = dict(changes)
        found.append((event, by_item[key]))
    return found


def history(events: list[AuditEvent], nation: str = terms.Nation.ENGLAND) -> list[HistoryItem]:
    """Events in words for the overview's recent changes and a review's Core Record changes:
    one entry per item changed (naming it: audit_text), each with its changed fields."""
    items = []
    for event, changes in _grouped(events):
        model = _RECORD_MODELS.get(event.object_type)
        items.append(
            HistoryItem(
                event.at,
                event.actor_username,
                event.organisation_name,
                describe(event),  # in the reader's language (audit.presenters)
                [
                    (name, old, new)
                    for name, old, new in _change_lines(model, changes, nation)
                    if old != new
                ],
            )
        )
    return items


_RECORD_MODELS: dict[str, type[models.Model]] = {
    model.__name__: model for model in apps.get_app_config("records").get_models()
}


def age(child: Child) -> int:
    return child.age_on(timezone.localdate())


@dataclass(frozen=True)
class Tab:
    """A tab of the child's record. Apps above records add theirs to CHILD_TABS when they load."""

    slug: str
    title: Any
    url_name: str
    needs: Access = Access.READ


CHILD_TABS: list[Tab] = []


@dataclass(frozen=True)
class Panel:
    """A full-width panel on the child's overview, from an app above records.

    `build(child, access)` returns the panel's template context, or None to leave it out;
    `template` renders that context. Apps add theirs to OVERVIEW_PANELS when they load."""

    slug: str
    template: str
    build: Callable[[Child, Access], dict[str, Any] | None]


OVERVIEW_PANELS: list[Panel] = []


def overview_panels(child: Child, access: Access) -> list[tuple[str, dict[str, Any]]]:
    """The panels to show on this child's overview, each as (template, context)."""
    found = []
    for panel in OVERVIEW_PANELS:
        context = panel.build(child, access)
        if context is not None:
            found.append((panel.template, context))
    return found


def child_header(
    membership: Membership | None, child: Child, access: Access, tab: str
) -> dict[str, Any]:
    """What every page of a child's record shows above its content: name, alerts, tabs."""
    return {
        "child": child,
        "access": access,
        "can_edit": access >= Access.EDIT,
        "can_read": access >= Access.READ,
        "can_read_log": may_read_access_log(membership, child),
        "alerts": alerts(child, access),
        "restriction": restriction_of(child),
        "can_manage_restriction": may_manage_restriction(membership, child),
        "age": age(child),
        "sections": SECTIONS,
        "extra_tabs": [extra for extra in CHILD_TABS if access >= extra.needs],
        "tab": tab,
    }
