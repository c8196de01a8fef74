"""Audit events in the reader's language.

An event's `summary` is written once, in English, when it happens, and the log never changes.
What a reader sees is worked out when the event is shown: each app says how to describe its
own event types from the event's type and stored detail (`describe_as`, called from the app's
`AppConfig.ready()`), in the active language; an event type nobody describes, or an old event
whose detail lacks what its description needs, shows its stored summary.

A describer takes the event and returns the text, or None to fall back to the summary. Event
types may end in a wildcard segment (`records.*.changed`) for families of events.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from fnmatch import fnmatchcase

from cairn.audit.models import AuditEvent

Describer = Callable[[AuditEvent], "str | None"]

_EXACT: dict[str, Describer] = {}
_PATTERNS: dict[str, Describer] = {}

logger = logging.getLogger(__name__)


def describe_as(event_type: str, describer: Describer) -> None:
    """Say how events of this type (or pattern, with `*`) read. Registering again replaces."""
    (_PATTERNS if "*" in event_type else _EXACT)[event_type] = describer


def describer_for(event_type: str) -> Describer | None:
    found = _EXACT.get(event_type)
    if found is not None:
        return found
    for pattern, describer in _PATTERNS.items():
        if fnmatchcase(event_type, pattern):
            return describer
    return None


def describe(event: AuditEvent) -> str:
    """What the event says, in the active language; its stored summary when nobody says."""
    describer = describer_for(event.event_type)
    if describer is None:
        return event.summary
    try:
        text = describer(event)
    except (LookupError, StopIteration, TypeError, ValueError, AttributeError):
        # An older event's detail may lack what today's description reads: never fail a page.
        logger.debug("audit event %s described by its summary", event.pk, exc_info=True)
        return event.summary
    return text or event.summary
