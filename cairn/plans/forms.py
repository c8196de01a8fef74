"""Input for the plan. Forms check the shape of what was sent; the operations check its
meaning (a link to something of this stage, an agency's name when another agency acts)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext as _

from cairn.plans.models import ActionKind, ActionStatus, Area, ManagesRisk, TargetStatus, Who
from cairn.ui.forms import GovukDateField


def _labelled(choices: Any) -> list[tuple[str, str]]:
    return [(str(value), str(label)) for value, label in choices]


class TargetForm(forms.Form):
    factor = forms.ChoiceField(required=False)
    concern = forms.TypedChoiceField(required=False, coerce=int, empty_value=None)
    question_key = forms.ChoiceField(required=False)
    goal_in_childs_words = forms.CharField(widget=forms.Textarea, required=False, max_length=5000)
    objective = forms.CharField(widget=forms.Textarea, max_length=5000)
    area = forms.ChoiceField(required=False)
    manages_risk = forms.ChoiceField(widget=forms.RadioSelect)
    status = forms.ChoiceField(widget=forms.RadioSelect)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, required=False)

    def __init__(
        self,
        *args: Any,
        factors: list[tuple[str, str]],
        concerns: list[tuple[str, str]],
        questions: list[tuple[str, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        fields = self.fields
        invalid = _("Select one of the choices shown")
        for name, label, choices, hint in (
            (
                "factor",
                _("Desistance factor it rests on"),
                factors,
                _("From the stage’s explanations"),
            ),
            ("concern", _("Concern it manages"), concerns, _("From the risk judgements")),
            (
                "question_key",
                _("Need or strength it rests on"),
                questions,
                _("An answer of the assessment"),
            ),
        ):
            fields[name].label = label
            fields[name].help_text = hint
            fields[name].choices = choices  # type: ignore[attr-defined]
            fields[name].error_messages = {"invalid_choice": invalid}
        fields["goal_in_childs_words"].label = _("Goal in the child’s words (optional)")
        fields["goal_in_childs_words"].help_text = _(
            "What the child wants, as they said it. For example: ‘I want to get back into "
            "college and do mechanics.’"
        )
        fields["objective"].label = _("Objective")
        fields["objective"].help_text = _(
            "What should change, for the professionals: specific enough to know when it is met."
        )
        fields["objective"].error_messages = {
            "required": _("Enter the objective"),
            "max_length": _("The objective must be 5000 characters or fewer"),
        }
        fields["goal_in_childs_words"].error_messages = {
            "max_length": _("The goal must be 5000 characters or fewer")
        }
        fields["area"].label = _("Area (optional)")
        fields["area"].choices = _labelled(Area.choices)  # type: ignore[attr-defined]
        fields["area"].error_messages = {"invalid_choice": invalid}
        fields["manages_risk"].label = _("Does this target manage risk?")
        fields["manages_risk"].help_text = _(
            "Actions of a target that manages risk form the risk and safety plan."
        )
        fields["manages_risk"].choices = _labelled(ManagesRisk.choices)  # type: ignore[attr-defined]
        fields["manages_risk"].error_messages = {
            "required": _("Select whether this target manages risk"),
            "invalid_choice": invalid,
        }
        fields["status"].label = _("Status")
        fields["status"].choices = _labelled(TargetStatus.choices)  # type: ignore[attr-defined]
        fields["status"].error_messages = {
            "required": _("Select a status"),
            "invalid_choice": invalid,
        }


class ActionForm(forms.Form):
    what = forms.CharField(widget=forms.Textarea, max_length=5000)
    who = forms.ChoiceField(widget=forms.RadioSelect)
    agency_name = forms.CharField(required=False, max_length=200)
    by_when = GovukDateField(required=False)
    kind = forms.ChoiceField(widget=forms.RadioSelect)
    status = forms.ChoiceField(widget=forms.RadioSelect)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields = self.fields
        invalid = _("Select one of the choices shown")
        fields["what"].label = _("What will be done")
        fields["what"].error_messages = {
            "required": _("Describe the action"),
            "max_length": _("The action must be 5000 characters or fewer"),
        }
        fields["who"].label = _("Who will do it")
        fields["who"].choices = _labelled(Who.choices)  # type: ignore[attr-defined]
        fields["who"].error_messages = {
            "required": _("Select who will do it"),
            "invalid_choice": invalid,
        }
        fields["agency_name"].label = _("Name of the agency (if another agency will do it)")
        fields["agency_name"].error_messages = {
            "max_length": _("The agency’s name must be 200 characters or fewer")
        }
        fields["by_when"].label = _("By when (optional)")
        fields["by_when"].help_text = _("For example, 27 3 2027")
        fields["kind"].label = _("Kind of action")
        fields["kind"].help_text = _(
            "External controls and contingencies appear in the risk and safety plan."
        )
        fields["kind"].choices = _labelled(ActionKind.choices)  # type: ignore[attr-defined]
        fields["kind"].error_messages = {
            "required": _("Select the kind of action"),
            "invalid_choice": invalid,
        }
        fields["status"].label = _("Status")
        fields["status"].choices = _labelled(ActionStatus.choices)  # type: ignore[attr-defined]
        fields["status"].error_messages = {
            "required": _("Select a status"),
            "invalid_choice": invalid,
        }


class ProgressForm(forms.Form):
    text = forms.CharField(widget=forms.Textarea, max_length=5000)
    noted_on = GovukDateField(required=False, past_only=True)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["text"].label = _("Progress")
        self.fields["text"].help_text = _("What happened, and what it means for this target.")
        self.fields["text"].error_messages = {
            "required": _("Describe the progress"),
            "max_length": _("The progress note must be 5000 characters or fewer"),
        }
        self.fields["noted_on"].label = _("Date (optional)")
        self.fields["noted_on"].help_text = _("Leave empty for today. For example, 27 3 2026")
