"""From the Core Record's offences to the inputs of the reoffending score.

A sanction is a youth caution, a youth conditional caution or a court outcome after
conviction; community resolutions and no further action are not (OGRS3.md). Nor is anything
unproven: a charge awaiting its outcome (alleged), one acquitted, withdrawn or dismissed, or a
police diversion (outcome 21 or 22, which is no conviction or caution; DOMAIN.md). Offences dealt
with on the same date by the same outcome are one sanction occasion.

An occasion's category is its primary offence's. Where none of its offences is marked primary
(or more than one is), the category is taken from the earliest of the candidates by offence
date, and on the same date from the first in the order of OGRS3.md's table, so the answer never
depends on the order the rows arrive in. `Occasion.category_from_primary` says which rule chose.

Occasions are ordered by date; two on the same date (a caution and a court outcome, say) are
ordered cautions first, then court outcomes from discharge to custody, so the later of the two
is the current sanction and the other counts as a previous one.

Everything here is pure, over simple data, except `inputs_for_child`, which reads a child's
offences (one query; callers may prefetch `offences`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from cairn.judgements.scoring import OFFENCE_CODES, CannotScore, Inputs, long_date, sex_reason
from cairn.records.models import Child, Sex

# Outcome codes that are sanctions, in the order used for two occasions on the same date.
SANCTION_OUTCOMES = (
    "youth_caution",
    "youth_conditional_caution",
    "discharge",
    "fine",
    "referral_order",
    "youth_rehabilitation_order",
    "detention_and_training_order",
    "other_custodial",
    "other_court",
)

# The Core Record's sexes as the model's (the same words today; kept apart on purpose).
SEX_CODES: dict[str, str] = {Sex.MALE: "male", Sex.FEMALE: "female"}


@dataclass(frozen=True)
class OffenceFact:
    offence_date: date
    category: str
    is_primary: bool
    outcome_type: str
    outcome_date: date | None


@dataclass(frozen=True)
class Occasion:
    """One sanction occasion: the offences dealt with on one date by one outcome."""

    date: date
    outcome_type: str
    category: str
    offence_count: int
    category_from_primary: bool = True


def is_sanction(fact: OffenceFact) -> bool:
    return fact.outcome_type in SANCTION_OUTCOMES and fact.outcome_date is not None


def _category_order(code: str) -> int:
    return OFFENCE_CODES.index(code) if code in OFFENCE_CODES else len(OFFENCE_CODES)


def _occasion(when: date, outcome_type: str, offences: list[OffenceFact]) -> Occasion:
    primary = [fact for fact in offences if fact.is_primary]
    candidates = primary or offences
    chosen = min(candidates, key=lambda f: (f.offence_date, _category_order(f.category)))
    return Occasion(
        date=when,
        outcome_type=outcome_type,
        category=chosen.category,
        offence_count=len(offences),
        category_from_primary=len(primary) == 1,
    )


def occasions(offences: Iterable[OffenceFact]) -> list[Occasion]:
    """The sanction occasions among these offences, earliest first."""
    grouped: dict[tuple[date, str], list[OffenceFact]] = {}
    for fact in offences:
        if is_sanction(fact):
            assert fact.outcome_date is not None  # is_sanction checked it
            grouped.setdefault((fact.outcome_date, fact.outcome_type), []).append(fact)
    ordered = sorted(grouped, key=lambda k: (k[0], SANCTION_OUTCOMES.index(k[1])))
    return [_occasion(when, outcome, grouped[(when, outcome)]) for when, outcome in ordered]


def occasions_on(offences: Iterable[OffenceFact], on: date) -> list[Occasion]:
    """The sanction occasions on or before a date, earliest first (the last is the current)."""
    return [occasion for occasion in occasions(offences) if occasion.date <= on]


def inputs_on(
    sex: str | None, date_of_birth: date | None, offences: Iterable[OffenceFact], on: date
) -> Inputs:
    """The score's inputs at a date, or `CannotScore` listing everything that is missing."""
    reasons = []
    if date_of_birth is None:
        reasons.append(_("The date of birth is not recorded"))
    about_sex = sex_reason(sex)
    if about_sex:
        reasons.append(about_sex)
    before = occasions_on(offences, on)
    if not before:
        reasons.append(
            _(
                "There is no sanction on or before %(date)s. A sanction is a caution, a "
                "conditional caution or a court outcome after conviction; community resolutions, "
                "no further action, police diversion (outcomes 21 and 22) and charges that are "
                "alleged, withdrawn, dismissed or ended in acquittal do not count"
            )
            % {"date": long_date(on)}
        )
    if reasons:
        raise CannotScore(reasons)
    assert sex is not None  # sex_reason refused it
    assert date_of_birth is not None
    current = before[-1]
    return Inputs(
        sex=sex,
        date_of_birth=date_of_birth,
        current_sanction_date=current.date,
        first_sanction_date=before[0].date,
        previous_sanctions=len(before) - 1,
        offence_category=current.category,
        assessed_on=on,
    )


def facts_for_child(child: Child) -> list[OffenceFact]:
    """The child's offences as plain facts (one query, none if `offences` is prefetched)."""
    return [
        OffenceFact(
            offence_date=offence.offence_date,
            category=offence.category,
            is_primary=offence.is_primary,
            outcome_type=offence.outcome_type,
            outcome_date=offence.outcome_date,
        )
        for offence in child.offences.all()
    ]


def inputs_for_child(child: Child, on: date) -> Inputs:
    """The score's inputs for a child at a date, from the Core Record."""
    sex = SEX_CODES.get(child.sex, child.sex)
    return inputs_on(sex, child.date_of_birth, facts_for_child(child), on)
