"""Reading stages, answers and their history, only for those who may see the child.

Access to a stage is access to its child (records.access): the same 404 for anyone who may
not reach the child. Diffs are computed from the append-only revision log, so "what changed
since a point in time" and "what differs between two stages" are single queries.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from cairn.accounts.models import Membership, User
from cairn.assessment.models import Answer, AnswerRevision, SectionMark, SectionVisit, Stage
from cairn.records import queries as record_queries
from cairn.records.access import Access
from cairn.records.models import Child


def stages_of(child: Child) -> QuerySet[Stage]:
    return (
        Stage.objects.filter(child=child)
        .select_related("started_by", "ended_by")
        .order_by("-started_at", "-id")
    )


def stage_for(
    membership: Membership | None, stage_id: int, at_least: Access = Access.READ
) -> tuple[Stage, Access]:
    # The child comes in the same query, with what its header shows (records.queries.child_for).
    # A slice, not first(), which would order by id: with this many columns, working out that
    # order costs more than the query. The previous stage and who ended this one are read when
    # a page asks for them: most pages of a stage never do, and each join costs every page.
    found = list(
        Stage.objects.select_related(
            *(f"child__{related}" for related in record_queries.CHILD_HEADER), "started_by"
        ).filter(pk=stage_id)[:1]
    )
    if not found:
        raise Http404
    return found[0], record_queries.access_or_404(membership, found[0].child, at_least)


@dataclass(frozen=True, slots=True)
class StoredAnswer:
    """An answer as the pages show it: its value and version, who last changed it and when,
    and, for one carried forward, the type of the stage it came from."""

    key: str
    value: Any
    version: int
    updated_at: dt.datetime
    updated_by_id: int | None
    updated_by_name: str
    carried_from_id: int | None
    carried_from_type: str | None
    is_confirmed: bool


def answers_of(stage: Stage) -> dict[str, StoredAnswer]:
    """The stage's answers by key, in one query. Plain rows rather than models: building 35
    Answer objects costs a section page more than reading them."""
    rows = Answer.objects.filter(stage_id=stage.pk).values_list(
        "key",
        "value",
        "version",
        "updated_at",
        "updated_by_id",
        "carried_from_id",
        "carried_from__stage_type",
        "is_confirmed",
        "updated_by__first_name",
        "updated_by__last_name",
        "updated_by__username",
    )
    found: dict[str, StoredAnswer] = {}
    names: dict[int | None, str] = {None: ""}
    for key, value, version, at, by_id, carried_id, carried_type, confirmed, *name in rows:
        if by_id not in names:
            first, last, username = name
            names[by_id] = User(
                first_name=first or "", last_name=last or "", username=username or ""
            ).display_name
        found[key] = StoredAnswer(
            key, value, version, at, by_id, names[by_id], carried_id, carried_type, confirmed
        )
    return found


class AnswerValues(dict[str, Any]):
    """A stage's answers by key, and which of them were carried forward and wait to be
    confirmed (`unconfirmed`), read together so the completion map costs no second query."""

    unconfirmed: frozenset[str] = frozenset()


def values_of(stage: Stage) -> AnswerValues:
    found = AnswerValues()
    waiting = set()
    for key, value, confirmed in stage.answers.values_list("key", "value", "is_confirmed"):
        found[key] = value
        if not confirmed:
            waiting.add(key)
    found.unconfirmed = frozenset(waiting)
    return found


def unconfirmed_of(stored: dict[str, StoredAnswer]) -> frozenset[str]:
    return frozenset(key for key, answer in stored.items() if not answer.is_confirmed)


def marked_sections(stage: Stage) -> set[str]:
    return set(SectionMark.objects.filter(stage=stage).values_list("section", flat=True))


def seen_keys(stage: Stage, user: Any) -> dict[str, set[str]]:
    return {
        section: set(keys)
        for section, keys in SectionVisit.objects.filter(stage=stage, user=user).values_list(
            "section", "seen_keys"
        )
    }


@dataclass(frozen=True)
class Change:
    key: str
    old: Any
    new: Any
    by: str
    at: dt.datetime


def changes_since(stage: Stage, since: dt.datetime) -> list[Change]:
    """One entry per question changed after `since`: its value then and now, and the last change's author.

    Confirming an answer and carrying it forward from the last stage change nothing: a review's
    changes since the last stage was completed are its corrections, not every carried answer."""
    revisions = list(
        AnswerRevision.objects.filter(stage=stage, at__gt=since)
        .exclude(note__in=["confirmed", "carried forward"])
        .order_by("key", "version")
    )
    first: dict[str, AnswerRevision] = {}
    last: dict[str, AnswerRevision] = {}
    for revision in revisions:
        first.setdefault(revision.key, revision)
        last[revision.key] = revision
    changes = [
        Change(key, first[key].old_value, last[key].new_value, last[key].by_name, last[key].at)
        for key in first
        if first[key].old_value != last[key].new_value
    ]
    return sorted(changes, key=lambda change: change.at, reverse=True)


def values_at(stage: Stage, at: dt.datetime) -> dict[str, Any]:
    """The stage's answers as they stood at a point in time."""
    result: dict[str, Any] = {}
    for key, value in (
        AnswerRevision.objects.filter(stage=stage, at__lte=at)
        .order_by("key", "version")
        .values_list("key", "new_value")
    ):
        result[key] = value
    return result


def value_at_version(stage: Stage, key: str, version: int) -> Any:
    """An answer's value as saved at `version` (None at 0, before it was first answered)."""
    if version <= 0:
        return None
    return (
        AnswerRevision.objects.filter(stage=stage, key=key, version=version)
        .values_list("new_value", flat=True)
        .first()
    )


def compare(old: dict[str, Any], new: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    keys = sorted(set(old) | set(new))
    return [(key, old.get(key), new.get(key)) for key in keys if old.get(key) != new.get(key)]


def history_of(stage: Stage, key: str) -> QuerySet[AnswerRevision]:
    return AnswerRevision.objects.filter(stage=stage, key=key).order_by("-version")


def last_completed_at(stage: Stage) -> dt.datetime | None:
    return stage.ended_at if stage.status == Stage.Status.COMPLETED else None
