"""Judgements about future behaviour, made in a stage.

Three judgements (likelihood of reoffending, risk of serious harm to others, safety and
well-being) and the indicative intervention level that follows from them. Each keeps what the
system proposed beside what the practitioner decided, the reason where they differ, and what
it rested on (`basis`): the answers and Core Record facts as they were when it was made, so a
later change flags it to reconfirm. The two risk judgements are built from concerns.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cairn.assessment.models import Stage


class ScoringModelFile(models.Model):
    """A scoring model an administrator loaded. The active one is used for every new score;
    with none active, the shipped default (OGRS3) is."""

    name = models.CharField(max_length=60)
    version = models.CharField(max_length=30)
    source = models.TextField(blank=True)
    data = models.JSONField(help_text="The validated model, as scoring.model_to_data gives it")
    loaded_at = models.DateTimeField(default=timezone.now)
    loaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    is_active = models.BooleanField(default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["is_active"], condition=Q(is_active=True), name="one_active_scoring_model"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} {self.version}"


class Kind(models.TextChoices):
    REOFFENDING = "reoffending", _("Likelihood of reoffending")
    SERIOUS_HARM = "serious_harm", _("Risk of serious harm to others")
    SAFETY_WELLBEING = "safety_wellbeing", _("Safety and well-being")
    INTERVENTION_LEVEL = "intervention_level", _("Indicative intervention level")


class Judgement(models.Model):
    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="judgements")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    proposed = models.CharField(
        max_length=20, blank=True, help_text="What the system proposed: a band, rating or level"
    )
    rating = models.CharField(max_length=20, help_text="The practitioner's own decision")
    reason = models.TextField(blank=True, help_text="Required where the rating differs")
    detail = models.JSONField(
        default=dict, blank=True, help_text="The score with its terms and inputs, for reoffending"
    )
    basis = models.JSONField(
        default=dict,
        blank=True,
        help_text="What it rested on: answer fingerprints and Core Record facts",
    )
    version = models.PositiveIntegerField(default=1)
    decided_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    decided_by_name = models.CharField(max_length=150, blank=True)
    reconfirmed = models.BooleanField(
        default=False,
        help_text="The last act on it in its stage kept the rating (reconfirmed), not decided it",
    )
    carried_from = models.ForeignKey(
        Stage, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["stage", "kind"], name="one_judgement_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.rating}"

    @property
    def differs(self) -> bool:
        """Whether the rating differs from the option proposed (reoffending: the option the
        model's band maps to, so High is not "different" from the Very high band)."""
        from cairn.judgements import proposals

        return bool(self.proposed) and proposals.needs_reason(self.kind, self.proposed, self.rating)

    @property
    def acted_in_stage(self) -> bool:
        """Made, revised or reconfirmed in its own stage (a carried copy starts at version 1
        and every act adds one)."""
        return self.carried_from_id is None or self.version > 1


class Concern(models.Model):
    """One specific thing that might happen: the brick a risk judgement is built from."""

    class Judgement(models.TextChoices):
        SERIOUS_HARM = "serious_harm", _("Risk of serious harm to others")
        SAFETY_WELLBEING = "safety_wellbeing", _("Safety and well-being")

    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="concerns")
    judgement = models.CharField(max_length=30, choices=Judgement.choices)
    what = models.TextField(_("what might happen"))
    to_whom = models.CharField(_("to whom"), max_length=20)
    to_whom_detail = models.CharField(_("who, in a few words"), max_length=200, blank=True)
    impact = models.CharField(_("impact"), max_length=20)
    likelihood = models.CharField(_("likelihood"), max_length=20)
    imminence = models.CharField(_("how soon"), max_length=20)
    evidence = models.TextField(_("evidence"))
    answer_keys = models.JSONField(
        _("answers it rests on"), default=list, blank=True, help_text="Catalogue question keys"
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
        indexes = [models.Index(fields=["stage", "judgement"], name="concern_stage_judgement")]

    def __str__(self) -> str:
        return self.what[:60]
