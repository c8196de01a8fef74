"""Shapes for the countersigning pages: the queue, the diff, the comment threads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from cairn.accounts.models import Membership
from cairn.assessment import pages
from cairn.assessment import presenters as assessment_presenters
from cairn.assessment.models import Stage
from cairn.framework.catalogue import Catalogue
from cairn.judgements import presenters as judgement_presenters
from cairn.judgements import queries as judgement_queries
from cairn.judgements.models import Kind
from cairn.quality import progress, queries
from cairn.quality.models import Sections, SignoffComment, SignoffRequest

PLANNING_KEY = "planning"


def refusal_text(reason: str) -> str:
    return {
        queries.Refusal.ROLE: _("Only a manager of this organisation can countersign this stage"),
        queries.Refusal.OWN_REQUEST: _(
            "You asked for this sign-off: another manager must countersign it"
        ),
        queries.Refusal.OWN_WORK: _(
            "You wrote part of this stage: another manager must countersign it"
        ),
    }.get(reason, _("You cannot countersign this stage"))


def days_waiting(request: SignoffRequest, today: dt.date | None = None) -> int:
    today = today or timezone.localdate()
    return (today - timezone.localdate(request.requested_at)).days


@dataclass(frozen=True)
class Readiness:
    """What sign-off can be asked for now, and what is left before the rest can."""

    offered: list[str]  # Sections values ready to ask for
    explanations: list[progress.Left]
    planning: list[progress.Left]

    @property
    def left(self) -> list[progress.Left]:
        """Everything left, each once, in order."""
        return list({item.loc: item for item in self.explanations + self.planning}.values())


def readiness(stage: Stage) -> Readiness:
    items = progress.other_items(stage)
    explanations = progress.left_for(stage, Sections.EXPLANATIONS, items)
    planning = progress.left_for(stage, Sections.PLANNING, items)
    offered = [
        value
        for value, left in (
            (Sections.EXPLANATIONS, explanations),
            (Sections.PLANNING, planning),
            (Sections.BOTH, explanations + planning),
        )
        if not left
    ]
    return Readiness([str(value) for value in offered], explanations, planning)


@dataclass(frozen=True)
class QueueRow:
    request: SignoffRequest
    child_name: str
    stage_label: str
    practitioner: str
    sections: str
    days: int
    url: str
    refusal: str  # why this manager may not decide it ("" when they may)


def queue_rows(
    membership: Membership, requests: list[SignoffRequest], catalogue: Catalogue
) -> list[QueueRow]:
    today = timezone.localdate()
    rows = []
    for request in requests:
        reason = queries.refusal(membership, request)
        rows.append(
            QueueRow(
                request=request,
                child_name=request.stage.child.full_name,
                stage_label=pages.stage_type_label(catalogue, request.stage.stage_type),
                practitioner=request.requested_by_name,
                sections=str(request.get_sections_display()),
                days=days_waiting(request, today),
                url=reverse("quality:request", args=[request.pk]),
                refusal=refusal_text(reason) if reason else "",
            )
        )
    return rows


def section_title(catalogue: Catalogue, key: str, language: str) -> str:
    if key == PLANNING_KEY:
        return _("Pathways and Planning")
    for section in catalogue.sections:
        if section.key == key:
            return section.title.get(language)
    return ""


def key_label(catalogue: Catalogue, key: str, language: str) -> str:
    """What a comment is about: a section's title, or a question's label with its section."""
    title = section_title(catalogue, key, language)
    if title:
        return title
    question = catalogue.questions.get(key)
    if question is None:
        return key
    return f"{section_title(catalogue, question.section_key, language)}: {question.label.get(language)}"


def key_url(stage: Stage, catalogue: Catalogue, key: str) -> str:
    if key == PLANNING_KEY:
        return ""
    question = catalogue.questions.get(key)
    if question is not None:
        return (
            reverse("assessment:section", args=[stage.pk, question.section_key])
            + f"#question-{assessment_presenters.element_id(key)}"
        )
    if any(section.key == key for section in catalogue.sections):
        return reverse("assessment:section", args=[stage.pk, key])
    return ""


def comment_keys(
    stage: Stage, catalogue: Catalogue, language: str, changed: list[str]
) -> list[tuple[str, str]]:
    """What a comment may be about: the stage's sections, the plan, and the changed questions."""
    sections = [entry.section for entry in catalogue.stage(stage.stage_type).sections]
    choices = [(key, section_title(catalogue, key, language)) for key in sections]
    choices.append((PLANNING_KEY, _("Pathways and Planning")))
    choices += [(key, key_label(catalogue, key, language)) for key in changed]
    return choices


def allowed_key(stage: Stage, catalogue: Catalogue, key: str) -> bool:
    sections = {entry.section for entry in catalogue.stage(stage.stage_type).sections}
    if key == PLANNING_KEY or key in sections:
        return True
    question = catalogue.questions.get(key)
    return question is not None and question.section_key in sections


@dataclass
class Thread:
    comment: SignoffComment
    about: str
    url: str
    replies: list[SignoffComment] = field(default_factory=list)

    @property
    def is_resolved(self) -> bool:
        return self.comment.resolved_at is not None


