"""Countersigning in the stage's completion map, what is left before sign-off can be asked
for, and the comments beside the answers.

A request covers Explanations and Conclusions (the assessment: every section the stage asks,
with its required questions answered and its carried-forward answers confirmed or changed, and
the judgements it requires made), Pathways and Planning (the plan's required items), or both;
either way no judgement may be "to reconfirm": a countersigner signs what is current. The same
list refuses the request (page and API), tells the countersigner what went out of date after
it was made, and says in the map why sign-off cannot be asked for yet.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cairn.assessment import completion, extensions, pages, review
from cairn.assessment import queries as assessment_queries
from cairn.assessment.extensions import ItemState, StageItem
from cairn.assessment.models import Stage
from cairn.childplan import progress as childplan_progress
from cairn.framework import catalogue as catalogues
from cairn.judgements import queries as judgement_queries
from cairn.judgements.models import Kind
from cairn.judgements.progress import item_key as judgement_key
from cairn.plans import progress as plan_progress
from cairn.quality import policy, queries
from cairn.quality.models import Sections, SignoffRequest
from cairn.ui.jinja import url  # reverse(), worked out once per route

ITEM_KEY = "quality:signoff"
Status = SignoffRequest.Status
PLANNING_ITEMS = (plan_progress.PLAN_KEY, plan_progress.RISK_KEY, childplan_progress.ITEM_KEY)


@dataclass(frozen=True)
class Left:
    """One thing to finish before sign-off: what, where to do it, and (for the API) a path
    naming it, e.g. ("sections", "education") or ("judgements", "serious_harm")."""

    text: str
    url: str
    loc: tuple[str, ...]


def covers(sections: str) -> tuple[bool, bool]:
    """(Explanations and Conclusions, Pathways and Planning) for a request's `sections`."""
    return (
        sections in {Sections.EXPLANATIONS, Sections.BOTH},
        sections in {Sections.PLANNING, Sections.BOTH},
    )


def other_items(stage: Stage) -> list[StageItem]:
    """The map's items of every other app (this one's item is what is being worked out)."""
    return [
        item
        for extension in extensions.STAGE_EXTENSIONS
        if extension is not stage_items
        for item in extension(stage)
    ]


def left_for(stage: Stage, sections: str, items: list[StageItem] | None = None) -> list[Left]:
    """What is left before `sections` of the stage can be signed off (empty: it can be)."""
    explanations, planning = covers(sections)
    catalogue = catalogues.load(stage.catalogue_version)
    language = pages.language()
    items = other_items(stage) if items is None else items
    left: list[Left] = []
    if explanations:
        stored = assessment_queries.answers_of(stage)
        values = {key: answer.value for key, answer in stored.items()}
        found = completion.progress(catalogue, stage.stage_type, stage.depth, values)
        for progress in found.sections:
            if progress.required_missing:
                count = len(progress.required_missing)
                left.append(
                    Left(
                        ngettext(
                            "%(section)s: %(num)d required question to answer",
                            "%(section)s: %(num)d required questions to answer",
                            count,
                        )
                        % {"section": progress.section.title.get(language), "num": count},
                        url("assessment:section", stage.pk, progress.section.key),
                        ("sections", progress.section.key, "required"),
                    )
                )
        for progress, questions in review.waiting(stage, catalogue, stored):
            count = len(questions)
            left.append(
                Left(
                    ngettext(
                        "%(section)s: %(num)d carried-forward answer to confirm or change",
                        "%(section)s: %(num)d carried-forward answers to confirm or change",
                        count,
                    )
                    % {"section": progress.section.title.get(language), "num": count},
                    url("assessment:section", stage.pk, progress.section.key),
                    ("sections", progress.section.key, "carried"),
                )
            )
    to_reconfirm = {
        judgement_key(state.kind): state
        for state in judgement_queries.review_cached(stage)
        if state.to_reconfirm
    }
    for item in items:
        is_planning = item.key in PLANNING_ITEMS
        if item.key in to_reconfirm or item.state == ItemState.RECONFIRM:
            continue  # listed below, whatever the request covers
        if item.is_outstanding and (planning if is_planning else explanations):
            group = "plan" if is_planning else "judgements"
            name = item.key.split(":", 1)[-1]
            left.append(
                Left(
                    f"{item.title}: {item.detail or _('to do')}", item.url, (group, name, "missing")
                )
            )
    reconfirm_keys = set(to_reconfirm) | {
        item.key for item in items if item.state == ItemState.RECONFIRM
    }
    for item in items:
        if item.key in reconfirm_keys:
            kind = item.key.split(":", 1)[-1]
            left.append(
                Left(
                    _("%(judgement)s: to reconfirm, something it rests on has changed")
                    % {"judgement": str(Kind(kind).label) if kind in Kind.values else item.title},
                    item.url,
                    ("judgements", kind, "reconfirm"),
                )
            )
    return left


def stage_items(stage: Stage) -> list[StageItem]:
    """One item, "Sign-off": required (blocking completion until signed off) when the
    organisation's policy says the stage needs countersigning, offered otherwise. While it is
    required and cannot be asked for yet, it says why."""
    latest = queries.latest_status(stage)
    stage._cairn_signoff_status = latest  # type: ignore[attr-defined]  # see answer_notes
    required = policy.needs_countersigning(stage)
    freezes = ""
    if latest == Status.SIGNED_OFF:
        state, detail, freezes = ItemState.DONE, "", str(queries.SIGNED_OFF_FREEZES)
    else:
        state = ItemState.MISSING if required else ItemState.OFFERED
        detail = str(Status(latest).label) if latest else _("not yet requested")
        if latest == Status.AWAITING and stage.is_open:
            # A judgement it covers went to reconfirm after it was asked for (a Core Record
            # change, say): it cannot be signed off as it stands, and the map says so.
            sections = (
                SignoffRequest.objects.filter(stage=stage, status=Status.AWAITING)
                .values_list("sections", flat=True)
                .first()
            )
            stale = left_for(stage, sections) if sections else []
            if stale:
                detail = ngettext(
                    "awaiting sign-off but out of date: %(num)d thing to bring up to date, "
                    "or withdraw the request",
                    "awaiting sign-off but out of date: %(num)d things to bring up to date, "
                    "or withdraw the request",
                    len(stale),
                ) % {"num": len(stale)}
        elif required and stage.is_open:
            left = left_for(stage, Sections.BOTH)
            if left:
                detail = ngettext(
                    "cannot be asked for yet: %(num)d thing to finish first",
                    "cannot be asked for yet: %(num)d things to finish first",
                    len(left),
                ) % {"num": len(left)}
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
