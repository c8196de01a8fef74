"""The shortcuts the Jinja environment takes give exactly what Django and the macros give."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest
from django import forms
from django.template import engines
from django.urls import NoReverseMatch, reverse
from django.utils import formats, translation

from cairn.assessment import presenters
from cairn.framework import catalogue as catalogues
from cairn.ui import jinja
from cairn.ui.forms import GovukDateField, YesNoField
from cairn.ui.forms import field as form_field


def environment():
    return engines["jinja2"].env  # type: ignore[attr-defined]


def macro(spec: dict[str, Any]) -> str:
    return str(environment().get_template("ui/form.html").module.render_component_now(spec))


def cached(spec: dict[str, Any]) -> str:
    return str(jinja.component(environment(), spec))


TYPED = [
    None,
    "",
    "Plain words",
    "Tom & Jerry <b>bold</b> \"quoted\" 'single'\nsecond line\n\n  indented",
    "ZqTypedValue1Zq",  # someone typing a stand-in gets it back as typed
    "{{ not a template }}",
]


def specs_for_every_question() -> list[dict[str, Any]]:
    catalogue = catalogues.load()
    found = []
    for question in catalogue.questions.values():
        if question.kind == "list":
            fields = [(f"{question.key}.0.{item.key}", item) for item in question.items]
        else:
            fields = [(question.key, question)]
        for name, asked in fields:
            values: list[Any] = list(TYPED)
            if asked.kind in {"yes_no", "choice", "rating"}:
                values = [None, *[value for value, _ in presenters._options(asked, "en")]]
            elif asked.kind == "multi_choice":
                options = [option.value for option in asked.options]
                values = [None, [], options[:1], options[-2:], options]
            elif asked.kind == "date":
                values = [None, "", "2011-03-14", "not a date"]
            for value in values:
                for error in ("", "Enter <a> & valid answer"):
                    found.append(
                        presenters.component(
                            asked,
                            name=name,
                            value=value,
                            error=error,
                            language="en",
                            label=asked.label.get("en"),
                            hint="Help & <hints>",
                        )
                    )
    return found


def test_every_question_component_is_the_macros_markup_every_time():
    specs = specs_for_every_question()

    for _ in range(2):  # the first pass fills the cache, the second reads it
        for spec in specs:
            assert cached(spec) == macro(spec), spec


def test_typed_text_fills_the_kept_markup_escaped():
    spec = {
        "component": "textarea",
        "params": {"id": "a", "name": "a", "label": {"text": "A"}, "value": "first"},
    }
    cached(spec)

    spec["params"]["value"] = "<script>alert(1)</script>"
    page = cached(spec)

    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>" not in page
    assert "first" not in page


def test_date_parts_typed_by_hand_are_filled_in_their_own_boxes():
    spec = {
        "component": "date",
        "params": {
            "id": "born",
            "fieldset": {"legend": {"text": "Born"}},
            "items": [
                {"id": "born-day", "name": "born_day", "label": "Day", "value": "ZqTypedValue1Zq"},
                {"id": "born-month", "name": "born_month", "label": "Month", "value": "3"},
                {"id": "born-year", "name": "born_year", "label": "Year", "value": "2011"},
            ],
        },
    }

    assert cached(spec) == macro(spec)
    assert cached(spec) == macro(spec)


class EveryWidget(forms.Form):
    name = forms.CharField(label="Name", help_text="As on the birth certificate")
    notes = forms.CharField(label="Notes", widget=forms.Textarea, required=False)
    summary = forms.CharField(label="Summary", widget=forms.Textarea, max_length=50)
    born = GovukDateField(label="Date of birth")
    lives = YesNoField(label="Lives at home")
    colour = forms.ChoiceField(label="Colour", choices=[("", "-"), ("r", "Red"), ("g", "Green")])
    tick = forms.MultipleChoiceField(
        label="Ticks", choices=[("a", "A"), ("b", "B")], widget=forms.CheckboxSelectMultiple
    )
    agree = forms.BooleanField(label="I agree", required=False)
    secret = forms.CharField(label="Password", widget=forms.PasswordInput)


@pytest.mark.parametrize(
    "data",
    [
        None,
        {},
        {"name": "Kai & <Lee>", "notes": "x\ny", "born_day": "14", "born_month": "3"},
        {"summary": "s" * 51},
        {"name": "", "born_year": "2011", "lives": "yes", "colour": "g", "tick": ["a", "b"]},
        {"agree": "on", "secret": "hunter2", "born_day": "31", "born_month": "2"},
    ],
)
def test_every_form_field_is_the_macros_markup(data):
    form = EveryWidget(data)
    if data is not None:
        form.is_valid()

    for _ in range(2):
        for bound in form:
            spec = form_field(bound)
            assert cached(spec) == macro(spec), bound.name


def test_dates_are_written_as_django_writes_them():
    rng = random.Random(3)
    for language in ("en-gb", "cy"):
        with translation.override(language):
            for _ in range(500):
                day = dt.date(rng.randint(1, 2100), rng.randint(1, 12), rng.randint(1, 28))
                moment = dt.datetime.combine(day, dt.time(rng.randint(0, 23), rng.randint(0, 59)))
                for value, fmt in [
                    (day, "j F Y"),
                    (day, "j M Y"),
                    (day, "d/m/Y"),
                    (moment, "j F Y, H:i"),
                    (moment, "H:i:s"),
                    (day, "D j F"),  # not a shortcut: Django writes it
                ]:
                    assert jinja.date_format(value, fmt) == formats.date_format(value, fmt)


def test_translations_are_the_active_languages():
    with translation.override("cy"):
        welsh = jinja.gettext("Skip to main content")
    with translation.override("en-gb"):
        english = jinja.gettext("Skip to main content")

    assert english == "Skip to main content"
    assert welsh != english
    with translation.override("cy"):
        assert welsh == translation.gettext("Skip to main content")


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("records:child-overview", [7]),
        ("records:child-section", [7, "offences"]),
        ("assessment:section", [12, "living_arrangements"]),
        ("assessment:autosave", [12, "offending.why_now"]),
        ("assessment:autosave", [12, "."]),
        ("assessment:section", [12, "has.dot"]),
        ("assessment:section", [12, "has space"]),
        ("records:child-overview", [-1]),
        ("records:child-overview", ["7"]),
        ("records:child-overview", [True]),
        ("records:child-overview", [7, 8]),
        ("ui:home", []),
    ],
)
def test_urls_are_reverses(name, args):
    for _ in range(2):
        try:
            expected: Any = reverse(name, args=args)
        except NoReverseMatch:
            expected = NoReverseMatch
        try:
            got: Any = jinja.url(name, *args)
        except NoReverseMatch:
            got = NoReverseMatch
        assert got == expected


def test_choice_labels_are_the_models_own():
    from cairn.accounts.models import Membership

    membership = Membership(role=Membership.Role.MANAGER)
    for language in ("en-gb", "cy"):
        with translation.override(language):
            assert jinja.display(membership, "role") == membership.get_role_display()


def test_a_text_box_with_a_limit_is_a_character_count_that_keeps_what_was_typed():
    form = EveryWidget({"summary": "s" * 51})
    form.is_valid()

    page = cached(form_field(form["summary"]))

    assert 'data-module="govuk-character-count"' in page
    assert 'data-maxlength="50"' in page
    assert "s" * 51 in page
    assert "Ensure this value has at most 50 characters" in page
