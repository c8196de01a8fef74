"""Reading an answer from a submitted form, for each kind of question.

Field names are the question key (`section.question`); a date posts as `<key>_day`,
`<key>_month`, `<key>_year`; a list posts each entry's fields as `<key>.<n>.<field>`; the
version the editor started from posts as `version:<key>`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import QueryDict
from django.utils.translation import gettext as _

from cairn.assessment.answers import InvalidAnswerError
from cairn.framework.schema import Question

MAX_LIST_ENTRIES = 50


def names(question: Question) -> list[str]:
    """Every form field name one question posts (for htmx's hx-params)."""
    key = question.key
    if question.kind == "date":
        return [f"{key}_day", f"{key}_month", f"{key}_year", f"version:{key}"]
    if question.kind == "list":
        return [
            f"{key}.{n}.{item.key}" for n in range(MAX_LIST_ENTRIES) for item in question.items
        ] + [f"version:{key}"]
    return [key, f"version:{key}"]


def posted(question: Question, data: QueryDict) -> bool:
    """Whether the form carried this question at all (a form shows only some questions)."""
    return f"version:{question.key}" in data


def version_from(question: Question, data: QueryDict) -> int:
    try:
        return max(int(data.get(f"version:{question.key}", "0")), 0)
    except ValueError:
        return 0


def value_from(question: Question, data: QueryDict) -> Any:
    key = question.key
    if question.kind == "multi_choice":
        return [value for value in data.getlist(key) if value]
    if question.kind == "date":
        return _date(question, data)
    if question.kind == "list":
        return _entries(question, data)
    if question.kind == "number":
        text = data.get(key, "").strip()
        return text or None
    return data.get(key, "")


def _date(question: Question, data: QueryDict) -> str | None:
    parts = [data.get(f"{question.key}_{part}", "").strip() for part in ("day", "month", "year")]
    if not any(parts):
        return None
    if not all(parts):
        raise InvalidAnswerError(_("Enter a day, month and year"))
    try:
        return dt.date(int(parts[2]), int(parts[1]), int(parts[0])).isoformat()
    except ValueError:
        raise InvalidAnswerError(_("Enter a real date")) from None


def entries_as_typed(question: Question, data: QueryDict) -> list[dict[str, Any]]:
    """A list's entries as posted, unchecked (to show a refused list again as it was typed)."""
    return _entries(question, data)


def _entries(question: Question, data: QueryDict) -> list[dict[str, Any]]:
    entries = []
    for n in range(MAX_LIST_ENTRIES):
        entry = {
            item.key: data.get(f"{question.key}.{n}.{item.key}", "") for item in question.items
        }
        if any(value for value in entry.values()):
            entries.append(entry)
    return entries
