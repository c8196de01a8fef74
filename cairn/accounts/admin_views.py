"""Administration of organisations, teams and users (administrators only)."""

from __future__ import annotations

from typing import Any

from axes.utils import reset as axes_reset
from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import user_has_device

from cairn.accounts import operations, queries, scope
from cairn.accounts.forms import (
    MembershipForm,
    NewMemberForm,
    NewUserForm,
    OrganisationForm,
    OwnOrganisationForm,
    TeamForm,
    UserForm,
)
from cairn.accounts.models import Membership, Organisation, Team, User
from cairn.audit.operations import Actor

# An organisation's administrators act only within their own organisation (cairn.accounts.scope):
# every object of another organisation answers 404. Adding organisations is the service
# administrator's alone.
admin_only = scope.administration_required


def _form_page(
    request: HttpRequest, form: forms.BaseForm, title: str, back: str, **extra: Any
) -> HttpResponse:
    return render(
        request,
        "accounts/admin_form.html",
        {"form": form, "page_title": title, "back_url": back, **extra},
    )


@admin_only
def organisation_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "accounts/organisation_list.html",
        {
            "organisations": list(scope.organisations(request)),
            "can_add_organisations": scope.is_service_administrator(request),
            "active_nav": "organisations",
        },
    )


@scope.service_administration_required
def organisation_create(request: HttpRequest) -> HttpResponse:
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organisation = operations.save_organisation(
            by=Actor.from_request(request), organisation=None, data=form.cleaned_data
        )
        messages.success(request, _("%(name)s has been added") % {"name": organisation.name})
        return redirect("accounts:organisation-detail", organisation.pk)
    return _form_page(
        request,
        form,
        _("Add an organisation"),
        "/accounts/organisations/",
        active_nav="organisations",
    )


@admin_only
def organisation_detail(request: HttpRequest, organisation_id: int) -> HttpResponse:
    organisation = scope.organisation_or_404(request, organisation_id)
    members = (
        Membership.objects.filter(organisation=organisation)
        .select_related("user", "team")
        .order_by("user__last_name", "user__first_name")
    )
    return render(
        request,
        "accounts/organisation_detail.html",
        {
            "organisation": organisation,
            "teams": list(queries.teams_of(organisation)),
            "members": list(members),
            "active_nav": "organisations",
        },
    )


@admin_only
def organisation_edit(request: HttpRequest, organisation_id: int) -> HttpResponse:
    organisation = scope.organisation_or_404(request, organisation_id)
    form_class = (
        OrganisationForm if scope.is_service_administrator(request) else OwnOrganisationForm
    )
    form = form_class(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            operations.save_organisation(
                by=Actor.from_request(request),
                organisation=Organisation.objects.get(pk=organisation.pk),
                data=form.cleaned_data,
            )
        except operations.LastAdministratorError:
            form.add_error(
                "is_active",
                _(
                    "Every active administrator works in this organisation. Add an administrator elsewhere first."
                ),
            )
        else:
            messages.success(request, _("Organisation saved"))
            return redirect("accounts:organisation-detail", organisation.pk)
    return _form_page(
        request,
        form,
        _("Change %(name)s") % {"name": organisation.name},
        f"/accounts/organisations/{organisation.pk}/",
        active_nav="organisations",
    )


@admin_only
def team_create(request: HttpRequest, organisation_id: int) -> HttpResponse:
    organisation = scope.organisation_or_404(request, organisation_id)
    form = TeamForm(request.POST or None, instance=Team(organisation=organisation))
    if request.method == "POST" and form.is_valid():
        operations.save_team(
            by=Actor.from_request(request),
            organisation=organisation,
            team=None,
            data=form.cleaned_data,
        )
        messages.success(request, _("Team added"))
        return redirect("accounts:organisation-detail", organisation.pk)
    return _form_page(
        request,
        form,
        _("Add a team to %(name)s") % {"name": organisation.name},
        f"/accounts/organisations/{organisation.pk}/",
        active_nav="organisations",
    )


@admin_only
def team_edit(request: HttpRequest, organisation_id: int, team_id: int) -> HttpResponse:
    organisation = scope.organisation_or_404(request, organisation_id)
    team = get_object_or_404(Team, pk=team_id, organisation=organisation)
    form = TeamForm(request.POST or None, instance=team)
    if request.method == "POST" and form.is_valid():
        operations.save_team(
            by=Actor.from_request(request),
            organisation=team.organisation,
            team=Team.objects.get(pk=team.pk),
            data=form.cleaned_data,
        )
        messages.success(request, _("Team saved"))
        return redirect("accounts:organisation-detail", organisation_id)
    return _form_page(
        request,
        form,
        _("Change team %(name)s") % {"name": team.name},
        f"/accounts/organisations/{organisation_id}/",
        active_nav="organisations",
    )


@admin_only
def user_list(request: HttpRequest) -> HttpResponse:
    users = scope.users(request)
    search = request.GET.get("q", "").strip()[:100]
    if search:
        users = (
            users.filter(username__icontains=search)
            | users.filter(last_name__icontains=search)
            | users.filter(first_name__icontains=search)
        )
    page = Paginator(users, 50).get_page(request.GET.get("page"))
    return render(
        request, "accounts/user_list.html", {"page": page, "search": search, "active_nav": "users"}
    )


@admin_only
def user_create(request: HttpRequest) -> HttpResponse:
    own = scope.administered_organisation(request)
    # An organisation's administrator adds people to their own organisation, role and all, so
    # that no account is left without an organisation; a service administrator gives roles next.
    form = (
        NewUserForm(request.POST or None)
        if own is None
        else NewMemberForm(request.POST or None, organisation=own)
    )
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in UserForm.Meta.fields}
        by = Actor.from_request(request)
        password = form.cleaned_data["password"]
        if own is not None:
            user = operations.create_user(
                by=by,
                data=data,
                password=password,
                organisation=own,
                role=form.cleaned_data["role"],
                team=form.cleaned_data["team"],
            )
            messages.success(request, _("%(name)s has been added") % {"name": user.username})
            return redirect("accounts:user-detail", user.pk)
        user = operations.create_user(by=by, data=data, password=password)
        messages.success(
            request,
            _("%(name)s has been added. Now give them a role in an organisation.")
            % {"name": user.username},
        )
        return redirect("accounts:membership-create", user.pk)
    return _form_page(request, form, _("Add a user"), "/accounts/users/", active_nav="users")


