"""How assessment events read, in the reader's language (audit.presenters)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from cairn.assessment.pages import language
from cairn.audit.models import AuditEvent
from cairn.audit.presenters import describe_as
from cairn.framework import catalogue as catalogues


def _stage_label(stage_type: str) -> str:
    return catalogues.load().stage(stage_type).label.get(language())


def _question(event: AuditEvent) -> str:
    return catalogues.load().questions[event.detail["key"]].label.get(language())


def _section(key: str) -> str:
    return catalogues.load().section(key).title.get(language())


def _completed(event: AuditEvent) -> str | None:
    # The stage type is in the summary only: "Completed <type with spaces> stage".
    prefix, suffix = "Completed ", " stage"
    if not (event.summary.startswith(prefix) and event.summary.endswith(suffix)):
        return None
    stage_type = event.summary[len(prefix) : -len(suffix)].replace(" ", "_")
    return _("Completed the %(stage)s stage") % {"stage": _stage_label(stage_type)}


describe_as(
    "assessment.stage.started",
    lambda event: (
        _("Started the %(stage)s stage") % {"stage": _stage_label(event.detail["stage_type"])}
    ),
)
describe_as("assessment.stage.completed", _completed)
describe_as(
    "assessment.stage.stopped",
    lambda event: _("Stopped: %(reason)s") % {"reason": event.detail["reason"]},
)
describe_as(
    "assessment.stage.cancelled",
    lambda event: _("Cancelled: %(reason)s") % {"reason": event.detail["reason"]},
)
describe_as(
    "assessment.stage.reopened",
    lambda event: _("Reopened: %(reason)s") % {"reason": event.detail["reason"]},
)
describe_as("assessment.stage.deepened", lambda event: _("Deepened to a full assessment"))
describe_as(
    "assessment.answer.recorded",
    lambda event: _("Answered ‘%(question)s’") % {"question": _question(event)},
)
describe_as(
    "assessment.answer.confirmed",
    lambda event: (
        _("Confirmed the carried-forward answer to ‘%(question)s’") % {"question": _question(event)}
    ),
)
describe_as(
    "assessment.section.marked_complete",
    lambda event: _("Marked %(section)s complete") % {"section": _section(event.detail["section"])},
)
describe_as("assessment.timescales.changed", lambda event: _("Changed assessment timescales"))
