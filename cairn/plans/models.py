"""The intervention plan of a stage: targets, their actions and progress notes.

Each target rests on something the assessment found (a desistance factor, a concern, or a need
or strength: a question of the stage), kept as a link and as the words shown after "because".
Actions that manage risk of serious harm or safety and well-being form the risk and safety
plan. Targets and actions carry a version so a stale save is refused; progress notes are only
ever appended. When a review starts from this stage, the plan is carried forward to it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cairn.assessment.models import Stage
from cairn.judgements.models import Concern
from cairn.plans import wording


class Area(models.TextChoices):
    EDUCATION = "education", _("Education, training and employment")
    FAMILY = "family", _("Family and home")
    LIVING = "living", _("Living arrangements")
    HEALTH = "health", _("Physical and mental health")
    SUBSTANCES = "substances", _("Substance use")
    RELATIONSHIPS = "relationships", _("Friends and relationships")
    LIFESTYLE = "lifestyle", _("Lifestyle and activities")
    OFFENDING = "offending", _("Offending behaviour")
    VICTIMS = "victims", _("Victims and restorative justice")
    OTHER = "other", _("Other")


class ManagesRisk(models.TextChoices):
    NONE = "none", _("No")
    SERIOUS_HARM = "serious_harm", _("Risk of serious harm to others")
    SAFETY_WELLBEING = "safety_wellbeing", _("Safety and well-being")


class TargetStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    ACHIEVED = "achieved", _("Achieved")
    STOPPED = "stopped", _("Not achieved or stopped")


class Target(models.Model):
    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="targets")
    position = models.PositiveIntegerField(default=0)
    # What it rests on: at least one of these.
    factor = models.CharField(
        _("desistance factor"),
        max_length=500,
        blank=True,
        help_text="The factor's text, as in explanations.desistance_factors",
    )
    factor_direction = models.CharField(max_length=10, blank=True, help_text="for, against or ''")
    concern = models.ForeignKey(
        Concern, on_delete=models.SET_NULL, null=True, blank=True, related_name="targets"
    )
    question_key = models.CharField(
        _("need or strength"), max_length=120, blank=True, help_text="A question key of the stage"
    )
    because = models.TextField(
        blank=True, help_text="What it rests on, in words, as when the link was made"
    )
    goal_in_childs_words = models.TextField(_("goal in the child's words"), blank=True)
    objective = models.TextField(_("objective"))
    area = models.CharField(_("area"), max_length=20, choices=Area.choices, blank=True)
    manages_risk = models.CharField(
        _("manages risk"), max_length=20, choices=ManagesRisk.choices, default=ManagesRisk.NONE
    )
    status = models.CharField(
        _("status"), max_length=20, choices=TargetStatus.choices, default=TargetStatus.NOT_STARTED
    )
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    carried_from = models.ForeignKey(
        Stage, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["position", "id"]
        indexes = [models.Index(fields=["stage", "position"], name="target_stage_position")]

    def __str__(self) -> str:
        return self.objective[:60]

    @property
    def objective_text(self) -> str:
        """The objective as the reader reads it: generated wording in their language."""
        return wording.objective_text(self.objective)

    @property
    def is_carried(self) -> bool:
        return self.carried_from_id is not None


class Who(models.TextChoices):
    CHILD = "child", _("The child")
    PRACTITIONER = "practitioner", _("Practitioner")
    PARENT_CARER = "parent_carer", _("Parent or carer")
    AGENCY = "agency", _("Another agency")


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    STOPPED = "stopped", _("Not done or stopped")


class ActionKind(models.TextChoices):
    ORDINARY = "ordinary", _("Ordinary action")
    EXTERNAL_CONTROL = "external_control", _("External control")
    CONTINGENCY = "contingency", _("Contingency: what we do if…")


class Action(models.Model):
    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="actions")
    position = models.PositiveIntegerField(default=0)
    what = models.TextField(_("what"))
    who = models.CharField(_("who"), max_length=20, choices=Who.choices)
    agency_name = models.CharField(_("agency"), max_length=200, blank=True)
    by_when = models.DateField(_("by when"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=ActionKind.choices, default=ActionKind.ORDINARY
    )
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.what[:60]

    @property
    def who_label(self) -> str:
        if self.who == Who.AGENCY and self.agency_name:
            return self.agency_name
        return str(Who(self.who).label) if self.who in Who.values else self.who


class ProgressNote(models.Model):
    """Appended, never changed."""

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="progress_notes")
    text = models.TextField(_("progress"))
    noted_on = models.DateField(_("date"), default=timezone.localdate)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    by_name = models.CharField(max_length=150, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["noted_on", "created_at", "id"]

    def __str__(self) -> str:
        return self.text[:60]
