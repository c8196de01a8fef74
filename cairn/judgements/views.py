"""Judgement pages: one per judgement of a stage, with the proposal and what it rests on, the
decision form, and the concerns the two risk judgements are built from. Thin: load through
queries, call one operation, render; the shaping is in presenters."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cairn.accounts.scope import administration_required, is_service_administrator
from cairn.assessment import extensions, pages
from cairn.assessment import queries as assessment_queries
from cairn.assessment.models import Stage
from cairn.assessment.operations import StageFrozenError
from cairn.audit.operations import Actor
from cairn.framework import catalogue as catalogues
from cairn.judgements import operations, presenters, progress, queries, scoring
from cairn.judgements import rules as judgement_rules
from cairn.judgements.forms import ConcernForm, DecisionForm
from cairn.judgements.models import Concern, Kind, ScoringModelFile
from cairn.records import operations as record_operations
from cairn.records.access import Access
from cairn.ui.forms import add_errors


def _frozen_message(stage: Stage) -> str:
    if stage.is_open:
        return _("This stage is signed off: its judgements can no longer change")
    return _("This stage has ended: its judgements can no longer change")


def _kind_or_404(stage: Stage, kind: str) -> str:
    if kind not in queries.kinds_of(stage):
        raise Http404
    return kind


def _decision_form(
    state: queries.JudgementState, language: str, data: Any = None, initial: Any = None
) -> DecisionForm:
    return DecisionForm(
        data,
        initial=initial
        or {
            "rating": state.judgement.rating if state.judgement else "",
            "reason": state.judgement.reason if state.judgement else "",
            "version": state.judgement.version if state.judgement else 0,
        },
        choices=presenters.rating_choices(state, language),
        legend=presenters.decision_legend(state.kind),
    )


def _render(
    request: HttpRequest,
    stage: Stage,
    access: Access,
    kind: str,
    form: DecisionForm | None = None,
    status: int = 200,
    **extra: Any,
) -> HttpResponse:
    catalogue = catalogues.load(stage.catalogue_version)
    language = pages.language()
    values = assessment_queries.values_of(stage)
    found = queries.review_cached(stage, values)
    state = found.states[kind]
    can_edit = access >= Access.EDIT and stage.is_open and not extensions.frozen_reason(stage)
    context = pages.stage_context(
        request,
        stage,
        access,
        catalogue,
        pages.progress_of(stage, catalogue, values, request.user),
        progress.item_key(kind),
        page=presenters.judgement_page(stage, found, state, catalogue, language),
        form=form or (_decision_form(state, language) if can_edit else None),
        can_edit=can_edit,
        **extra,
    )
    return render(request, "judgements/judgement.html", context, status=status)


@login_required
def judgement(request: HttpRequest, stage_id: int, kind: str) -> HttpResponse:
    stage, access, _catalogue = pages.load_stage(request, stage_id)
    kind = _kind_or_404(stage, kind)
    if request.method != "POST":
        record_operations.record_viewed(
            by=Actor.from_request(request), child=stage.child, page=f"judgement {kind}"
        )
        return _render(request, stage, access, kind)
    stage, access, _catalogue = pages.load_stage(request, stage_id, Access.EDIT)
    language = pages.language()
    state = queries.review(stage).states[kind]
    form = _decision_form(state, language, data=request.POST)
    if not form.is_valid():
        return _render(request, stage, access, kind, form, status=400)
    try:
        operations.decide(
            by=Actor.from_request(request),
            stage=stage,
            kind=kind,
            rating=form.cleaned_data["rating"],
            reason=form.cleaned_data["reason"],
            version=form.cleaned_data["version"],
        )
    except operations.InvalidError as error:
        add_errors(form, error.errors)
        return _render(request, stage, access, kind, form, status=400)
    except operations.StaleError as error:
        return _render(
            request,
            stage,
            access,
            kind,
            _decision_form(
                state,
                language,
                initial={
                    "rating": form.cleaned_data["rating"],
                    "reason": form.cleaned_data["reason"],
                    "version": error.current.version if error.current else 0,
                },
            ),
            status=409,
            conflict=presenters.conflict(error.current, language),
        )
    except StageFrozenError:
        messages.error(request, _frozen_message(stage))
        return redirect("judgements:judgement", stage.pk, kind)
    messages.success(request, _("%(judgement)s saved") % {"judgement": Kind(kind).label})
    return redirect("judgements:judgement", stage.pk, kind)


@require_POST
@login_required
def reconfirm(request: HttpRequest, stage_id: int, kind: str) -> HttpResponse:
    stage, access, _catalogue = pages.load_stage(request, stage_id, Access.EDIT)
    kind = _kind_or_404(stage, kind)
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        version = -1
    reason = request.POST.get("reason", "")
    try:
        operations.reconfirm(
            by=Actor.from_request(request), stage=stage, kind=kind, version=version, reason=reason
        )
    except operations.InvalidError as error:
        # Shown on the page with what was typed, not lost in a redirect.
        return _render(
            request,
            stage,
            access,
            kind,
            status=400,
            reconfirm_error=" ".join(error.errors.values()),
            reconfirm_reason=reason,
        )
    except operations.StaleError:
        messages.error(
            request,
            _(
                "Someone changed this judgement since you opened it. Read it again before reconfirming."
            ),
        )
    except operations.UnknownJudgementError:
        messages.error(request, _("Make this judgement before reconfirming it"))
    except StageFrozenError:
        messages.error(request, _frozen_message(stage))
    else:
        messages.success(request, _("%(judgement)s reconfirmed") % {"judgement": Kind(kind).label})
    return redirect("judgements:judgement", stage.pk, kind)


# Concerns ------------------------------------------------------------------------------------


def _concern_form(
    stage: Stage, judgement: str, language: str, data: Any = None, initial: Any = None
) -> ConcernForm:
    return ConcernForm(
        data,
        initial=initial,
        rules=judgement_rules.active(),
        judgement=judgement,
        answers=presenters.answer_choices(stage, judgement, language, initial),
        language=language,
    )


def _concern_input(form: ConcernForm) -> operations.ConcernInput:
    data = form.cleaned_data
    return operations.ConcernInput(
        what=data["what"],
        to_whom=data["to_whom"],
        to_whom_detail=data["to_whom_detail"],
        impact=data["impact"],
        likelihood=data["likelihood"],
        imminence=data["imminence"],
        evidence=data["evidence"],
        answer_keys=tuple(data["answer_keys"]),
    )


def _render_concern(
    request: HttpRequest,
    stage: Stage,
    access: Access,
    judgement: str,
    form: ConcernForm,
    concern: Concern | None,
    status: int = 200,
    **extra: Any,
) -> HttpResponse:
    return pages.render_stage_page(
        request,
        "judgements/concern_form.html",
        stage,
        access,
        status,
        form=form,
        concern=concern,
        judgement=judgement,
        judgement_label=Kind(judgement).label,
        back=reverse("judgements:judgement", args=[stage.pk, judgement]),
        **extra,
    )


@login_required
def concern_add(request: HttpRequest, stage_id: int, kind: str) -> HttpResponse:
    stage, access, _catalogue = pages.load_stage(request, stage_id, Access.EDIT)
    if kind not in Concern.Judgement.values:
        raise Http404
    kind = _kind_or_404(stage, kind)
    if not stage.is_open or extensions.frozen_reason(stage):
        raise Http404
    language = pages.language()
    if request.method != "POST":
        record_operations.record_viewed(
            by=Actor.from_request(request), child=stage.child, page=f"add concern {kind}"
        )
        return _render_concern(
            request, stage, access, kind, _concern_form(stage, kind, language), None
        )
    form = _concern_form(stage, kind, language, data=request.POST)
    if form.is_valid():
        try:
            operations.add_concern(
                by=Actor.from_request(request),
                stage=stage,
                judgement=kind,
                data=_concern_input(form),
            )
        except operations.InvalidError as error:
            add_errors(form, error.errors)
        except StageFrozenError:
            raise Http404 from None
        else:
            messages.success(request, _("Concern added"))
            return redirect("judgements:judgement", stage.pk, kind)
    return _render_concern(request, stage, access, kind, form, None, status=400)


def _concern_or_404(stage: Stage, concern_id: int) -> Concern:
    concern = Concern.objects.filter(stage=stage, pk=concern_id).first()
    if concern is None:
        raise Http404
    return concern


@login_required
def concern_change(request: HttpRequest, stage_id: int, concern_id: int) -> HttpResponse:
    stage, access, _catalogue = pages.load_stage(request, stage_id, Access.EDIT)
    concern = _concern_or_404(stage, concern_id)
    if not stage.is_open or extensions.frozen_reason(stage):
        raise Http404
    language = pages.language()
    initial = {
        "what": concern.what,
        "to_whom": concern.to_whom,
        "to_whom_detail": concern.to_whom_detail,
        "impact": concern.impact,
        "likelihood": concern.likelihood,
        "imminence": concern.imminence,
        "evidence": concern.evidence,
        "answer_keys": concern.answer_keys,
        "version": concern.version,
    }
    if request.method != "POST":
        record_operations.record_viewed(
            by=Actor.from_request(request), child=stage.child, page="change concern"
        )
        form = _concern_form(stage, concern.judgement, language, initial=initial)
        return _render_concern(request, stage, access, concern.judgement, form, concern)
    form = _concern_form(stage, concern.judgement, language, data=request.POST, initial=initial)
    if form.is_valid():
        try:
            operations.change_concern(
                by=Actor.from_request(request),
                stage=stage,
                concern_id=concern.pk,
                data=_concern_input(form),
                version=form.cleaned_data["version"] or 0,
            )
        except operations.InvalidError as error:
            add_errors(form, error.errors)
        except operations.StaleError as error:
            current = error.current
            fresh = _concern_form(
                stage,
                concern.judgement,
                language,
                initial={**form.cleaned_data, "version": current.version},
            )
            return _render_concern(
                request,
                stage,
                access,
                concern.judgement,
                fresh,
                current,
                status=409,
                conflict=presenters.concern_conflict(current, language),
            )
        except StageFrozenError:
            raise Http404 from None
        else:
            messages.success(request, _("Concern changed"))
            return redirect("judgements:judgement", stage.pk, concern.judgement)
    return _render_concern(request, stage, access, concern.judgement, form, concern, status=400)


@require_POST
@login_required
def concern_remove(request: HttpRequest, stage_id: int, concern_id: int) -> HttpResponse:
    stage, _access, _catalogue = pages.load_stage(request, stage_id, Access.EDIT)
    concern = _concern_or_404(stage, concern_id)
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        version = -1
    try:
        operations.remove_concern(
            by=Actor.from_request(request), stage=stage, concern_id=concern.pk, version=version
        )
    except operations.StaleError:
        messages.error(
            request, _("Someone changed this concern since you opened it. Read it again first.")
        )
    except StageFrozenError:
        messages.error(request, _frozen_message(stage))
    else:
        messages.success(request, _("Concern removed"))
    return redirect("judgements:judgement", stage.pk, concern.judgement)


# Scoring models ------------------------------------------------------------------------------


def _may_load_models(request: HttpRequest) -> bool:
    """Whether the caller may load a model; a change by anyone else is refused."""
    may_load = is_service_administrator(request)
    if request.method == "POST" and not may_load:
        raise PermissionDenied
    return may_load


@administration_required  # a service administrator may have no role in any organisation
def scoring_model(request: HttpRequest) -> HttpResponse:
    """Administrators see the active model in full; the model is the whole service's, so only
    a service administrator may load another model file (an organisation's administrator acts
    only within their organisation)."""
    error = ""
    may_load = _may_load_models(request)
    if request.method == "POST":
        by = Actor.from_request(request)
        if request.POST.get("action") == "default":
            operations.use_default_model(by=by)
            messages.success(request, _("The default model is in use again"))
            return redirect("judgements:scoring-model")
        upload = request.FILES.get("model_file")
        text = request.POST.get("model_text", "")
        if upload is not None:
            if upload.size and upload.size > scoring.LARGEST_FILE:
                error = _("The file is too large: a model file is a few kilobytes")
            else:
                try:
                    text = upload.read().decode("utf-8")
                except UnicodeDecodeError:
                    error = _("The file must be a YAML text file (UTF-8)")
        if not error and not text.strip():
            error = _("Choose a model file, or paste the model")
        if not error:
            try:
                loaded = operations.load_scoring_model(by=by, text=text)
            except scoring.ModelFileError as refused:
                error = _(
                    "The model was not loaded, and the active model stays in use: %(why)s"
                ) % {"why": refused}
            else:
                messages.success(
                    request,
                    _("%(name)s %(version)s is now the active model")
                    % {"name": loaded.name, "version": loaded.version},
                )
                return redirect("judgements:scoring-model")
    model = presenters.model_view(pages.language())
    return render(
        request,
        "judgements/scoring_model.html",
        {
            "model": model,
            "language": pages.language(),
            "error": error,
            "may_load": may_load,
            "loaded": ScoringModelFile.objects.select_related("loaded_by").order_by("-loaded_at")[
                :10
            ],
        },
        status=400 if error else 200,
    )
