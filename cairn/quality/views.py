"""Countersigning pages: a stage's sign-off page (request it, see its history and comments),
the countersigner's page (what changed first, then the judgements, comments and the
decision), the managers' queue and the organisation's policy. Thin: load through queries,
call one operation, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cairn.accounts.decorators import capability_required
from cairn.accounts.requests import acting_membership, membership_of
from cairn.accounts.roles import Capability
from cairn.assessment import pages
from cairn.assessment import queries as assessment_queries
from cairn.assessment.models import Stage
from cairn.assessment.operations import StageFrozenError
from cairn.audit.operations import Actor
from cairn.framework import catalogue as catalogues
from cairn.judgements import presenters as judgement_presenters
from cairn.quality import deadlines, operations, policy, presenters, progress, queries
from cairn.quality.forms import (
    NO_RATING,
    CommentForm,
    DecisionForm,
    PolicyForm,
    ReplyForm,
    RequestForm,
    WithdrawForm,
)
from cairn.quality.models import SignoffComment, SignoffRequest
from cairn.records import operations as record_operations
from cairn.records.access import Access

Status = SignoffRequest.Status


def _stage_page(
    request: HttpRequest,
    stage: Stage,
    access: Access,
    form: RequestForm | None,
    status: int = 200,
    refused: list[progress.Left] | None = None,
    withdraw_form: WithdrawForm | None = None,
) -> HttpResponse:
    catalogue = catalogues.load(stage.catalogue_version)
    language = pages.language()
    requests = queries.requests_of(stage)
    latest = requests[0] if requests else None
    tag_text, tag_class = presenters.status_tag(latest)
    can_request = (
        access >= Access.EDIT
        and stage.is_open
        and not (latest and latest.status in {Status.AWAITING, Status.SIGNED_OFF})
    )
    readiness = presenters.readiness(stage) if can_request else None
    awaiting = latest if latest and latest.is_awaiting else None
    # An awaiting request whose judgements went out of date since (a Core Record change, say)
    # cannot be signed off as it stands: the practitioner is told what, and how to go on.
    out_of_date = progress.left_for(stage, awaiting.sections) if awaiting else []
    if awaiting is not None and access >= Access.EDIT:
        tag_text, tag_class = presenters.status_tag(awaiting, out_of_date=bool(out_of_date))
    if readiness is not None and form is not None:
        if not readiness.offered:
            form = None  # nothing can be sent yet: the page says what is left instead
        elif form.is_bound:
            form.offer(readiness.offered)
        else:
            form = RequestForm(offered=readiness.offered)
    context = pages.stage_context(
        request,
        stage,
        access,
        catalogue,
        pages.progress_of(stage, catalogue, assessment_queries.values_of(stage), request.user),
        progress.ITEM_KEY,
        requests=requests,
        latest=latest,
        tag_text=tag_text,
        tag_class=tag_class,
        needed=policy.needs_countersigning(stage),
        form=form if can_request else None,
        readiness=readiness,
        refused=[{"text": item.text, "href": item.url} for item in refused or []],
        out_of_date=out_of_date,
        withdrawn_on_edit=operations.WITHDRAWN_NOTE,
        withdraw_form=(withdraw_form or WithdrawForm())
        if awaiting is not None and access >= Access.EDIT
        else None,
        threads=presenters.threads(stage, queries.comments_of(stage), catalogue, language),
        can_comment=access >= Access.EDIT,
    )
    return render(request, "quality/stage_signoff.html", context, status=status)


@login_required
def stage_signoff(request: HttpRequest, stage_id: int) -> HttpResponse:
    if request.method != "POST":
        stage, access, _catalogue = pages.load_stage(request, stage_id)
        record_operations.record_viewed(
            by=Actor.from_request(request), child=stage.child, page="stage sign-off"
        )
        return _stage_page(request, stage, access, RequestForm())
    stage, access, _catalogue = pages.load_stage(request, stage_id, Access.EDIT)
    form = RequestForm(request.POST)
    if not form.is_valid():
        return _stage_page(request, stage, access, form, status=400)
    try:
        operations.request_signoff(
            by=Actor.from_request(request), stage=stage, sections=form.cleaned_data["sections"]
        )
    except operations.AlreadyAwaitingError:
        messages.error(request, _("Sign-off has already been requested for this stage"))
    except operations.NotReadyError as not_ready:
        return _stage_page(request, stage, access, form, status=422, refused=not_ready.left)
    except StageFrozenError:
        messages.error(request, _("This stage can no longer be changed"))
    else:
        messages.success(request, _("Sign-off requested. A manager will countersign it."))
    return redirect("quality:stage-signoff", stage.pk)


@require_POST
@login_required
def withdraw(request: HttpRequest, stage_id: int) -> HttpResponse:
    """The practitioner takes back the stage's awaiting request, with a reason."""
    stage, access, _catalogue = pages.load_stage(request, stage_id, Access.EDIT)
    form = WithdrawForm(request.POST)
    awaiting = next((item for item in queries.requests_of(stage) if item.is_awaiting), None)
    if awaiting is None:
        messages.error(request, _("No sign-off request is awaiting a decision on this stage"))
        return redirect("quality:stage-signoff", stage.pk)
    if not form.is_valid():
        return _stage_page(request, stage, access, None, status=400, withdraw_form=form)
    awaiting.stage = stage
    try:
        operations.withdraw(
            by=Actor.from_request(request), request=awaiting, reason=form.cleaned_data["reason"]
        )
    except operations.NotAwaitingError:
        messages.error(request, _("This request has already been decided or withdrawn"))
    else:
        messages.success(
            request, _("Sign-off request withdrawn. Ask again when the stage is ready.")
        )
    return redirect("quality:stage-signoff", stage.pk)


