"""How events of the child's plan read, in the reader's language (audit.presenters)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from cairn.audit.models import AuditEvent
from cairn.audit.presenters import describe_as
from cairn.childplan.models import ChildResponse


def _saved(event: AuditEvent) -> str:
    version = event.detail["version"]
    if event.detail.get("was_agreed"):
        return _("Child’s plan saved (version %(version)s): a draft again after agreement") % {
            "version": version
        }
    return _("Child’s plan saved (version %(version)s)") % {"version": version}


def _response(event: AuditEvent) -> str:
    return _("Child’s response to their plan (version %(version)s): %(response)s") % {
        "version": event.detail["version"],
        "response": ChildResponse.Response(event.detail["response"]).label,
    }


describe_as("childplan.saved", _saved)
describe_as("childplan.response_recorded", _response)
describe_as("childplan.carried_forward", lambda event: _("Child’s plan carried forward as a draft"))
