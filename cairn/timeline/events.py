"""The child's timeline as plain data: offences, outcomes, life events, custody, assessment
stages and the periods without offending, each with its dates, on one time axis.

Everything here is built from plain values (no database), so the rules can be read and
tested on their own:

- An **outcome** is one sanction occasion: the offences given the same outcome on the same
  date (as OGRS3 counts them), with how many offences it dealt with.
- **Custody** is drawn only as far as the record shows it. A detention and training order
  (DTO) is half custody and half supervision in the community, and release is usually at the
  halfway point: the custodial part is drawn from the outcome date to the middle of the order
  and labelled as an estimate. Another custodial sentence is drawn from the outcome date to the
  recorded end of the order (release may come earlier). A custodial outcome without an end date
  is drawn as its start only. A current remand to youth detention accommodation, or a custodial
  sentence that no recorded outcome covers, is drawn as "now", its start not recorded.
- A **period of desistance** is a stretch of six calendar months or more without offending:
  see `desistance_periods`. Only a proven offence is offending here: a charge awaiting its
  outcome (alleged), one acquitted, withdrawn, dismissed or not taken further, and a police
  diversion (outcome 21 or 22) are drawn, marked, but end no such period
  (`records.models.Offence.Status`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from cairn.records.models import Offence
from cairn.ui.jinja import gettext as _  # Django's, remembered per language

DESISTANCE_MONTHS = 6

CUSTODIAL_OUTCOMES = frozenset(
    {Offence.Outcome.DETENTION_AND_TRAINING_ORDER, Offence.Outcome.OTHER_CUSTODIAL}
)

# Offence categories in six groups, each drawn with its own shape and colour.
CATEGORY_GROUPS: dict[str, tuple[str, ...]] = {
    "violence": ("violence", "robbery", "public_order"),
    "sexual": ("sexual_not_child", "sexual_child", "soliciting"),
    "acquisitive": ("burglary_domestic", "burglary_other", "theft", "handling", "fraud"),
    "vehicles": ("taking_vehicle", "theft_from_vehicle", "other_motoring", "drink_driving"),
    "drugs": ("drug_production", "drug_possession_supply"),
    "other": ("criminal_damage", "absconding_bail", "other"),
}
GROUP_OF_CATEGORY = {
    category: group for group, categories in CATEGORY_GROUPS.items() for category in categories
}
GROUP_ORDER = tuple(CATEGORY_GROUPS)


def group_label(group: str) -> str:
    return {
        "violence": _("Violence, robbery and public order"),
        "sexual": _("Sexual offences"),
        "acquisitive": _("Burglary, theft, handling and fraud"),
        "vehicles": _("Vehicles and motoring"),
        "drugs": _("Drugs"),
        "other": _("Criminal damage, bail and other offences"),
    }[group]


# Calendar months


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months later (the month's last day when it is shorter)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def whole_months(start: dt.date, end: dt.date) -> int:
    """Whole calendar months from `start` to `end`: 15 January to 15 July is 6, to 14 July 5."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if months > 0 and add_months(start, months) > end:
        months -= 1
    return max(months, 0)


# What the timeline is made of


@dataclass(frozen=True)
class RecordedOffence:
    """An offence as the Core Record holds it, with the outcome it was given (if any)."""

    offence_date: dt.date
    category: str
    category_label: str
    description: str
    outcome_type: str = ""
    outcome_label: str = ""
    outcome_date: dt.date | None = None
    order_end_date: dt.date | None = None
    is_sanction: bool = False
    is_proven: bool = True
    marker: str = ""  # "Alleged", "Acquitted"…: the word that marks an unproven offence


@dataclass(frozen=True)
class OffenceEntry:
    on: dt.date
    category: str
    category_label: str
    description: str
    is_proven: bool = True
    marker: str = ""

    @property
    def group(self) -> str:
        return GROUP_OF_CATEGORY.get(self.category, "other")


@dataclass(frozen=True)
class OutcomeEntry:
    """One sanction occasion: an outcome given on one date for one or more offences."""

    on: dt.date
    outcome_type: str
    label: str
    is_sanction: bool
    offences: int
    order_end_date: dt.date | None = None

    @property
    def is_custodial(self) -> bool:
        return self.outcome_type in CUSTODIAL_OUTCOMES

    @property
    def kind(self) -> str:
        if self.is_custodial:
            return "custodial"
        return "sanction" if self.is_sanction else "not_sanction"


@dataclass(frozen=True)
class LifeEventEntry:
    on: dt.date
    kind: str
    label: str
    description: str


@dataclass(frozen=True)
class StageEntry:
    """An assessment stage, from the day it started to the day it ended (or today)."""

    start: dt.date
    end: dt.date | None
    label: str
    status: str
    status_label: str

    @property
    def is_open(self) -> bool:
        return self.end is None


