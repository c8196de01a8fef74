"""Reading a child's timeline: the offences and their outcomes, life events and assessment
stages of a child the caller has already reached through `records.queries.child_for`, turned
into the plain data of `timeline.events`. One query, however long the history."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
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


@dataclass(frozen=True)
class _Labels:
    """The choices' labels in one language, translated once rather than for every row."""

    categories: dict[str, str]
    outcomes: dict[str, str]
    life_events: dict[str, str]
    statuses: dict[str, str]


@functools.lru_cache(maxsize=16)
def _labels_in(language: str | None) -> _Labels:
    def words(choices: dict[str, Any]) -> dict[str, str]:
        return {value: str(label) for value, label in choices.items()}

    return _Labels(words(CATEGORIES), words(OUTCOMES), words(LIFE_EVENTS), words(STATUSES))


def _labels() -> _Labels:
    return _labels_in(translation.get_language())


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
        Offence.objects.filter(child_id=child.pk),
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
        LifeEvent.objects.filter(child_id=child.pk),
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
        Stage.objects.filter(child_id=child.pk),
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


def _offence(row: tuple[Any, ...], labels: _Labels) -> events.RecordedOffence:
    _kind, day, outcome_date, order_end_date, category, outcome_type, description = row[:7]
    return events.RecordedOffence(
        offence_date=day,
        category=category,
        category_label=str(labels.categories.get(category, category)),
        description=description,
        outcome_type=outcome_type,
        outcome_label=str(labels.outcomes.get(outcome_type, outcome_type)),
        outcome_date=outcome_date,
        order_end_date=order_end_date,
        is_sanction=bool(outcome_type) and outcome_type not in Offence.NOT_SANCTIONS,
    )


def _life_event(row: tuple[Any, ...], labels: _Labels) -> events.LifeEventEntry:
    _kind, day, _second, _third, kind, _code, description = row[:7]
    return events.LifeEventEntry(
        on=day, kind=kind, label=str(labels.life_events.get(kind, kind)), description=description
    )


def _stage(row: tuple[Any, ...], labels: _Labels) -> events.StageEntry:
    _kind, started, ended, _third, stage_type, status, _words, version = row[:8]
    return events.StageEntry(
        start=started,
        end=ended,
        label=_stage_label(stage_type, version),
        status=status,
        status_label=str(labels.statuses.get(status, status)),
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
    labels = _labels()
    return events.build(
        offences=[_offence(row, labels) for row in found["offence"]],
        life_events=[_life_event(row, labels) for row in found["life_event"]],
        stages=[_stage(row, labels) for row in found["stage"]],
        current_custody=_current_custody(child),
        today=today or timezone.localdate(),
    )
