"""Drawing a child's timeline as accessible SVG: one horizontal time axis by year, a lane for
each kind of entry, and the periods without offending shaded behind them.

- Offences are drawn by category group with a shape *and* a colour, never colour alone.
  From 20 offences in view, offences of one group in the same month (or quarter, or year, as
  the space allows) share one marker with a count, so a prolific child's history stays
  readable.
- Outcomes are marked by kind: custodial (square), a sanction (filled circle), not a sanction
  (open circle). Custody and assessment stages are bars; life events are stars.
- The SVG has role="img", a <title> and a <desc> with a one-sentence summary; the page puts a
  table with every entry beside it. Colours are from the GOV.UK palette, with at least 3:1
  contrast for shapes and 4.5:1 for text, and text is big enough to read printed on A4.

Everything is built as markup with `markupsafe`, so every piece of text from the record is
escaped.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from django.utils import formats, translation
from markupsafe import Markup, escape

from cairn.timeline.events import (
    GROUP_ORDER,
    CustodyPeriod,
    DesistancePeriod,
    OffenceEntry,
    OutcomeEntry,
    StageEntry,
    Timeline,
    add_months,
    group_label,
)
from cairn.ui.jinja import gettext as _  # Django's, remembered per language

GROUPING_THRESHOLD = 20  # offences in view from which markers group by month or quarter

WIDTH = 1000
LEFT = 150  # room for the lane names
RIGHT = 14
TOP = 30  # room for the labels of periods without offending
ROW = 24
LANE_PADDING = 8
RADIUS = 7
FONT = 15
SMALL = 13
MOST_ROWS = 4
CHARACTER = 0.56  # an Arial character's average width, in ems

# GOV.UK Frontend colours (brand palette)
BLACK = "#0b0c0c"
DARK_GREY = "#484949"
MID_GREY = "#858686"
GRID = "#cecece"
WHITE = "#ffffff"
BLUE = "#1d70b8"
BLUE_TINT = "#d2e2f1"
GREEN = "#0f7a52"
GREEN_DARK = "#0b5c3e"
GREEN_TINT = "#cfe4dc"

# Each offence group: its shape and colour.
GROUP_STYLE: dict[str, tuple[str, str]] = {
    "violence": ("triangle", "#ca3535"),  # red
    "sexual": ("triangle_down", "#ca357c"),  # magenta
    "acquisitive": ("circle", BLUE),
    "vehicles": ("square", "#158187"),  # teal
    "drugs": ("diamond", "#54319f"),  # purple
    "other": ("plus", "#99704a"),  # brown
}
OUTCOME_STYLE: dict[str, tuple[str, bool]] = {  # shape, hollow
    "custodial": ("square", False),
    "sanction": ("circle", False),
    "not_sanction": ("circle", True),
}


@functools.lru_cache(maxsize=1024)
def _plural(language: str | None, singular: str, plural: str, number: int) -> str:
    return translation.ngettext(singular, plural, number)


def ngettext(singular: str, plural: str, number: int) -> str:
    """Django's ngettext, remembered per language (like `_`): a drawing asks for the same few
    words many times."""
    return _plural(translation.get_language(), singular, plural, number)


def outcome_kind_label(kind: str) -> str:
    return {
        "custodial": _("Custodial sentence"),
        "sanction": _("Sanction: caution or court outcome"),
        "not_sanction": _(
            "Not a sanction: community resolution, police diversion, or an outcome that proves "
            "nothing (acquitted, withdrawn, dismissed, no further action)"
        ),
    }[kind]


# Markup, escaped


def _number(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.1f}".rstrip("0").rstrip(".")
    return str(value)


_SPECIAL = re.compile("[&<>\"']")  # what escape() changes


def _escaped(text: object) -> str:
    """escape(text) as plain text; most of a drawing's text has nothing to escape."""
    if type(text) is str and _SPECIAL.search(text) is None:
        return text
    return str(escape(text))


def _attribute(value: object) -> str:
    """An attribute's value as escaped text: numbers need no escaping."""
    if isinstance(value, float):
        return f"{value:.1f}".rstrip("0").rstrip(".")
    if type(value) is int:
        return str(value)
    return _escaped(str(value))


