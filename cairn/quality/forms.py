"""Input for countersigning. Forms check input and never save."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext as _

from cairn.quality.models import Sections, SignoffRequest


class RequestForm(forms.Form):
    sections = forms.ChoiceField(widget=forms.RadioSelect)

    def __init__(self, *args: Any, offered: list[str] | None = None, **kwargs: Any) -> None:
        """`offered`: the choices to show (those ready for sign-off); every choice is accepted,
        and the operation refuses one that is not ready, saying what is left."""
        super().__init__(*args, **kwargs)
        field = self.fields["sections"]
        self.offer(offered)
        field.label = _("What should be signed off?")
        field.error_messages = {
            "required": _("Select what should be signed off"),
            "invalid_choice": _("Select what should be signed off"),
        }

    def offer(self, offered: list[str] | None) -> None:
        """Show only these choices (all when None)."""
        self.fields["sections"].choices = [  # type: ignore[attr-defined]
            (value, str(label))
            for value, label in Sections.choices
            if offered is None or value in offered
        ]


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(widget=forms.RadioSelect)
    comment = forms.CharField(widget=forms.Textarea, required=False, max_length=5000)

    def __init__(self, *args: Any, may_sign_off: bool = True, **kwargs: Any) -> None:
        """Without `may_sign_off` (something is out of date) only "ask for changes" is shown;
        a sign-off sent anyway is refused by the operation."""
        super().__init__(*args, **kwargs)
        decision = self.fields["decision"]
        decision.choices = [  # type: ignore[attr-defined]
            *([(SignoffRequest.Status.SIGNED_OFF.value, _("Sign off"))] if may_sign_off else []),
            (SignoffRequest.Status.CHANGES_REQUIRED.value, _("Ask for changes")),
        ]
        decision.label = _("Your decision")
        decision.error_messages = {
            "required": _("Select sign off or ask for changes"),
            "invalid_choice": _("Select sign off or ask for changes"),
        }
        comment = self.fields["comment"]
        comment.label = _("Comment for the practitioner")
        comment.help_text = _("Needed when you ask for changes: say what should change.")
        comment.error_messages = {"max_length": _("The comment must be 5000 characters or fewer")}

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if (
            cleaned.get("decision") == SignoffRequest.Status.CHANGES_REQUIRED
            and not (cleaned.get("comment") or "").strip()
        ):
            self.add_error("comment", _("Enter a comment saying what should change"))
        return cleaned


class WithdrawForm(forms.Form):
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), max_length=300)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        reason = self.fields["reason"]
        reason.label = _("Why are you withdrawing this request?")
        reason.help_text = _("The countersigner and the stage’s history will show this.")
        reason.error_messages = {
            "required": _("Enter why you are withdrawing this request"),
            "max_length": _("The reason must be 300 characters or fewer"),
        }


class CommentForm(forms.Form):
    key = forms.ChoiceField(widget=forms.Select)
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)

    def __init__(self, *args: Any, keys: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        key = self.fields["key"]
        key.choices = keys  # type: ignore[attr-defined]
        key.label = _("About")
        key.error_messages = {
            "required": _("Select what the comment is about"),
            "invalid_choice": _("Select what the comment is about"),
        }
        text = self.fields["text"]
        text.label = _("Comment")
        text.error_messages = {
            "required": _("Enter a comment"),
            "max_length": _("The comment must be 5000 characters or fewer"),
        }


class ReplyForm(forms.Form):
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), max_length=5000)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        text = self.fields["text"]
        text.label = _("Reply")
        text.error_messages = {
            "required": _("Enter a reply"),
            "max_length": _("The reply must be 5000 characters or fewer"),
        }


NO_RATING = "none"  # the policy's minimum rating: ratings never call for countersigning


class PolicyForm(forms.Form):
    stage_types = forms.MultipleChoiceField(widget=forms.CheckboxSelectMultiple, required=False)
    minimum_rating = forms.ChoiceField(widget=forms.RadioSelect, required=False)

    def __init__(
        self,
        *args: Any,
        stage_types: list[tuple[str, str]],
        ratings: list[tuple[str, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        types = self.fields["stage_types"]
        types.choices = stage_types  # type: ignore[attr-defined]
        types.label = _("Stages that always need countersigning")
        types.help_text = _("Select all that apply.")
        types.error_messages = {"invalid_choice": _("Select stage types from the list")}
        rating = self.fields["minimum_rating"]
        # Not "": a radio with an empty value is not shown, and a chosen rating could then
        # never be taken back (radios cannot be cleared).
        rating.choices = [(NO_RATING, _("Ratings never call for countersigning")), *ratings]  # type: ignore[attr-defined]
        rating.label = _(
            "Any stage rated at least this for risk of serious harm or safety and well-being"
        )
        rating.error_messages = {"invalid_choice": _("Select a rating from the list")}

    def clean_minimum_rating(self) -> str:
        value: str = self.cleaned_data.get("minimum_rating") or ""
        return "" if value == NO_RATING else value
