"""Shaping stages for pages: the completion map, and each question as a GOV.UK component.

`component()` is the one adapter from a catalogue question to GOV.UK Frontend options, so
every question of every section renders through the same code.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.utils import formats

from cairn.assessment import answers, coaching, facts, inputs
from cairn.assessment.completion import SectionProgress, SectionState, StageProgress
from cairn.assessment.models import Stage
from cairn.assessment.queries import StoredAnswer
from cairn.framework.catalogue import Catalogue
from cairn.framework.schema import ItemField, Question
from cairn.records import terms
from cairn.ui.forms import character_count
from cairn.ui.jinja import gettext as _  # Django's, remembered per language
from cairn.ui.jinja import url

RADIOS_LIMIT = 8

STATE_TAGS = {
    SectionState.COMPLETE: ("Complete", "govuk-tag--green"),
    SectionState.REQUIRED_MISSING: ("", "govuk-tag--yellow"),
    SectionState.TO_CONFIRM: ("", "govuk-tag--orange"),
    SectionState.READY: ("Ready to mark complete", "govuk-tag--blue"),
    SectionState.OPTIONAL_ONLY: ("Optional", "govuk-tag--grey"),
}


def element_id(key: str) -> str:
    return key.replace(".", "-").replace("_", "-")


def state_text(progress: SectionProgress) -> tuple[str, str]:
    state = progress.state
    if state == SectionState.REQUIRED_MISSING:
        count = len(progress.required_missing)
        text = (
            _("1 required question left")
            if count == 1
            else _("%(count)s required questions left") % {"count": count}
        )
        return text, "govuk-tag--yellow"
    if state == SectionState.TO_CONFIRM:
        count = len(progress.unconfirmed)
        text = (
            _("1 answer to confirm")
            if count == 1
            else _("%(count)s answers to confirm") % {"count": count}
        )
        return text, "govuk-tag--orange"
    labels = {
        SectionState.COMPLETE: _("Complete"),
        SectionState.READY: _("Ready to mark complete"),
        SectionState.OPTIONAL_ONLY: _("Optional"),
    }
    return labels.get(state, ""), STATE_TAGS.get(state, ("", "govuk-tag--grey"))[1]


@dataclass(frozen=True)
class MapEntry:
    key: str
    title: str
    url: str
    state: str
    tag_text: str
    tag_class: str
    is_current: bool
    has_new: bool
    new_count: int


def completion_map(
    stage: Stage, found: StageProgress, language: str, current: str | None
) -> list[MapEntry]:
    """The map's entries. An ended stage asks for no more work: a completed stage's sections
    say "Complete" (an optional one nothing), a stopped or cancelled stage's say nothing."""
    entries = []
    for progress in found.sections:
        text, css = state_text(progress)
        if stage.status == Stage.Status.COMPLETED:
            text, css = ("", "") if progress.is_optional else (_("Complete"), "govuk-tag--green")
        elif not stage.is_open:
            text, css = "", ""
        entries.append(
            MapEntry(
                key=progress.section.key,
                title=progress.section.title.get(language),
                url=url("assessment:section", stage.pk, progress.section.key),
                state=progress.state.value,
                tag_text=text,
                tag_class=css,
                is_current=progress.section.key == current,
                has_new=progress.has_new_questions and stage.is_open,
                new_count=len(progress.new_keys),
            )
        )
    return entries


@dataclass(frozen=True)
class Pulled:
    text: str
    change_url: str


@dataclass(frozen=True)
class Carried:
    stage_label: str
    by: str
    at: dt.datetime
    is_confirmed: bool


@dataclass(frozen=True)
class Conflict:
    their_value: Any
    their_text: str
    their_version: int
    their_by: str
    their_at: dt.datetime
    your_text: str


@dataclass
class QuestionView:
    question: Question
    id: str
    label: str
    value: Any
    version: int
    display: str
    spec: dict[str, Any] | None
    items: list[list[dict[str, Any]]] = field(default_factory=list)
    example: str = ""
    pulled: Pulled | None = None
    carried: Carried | None = None
    hints: list[str] = field(default_factory=list)
    is_new: bool = False
    is_required: bool = False
    error: str = ""
    conflict: Conflict | None = None
    autosave_url: str = ""
    history_url: str = ""
    confirm_url: str = ""
    params: str = ""


def _label(text: Any, language: str) -> str:
    return text.get(language) if text is not None else ""


def _options(question: Question | ItemField, language: str) -> list[tuple[str, str]]:
    if question.kind == "yes_no":
        base = [("yes", _("Yes")), ("no", _("No"))]
        if getattr(question, "yet_to_clarify", False):
            base.append(("yet_to_clarify", _("Yet to clarify")))
        return base
    options = question.choices() if isinstance(question, Question) else question.options
    return [(option.value, option.label.get(language)) for option in options]


