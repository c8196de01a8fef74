"""Assessment pages: stages, section pages with the completion map, autosave, what is left,
changes and answer history. Views load through queries, check access, make one call and
render; the question markup comes from presenters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from cairn.accounts.models import User
from cairn.accounts.requests import membership_of
from cairn.accounts.scope import administration_required, organisation_or_404
from cairn.assessment import (
    answers,
    completion,
    extensions,
    facts,
    inputs,
    operations,
    pages,
    presenters,
    queries,
    review,
)
from cairn.assessment.forms import TimescalesForm
from cairn.assessment.models import Answer, Stage
from cairn.audit.operations import Actor
from cairn.framework import catalogue as catalogues
from cairn.framework.catalogue import Catalogue
from cairn.records import operations as record_operations
from cairn.records import presenters as record_presenters
from cairn.records import queries as record_queries
from cairn.records import terms
from cairn.records.access import Access


@login_required
def stage_list(request: HttpRequest, child_id: int) -> HttpResponse:
    child, access = record_queries.child_for(membership_of(request), child_id, Access.READ)
    record_operations.record_viewed(by=Actor.from_request(request), child=child, page="assessments")
    catalogue = catalogues.load()
    stages = [
        (stage, pages.stage_type_label(catalogue, stage.stage_type))
        for stage in queries.stages_of(child)
    ]
    return render(
        request,
        "assessment/stage_list.html",
        pages.child_context(
            request,
            child,
            access,
            stages=stages,
            today=timezone.localdate(),
            stage_types=[
                (s.key, s.label.get(pages.language()), s.description.get(pages.language()), s.depth)
                for s in catalogue.stages
            ],
        ),
    )


@login_required
def stage_start(request: HttpRequest, child_id: int) -> HttpResponse:
    child, access = record_queries.child_for(membership_of(request), child_id, Access.EDIT)
    catalogue = catalogues.load()
    error = ""
    if request.method == "POST":
        stage_type = request.POST.get("stage_type", "")
        try:
            stage = operations.start_stage(
                by=Actor.from_request(request), child=child, stage_type=stage_type
            )
        except operations.UnknownStageTypeError:
            error = _("Select the purpose of the assessment")
        else:
            messages.success(
                request,
                _("%(type)s stage started")
                % {"type": pages.stage_type_label(catalogue, stage.stage_type)},
            )
            return redirect("assessment:stage-detail", stage.pk)
    if request.method != "POST":  # the form shows the record as it stands: a read
        record_operations.record_viewed(
            by=Actor.from_request(request), child=child, page="start an assessment"
        )
    latest = operations.latest_stage(child)
    return render(
        request,
        "assessment/stage_start.html",
        pages.child_context(
            request,
            child,
            access,
            error=error,
            latest=latest,
            latest_label=pages.stage_type_label(catalogue, latest.stage_type) if latest else "",
            items=[
                {
                    "value": s.key,
                    "text": s.label.get(pages.language()),
                    "hint": {"text": s.description.get(pages.language())},
                }
                for s in catalogue.stages
            ],
        ),
        status=400 if error else 200,
    )


@login_required
def stage_detail(request: HttpRequest, stage_id: int) -> HttpResponse:
    stage, access, catalogue = pages.load_stage(request, stage_id)
    record_operations.record_viewed(
        by=Actor.from_request(request), child=stage.child, page="assessment stage"
    )
    values = queries.values_of(stage)
    found = pages.progress_of(stage, catalogue, values, request.user)
    items = extensions.items_of(stage)
    waiting = [
        (
            progress.section.key,
            progress.section.title.get(pages.language()),
            len(progress.unconfirmed),
        )
        for progress in found.sections
        if progress.unconfirmed
    ]
    may_manage = operations.may_reopen_or_cancel(Actor.from_request(request), stage)
    if not stage.is_open:  # an ended stage asks for no more work
        waiting, items_to_do = [], []
    else:
        items_to_do = [item for item in items if item.is_outstanding] if stage.previous else []
    return render(
        request,
        "assessment/stage_detail.html",
        pages.stage_context(
            request,
            stage,
            access,
            catalogue,
            found,
            None,
            progress=found,
            can_edit_stage=access >= Access.EDIT and stage.is_open,
            can_deepen=stage.is_open and stage.depth == Stage.Depth.LIGHT and access >= Access.EDIT,
            unconfirmed=sum(count for _key, _title, count in waiting),
            can_reopen=may_manage and operations.reopen_refusal(stage) is None,
            can_cancel=may_manage and stage.is_open,
            previous_label=pages.stage_type_label(catalogue, stage.previous.stage_type)
            if stage.previous
            else "",
            since=review.since(stage),
            record_changes=record_presenters.history(
                review.record_changes(stage), terms.nation_of(stage.child)
            ),
            waiting=waiting,
            items=items,
            outstanding=items_to_do,
            reopened=pages.reopened_note(stage),
            recommendation=_recommendation(
                stage, catalogue, values, found, can_edit=access >= Access.EDIT and stage.is_open
            ),
        ),
    )


RECOMMENDATION = (
    "offending.jdm_recommendation",
    "offending.jdm_conditions",
    "offending.jdm_reasons",
)


def _recommendation(
    stage: Stage,
    catalogue: Catalogue,
    values: dict[str, Any],
    found: completion.StageProgress,
    *,
    can_edit: bool,
) -> list[dict[str, Any]]:
    """An out-of-court stage's recommendation to the joint decision-making panel, as summary
    list rows: each of its questions the stage shows now, with the answer (or that none is
    given yet). Empty for a stage that does not ask for a recommendation."""
    shown = {q.key for progress in found.sections for q in (*progress.asked, *progress.offered)}
    language = pages.language()
    rows = []
    for key in RECOMMENDATION:
        question = catalogue.questions.get(key)
        if question is None or key not in shown:
            continue
        text = presenters.display_value(catalogue, key, values.get(key), language)
        rows.append(
            {
                "key": {"text": question.label.get(language)},
                "value": {"text": text or _("Not answered yet")},
                "actions": {
                    "items": [
                        {
                            "href": reverse(
                                "assessment:section", args=[stage.pk, question.section_key]
                            )
                            + f"#{presenters.element_id(key)}",
                            "text": _("Change"),
                            "visuallyHiddenText": question.label.get(language),
                        }
                    ]
                }
                if can_edit
                else {},
            }
        )
    return rows


def _slots(
    progress: completion.SectionProgress,
    views: list[presenters.QuestionView],
    *,
    further: bool,
) -> list[tuple[str, presenters.QuestionView | None]]:
    """Every question the section may ask at its depth, in order, each with its view when it is
    shown now: hidden follow-ups keep an empty slot an autosave can fill."""
    shown = {view.question.key: view for view in views}
    return [
        (presenters.element_id(question.key), shown.get(question.key))
        for question in progress.questions
        if (question.depth == "further") == further
        and (further or completion.asked_at(question, progress.depth))
        and (question.key in shown or question.show_if is not None)
    ]


def _has_follow_ups(catalogue: Catalogue, section: str) -> bool:
    return any(q.show_if is not None for q in catalogue.section(section).questions)


def _follow_ups(
    stage: Stage,
    catalogue: Catalogue,
    key: str,
    before: dict[str, Any],
    after: dict[str, Any],
    language: str,
) -> list[tuple[str, presenters.QuestionView | None, int]]:
    """The follow-up questions of this answer's section that appeared or went with this save,
    as slots to swap: (slot id, the question now shown or None, heading level)."""
    section = catalogue.questions[key].section_key
    was = pages.progress_of(stage, catalogue, before).section(section)
    now = pages.progress_of(stage, catalogue, after).section(section)
    shown_before = {q.key for q in (*was.asked, *was.offered)}
    shown_now = {q.key for q in (*now.asked, *now.offered)}
    changed = shown_before ^ shown_now
    if not changed:
        return []
    views = {
        view.question.key: view
        for view in presenters.question_views(
            stage=stage,
            catalogue=catalogue,
            progress=now,
            stored=queries.answers_of(stage),
            values=after,
            language=language,
            child_facts=_child_facts(stage, now),
            errors={},
            conflicts={},
            posted_values={},
            can_edit=True,
        )
        if view.question.key in changed
    }
    return [
        (presenters.element_id(q.key), views.get(q.key), 3 if q.depth == "further" else 2)
        for q in now.section.questions
        if q.key in changed
    ]


def _section_or_404(found: completion.StageProgress, section: str) -> completion.SectionProgress:
    try:
        return found.section(section)
    except StopIteration:
        raise Http404 from None


@login_required
def section(request: HttpRequest, stage_id: int, section: str) -> HttpResponse:
    at_least = Access.EDIT if request.method == "POST" else Access.READ
    stage, access, catalogue = pages.load_stage(request, stage_id, at_least)
    stored = queries.answers_of(stage)
    values = {key: answer.value for key, answer in stored.items()}
    errors: dict[str, str] = {}
    conflicts: dict[str, presenters.Conflict] = {}
    posted_values: dict[str, Any] = {}
    completing_refused = False
    if request.method == "POST":
        frozen = extensions.frozen_reason(stage) if stage.is_open else None
        if not stage.is_open or frozen:
            messages.error(
                request,
                _("This stage is %(status)s, so its answers cannot change")
                % {"status": frozen or stage.get_status_display().lower()},
            )
            return redirect("assessment:section", stage.pk, section)
        _section_or_404(
            pages.progress_of(stage, catalogue, values, unconfirmed=frozenset()), section
        )
        errors, conflicts, posted_values = _save_section(request, stage, catalogue, section)
        stored = queries.answers_of(stage)
        values = {key: answer.value for key, answer in stored.items()}
        confirming = request.POST.get("confirm", "")
        if (
            confirming
            and confirming in catalogue.questions
            and confirming not in errors
            and confirming not in conflicts
        ):
            # "Confirm" on a carried-forward answer saves the rest of the form first, so no edit is lost.
            return _confirm_one(request, stage, section, confirming)
        if not errors and not conflicts:
            found = pages.progress_of(
                stage, catalogue, values, unconfirmed=queries.unconfirmed_of(stored)
            )
            if request.POST.get("action") == "complete":
                missing = found.section(section).required_missing
                if missing:
                    # Each one named and linked, on the page (its answers are saved).
                    completing_refused = True
                    errors = {
                        q.key: _("Answer this question to mark the section complete")
                        for q in missing
                    }
                else:
                    return _mark_complete(request, stage, catalogue, section)
            else:
                messages.success(request, _("Your answers have been saved"))
                return redirect(_next_url(stage, found, section))
    else:
        record_operations.record_viewed(
            by=Actor.from_request(request), child=stage.child, page=f"assessment section {section}"
        )
    seen = queries.seen_keys(stage, request.user)
    found = pages.progress_of(
        stage,
        catalogue,
        {**values, **posted_values},
        seen=seen,
        unconfirmed=queries.unconfirmed_of(stored),
    )
    progress = _section_or_404(found, section)
    language = pages.language()
    items = extensions.items_of(stage)
    frozen_now = bool(stage.is_open and extensions.frozen_by(items))  # signed off, say
    views = presenters.question_views(
        stage=stage,
        catalogue=catalogue,
        progress=progress,
        stored=stored,
        values=values,
        language=language,
        child_facts=_child_facts(stage, progress),
        errors=errors,
        conflicts=conflicts,
        posted_values=posted_values,
        can_edit=access >= Access.EDIT and stage.is_open and not frozen_now,
    )
    shown = {q.key for q in (*progress.asked, *progress.offered)}
    if isinstance(request.user, User) and seen.get(section) != shown:
        operations.record_section_visit(
            user=request.user,
            stage=stage,
            section=section,
            keys=shown,
        )
    return render(
        request,
        "assessment/section.html",
        pages.stage_context(
            request,
            stage,
            access,
            catalogue,
            found,
            section,
            items=items,
            progress=progress,
            section=progress.section,
            section_title=progress.section.title.get(language),
            intro=progress.section.intro.get(language) if progress.section.intro else "",
            questions=_slots(progress, views, further=False),
            further=_slots(progress, views, further=True),
            can_edit_stage=access >= Access.EDIT and stage.is_open and not frozen_now,
            answer_notes=extensions.notes_of(stage),
            error_list=[
                {
                    "text": f"{_label_of(catalogue, key, language)}: {message}",
                    "href": f"#{presenters.element_id(key)}",
                }
                for key, message in errors.items()
            ],
            error_description=_(
                "Answer the required questions before marking this section complete:"
            )
            if completing_refused
            else "",
            conflict_count=len(conflicts),
            unconfirmed=[v for v in views if v.carried and not v.carried.is_confirmed],
        ),
        status=409 if conflicts else (400 if errors else 200),
    )


def _confirm_one(request: HttpRequest, stage: Stage, section: str, key: str) -> HttpResponse:
    """The section form's "Confirm" on one carried answer, after the form was saved."""
    current = queries.answers_of(stage).get(key)
    # Only an answer this page shows as waiting: never one of another section, or one
    # the stage keeps without showing.
    if (
        current is not None
        and not current.is_confirmed
        and key in operations.waiting_in_section(stage, section)
    ):
        try:
            operations.confirm_answer(
                by=Actor.from_request(request), stage=stage, key=key, version=current.version
            )
        except operations.StaleAnswerError:
            messages.error(request, _("Someone changed this answer meanwhile: check it again"))
    return redirect(
        reverse("assessment:section", args=[stage.pk, section])
        + f"#question-{presenters.element_id(key)}"
    )