@dataclass(frozen=True)
class CustodyPeriod:
    """Time in custody as far as the record shows it.

    `start` is None when the record does not say when it began (a current remand); `end` is
    None when the record does not say when it ends. `end` may be in the future (an expected
    release). `current` says the child is in custody now."""

    start: dt.date | None
    end: dt.date | None
    kind: str  # "dto", "sentence", "remand", "custody"
    label: str
    establishment: str = ""
    current: bool = False
    estimated_end: bool = False


@dataclass(frozen=True)
class DesistancePeriod:
    """Six calendar months or more without offending, in the community (not in custody)."""

    start: dt.date
    end: dt.date
    ongoing: bool

    @property
    def months(self) -> int:
        return whole_months(self.start, self.end)


@dataclass(frozen=True)
class CurrentCustody:
    """The child's legal status when it places them in custody now."""

    status: str  # "remand_yda" or "custody"
    establishment: str = ""


@dataclass(frozen=True)
class Timeline:
    today: dt.date
    offences: tuple[OffenceEntry, ...] = ()
    outcomes: tuple[OutcomeEntry, ...] = ()
    life_events: tuple[LifeEventEntry, ...] = ()
    custody: tuple[CustodyPeriod, ...] = ()
    stages: tuple[StageEntry, ...] = ()
    desistance: tuple[DesistancePeriod, ...] = ()
    first_year: int = 0  # the years shown; 0 when the timeline is not narrowed
    last_year: int = 0
    all_offences: int = 0  # offences in the whole record, whatever the years shown
    years: tuple[int, ...] = field(default=(), compare=False)

    @property
    def is_empty(self) -> bool:
        return not (
            self.offences or self.outcomes or self.life_events or self.custody or self.stages
        )

    @property
    def is_narrowed(self) -> bool:
        return bool(self.first_year)

    def shown_years(self) -> tuple[int, int]:
        if self.is_narrowed:
            return self.first_year, self.last_year
        if self.years:
            return self.years[0], self.years[-1]
        return self.today.year, self.today.year

    def within(self, first_year: int, last_year: int) -> Timeline:
        """Only what happened (or lasted into) these years, first to last, inclusive."""
        first_year, last_year = sorted((first_year, last_year))
        since, until = dt.date(first_year, 1, 1), dt.date(last_year, 12, 31)

        def on(day: dt.date) -> bool:
            return since <= day <= until

        def spans(start: dt.date | None, end: dt.date | None) -> bool:
            return (start or self.today) <= until and (end or self.today) >= since

        return replace(
            self,
            offences=tuple(entry for entry in self.offences if on(entry.on)),
            outcomes=tuple(entry for entry in self.outcomes if on(entry.on)),
            life_events=tuple(entry for entry in self.life_events if on(entry.on)),
            custody=tuple(
                period
                for period in self.custody
                if spans(period.start or period.end, period.end or period.start)
            ),
            stages=tuple(stage for stage in self.stages if spans(stage.start, stage.end)),
            desistance=tuple(
                period for period in self.desistance if spans(period.start, period.end)
            ),
            first_year=first_year,
            last_year=last_year,
        )

    def longest_desistance(self) -> DesistancePeriod | None:
        return max(self.desistance, key=lambda period: period.months, default=None)


# Building it


def outcomes_of(offences: Iterable[RecordedOffence]) -> list[OutcomeEntry]:
    """Sanction occasions: offences given the same outcome on the same date count once."""
    occasions: dict[tuple[dt.date, str], list[RecordedOffence]] = {}
    for offence in offences:
        if offence.outcome_type and offence.outcome_date is not None:
            occasions.setdefault((offence.outcome_date, offence.outcome_type), []).append(offence)
    found = []
    for (on, outcome_type), dealt_with in sorted(occasions.items()):
        ends = [offence.order_end_date for offence in dealt_with if offence.order_end_date]
        found.append(
            OutcomeEntry(
                on=on,
                outcome_type=outcome_type,
                label=dealt_with[0].outcome_label,
                is_sanction=any(offence.is_sanction for offence in dealt_with),
                offences=len(dealt_with),
                order_end_date=max(ends) if ends else None,
            )
        )
    return found


