"""The printed child's plan at every length limit the operations allow: still one A4 page, in
English and in Welsh, with type never below 14pt. The limits exist for this page."""

from __future__ import annotations

from pathlib import Path

import pytest

from cairn.accounts.models import Membership
from cairn.assessment.tests.factories import actor, start
from cairn.childplan import document, operations
from cairn.childplan.models import ChildPlan
from cairn.childplan.operations import Helper, PlanText
from cairn.childplan.tests.test_pdf import read_pdf
from cairn.records.models import Child

pytestmark = pytest.mark.django_db


SENTENCE = "Wednesday afternoons with my grandmother at the allotment, planting "


def fill(most: int) -> str:
    """Text of this length, in long words."""
    return (SENTENCE * (most // len(SENTENCE) + 1))[:most]


def longest(language: str) -> PlanText:
    """Every part at its limit."""
    return PlanText(
        what_i_want=fill(operations.MAX_TEXT),
        what_im_good_at=fill(operations.MAX_TEXT),
        what_ill_do=tuple(fill(operations.MAX_ITEM) for _ in range(operations.MAX_ITEMS)),
        who_will_help=tuple(
            Helper(fill(operations.MAX_WHO), fill(operations.MAX_HOW))
            for _ in range(operations.MAX_HELPERS)
        ),
        how_well_know=fill(operations.MAX_TEXT),
        language=language,
    )


@pytest.mark.parametrize("language", ["en", "cy"])
def test_a_plan_at_every_limit_still_fits_one_page_in_14pt_or_more(
    child: Child, practitioner: Membership, language: str, tmp_path: Path
) -> None:
    stage = start(child, actor(practitioner))
    plan = operations.save_plan(
        by=actor(practitioner), stage=stage, text=longest(language), version=0
    )
    operations.record_response(
        by=actor(practitioner),
        stage=stage,
        response="disagree",
        words=fill(operations.MAX_WORDS),
        responded_on=plan.created_at.date(),
        plan_version=1,
    )
    printed = document.printed(stage, ChildPlan.objects.get(pk=plan.pk), language)
    rendered = document.render(printed)
    assert rendered.pages == 1, rendered.layout
    found = read_pdf(rendered.pdf(), tmp_path)
    assert found.pages == 1
    assert "14pt" in document.html(printed, document.LAYOUTS[-1])