def _mark_complete(
    request: HttpRequest, stage: Stage, catalogue: Catalogue, section: str
) -> HttpResponse:
    """ "Save and mark section complete": the carried answers the page showed (posted back as
    "key:version", as the section's confirm posts them) are confirmed first, since the person
    has seen them, and the page says so; one changed by someone since is left waiting, and
    then the section is not marked."""
    by = Actor.from_request(request)
    confirmed = operations.confirm_section(
        by=by, stage=stage, section=section, shown=_shown(request.POST)
    )
    if operations.waiting_in_section(stage, section):
        messages.error(
            request,
            _("Someone changed some of the carried-forward answers meanwhile: check them again"),
        )
        return redirect("assessment:section", stage.pk, section)
    operations.mark_section_complete(by=by, stage=stage, section=section)
    if confirmed:
        messages.success(
            request,
            ngettext(
                "Section marked complete. %(count)d carried-forward answer shown on the page was confirmed.",
                "Section marked complete. %(count)d carried-forward answers shown on the page were confirmed.",
                confirmed,
            )
            % {"count": confirmed},
        )
    else:
        messages.success(request, _("Section marked complete"))
    values = queries.values_of(stage)
    return redirect(_next_url(stage, pages.progress_of(stage, catalogue, values), section))


def _child_facts(stage: Stage, progress: completion.SectionProgress) -> dict[str, str]:
    """The Core Record facts the section shows; a completed stage shows them as they were."""
    kept = stage.snapshot.get("facts") if stage.status == Stage.Status.COMPLETED else None
    if kept is not None:
        return dict(kept)
    sources = {q.source for q in progress.asked if q.source}
    return facts.read_facts(facts.with_relations(stage.child, sources), sources) if sources else {}