def element(tag: str, attributes: dict[str, object] | None = None, *children: str) -> Markup:
    """An XML element; attribute values and text children are escaped, Markup is kept.

    Built with escape() and plain joins rather than Markup.format, which is several times
    slower: a busy timeline draws thousands of elements on the child's overview."""
    names = (
        "".join(
            f' {name}="{_attribute(value)}"'
            for name, value in attributes.items()
            if value is not None
        )
        if attributes
        else ""
    )
    if not children:
        return Markup(f"<{tag}{names}/>")  # noqa: S704 (tag is code's; values escaped above)
    inner = "".join([_escaped(child) for child in children])
    return Markup(f"<{tag}{names}>{inner}</{tag}>")  # noqa: S704 (children escaped above)


def _text(x: float, y: float, words: str, **attributes: object) -> Markup:
    return element(
        "text", {"x": x, "y": y, **{k.replace("_", "-"): v for k, v in attributes.items()}}, words
    )


def _width_of(words: str, size: float = SMALL) -> float:
    return len(words) * size * CHARACTER


def _outlines(r: float) -> dict[str, list[tuple[float, float]]]:
    """The corners of each polygon marker, around its centre."""
    arm = r * 0.38
    outlines: dict[str, list[tuple[float, float]]] = {
        "triangle": [(0, -r), (r, r * 0.8), (-r, r * 0.8)],
        "triangle_down": [(0, r), (r, -r * 0.8), (-r, -r * 0.8)],
        "diamond": [(0, -r), (r, 0), (0, r), (-r, 0)],
        "plus": [
            (-arm, -r),
            (arm, -r),
            (arm, -arm),
            (r, -arm),
            (r, arm),
            (arm, arm),
            (arm, r),
            (-arm, r),
            (-arm, arm),
            (-r, arm),
            (-r, -arm),
            (-arm, -arm),
        ],
    }
    outlines["star"] = [
        (
            (r * 1.15 if index % 2 == 0 else r * 0.5) * math.cos(math.radians(-90 + 36 * index)),
            (r * 1.15 if index % 2 == 0 else r * 0.5) * math.sin(math.radians(-90 + 36 * index)),
        )
        for index in range(10)
    ]
    return outlines


_OUTLINES = _outlines(RADIUS)  # worked out once: the markers are all the same size


def shape(kind: str, cx: float, cy: float, colour: str, *, hollow: bool = False) -> Markup:
    """A marker centred on (cx, cy): circle, square, triangle, triangle_down, diamond,
    plus or star."""
    r = RADIUS
    paint: dict[str, object] = {
        "fill": WHITE if hollow else colour,
        "stroke": colour,
        "stroke-width": 2.5 if hollow else 1,
    }
    if kind == "circle":
        return element("circle", {"cx": cx, "cy": cy, "r": r, **paint})
    if kind == "square":
        side = r * 1.7
        return element(
            "rect",
            {"x": cx - side / 2, "y": cy - side / 2, "width": side, "height": side, **paint},
        )
    points = _OUTLINES[kind]
    return element(
        "polygon",
        {
            "points": " ".join(f"{_number(cx + dx)},{_number(cy + dy)}" for dx, dy in points),
            **paint,
        },
    )


@functools.lru_cache(maxsize=64)
def icon(kind: str, colour: str, *, hollow: bool = False, bar: str = "") -> Markup:
    """A small SVG of a marker (or a bar, in the given fill) for a legend; hidden from
    assistive technology, since the legend's words say it."""
    content = (
        element(
            "rect",
            {"x": 1, "y": 4, "width": 24, "height": 10, "fill": bar, "stroke": colour},
        )
        if bar
        else shape(kind, 13, 9, colour, hollow=hollow)
    )
    return element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "viewBox": "0 0 26 18",
            "width": 26,
            "height": 18,
            "aria-hidden": "true",
            "focusable": "false",
            "class": "cairn-timeline-legend__icon",
        },
        content,
    )


@dataclass(frozen=True)
class LegendItem:
    icon: Markup
    label: str