def _checkbox_items(
    question: Question | ItemField, value: Any, language: str
) -> list[dict[str, Any]]:
    """Checkboxes; an exclusive option ("none known") comes after an "or" and unticks the rest."""
    selected = set(value or [])
    exclusive = {option.value for option in question.options if option.exclusive}
    items: list[dict[str, Any]] = []
    for option_value, text in _options(question, language):
        item: dict[str, Any] = {
            "value": option_value,
            "text": text,
            "checked": option_value in selected,
        }
        if option_value in exclusive:
            items.append({"divider": _("or")})
            item["behaviour"] = "exclusive"
        items.append(item)
    return items


def component(
    question: Question | ItemField,
    *,
    name: str,
    value: Any,
    error: str,
    language: str,
    label: str,
    hint: str = "",
    is_heading: bool = False,
) -> dict[str, Any]:
    """The GOV.UK component and options for one question (or one field of a list entry)."""
    ident = element_id(name)
    error_message = {"text": error} if error else None
    hint_param = {"text": hint} if hint else None
    legend = {"text": label, "classes": "govuk-fieldset__legend--s"}
    label_param = {"text": label, "classes": "govuk-label--s"}
    kind = question.kind
    if kind in {"yes_no", "choice", "rating"}:
        choices = _options(question, language)
        if kind == "choice" and len(choices) > RADIOS_LIMIT:
            return {
                "component": "select",
                "params": {
                    "id": ident,
                    "name": name,
                    "label": label_param,
                    "hint": hint_param,
                    "errorMessage": error_message,
                    "items": [{"value": "", "text": _("Select an option")}]
                    + [{"value": v, "text": t, "selected": v == value} for v, t in choices],
                },
            }
        return {
            "component": "radios",
            "params": {
                "idPrefix": ident,
                "name": name,
                "fieldset": {"legend": legend},
                "hint": hint_param,
                "errorMessage": error_message,
                "classes": "govuk-radios--inline"
                if kind in {"yes_no", "rating"} and len(choices) <= 4
                else "govuk-radios--small",
                "items": [{"value": v, "text": t, "checked": v == value} for v, t in choices],
            },
        }
    if kind == "multi_choice":
        return {
            "component": "checkboxes",
            "params": {
                "idPrefix": ident,
                "name": name,
                "fieldset": {"legend": legend},
                "hint": hint_param,
                "errorMessage": error_message,
                "classes": "govuk-checkboxes--small",
                "items": _checkbox_items(question, value, language),
            },
        }
    if kind == "long_text":
        # The GOV.UK character count, with the limit answers.clean() enforces: the count warns
        # before a save is refused, and a refused answer stays in the box with the error.
        return {
            "component": "character-count",
            "params": character_count(
                {
                    "id": ident,
                    "name": name,
                    "label": label_param,
                    "hint": hint_param,
                    "errorMessage": error_message,
                    "rows": 8,
                    "value": value or "",
                    "classes": "cairn-answer-text",
                },
                limit=answers.LONG_TEXT_LIMIT,
            ),
        }
    if kind == "date":
        parts = ["", "", ""]
        if isinstance(value, str) and value:
            try:
                day = dt.date.fromisoformat(value)
                parts = [str(day.day), str(day.month), str(day.year)]
            except ValueError:
                pass
        return {
            "component": "date",
            "params": {
                "id": ident,
                "fieldset": {"legend": legend},
                "hint": hint_param,
                "errorMessage": error_message,
                "items": [
                    {
                        "id": f"{ident}-{part}",
                        "name": f"{name}_{part}",
                        "label": text,
                        "value": parts[index],
                        "classes": "govuk-input--width-4"
                        if part == "year"
                        else "govuk-input--width-2",
                    }
                    for index, (part, text) in enumerate(
                        [("day", _("Day")), ("month", _("Month")), ("year", _("Year"))]
                    )
                ],
            },
        }
    return {
        "component": "input",
        "params": {
            "id": ident,
            "name": name,
            "label": label_param,
            "hint": hint_param,
            "errorMessage": error_message,
            "value": "" if value is None else value,
            "inputmode": "numeric" if kind == "number" else None,
            "classes": "govuk-input--width-4" if kind == "number" else "",
        },
    }


def _list_rows(question: Question, value: Any, language: str) -> list[list[dict[str, Any]]]:
    entries = [*list(value or []), {}]
    rows = []
    for n, entry in enumerate(entries[: inputs.MAX_LIST_ENTRIES]):
        rows.append(
            [
                component(
                    item,
                    name=f"{question.key}.{n}.{item.key}",
                    value=entry.get(item.key),
                    error="",
                    language=language,
                    label=item.label.get(language),
                )
                for item in question.items
            ]
        )
    return rows