def custody_of(
    outcomes: Sequence[OutcomeEntry], current: CurrentCustody | None, today: dt.date
) -> list[CustodyPeriod]:
    """Custody as the record shows it (see the module's docstring for what is drawn)."""
    periods = []
    for outcome in outcomes:
        if not outcome.is_custodial:
            continue
        end = outcome.order_end_date
        if end is not None and end <= outcome.on:
            end = None
        if outcome.outcome_type == Offence.Outcome.DETENTION_AND_TRAINING_ORDER:
            periods.append(
                CustodyPeriod(
                    start=outcome.on,
                    end=outcome.on + dt.timedelta(days=(end - outcome.on).days // 2)
                    if end
                    else None,
                    kind="dto",
                    label=_(
                        "Detention and training order: custody, estimated as the first half of "
                        "the order"
                    )
                    if end
                    else _("Detention and training order: custody, end not recorded"),
                    estimated_end=end is not None,
                )
            )
        else:
            periods.append(
                CustodyPeriod(
                    start=outcome.on,
                    end=end,
                    kind="sentence",
                    label=_("Custodial sentence, to the recorded end of the order")
                    if end
                    else _("Custodial sentence, end not recorded"),
                )
            )
    if current is None:
        return periods
    return _with_current(periods, current, today)


def _with_current(
    periods: list[CustodyPeriod], current: CurrentCustody, today: dt.date
) -> list[CustodyPeriod]:
    """Mark the sentence the child is serving now, or add custody now with its start unknown."""
    if current.status == "custody":
        for index in range(len(periods) - 1, -1, -1):
            period = periods[index]
            assert period.start is not None
            if period.start <= today and (period.end is None or period.end >= today):
                periods[index] = replace(period, current=True, establishment=current.establishment)
                return periods
        label = _("Serving a custodial sentence now (start not recorded)")
        kind = "custody"
    else:
        label = _("Remanded to youth detention accommodation now (start not recorded)")
        kind = "remand"
    periods.append(
        CustodyPeriod(
            start=None,
            end=None,
            kind=kind,
            label=label,
            establishment=current.establishment,
            current=True,
        )
    )
    return periods


def desistance_periods(
    offence_dates: Iterable[dt.date], custody: Iterable[CustodyPeriod], today: dt.date
) -> list[DesistancePeriod]:
    """Stretches of six calendar months or more without offending, and not in custody.

    The stretches run from one offence to the next, and from the last offence to today (that
    one is ongoing). Exactly six calendar months counts (15 January to 15 July); five months
    and thirty days does not.

    Time in custody does not count towards desistance. No offending while locked up says little
    about whether a child is moving away from crime, so custody cuts a stretch in two: the
    stretch before it ends when custody begins, and the one after starts again at release, like
    the "time at risk" of reoffending statistics. Each part must reach six months in the
    community on its own. Where the record is unsure, the rule never claims desistance that may
    not be there: custody whose end is not recorded lasts, for this purpose, until the next
    offence; custody now whose start is not recorded covers everything since the last offence.
    """
    days = sorted({day for day in offence_dates if day <= today})
    if not days:
        return []
    last = days[-1]
    cuts = []
    for period in custody:
        start = period.start or (last if period.current else None)
        if start is None:
            continue
        end = period.end or (today if period.current else dt.date.max)
        if period.current:
            end = max(end, today)
        cuts.append((start, end))
    gaps = [(start, end, False) for start, end in itertools.pairwise(days)]
    gaps.append((last, today, True))
    found = []
    for start, end, trailing in gaps:
        for stretch_start, stretch_end in _outside(start, end, cuts):
            if whole_months(stretch_start, stretch_end) >= DESISTANCE_MONTHS:
                found.append(
                    DesistancePeriod(
                        stretch_start, stretch_end, ongoing=trailing and stretch_end == today
                    )
                )
    return found


def _outside(
    start: dt.date, end: dt.date, cuts: list[tuple[dt.date, dt.date]]
) -> list[tuple[dt.date, dt.date]]:
    """The parts of start..end that no cut covers."""
    stretches = [(start, end)]
    for cut_start, cut_end in sorted(cuts):
        kept = []
        for begin, finish in stretches:
            if cut_end <= begin or cut_start >= finish:
                kept.append((begin, finish))
                continue
            if cut_start > begin:
                kept.append((begin, cut_start))
            if cut_end < finish:
                kept.append((cut_end, finish))
        stretches = kept
    return stretches


def build(
    *,
    offences: Iterable[RecordedOffence],
    life_events: Iterable[LifeEventEntry] = (),
    stages: Iterable[StageEntry] = (),
    current_custody: CurrentCustody | None = None,
    today: dt.date,
) -> Timeline:
    """The whole timeline of one child, from plain data."""
    offences = sorted(offences, key=lambda offence: offence.offence_date)
    outcomes = outcomes_of(offences)
    custody = custody_of(outcomes, current_custody, today)
    life = sorted(life_events, key=lambda event: event.on)
    stage_list = sorted(stages, key=lambda stage: stage.start)
    entries = [
        OffenceEntry(
            o.offence_date, o.category, o.category_label, o.description, o.is_proven, o.marker
        )
        for o in offences
    ]
    dates = [
        *(entry.on for entry in entries),
        *(outcome.on for outcome in outcomes),
        *(event.on for event in life),
        *(stage.start for stage in stage_list),
        *(period.start for period in custody if period.start),
    ]
    first = min([*dates, today]).year
    return Timeline(
        today=today,
        offences=tuple(entries),
        outcomes=tuple(outcomes),
        life_events=tuple(life),
        custody=tuple(custody),
        stages=tuple(stage_list),
        desistance=tuple(
            desistance_periods((e.on for e in entries if e.is_proven), custody, today)
        ),
        all_offences=len(entries),
        years=tuple(range(first, max(today.year, first) + 1)),
    )