def _label_of(catalogue: Catalogue, key: str, language: str) -> str:
    question = catalogue.questions.get(key)
    return question.label.get(language) if question else key


def _next_url(stage: Stage, found: completion.StageProgress, current: str) -> str:
    keys = [progress.section.key for progress in found.sections]
    position = keys.index(current)
    if position + 1 < len(keys):
        return reverse("assessment:section", args=[stage.pk, keys[position + 1]])
    return reverse("assessment:left", args=[stage.pk])


def _save_section(
    request: HttpRequest, stage: Stage, catalogue: Catalogue, section: str
) -> tuple[dict[str, str], dict[str, presenters.Conflict], dict[str, Any]]:
    """Save every answer of the section that the form changed; report errors and conflicts."""
    errors: dict[str, str] = {}
    conflicts: dict[str, presenters.Conflict] = {}
    posted_values: dict[str, Any] = {}
    stored = queries.answers_of(stage)
    actor = Actor.from_request(request)
    language = pages.language()
    for question in catalogue.section(section).questions:
        if question.source is not None or not inputs.posted(question, request.POST):
            continue
        try:
            raw = inputs.value_from(question, request.POST)
            cleaned = answers.clean(question, raw)
        except answers.InvalidAnswerError as error:
            errors[question.key] = str(error)
            posted_values[question.key] = _raw_for_display(question, request.POST)
            continue
        current = stored.get(question.key)
        if (current.value if current else None) == cleaned:
            continue
        version = inputs.version_from(question, request.POST)
        if (
            current is not None
            and current.version != version
            and queries.value_at_version(stage, question.key, version) == cleaned
        ):
            continue  # left as it was when the page opened; a colleague has changed it since
        try:
            operations.record_answer(
                by=actor, stage=stage, key=question.key, value=cleaned, version=version
            )
        except operations.StaleAnswerError as stale:
            posted_values[question.key] = cleaned
            conflicts[question.key] = _conflict(
                catalogue, question.key, stale.current, cleaned, language
            )
    return errors, conflicts, posted_values


