"""One adapter from Django forms to GOV.UK Frontend components.

`field()` turns a bound field into the component name and the options the GOV.UK macro takes,
so every question in Cairn renders through the same code (no template per question).
`GovukDateField` is the GOV.UK date pattern: three boxes, and error messages that say which
part is missing or wrong.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

WIDE_TEXT_ROWS = 8

# A count that takes each plural form GOV.UK Frontend's script asks for (Intl.PluralRules'
# categories) in each language, so each form's message comes from the catalogue's own plural.
_PLURAL_SAMPLES = {
    "cy": {"zero": 0, "one": 1, "two": 2, "few": 3, "many": 6, "other": 4},
    "en": {"one": 1, "other": 2},
}


def _plurals(message: Callable[[int], str]) -> dict[str, str]:
    language = (translation.get_language() or "en").split("-")[0]
    samples = _PLURAL_SAMPLES.get(language, _PLURAL_SAMPLES["en"])
    return {form: message(count) for form, count in samples.items()}


def character_count(params: dict[str, Any], *, limit: int) -> dict[str, Any]:
    """A textarea's options as the GOV.UK character count, with the limit the server enforces
    and its messages in the reader's language (`%{count}` is filled in by the script)."""
    return {
        **params,
        "maxlength": limit,
        "textareaDescriptionText": _("You can enter up to %{count} characters"),
        "charactersUnderLimitText": _plurals(
            lambda n: ngettext(
                "You have %{count} character remaining", "You have %{count} characters remaining", n
            )
        ),
        "charactersAtLimitText": _("You have 0 characters remaining"),
        "charactersOverLimitText": _plurals(
            lambda n: ngettext(
                "You have %{count} character too many", "You have %{count} characters too many", n
            )
        ),
    }


class DateWidget(forms.MultiWidget):
    template_name = "django/forms/widgets/multiwidget.html"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        widgets: dict[str, forms.Widget | type[forms.Widget]] = {
            "day": forms.TextInput(attrs={"inputmode": "numeric"}),
            "month": forms.TextInput(attrs={"inputmode": "numeric"}),
            "year": forms.TextInput(attrs={"inputmode": "numeric"}),
        }
        super().__init__(widgets, attrs)

    def decompress(self, value: Any) -> list[Any]:
        if isinstance(value, dt.date):
            return [value.day, value.month, value.year]
        return [None, None, None]


class GovukDateField(forms.MultiValueField):
    widget = DateWidget

    def __init__(self, *, past_only: bool = False, **kwargs: Any) -> None:
        self.past_only = past_only
        fields = (forms.CharField(), forms.CharField(), forms.CharField())
        super().__init__(fields=fields, require_all_fields=False, **kwargs)

    def clean(self, value: Any) -> dt.date | None:
        parts = [str(p).strip() if p is not None else "" for p in (value or ["", "", ""])]
        name = str(self.label or _("Date"))
        if not any(parts):
            if self.required:
                raise ValidationError(_("Enter %(name)s") % {"name": name.lower()}, code="required")
            return None
        missing = [
            label
            for part, label in zip(parts, [_("day"), _("month"), _("year")], strict=True)
            if not part
        ]
        if missing:
            raise ValidationError(
                _("%(name)s must include a %(parts)s")
                % {"name": name, "parts": _(" and ").join(missing)},
                code="incomplete",
            )
        if not all(part.isdigit() for part in parts) or len(parts[2]) != 4:
            raise ValidationError(
                _("%(name)s must be a real date") % {"name": name}, code="invalid"
            )
        try:
            value_date = dt.date(int(parts[2]), int(parts[1]), int(parts[0]))
        except ValueError:
            raise ValidationError(
                _("%(name)s must be a real date") % {"name": name}, code="invalid"
            ) from None
        if value_date.year < 1900:
            raise ValidationError(
                _("%(name)s must be after 1900") % {"name": name}, code="too_early"
            )
        if self.past_only and value_date > dt.date.today():
            raise ValidationError(
                _("%(name)s must be today or in the past") % {"name": name}, code="future"
            )
        return value_date

    def compress(self, data_list: list[Any]) -> Any:  # clean() does the work
        return data_list


