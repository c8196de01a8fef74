"""How countersigning events read, in the reader's language (audit.presenters)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from cairn.assessment.pages import language
from cairn.audit.models import AuditEvent
from cairn.audit.presenters import describe_as
from cairn.framework import catalogue as catalogues
from cairn.quality.models import Sections


def _what(key: str) -> str:
    """A comment's place: a question's label, or a section's title."""
    found = catalogues.load()
    if key in found.questions:
        return found.questions[key].label.get(language())
    return found.section(key).title.get(language())


def _requested(event: AuditEvent) -> str:
    return _("Requested sign-off (%(sections)s)") % {
        "sections": Sections(event.detail["sections"]).label
    }


def _reopened(event: AuditEvent) -> str:
    return _("Sign-off lifted: the stage was reopened (%(reason)s)") % {
        "reason": event.detail["reason"]
    }


describe_as("quality.policy.changed", lambda event: _("Changed the countersigning policy"))
describe_as("quality.signoff.requested", _requested)
describe_as("quality.signoff.signed_off", lambda event: _("Signed off"))
describe_as("quality.signoff.changes_required", lambda event: _("Asked for changes"))


def _withdrawn(event: AuditEvent) -> str:
    reason = (event.detail or {}).get("reason")
    if reason:  # withdrawn by the practitioner, with a reason
        return _("Sign-off request withdrawn (%(reason)s)") % {"reason": reason}
    return _("Sign-off request withdrawn: the stage changed")


describe_as("quality.signoff.withdrawn", _withdrawn)
describe_as("quality.signoff.reopened", _reopened)
describe_as(
    "quality.comment.added",
    lambda event: _("Commented on %(what)s") % {"what": _what(event.detail["key"])},
)
describe_as("quality.comment.resolved", lambda event: _("Resolved a comment"))
describe_as("quality.comment.reopened", lambda event: _("Reopened a comment"))
