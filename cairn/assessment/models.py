"""Stages and their answers.

A stage is one assessment of a child for a purpose (its stage type), written under one
catalogue version. Each answer is one row per stage and question key with a version number:
saving one answer never touches another, and a save based on an old version is refused. Every
change is appended to `AnswerRevision`, from which any two points can be compared.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cairn.accounts.models import Organisation
from cairn.records.models import Child


class Stage(models.Model):
    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", _("In progress")
        COMPLETED = "completed", _("Completed")
        STOPPED = "stopped", _("Stopped")
        CANCELLED = "cancelled", _("Cancelled")

    class Depth(models.TextChoices):
        LIGHT = "core", _("Light")
        FULL = "full", _("Full")

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="stages")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    stage_type = models.CharField(_("stage type"), max_length=30)
    depth = models.CharField(_("depth"), max_length=10, choices=Depth.choices)
    catalogue_version = models.CharField(max_length=20)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.IN_PROGRESS
    )
    started_at = models.DateTimeField(default=timezone.now)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    due_date = models.DateField(_("due"))
    previous = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    end_reason = models.CharField(max_length=300, blank=True)
    snapshot = models.JSONField(
        default=dict,
        blank=True,
        help_text="Core Record facts the stage relied on, as at completion",
    )
    deepened_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["child", "started_at"], name="stage_child_started")]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="in_progress") | Q(ended_at__isnull=False),
                name="stage_ended_has_time",
            )
        ]

    def __str__(self) -> str:
        return f"{self.stage_type} {self.started_at:%Y-%m-%d}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.IN_PROGRESS


class Answer(models.Model):
    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="answers")
    key = models.CharField(max_length=120)
    value = models.JSONField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    question_label = models.CharField(
        max_length=300, blank=True, help_text="The question as it was asked"
    )
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    carried_from = models.ForeignKey(
        Stage, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    is_confirmed = models.BooleanField(
        default=True, help_text="False while a carried-forward answer awaits confirmation"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["stage", "key"], name="one_answer_per_stage_and_key")
        ]

    def __str__(self) -> str:
        return f"{self.key} v{self.version}"


class AnswerRevision(models.Model):
    """One change to one answer. Never updated or deleted."""

    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="revisions")
    key = models.CharField(max_length=120)
    version = models.PositiveIntegerField()
    old_value = models.JSONField(null=True, blank=True)
    new_value = models.JSONField(null=True, blank=True)
    at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    by_name = models.CharField(max_length=150, blank=True)
    note = models.CharField(max_length=60, blank=True, help_text="carried forward, confirmed, …")

    class Meta:
        indexes = [models.Index(fields=["stage", "at"], name="revision_stage_at")]
        constraints = [
            models.UniqueConstraint(
                fields=["stage", "key", "version"], name="one_revision_per_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.key} → v{self.version}"


class SectionMark(models.Model):
    """A practitioner marked a section complete; any later change to its answers removes it."""

    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="section_marks")
    section = models.CharField(max_length=60)
    marked_at = models.DateTimeField(default=timezone.now)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["stage", "section"], name="one_mark_per_section")
        ]

    def __str__(self) -> str:
        return f"{self.section} complete"


class SectionVisit(models.Model):
    """Which questions a person had seen in a section, to tell them about new ones."""

    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    section = models.CharField(max_length=60)
    seen_keys = models.JSONField(default=list)
    seen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["stage", "user", "section"], name="one_visit_per_person_and_section"
            )
        ]

    def __str__(self) -> str:
        return f"{self.section} seen {self.seen_at:%Y-%m-%d}"


class Timescale(models.Model):
    """An organisation's own timescale for a stage type, in days from the stage's start.

    Without a row, the catalogue's default for the stage type applies (DOMAIN.md defaults)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    stage_type = models.CharField(max_length=30)
    due_days = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "stage_type"], name="one_timescale_per_stage_type"
            )
        ]

    def __str__(self) -> str:
        return f"{self.stage_type}: {self.due_days} days"
