"""The child's plan pages: the plan, changing it, recording the child's response, and the
printed page (HTML and PDF). Thin: load the stage through the assessment pages (404 for
anyone who may not reach the child), call one operation, render. Every page records a viewed
event; every write is audited by the operations."""

from __future__ import annotations

import re
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from cairn.assessment import extensions, pages
from cairn.assessment import queries as assessment_queries
from cairn.assessment.models import Stage
from cairn.assessment.operations import StageFrozenError
from cairn.audit.operations import Actor
from cairn.childplan import document, operations, progress, queries
from cairn.childplan.forms import PlanForm, ResponseForm
from cairn.childplan.models import ChildPlan
from cairn.childplan.operations import PlanText
from cairn.framework import catalogue as catalogues
from cairn.records import operations as record_operations
from cairn.records.access import Access
from cairn.ui.forms import add_errors


def _viewed(request: HttpRequest, stage: Stage, page: str) -> None:
    record_operations.record_viewed(by=Actor.from_request(request), child=stage.child, page=page)


def _editable(stage: Stage, access: Access) -> bool:
    return access >= Access.EDIT and stage.is_open and not extensions.frozen_reason(stage)


def _page(
    request: HttpRequest,
    stage: Stage,
    access: Access,
    template: str,
    status: int = 200,
    **extra: Any,
) -> HttpResponse:
    catalogue = catalogues.load(stage.catalogue_version)
    context = pages.stage_context(
        request,
        stage,
        access,
        catalogue,
        pages.progress_of(stage, catalogue, assessment_queries.values_of(stage), request.user),
        progress.ITEM_KEY,
        plan_url=reverse("childplan:plan", args=[stage.pk]),
        **extra,
    )
    return render(request, template, context, status=status)


@login_required
def plan(request: HttpRequest, stage_id: int) -> HttpResponse:
    stage, access, _catalogue = pages.load_stage(request, stage_id)
    _viewed(request, stage, "child's plan")
    found = queries.plan_of(stage)
    pdf_url = reverse("childplan:pdf", args=[stage.pk])
    return _page(
        request,
        stage,
        access,
        "childplan/plan.html",
        child_plan=found,
        text=PlanText.of(found) if found else None,
        responses=list(reversed(found.responses.all())) if found else [],
        can_edit=_editable(stage, access),
        has_intervention_plan=queries.has_intervention_plan(stage),
        pdf_url=pdf_url,
        pdf_url_cy=f"{pdf_url}?lang=cy",
        pdf_url_en=f"{pdf_url}?lang=en",
        print_url=reverse("childplan:print", args=[stage.pk]),
    )


def _closed(request: HttpRequest, stage: Stage) -> HttpResponse:
    messages.error(request, _("This stage can no longer change: its child's plan is as it was"))
    return redirect("childplan:plan", stage.pk)


@login_required
def change(request: HttpRequest, stage_id: int) -> HttpResponse:
    stage, access, _catalogue = pages.load_stage(request, stage_id, Access.EDIT)
    if not _editable(stage, access):
        return _closed(request, stage)
    current = queries.plan_of(stage)
    version = current.version if current else 0
    text = PlanText.of(current) if current else PlanText()
    if request.method != "POST":
        _viewed(request, stage, "change child's plan")
        from_plan = request.GET.get("from") == "plan"
        if from_plan:
            text = queries.from_intervention_plan(stage, text)
        form = PlanForm(initial=PlanForm.initial_of(text, version))
        return _page(
            request,
            stage,
            access,
            "childplan/change.html",
            form=form,
            from_plan=from_plan,
            has_intervention_plan=queries.has_intervention_plan(stage),
        )
    form = PlanForm(request.POST)
    if form.is_valid():
        try:
            operations.save_plan(
                by=Actor.from_request(request),
                stage=stage,
                text=form.text(),
                version=form.cleaned_data["version"],
            )
        except operations.InvalidError as error:
            add_errors(form, error.errors)
        except operations.StaleError as error:
            return _conflict(request, stage, access, form, error.current)
        except StageFrozenError:
            return _closed(request, stage)
        else:
            messages.success(request, _("The child's plan is saved"))
            return redirect("childplan:plan", stage.pk)
    return _page(request, stage, access, "childplan/change.html", status=400, form=form)