def _raw_for_display(question: Any, data: QueryDict) -> Any:
    """A refused answer as it was typed, to show again with its error: nothing typed is lost."""
    if question.kind == "multi_choice":
        return data.getlist(question.key)
    if question.kind == "list":
        return inputs.entries_as_typed(question, data)
    if question.kind == "date":
        return None  # the catalogue asks no date question today; its boxes show empty
    return data.get(question.key, "")


def _conflict(
    catalogue: Catalogue, key: str, current: Answer | None, yours: Any, language: str
) -> presenters.Conflict:
    return presenters.Conflict(
        their_value=current.value if current else None,
        their_text=presenters.display_value(
            catalogue, key, current.value if current else None, language
        )
        or _("(no answer)"),
        their_version=current.version if current else 0,
        their_by=(current.updated_by.display_name if current and current.updated_by else ""),
        their_at=current.updated_at if current else timezone.now(),
        your_text=presenters.display_value(catalogue, key, yours, language) or _("(no answer)"),
    )


@require_POST
@login_required
def autosave(request: HttpRequest, stage_id: int, key: str) -> HttpResponse:
    """Save one answer as it changes (htmx). Answers a fragment: the saved status, or the conflict."""
    stage, _access, catalogue = pages.load_stage(request, stage_id, Access.EDIT)
    question = catalogue.questions.get(key)
    if question is None:
        raise Http404
    language = pages.language()
    context: dict[str, Any] = {"stage": stage, "key": key, "id": presenters.element_id(key)}
    # Answers before this save, only where a follow-up in the section could appear or go.
    before = queries.values_of(stage) if _has_follow_ups(catalogue, question.section_key) else None
    try:
        value = answers.clean(question, inputs.value_from(question, request.POST))
        answer = operations.record_answer(
            by=Actor.from_request(request),
            stage=stage,
            key=key,
            value=value,
            version=inputs.version_from(question, request.POST),
        )
    except answers.InvalidAnswerError as error:
        context.update(error=str(error))
        return render(request, "assessment/_save_status.html", context)
    except operations.StageFrozenError:
        context.update(error=_("This stage can no longer be changed"))
        return render(request, "assessment/_save_status.html", context)
    except (operations.PulledThroughError, operations.UnknownQuestionError):
        raise Http404 from None
    except operations.StaleAnswerError as stale:
        try:
            yours = answers.clean(question, inputs.value_from(question, request.POST))
        except answers.InvalidAnswerError:
            yours = None
        context.update(
            conflict=_conflict(catalogue, key, stale.current, yours, language),
            question_label=question.label.get(language),
        )
        response = render(request, "assessment/_save_status.html", context)
        response["HX-Trigger"] = "cairn:conflict"
        return response
    values = queries.values_of(stage)
    found = pages.progress_of(stage, catalogue, values)
    follow_ups = (
        _follow_ups(stage, catalogue, key, before, values, language) if before is not None else []
    )
    context.update(
        follow_ups=follow_ups,
        appeared=[view.label for _slot, view, _level in follow_ups if view is not None],
        can_edit_stage=True,
        section=catalogue.section(question.section_key),
        answer_notes=extensions.notes_of(stage) if follow_ups else {},
        version=answer.version,
        saved_at=answer.updated_at,
        stage_map=presenters.completion_map(stage, found, language, question.section_key),
        stage_extras=pages.extra_map(extensions.items_of(stage), question.section_key),
        hints=presenters.hints_for(question, answer.value, values, catalogue, language),
    )
    return render(request, "assessment/_save_status.html", context)


