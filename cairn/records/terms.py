"""The words for facts whose law differs between England and Wales.

A child's facts are worded in the terms of the nation of the child's organisation
(`accounts.Organisation.nation`), whoever reads them. Education needs in Wales are additional
learning needs (ALN) with an individual development plan (IDP), under the Additional Learning
Needs and Education Tribunal (Wales) Act 2018, where England has special educational needs
(SEN) and education, health and care plans (EHCP); a child accommodated by a local authority in
Wales is accommodated under section 76 of the Social Services and Well-being (Wales) Act 2014,
where England uses section 20 of the Children Act 1989; a Welsh child in need has a care and
support plan under the 2014 Act. Care orders are made under section 31 of the Children Act
1989 in both nations.

The stored values are the same in both nations (the API and exports use them): only their words
change. The models' own labels are England's; this module holds Wales's, and is the one place
that decides between them: the record's pages and forms (records.presenters, records.forms),
the facts an assessment pulls through (assessment.facts), the summary (reports.summary) and
the catalogue's questions (`wales:` in a question, framework.schema) all ask it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from cairn.accounts.models import Organisation

if TYPE_CHECKING:
    from django import forms

    from cairn.records.models import Child

Nation = Organisation.Nation

# (model, field) -> stored value -> the words in Wales, where they differ from England's.
_WALES_CHOICES: dict[tuple[str, str], dict[str, Promise]] = {
    ("Education", "sen"): {
        "none": _("No additional learning needs"),
        "sen_support": _(
            "Additional learning needs: individual development plan kept by the school or college"
        ),
        "ehcp": _(
            "Additional learning needs: individual development plan kept by the local authority"
        ),
        "assessment": _("Being assessed for additional learning needs"),
    },
    ("Child", "looked_after"): {
        "section_20": _(
            "Accommodated under section 76 (Social Services and Well-being (Wales) Act 2014)"
        ),
    },
    ("Safeguarding", "protection"): {
        "none": _("No child protection or care and support plan"),
        "child_in_need": _(
            "Care and support plan (Social Services and Well-being (Wales) Act 2014)"
        ),
        "child_protection": _(
            "On the child protection register (care and support protection plan)"
        ),
    },
}

# (model, field) -> the field's label in Wales, where it differs from England's.
_WALES_FIELDS: dict[tuple[str, str], Promise] = {
    ("Education", "sen"): _("additional learning needs (ALN)"),
    ("Education", "sen_details"): _(
        "additional learning needs and the individual development plan"
    ),
    ("Safeguarding", "protection"): _("child protection or care and support"),
}

_CHOICES: dict[str, dict[tuple[str, str], dict[str, Promise]]] = {
    Nation.WALES.value: _WALES_CHOICES
}
_FIELDS: dict[str, dict[tuple[str, str], Promise]] = {Nation.WALES.value: _WALES_FIELDS}


def nation_of(child: Child | None) -> str:
    """The nation whose law words this child's facts: their organisation's."""
    if child is None or child.organisation_id is None:
        return Nation.ENGLAND
    return str(child.organisation.nation)


def _key(model: type[models.Model] | models.Model) -> str:
    return model.__name__ if isinstance(model, type) else type(model).__name__


def choice(nation: str, model: type[models.Model] | models.Model, name: str, value: Any) -> str:
    """The nation's words for a stored choice, or "" where they are the model's own."""
    worded = _CHOICES.get(nation, {}).get((_key(model), name), {}).get(str(value))
    return str(worded) if worded is not None else ""


def choice_of(child: Child, obj: models.Model, name: str) -> str:
    """The words for `obj.<name>` in the child's nation's terms, or "" where they are the
    model's own. Reads the child's organisation only when some nation words this value, so a
    list of children does not read each one's organisation."""
    value = str(getattr(obj, name))
    key = (_key(obj), name)
    if not any(value in table.get(key, {}) for table in _CHOICES.values()):
        return ""
    return choice(nation_of(child), obj, name, value)


def field_label(nation: str, model: type[models.Model] | models.Model, name: str) -> str:
    """The nation's label for a field, or "" where it is the model's own."""
    worded = _FIELDS.get(nation, {}).get((_key(model), name))
    return str(worded) if worded is not None else ""


def word_form(form: forms.ModelForm, child: Child | None) -> None:  # type: ignore[type-arg]
    """Put the child's nation's words on a record form's labels and choices."""
    nation = nation_of(child)
    model = form._meta.model
    for name, field in form.fields.items():
        label = field_label(nation, model, name)
        if label:
            field.label = label[:1].upper() + label[1:]
        if _CHOICES.get(nation, {}).get((_key(model), name)) and hasattr(field, "choices"):
            field.choices = [
                (value, choice(nation, model, name, value) or text) for value, text in field.choices
            ]
