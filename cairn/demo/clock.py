"""The demo's clock: write a child's history on the days it happened.

The operations read the time through `django.utils.timezone.now` (directly, or through
`timezone.localdate`). While the demo writes a stage, that function answers the moment the
demo is at, a little later on each call so that rows written one after another keep their
order. Everything an operation derives from the time is then consistent: a stage's start, due
date and end, its answers' revisions, and the date its judgements speak for (the reoffending
score at the stage's date, what each judgement rests on). Audit events of these writes keep
the real time at which the demo was loaded: the log says truthfully when these rows were
written. (The Core Record's facts are different: the record loader writes each with `at=` the
moment the child's story says it was recorded, see records.demo.load, so that a review reads
from the log only what changed since the stage before it.)

Only the demo loader uses this, inside `travel()`; nothing else is affected once it returns.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from unittest import mock

from django.utils import timezone

TICK = dt.timedelta(milliseconds=1)


def moment(day: dt.date, days_ago: int, hour: float = 10) -> dt.datetime:
    """That many days before `day`, at this local time of day (10.5 is half past ten). Read
    the date before travelling: inside `travel()`, today is the clock's."""
    date = day - dt.timedelta(days=days_ago)
    return timezone.make_aware(dt.datetime.combine(date, dt.time())) + dt.timedelta(hours=hour)


class Clock:
    def __init__(self, start: dt.datetime) -> None:
        self._at = start

    def set(self, at: dt.datetime) -> None:
        """Move to `at`, never backwards: history is written in order."""
        self._at = max(at, self._at)

    def now(self) -> dt.datetime:
        self._at += TICK
        return self._at


@contextmanager
def travel(start: dt.datetime) -> Iterator[Clock]:
    """Inside the block, `timezone.now()` is the clock's time. Must start in the past."""
    if start >= timezone.now():
        raise ValueError(f"The demo clock must start in the past, not at {start.isoformat()}")
    clock = Clock(start)
    with mock.patch.object(timezone, "now", clock.now):
        yield clock