def legend(timeline: Timeline) -> list[LegendItem]:
    """What each shape, colour and bar means, for the kinds of entry in view."""
    groups = {entry.group for entry in timeline.offences}
    items = [
        LegendItem(icon(*GROUP_STYLE[group]), group_label(group))
        for group in GROUP_ORDER
        if group in groups
    ]
    if any(not entry.is_proven for entry in timeline.offences):
        items.append(
            LegendItem(
                icon("circle", DARK_GREY, hollow=True),
                _(
                    "Hollow: not proven (alleged, acquitted, withdrawn, dismissed, no further "
                    "action or police diversion); it does not end a period without offending"
                ),
            )
        )
    kinds = {outcome.kind for outcome in timeline.outcomes}
    items += [
        LegendItem(
            icon(OUTCOME_STYLE[kind][0], DARK_GREY, hollow=OUTCOME_STYLE[kind][1]),
            outcome_kind_label(kind),
        )
        for kind in OUTCOME_STYLE
        if kind in kinds
    ]
    if timeline.custody:
        items.append(LegendItem(icon("", DARK_GREY, bar=DARK_GREY), _("Custody")))
    if timeline.stages:
        items.append(LegendItem(icon("", BLUE, bar=BLUE_TINT), _("Assessment stage")))
    if timeline.life_events:
        items.append(LegendItem(icon("star", DARK_GREY), _("Life event")))
    if timeline.desistance:
        items.append(
            LegendItem(
                icon("", GREEN, bar=GREEN_TINT),
                _("Six months or more without offending (not counting time in custody)"),
            )
        )
    return items


# Words


def duration(months: int) -> str:
    """A number of months as people say it: 8 months, 1 year and 3 months."""
    years, rest = divmod(months, 12)
    month_words = ngettext("%(count)d month", "%(count)d months", rest) % {"count": rest}
    if not years:
        return month_words
    year_words = ngettext("%(count)d year", "%(count)d years", years) % {"count": years}
    if not rest:
        return year_words
    return _("%(years)s and %(months)s") % {"years": year_words, "months": month_words}


@functools.lru_cache(maxsize=4096)
def _formatted(language: str | None, day: dt.date, form: str) -> str:
    return formats.date_format(day, form)


def date_format(day: dt.date, form: str) -> str:
    """Django's date_format, remembered per language: the drawing and its table write the same
    dates (and month names) several times."""
    return _formatted(translation.get_language(), day, form)


def long_date(day: dt.date) -> str:
    return date_format(day, "j F Y")


def summary(timeline: Timeline) -> str:
    """One sentence: how many offences, when, and the longest period without offending."""
    count = len(timeline.offences)
    if not count:
        none = (
            _("No offences in these years.") if timeline.is_narrowed else _("No offences recorded.")
        )
        return none
    offences = ngettext("%(count)d offence", "%(count)d offences", count) % {"count": count}
    if timeline.is_narrowed and timeline.all_offences > count:
        offences = _("%(offences)s (of %(total)d in all)") % {
            "offences": offences,
            "total": timeline.all_offences,
        }
    unproven = sum(1 for entry in timeline.offences if not entry.is_proven)
    if unproven:
        offences = ngettext(
            "%(offences)s (%(count)d not proven)", "%(offences)s (%(count)d not proven)", unproven
        ) % {"offences": offences, "count": unproven}
    first, last = timeline.offences[0].on.year, timeline.offences[-1].on.year
    when = (
        _("in %(year)d") % {"year": first}
        if first == last
        else _("between %(first)d and %(last)d") % {"first": first, "last": last}
    )
    longest = timeline.longest_desistance()
    if longest is None:
        gap = _("no period of six months or more without offending")
    elif longest.ongoing:
        gap = _("longest period without offending: %(duration)s, continuing today") % {
            "duration": duration(longest.months)
        }
    else:
        gap = _("longest period without offending: %(duration)s") % {
            "duration": duration(longest.months)
        }
    return _("%(offences)s %(when)s; %(gap)s.") % {"offences": offences, "when": when, "gap": gap}


# The axis and grouping


@dataclass(frozen=True)
class Axis:
    """Dates to x positions: `start` at the left edge of the plot, `end` (exclusive) at the
    right."""

    start: dt.date
    end: dt.date
    left: float = LEFT
    right: float = WIDTH - RIGHT

    @property
    def scale(self) -> float:
        """Units per day."""
        return (self.right - self.left) / max((self.end - self.start).days, 1)

    def x(self, day: dt.date) -> float:
        day = min(max(day, self.start), self.end)
        return self.left + (day - self.start).days * self.scale

    def covers(self, day: dt.date) -> bool:
        return self.start <= day < self.end


