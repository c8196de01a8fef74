"""Countersigning in the stage's completion map, and the comments beside the answers."""

from __future__ import annotations

from django.utils.translation import gettext as _

from cairn.assessment.extensions import ItemState, StageItem
from cairn.assessment.models import Stage
from cairn.quality import policy, queries
from cairn.quality.models import SignoffRequest
from cairn.ui.jinja import url  # reverse(), worked out once per route

ITEM_KEY = "quality:signoff"
Status = SignoffRequest.Status


def stage_items(stage: Stage) -> list[StageItem]:
    """One item, "Sign-off": required (blocking completion until signed off) when the
    organisation's policy says the stage needs countersigning, offered otherwise."""
    latest = queries.latest_status(stage)
    stage._cairn_signoff_status = latest  # type: ignore[attr-defined]  # see answer_notes
    required = policy.needs_countersigning(stage)
    freezes = ""
    if latest == Status.SIGNED_OFF:
        state, detail, freezes = ItemState.DONE, "", str(queries.SIGNED_OFF_FREEZES)
    else:
        state = ItemState.MISSING if required else ItemState.OFFERED
        detail = str(Status(latest).label) if latest else _("not yet requested")
    return [
        StageItem(
            key=ITEM_KEY,
            group=_("Quality"),
            title=_("Sign-off"),
            url=url("quality:stage-signoff", stage.pk),
            state=state,
            is_required=required,
            detail=detail,
            freezes=freezes,
        )
    ]


def answer_notes(stage: Stage) -> dict[str, list[str]]:
    """ANSWER_NOTES: the countersigner's open comments, by question key.

    Comments are made on a sign-off request, so a stage never sent for sign-off has none: when
    the map's item has just found no request on this stage object (the same page, one request),
    there is nothing to read."""
    if getattr(stage, "_cairn_signoff_status", "unknown") is None:
        return {}
    return queries.open_notes(stage)
