"""Reading a child's timeline: the offences and their outcomes, life events and assessment
stages of a child the caller has already reached through `records.queries.child_for`, turned
into the plain data of `timeline.events`. Three queries, however long the history."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any

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
    markers: dict[str, str]  # outcome code ("" for none) → the word marking it unproven


@functools.lru_cache(maxsize=16)
def _labels_in(language: str | None) -> _Labels:
    def words(choices: dict[str, Any]) -> dict[str, str]:
        return {value: str(label) for value, label in choices.items()}

    markers = {code: Offence.marker_of(code) for code in ["", *OUTCOMES]}
    return _Labels(
        words(CATEGORIES),
        words(OUTCOMES),
        words(LIFE_EVENTS),
        words(STATUSES),
        {code: marker for code, marker in markers.items() if marker},
    )


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


# Three narrow queries for the whole history, as rows of one shape, so the overview and the
# timeline page cost the same however long it is. (One UNION ALL of the three, tried first,
# cost more to build and compile than the three plain reads cost together.)
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


def _day(moment: dt.datetime | None) -> dt.date | None:
    return timezone.localdate(moment) if moment is not None else None


def _rows(child: Child) -> list[tuple[Any, ...]]:
    """Offences, life events and stages as rows of COLUMNS."""
    offences = Offence.objects.filter(child_id=child.pk).values_list(
        "offence_date",
        "outcome_date",
        "order_end_date",
        "category",
        "outcome_type",
        "description",
        "id",
    )
    life_events = LifeEvent.objects.filter(child_id=child.pk).values_list(
        "date", "event_type", "description", "id"
    )
    stages = Stage.objects.filter(child_id=child.pk).values_list(
        "started_at", "ended_at", "stage_type", "status", "catalogue_version", "id"
    )
    return [
        *(
            ("offence", day, outcome_day, end_day, category, outcome, words, "", ident)
            for day, outcome_day, end_day, category, outcome, words, ident in offences
        ),
        *(
            ("life_event", day, None, None, kind, "", words, "", ident)
            for day, kind, words, ident in life_events
        ),
        *(
            ("stage", _day(started), _day(ended), None, kind, status, "", version, ident)
            for started, ended, kind, status, version, ident in stages
        ),
    ]


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
        is_proven=Offence.status_of(outcome_type) == Offence.Status.PROVEN,
        marker=labels.markers.get(outcome_type, ""),
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
    """The child's whole timeline, in three queries. The caller has checked access (at least
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