def _request_page(
    request: HttpRequest,
    signoff: SignoffRequest,
    access: Access,
    *,
    decision_form: DecisionForm | None = None,
    comment_form: CommentForm | None = None,
    status: int = 200,
) -> HttpResponse:
    stage = signoff.stage
    catalogue = catalogues.load(stage.catalogue_version)
    language = pages.language()
    baseline = queries.baseline_of(signoff)
    changes = queries.changes_for(signoff, baseline)
    keys = presenters.comment_keys(stage, catalogue, language, [change.key for change in changes])
    reason = queries.refusal(membership_of(request), signoff)
    can_decide = signoff.is_awaiting and reason is None
    # What went out of date after the request was made, shown before the diff; while any
    # remains the stage cannot be signed off, only sent back.
    out_of_date = progress.left_for(stage, signoff.sections) if signoff.is_awaiting else []
    tag_text, tag_class = presenters.status_tag(signoff)
    context = pages.stage_context(
        request,
        stage,
        access,
        catalogue,
        signoff=signoff,
        tag_text=tag_text,
        tag_class=tag_class,
        baseline_text=presenters.baseline_text(baseline),
        groups=presenters.change_groups(stage, changes, catalogue, language),
        judgements=presenters.judgement_rows(stage, language),
        threads=presenters.threads(stage, queries.comments_of(stage), catalogue, language),
        can_comment=access >= Access.EDIT,
        comment_form=comment_form
        or CommentForm(keys=keys, initial={"key": request.GET.get("key", "")}),
        decision_form=(decision_form or DecisionForm(may_sign_off=not out_of_date))
        if can_decide
        else None,
        out_of_date=out_of_date,
        withdrawn_on_edit=operations.WITHDRAWN_NOTE,
        refusal=presenters.refusal_text(reason) if reason and signoff.is_awaiting else "",
        rating_label=judgement_presenters.rating_label,
    )
    return render(request, "quality/request.html", context, status=status)


def _keys_for(signoff: SignoffRequest) -> list[tuple[str, str]]:
    stage = signoff.stage
    catalogue = catalogues.load(stage.catalogue_version)
    changes = queries.changes_for(signoff, queries.baseline_of(signoff))
    return presenters.comment_keys(
        stage, catalogue, pages.language(), [change.key for change in changes]
    )


@login_required
def request_detail(request: HttpRequest, request_id: int) -> HttpResponse:
    signoff, access = queries.request_for(membership_of(request), request_id)
    record_operations.record_viewed(
        by=Actor.from_request(request), child=signoff.stage.child, page="sign-off request"
    )
    return _request_page(request, signoff, access)


@require_POST
@login_required
def decision(request: HttpRequest, request_id: int) -> HttpResponse:
    membership = membership_of(request)
    signoff, access = queries.request_for(membership, request_id)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return _request_page(request, signoff, access, decision_form=form, status=400)
    try:
        operations.decide(
            by=Actor.from_request(request),
            membership=membership,
            request=signoff,
            decision=form.cleaned_data["decision"],
            comment=form.cleaned_data["comment"],
        )
    except operations.RefusedError as refused:
        raise PermissionDenied(presenters.refusal_text(refused.reason)) from None
    except operations.NotAwaitingError:
        messages.error(request, _("This request has already been decided or withdrawn"))
        return redirect("quality:request", signoff.pk)
    except operations.NotReadyError:
        sent_back = DecisionForm(request.POST, may_sign_off=False)
        sent_back.is_valid()
        sent_back.errors["decision"] = sent_back.error_class(
            [_("This stage cannot be signed off while something is out of date: ask for changes")]
        )
        return _request_page(request, signoff, access, decision_form=sent_back, status=422)
    if form.cleaned_data["decision"] == Status.SIGNED_OFF:
        messages.success(request, _("Signed off. The stage can no longer be changed."))
    else:
        messages.success(request, _("Changes asked for. The stage is back with the practitioner."))
    return redirect("quality:queue")


