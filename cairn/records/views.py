"""Pages of the Core Record. Each view loads through a query, checks access, makes one call,
then renders or redirects. Every page that shows a child's record writes a viewed event."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from cairn.accounts.decorators import capability_required
from cairn.accounts.requests import acting_membership, membership_of
from cairn.accounts.roles import Capability
from cairn.audit import queries as audit_queries
from cairn.audit.operations import Actor
from cairn.audit.presenters import describe as describe_event
from cairn.records import operations, presenters, queries, terms
from cairn.records.access import Access, may_read_access_log, may_see
from cairn.records.forms import (
    AllocationForm,
    ChildCreateForm,
    LiftRestrictionForm,
    RestrictionForm,
    VersionedForm,
)
from cairn.records.models import Child
from cairn.records.notices import caseload_notices
from cairn.records.parts import PART_BY_SLUG, SECTION_BY_SLUG, Part, parts_in
from cairn.ui.forms import add_errors

CASELOAD_TITLES = {
    "mine": gettext_lazy("My caseload"),
    "team": gettext_lazy("Team caseload"),
    "shared": gettext_lazy("Children shared with us"),
}


def _caseload(request: HttpRequest, scope: str, nav: str) -> HttpResponse:
    filters = queries.CaseloadFilter(
        search=request.GET.get("q", "")[:100],
        legal_status=request.GET.get("legal_status", "")
        if request.GET.get("legal_status", "") in Child.LegalStatus.values
        else "",
        alert=request.GET.get("alert", "")
        if request.GET.get("alert", "")
        in {"exploitation", "risk_to_staff", "interpreter", "looked_after"}
        else "",
        sort=request.GET.get("sort", "name")
        if request.GET.get("sort", "name") in queries.SORTS
        else "name",
    )
    children = queries.caseload(acting_membership(request), scope=scope, filters=filters)
    page = Paginator(children, settings.CAIRN_PAGE_SIZE).get_page(request.GET.get("page"))
    # Reading a list of children is recorded: one event a request, naming how many it showed.
    operations.record_listed(
        by=Actor.from_request(request),
        page=f"{scope} caseload{' search' if filters.search else ''}",
        shown=len(page.object_list),
    )
    restricted = queries.restrictions_among(acting_membership(request), list(page.object_list))
    accesses = (
        queries.grant_access_among(acting_membership(request), list(page.object_list))
        if scope == "shared"
        else {}
    )
    # Translated once for the page, not once a row (a row's get_legal_status_display() would
    # translate every choice again).
    legal_statuses = {value: str(label) for value, label in Child.LegalStatus.choices}
    return render(
        request,
        "records/caseload.html",
        {
            "title": str(CASELOAD_TITLES[scope]),
            "scope": scope,
            "active_nav": nav,
            # Things waiting for the caller (stages returned for changes, say): on their own
            # caseload, where the day starts.
            "notices": caseload_notices(acting_membership(request)) if scope == "mine" else [],
            "page": page,
            # Each child's alerts as far as the caller's access shows them: through a summary
            # grant, no looked-after alert (records.access.may_see).
            "children": [
                (
                    child,
                    presenters.alerts(child, accesses.get(child.pk, Access.EDIT)),
                    presenters.age(child),
                )
                for child in page.object_list
            ],
            # Restricted records, by child: the caseload shows a record the caller may not
            # open by name, with whom to ask, and nothing else.
            "restricted": restricted,
            "filters": filters,
            "legal_statuses": legal_statuses,
            "legal_status_items": [
                {"value": value, "text": label, "selected": filters.legal_status == value}
                for value, label in legal_statuses.items()
            ],
        },
    )


@capability_required(Capability.VIEW_OWN_CHILDREN)
def my_caseload(request: HttpRequest) -> HttpResponse:
    return _caseload(request, "mine", "my-caseload")


@capability_required(Capability.VIEW_TEAM_CASELOAD)
def team_caseload(request: HttpRequest) -> HttpResponse:
    return _caseload(request, "team", "team-caseload")


@capability_required(Capability.USE_GRANTS)
def shared_with_us(request: HttpRequest) -> HttpResponse:
    return _caseload(request, "shared", "shared")


@capability_required(Capability.CREATE_CHILD)
def child_create(request: HttpRequest) -> HttpResponse:
    membership = acting_membership(request)
    form = ChildCreateForm(request.POST or None)
    duplicates: list[Child] = []
    if request.method == "POST" and form.is_valid():
        data = form.domain_data()
        duplicates = queries.likely_duplicates(
            membership,
            given_name=data["given_name"],
            family_name=data["family_name"],
            date_of_birth=data["date_of_birth"],
        )
        if not duplicates or form.cleaned_data.get("is_different_child"):
            child = operations.create_child(
                by=Actor.from_request(request),
                organisation=membership.organisation,
                data={**data, "case_worker": request.user, "team": membership.team},
            )
            messages.success(
                request, _("%(name)s’s record has been created") % {"name": child.full_name}
            )
            return redirect("records:child-overview", child.pk)
    return render(
        request,
        "records/child_create.html",
        {
            "form": form,
            "duplicates": duplicates,
            # A restricted one the person is not named on shows no local ID, only whom to ask.
            "restricted": queries.restrictions_among(membership, duplicates),
            "active_nav": "child-create",
        },
    )


def _child_context(request: HttpRequest, child: Child, access: Access, tab: str) -> dict[str, Any]:
    return presenters.child_header(membership_of(request), child, access, tab)


KEY_FACTS = (
    "date_of_birth",
    "sex",
    "local_id",
    "pnc_number",
    "legal_status",
    "looked_after",
    "first_language",
)


@login_required
def child_overview(request: HttpRequest, child_id: int) -> HttpResponse:
    child, access = queries.child_for(membership_of(request), child_id)
    operations.record_viewed(by=Actor.from_request(request), child=child, page="overview")
    context = _child_context(request, child, access, "overview")
    changes = audit_queries.events_for_child(child.pk).exclude(event_type="records.child.viewed")[
        :8
    ]
    context.update(
        {
            # Only what the caller's access shows (records.access.may_see): a summary grant
            # sees no PNC number, looked-after status or first language, here as in the
            # summary and the API.
            "key_facts": presenters.rows(
                child,
                [name for name in KEY_FACTS if may_see(access, name)],
                terms.nation_of(child),
            ),
            "recent_offences": list(queries.offences_of(child)[:5])
            if access >= Access.READ
            else [],
            "recent_events": list(queries.life_events_of(child)[:5])
            if access >= Access.READ
            else [],
            "history": presenters.history(list(changes), terms.nation_of(child))
            if access >= Access.READ
            else [],
            "contacts": list(child.contacts.filter(has_parental_responsibility=True).order_by("id"))
            if access >= Access.READ
            else [],
            "panels": presenters.overview_panels(child, access),
        }
    )
    return render(request, "records/overview.html", context)


@login_required
def child_section(request: HttpRequest, child_id: int, section: str) -> HttpResponse:
    if section not in SECTION_BY_SLUG:
        raise Http404
    child, access = queries.child_for(membership_of(request), child_id, Access.READ)
    operations.record_viewed(by=Actor.from_request(request), child=child, page=section)
    cards = []
    nation = terms.nation_of(child)
    for part in parts_in(section):
        if part.is_list:
            assert part.model is not None
            items = list(
                part.model._default_manager.filter(child=child).order_by(*_order(part))  # type: ignore[misc]
            )
            cards.append(
                {
                    "part": part,
                    "items": [(item, presenters.rows(item, part.fields, nation)) for item in items],
                }
            )
        else:
            assert part.get is not None
            cards.append(
                {"part": part, "rows": presenters.rows(part.get(child), part.fields, nation)}
            )
    context = _child_context(request, child, access, section)
    context.update({"section": SECTION_BY_SLUG[section], "cards": cards})
    return render(request, "records/section.html", context)


def _order(part: Part) -> tuple[str, ...]:
    return {
        "addresses": ("-from_date", "-id"),
        "offences": ("-offence_date", "-id"),
        "life-events": ("-date", "-id"),
        "exclusions": ("-start_date", "-id"),
    }.get(part.slug, ("id",))


def _part(slug: str) -> Part:
    part = PART_BY_SLUG.get(slug)
    if part is None:
        raise Http404
    return part


def _form(
    part: Part, request: HttpRequest, child: Child, instance: Any, data: Any = None
) -> VersionedForm:
    kwargs: dict[str, Any] = {"instance": instance, "child": child}
    if part.form is AllocationForm:
        kwargs["organisation"] = child.organisation
    return part.form(data, **kwargs)


def _save(request: HttpRequest, child: Child, part: Part, instance: Any) -> HttpResponse:
    is_new = instance is None or instance.pk is None
    form = _form(part, request, child, instance, request.POST or None)
    stale = None
    if request.method != "POST":  # the form shows the record as it stands: a read
        page = f"{'add' if is_new else 'change'} {part.slug}"
        operations.record_viewed(by=Actor.from_request(request), child=child, page=page)
    if request.method == "POST" and form.is_valid():
        actor = Actor.from_request(request)
        try:
            if is_new:
                assert part.model is not None
                operations.add_to_record(
                    by=actor,
                    child=child,
                    model=part.model,
                    data=form.domain_data(),
                    part=part.event_name,
                )
                messages.success(
                    request, _("The %(item)s has been added") % {"item": part.item_title}
                )
            else:
                operations.update_record(
                    by=actor,
                    obj=instance,
                    data=form.domain_data(),
                    version=form.cleaned_data.get("version") or 0,
                    part=part.event_name,
                    version_field=form.version_field,
                )
                messages.success(request, _("%(part)s saved") % {"part": part.title})
            return redirect(
                reverse("records:child-section", args=[child.pk, part.section]) + f"#{part.slug}"
            )
        except operations.StaleRecordError as error:
            stale = _stale(form, part, error.current)
        except operations.RecordGoneError:
            messages.error(
                request,
                _("Someone removed this %(item)s while you were editing it")
                % {"item": part.item_title},
            )
            return redirect(
                reverse("records:child-section", args=[child.pk, part.section]) + f"#{part.slug}"
            )
    title = (
        str(part.add_label)
        if is_new
        else (_("Change %(item)s") % {"item": part.item_title or str(part.title).lower()})
    )
    context = _child_context(request, child, Access.EDIT, part.section)
    context.update(
        {"form": form, "part": part, "page_title": title, "stale": stale, "instance": instance}
    )
    return render(request, "records/part_form.html", context, status=409 if stale else 200)


def _stale(form: VersionedForm, part: Part, current: Any) -> dict[str, Any]:
    """What a colleague saved meanwhile, for the editor to compare with their own entries."""
    data = QueryDict(mutable=True)
    data.update(form.data)
    data["version"] = str(getattr(current, form.version_field))
    form.data = data
    return {
        "rows": presenters.rows(current, part.fields, terms.nation_of(form.child)),
        "updated_at": current.updated_at,
    }


@login_required
def part_edit(request: HttpRequest, child_id: int, part: str) -> HttpResponse:
    chosen = _part(part)
    if chosen.is_list:
        raise Http404
    child, _access = queries.child_for(membership_of(request), child_id, Access.EDIT)
    assert chosen.get is not None
    return _save(request, child, chosen, chosen.get(child))


@login_required
def item_add(request: HttpRequest, child_id: int, part: str) -> HttpResponse:
    chosen = _part(part)
    if not chosen.is_list:
        raise Http404
    child, _access = queries.child_for(membership_of(request), child_id, Access.EDIT)
    return _save(request, child, chosen, None)


def _item(child: Child, part: Part, item_id: int) -> Any:
    assert part.model is not None
    item = part.model._default_manager.filter(child=child, pk=item_id).first()  # type: ignore[misc]
    if item is None:
        raise Http404
    return item


@login_required
def item_edit(request: HttpRequest, child_id: int, part: str, item_id: int) -> HttpResponse:
    chosen = _part(part)
    if not chosen.is_list:
        raise Http404
    child, _access = queries.child_for(membership_of(request), child_id, Access.EDIT)
    return _save(request, child, chosen, _item(child, chosen, item_id))


@login_required
def item_remove(request: HttpRequest, child_id: int, part: str, item_id: int) -> HttpResponse:
    chosen = _part(part)
    if not chosen.is_list:
        raise Http404
    child, _access = queries.child_for(membership_of(request), child_id, Access.EDIT)
    item = _item(child, chosen, item_id)
    if request.method == "POST":
        try:
            operations.remove_from_record(
                by=Actor.from_request(request),
                obj=item,
                version=int(request.POST.get("version") or 0),
                part=chosen.event_name,
            )
        except (operations.StaleRecordError, ValueError):
            messages.error(
                request,
                _("Someone changed this %(item)s after you opened it. Check it before removing it.")
                % {"item": chosen.item_title},
            )
            return redirect("records:item-remove", child.pk, chosen.slug, item.pk)
        messages.success(request, _("The %(item)s has been removed") % {"item": chosen.item_title})
        return redirect(
            reverse("records:child-section", args=[child.pk, chosen.section]) + f"#{chosen.slug}"
        )
    page = f"remove {chosen.slug}"
    operations.record_viewed(by=Actor.from_request(request), child=child, page=page)
    context = _child_context(request, child, Access.EDIT, chosen.section)
    rows = presenters.rows(item, chosen.fields, terms.nation_of(child))
    context.update({"part": chosen, "item": item, "rows": rows})
    return render(request, "records/item_remove.html", context)


@login_required
def access_log(request: HttpRequest, child_id: int) -> HttpResponse:
    child, access = queries.child_for(membership_of(request), child_id)
    if not may_read_access_log(membership_of(request), child):
        raise PermissionDenied
    operations.record_viewed(by=Actor.from_request(request), child=child, page="access log")
    events = audit_queries.events_for_child(child.pk)
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    context = _child_context(request, child, access, "access-log")
    context.update({"page": page, "describe_event": describe_event})
    return render(request, "records/access_log.html", context)


def _staff_choices(child: Child) -> list[tuple[int, str]]:
    return [
        (
            membership.user_id,
            f"{membership.user.display_name} ({membership.get_role_display()}"
            + (f", {membership.team.name})" if membership.team_id and membership.team else ")"),
        )
        for membership in queries.restriction_staff(child)
    ]


@login_required
def restriction(request: HttpRequest, child_id: int) -> HttpResponse:
    """Restrict a child's record to named staff, or change who is named (managers only)."""
    child, current = queries.restriction_for(membership_of(request), child_id)
    named = queries.named_on(current) if current else []
    form = RestrictionForm(
        request.POST or None,
        staff=_staff_choices(child),
        initial={
            "reason": current.reason if current else "",
            "named": [entry.user_id for entry in named] if current else [request.user.pk],
            "version": current.version if current else 0,
        },
    )
    if request.method == "POST" and form.is_valid():
        actor = Actor.from_request(request)
        data = form.cleaned_data
        try:
            if current is None:
                operations.restrict_record(
                    by=actor, child=child, reason=data["reason"], user_ids=set(data["named"])
                )
                messages.success(request, _("The record is restricted"))
            else:
                operations.change_restriction(
                    by=actor,
                    restriction=current,
                    reason=data["reason"],
                    user_ids=set(data["named"]),
                    version=data.get("version") or 0,
                )
                messages.success(request, _("The restriction has been changed"))
            return redirect("records:restriction", child.pk)
        except operations.RestrictionError as error:
            add_errors(form, {"named": str(error)})
        except operations.StaleRestrictionError:
            messages.error(
                request,
                _("Someone changed the restriction after you opened it. Check it and try again."),
            )
            return redirect("records:restriction", child.pk)
    return render(
        request,
        "records/restriction.html",
        {
            "child": child,
            "restriction": current,
            "named": named,
            "form": form,
            "lift_form": LiftRestrictionForm(
                prefix="lift", initial={"version": current.version if current else 0}
            ),
            "may_open": current is None or any(entry.user_id == request.user.pk for entry in named),
            "grants": list(queries.grants_in_force_for(child)),
        },
        status=400 if request.method == "POST" else 200,
    )