def _conflict(
    request: HttpRequest, stage: Stage, access: Access, form: PlanForm, current: ChildPlan | None
) -> HttpResponse:
    """Their changes stay in the form, against the version now saved, beside what was saved."""
    data = request.POST.copy()
    data["version"] = str(current.version if current else 0)
    fresh = PlanForm(data)
    fresh.is_valid()
    return _page(
        request,
        stage,
        access,
        "childplan/change.html",
        status=409,
        form=fresh,
        conflict={
            "by": current.updated_by_name if current else "",
            "at": current.updated_at if current else None,
            "text": PlanText.of(current) if current else None,
        },
    )


@login_required
def respond(request: HttpRequest, stage_id: int) -> HttpResponse:
    stage, access, _catalogue = pages.load_stage(request, stage_id, Access.EDIT)
    if not _editable(stage, access):
        return _closed(request, stage)
    current = queries.plan_of(stage)
    if current is None:
        messages.error(request, _("Write the child's plan before recording their response"))
        return redirect("childplan:plan", stage.pk)
    if request.method != "POST":
        _viewed(request, stage, "record child's response to their plan")
        form = ResponseForm(
            initial={"plan_version": current.version, "responded_on": timezone.localdate()}
        )
        return _page(
            request, stage, access, "childplan/respond.html", form=form, child_plan=current
        )
    form = ResponseForm(request.POST)
    status = 400
    if form.is_valid():
        try:
            operations.record_response(
                by=Actor.from_request(request),
                stage=stage,
                response=form.cleaned_data["response"],
                words=form.cleaned_data["words"],
                responded_on=form.cleaned_data["responded_on"],
                plan_version=form.cleaned_data["plan_version"],
            )
        except operations.InvalidError as error:
            add_errors(form, error.errors)
        except operations.StaleError:
            status = 409
            data = request.POST.copy()
            data["plan_version"] = str(current.version)
            form = ResponseForm(data)
            form.is_valid()
            form.add_error(
                None,
                _(
                    "The plan changed since you opened this page. Read the plan with the child "
                    "again, then record their response."
                ),
            )
        except StageFrozenError:
            return _closed(request, stage)
        else:
            messages.success(request, _("The child's response is recorded"))
            return redirect("childplan:plan", stage.pk)
    return _page(
        request,
        stage,
        access,
        "childplan/respond.html",
        status=status,
        form=form,
        child_plan=current,
    )


def _printed(request: HttpRequest, stage: Stage) -> document.Printed:
    found = queries.plan_of(stage)
    language = document.language_for(request.GET.get("lang", ""), found)
    return document.printed(stage, found, language)


@login_required
def print_view(request: HttpRequest, stage_id: int) -> HttpResponse:
    stage, _access, _catalogue = pages.load_stage(request, stage_id)
    _viewed(request, stage, "child's plan print view")
    printed = _printed(request, stage)
    html = document.html(
        printed,
        for_screen=True,
        back_url=reverse("childplan:plan", args=[stage.pk]),
        back_text=_("Back to the child's plan"),
    )
    response = HttpResponse(html)
    response["Content-Language"] = "cy" if printed.language == "cy" else "en-GB"
    patch_cache_control(response, private=True, no_store=True)
    return response


def filename_for(stage: Stage, language: str) -> str:
    """childs-plan-<local ID or id>-<date>[-cy].pdf: never the child's name."""
    reference = re.sub(r"[^A-Za-z0-9_-]", "", stage.child.local_id) or str(stage.child.pk)
    suffix = "-cy" if language == "cy" else ""
    return f"childs-plan-{reference}-{timezone.localdate().isoformat()}{suffix}.pdf"


@login_required
def pdf(request: HttpRequest, stage_id: int) -> HttpResponse:
    stage, _access, _catalogue = pages.load_stage(request, stage_id)
    _viewed(request, stage, "child's plan PDF")
    printed = _printed(request, stage)
    with translation.override("cy" if printed.language == "cy" else "en-gb"):
        content = document.render(printed).pdf()
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename_for(stage, printed.language)}"'
    response["Content-Language"] = "cy" if printed.language == "cy" else "en-GB"
    patch_cache_control(response, private=True, no_store=True)
    return response
