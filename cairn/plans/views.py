"""Plan pages: the whole plan as one grid with what no target covers yet, the forms for a
target, an action and a progress note, and the risk and safety plan on its own. Thin: load
through queries, call one operation, render."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from cairn.assessment import pages
from cairn.assessment import queries as assessment_queries
from cairn.assessment.models import Stage
from cairn.assessment.operations import StageFrozenError
from cairn.audit.operations import Actor
from cairn.judgements.models import Concern
from cairn.plans import operations, pdf, presenters, progress, queries
from cairn.plans.forms import ActionForm, ProgressForm, TargetForm
from cairn.plans.models import Action, ManagesRisk, Target, TargetStatus
from cairn.records import operations as record_operations
from cairn.records.access import Access
from cairn.ui.forms import add_errors


def _frozen() -> str:
    return _("This stage has ended or is signed off: its plan can no longer change")


def _viewed(request: HttpRequest, stage: Stage, page: str) -> None:
    record_operations.record_viewed(by=Actor.from_request(request), child=stage.child, page=page)


def _can_edit(stage: Stage, access: Access) -> bool:
    return access >= Access.EDIT and stage.is_open


@login_required
def plan(request: HttpRequest, stage_id: int) -> HttpResponse:
    stage, access, catalogue = pages.load_stage(request, stage_id)
    _viewed(request, stage, "plan")
    values = assessment_queries.values_of(stage)
    targets = queries.targets_of(stage)
    can_edit = _can_edit(stage, access)
    context = pages.stage_context(
        request,
        stage,
        access,
        catalogue,
        pages.progress_of(stage, catalogue, values, request.user),
        progress.PLAN_KEY,
        rows=presenters.rows(targets),
        findings=queries.uncovered(stage, targets, values) if can_edit else None,
        unmanaged=queries.unmanaged_high_concerns(stage, targets),
        can_edit=can_edit,
    )
    return render(request, "plans/plan.html", context)


# Targets -------------------------------------------------------------------------------------


def _target_form(stage: Stage, data: Any = None, initial: Any = None) -> TargetForm:
    values = assessment_queries.values_of(stage)
    return TargetForm(
        data,
        initial=initial,
        factors=presenters.factor_choices(values),
        concerns=presenters.concern_choices(stage),
        questions=presenters.question_choices(stage, values),
    )


def _target_input(form: TargetForm) -> operations.TargetInput:
    data = form.cleaned_data
    return operations.TargetInput(
        objective=data["objective"],
        goal_in_childs_words=data["goal_in_childs_words"],
        area=data["area"],
        manages_risk=data["manages_risk"],
        status=data["status"],
        factor=data["factor"],
        concern_id=data["concern"],
        question_key=data["question_key"],
    )


def _render_target(
    request: HttpRequest,
    stage: Stage,
    access: Access,
    form: TargetForm,
    target: Target | None,
    status: int = 200,
    **extra: Any,
) -> HttpResponse:
    return pages.render_stage_page(
        request,
        "plans/target_form.html",
        stage,
        access,
        status,
        form=form,
        target=target,
        back=reverse("plans:plan", args=[stage.pk]),
        **extra,
    )


def _editable_stage(request: HttpRequest, stage_id: int) -> tuple[Stage, Access]:
    stage, access, _catalogue = pages.load_stage(request, stage_id, Access.EDIT)
    if not stage.is_open:
        raise Http404
    return stage, access


@login_required
def target_add(request: HttpRequest, stage_id: int) -> HttpResponse:
    stage, access = _editable_stage(request, stage_id)
    if request.method != "POST":
        _viewed(request, stage, "add target")
        initial = {
            "factor": request.GET.get("factor", ""),
            "concern": request.GET.get("concern", ""),
            "question_key": request.GET.get("question_key", ""),
            "manages_risk": ManagesRisk.NONE,
            "status": TargetStatus.NOT_STARTED,
        }
        concern = (
            Concern.objects.filter(stage=stage, pk=int(initial["concern"])).first()
            if initial["concern"].isdigit()
            else None
        )
        if concern is not None:
            initial["manages_risk"] = concern.judgement
        return _render_target(request, stage, access, _target_form(stage, initial=initial), None)
    form = _target_form(stage, data=request.POST)
    if form.is_valid():
        try:
            operations.add_target(
                by=Actor.from_request(request), stage=stage, data=_target_input(form)
            )
        except operations.InvalidError as error:
            add_errors(form, error.errors)
        except StageFrozenError:
            messages.error(request, _frozen())
            return redirect("plans:plan", stage.pk)
        else:
            messages.success(request, _("Target added"))
            return redirect("plans:plan", stage.pk)
    return _render_target(request, stage, access, form, None, status=400)


def _target_or_404(stage: Stage, target_id: int) -> Target:
    target = queries.target_of(stage, target_id)
    if target is None:
        raise Http404
    return target


@login_required
def target_change(request: HttpRequest, stage_id: int, target_id: int) -> HttpResponse:
    stage, access = _editable_stage(request, stage_id)
    target = _target_or_404(stage, target_id)
    if request.method != "POST":
        _viewed(request, stage, "change target")
        initial = {
            "factor": target.factor,
            "concern": target.concern_id or "",
            "question_key": target.question_key,
            "goal_in_childs_words": target.goal_in_childs_words,
            "objective": target.objective,
            "area": target.area,
            "manages_risk": target.manages_risk,
            "status": target.status,
            "version": target.version,
        }
        return _render_target(request, stage, access, _target_form(stage, initial=initial), target)
    form = _target_form(stage, data=request.POST)
    if form.is_valid():
        try:
            operations.change_target(
                by=Actor.from_request(request),
                stage=stage,
                target_id=target.pk,
                data=_target_input(form),
                version=form.cleaned_data["version"] or 0,
            )
        except operations.InvalidError as error:
            add_errors(form, error.errors)
        except operations.StaleError as error:
            current: Target = error.current
            fresh = _target_form(stage, initial={**form.cleaned_data, "version": current.version})
            return _render_target(
                request,
                stage,
                access,
                fresh,
                current,
                status=409,
                conflict=presenters.target_conflict(current),
            )
        except StageFrozenError:
            messages.error(request, _frozen())
            return redirect("plans:plan", stage.pk)
        else:
            messages.success(request, _("Target changed"))
            return redirect("plans:plan", stage.pk)
    return _render_target(request, stage, access, form, target, status=400)


# Actions -------------------------------------------------------------------------------------


def _action_input(form: ActionForm) -> operations.ActionInput:
    data = form.cleaned_data
    return operations.ActionInput(
        what=data["what"],
        who=data["who"],
        agency_name=data["agency_name"],
        by_when=data["by_when"],
        status=data["status"],
        kind=data["kind"],
    )


def _render_action(
    request: HttpRequest,
    stage: Stage,
    access: Access,
    target: Target,
    form: ActionForm,
    action: Action | None,
    status: int = 200,
    **extra: Any,
) -> HttpResponse:
    return pages.render_stage_page(
        request,
        "plans/action_form.html",
        stage,
        access,
        status,
        form=form,
        target=target,
        action=action,
        back=reverse("plans:plan", args=[stage.pk]),
        **extra,
    )


@login_required
def action_add(request: HttpRequest, stage_id: int, target_id: int) -> HttpResponse:
    stage, access = _editable_stage(request, stage_id)
    target = _target_or_404(stage, target_id)
    if request.method != "POST":
        _viewed(request, stage, "add action")
        form = ActionForm(initial={"who": "", "kind": "ordinary", "status": "not_started"})
        return _render_action(request, stage, access, target, form, None)
    form = ActionForm(request.POST)
    if form.is_valid():
        try:
            operations.add_action(
                by=Actor.from_request(request),
                stage=stage,
                target_id=target.pk,
                data=_action_input(form),
            )
        except operations.InvalidError as error:
            add_errors(form, error.errors)
        except StageFrozenError:
            messages.error(request, _frozen())
            return redirect("plans:plan", stage.pk)
        else:
            messages.success(request, _("Action added"))
            return redirect("plans:plan", stage.pk)
    return _render_action(request, stage, access, target, form, None, status=400)


@login_required
def action_change(
    request: HttpRequest, stage_id: int, target_id: int, action_id: int
) -> HttpResponse:
    stage, access = _editable_stage(request, stage_id)
    target = _target_or_404(stage, target_id)
    action = Action.objects.filter(target=target, pk=action_id).first()
    if action is None:
        raise Http404
    if request.method != "POST":
        _viewed(request, stage, "change action")
        form = ActionForm(
            initial={
                "what": action.what,
                "who": action.who,
                "agency_name": action.agency_name,
                "by_when": action.by_when,
                "kind": action.kind,
                "status": action.status,
                "version": action.version,
            }
        )
        return _render_action(request, stage, access, target, form, action)
    form = ActionForm(request.POST)
    if form.is_valid():
        try:
            operations.change_action(
                by=Actor.from_request(request),
                stage=stage,
                target_id=target.pk,
                action_id=action.pk,
                data=_action_input(form),
                version=form.cleaned_data["version"] or 0,
            )
        except operations.InvalidError as error:
            add_errors(form, error.errors)
        except operations.StaleError as error:
            current: Action = error.current
            fresh = ActionForm(initial={**form.cleaned_data, "version": current.version})
            return _render_action(
                request,
                stage,
                access,
                target,
                fresh,
                current,
                status=409,
                conflict=presenters.action_conflict(current),
            )
        except StageFrozenError:
            messages.error(request, _frozen())
            return redirect("plans:plan", stage.pk)
        else:
            messages.success(request, _("Action changed"))
            return redirect("plans:plan", stage.pk)
    return _render_action(request, stage, access, target, form, action, status=400)


# Progress ------------------------------------------------------------------------------------


@login_required
def progress_add(request: HttpRequest, stage_id: int, target_id: int) -> HttpResponse:
    stage, access = _editable_stage(request, stage_id)
    target = _target_or_404(stage, target_id)
    form = ProgressForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method != "POST":
        _viewed(request, stage, "add progress")
    elif form.is_valid():
        try:
            operations.add_progress(
                by=Actor.from_request(request),
                stage=stage,
                target_id=target.pk,
                text=form.cleaned_data["text"],
                noted_on=form.cleaned_data["noted_on"],
            )
        except operations.InvalidError as error:
            add_errors(form, error.errors)
            status = 400
        except StageFrozenError:
            messages.error(request, _frozen())
            return redirect("plans:plan", stage.pk)
        else:
            messages.success(request, _("Progress added"))
            return redirect("plans:plan", stage.pk)
    else:
        status = 400
    notes = list(target.progress_notes.order_by("noted_on", "created_at", "id"))
    return pages.render_stage_page(
        request,
        "plans/progress_form.html",
        stage,
        access,
        status,
        form=form,
        target=target,
        notes=notes,
        back=reverse("plans:plan", args=[stage.pk]),
    )


# The risk and safety plan --------------------------------------------------------------------


@login_required
def risk(request: HttpRequest, stage_id: int) -> HttpResponse:
    """Only the risk and safety plan, to print (A4) or share on its own."""
    stage, _access, catalogue = pages.load_stage(request, stage_id)
    _viewed(request, stage, "risk and safety plan")
    targets = queries.targets_of(stage)
    risk_plan = queries.risk_plan(targets)
    return render(
        request,
        "plans/risk.html",
        {
            "stage": stage,
            "child": stage.child,
            "stage_label": pages.stage_type_label(catalogue, stage.stage_type),
            "risk_plan": risk_plan,
            # Why the stage waits for this plan (a medium rating or above), while it is empty.
            "needs_actions": progress.rating_needing_actions(stage)
            if stage.is_open and not risk_plan
            else "",
            "plan_url": reverse("plans:plan", args=[stage.pk]),
            "pdf_url": reverse("plans:risk-pdf", args=[stage.pk]),
        },
    )


@login_required
def risk_pdf(request: HttpRequest, stage_id: int) -> HttpResponse:
    """The risk and safety plan as a PDF, on A4, to share on its own."""
    stage, _access, catalogue = pages.load_stage(request, stage_id)
    _viewed(request, stage, "risk and safety plan PDF")
    html = render_to_string(
        "plans/risk_pdf.html",
        {
            "stage": stage,
            "child": stage.child,
            "stage_label": pages.stage_type_label(catalogue, stage.stage_type),
            "risk_plan": queries.risk_plan(queries.targets_of(stage)),
            "language": pages.language(),
        },
    )
    response = HttpResponse(pdf.render(html), content_type="application/pdf")
    reference = stage.child.local_id or str(stage.child.pk)
    response["Content-Disposition"] = f'inline; filename="risk-plan-{reference}-{stage.pk}.pdf"'
    patch_cache_control(response, private=True, no_store=True)
    return response
