"""Input for judgements and concerns. Forms check the shape of what was sent; the operations
check its meaning (a reason where the rating differs, choices the rules know)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext as _

from cairn.judgements.rules import Rules


class DecisionForm(forms.Form):
    rating = forms.ChoiceField(widget=forms.RadioSelect)
    reason = forms.CharField(widget=forms.Textarea, required=False, max_length=5000)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(
        self, *args: Any, choices: list[tuple[str, str]], legend: str, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        rating = self.fields["rating"]
        rating.choices = choices  # type: ignore[attr-defined]
        rating.label = legend
        rating.error_messages = {
            "required": _("Select a rating"),
            "invalid_choice": _("Select one of the ratings shown"),
        }
        reason = self.fields["reason"]
        reason.label = _("Reason")
        reason.help_text = _(
            "Needed where your rating differs from the proposed one: what you know that the "
            "proposal does not take into account."
        )
        reason.error_messages = {"max_length": _("The reason must be 5000 characters or fewer")}


class ConcernForm(forms.Form):
    what = forms.CharField(widget=forms.Textarea, max_length=5000)
    to_whom = forms.ChoiceField(widget=forms.RadioSelect)
    to_whom_detail = forms.CharField(required=False, max_length=200)
    impact = forms.ChoiceField(widget=forms.RadioSelect)
    likelihood = forms.ChoiceField(widget=forms.RadioSelect)
    imminence = forms.ChoiceField(widget=forms.RadioSelect)
    evidence = forms.CharField(widget=forms.Textarea, max_length=5000)
    answer_keys = forms.MultipleChoiceField(widget=forms.CheckboxSelectMultiple, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, required=False)

    def __init__(
        self,
        *args: Any,
        rules: Rules,
        judgement: str,
        answers: list[tuple[str, str]],
        language: str,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        fields = self.fields

        def choices(name: str) -> list[tuple[str, str]]:
            return [(c.key, c.label.get(language)) for c in rules.choices(name)]

        def described(name: str) -> list[tuple[str, str]]:
            return [
                (c.key, f"{c.label.get(language)}: {c.definition.get(language)}")
                if c.definition
                else (c.key, c.label.get(language))
                for c in rules.choices(name)
            ]

        fields["what"].label = _("What might happen")
        fields["what"].help_text = _(
            "One specific behaviour or event, not a general worry. For example: ‘Jay may use the "
            "knife he has carried to threaten a rival group member if they meet in the town centre.’"
        )
        fields["to_whom"].label = _("Who might be harmed")
        fields["to_whom"].choices = choices(f"to_whom.{judgement}")  # type: ignore[attr-defined]
        fields["to_whom_detail"].label = _("Who, in a few words (optional)")
        fields["to_whom_detail"].help_text = _("A named group or relationship, not a full name")
        fields["impact"].label = _("Impact if it happened")
        fields["impact"].choices = described("impact")  # type: ignore[attr-defined]
        fields["likelihood"].label = _("How likely it is")
        fields["likelihood"].choices = choices("likelihood")  # type: ignore[attr-defined]
        fields["imminence"].label = _("How soon it might happen")
        fields["imminence"].choices = choices("imminence")  # type: ignore[attr-defined]
        fields["evidence"].label = _("Evidence")
        fields["evidence"].help_text = _(
            "What you know and how: incidents, what people said and when, and your source."
        )
        fields["answer_keys"].label = _("Answers this concern rests on (optional)")
        fields["answer_keys"].help_text = _(
            "If one of them changes, the judgement is flagged to reconfirm."
        )
        fields["answer_keys"].choices = answers  # type: ignore[attr-defined]
        required = {
            "what": _("Describe what might happen"),
            "to_whom": _("Select who might be harmed"),
            "impact": _("Select the impact"),
            "likelihood": _("Select how likely it is"),
            "imminence": _("Select how soon it might happen"),
            "evidence": _("Give the evidence for this concern"),
        }
        for name, message in required.items():
            fields[name].error_messages = {
                "required": message,
                "invalid_choice": _("Select one of the choices shown"),
                "max_length": _("This must be 5000 characters or fewer"),
            }
        fields["to_whom_detail"].error_messages = {
            "max_length": _("Who, in a few words, must be 200 characters or fewer")
        }
        fields["answer_keys"].error_messages = {
            "invalid_choice": _("Select answers from this stage only")
        }
        if judgement == "safety_wellbeing":
            fields["to_whom"].initial = "the_child"