class YesNoField(forms.TypedChoiceField):
    """A boolean asked as Yes / No radios, as GOV.UK patterns prefer to a lone checkbox."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        super().__init__(
            choices=[("yes", gettext_lazy("Yes")), ("no", gettext_lazy("No"))],
            coerce=lambda value: value == "yes",
            widget=forms.RadioSelect(attrs={"inline": True}),
            empty_value=False,  # type: ignore[arg-type]
            **kwargs,
        )

    def prepare_value(self, value: Any) -> Any:
        if value is True:
            return "yes"
        if value is False:
            return "no"
        return value


def _label_text(bound: forms.BoundField) -> str:
    return str(bound.label)


def _error(bound: forms.BoundField) -> dict[str, str] | None:
    if bound.errors:
        return {"text": " ".join(str(e) for e in bound.errors)}
    return None


def _hint(bound: forms.BoundField) -> dict[str, str] | None:
    return {"text": str(bound.help_text)} if bound.help_text else None


def _choices(bound: forms.BoundField) -> list[tuple[str, str]]:
    return [(str(value), str(label)) for value, label in bound.field.choices if value != ""]  # type: ignore[attr-defined]


def _selected(bound: forms.BoundField) -> set[str]:
    value = bound.value()
    if isinstance(bound.field, YesNoField):
        value = bound.field.prepare_value(value)
    if value is None:
        return set()
    if isinstance(value, list | tuple | set):
        return {str(v) for v in value}
    return {str(value)}


def field(bound: forms.BoundField, **options: Any) -> dict[str, Any]:
    """The GOV.UK component and its options for one bound field.

    `options` override or extend the component's options (for example `classes`,
    `label_classes`, `is_page_heading`).
    """
    widget = bound.field.widget
    label_classes = options.pop("label_classes", "govuk-label--s")
    is_page_heading = options.pop("is_page_heading", False)
    label: dict[str, Any] = {"text": _label_text(bound), "classes": label_classes}
    legend: dict[str, Any] = {
        "text": _label_text(bound),
        "classes": label_classes.replace("label", "fieldset__legend"),
    }
    if is_page_heading:
        label["isPageHeading"] = True
        legend["isPageHeading"] = True
    common: dict[str, Any] = {
        "id": bound.auto_id,
        "name": bound.html_name,
        "hint": _hint(bound),
        "errorMessage": _error(bound),
    }
    if isinstance(widget, DateWidget):
        values = _date_parts(bound)
        params = {
            "id": bound.auto_id,
            "namePrefix": None,
            "fieldset": {"legend": legend},
            "hint": common["hint"],
            "errorMessage": common["errorMessage"],
            "items": [
                {
                    "id": f"{bound.auto_id}_{part}",
                    "name": f"{bound.html_name}_{part}",
                    "label": label_text,
                    "value": values[index],
                    "classes": (
                        "govuk-input--width-4" if part == "year" else "govuk-input--width-2"
                    )
                    + (" govuk-input--error" if bound.errors else ""),
                }
                for index, (part, label_text) in enumerate(
                    [("day", _("Day")), ("month", _("Month")), ("year", _("Year"))]
                )
            ],
        }
        component = "date"
    elif isinstance(widget, forms.CheckboxSelectMultiple):
        selected = _selected(bound)
        params = {
            **common,
            "idPrefix": bound.auto_id,
            "fieldset": {"legend": legend},
            "items": [
                {"value": value, "text": text, "checked": value in selected}
                for value, text in _choices(bound)
            ],
        }
        component = "checkboxes"
    elif isinstance(widget, forms.RadioSelect):
        selected = _selected(bound)
        params = {
            **common,
            "idPrefix": bound.auto_id,
            "fieldset": {"legend": legend},
            "classes": "govuk-radios--inline" if widget.attrs.get("inline") else "",
            "items": [
                {"value": value, "text": text, "checked": value in selected}
                for value, text in _choices(bound)
            ],
        }
        component = "radios"
    elif isinstance(widget, forms.Select):
        selected = _selected(bound)
        params = {
            **common,
            "label": label,
            "items": [{"value": "", "text": _("Select an option")}]
            + [
                {"value": value, "text": text, "selected": value in selected}
                for value, text in _choices(bound)
            ],
        }
        component = "select"
    elif isinstance(widget, forms.CheckboxInput):
        params = {
            **common,
            "idPrefix": bound.auto_id,
            "items": [
                {
                    "value": "on",
                    "text": _label_text(bound),
                    "checked": bool(bound.value()),
                    "id": bound.auto_id,
                }
            ],
            "classes": "govuk-checkboxes--small",
        }
        component = "checkboxes"
    elif isinstance(widget, forms.Textarea):
        params = {**common, "label": label, "rows": WIDE_TEXT_ROWS, "value": bound.value() or ""}
        component = "textarea"
        limit = getattr(bound.field, "max_length", None)
        if limit:
            params = character_count(params, limit=limit)
            component = "character-count"
    else:
        input_type = getattr(widget, "input_type", "text")
        is_password = isinstance(widget, forms.PasswordInput)
        value = bound.value()
        if is_password and not widget.render_value:
            value = None  # a typed password is never written back into the page
        params = {
            **common,
            "label": label,
            "value": "" if value is None else value,
            "type": {"email": "email", "password": "password"}.get(input_type, "text"),
            "inputmode": "numeric" if input_type == "number" else None,
            "autocomplete": widget.attrs.get("autocomplete"),
            "spellcheck": False if widget.attrs.get("spellcheck") == "false" else None,
            "classes": widget.attrs.get("class", ""),
        }
        component = "input"
    params.update(options)
    return {"component": component, "params": params}


def _date_parts(bound: forms.BoundField) -> list[str]:
    if bound.form.is_bound:
        return [
            bound.form.data.get(f"{bound.html_name}_{part}", "")
            for part in ("day", "month", "year")
        ]
    value = bound.value()
    if isinstance(value, str) and value:
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            return ["", "", ""]
    if isinstance(value, dt.date):
        return [str(value.day), str(value.month), str(value.year)]
    return ["", "", ""]


def add_errors(form: forms.BaseForm, errors: dict[str, str]) -> None:
    """Put an operation's refusals (field name → message) on the form: on the field where the
    form has one, else at the top of the error summary."""
    for name, message in errors.items():
        form.add_error(name if name in form.fields else None, message)


def error_summary(form: forms.BaseForm) -> list[dict[str, str]]:
    """GOV.UK error summary items, in field order, each linking to the field it is about."""
    items = [{"text": str(error), "href": "#main-content"} for error in form.non_field_errors()]
    for bound in form:
        if not bound.errors:
            continue
        anchor = bound.auto_id
        if isinstance(bound.field.widget, DateWidget):
            anchor = f"{bound.auto_id}_{_first_bad_part(bound)}"
        items.extend({"text": str(error), "href": f"#{anchor}"} for error in bound.errors)
    return items


def _first_bad_part(bound: forms.BoundField) -> str:
    for part in ("day", "month", "year"):
        if not bound.form.data.get(f"{bound.html_name}_{part}"):
            return part
    return "day"
