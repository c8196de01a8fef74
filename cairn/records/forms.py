"""Input for each part of the Core Record. Forms check input and never save domain data."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from cairn.accounts.models import Organisation, Team, User
from cairn.records import terms, validation
from cairn.records.models import (
    Address,
    Child,
    Contact,
    Education,
    Exclusion,
    Health,
    LifeEvent,
    Offence,
    Safeguarding,
)
from cairn.ui.forms import GovukDateField, YesNoField

REQUIRED = {
    "given_name": _("Enter the child’s first name"),
    "family_name": _("Enter the child’s last name"),
    "sex": _("Select the child’s sex"),
}


class VersionedForm(forms.ModelForm):  # type: ignore[type-arg]
    """A form for one row of the record, carrying the version the editor started from."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    # The model's column holding this part's version: each part of the record kept on the
    # child's row has its own, so saving one part never refuses another (records.models.Child).
    version_field = "version"

    def __init__(self, *args: Any, child: Child | None = None, **kwargs: Any) -> None:
        self.child = child
        super().__init__(*args, **kwargs)
        terms.word_form(self, child)
        if self.instance.pk and not self.is_bound:
            self.fields["version"].initial = getattr(self.instance, self.version_field)
        for name, message in {**REQUIRED, **getattr(self, "required_messages", {})}.items():
            if name in self.fields:
                self.fields[name].error_messages["required"] = message

    def add_errors(self, errors: dict[str, str]) -> None:
        for name, message in errors.items():
            self.add_error(name if name in self.fields else None, message)

    def domain_data(self) -> dict[str, Any]:
        """The cleaned values for the model's fields (without the version)."""
        return {
            name: self.cleaned_data[name]
            for name in self._meta.fields or []
            if name in self.cleaned_data
        }


class ChildCreateForm(VersionedForm):
    date_of_birth = GovukDateField(label=_("Date of birth"), help_text=_("For example, 27 3 2011"))
    is_different_child = forms.BooleanField(
        required=False,
        label=_("I have checked: this is a different child"),
    )

    class Meta:
        model = Child
        fields = ["given_name", "family_name", "preferred_name", "date_of_birth", "sex"]
        widgets = {"sex": forms.RadioSelect(attrs={"inline": True})}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.add_errors(validation.date_of_birth_errors(data.get("date_of_birth")))
        return data


