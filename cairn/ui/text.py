"""Text Cairn can store and show: no NUL characters and no unpaired surrogates.

JSON can carry both (`"a\\u0000b"`, `"a\\ud800b"`) though neither is text: PostgreSQL refuses
NUL, and a lone surrogate cannot be written as UTF-8, so a page showing it would fail. Every
way in refuses them with the one message here (the API's JSON bodies and every query string:
cairn.api.middleware; answers: assessment.answers; Django's form fields refuse NUL
themselves, and a browser's form cannot send a surrogate). `printable` makes anything already
stored safe to show.
"""

from __future__ import annotations

import re
from typing import Any

from django.utils.translation import gettext as _

_UNSAFE = re.compile("[\x00\ud800-\udfff]")


def is_safe(value: str) -> bool:
    """No NUL and no unpaired surrogate (Python keeps a surrogate only when it is unpaired)."""
    return "\x00" not in value and _encodes(value)


def _encodes(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def problem(value: str) -> str | None:
    """Why this text cannot be stored, or None if it can."""
    if is_safe(value):
        return None
    return _("Remove the invisible characters the text contains (a null or broken character)")


def first_unsafe(data: Any, path: tuple[str | int, ...] = ()) -> tuple[str | int, ...] | None:
    """Where the first unsafe text is in parsed JSON (keys included), or None."""
    if isinstance(data, str):
        return None if is_safe(data) else path
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(key, str) and not is_safe(key):
                return (*path, printable(key))
            found = first_unsafe(value, (*path, key))
            if found is not None:
                return found
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found = first_unsafe(value, (*path, index))
            if found is not None:
                return found
    return None


def printable(value: str) -> str:
    """The text with each NUL and unpaired surrogate shown as U+FFFD (the replacement mark)."""
    return value if is_safe(value) else _UNSAFE.sub("\ufffd", value)
