"""What a stage needs beyond the catalogue's sections, from the apps above assessment.

The judgements (and later the plan) belong to a stage but live in their own apps, which
assessment must not import. Each such app registers a function in STAGE_EXTENSIONS when it
loads; the function returns the stage's items (one per judgement, say) with their state. The
completion map shows them after the sections, "what is left" lists the required ones still
missing, and completing the stage waits for them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cairn.assessment.models import Stage
    from cairn.audit.operations import Actor


class ItemState(StrEnum):
    DONE = "done"
    MISSING = "missing"  # required and not yet made
    RECONFIRM = "reconfirm"  # made, but something it rests on has changed since
    OFFERED = "offered"  # not required at this stage's depth, not made


@dataclass(frozen=True)
class StageItem:
    key: str
    group: str  # heading in the map, e.g. "Judgements"
    title: str
    url: str
    state: ItemState
    is_required: bool
    detail: str = ""  # why it is missing or what changed, for "what is left"

    @property
    def is_outstanding(self) -> bool:
        """Required and missing, or made but waiting to be reconfirmed."""
        return self.state == ItemState.RECONFIRM or (
            self.is_required and self.state == ItemState.MISSING
        )


StageExtension = Callable[["Stage"], list[StageItem]]

STAGE_EXTENSIONS: list[StageExtension] = []

# Called inside start_stage's transaction as (by, previous, stage) when a new stage starts
# from an earlier one, so each app carries its own part forward (judgements, the plan).
CarryForward = Callable[["Actor", "Stage", "Stage"], None]

ON_STAGE_START: list[CarryForward] = []


def items_of(stage: Stage) -> list[StageItem]:
    """Every registered app's items for this stage, in registration order."""
    return [item for extension in STAGE_EXTENSIONS for item in extension(stage)]


def outstanding(stage: Stage) -> list[StageItem]:
    return [item for item in items_of(stage) if item.is_outstanding]