def threads(
    stage: Stage, comments: list[SignoffComment], catalogue: Catalogue, language: str
) -> list[Thread]:
    """Open threads first, each with its replies in order."""
    found: dict[int, Thread] = {}
    for comment in comments:
        if comment.parent_id is None:
            found[comment.pk] = Thread(
                comment,
                key_label(catalogue, comment.key, language),
                key_url(stage, catalogue, comment.key),
            )
        elif comment.parent_id in found:
            found[comment.parent_id].replies.append(comment)
    return sorted(found.values(), key=lambda thread: thread.is_resolved)


@dataclass(frozen=True)
class ChangeRow:
    key: str
    section: str
    label: str
    old: str
    new: str
    by: str
    at: dt.datetime | None
    url: str


def change_groups(
    stage: Stage, changes: list[queries.Change], catalogue: Catalogue, language: str
) -> list[tuple[str, list[ChangeRow]]]:
    """The changes grouped by section, in the catalogue's order of sections."""
    order = {section.key: n for n, section in enumerate(catalogue.sections)}
    rows: list[tuple[int, ChangeRow]] = []
    for change in changes:
        question = catalogue.questions.get(change.key)
        section_key = question.section_key if question else ""
        rows.append(
            (
                order.get(section_key, len(order)),
                ChangeRow(
                    key=change.key,
                    section=section_title(catalogue, section_key, language) or _("Other"),
                    label=question.label.get(language) if question else change.key,
                    old=assessment_presenters.display_value(
                        catalogue, change.key, change.old, language
                    )
                    or "–",
                    new=assessment_presenters.display_value(
                        catalogue, change.key, change.new, language
                    )
                    or "–",
                    by=change.by,
                    at=change.at,
                    url=key_url(stage, catalogue, change.key),
                ),
            )
        )
    groups: dict[str, list[ChangeRow]] = {}
    for _order, row in sorted(rows, key=lambda pair: pair[0]):
        groups.setdefault(row.section, []).append(row)
    return list(groups.items())


def baseline_text(baseline: queries.Baseline) -> str:
    if baseline.kind == SignoffRequest.Status.SIGNED_OFF and baseline.request:
        return _("Changes since the version signed off on %(when)s") % {
            "when": assessment_presenters.when(baseline.request.requested_at)
        }
    if baseline.kind == SignoffRequest.Status.CHANGES_REQUIRED and baseline.request:
        return _("Changes since changes were asked for on %(when)s") % {
            "when": assessment_presenters.when(
                baseline.request.decided_at or baseline.request.requested_at
            )
        }
    return _(
        "Never signed off before: changes since the stage started (answers carried forward unchanged are not shown)"
    )


@dataclass(frozen=True)
class JudgementRow:
    title: str
    rating: str
    proposed: str
    by: str
    url: str


def judgement_rows(stage: Stage, language: str) -> list[JudgementRow]:
    made = judgement_queries.judgements_of(stage)
    rows = []
    for kind in judgement_queries.kinds_of(stage):
        judgement = made.get(kind)
        rows.append(
            JudgementRow(
                title=str(Kind(kind).label),
                rating=judgement_presenters.rating_label(kind, judgement.rating, language)
                if judgement
                else _("Not yet made"),
                proposed=judgement_presenters.proposed_label(kind, judgement.proposed, language)
                if judgement
                else "",
                by=judgement.decided_by_name if judgement else "",
                url=reverse("judgements:judgement", args=[stage.pk, kind]),
            )
        )
    return rows


def status_tag(request: SignoffRequest | None, *, out_of_date: bool = False) -> tuple[str, str]:
    if request is None:
        return _("Not requested"), "govuk-tag--grey"
    if out_of_date and request.is_awaiting:
        return _("Awaiting sign-off: out of date"), "govuk-tag--orange"
    css = {
        SignoffRequest.Status.AWAITING: "govuk-tag--blue",
        SignoffRequest.Status.CHANGES_REQUIRED: "govuk-tag--orange",
        SignoffRequest.Status.SIGNED_OFF: "govuk-tag--green",
        SignoffRequest.Status.WITHDRAWN: "govuk-tag--grey",
        SignoffRequest.Status.REOPENED: "govuk-tag--purple",
    }[SignoffRequest.Status(request.status)]
    return str(request.get_status_display()), css


@dataclass(frozen=True)
class DeadlineRow:
    child_name: str
    url: str
    stage_label: str
    practitioner: str
    team: str
    due: dt.date
    days: int  # overdue by (positive) or left (zero or more), as the table says


def deadline_rows(stages: list[Stage], catalogue: Catalogue, today: dt.date) -> list[DeadlineRow]:
    return [
        DeadlineRow(
            child_name=stage.child.full_name,
            url=reverse("assessment:stage-detail", args=[stage.pk]),
            stage_label=pages.stage_type_label(catalogue, stage.stage_type),
            practitioner=stage.child.case_worker.display_name if stage.child.case_worker else "",
            team=stage.child.team.name if stage.child.team else "",
            due=stage.due_date,
            days=abs((stage.due_date - today).days),
        )
        for stage in stages
    ]
