"""Input for the child's plan and the child's response. The forms check the shape of what was
sent; the operations check its length against the one printed page."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext as _

from cairn.childplan.models import ChildResponse, Language
from cairn.childplan.operations import MAX_HELPERS, Helper, PlanText
from cairn.ui.forms import GovukDateField

HELPER_ROWS = MAX_HELPERS


class PlanForm(forms.Form):
    what_i_want = forms.CharField(widget=forms.Textarea, required=False)
    what_im_good_at = forms.CharField(widget=forms.Textarea, required=False)
    what_ill_do = forms.CharField(widget=forms.Textarea, required=False)
    how_well_know = forms.CharField(widget=forms.Textarea, required=False)
    language = forms.ChoiceField(widget=forms.RadioSelect(attrs={"inline": True}))
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields = self.fields
        fields["what_i_want"].label = _("What I want")
        fields["what_i_want"].help_text = _("In the child's words: what they want for themselves")
        fields["what_im_good_at"].label = _("What I'm good at")
        fields["what_im_good_at"].help_text = _("The child's strengths, as they would say them")
        fields["what_ill_do"].label = _("What I'll do")
        fields["what_ill_do"].help_text = _("One thing on each line, up to 5")
        fields["how_well_know"].label = _("How we'll know it's working")
        fields["how_well_know"].help_text = _("What the child and you will notice")
        language = fields["language"]
        language.label = _("Language of the printed plan")
        language.choices = Language.choices  # type: ignore[attr-defined]
        language.error_messages.update(
            {
                "required": _("Select English or Welsh"),
                "invalid_choice": _("Select English or Welsh"),
            }
        )
        for index in range(1, HELPER_ROWS + 1):
            who = forms.CharField(required=False, label=_("Name or role"))
            how = forms.CharField(required=False, label=_("How they will help"))
            self.fields[f"helper_{index}_who"] = who
            self.fields[f"helper_{index}_how"] = how

    def helper_rows(self) -> list[tuple[int, forms.BoundField, forms.BoundField]]:
        return [
            (index, self[f"helper_{index}_who"], self[f"helper_{index}_how"])
            for index in range(1, HELPER_ROWS + 1)
        ]

    def text(self) -> PlanText:
        data = self.cleaned_data
        helpers = tuple(
            Helper(data.get(f"helper_{index}_who", ""), data.get(f"helper_{index}_how", ""))
            for index in range(1, HELPER_ROWS + 1)
        )
        return PlanText(
            what_i_want=data["what_i_want"],
            what_im_good_at=data["what_im_good_at"],
            what_ill_do=tuple(data["what_ill_do"].splitlines()),
            who_will_help=helpers,
            how_well_know=data["how_well_know"],
            language=data["language"],
        )

    @staticmethod
    def initial_of(text: PlanText, version: int) -> dict[str, Any]:
        initial: dict[str, Any] = {
            "what_i_want": text.what_i_want,
            "what_im_good_at": text.what_im_good_at,
            "what_ill_do": "\n".join(text.what_ill_do),
            "how_well_know": text.how_well_know,
            "language": text.language,
            "version": version,
        }
        for index, helper in enumerate(text.who_will_help[:HELPER_ROWS], start=1):
            initial[f"helper_{index}_who"] = helper.who
            initial[f"helper_{index}_how"] = helper.how
        return initial


class ResponseForm(forms.Form):
    response = forms.ChoiceField(widget=forms.RadioSelect)
    words = forms.CharField(widget=forms.Textarea, required=False)
    responded_on = GovukDateField(past_only=True)
    plan_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        response = self.fields["response"]
        response.label = _("What did the child say about the plan?")
        response.choices = ChildResponse.Response.choices  # type: ignore[attr-defined]
        response.error_messages.update(
            {
                "required": _("Select what the child said about the plan"),
                "invalid_choice": _("Select one of the answers shown"),
            }
        )
        words = self.fields["words"]
        words.label = _("The child's own words")
        words.help_text = _("Write down what they said, as they said it")
        responded_on = self.fields["responded_on"]
        responded_on.label = _("Date")
        responded_on.help_text = _("The day the child gave this answer, for example 27 3 2026")