def axis_for(timeline: Timeline) -> Axis:
    """Whole years, first to last shown; the current year stops a month or two after today."""
    first, last = timeline.shown_years()
    end = dt.date(last + 1, 1, 1)
    if last >= timeline.today.year:
        end = min(end, add_months(timeline.today.replace(day=1), 2))
    return Axis(dt.date(first, 1, 1), end)


def bucket_size(axis: Axis, offences: int) -> str:
    """ "day" (every offence on its own) under 20 offences, else the smallest of month,
    quarter or year that leaves room for a marker and its count."""
    if offences < GROUPING_THRESHOLD:
        return "day"
    for size, days in (("month", 30.44), ("quarter", 91.3)):
        if axis.scale * days >= 2 * RADIUS + 14:
            return size
    return "year"


def bucket(day: dt.date, size: str) -> tuple[dt.date, dt.date]:
    """The bucket holding `day`: its first day and the day after its last."""
    if size == "day":
        return day, day + dt.timedelta(days=1)
    if size == "month":
        start = day.replace(day=1)
        return start, add_months(start, 1)
    if size == "quarter":
        start = dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
        return start, add_months(start, 3)
    return dt.date(day.year, 1, 1), dt.date(day.year + 1, 1, 1)


def bucket_label(start: dt.date, size: str) -> str:
    if size == "day":
        return long_date(start)
    if size == "month":
        return date_format(start, "F Y")
    if size == "quarter":
        end = add_months(start, 2)
        return _("%(first)s to %(last)s %(year)d") % {
            "first": date_format(start, "F"),
            "last": date_format(end, "F"),
            "year": start.year,
        }
    return str(start.year)


@dataclass(frozen=True)
class OffenceGroup:
    """Offences of one category group within one bucket (one day, month, quarter or year)."""

    start: dt.date
    end: dt.date
    size: str
    group: str
    offences: tuple[OffenceEntry, ...]
    is_proven: bool = True  # unproven offences (alleged, acquitted…) are grouped apart, hollow

    @property
    def count(self) -> int:
        return len(self.offences)


def group_offences(offences: Iterable[OffenceEntry], size: str) -> list[OffenceGroup]:
    found: dict[tuple[dt.date, dt.date, str, bool], list[OffenceEntry]] = {}
    for offence in offences:
        start, end = bucket(offence.on, size)
        found.setdefault((start, end, offence.group, offence.is_proven), []).append(offence)
    return [
        OffenceGroup(start, end, size, group, tuple(entries), proven)
        for (start, end, group, proven), entries in sorted(
            found.items(),
            key=lambda item: (item[0][0], GROUP_ORDER.index(item[0][2]), not item[0][3]),
        )
    ]


def offence_words(entry: OffenceEntry) -> str:
    """An offence as the timeline names it, marked when it is not proven."""
    words = f"{entry.description} ({entry.category_label})"
    if entry.marker:
        return f"{words}: {entry.marker}"
    return words


@dataclass(frozen=True)
class OutcomeGroup:
    start: dt.date
    end: dt.date
    size: str
    kind: str
    outcomes: tuple[OutcomeEntry, ...]


def group_outcomes(outcomes: Iterable[OutcomeEntry], size: str) -> list[OutcomeGroup]:
    found: dict[tuple[dt.date, dt.date, str], list[OutcomeEntry]] = {}
    for outcome in outcomes:
        start, end = bucket(outcome.on, size)
        found.setdefault((start, end, outcome.kind), []).append(outcome)
    order = list(OUTCOME_STYLE)
    return [
        OutcomeGroup(start, end, size, kind, tuple(entries))
        for (start, end, kind), entries in sorted(
            found.items(), key=lambda item: (item[0][0], order.index(item[0][2]))
        )
    ]


def _centre(axis: Axis, start: dt.date, end: dt.date) -> float:
    return (axis.x(start) + axis.x(end)) / 2


def rows_for(spans: Sequence[tuple[float, float]], most: int = MOST_ROWS) -> list[int]:
    """A row for each span (in the order given, sorted by left edge) so that spans in a row do
    not overlap; past `most` rows, the row that frees up first takes it."""
    ends: list[float] = []
    rows = []
    for left, right in spans:
        row = next((index for index, end in enumerate(ends) if left >= end), None)
        if row is None and len(ends) < most:
            ends.append(right)
            row = len(ends) - 1
        elif row is None:
            row = min(range(len(ends)), key=ends.__getitem__)
        ends[row] = max(ends[row], right) if ends[row] > left else right
        rows.append(row)
    return rows


