"""What every page of a stage shows around its content, for assessment's views and the views
of the apps above it (judgements, plans): the child's header, the stage heading and the
completion map, with the items those apps add after the sections."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import formats, timezone, translation
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from cairn.accounts.requests import membership_of
from cairn.assessment import completion, extensions, operations, presenters, queries
from cairn.assessment.models import Stage
from cairn.audit.operations import Actor
from cairn.framework import catalogue as catalogues
from cairn.framework.catalogue import Catalogue
from cairn.records.access import Access
from cairn.records.models import Child
from cairn.records.presenters import child_header


def language() -> str:
    return "cy" if (translation.get_language() or "").startswith("cy") else "en"


def stage_type_label(catalogue: Catalogue, key: str) -> str:
    try:
        return catalogue.stage(key).label.get(language())
    except StopIteration:
        return key


def load_stage(
    request: HttpRequest, stage_id: int, at_least: Access = Access.READ
) -> tuple[Stage, Access, Catalogue]:
    """The stage if this person may reach it at this level (else 404), and its catalogue."""
    stage, access = queries.stage_for(membership_of(request), stage_id, at_least)
    return stage, access, catalogues.load(stage.catalogue_version)


def child_context(
    request: HttpRequest, child: Child, access: Access, **extra: Any
) -> dict[str, Any]:
    context = child_header(membership_of(request), child, access, "stages")
    context.update(extra)
    return context


def progress_of(
    stage: Stage,
    catalogue: Catalogue,
    values: dict[str, Any],
    user: Any = None,
    seen: dict[str, set[str]] | None = None,
    unconfirmed: frozenset[str] | None = None,
) -> completion.StageProgress:
    """The stage's completion map. Which carried answers wait comes from `unconfirmed`, else
    from `values` when they were read by queries.values_of (which reads both at once)."""
    if seen is None and user is not None:
        seen = queries.seen_keys(stage, user)
    waiting: frozenset[str] = (
        unconfirmed if unconfirmed is not None else getattr(values, "unconfirmed", frozenset())
    )
    return completion.progress(
        catalogue,
        stage.stage_type,
        stage.depth,
        values,
        queries.marked_sections(stage),
        seen,
        unconfirmed=waiting,
    )


@dataclass(frozen=True)
class ExtraEntry:
    """An item of the map after the sections: a judgement, say."""

    key: str
    title: str
    url: str
    tag_text: str
    tag_class: str
    is_current: bool


def _tag(item: extensions.StageItem) -> tuple[str, str]:
    state = item.state
    if state == extensions.ItemState.DONE:
        return _("Complete"), ""
    if state == extensions.ItemState.RECONFIRM and not item.is_required:
        return _("Not reconfirmed"), "govuk-tag--grey"
    if state == extensions.ItemState.RECONFIRM:
        return _("To reconfirm"), "govuk-tag--orange"
    if item.is_required:
        return _("To do"), "govuk-tag--yellow"
    return _("Optional"), "govuk-tag--grey"


def extra_map(
    items: list[extensions.StageItem], current: str | None, is_open: bool = True
) -> list[tuple[str, list[ExtraEntry]]]:
    """The extra items grouped under their headings, in order. An ended stage asks for no more
    work: only what was done keeps its tag."""
    groups: dict[str, list[ExtraEntry]] = {}
    for item in items:
        text, css = _tag(item)
        if not is_open and item.state != extensions.ItemState.DONE:
            text, css = "", ""
        groups.setdefault(item.group, []).append(
            ExtraEntry(item.key, item.title, item.url, text, css, item.key == current)
        )
    return list(groups.items())


@dataclass(frozen=True)
class Ended:
    """What every page of an ended stage says in place of work: what state it is in (who
    ended it, when, why) and what can be done now."""

    text: str
    reason: str
    what_next: str
    can_reopen: bool


def ended_note(request: HttpRequest, stage: Stage) -> Ended | None:
    """None while the stage is in progress; else what its pages say about how it ended."""
    if stage.is_open:
        return None
    who = stage.ended_by.display_name if stage.ended_by else _("someone")
    when = (
        formats.date_format(timezone.localtime(stage.ended_at), "j F Y") if stage.ended_at else ""
    )
    texts: dict[str, str] = {
        Stage.Status.COMPLETED: _("This stage was completed by %(who)s on %(when)s."),
        Stage.Status.STOPPED: _("This stage was stopped by %(who)s on %(when)s."),
        Stage.Status.CANCELLED: _("This stage was cancelled by %(who)s on %(when)s."),
    }
    refusal = operations.reopen_refusal(stage)
    may_manage = operations.may_reopen_or_cancel(Actor.from_request(request), stage)
    if stage.status == Stage.Status.CANCELLED:
        what_next = _(
            "Nothing more is asked of it. A cancelled stage cannot be reopened: start a new "
            "stage instead."
        )
    elif refusal == operations.REFUSED_LATER:
        what_next = _(
            "Nothing more is asked of it. A later stage has started for this child, so it "
            "cannot be reopened."
        )
    elif may_manage:
        what_next = _("Nothing more is asked of it. As a manager, you can reopen it.")
    else:
        what_next = _("Nothing more is asked of it. Only a manager can reopen it.")
    return Ended(
        text=texts.get(stage.status, "") % {"who": who, "when": when},
        reason=stage.end_reason,
        what_next=what_next,
        can_reopen=may_manage and refusal is None,
    )


def reopened_note(stage: Stage) -> str:
    """ "Reopened by X on date: reason", from the last reopening kept with the stage."""
    reopenings = stage.snapshot.get("reopened") or []
    if not reopenings:
        return ""
    last = reopenings[-1]
    at = parse_datetime(last.get("at") or "")
    return _("Reopened by %(who)s on %(when)s: %(reason)s") % {
        "who": last.get("by") or _("a manager"),
        "when": formats.date_format(timezone.localtime(at), "j F Y") if at else "",
        "reason": last.get("reason", ""),
    }


def stage_context(
    request: HttpRequest,
    stage: Stage,
    access: Access,
    catalogue: Catalogue,
    found: completion.StageProgress | None = None,
    current: str | None = None,
    items: list[extensions.StageItem] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """The context of every page of one stage: the child's header, the stage, and its map.

    With `found` (the stage's progress) the page shows the completion map, followed by the
    items apps above assessment add (judgements) and their states; a page that has read the
    items already passes them in."""
    if found is not None:
        extra["stage_map"] = presenters.completion_map(stage, found, language(), current)
        extra["stage_extras"] = extra_map(
            items if items is not None else extensions.items_of(stage), current, stage.is_open
        )
    extra.setdefault("ended", ended_note(request, stage))
    return child_context(
        request,
        stage.child,
        access,
        stage=stage,
        stage_label=stage_type_label(catalogue, stage.stage_type),
        **extra,
    )


def render_stage_page(
    request: HttpRequest,
    template: str,
    stage: Stage,
    access: Access,
    status: int = 200,
    **extra: Any,
) -> HttpResponse:
    """A form page of one stage (a concern, a target, an action): the child's header and the
    stage heading around `extra`, without the completion map."""
    catalogue = catalogues.load(stage.catalogue_version)
    return render(
        request, template, stage_context(request, stage, access, catalogue, **extra), status=status
    )
