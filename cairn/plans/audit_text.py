"""How plan events read, in the reader's language (audit.presenters)."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cairn.audit.models import AuditEvent
from cairn.audit.presenters import describe_as


def _carried(event: AuditEvent) -> str:
    targets = int(re.findall(r"\d+", event.summary)[0])
    return ngettext(
        "Carried forward %(count)d target of the plan",
        "Carried forward %(count)d targets of the plan",
        targets,
    ) % {"count": targets}


describe_as("plans.target.added", lambda event: _("Added a target to the plan"))
describe_as("plans.target.changed", lambda event: _("Changed a target of the plan"))
describe_as("plans.action.added", lambda event: _("Added an action to a target of the plan"))
describe_as("plans.action.changed", lambda event: _("Changed an action of the plan"))
describe_as(
    "plans.progress.added", lambda event: _("Added a progress note to a target of the plan")
)
describe_as("plans.carried_forward", _carried)