# Lanes


@dataclass(frozen=True)
class Lane:
    title: str
    rows: int
    draw: Callable[[float], Markup]  # given the lane's top y, its markup

    @property
    def height(self) -> float:
        return max(self.rows, 1) * ROW + 2 * LANE_PADDING


def _row_y(top: float, row: int) -> float:
    return top + LANE_PADDING + row * ROW + ROW / 2


def _marker_group(
    kind: str, colour: str, x: float, y: float, count: int, title: str, *, hollow: bool = False
) -> Markup:
    parts = [element("title", None, title), shape(kind, x, y, colour, hollow=hollow)]
    if count > 1:
        parts.append(
            _text(
                x + RADIUS + 3, y + 4.5, str(count), font_size=SMALL, font_weight="bold", fill=BLACK
            )
        )
    return element("g", None, *parts)


def _count_width(count: int) -> float:
    return _width_of(str(count)) + 5 if count > 1 else 0


def offence_lane(timeline: Timeline, axis: Axis, size: str) -> Lane:
    groups = group_offences(timeline.offences, size)
    xs = [_centre(axis, group.start, group.end) for group in groups]
    rows = rows_for(
        [
            (x - RADIUS - 2, x + RADIUS + 2 + _count_width(g.count))
            for x, g in zip(xs, groups, strict=True)
        ]
    )

    def draw(top: float) -> Markup:
        markers = []
        for group, x, row in zip(groups, xs, rows, strict=True):
            kind, colour = GROUP_STYLE[group.group]
            title = "{when}: {what}".format(
                when=bucket_label(group.start, size),
                what="; ".join(offence_words(entry) for entry in group.offences),
            )
            markers.append(
                _marker_group(
                    kind,
                    colour,
                    x,
                    _row_y(top, row),
                    group.count,
                    title,
                    hollow=not group.is_proven,
                )
            )
        return Markup("").join(markers)

    return Lane(_("Offences"), max(rows, default=0) + 1, draw)


def outcome_lane(timeline: Timeline, axis: Axis, size: str) -> Lane:
    groups = group_outcomes(timeline.outcomes, size)
    xs = [_centre(axis, group.start, group.end) for group in groups]
    counts = [len(group.outcomes) for group in groups]
    rows = rows_for(
        [
            (x - RADIUS - 2, x + RADIUS + 2 + _count_width(c))
            for x, c in zip(xs, counts, strict=True)
        ]
    )

    def draw(top: float) -> Markup:
        markers = []
        for group, x, row, count in zip(groups, xs, rows, counts, strict=True):
            kind, hollow = OUTCOME_STYLE[group.kind]
            title = "{when}: {what}".format(
                when=bucket_label(group.start, size),
                what="; ".join(outcome_words(outcome) for outcome in group.outcomes),
            )
            markers.append(
                _marker_group(kind, DARK_GREY, x, _row_y(top, row), count, title, hollow=hollow)
            )
        return Markup("").join(markers)

    return Lane(_("Outcomes"), max(rows, default=0) + 1, draw)


def outcome_words(outcome: OutcomeEntry) -> str:
    return ngettext(
        "%(outcome)s for %(count)d offence", "%(outcome)s for %(count)d offences", outcome.offences
    ) % {"outcome": outcome.label, "count": outcome.offences}


def _bar(
    x0: float,
    x1: float,
    y: float,
    *,
    fill: str,
    stroke: str,
    labels: Sequence[str],
    text_colour: str,
    title: str,
    dashed: bool = False,
) -> Markup:
    height = ROW - 8
    parts = [
        element("title", None, title),
        element(
            "rect",
            {
                "x": x0,
                "y": y - height / 2,
                "width": max(x1 - x0, 3),
                "height": height,
                "fill": fill,
                "stroke": stroke,
                "stroke-width": 1.5,
                "stroke-dasharray": "4 3" if dashed else None,
            },
        ),
    ]
    fits = next((words for words in labels if _width_of(words) + 10 <= x1 - x0), None)
    if fits:
        parts.append(_text(x0 + 5, y + 4.5, fits, font_size=SMALL, fill=text_colour))
    return element("g", None, *parts)


