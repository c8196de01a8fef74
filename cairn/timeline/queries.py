"""Reading a child's timeline: the offences and their outcomes, life events and assessment
stages of a child the caller has already reached through `records.queries.child_for`, turned
into the plain data of `timeline.events`. One query, however long the history."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import CharField, DateField, F, QuerySet, Value
from django.db.models.functions import Cast, TruncDate
from django.utils import timezone, translation

from cairn.assessment.models import Stage
from cairn.framework import catalogue as catalogues
from cairn.framework.catalogue import CatalogueError
from cairn.records.models import Child, LifeEvent, Offence
from cairn.timeline import events

CATEGORIES = dict(Offence.Category.choices)
OUTCOMES = dict(Offence.Outcome.choices)
LIFE_EVENTS = dict(LifeEvent.Kind.choices)
STATUSES = dict(Stage.Status.choices)


def _language() -> str:
    return "cy" if (translation.get_language() or "").startswith("cy") else "en"


def _stage_label(stage_type: str, version: str) -> str:
    """The stage type's name in the catalogue the stage was written in (else the current one)."""
    for wanted in (version, None):
        try:
            return catalogues.load(wanted).stage(stage_type).label.get(_language())
        except (CatalogueError, StopIteration, OSError):
            continue
    return stage_type


# One query for the whole history: offences, life events and stages as rows of the same shape
# (UNION ALL), so the overview and the timeline page cost the same however long it is.
COLUMNS = (
    "kind",
    "day",
    "second_day",
    "third_day",
    "code",
    "second_code",
    "words",
    "extra",
    "ident",
)


def _rows(child: Child) -> QuerySet[Any, tuple[Any, ...]]:
    no_date = Value(None, output_field=DateField())
    no_text = Value("", output_field=CharField())

    def shaped(
        queryset: QuerySet[Any], kind: str, **columns: Any
    ) -> QuerySet[Any, tuple[Any, ...]]:
        values = {"kind": Value(kind, output_field=CharField()), "ident": F("id"), **columns}
        rows: QuerySet[Any, tuple[Any, ...]] = queryset.annotate(
            **{f"timeline_{name}": values[name] for name in COLUMNS}
        ).values_list(*(f"timeline_{name}" for name in COLUMNS))
        return rows

    offences = shaped(
        Offence.objects.filter(child=child),
        "offence",
        day=F("offence_date"),
        second_day=F("outcome_date"),
        third_day=F("order_end_date"),
        code=F("category"),
        second_code=F("outcome_type"),
        words=F("description"),
        extra=no_text,
    )
    life_events = shaped(
        LifeEvent.objects.filter(child=child),
        "life_event",
        day=F("date"),
        second_day=no_date,
        third_day=no_date,
        code=F("event_type"),
        second_code=no_text,
        words=Cast("description", CharField()),
        extra=no_text,
    )
    stages = shaped(
        Stage.objects.filter(child=child),
        "stage",
        day=TruncDate("started_at"),
        second_day=TruncDate("ended_at"),
        third_day=no_date,
        code=F("stage_type"),
        second_code=F("status"),
        words=no_text,
        extra=F("catalogue_version"),
    )
    return offences.union(life_events, stages, all=True)


def _offence(row: tuple[Any, ...]) -> events.RecordedOffence:
    _kind, day, outcome_date, order_end_date, category, outcome_type, description = row[:7]
    return events.RecordedOffence(
        offence_date=day,
        category=category,
        category_label=str(CATEGORIES.get(category, category)),
        description=description,
        outcome_type=outcome_type,
        outcome_label=str(OUTCOMES.get(outcome_type, outcome_type)),
        outcome_date=outcome_date,
        order_end_date=order_end_date,
        is_sanction=bool(outcome_type) and outcome_type not in Offence.NOT_SANCTIONS,
    )


def _life_event(row: tuple[Any, ...]) -> events.LifeEventEntry:
    _kind, day, _second, _third, kind, _code, description = row[:7]
    return events.LifeEventEntry(
        on=day, kind=kind, label=str(LIFE_EVENTS.get(kind, kind)), description=description
    )


def _stage(row: tuple[Any, ...]) -> events.StageEntry:
    _kind, started, ended, _third, stage_type, status, _words, version = row[:8]
    return events.StageEntry(
        start=started,
        end=ended,
        label=_stage_label(stage_type, version),
        status=status,
        status_label=str(STATUSES.get(status, status)),
    )


def _current_custody(child: Child) -> events.CurrentCustody | None:
    if child.legal_status in {Child.LegalStatus.REMAND_YDA, Child.LegalStatus.CUSTODY}:
        return events.CurrentCustody(
            status=child.legal_status, establishment=child.custody_establishment
        )
    return None


def timeline_of(child: Child, today: dt.date | None = None) -> events.Timeline:
    """The child's whole timeline, in one query. The caller has checked access (at least
    Access.READ)."""
    found: dict[str, list[tuple[Any, ...]]] = {"offence": [], "life_event": [], "stage": []}
    for row in sorted(_rows(child), key=lambda row: (row[1], row[8])):  # by date, then as entered
        found[row[0]].append(row)
    return events.build(
        offences=[_offence(row) for row in found["offence"]],
        life_events=[_life_event(row) for row in found["life_event"]],
        stages=[_stage(row) for row in found["stage"]],
        current_custody=_current_custody(child),
        today=today or timezone.localdate(),
    )
