"""What changed since the child's last stage: what a review needs to look at, and only that.

A review starts as a copy of the last stage: its answers wait to be confirmed or corrected,
its judgements are flagged only where what they rest on has changed. This module says what
changed in the Core Record since then (from the audit log: every change to the record is
there, with who and when), and which carried answers still wait, section by section.
"""

from __future__ import annotations

import datetime as dt

from cairn.assessment import completion, queries
from cairn.assessment.models import Stage
from cairn.audit.models import AuditEvent
from cairn.audit.queries import events_for_child
from cairn.framework.catalogue import Catalogue
from cairn.framework.schema import Question

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


def carried_waiting(
    found: completion.StageProgress,
) -> list[tuple[completion.SectionProgress, tuple[Question, ...]]]:
    """The carried-forward answers still waiting to be confirmed that the stage shows now, by
    section, in catalogue order (each section's `unconfirmed`, from completion.progress). Only
    questions its section pages show count: an answer carried from a section this stage does
    not ask (or to a question not asked at its depth, or a hidden follow-up) is kept but is not
    work; it comes back into view if the stage is deepened, the follow-up shows again, or a
    later stage asks that section."""
    return [(section, section.unconfirmed) for section in found.sections if section.unconfirmed]


def waiting(
    stage: Stage,
    catalogue: Catalogue,
    stored: dict[str, queries.StoredAnswer] | None = None,
) -> list[tuple[completion.SectionProgress, tuple[Question, ...]]]:
    """Carried-forward answers of the stage's own sections still waiting to be confirmed or
    changed, by section (carried_waiting): what "wait for you to confirm" counts, what
    completing the stage waits for and what the review page lists."""
    if stored is None:
        stored = queries.answers_of(stage)
    unconfirmed = {key for key, answer in stored.items() if not answer.is_confirmed}
    if not unconfirmed:
        return []
    values = {key: answer.value for key, answer in stored.items()}
    found = completion.progress(
        catalogue, stage.stage_type, stage.depth, values, unconfirmed=unconfirmed
    )
    return carried_waiting(found)


def waiting_count(stage: Stage, catalogue: Catalogue) -> int:
    return sum(len(keys) for _section, keys in waiting(stage, catalogue))


def unconfirmed_by_section(
    stage: Stage,
    catalogue: Catalogue,
    language: str,
    stored: dict[str, queries.StoredAnswer] | None = None,
) -> list[tuple[str, str, int]]:
    """Carried-forward answers still waiting to be confirmed: (section key, title, count), only
    for the sections this stage asks."""
    return [
        (progress.section.key, progress.section.title.get(language), len(keys))
        for progress, keys in waiting(stage, catalogue, stored)
    ]