@require_POST
@login_required
def restriction_lift(request: HttpRequest, child_id: int) -> HttpResponse:
    """Open the record to the organisation's staff again (managers only), for a reason."""
    child, current = queries.restriction_for(membership_of(request), child_id)
    if current is None:
        return redirect("records:restriction", child.pk)
    form = LiftRestrictionForm(request.POST, prefix="lift")
    if form.is_valid():
        try:
            operations.lift_restriction(
                by=Actor.from_request(request),
                restriction=current,
                reason=form.cleaned_data["reason"],
                version=form.cleaned_data["version"],
            )
        except operations.StaleRestrictionError:
            messages.error(
                request,
                _("Someone changed the restriction after you opened it. Check it and try again."),
            )
            return redirect("records:restriction", child.pk)
        messages.success(request, _("The restriction has been lifted"))
        return redirect("records:restriction", child.pk)
    named = queries.named_on(current)
    return render(
        request,
        "records/restriction.html",
        {
            "child": child,
            "restriction": current,
            "named": named,
            "form": RestrictionForm(
                staff=_staff_choices(child),
                initial={
                    "reason": current.reason,
                    "named": [entry.user_id for entry in named],
                    "version": current.version,
                },
            ),
            "lift_form": form,
            "may_open": any(entry.user_id == request.user.pk for entry in named),
            "grants": list(queries.grants_in_force_for(child)),
        },
        status=400,
    )