def custody_segments(
    period: CustodyPeriod, axis: Axis, today: dt.date
) -> list[tuple[float, float, bool]]:
    """Where a custody bar is drawn, as (left, right, known) segments: solid where the record
    shows custody, dashed and open where it does not say (a start or end not recorded, an
    expected release still to come)."""
    stub, unknown = 20.0, 24.0
    if period.start is None:
        at = axis.x(today)
        return [(at - stub - unknown, at - stub, False), (at - stub, at, True)]
    left = axis.x(period.start)
    if period.end is None:
        if period.current:
            return [(left, axis.x(today), True)]
        return [(left, left + stub, True), (left + stub, left + stub + unknown, False)]
    segments = [(left, axis.x(min(period.end, today)), True)]
    if period.end > today and axis.x(period.end) > axis.x(today):
        segments.append((axis.x(today), axis.x(period.end), False))
    return segments


def custody_words(period: CustodyPeriod) -> str:
    words = period.label
    if period.establishment:
        words = _("%(what)s, at %(where)s") % {"what": words, "where": period.establishment}
    return words


def custody_lane(timeline: Timeline, axis: Axis) -> Lane:
    periods = list(timeline.custody)
    drawn = [custody_segments(period, axis, timeline.today) for period in periods]
    rows = rows_for([(parts[0][0], parts[-1][1]) for parts in drawn], most=2)

    def draw(top: float) -> Markup:
        bars = []
        for period, segments, row in zip(periods, drawn, rows, strict=True):
            words = custody_words(period)
            if period.end and period.end > timeline.today:
                words = _("%(what)s: expected to end on %(date)s") % {
                    "what": words,
                    "date": long_date(period.end),
                }
            short = _("Remand") if period.kind == "remand" else _("Custody")
            for left, right, known in segments:
                bars.append(
                    _bar(
                        left,
                        right,
                        _row_y(top, row),
                        fill=DARK_GREY if known else WHITE,
                        stroke=DARK_GREY,
                        labels=[words, short] if known else [],
                        text_colour=WHITE,
                        title=words,
                        dashed=not known,
                    )
                )
        return Markup("").join(bars)

    return Lane(_("Custody"), max(rows, default=0) + 1, draw)


def stage_lane(timeline: Timeline, axis: Axis) -> Lane:
    stages = list(timeline.stages)
    spans = [
        (axis.x(stage.start), max(axis.x(stage.end or timeline.today), axis.x(stage.start) + 3))
        for stage in stages
    ]
    rows = rows_for(spans, most=3)

    def draw(top: float) -> Markup:
        bars = []
        for stage, (left, right), row in zip(stages, spans, rows, strict=True):
            cancelled = stage.status == "cancelled"
            bars.append(
                _bar(
                    left,
                    right,
                    _row_y(top, row),
                    fill=WHITE if cancelled else BLUE_TINT,
                    stroke=BLUE,
                    labels=[stage.label],
                    text_colour=BLACK,
                    title=stage_words(stage),
                    dashed=cancelled,
                )
            )
        return Markup("").join(bars)

    return Lane(_("Assessments"), max(rows, default=0) + 1, draw)


def stage_words(stage: StageEntry) -> str:
    return _("%(stage)s (%(status)s)") % {"stage": stage.label, "status": stage.status_label}


def place_labelled(
    xs: Sequence[float], widths: Sequence[float], *, right_edge: float, most: int = 3
) -> list[tuple[int, str]]:
    """A row for each marker and where its label goes: "right", "left" (when the right would
    run past the plot) or "" (no room: the marker's title and the table still say it)."""
    ends: list[float] = []
    placed = []
    for x, width in zip(xs, widths, strict=True):
        options = []
        if x + RADIUS + 6 + width <= right_edge:
            options.append(("right", x - RADIUS - 2, x + RADIUS + 6 + width))
        options.append(("left", x - RADIUS - 6 - width, x + RADIUS + 2))
        options.append(("", x - RADIUS - 2, x + RADIUS + 2))
        for side, left, right in options:
            if side == "left" and left < LEFT:
                continue
            row = next((i for i, end in enumerate(ends) if left >= end), None)
            if row is None and len(ends) < most:
                ends.append(right)
                row = len(ends) - 1
            if row is not None:
                ends[row] = right
                placed.append((row, side))
                break
        else:
            row = min(range(len(ends)), key=ends.__getitem__)
            ends[row] = max(ends[row], x + RADIUS + 2)
            placed.append((row, ""))
    return placed


