"""Notices on "My caseload", where a practitioner starts their day: things waiting for them
that apps above records know about (countersigning: stages returned for changes, requests
waiting for a manager). Each app adds a Notice when it loads; records imports none of them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cairn.accounts.models import Membership


@dataclass(frozen=True)
class Notice:
    """`build(membership)` returns the notice's template context, or None to leave it out
    (one narrow query at most: the caseload page's query count has a ceiling)."""

    slug: str
    template: str
    build: Callable[[Membership], dict[str, Any] | None]


CASELOAD_NOTICES: list[Notice] = []


def caseload_notices(membership: Membership) -> list[tuple[str, dict[str, Any]]]:
    """The notices to show this membership, each as (template, context)."""
    found = []
    for notice in CASELOAD_NOTICES:
        context = notice.build(membership)
        if context is not None:
            found.append((notice.template, context))
    return found
