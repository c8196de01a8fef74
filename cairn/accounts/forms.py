"""Input for signing in, two-factor, tokens and account administration. Forms never save."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from cairn.accounts.models import Membership, Organisation, Team, User


class SignInForm(forms.Form):
    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        error_messages={"required": _("Enter your username")},
        widget=forms.TextInput(attrs={"autocomplete": "username", "spellcheck": "false"}),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        error_messages={"required": _("Enter your password")},
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Security code"),
        help_text=_("The 6-digit code shown in your authenticator app"),
        max_length=10,
        error_messages={"required": _("Enter the 6-digit security code")},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "class": "govuk-input--width-5"}
        ),
    )

    def clean_code(self) -> str:
        code: str = self.cleaned_data["code"].replace(" ", "")
        if not code.isdigit() or len(code) != 6:
            raise forms.ValidationError(_("Enter the security code as 6 digits"))
        return code


class SwitchOrganisationForm(forms.Form):
    membership = forms.TypedChoiceField(
        label=_("Which organisation are you working for?"),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select the organisation you are working for")},
    )

    def __init__(self, *args: Any, memberships: list[Membership], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["membership"].choices = [  # type: ignore[attr-defined]
            (m.pk, f"{m.organisation.name} ({m.get_role_display()})") for m in memberships
        ]


class AccessTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Token name"),
        help_text=_("Say what will use it, for example ‘Reporting spreadsheet’"),
        max_length=80,
        error_messages={"required": _("Enter a name for the token")},
    )


class OrganisationForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Organisation
        fields = ["name", "short_name", "kind", "nation", "code", "is_active"]
        widgets = {"kind": forms.RadioSelect, "nation": forms.RadioSelect(attrs={"inline": True})}
        help_texts = {
            "nation": _(
                "Whose law applies to the children it works with: it decides terms such as "
                "additional learning needs (Wales) or special educational needs (England)"
            )
        }
        error_messages = {
            "name": {
                "required": _("Enter the organisation’s name"),
                "unique": _("An organisation with this name already exists"),
            },
            "kind": {"required": _("Select the type of organisation")},
            "code": {
                "required": _("Enter a short code, like northshire-yjs"),
                "unique": _("This code is already used"),
                "invalid": _("Code can only contain lower-case letters, numbers and hyphens"),
            },
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Left out, an organisation keeps its nation (England for a new one).
        self.fields["nation"].required = False

    def clean_nation(self) -> str:
        return str(self.cleaned_data.get("nation") or self.instance.nation)


class OwnOrganisationForm(OrganisationForm):
    """An organisation's administrator changes its details, but not whether it is active:
    only a service administrator opens or closes an organisation."""

    class Meta(OrganisationForm.Meta):
        fields = [name for name in OrganisationForm.Meta.fields if name != "is_active"]


class TeamForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Team
        fields = ["name", "is_active"]
        error_messages = {"name": {"required": _("Enter the team’s name")}}

    def clean_name(self) -> str:
        # The organisation is not a field of the form, so Django skips the unique constraint
        # on (organisation, name) and a duplicate would reach the database as an IntegrityError.
        name: str = self.cleaned_data["name"]
        others = Team.objects.filter(organisation_id=self.instance.organisation_id, name=name)
        if others.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("This organisation already has a team with this name"))
        return name


class UserForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = User
        fields = ["username", "first_name", "last_name", "email", "is_active"]
        error_messages = {
            "username": {
                "required": _("Enter a username"),
                "unique": _("This username is already taken"),
            },
        }


class NewUserForm(UserForm):
    password = forms.CharField(
        label=_("Temporary password"),
        help_text=_(
            "At least 12 characters. Give it to the person securely; they set up two-factor sign-in when they first sign in."
        ),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": _("Enter a temporary password")},
    )

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        # The person's details, so the similarity validator can refuse a password like their name.
        person = User(
            **{
                name: self.cleaned_data.get(name, "")
                for name in ("username", "first_name", "last_name", "email")
            }
        )
        password_validation.validate_password(password, user=person)
        return password


class MembershipForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.filter(is_active=True).order_by("name"),
        error_messages={
            "required": _("Select an organisation"),
            "invalid_choice": _("Select an organisation you administer"),
        },
    )
    role = forms.ChoiceField(
        label=_("Role"),
        choices=Membership.Role.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select a role")},
    )
    team = forms.ModelChoiceField(
        label=_("Team (optional)"),
        queryset=Team.objects.filter(is_active=True)
        .select_related("organisation")
        .order_by("organisation__name", "name"),
        required=False,
    )

    def __init__(self, *args: Any, organisation: Organisation | None = None, **kwargs: Any) -> None:
        """`organisation`: an organisation's administrator gives roles only there."""
        super().__init__(*args, **kwargs)
        if organisation is not None:
            only = self.fields["organisation"]
            only.queryset = only.queryset.filter(pk=organisation.pk)  # type: ignore[attr-defined]
            only.initial = organisation.pk
            teams = self.fields["team"]
            teams.queryset = teams.queryset.filter(organisation=organisation)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        team, organisation = data.get("team"), data.get("organisation")
        if team and organisation and team.organisation_id != organisation.pk:
            self.add_error("team", _("Select a team that belongs to the organisation you chose"))
        return data


class NewMemberForm(NewUserForm):
    """A new user and their role in the administrator's own organisation, in one step."""

    role = forms.ChoiceField(
        label=_("Role"),
        choices=Membership.Role.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select a role")},
    )
    team = forms.ModelChoiceField(
        label=_("Team (optional)"), queryset=Team.objects.none(), required=False
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = Team.objects.filter(  # type: ignore[attr-defined]
            organisation=organisation, is_active=True
        ).order_by("name")
