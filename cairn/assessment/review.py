"""What changed since the child's last stage: what a review needs to look at, and only that.

A review starts as a copy of the last stage: its answers wait to be confirmed or corrected,
its judgements are flagged only where what they rest on has changed. This module says what
changed in the Core Record since then (from the audit log: every change to the record is
there, with who and when), and which carried answers still wait, section by section.
"""

from __future__ import annotations

import datetime as dt

from cairn.assessment.models import Answer, Stage
from cairn.audit.models import AuditEvent
from cairn.audit.queries import events_for_child
from cairn.framework.catalogue import Catalogue

RECORD_CHANGES = "records."
NOT_CHANGES = ("records.child.viewed",)
MOST_SHOWN = 30


def since(stage: Stage) -> dt.datetime:
    """The point a new stage compares with: when the earlier stage ended, or else started."""
    earlier = stage.previous
    if earlier is None:
        return stage.started_at
    return earlier.ended_at or earlier.started_at


def record_changes(stage: Stage) -> list[AuditEvent]:
    """Changes to the child's Core Record between the earlier stage and now, newest first."""
    if stage.previous is None:
        return []
    return list(
        events_for_child(stage.child_id)
        .filter(event_type__startswith=RECORD_CHANGES, at__gt=since(stage))
        .exclude(event_type__in=NOT_CHANGES)[:MOST_SHOWN]
    )


def unconfirmed_by_section(
    stage: Stage, catalogue: Catalogue, language: str
) -> list[tuple[str, str, int]]:
    """Carried-forward answers still waiting to be confirmed: (section key, title, count)."""
    keys = list(
        Answer.objects.filter(stage=stage, is_confirmed=False).values_list("key", flat=True)
    )
    counts: dict[str, int] = {}
    for key in keys:
        question = catalogue.questions.get(key)
        if question is not None:
            counts[question.section_key] = counts.get(question.section_key, 0) + 1
    return [
        (section.key, section.title.get(language), counts[section.key])
        for section in catalogue.sections
        if section.key in counts
    ]