@require_POST
@login_required
def confirm(request: HttpRequest, stage_id: int, key: str) -> HttpResponse:
    stage, _access, catalogue = pages.load_stage(request, stage_id, Access.EDIT)
    if key not in catalogue.questions:
        raise Http404
    section_key = catalogue.questions[key].section_key
    waiting = stage.answers.filter(key=key, is_confirmed=False).exists()
    if waiting and key not in operations.waiting_in_section(stage, section_key):
        raise Http404  # an answer this stage does not show is never confirmed unseen
    try:
        # The section page's Confirm button carries the version in its formaction's query string.
        version = request.POST.get("version") or request.GET.get("version") or 0
        operations.confirm_answer(
            by=Actor.from_request(request), stage=stage, key=key, version=int(version)
        )
    except (operations.StaleAnswerError, ValueError):
        messages.error(request, _("Someone changed this answer meanwhile: check it again"))
    except operations.StageFrozenError:
        messages.error(request, _("This stage can no longer be changed"))
    return redirect(
        reverse("assessment:section", args=[stage.pk, catalogue.questions[key].section_key])
        + f"#{presenters.element_id(key)}"
    )


def _shown(post: QueryDict) -> dict[str, int]:
    """The carried answers a page displayed, as it posts them back: "key:version" each."""
    shown: dict[str, int] = {}
    for entry in post.getlist("shown"):
        key, _colon, version = entry.rpartition(":")
        if key and version.isdigit():
            shown[key] = int(version)
    return shown


@require_POST
@login_required
def confirm_section(request: HttpRequest, stage_id: int, section: str) -> HttpResponse:
    """Confirm the carried answers of a section that the page (the section's own, or the
    stage's review page) displayed, and only those."""
    stage, _access, catalogue = pages.load_stage(request, stage_id, Access.EDIT)
    if section not in {s.key for s in catalogue.sections}:
        raise Http404
    back_to_review = request.POST.get("next") == "review"
    shown = _shown(request.POST)
    try:
        count = operations.confirm_section(
            by=Actor.from_request(request), stage=stage, section=section, shown=shown
        )
    except operations.StageFrozenError:
        messages.error(request, _("This stage can no longer be changed"))
    else:
        if count < len(shown):
            messages.error(
                request,
                _("Someone changed some of these answers meanwhile: check them again"),
            )
        else:
            messages.success(
                request, _("%(count)s carried-forward answers confirmed") % {"count": count}
            )
    if back_to_review:
        return redirect("assessment:review", stage.pk)
    return redirect("assessment:section", stage.pk, section)