class PersonalDetailsForm(VersionedForm):
    date_of_birth = GovukDateField(label=_("Date of birth"), help_text=_("For example, 27 3 2011"))
    needs_interpreter = YesNoField(label=_("Does the child need an interpreter?"))
    prefers_welsh = YesNoField(label=_("Should letters and plans be in Welsh?"))

    class Meta:
        model = Child
        fields = [
            "given_name",
            "middle_names",
            "family_name",
            "preferred_name",
            "other_names",
            "date_of_birth",
            "sex",
            "gender_identity",
            "pronouns",
            "ethnicity",
            "religion",
            "nationality",
            "first_language",
            "needs_interpreter",
            "interpreter_language",
            "prefers_welsh",
        ]
        widgets = {"sex": forms.RadioSelect(attrs={"inline": True})}
        help_texts = {
            "gender_identity": _("In the child’s own words, if they have told you"),
            "preferred_name": _("The name the child likes to be called"),
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.child is not None:
            self.add_errors(
                validation.date_of_birth_change_errors(self.child, data.get("date_of_birth"))
            )
        else:
            self.add_errors(validation.date_of_birth_errors(data.get("date_of_birth")))
        if data.get("needs_interpreter") and not (data.get("interpreter_language") or "").strip():
            self.add_error(
                "interpreter_language", _("Enter the language the interpreter must speak")
            )
        return data


class IdentifiersForm(VersionedForm):
    version_field = "identifiers_version"

    class Meta:
        model = Child
        fields = ["local_id", "pnc_number", "nhs_number", "upn"]
        help_texts = {
            "pnc_number": _("For example, 19/0123456X"),
            "nhs_number": _("10 digits, for example 943 476 5919"),
            "upn": _("Unique pupil number: a letter and 12 characters, for example A123456789012"),
        }

    required_messages = {"local_id": _("Enter the local ID")}

    def clean_local_id(self) -> str:
        # The unique constraint includes the organisation, which is not on the form, so the
        # model's own validation skips it: check here rather than fail on saving.
        value: str = self.cleaned_data["local_id"]
        if self.child is None:
            return value
        others = Child.objects.filter(organisation_id=self.child.organisation_id).exclude(
            pk=self.child.pk
        )
        if others.filter(local_id=value).exists():
            message = _("Another child in your organisation already has the local ID %(local_id)s")
            raise forms.ValidationError(message % {"local_id": value})
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        values, errors = validation.normalised_identifiers(data)
        self.add_errors(errors)
        for name, value in values.items():
            if name not in errors:
                data[name] = value
        return data


class AlertsForm(VersionedForm):
    version_field = "alerts_version"

    has_exploitation_concern = YesNoField(
        label=_("Is there a concern the child is being exploited?")
    )
    has_risk_to_staff = YesNoField(
        label=_("Is there a risk to staff visiting or meeting the child?")
    )

    class Meta:
        model = Child
        fields = [
            "has_exploitation_concern",
            "exploitation_note",
            "has_risk_to_staff",
            "risk_to_staff_note",
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (
            data.get("has_exploitation_concern")
            and not (data.get("exploitation_note") or "").strip()
        ):
            self.add_error("exploitation_note", _("Say briefly what the exploitation concern is"))
        if data.get("has_risk_to_staff") and not (data.get("risk_to_staff_note") or "").strip():
            self.add_error(
                "risk_to_staff_note",
                _("Say briefly what the risk to staff is and how to stay safe"),
            )
        return data


class CareForm(VersionedForm):
    version_field = "care_version"

    class Meta:
        model = Child
        fields = [
            "looked_after",
            "care_local_authority",
            "care_placement",
            "social_worker_name",
            "social_worker_team",
            "social_worker_phone",
            "social_worker_email",
        ]
        widgets = {"looked_after": forms.RadioSelect}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        looked_after = data.get("looked_after")
        if (
            looked_after
            in {
                Child.LookedAfter.SECTION_20,
                Child.LookedAfter.CARE_ORDER,
                Child.LookedAfter.REMAND,
            }
            and not (data.get("care_local_authority") or "").strip()
        ):
            self.add_error(
                "care_local_authority",
                _("Enter the local authority responsible for the child’s care"),
            )
        return data


class SafeguardingForm(VersionedForm):
    protection_from = GovukDateField(label=_("Plan since"), required=False, past_only=True)
    nrm_referred_on = GovukDateField(
        label=_("Date of the referral to the National Referral Mechanism (NRM)"),
        required=False,
        past_only=True,
        help_text=_("Leave blank if the child has not been referred"),
    )
    nrm_reasonable_grounds_on = GovukDateField(
        label=_("Date of the reasonable grounds decision"), required=False, past_only=True
    )
    nrm_conclusive_grounds_on = GovukDateField(
        label=_("Date of the conclusive grounds decision"), required=False, past_only=True
    )
    mappa_from = GovukDateField(
        label=_("Managed under MAPPA since"),
        required=False,
        past_only=True,
        help_text=_("Multi-agency public protection arrangements"),
    )

    class Meta:
        model = Safeguarding
        fields = [
            "protection",
            "protection_from",
            "nrm_referred_on",
            "nrm_reasonable_grounds",
            "nrm_reasonable_grounds_on",
            "nrm_conclusive_grounds",
            "nrm_conclusive_grounds_on",
            "mappa_category",
            "mappa_level",
            "mappa_from",
        ]
        widgets = {
            "protection": forms.RadioSelect,
            "nrm_reasonable_grounds": forms.RadioSelect(attrs={"inline": True}),
            "nrm_conclusive_grounds": forms.RadioSelect(attrs={"inline": True}),
            "mappa_category": forms.RadioSelect,
            "mappa_level": forms.RadioSelect,
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        blanks = {
            "nrm_reasonable_grounds": _("Not referred"),
            "nrm_conclusive_grounds": _("No decision yet"),
            "mappa_category": _("Not managed under MAPPA"),
            "mappa_level": _("Not managed under MAPPA"),
        }
        for name, blank in blanks.items():
            field = self.fields[name]
            field.choices = [("", blank)] + [  # type: ignore[attr-defined]
                choice
                for choice in field.choices  # type: ignore[attr-defined]
                if choice[0]
            ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.add_errors(validation.safeguarding_errors(self.child, data))
        return data


class LegalStatusForm(VersionedForm):
    version_field = "legal_status_version"

    next_court_date = GovukDateField(label=_("Next court date"), required=False)

    class Meta:
        model = Child
        fields = [
            "legal_status",
            "bail_conditions",
            "next_court_date",
            "next_court",
            "custody_establishment",
        ]
        widgets = {"legal_status": forms.RadioSelect}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        status = data.get("legal_status")
        if status == Child.LegalStatus.BAIL and not (data.get("bail_conditions") or "").strip():
            self.add_error(
                "bail_conditions", _("Enter the bail conditions, or ‘none’ for unconditional bail")
            )
        if (
            status in {Child.LegalStatus.REMAND_YDA, Child.LegalStatus.CUSTODY}
            and not (data.get("custody_establishment") or "").strip()
        ):
            self.add_error(
                "custody_establishment", _("Enter the secure establishment where the child is held")
            )
        if data.get("next_court_date") and not (data.get("next_court") or "").strip():
            self.add_error("next_court", _("Enter the court for the next hearing"))
        return data


class AllocationForm(VersionedForm):
    version_field = "allocation_version"

    class Meta:
        model = Child
        fields = ["team", "case_worker"]

    def __init__(self, *args: Any, organisation: Organisation | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organisation = organisation or (self.child.organisation if self.child else None)
        self.fields["team"].queryset = Team.objects.filter(  # type: ignore[attr-defined]
            organisation=organisation, is_active=True
        ).order_by("name")
        self.fields["case_worker"].queryset = (  # type: ignore[attr-defined]
            User.objects.filter(
                memberships__organisation=organisation, memberships__is_active=True, is_active=True
            )
            .distinct()
            .order_by("first_name", "last_name")
        )
        self.fields["case_worker"].label_from_instance = lambda user: user.display_name  # type: ignore[attr-defined]


class EducationForm(VersionedForm):
    class Meta:
        model = Education
        fields = ["setting", "status", "year_group", "attendance_percent", "sen", "sen_details"]
        widgets = {
            "status": forms.RadioSelect,
            "sen": forms.RadioSelect,
            "attendance_percent": forms.TextInput(attrs={"class": "govuk-input--width-3"}),
        }
        error_messages = {
            "attendance_percent": {
                "invalid": _("Attendance must be a whole number, like 82"),
                "min_value": _("Attendance must be between 0 and 100"),
            }
        }

    def clean_attendance_percent(self) -> int | None:
        value: int | None = self.cleaned_data.get("attendance_percent")
        if value is not None and value > 100:
            raise forms.ValidationError(_("Attendance must be between 0 and 100"))
        return value


class HealthForm(VersionedForm):
    neurodiversity = forms.MultipleChoiceField(
        label=_("Neurodiversity"),
        help_text=_("Select all that have been diagnosed or are being assessed"),
        choices=Health.Neurodiversity.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Health
        fields = [
            "gp_name",
            "gp_practice",
            "gp_phone",
            "conditions",
            "medication",
            "slcn",
            "slcn_details",
            "neurodiversity",
            "neurodiversity_details",
        ]
        widgets = {"slcn": forms.RadioSelect}


class AddressForm(VersionedForm):
    from_date = GovukDateField(label=_("Lived here from"), past_only=True)
    to_date = GovukDateField(
        label=_("Lived here until"),
        required=False,
        help_text=_("Leave blank if the child still lives here"),
    )

    class Meta:
        model = Address
        fields = ["line_1", "line_2", "town", "postcode", "living_with", "from_date", "to_date"]

    required_messages = {
        "line_1": _("Enter the first line of the address"),
        "town": _("Enter the town or city"),
    }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.add_errors(
            validation.period_errors(
                data.get("from_date"),
                data.get("to_date"),
                from_field="from_date",
                to_field="to_date",
            )
        )
        return data


class ContactForm(VersionedForm):
    has_parental_responsibility = YesNoField(label=_("Do they have parental responsibility?"))
    lives_with_child = YesNoField(label=_("Does the child live with them?"))
    is_emergency_contact = YesNoField(label=_("Are they an emergency contact?"))

    class Meta:
        model = Contact
        fields = [
            "name",
            "relationship",
            "relationship_detail",
            "has_parental_responsibility",
            "lives_with_child",
            "is_emergency_contact",
            "phone",
            "email",
            "address",
            "language",
            "notes",
        ]
        widgets = {"relationship": forms.Select}

    required_messages = {
        "name": _("Enter the contact’s name"),
        "relationship": _("Select how they are related to the child"),
    }


class ExclusionForm(VersionedForm):
    start_date = GovukDateField(label=_("Date"), past_only=True)

    class Meta:
        model = Exclusion
        fields = ["start_date", "kind", "days", "reason"]
        widgets = {
            "kind": forms.RadioSelect,
            "days": forms.TextInput(attrs={"class": "govuk-input--width-3"}),
        }
        error_messages = {"days": {"invalid": _("Number of days must be a whole number")}}

    required_messages = {"kind": _("Select the type of exclusion")}


class OffenceForm(VersionedForm):
    offence_date = GovukDateField(label=_("Offence date"), past_only=True)
    outcome_date = GovukDateField(label=_("Outcome date"), required=False)

    class Meta:
        model = Offence
        fields = [
            "offence_date",
            "description",
            "category",
            "is_primary",
            "outcome_type",
            "outcome_date",
            "court",
            "order_end_date",
            "notes",
        ]
        widgets = {"category": forms.Select, "outcome_type": forms.Select}
        labels = {"is_primary": _("This is the primary offence for its outcome")}
        help_texts = {
            "description": _("For example, theft of a phone from a shop"),
            "outcome_type": _(
                "Leave blank while the charge awaits its outcome: it is recorded as alleged"
            ),
        }

    required_messages = {
        "description": _("Describe the offence"),
        "category": _("Select the offence category"),
    }

    order_end_date = GovukDateField(
        label=_("Order ends"), required=False, help_text=_("For orders only")
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.child is not None:
            self.add_errors(validation.offence_errors(self.child, data))
        return data


class LifeEventForm(VersionedForm):
    date = GovukDateField(label=_("Date"), past_only=True)

    class Meta:
        model = LifeEvent
        fields = ["date", "event_type", "description"]
        widgets = {"event_type": forms.Select}

    required_messages = {
        "event_type": _("Select the type of event"),
        "description": _("Describe what happened"),
    }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.child is not None:
            self.add_errors(validation.life_event_errors(self.child, data))
        return data


class RestrictionForm(forms.Form):
    """Why a child's record is restricted and who may open it (records.access)."""

    reason = forms.CharField(
        label=_("Why is the record restricted?"),
        help_text=_(
            "For example, harmful sexual behaviour, or the child of a member of staff. Everyone "
            "who manages the restriction will read this."
        ),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Enter why the record is restricted"),
            "max_length": _("Reason must be 1,000 characters or fewer"),
        },
    )
    named = forms.TypedMultipleChoiceField(
        label=_("Who may open the record"),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Select at least one person who may open the record"),
            "invalid_choice": _("Select people from the list"),
        },
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, staff: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["named"].choices = staff  # type: ignore[attr-defined]


class LiftRestrictionForm(forms.Form):
    reason = forms.CharField(
        label=_("Why are you lifting the restriction?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Enter why the restriction is lifted"),
            "max_length": _("Reason must be 1,000 characters or fewer"),
        },
    )
    version = forms.IntegerField(widget=forms.HiddenInput)
