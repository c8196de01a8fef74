"""Reading the audit log. Callers decide who may read; these functions only shape the reads."""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import QuerySet

from cairn.audit.models import AuditEvent


def events_for_child(child_id: int) -> QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(child_id=child_id).order_by("-at", "-id")


def broken_links() -> Iterator[AuditEvent]:
    """Events whose stored hash or link to their predecessor does not match: evidence of tampering."""
    previous = ""
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=2000):
        if event.previous_hash != previous or event.hash != event.content_hash():
            yield event
        previous = event.hash