def life_event_lane(timeline: Timeline, axis: Axis) -> Lane:
    events = list(timeline.life_events)
    xs = [axis.x(event.on) for event in events]
    placed = place_labelled(xs, [_width_of(event.label) for event in events], right_edge=axis.right)

    def draw(top: float) -> Markup:
        markers = []
        for event, x, (row, side) in zip(events, xs, placed, strict=True):
            y = _row_y(top, row)
            parts = [
                element(
                    "title", None, f"{long_date(event.on)}: {event.label}. {event.description}"
                ),
                shape("star", x, y, DARK_GREY),
            ]
            if side == "right":
                parts.append(
                    _text(x + RADIUS + 4, y + 4.5, event.label, font_size=SMALL, fill=BLACK)
                )
            elif side == "left":
                parts.append(
                    _text(
                        x - RADIUS - 4,
                        y + 4.5,
                        event.label,
                        font_size=SMALL,
                        fill=BLACK,
                        text_anchor="end",
                    )
                )
            markers.append(element("g", None, *parts))
        return Markup("").join(markers)

    return Lane(_("Life events"), max((row for row, _side in placed), default=0) + 1, draw)


def desistance_words(period: DesistancePeriod, *, short: bool = False) -> str:
    length = duration(period.months)
    if short:
        return length
    if period.ongoing:
        return _("%(duration)s without offending, so far") % {"duration": length}
    return _("%(duration)s without offending") % {"duration": length}


def _desistance(periods: Iterable[DesistancePeriod], axis: Axis, bottom: float) -> Markup:
    shapes = []
    for period in periods:
        left, right = axis.x(period.start), axis.x(period.end)
        if right - left < 1:
            continue
        parts = [
            element("title", None, desistance_words(period)),
            element(
                "rect",
                {
                    "x": left,
                    "y": 4,
                    "width": right - left,
                    "height": bottom - 4,
                    "fill": GREEN_TINT,
                },
            ),
            element(
                "path",
                {
                    "d": f"M{_number(left)} 4V{_number(bottom)}M{_number(right)} 4V{_number(bottom)}",
                    "stroke": GREEN,
                    "stroke-width": 1.5,
                    "stroke-dasharray": "5 3",
                },
            ),
        ]
        words = next(
            (
                text
                for text in (
                    desistance_words(period),
                    desistance_words(period, short=True),
                    ngettext("%(count)d month", "%(count)d months", period.months)
                    % {"count": period.months},
                )
                if _width_of(text) + 8 <= right - left
            ),
            None,
        )
        if words:
            parts.append(
                _text(
                    (left + right) / 2,
                    22,
                    words,
                    font_size=SMALL,
                    font_weight="bold",
                    fill=GREEN_DARK,
                    text_anchor="middle",
                )
            )
        shapes.append(element("g", None, *parts))
    return Markup("").join(shapes)


def shows_months(axis: Axis) -> bool:
    """Whether months are wide enough to be named under the axis (two years or fewer)."""
    return axis.scale * 28 >= _width_of("Sept", SMALL) + 6


def _years(axis: Axis, top: float, bottom: float) -> Markup:
    months = shows_months(axis)
    year_y = bottom + (38 if months else 22)
    parts = []
    for year in range(axis.start.year, axis.end.year + 1):
        start = max(dt.date(year, 1, 1), axis.start)
        end = min(dt.date(year + 1, 1, 1), axis.end)
        if start >= end:
            continue
        left, right = axis.x(start), axis.x(end)
        parts.append(
            element(
                "path",
                {"d": f"M{_number(left)} {_number(top)}V{_number(bottom + 6)}", "stroke": MID_GREY},
            )
        )
        if right - left >= _width_of(str(year), FONT) + 4:
            parts.append(
                _text(
                    (left + right) / 2,
                    year_y,
                    str(year),
                    font_size=FONT,
                    font_weight="bold",
                    fill=BLACK,
                    text_anchor="middle",
                )
            )
        if months:
            parts.append(_months(axis, year, bottom))
        elif right - left >= 120:  # quarter ticks when a year is wide enough to need them
            for month in (4, 7, 10):
                quarter = dt.date(year, month, 1)
                if axis.covers(quarter):
                    x = _number(axis.x(quarter))
                    parts.append(
                        element(
                            "path",
                            {
                                "d": f"M{x} {_number(bottom)}V{_number(bottom + 5)}",
                                "stroke": MID_GREY,
                            },
                        )
                    )
    parts.append(
        element(
            "path",
            {
                "d": f"M{_number(axis.left)} {_number(bottom)}H{_number(axis.right)}",
                "stroke": BLACK,
                "stroke-width": 1.5,
            },
        )
    )
    return Markup("").join(parts)


