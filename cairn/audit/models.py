"""The append-only audit log: who did what to which child's record, when, and from where.

Events keep plain copies of the actor's username and the organisation's name and hold the
child as a bare id, so the log survives the deletion of anything it mentions. Rows are never
updated or deleted; each carries a SHA-256 of its content chained to the previous row, so an
alteration anywhere breaks the chain (see `audit.queries.broken_links`).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone


class AppendOnlyError(Exception):
    """Raised on any attempt to change or remove an audit event."""


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> int:
        raise AppendOnlyError("Audit events cannot be changed.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("Audit events cannot be deleted.")


class AuditEvent(models.Model):
    at = models.DateTimeField(default=timezone.now, db_index=True)
    event_type = models.CharField(max_length=80, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_username = models.CharField(max_length=150, blank=True)
    organisation = models.ForeignKey(
        "accounts.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    organisation_name = models.CharField(max_length=200, blank=True)
    child_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    object_type = models.CharField(max_length=60, blank=True)
    object_id = models.CharField(max_length=60, blank=True)
    summary = models.CharField(max_length=300, blank=True)
    detail = models.JSONField(default=dict, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)
    previous_hash = models.CharField(max_length=64, blank=True)
    hash = models.CharField(max_length=64)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        indexes = [
            models.Index(fields=["child_id", "at"], name="audit_child_at"),
            # "Recent changes" skip the many views of a record: an index of the changes only.
            models.Index(
                fields=["child_id", "at"],
                name="audit_child_changes",
                condition=~models.Q(event_type="records.child.viewed"),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.event_type} by {self.actor_username}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self._state.adding is False:
            raise AppendOnlyError("Audit events cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("Audit events cannot be deleted.")

    def content_hash(self) -> str:
        content = {
            "previous": self.previous_hash,
            "at": self.at.isoformat(),
            "event_type": self.event_type,
            "actor": self.actor_username,
            "organisation": self.organisation_name,
            "child_id": self.child_id,
            "object": [self.object_type, self.object_id],
            "summary": self.summary,
            "detail": self.detail,
            "ip": self.ip_address,
        }
        encoded = json.dumps(content, sort_keys=True, default=str).encode()
        return hashlib.sha256(encoded).hexdigest()


class ChainHead(models.Model):
    """One row holding the newest event's hash; locking it serialises writers of the chain."""

    last_hash = models.CharField(max_length=64, blank=True)

    def __str__(self) -> str:
        return self.last_hash