@login_required
def review_page(request: HttpRequest, stage_id: int) -> HttpResponse:
    """Every carried-forward answer still waiting, section by section, compactly: each with
    who gave it and when, a link to change it, and one confirm per section for what is shown."""
    stage, access, catalogue = pages.load_stage(request, stage_id)
    record_operations.record_viewed(
        by=Actor.from_request(request), child=stage.child, page="assessment carried answers"
    )
    language = pages.language()
    stored = queries.answers_of(stage)
    found = pages.progress_of(
        stage,
        catalogue,
        {key: answer.value for key, answer in stored.items()},
        request.user,
        unconfirmed=queries.unconfirmed_of(stored),
    )
    items = extensions.items_of(stage)
    can_confirm = access >= Access.EDIT and stage.is_open and not extensions.frozen_by(items)
    sections = []
    for progress, questions in review.carried_waiting(found):
        rows = []
        for question in questions:
            answer = stored[question.key]
            rows.append(
                {
                    "key": question.key,
                    "label": question.label.get(language),
                    "value": presenters.display_value(
                        catalogue, question.key, answer.value, language
                    )
                    or "–",
                    "version": answer.version,
                    "by": answer.updated_by_name,
                    "at": answer.updated_at,
                    "from": pages.stage_type_label(catalogue, answer.carried_from_type)
                    if answer.carried_from_type
                    else "",
                    "change_url": reverse(
                        "assessment:section", args=[stage.pk, progress.section.key]
                    )
                    + f"#{presenters.element_id(question.key)}",
                }
            )
        sections.append(
            {
                "key": progress.section.key,
                "title": progress.section.title.get(language),
                "rows": rows,
            }
        )
    return render(
        request,
        "assessment/review.html",
        pages.stage_context(
            request,
            stage,
            access,
            catalogue,
            found,
            "review",
            items=items,
            carried_sections=sections,
            waiting_count=sum(len(section["rows"]) for section in sections),
            current_page="review",
            can_confirm=can_confirm,
        ),
    )


@login_required
def left(request: HttpRequest, stage_id: int) -> HttpResponse:
    stage, access, catalogue = pages.load_stage(request, stage_id)
    record_operations.record_viewed(
        by=Actor.from_request(request), child=stage.child, page="assessment what is left"
    )
    found = pages.progress_of(stage, catalogue, queries.values_of(stage), request.user)
    items = extensions.items_of(stage)
    language = pages.language()
    missing = [
        (
            progress.section.title.get(language),
            [
                (
                    q.label.get(language),
                    reverse("assessment:section", args=[stage.pk, progress.section.key])
                    + f"#{presenters.element_id(q.key)}",
                )
                for q in progress.required_missing
            ],
        )
        for progress in found.sections
        if progress.required_missing
    ]
    unconfirmed = [
        (progress.section.title.get(language), len(progress.unconfirmed))
        for progress in found.sections
        if progress.unconfirmed
    ]
    return render(
        request,
        "assessment/left.html",
        pages.stage_context(
            request,
            stage,
            access,
            catalogue,
            found,
            None,
            items=items,
            missing=missing,
            missing_count=len(found.required_missing),
            unconfirmed=unconfirmed,
            unconfirmed_count=sum(count for _title, count in unconfirmed),
            outstanding=_grouped([item for item in items if item.is_outstanding]),
            can_complete=stage.is_open and access >= Access.EDIT,
        ),
    )


def _grouped(items: list[extensions.StageItem]) -> list[tuple[str, list[extensions.StageItem]]]:
    groups: dict[str, list[extensions.StageItem]] = {}
    for item in items:
        groups.setdefault(item.group, []).append(item)
    return list(groups.items())


@login_required
def complete(request: HttpRequest, stage_id: int) -> HttpResponse:
    """Complete the stage. The page (GET) asks first, saying what completing means; the post
    completes it at once (the pages' Complete button, and anything posting directly)."""
    stage, access, catalogue = pages.load_stage(request, stage_id, Access.EDIT)
    if request.method != "POST":
        return _complete_page(request, stage, access, catalogue)
    try:
        operations.complete_stage(by=Actor.from_request(request), stage=stage)
    except operations.IncompleteStageError as incomplete:
        if incomplete.unconfirmed and not (incomplete.missing or incomplete.outstanding):
            text = _(
                "Confirm or change the carried-forward answers listed below before completing the stage"
            )
        elif incomplete.missing and incomplete.outstanding:
            text = _(
                "Answer the required questions and make the judgements listed below before completing the stage"
            )
        elif incomplete.outstanding:
            text = _("Make or reconfirm the judgements listed below before completing the stage")
        elif incomplete.missing:
            text = _("Answer the required questions listed below before completing the stage")
        else:
            text = _("Finish what is listed below before completing the stage")
        messages.error(request, text)
        return redirect("assessment:left", stage.pk)
    except operations.StageFrozenError:
        messages.error(request, _("This stage has already ended"))
        return redirect("assessment:stage-detail", stage.pk)
    messages.success(
        request, _("Stage completed. The Core Record facts it used have been kept with it.")
    )
    return redirect("assessment:stage-detail", stage.pk)


def _complete_page(
    request: HttpRequest, stage: Stage, access: Access, catalogue: Catalogue
) -> HttpResponse:
    record_operations.record_viewed(
        by=Actor.from_request(request), child=stage.child, page="complete assessment stage"
    )
    left = operations.what_is_left(stage) if stage.is_open else None
    return render(
        request,
        "assessment/complete.html",
        pages.stage_context(
            request,
            stage,
            access,
            catalogue,
            has_left=left is not None,
            can_complete=stage.is_open and left is None,
        ),
    )


