"""The judgements in the stage's completion map: made, to make, or to reconfirm."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cairn.assessment.extensions import ItemState, Reason, StageItem
from cairn.assessment.models import Stage
from cairn.assessment.pages import language
from cairn.framework import catalogue as catalogues
from cairn.judgements import basis, presenters, queries
from cairn.judgements.models import Kind
from cairn.ui.jinja import url  # reverse(), worked out once per route


def item_key(kind: str) -> str:
    return f"judgement:{kind}"


def stage_items(stage: Stage) -> list[StageItem]:
    kinds = queries.kinds_of(stage)
    if not kinds:
        return []
    required = queries.is_required(stage)
    cached: queries.StageJudgements | None = getattr(stage, "_cairn_judgements", None)
    if cached is None and not queries.has_judgements(stage):
        # Nothing made yet, so nothing to reconfirm: one query, no proposals to compute.
        return [_item(stage, kind, required, made=False) for kind in kinds]
    found = queries.review_cached(stage)
    return [
        _item(
            stage,
            state.kind,
            required,
            made=state.is_made,
            changes=_reasons(stage, state.changes) if state.is_made else (),
        )
        for state in found
    ]


def _reasons(stage: Stage, changes: list[basis.Change]) -> tuple[Reason, ...]:
    if not changes:
        return ()
    catalogue = catalogues.load(stage.catalogue_version)
    return tuple(
        Reason(label=line.label, url=line.url, section=line.section, old=line.old, new=line.new)
        for line in presenters.change_lines(stage, changes, catalogue, language())
    )


def _item(
    stage: Stage, kind: str, required: bool, *, made: bool, changes: tuple[Reason, ...] = ()
) -> StageItem:
    if made and changes:
        item_state = ItemState.RECONFIRM
        if required:
            detail = ngettext(
                "%(num)d thing it rests on has changed",
                "%(num)d things it rests on have changed",
                len(changes),
            ) % {"num": len(changes)}
        else:
            detail = presenters.stale_note([reason.label for reason in changes])
    elif made:
        item_state, detail = ItemState.DONE, ""
    elif required:
        item_state, detail = ItemState.MISSING, _("not yet made")
    else:
        item_state, detail = ItemState.OFFERED, ""
    return StageItem(
        key=item_key(kind),
        group=str(_("Judgements")),
        title=str(Kind(kind).label),
        url=url("judgements:judgement", stage.pk, kind),
        state=item_state,
        is_required=required,
        detail=detail,
        reasons=changes,
    )
