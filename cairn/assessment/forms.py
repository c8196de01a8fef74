"""Input for assessment settings. Forms check input and never save domain data."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext as _

from cairn.framework.schema import StageType


class TimescalesForm(forms.Form):
    """Days from a stage's start to its due date, one field per stage type."""

    def __init__(
        self,
        *args: Any,
        stage_types: tuple[StageType, ...],
        current: dict[str, int],
        language: str,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        for stage in stage_types:
            self.fields[stage.key] = forms.IntegerField(
                label=stage.label.get(language),
                help_text=_("Days from the start of the stage. The national default is %(days)s.")
                % {"days": stage.due_days},
                min_value=1,
                max_value=365,
                initial=current.get(stage.key, stage.due_days),
                widget=forms.TextInput(
                    attrs={"class": "govuk-input--width-3", "inputmode": "numeric"}
                ),
                error_messages={
                    "required": _("Enter the number of days for %(stage)s")
                    % {"stage": stage.label.get(language)},
                    "invalid": _("Enter a whole number of days for %(stage)s")
                    % {"stage": stage.label.get(language)},
                    "min_value": _("%(stage)s must take at least 1 day")
                    % {"stage": stage.label.get(language)},
                    "max_value": _("%(stage)s must be due within 365 days")
                    % {"stage": stage.label.get(language)},
                },
            )
