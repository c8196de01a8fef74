"""Countersigning: each organisation's policy, sign-off requests and the countersigner's comments.

A practitioner asks for sign-off of a stage (its Explanations and Conclusions, its Pathways
and Planning, or both); any manager of the organisation who did not write the stage decides.
The request keeps the point of the revision log it was made at, so the countersigner sees what
changed since the version last signed off. A stage whose latest request is signed off is
frozen (the app registers the freeze check) until a manager reopens the stage, which marks
the request reopened.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cairn.accounts.models import Organisation
from cairn.assessment.models import Stage


class CountersignPolicy(models.Model):
    """Which of an organisation's stages need countersigning. Without a row the default applies
    (quality.policy.DEFAULT: pre-sentence stages, and any stage rated high or above); sign-off
    can be asked for on any stage."""

    organisation = models.OneToOneField(Organisation, on_delete=models.CASCADE, related_name="+")
    stage_types = models.JSONField(default=list, blank=True, help_text="Stage type keys")
    minimum_rating = models.CharField(
        max_length=20,
        blank=True,
        help_text="Risk of serious harm or safety and well-being rated at least this; blank: none",
    )
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    def __str__(self) -> str:
        return f"Countersigning policy of {self.organisation_id}"


class Sections(models.TextChoices):
    EXPLANATIONS = "explanations", _("Explanations and Conclusions")
    PLANNING = "planning", _("Pathways and Planning")
    BOTH = "both", _("Explanations and Conclusions, and Pathways and Planning")


class SignoffRequest(models.Model):
    class Status(models.TextChoices):
        AWAITING = "awaiting", _("Awaiting sign-off")
        CHANGES_REQUIRED = "changes_required", _("Changes required")
        SIGNED_OFF = "signed_off", _("Signed off")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        # Signed off, then a manager reopened the stage (with a reason): the freeze is lifted,
        # and the next request is compared with the version this one signed off.
        REOPENED = "reopened", _("Signed off, then reopened")

    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="signoff_requests")
    sections = models.CharField(max_length=20, choices=Sections.choices)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    requested_by_name = models.CharField(max_length=150, blank=True)
    requested_at = models.DateTimeField(default=timezone.now)
    revision_id = models.PositiveBigIntegerField(
        default=0, help_text="The last AnswerRevision of the stage when sign-off was requested"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.AWAITING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_by_name = models.CharField(max_length=150, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    comment = models.TextField(blank=True)
    note = models.CharField(max_length=300, blank=True, help_text="Why it was withdrawn")
    reopened_at = models.DateTimeField(null=True, blank=True)
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reopened_by_name = models.CharField(max_length=150, blank=True)
    reopen_reason = models.CharField(max_length=300, blank=True)

    class Meta:
        indexes = [models.Index(fields=["stage", "requested_at"], name="signoff_stage_requested")]
        constraints = [
            models.UniqueConstraint(
                fields=["stage"],
                condition=Q(status="awaiting"),
                name="one_awaiting_signoff_per_stage",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["awaiting", "withdrawn"]) | Q(decided_at__isnull=False),
                name="signoff_decision_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"Sign-off of stage {self.stage_id}: {self.status}"

    @property
    def is_awaiting(self) -> bool:
        return self.status == self.Status.AWAITING


class SignoffComment(models.Model):
    """A countersigner's (or practitioner's) comment on a section or a question of a stage;
    replies point to the comment they answer; a thread is resolved at its first comment."""

    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="+")
    request = models.ForeignKey(
        SignoffRequest, on_delete=models.SET_NULL, null=True, blank=True, related_name="comments"
    )
    key = models.CharField(max_length=120, help_text="A section key or a question key")
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies"
    )
    text = models.TextField()
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    by_name = models.CharField(max_length=150, blank=True)
    at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        indexes = [models.Index(fields=["stage", "key"], name="signoff_comment_stage_key")]

    def __str__(self) -> str:
        return self.text[:60]
