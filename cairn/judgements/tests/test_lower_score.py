"""When a new offence lowers the reoffending score (issue 10, item 12), the judgement page says
why in words, so nobody reads it as a mistake: OGRS3's current-offence terms measure every
offence against violence against the person (the reference category), and the Copas rate falls
as the span of the criminal career grows."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from cairn.assessment import operations as assessment_operations
from cairn.assessment.tests.factories import actor, start, text
from cairn.judgements import scoring
from cairn.judgements.models import Kind
from cairn.judgements.tests.arrange import FULL, add_sanction, decide, scorable, state
from cairn.records.models import Offence

MODEL = scoring.default_model()
BORN = dt.date(2008, 3, 1)


def score_of(*, current: dt.date, first: dt.date, previous: int, category: str) -> scoring.Score:
    return scoring.score(
        MODEL,
        scoring.Inputs(
            sex="male",
            date_of_birth=BORN,
            current_sanction_date=current,
            first_sanction_date=first,
            previous_sanctions=previous,
            offence_category=category,
            assessed_on=dt.date(2026, 3, 2),
        ),
    )


def test_a_new_offence_of_a_lower_category_explains_the_reference_category():
    before = score_of(
        current=dt.date(2025, 1, 10), first=dt.date(2025, 1, 10), previous=0, category="theft"
    )
    after = score_of(
        current=dt.date(2026, 2, 2), first=dt.date(2025, 1, 10), previous=1, category="robbery"
    )
    assert after.linear_score < before.linear_score

    found = scoring.why_lower(before, after)

    assert found[0].startswith(
        f"The score went down, from {before.percent_2_years}% to {after.percent_2_years}%"
    )
    assert "one reference category, Violence against the person (0)" in " ".join(found)
    assert any("The new current offence, Robbery" in line for line in found)


def test_a_longer_criminal_career_explains_the_copas_rate():
    before = score_of(
        current=dt.date(2021, 6, 1), first=dt.date(2021, 6, 1), previous=3, category="theft"
    )
    after = score_of(
        current=dt.date(2026, 2, 2), first=dt.date(2021, 6, 1), previous=4, category="theft"
    )
    assert after.linear_score < before.linear_score

    found = scoring.why_lower(before, after)

    assert any(line.startswith("The Copas rate counts previous sanctions") for line in found)
    assert not any("reference category" in line for line in found)


def test_a_higher_score_or_no_new_offence_needs_no_explanation():
    first = score_of(
        current=dt.date(2025, 1, 10), first=dt.date(2025, 1, 10), previous=0, category="robbery"
    )
    more = score_of(
        current=dt.date(2026, 2, 2), first=dt.date(2025, 1, 10), previous=1, category="theft"
    )
    assert scoring.why_lower(first, more) == []
    assert scoring.why_lower(more, more) == []


@pytest.mark.django_db
def test_the_reoffending_page_explains_a_score_a_new_offence_lowered(
    child, practitioner, client_for
):
    pat = actor(practitioner)
    stage = start(scorable(child), pat, FULL)  # a theft caution: the current offence
    kept = decide(stage, pat, Kind.REOFFENDING).detail["percent_2_years"]
    review = assessment_operations.start_stage(by=pat, child=child, stage_type="review")
    add_sanction(
        child, dt.date(2026, 2, 2), category=Offence.Category.ROBBERY, description="Robbery"
    )
    after = state(review, Kind.REOFFENDING).score
    assert after is not None
    assert after.percent_2_years < kept

    page = text(
        client_for(practitioner).get(
            reverse("judgements:judgement", args=[review.pk, Kind.REOFFENDING])
        )
    )
    plain = " ".join(re.sub(r"<[^>]+>", " ", page).split())

    assert "Why the score went down" in plain
    assert "although a new offence was added. That is how the model works, not a mistake" in plain
    assert "measure every offence against one reference category" in plain
    assert "The new current offence, Robbery" in plain
