"""How judgement events read, in the reader's language (audit.presenters)."""

from __future__ import annotations

import re

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cairn.assessment.pages import language
from cairn.audit.models import AuditEvent
from cairn.audit.presenters import describe_as
from cairn.judgements import proposals
from cairn.judgements.models import Concern, Kind
from cairn.judgements.presenters import rating_label


def _decided(event: AuditEvent) -> str:
    kind = event.detail["kind"]
    text = _("%(judgement)s: %(rating)s") % {
        "judgement": Kind(kind).label,
        "rating": rating_label(kind, event.detail["rating"], language()),
    }
    proposed = event.detail.get("proposed")
    if proposed and proposals.needs_reason(kind, proposed, event.detail["rating"]):
        text = _("%(decision)s (differs from proposal)") % {"decision": text}
    return text


def _reconfirmed(event: AuditEvent) -> str:
    return _("%(judgement)s reconfirmed") % {"judgement": Kind(event.detail["kind"]).label}


def _concern_judgement(event: AuditEvent) -> str:
    """The judgement a concern event is about, read back from its English summary."""
    with translation.override("en"):
        labels = {str(label): value for value, label in Concern.Judgement.choices}
    for english, value in labels.items():
        if event.summary.endswith(english):
            return str(Concern.Judgement(value).label)
    raise LookupError(event.summary)


def _carried(event: AuditEvent) -> str:
    judgements, concerns = (int(n) for n in re.findall(r"\d+", event.summary)[:2])
    return _("Carried forward %(judgements)s and %(concerns)s") % {
        "judgements": ngettext("%(n)d judgement", "%(n)d judgements", judgements)
        % {"n": judgements},
        "concerns": ngettext("%(n)d concern", "%(n)d concerns", concerns) % {"n": concerns},
    }


def _scoring_model(event: AuditEvent) -> str:
    model = {"name": event.detail["name"], "version": event.detail["version"]}
    if event.detail.get("default"):
        return _("Went back to the default scoring model %(name)s %(version)s") % model
    return _("Loaded scoring model %(name)s %(version)s") % model


describe_as("judgements.decided", _decided)
describe_as("judgements.reconfirmed", _reconfirmed)
describe_as(
    "judgements.concern.added",
    lambda event: _("Added a concern to %(judgement)s") % {"judgement": _concern_judgement(event)},
)
describe_as(
    "judgements.concern.changed",
    lambda event: (
        _("Changed a concern in %(judgement)s") % {"judgement": _concern_judgement(event)}
    ),
)
describe_as(
    "judgements.concern.removed",
    lambda event: (
        _("Removed a concern from %(judgement)s") % {"judgement": _concern_judgement(event)}
    ),
)
describe_as("judgements.carried_forward", _carried)
describe_as("judgements.scoring_model.loaded", _scoring_model)
