"""Shaping a timeline for the pages: the year to zoom to, the links for each year, the table
that says everything the drawing shows, and the compact panel on the child's overview."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from cairn.records.access import Access
from cairn.records.models import Child
from cairn.timeline import drawing, queries
from cairn.timeline.events import Timeline
from cairn.ui.jinja import gettext as _  # Django's, remembered per language

PANEL_YEARS = 3  # the overview shows the last three years of a longer history


def chosen_years(query: Mapping[str, str], timeline: Timeline) -> tuple[int, int] | None:
    """The years asked for with ?from=YYYY&to=YYYY (either alone means that one year), kept
    within the child's years; None for all years, or when the request makes no sense."""
    if not timeline.years:
        return None
    asked = []
    for name in ("from", "to"):
        value = query.get(name, "").strip()
        if value:
            if not (value.isdigit() and len(value) == 4):
                return None
            asked.append(int(value))
    if not asked:
        return None
    first, last = min(asked), max(asked)
    lowest, highest = timeline.years[0], timeline.years[-1]
    first, last = max(first, lowest), min(last, highest)
    if first > last:
        return None
    return first, last


@dataclass(frozen=True)
class YearLink:
    text: str
    href: str
    current: bool


def year_links(timeline: Timeline, chosen: tuple[int, int] | None, base: str) -> list[YearLink]:
    links = [YearLink(_("All years"), base, chosen is None)]
    links += [
        YearLink(str(year), f"{base}?from={year}&to={year}", chosen == (year, year))
        for year in timeline.years
    ]
    return links


@dataclass(frozen=True)
class Row:
    on: dt.date
    when: str
    lane: str
    what: str


def _span(start: dt.date | None, end: dt.date | None, *, open_end: str) -> str:
    first = drawing.long_date(start) if start else _("start not recorded")
    last = drawing.long_date(end) if end else open_end
    return _("%(start)s to %(end)s") % {"start": first, "end": last}


def _outcome_row(timeline: Timeline, index: int) -> Row:
    outcome = timeline.outcomes[index]
    what = drawing.outcome_words(outcome)
    if outcome.kind != "sanction":
        what = f"{what} ({drawing.outcome_kind_label(outcome.kind).lower()})"
    if outcome.order_end_date:
        what = _("%(what)s; the order ends on %(date)s") % {
            "what": what,
            "date": drawing.long_date(outcome.order_end_date),
        }
    return Row(outcome.on, drawing.long_date(outcome.on), _("Outcome"), what)


def table_rows(timeline: Timeline) -> list[Row]:
    """Every entry of the timeline in date order, as words: the drawing's table alternative."""
    today = timeline.today
    rows = [
        Row(
            entry.on,
            drawing.long_date(entry.on),
            _("Offence"),
            drawing.offence_words(entry),
        )
        for entry in timeline.offences
    ]
    rows += [_outcome_row(timeline, index) for index in range(len(timeline.outcomes))]
    for period in timeline.custody:
        end = period.end
        if end and period.estimated_end:
            open_end = ""
            ends = _("about %(date)s") % {"date": drawing.long_date(end)}
        else:
            open_end = _("now") if period.current else _("end not recorded")
            ends = drawing.long_date(end) if end else open_end
        first = drawing.long_date(period.start) if period.start else _("start not recorded")
        rows.append(
            Row(
                period.start or today,
                _("%(start)s to %(end)s") % {"start": first, "end": ends},
                _("Custody"),
                drawing.custody_words(period),
            )
        )
    rows += [
        Row(
            stage.start,
            _span(stage.start, stage.end, open_end=_("now")),
            _("Assessment"),
            drawing.stage_words(stage),
        )
        for stage in timeline.stages
    ]
    rows += [
        Row(
            event.on,
            drawing.long_date(event.on),
            _("Life event"),
            f"{event.label}: {event.description}",
        )
        for event in timeline.life_events
    ]
    rows += [
        Row(
            period.start,
            _span(period.start, None if period.ongoing else period.end, open_end=_("now")),
            _("No offending"),
            drawing.desistance_words(period),
        )
        for period in timeline.desistance
    ]
    return sorted(rows, key=lambda row: row.on)


def timeline_view(timeline: Timeline, *, title: str, id_prefix: str) -> dict[str, Any]:
    """What the timeline macro shows: the drawing, its legend, summary and table."""
    summary = drawing.summary(timeline)
    return {
        "svg": drawing.svg(timeline, title=title, id_prefix=id_prefix, description=summary),
        "summary": summary,
        "legend": drawing.legend(timeline),
        "rows": table_rows(timeline),
        "id": id_prefix,
        "is_empty": timeline.is_empty,
    }


def overview_panel(child: Child, access: Access) -> dict[str, Any] | None:
    """The compact timeline on the child's overview, for those who may read the record."""
    if access < Access.READ:
        return None
    timeline = queries.timeline_of(child)
    shown = timeline
    if len(timeline.years) > PANEL_YEARS:
        last = timeline.today.year
        shown = timeline.within(last - PANEL_YEARS + 1, last)
    first, last = shown.shown_years()
    return {
        "view": timeline_view(
            shown,
            title=_("Timeline for %(name)s, %(first)d to %(last)d")
            % {"name": child.full_name, "first": first, "last": last},
            id_prefix="overview-timeline",
        ),
        "is_part": shown is not timeline,
        "first_year": first,
        "url": reverse("timeline:child-timeline", args=[child.pk]),
    }