def hints_for(
    question: Question, value: Any, values: dict[str, Any], catalogue: Catalogue, language: str
) -> list[str]:
    """The writing hints for one text answer, in words, on the page and after each autosave."""
    if question.kind not in {"text", "long_text"}:
        return []
    found = coaching.hints_for(
        question.key, value, is_description=question.nature == "description", others=values
    )
    return hint_texts(found, catalogue, language)


def hint_texts(found: list[coaching.Hint], catalogue: Catalogue, language: str) -> list[str]:
    texts = []
    for hint in found:
        if hint.kind == "analysis":
            texts.append(
                _(
                    "This reads like analysis (‘%(marker)s’). Information Gathering is for what you saw and were told; "
                    "explain why in Explanations and Conclusions."
                )
                % {"marker": hint.marker}
            )
        elif hint.kind == "repeat" and hint.other_key in catalogue.questions:
            other = catalogue.questions[hint.other_key]
            section = next(s for s in catalogue.sections if s.key == other.section_key)
            texts.append(
                _(
                    "A paragraph here repeats your answer to ‘%(question)s’ in %(section)s. Say it once and refer to it."
                )
                % {"question": other.label.get(language), "section": section.title.get(language)}
            )
    return texts


def question_views(
    *,
    stage: Stage,
    catalogue: Catalogue,
    progress: SectionProgress,
    stored: dict[str, StoredAnswer],
    values: dict[str, Any],
    language: str,
    child_facts: dict[str, str],
    errors: dict[str, str],
    conflicts: dict[str, Conflict],
    posted_values: dict[str, Any],
    can_edit: bool,
) -> list[QuestionView]:
    views = []
    required_keys = {q.key for q in progress.required}
    nation = terms.nation_of(stage.child)  # the catalogue's words for Wales (records.terms)
    for question in progress.asked + progress.offered:
        answer = stored.get(question.key)
        value = posted_values.get(question.key, answer.value if answer else None)
        label = question.label_in(nation).get(language)
        view = QuestionView(
            question=question,
            id=element_id(question.key),
            label=label,
            value=value,
            display="" if can_edit else answers.display(question, value, language),
            version=conflicts[question.key].their_version
            if question.key in conflicts
            else (answer.version if answer else 0),
            spec=None,
            example=_label(question.example, language),
            is_new=question.key in progress.new_keys,
            is_required=question.key in required_keys,
            error=errors.get(question.key, ""),
            conflict=conflicts.get(question.key),
            autosave_url=url("assessment:autosave", stage.pk, question.key),
            history_url=url("assessment:answer-history", stage.pk, question.key),
            confirm_url=url("assessment:confirm", stage.pk, question.key),
            params=",".join([*inputs.names(question), "csrfmiddlewaretoken"]),
        )
        if question.source is not None:
            fact = facts.FACTS.get(question.source)
            if fact is not None:
                url_name = "records:child-section" if fact.is_section else "records:part-edit"
                view.pulled = Pulled(
                    child_facts.get(question.source, ""),
                    url(url_name, stage.child_id, fact.part),
                )
        elif question.kind == "list":
            view.items = _list_rows(question, value, language)
        else:
            view.spec = component(
                question,
                name=question.key,
                value=value,
                error=view.error,
                language=language,
                # GOV.UK marks the questions that may be left out, not the ones that must be answered.
                label=label if view.is_required else _("%(label)s (optional)") % {"label": label},
                hint=_label(question.help_in(nation), language),
            )
        if answer is not None and answer.carried_from_id:
            previous_type = answer.carried_from_type
            view.carried = Carried(
                stage_label=_stage_label(catalogue, previous_type, language)
                if previous_type
                else "",
                by=answer.updated_by_name,
                at=answer.updated_at,
                is_confirmed=answer.is_confirmed,
            )
        if can_edit:
            view.hints = hints_for(question, value, values, catalogue, language)
        views.append(view)
    return views


def _stage_label(catalogue: Catalogue, stage_type: str, language: str) -> str:
    try:
        return catalogue.stage(stage_type).label.get(language)
    except StopIteration:
        return stage_type.replace("_", " ")


def display_value(catalogue: Catalogue, key: str, value: Any, language: str) -> str:
    question = catalogue.questions.get(key)
    if question is None:
        return "" if value is None else str(value)
    return answers.display(question, value, language)


def when(value: dt.datetime) -> str:
    return formats.date_format(value, "j F Y, H:i")