@require_POST
@login_required
def deepen(request: HttpRequest, stage_id: int) -> HttpResponse:
    stage, _access, _catalogue = pages.load_stage(request, stage_id, Access.EDIT)
    try:
        operations.deepen_stage(by=Actor.from_request(request), stage=stage)
    except operations.StageFrozenError:
        messages.error(request, _("This stage has already ended"))
    else:
        messages.success(
            request,
            _(
                "This is now a full assessment. Every answer has been kept; new questions are marked on the map."
            ),
        )
    return redirect("assessment:stage-detail", stage.pk)


@login_required
def end(request: HttpRequest, stage_id: int) -> HttpResponse:
    """Stop a stage: the work ended before the assessment was finished (anyone who edits it)."""
    stage, access, catalogue = pages.load_stage(request, stage_id, Access.EDIT)
    error = ""
    if request.method == "POST":
        reason = request.POST.get("reason", "").strip()
        if not reason:
            error = "reason"
        else:
            try:
                operations.end_stage(
                    by=Actor.from_request(request),
                    stage=stage,
                    status=Stage.Status.STOPPED,
                    reason=reason,
                )
            except operations.StageFrozenError:
                messages.error(request, _("This stage has already ended"))
            return redirect("assessment:stage-detail", stage.pk)
    else:
        record_operations.record_viewed(
            by=Actor.from_request(request), child=stage.child, page="stop assessment stage"
        )
    return render(
        request,
        "assessment/end.html",
        pages.stage_context(
            request,
            stage,
            access,
            catalogue,
            error=error,
            reason=request.POST.get("reason", ""),
            can_cancel=stage.is_open
            and operations.may_reopen_or_cancel(Actor.from_request(request), stage),
        ),
        status=400 if error else 200,
    )


def _managed_stage(request: HttpRequest, stage_id: int) -> tuple[Stage, Access, Catalogue]:
    """The stage for reopening or cancelling: reachable for editing (else 404) and the caller a
    manager of its organisation (else 403)."""
    stage, access, catalogue = pages.load_stage(request, stage_id, Access.EDIT)
    if not operations.may_reopen_or_cancel(Actor.from_request(request), stage):
        raise PermissionDenied
    return stage, access, catalogue


def _reason_page(
    request: HttpRequest,
    stage_id: int,
    *,
    template: str,
    refusal: Callable[[Stage], str | None],
    act: Callable[[Actor, Stage, str], Stage],
    done: str,
    page: str,
) -> HttpResponse:
    """A manager's page that changes a stage's state with a reason (reopen, cancel)."""
    stage, access, catalogue = _managed_stage(request, stage_id)
    error = ""
    reason = request.POST.get("reason", "") if request.method == "POST" else ""
    if request.method == "POST":
        if not reason.strip():
            error = _("Enter the reason")
        else:
            try:
                act(Actor.from_request(request), stage, reason)
            except operations.CannotReopenError as refused:
                messages.error(request, _refusal_text(str(refused)))
            except operations.StageFrozenError:
                messages.error(request, _("This stage has already ended"))
            else:
                messages.success(request, done)
            return redirect("assessment:stage-detail", stage.pk)
    else:
        record_operations.record_viewed(
            by=Actor.from_request(request), child=stage.child, page=page
        )
    refused_now = refusal(stage)
    return render(
        request,
        template,
        pages.stage_context(
            request,
            stage,
            access,
            catalogue,
            error=error,
            reason=reason,
            refusal=_refusal_text(refused_now) if refused_now else "",
        ),
        status=400 if error else 200,
    )


def _refusal_text(refusal: str) -> str:
    """An operation's refusal in the reader's language."""
    texts = {
        operations.REFUSED_CANCELLED: _(
            "A cancelled stage cannot be reopened: start a new stage instead"
        ),
        operations.REFUSED_OPEN: _("This stage is already in progress"),
        operations.REFUSED_LATER: _(
            "A later stage has started for this child: reopen or cancel that one instead"
        ),
        REFUSED_NOT_OPEN: _("Only a stage in progress can be cancelled"),
    }
    return texts.get(refusal, refusal)


REFUSED_NOT_OPEN = "Only a stage in progress can be cancelled"


def _cancel_refusal(stage: Stage) -> str | None:
    return None if stage.is_open else REFUSED_NOT_OPEN


@login_required
def reopen(request: HttpRequest, stage_id: int) -> HttpResponse:
    """Managers: put a completed, stopped or signed-off stage back in progress, with a reason."""
    return _reason_page(
        request,
        stage_id,
        template="assessment/reopen.html",
        refusal=operations.reopen_refusal,
        act=lambda by, stage, reason: operations.reopen_stage(by=by, stage=stage, reason=reason),
        done=_("Stage reopened: it is in progress again"),
        page="reopen assessment stage",
    )