def _months(axis: Axis, year: int, bottom: float) -> Markup:
    """A tick at the start of each month of the year in view, and the month's short name."""
    parts = []
    for month in range(1, 13):
        start = dt.date(year, month, 1)
        if not axis.covers(start):
            continue
        left, right = axis.x(start), axis.x(add_months(start, 1))
        if month > 1:
            parts.append(
                element(
                    "path",
                    {
                        "d": f"M{_number(left)} {_number(bottom)}V{_number(bottom + 5)}",
                        "stroke": MID_GREY,
                    },
                )
            )
        name = date_format(start, "M")
        if right - left >= _width_of(name, SMALL) + 4:
            parts.append(
                _text(
                    (left + right) / 2,
                    bottom + 18,
                    name,
                    font_size=SMALL,
                    fill=BLACK,
                    text_anchor="middle",
                )
            )
    return Markup("").join(parts)


def _today(axis: Axis, today: dt.date, bottom: float) -> Markup:
    """A dotted line at today, named under the axis."""
    if not axis.covers(today):
        return Markup("")
    x = axis.x(today)
    words = _("Today")
    near_end = x + _width_of(words, SMALL) / 2 > axis.right
    return element(
        "g",
        None,
        element(
            "path",
            {
                "d": f"M{_number(x)} 4V{_number(bottom)}",
                "stroke": BLACK,
                "stroke-width": 1.5,
                "stroke-dasharray": "2 3",
            },
        ),
        _text(
            x,
            bottom + (56 if shows_months(axis) else 40),
            words,
            font_size=SMALL,
            fill=BLACK,
            text_anchor="end" if near_end else "middle",
        ),
    )


def lanes_of(timeline: Timeline, axis: Axis) -> list[Lane]:
    """The lanes to draw: offences always; the others when they have something in view."""
    size = bucket_size(axis, len(timeline.offences))
    lanes = [offence_lane(timeline, axis, size)]
    if timeline.outcomes:
        lanes.append(outcome_lane(timeline, axis, size))
    if timeline.custody:
        lanes.append(custody_lane(timeline, axis))
    if timeline.stages:
        lanes.append(stage_lane(timeline, axis))
    if timeline.life_events:
        lanes.append(life_event_lane(timeline, axis))
    return lanes


def svg(
    timeline: Timeline, *, title: str, id_prefix: str = "timeline", description: str | None = None
) -> Markup:
    """The timeline as one accessible SVG image, 1000 units wide. `description` is the
    timeline's `summary` when the caller has it already."""
    axis = axis_for(timeline)
    lanes = lanes_of(timeline, axis)
    top: float = TOP
    drawn = []
    for index, lane in enumerate(lanes):
        if index:
            drawn.append(
                element(
                    "path",
                    {"d": f"M0 {_number(top)}H{WIDTH - RIGHT}", "stroke": GRID},
                )
            )
        drawn.append(
            _text(
                0,
                top + lane.height / 2 + 5,
                lane.title,
                font_size=FONT,
                font_weight="bold",
                fill=BLACK,
            )
        )
        drawn.append(lane.draw(top))
        top += lane.height
    bottom = top
    height = bottom + (64 if shows_months(axis) else 48)
    return element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "viewBox": f"0 0 {WIDTH} {_number(height)}",
            "width": WIDTH,
            "height": _number(height),
            "role": "img",
            "aria-labelledby": f"{id_prefix}-title {id_prefix}-desc",
            "class": "cairn-timeline__svg",
            "font-family": "arial, sans-serif",
            "font-size": FONT,
        },
        element("title", {"id": f"{id_prefix}-title"}, title),
        element(
            "desc",
            {"id": f"{id_prefix}-desc"},
            summary(timeline) if description is None else description,
        ),
        _desistance(timeline.desistance, axis, bottom),
        _years(axis, TOP - 4, bottom),
        Markup("").join(drawn),
        _today(axis, timeline.today, bottom),
    )
