"""How the Core Record's audit events read, in the reader's language (audit.presenters)."""

from __future__ import annotations

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.utils import formats, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from cairn.audit.models import AuditEvent
from cairn.audit.presenters import describe_as
from cairn.records.models import Grant, Offence
from cairn.records.parts import PARTS, SECTION_BY_SLUG

PART_BY_EVENT_NAME = {part.event_name: part for part in PARTS}

# The pages whose views are logged (`record_viewed(page=...)`), by the name the log keeps.
PAGES = {
    "overview": gettext_lazy("the overview"),
    "assessments": gettext_lazy("the assessments"),
    "timeline": gettext_lazy("the timeline"),
    "summary": gettext_lazy("the one-page summary"),
    "summary PDF": gettext_lazy("the one-page summary as a PDF"),
    "access log": gettext_lazy("the access log"),
    "plan": gettext_lazy("the intervention plan"),
    "add target": gettext_lazy("the form to add a target"),
    "change target": gettext_lazy("the form to change a target"),
    "add action": gettext_lazy("the form to add an action"),
    "change action": gettext_lazy("the form to change an action"),
    "add progress": gettext_lazy("the form to add a progress note"),
    "risk and safety plan": gettext_lazy("the risk and safety plan"),
    "risk and safety plan PDF": gettext_lazy("the risk and safety plan as a PDF"),
    "child's plan": gettext_lazy("the child’s plan"),
    "change child's plan": gettext_lazy("the form to change the child’s plan"),
    "record child's response to their plan": gettext_lazy("the form for the child’s response"),
    "child's plan print view": gettext_lazy("the child’s plan to print"),
    "child's plan PDF": gettext_lazy("the child’s plan as a PDF"),
    "change concern": gettext_lazy("the form to change a concern"),
    "stage sign-off": gettext_lazy("the stage’s sign-off"),
    "sign-off request": gettext_lazy("a sign-off request"),
    "start an assessment": gettext_lazy("the form to start an assessment"),
    "assessment stage": gettext_lazy("an assessment stage"),
    "assessment carried answers": gettext_lazy("the carried-forward answers to confirm"),
    "assessment what is left": gettext_lazy("what is left in an assessment stage"),
    "assessment changes": gettext_lazy("what changed in an assessment stage"),
    "stop assessment stage": gettext_lazy("the form to stop an assessment stage"),
    "cancel assessment stage": gettext_lazy("the form to cancel an assessment stage"),
    "reopen assessment stage": gettext_lazy("the form to reopen an assessment stage"),
    "review": gettext_lazy("the carried-forward answers to confirm"),
}
# Pages named with what they show after a word: "<prefix> <key>".
PAGE_PREFIXES = {
    "assessment section": gettext_lazy("a section of an assessment"),
    "answer history": gettext_lazy("the history of an answer"),
    "judgement": gettext_lazy("a judgement"),
    "add concern": gettext_lazy("the form to add a concern"),
    "add": gettext_lazy("the form to add to %(part)s"),
    "change": gettext_lazy("the form to change %(part)s"),
    "remove": gettext_lazy("the form to remove from %(part)s"),
    "api": gettext_lazy("the record through the API"),
}


def _in_sentence(title: str) -> str:
    """A title inside a sentence: lower case first, but an initialism such as "NRM" keeps its
    capitals."""
    return title if title[1:2].isupper() else title[:1].lower() + title[1:]


def page_name(page: str) -> str | None:
    """The page a view event names, in the reader's language (None when unknown)."""
    if page in PAGES:
        return str(PAGES[page])
    if page in SECTION_BY_SLUG:
        return _in_sentence(str(SECTION_BY_SLUG[page].title))
    for prefix, text in PAGE_PREFIXES.items():
        if page.startswith(prefix + " "):
            rest = page[len(prefix) + 1 :]
            part = next((p for p in PARTS if p.slug == rest), None)
            if "%(part)s" in str(text):
                return str(text) % {"part": part.title} if part else None
            return str(text)
    return None


