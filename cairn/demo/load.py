"""The whole demo: the records app's organisations, staff and children, then every child's
assessment history (stages, answers, concerns and judgements).

A child's history is written relative to the day the child was created (the demo's today), so
it fits their Core Record even when an older demo database is topped up. Loading twice changes
nothing: the records loader matches what exists, and a child who already has a stage keeps the
history they have. The whole load is one transaction.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from cairn.assessment.models import Stage
from cairn.demo import child_plans, stages
from cairn.demo.cases import CASES
from cairn.demo.judgements import DemoDataError
from cairn.records.demo import load as records_demo
from cairn.records.demo.children import CHILDREN
from cairn.records.models import Child


def demo_day(child: Child) -> dt.date:
    """The day the demo's dates count back from: the day the child's record was created."""
    return timezone.localdate(child.created_at)


@transaction.atomic
def load_demo() -> str:
    summary = records_demo.load_demo()
    missing = sorted({child.local_id for child in CHILDREN} - set(CASES))
    if missing:
        raise DemoDataError(f"Every demo child needs a case with a stage: {', '.join(missing)}")
    written = children = 0
    loaded: list[Child] = []
    for demo_child in CHILDREN:
        child = Child.objects.select_related("organisation", "case_worker").get(
            organisation__code=demo_child.organisation, local_id=demo_child.local_id
        )
        loaded.append(child)
        if Stage.objects.filter(child=child).exists():
            continue
        day = demo_day(child)
        case = CASES[demo_child.local_id](day)
        if case.local_id != child.local_id:
            raise DemoDataError(f"{demo_child.local_id} is given the case of {case.local_id}")
        written += len(stages.write_case(case, child, day))
        children += 1
    plans = child_plans.load(loaded)
    return (
        f"{summary} Assessment history: {written} stages written for {children} children "
        f"({len(CASES)} in the demo). Children's plans: {plans} written."
    )
