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
class Reason:
    """One thing an item rests on that changed, for "what is left" and the stage summary: a
    question (its label in the reader's language, its section, a link to it) or a fact, with
    what it was and what it is now where known."""

    label: str
    url: str = ""
    section: str = ""
    old: str = ""
    new: str = ""


@dataclass(frozen=True)
class StageItem:
    key: str
    group: str  # heading in the map, e.g. "Judgements"
    title: str
    url: str
    state: ItemState
    is_required: bool
    detail: str = ""  # why it is missing or what changed, for "what is left"
    freezes: str = ""  # why the stage may not be edited now because of it ("signed off")
    reasons: tuple[Reason, ...] = ()  # what changed, for an item to reconfirm

    @property
    def is_outstanding(self) -> bool:
        """Required, and missing or made but waiting to be reconfirmed. An item only offered
        (a light stage's judgement) may be left as it is, even once something it rests on
        changed: it then says so where it is shown, but it does not hold the stage back."""
        return self.is_required and self.state in (ItemState.MISSING, ItemState.RECONFIRM)

    @property
    def is_stale(self) -> bool:
        """Offered, made, and not reconfirmed since something it rests on changed."""
        return self.state == ItemState.RECONFIRM and not self.is_required


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


# Freezing and editing, for the apps that govern a stage's workflow (countersigning):
# a check returns why the stage may not be edited now (for example "signed off"), or None, and
# the app's item in the map says the same in `freezes`, for pages that read the items anyway;
# the edit hooks are told, inside the writing transaction, that someone changed the stage.
FreezeCheck = Callable[["Stage"], str | None]
FREEZE_CHECKS: list[FreezeCheck] = []

EditHook = Callable[["Actor", "Stage"], None]
ON_STAGE_EDITED: list[EditHook] = []


def frozen_reason(stage: Stage) -> str | None:
    """Why this open stage may not be edited now, if a registered app says so."""
    for check in FREEZE_CHECKS:
        reason = check(stage)
        if reason:
            return reason
    return None


def frozen_by(items: list[StageItem]) -> str | None:
    """frozen_reason() for a page that has read the stage's items already: the same answer
    (an app that freezes a stage says so in its item too) without reading again."""
    return next((item.freezes for item in items if item.freezes), None)


def edited(by: Actor, stage: Stage) -> None:
    for hook in ON_STAGE_EDITED:
        hook(by, stage)


# Called inside reopen_stage's transaction as (by, stage, reason) when a manager puts a
# completed, stopped or signed-off stage back in progress, so each app can undo what held the
# stage (countersigning lifts its sign-off freeze). The stage is already in progress again.
ReopenHook = Callable[["Actor", "Stage", str], None]
ON_STAGE_REOPENED: list[ReopenHook] = []


def reopened(by: Actor, stage: Stage, reason: str) -> None:
    for hook in ON_STAGE_REOPENED:
        hook(by, stage, reason)


# Notes beside the answers (a countersigner's open comments, say): each function returns short
# texts by question key, shown under the question on the section page.
AnswerNotes = Callable[["Stage"], dict[str, list[str]]]
ANSWER_NOTES: list[AnswerNotes] = []


def notes_of(stage: Stage) -> dict[str, list[str]]:
    notes: dict[str, list[str]] = {}
    for source in ANSWER_NOTES:
        for key, texts in source(stage).items():
            notes.setdefault(key, []).extend(texts)
    return notes