@admin_only
def user_detail(request: HttpRequest, user_id: int) -> HttpResponse:
    person = scope.user_or_404(request, user_id)
    memberships = person.memberships.select_related("organisation", "team").order_by(
        "organisation__name"
    )
    return render(
        request,
        "accounts/user_detail.html",
        {
            "person": person,
            "person_memberships": list(memberships),
            "has_device": user_has_device(person),
            "active_nav": "users",
        },
    )


@admin_only
def user_edit(request: HttpRequest, user_id: int) -> HttpResponse:
    person = scope.user_or_404(request, user_id)
    form = UserForm(request.POST or None, instance=person)
    if request.method == "POST" and form.is_valid():
        try:
            operations.update_user(
                by=Actor.from_request(request),
                user=User.objects.get(pk=person.pk),
                data=form.cleaned_data,
            )
        except operations.LastAdministratorError:
            form.add_error(
                "is_active",
                _("This is the last active administrator. Add another administrator first."),
            )
        else:
            messages.success(request, _("User saved"))
            return redirect("accounts:user-detail", person.pk)
    return _form_page(
        request,
        form,
        _("Change %(name)s") % {"name": person.username},
        f"/accounts/users/{person.pk}/",
        active_nav="users",
    )


@admin_only
def membership_create(request: HttpRequest, user_id: int) -> HttpResponse:
    person = scope.user_or_404(request, user_id)
    form = MembershipForm(
        request.POST or None, organisation=scope.administered_organisation(request)
    )
    if person.pk == request.user.pk:
        # Least privilege: no one grants themselves access to children's records. The page
        # says so instead of offering the form (an unbound form cannot carry the error).
        return _form_page(
            request,
            form,
            _("Give %(name)s a role") % {"name": person.username},
            f"/accounts/users/{person.pk}/",
            active_nav="users",
            refusal=_("You cannot give yourself a role. Ask another administrator."),
        )
    if request.method == "POST" and form.is_valid():
        try:
            operations.set_membership(
                by=Actor.from_request(request),
                user=person,
                organisation=form.cleaned_data["organisation"],
                role=form.cleaned_data["role"],
                team=form.cleaned_data["team"],
            )
        except operations.LastAdministratorError:
            form.add_error(
                "role", _("This is the last active administrator. Add another administrator first.")
            )
        else:
            messages.success(request, _("Role saved"))
            return redirect("accounts:user-detail", person.pk)
    return _form_page(
        request,
        form,
        _("Give %(name)s a role") % {"name": person.username},
        f"/accounts/users/{person.pk}/",
        active_nav="users",
    )


@require_POST
@admin_only
def membership_end(request: HttpRequest, user_id: int, membership_id: int) -> HttpResponse:
    person = scope.user_or_404(request, user_id)
    membership = get_object_or_404(Membership, pk=membership_id, user=person)
    try:
        operations.end_membership(by=Actor.from_request(request), membership=membership)
    except operations.LastAdministratorError:
        messages.error(
            request, _("This is the last active administrator. Add another administrator first.")
        )
    else:
        messages.success(request, _("Role ended"))
    return redirect("accounts:user-detail", user_id)


@require_POST
@admin_only
def two_factor_reset(request: HttpRequest, user_id: int) -> HttpResponse:
    person = scope.user_or_404(request, user_id)
    operations.reset_two_factor(by=Actor.from_request(request), user=person)
    messages.success(
        request,
        _("Two-factor sign-in reset. %(name)s will set it up again at their next sign-in.")
        % {"name": person.username},
    )
    return redirect("accounts:user-detail", person.pk)


@require_POST
@admin_only
def user_unlock(request: HttpRequest, user_id: int) -> HttpResponse:
    person = scope.user_or_404(request, user_id)
    axes_reset(username=person.username)
    messages.success(request, _("%(name)s can sign in again") % {"name": person.username})
    return redirect("accounts:user-detail", person.pk)