@login_required
def cancel(request: HttpRequest, stage_id: int) -> HttpResponse:
    """Managers: cancel a stage started in error, with a reason; it stays listed as cancelled."""

    def act(by: Actor, stage: Stage, reason: str) -> Stage:
        refused = _cancel_refusal(stage)
        if refused:
            raise operations.CannotReopenError(refused)
        return operations.end_stage(
            by=by, stage=stage, status=Stage.Status.CANCELLED, reason=reason
        )

    return _reason_page(
        request,
        stage_id,
        template="assessment/cancel.html",
        refusal=_cancel_refusal,
        act=act,
        done=_("Stage cancelled"),
        page="cancel assessment stage",
    )


@login_required
def changes(request: HttpRequest, stage_id: int) -> HttpResponse:
    stage, access, catalogue = pages.load_stage(request, stage_id)
    record_operations.record_viewed(
        by=Actor.from_request(request), child=stage.child, page="assessment changes"
    )
    language = pages.language()
    compare = request.GET.get("compare", "previous" if stage.previous_id else "start")
    rows: list[dict[str, Any]] = []
    title = ""
    since: dt.datetime | None = None
    if compare == "previous" and stage.previous is not None:
        older = queries.values_of(stage.previous)
        title = _("Compared with the previous stage (%(type)s, started %(date)s)") % {
            "type": pages.stage_type_label(catalogue, stage.previous.stage_type),
            "date": presenters.when(stage.previous.started_at),
        }
        newer = queries.values_of(stage)
        rows = [
            _row(catalogue, key, old, new, language)
            for key, old, new in queries.compare(older, newer)
        ]
    else:
        if compare == "completed" and stage.previous is not None and stage.previous.ended_at:
            since = stage.previous.ended_at
        elif compare == "since":
            try:
                since = parse_datetime(request.GET.get("since", "") or "")
            except ValueError:  # well formed but impossible, like 30 February
                since = None
        since = since or stage.started_at
        if timezone.is_naive(since):
            since = timezone.make_aware(since)
        title = _("Changes since %(when)s") % {"when": presenters.when(since)}
        rows = [
            {
                **_row(catalogue, change.key, change.old, change.new, language),
                "by": change.by,
                "at": change.at,
            }
            for change in queries.changes_since(stage, since)
        ]
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault(row["section"], []).append(row)
    return render(
        request,
        "assessment/changes.html",
        pages.stage_context(
            request,
            stage,
            access,
            catalogue,
            title=title,
            groups=groups,
            compare=compare,
            has_previous=stage.previous_id is not None,
        ),
    )


def _row(catalogue: Catalogue, key: str, old: Any, new: Any, language: str) -> dict[str, Any]:
    question = catalogue.questions.get(key)
    section = ""
    if question is not None:
        section = next(
            (s.title.get(language) for s in catalogue.sections if s.key == question.section_key), ""
        )
    return {
        "key": key,
        "section": section,
        "label": question.label.get(language) if question else key,
        "old": presenters.display_value(catalogue, key, old, language) or "–",
        "new": presenters.display_value(catalogue, key, new, language) or "–",
    }


def _revision_note(note: str) -> str:
    """A revision's note (kept in English, as written) in the reader's language."""
    return {
        "carried forward": _("carried forward"),
        "corrected": _("corrected"),
        "confirmed": _("confirmed"),
    }.get(note, note)


@login_required
def answer_history(request: HttpRequest, stage_id: int, key: str) -> HttpResponse:
    stage, access, catalogue = pages.load_stage(request, stage_id)
    question = catalogue.questions.get(key)
    if question is None:
        raise Http404
    language = pages.language()
    record_operations.record_viewed(
        by=Actor.from_request(request), child=stage.child, page=f"answer history {key}"
    )
    revisions = [
        {
            "version": r.version,
            "value": presenters.display_value(catalogue, key, r.new_value, language) or "–",
            "by": r.by_name,
            "at": r.at,
            "note": _revision_note(r.note),
        }
        for r in queries.history_of(stage, key)
    ]
    return render(
        request,
        "assessment/answer_history.html",
        pages.child_context(
            request,
            stage.child,
            access,
            stage=stage,
            question_label=question.label.get(language),
            revisions=revisions,
            section_url=reverse("assessment:section", args=[stage.pk, question.section_key]),
        ),
    )


@administration_required
def timescales(request: HttpRequest, organisation_id: int) -> HttpResponse:
    # Administrators set their own organisation's timescales: another's answers 404.
    organisation = organisation_or_404(request, organisation_id)
    catalogue = catalogues.load()
    form = TimescalesForm(
        request.POST or None,
        stage_types=catalogue.stages,
        current=operations.timescales_of(organisation.pk),
        language=pages.language(),
    )
    if request.method == "POST" and form.is_valid():
        operations.set_timescales(
            by=Actor.from_request(request), organisation_id=organisation.pk, days=form.cleaned_data
        )
        messages.success(request, _("Timescales saved"))
        return redirect("accounts:organisation-detail", organisation.pk)
    return render(
        request,
        "assessment/timescales.html",
        {"form": form, "organisation": organisation, "active_nav": "organisations"},
    )