def _part(event: AuditEvent) -> str:
    """The part's name, inside a sentence (an initialism such as "NRM" keeps its capitals)."""
    return _in_sentence(str(PART_BY_EVENT_NAME[event.event_type.split(".")[1]].title))


def _created(event: AuditEvent) -> str | None:
    prefix = "Created the record of "
    if not event.summary.startswith(prefix):
        return None
    return _("Created the record of %(name)s") % {"name": event.summary[len(prefix) :]}


def _item(event: AuditEvent, key: str = "values") -> str:
    """The item an event is about in words, rebuilt from the values the event keeps under `key`
    ("values" when added; "item" when changed or removed), its dates and choices in the
    reader's language; "" when they no longer make one. An offence is named with its date, as
    a child often has several of the same kind."""
    model = PART_BY_EVENT_NAME[event.event_type.split(".")[1]].model
    if model is None:
        return ""
    try:
        data = {}
        for name, value in (event.detail.get(key) or {}).items():
            found = model._meta.get_field(name)
            data[found.attname] = found.to_python(value)  # type: ignore[union-attr]
        if not data:
            return ""
        item = model(**data)
        if isinstance(item, Offence) and item.offence_date:
            return _("%(description)s (%(date)s)") % {
                "description": item.description,
                "date": formats.date_format(item.offence_date, "j F Y"),
            }
        return str(item)
    except (FieldDoesNotExist, ValidationError, TypeError, ValueError):
        return ""


def _added(event: AuditEvent) -> str:
    item = _item(event)
    if item:
        return _("Added to %(part)s: %(item)s") % {"part": _part(event), "item": item}
    return _("Added to %(part)s") % {"part": _part(event)}


def _changed(event: AuditEvent) -> str:
    item = _item(event, "item")
    if item:
        return _("Changed %(part)s: %(item)s") % {"part": _part(event), "item": item}
    return _("Changed %(part)s") % {"part": _part(event)}


def _removed(event: AuditEvent) -> str:
    item = _item(event, "item")
    if item:
        return _("Removed from %(part)s: %(item)s") % {"part": _part(event), "item": item}
    return _("Removed from %(part)s") % {"part": _part(event)}


def _viewed(event: AuditEvent) -> str | None:
    name = page_name(event.detail["page"])
    return _("Viewed %(page)s") % {"page": name} if name else None


def _refused(event: AuditEvent) -> str | None:
    name = page_name(event.detail["page"])
    return _("Refused, as the record is restricted: %(page)s") % {"page": name} if name else None


def _listed(event: AuditEvent) -> str:
    shown = int(event.detail["shown"])
    return ngettext("Listed %(count)d child", "Listed %(count)d children", shown) % {"count": shown}


def _shared(event: AuditEvent) -> str | None:
    # The organisation's name is the summary's; the scope is read back from its English label.
    prefix = "Shared with "
    if not event.summary.startswith(prefix) or ": " not in event.summary:
        return None
    organisation, scope_label = event.summary[len(prefix) :].rsplit(": ", 1)
    with translation.override("en"):
        scopes = {str(label): value for value, label in Grant.Scope.choices}
    if scope_label not in scopes:
        return None
    return _("Shared with %(organisation)s: %(scope)s") % {
        "organisation": organisation,
        "scope": Grant.Scope(scopes[scope_label]).label,
    }


def _restricted(event: AuditEvent) -> str | None:
    prefix = "Restricted the record to "
    if not event.summary.startswith(prefix):
        return None
    return _("Restricted the record to %(names)s") % {"names": event.summary[len(prefix) :]}


describe_as("records.child.created", _created)
describe_as("records.child.viewed", _viewed)
describe_as("records.child.refused", _refused)
describe_as("records.children.listed", _listed)
describe_as("records.grant.opened", _shared)
describe_as("records.child.restricted", _restricted)
describe_as(
    "records.child.restriction_changed",
    lambda event: _("Changed who may open the restricted record"),
)
describe_as("records.child.unrestricted", lambda event: _("Lifted the restriction on the record"))
describe_as("records.*.changed", _changed)
describe_as("records.*.added", _added)
describe_as("records.*.removed", _removed)