@require_POST
@login_required
def comment_add(request: HttpRequest, request_id: int) -> HttpResponse:
    signoff, access = queries.request_for(membership_of(request), request_id, Access.EDIT)
    stage = signoff.stage
    parent_id = request.POST.get("parent", "")
    if parent_id:
        if not parent_id.isdigit():
            raise Http404
        parent = SignoffComment.objects.filter(pk=int(parent_id), stage=stage).first()
        if parent is None:
            raise Http404
        form: ReplyForm | CommentForm = ReplyForm(request.POST)
        key = parent.key
    else:
        parent = None
        form = CommentForm(request.POST, keys=_keys_for(signoff))
        key = request.POST.get("key", "")
    back = request.POST.get("next", "")
    if not form.is_valid():
        if parent is not None:
            messages.error(request, _("Enter a reply"))
            return redirect(_back(back, signoff))
        assert isinstance(form, CommentForm)
        return _request_page(request, signoff, access, comment_form=form, status=400)
    operations.add_comment(
        by=Actor.from_request(request),
        stage=stage,
        key=key,
        text=form.cleaned_data["text"],
        request=signoff,
        parent=parent,
    )
    messages.success(request, _("Reply added") if parent else _("Comment added"))
    return redirect(_back(back, signoff) + "#comments")


def _back(value: str, signoff: SignoffRequest) -> str:
    if value == "stage":
        return reverse("quality:stage-signoff", args=[signoff.stage_id])
    return reverse("quality:request", args=[signoff.pk])


@require_POST
@login_required
def comment_resolve(request: HttpRequest, comment_id: int) -> HttpResponse:
    comment, stage, _access = queries.comment_for(membership_of(request), comment_id, Access.EDIT)
    resolved = request.POST.get("action", "resolve") != "reopen"
    operations.resolve_comment(by=Actor.from_request(request), comment=comment, resolved=resolved)
    messages.success(request, _("Comment resolved") if resolved else _("Comment reopened"))
    if request.POST.get("next") == "stage" or comment.request_id is None:
        return redirect(reverse("quality:stage-signoff", args=[stage.pk]) + "#comments")
    return redirect(reverse("quality:request", args=[comment.request_id]) + "#comments")


@capability_required(Capability.COUNTERSIGN)
def queue(request: HttpRequest) -> HttpResponse:
    membership = acting_membership(request)
    catalogue = catalogues.load()
    rows = presenters.queue_rows(membership, list(queries.queue(membership)), catalogue)
    record_operations.record_listed(
        by=Actor.from_request(request),
        page="sign-off queue",
        shown=len({row.request.stage.child_id for row in rows}),
    )
    return render(
        request,
        "quality/queue.html",
        {"rows": rows, "active_nav": "signoff"},
    )


@capability_required(Capability.SET_COUNTERSIGN_POLICY)
def policy_page(request: HttpRequest) -> HttpResponse:
    membership = acting_membership(request)
    catalogue = catalogues.load()
    language = pages.language()
    current = policy.policy_for(membership.organisation_id)
    rules_ratings = [
        (key, judgement_presenters.rating_label("serious_harm", key, language))
        for key in policy.MINIMUM_RATINGS
    ]
    form = PolicyForm(
        request.POST or None,
        stage_types=[(stage.key, stage.label.get(language)) for stage in catalogue.stages],
        ratings=rules_ratings,
        initial={
            "stage_types": sorted(current.stage_types),
            "minimum_rating": current.minimum_rating or NO_RATING,
        },
    )
    if request.method == "POST" and form.is_valid():
        operations.set_policy(
            by=Actor.from_request(request),
            organisation_id=membership.organisation_id,
            stage_types=form.cleaned_data["stage_types"],
            minimum_rating=form.cleaned_data["minimum_rating"],
        )
        messages.success(request, _("Countersigning policy saved"))
        return redirect("quality:policy")
    return render(
        request,
        "quality/policy.html",
        {
            "form": form,
            "organisation": membership.organisation,
            "is_default": current.is_default,
            "active_nav": "signoff",
        },
        status=400 if request.method == "POST" else 200,
    )


@capability_required(Capability.VIEW_DEADLINES)
def deadlines_page(request: HttpRequest) -> HttpResponse:
    membership = acting_membership(request)
    catalogue = catalogues.load()
    found = deadlines.deadlines_for(membership)
    record_operations.record_listed(
        by=Actor.from_request(request),
        page="deadlines",
        shown=len({stage.child_id for stage in found.overdue + found.due_soon + found.reviews}),
    )
    return render(
        request,
        "quality/deadlines.html",
        {
            "found": found,
            "overdue": presenters.deadline_rows(found.overdue, catalogue, found.today),
            "due_soon": presenters.deadline_rows(found.due_soon, catalogue, found.today),
            "reviews": presenters.deadline_rows(found.reviews, catalogue, found.today),
            "due_soon_days": deadlines.DUE_SOON_DAYS,
            "active_nav": "deadlines",
        },
    )
