"""What a valid answer to each kind of question looks like.

`clean(question, value)` returns the value as stored (JSON) or raises `InvalidAnswerError`
with a message for the person answering. An empty answer (None, "", []) is always allowed:
nothing is ever blocked from saving, and what is missing shows on the completion map.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.utils import formats, translation
from django.utils.translation import gettext as _

from cairn.framework.schema import ItemField, Question
from cairn.ui import text as safe_text

TEXT_LIMIT = 500
LONG_TEXT_LIMIT = 20_000
YES_NO = ("yes", "no")


class InvalidAnswerError(ValueError):
    """The value cannot be an answer to this question."""


def is_answered(value: Any) -> bool:
    return value not in (None, "", [], {})


def clean(question: Question | ItemField, value: Any) -> Any:
    if not is_answered(value):
        return None
    kind = question.kind
    if kind in {"text", "long_text"}:
        return _text(value, TEXT_LIMIT if kind == "text" else LONG_TEXT_LIMIT)
    if kind == "yes_no":
        allowed = [
            *YES_NO,
            *(["yet_to_clarify"] if getattr(question, "yet_to_clarify", False) else []),
        ]
        return _one_of(value, allowed)
    if kind in {"choice", "rating"}:
        return _one_of(value, [option.value for option in _choices(question)])
    if kind == "multi_choice":
        return _several(question, value)
    if kind == "date":
        return _date(value)
    if kind == "number":
        return _number(value)
    if kind == "list" and isinstance(question, Question):
        return _items(question, value)
    raise InvalidAnswerError(_("This answer cannot be saved"))


def _reader() -> str:
    """The reader's language, for the catalogue's own words in a refusal."""
    return translation.get_language() or "en"


def _choices(question: Question | ItemField) -> tuple[Any, ...]:
    return question.choices() if isinstance(question, Question) else question.options


def _several(question: Question | ItemField, value: Any) -> list[str]:
    """A multiple choice; an exclusive option ("none known") stands alone."""
    if not isinstance(value, list):
        raise InvalidAnswerError(_("Choose from the list"))
    options = _choices(question)
    chosen = [_one_of(item, [option.value for option in options]) for item in dict.fromkeys(value)]
    exclusive = [option for option in options if option.exclusive and option.value in chosen]
    if len(chosen) > 1 and exclusive:
        raise InvalidAnswerError(
            _("Select ‘%(none)s’ on its own, or the options that apply")
            % {"none": exclusive[0].label.get(_reader())}
        )
    return chosen


def _text(value: Any, limit: int) -> str:
    if not isinstance(value, str):
        raise InvalidAnswerError(_("Enter text"))
    unsafe = safe_text.problem(value)
    if unsafe:
        raise InvalidAnswerError(unsafe)
    text = value.replace("\r\n", "\n").strip()
    if len(text) > limit:
        raise InvalidAnswerError(
            _("Answer must be %(limit)s characters or fewer") % {"limit": f"{limit:,}"}
        )
    return text


def _one_of(value: Any, allowed: list[str]) -> str:
    if not isinstance(value, str) or value not in allowed:
        raise InvalidAnswerError(_("Choose one of the options"))
    return value


def _date(value: Any) -> str:
    if not isinstance(value, str):
        raise InvalidAnswerError(_("Enter a date"))
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidAnswerError(_("Enter a real date, like 2026-03-27")) from None
    if day.year < 1900 or day > dt.date.today() + dt.timedelta(days=3660):
        raise InvalidAnswerError(_("Enter a date between 1900 and ten years from now"))
    return day.isoformat()


def _number(value: Any) -> int:
    if isinstance(value, bool):
        raise InvalidAnswerError(_("Enter a whole number"))
    if isinstance(value, str):
        value = value.strip()
        if not re.fullmatch(
            r"-?[0-9]+", value
        ):  # str.isdigit() also admits "²", which int() refuses
            raise InvalidAnswerError(_("Enter a whole number, like 3"))
        value = int(value)
    if not isinstance(value, int):
        raise InvalidAnswerError(_("Enter a whole number"))
    if not 0 <= value <= 100_000:
        raise InvalidAnswerError(_("Enter a number between 0 and 100,000"))
    return value


def _items(question: Question, value: Any) -> list[dict[str, Any]]:
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise InvalidAnswerError(_("Enter a list of entries"))
    fields = {item.key: item for item in question.items}
    cleaned = []
    for position, entry in enumerate(value, start=1):
        unknown = set(entry) - set(fields)
        if unknown:
            raise InvalidAnswerError(
                _("Entry %(n)s has unknown fields: %(names)s")
                % {"n": position, "names": ", ".join(sorted(unknown))}
            )
        row = {}
        for key, item in fields.items():
            try:
                row[key] = clean(item, entry.get(key))
            except InvalidAnswerError as error:
                raise InvalidAnswerError(
                    _("%(field)s (%(n)s): %(error)s")
                    % {"field": item.label.get(_reader()), "n": position, "error": error}
                ) from None
        if any(is_answered(v) for v in row.values()):
            cleaned.append(row)
    return cleaned


def display(question: Question | ItemField, value: Any, language: str = "en") -> str:
    """An answer as people read it (option labels, dates in words)."""
    if not is_answered(value):
        return ""
    labels = {option.value: option.label.get(language) for option in _choices(question)}
    labels.update(
        {"yes": _("Yes"), "no": _("No"), "yet_to_clarify": _("Yet to clarify")}
        if question.kind == "yes_no"
        else {}
    )
    if isinstance(value, list):
        if question.kind == "list" and isinstance(question, Question):
            return "; ".join(
                ", ".join(
                    display(item, entry.get(item.key), language)
                    for item in question.items
                    if is_answered(entry.get(item.key))
                )
                for entry in value
            )
        return ", ".join(labels.get(str(item), str(item)) for item in value)
    if question.kind == "date":
        return formats.date_format(dt.date.fromisoformat(value), "j F Y")  # reader's language
    return str(labels.get(str(value), str(value)))
