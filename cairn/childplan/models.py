"""The child's plan: a short plan in plain words, written with the child, one per stage.

It is its own text, not a view of the intervention plan: it can start from the intervention
plan's goals in the child's words, but the child and the practitioner then change it together.
The child's responses (agree, don't agree, could not answer) are only ever appended, each
against the version of the plan the child was shown. The plan is a draft until its latest
response is "agree" to the current version: changing it after agreement makes it a draft again.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cairn.assessment.models import Stage


class Language(models.TextChoices):
    ENGLISH = "en", _("English")
    WELSH = "cy", _("Welsh")


class ChildPlan(models.Model):
    stage = models.OneToOneField(Stage, on_delete=models.CASCADE, related_name="child_plan")
    what_i_want = models.TextField(_("what I want"), blank=True)
    what_im_good_at = models.TextField(_("what I'm good at"), blank=True)
    what_ill_do = models.JSONField(_("what I'll do"), default=list, blank=True)
    who_will_help = models.JSONField(
        _("who will help me"),
        default=list,
        blank=True,
        help_text='A list of {"who": name or role, "how": how they will help}',
    )
    how_well_know = models.TextField(_("how we'll know it's working"), blank=True)
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.ENGLISH
    )
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_by_name = models.CharField(max_length=150, blank=True)

    def __str__(self) -> str:
        return f"Child's plan for stage {self.stage_id} (version {self.version})"

    @property
    def latest_response(self) -> ChildResponse | None:
        cached: Any = getattr(self, "_prefetched_objects_cache", {}).get("responses")
        if cached is not None:
            return max(cached, key=lambda r: (r.recorded_at, r.pk), default=None)
        return self.responses.order_by("-recorded_at", "-pk").first()

    @property
    def is_agreed(self) -> bool:
        """The child agreed to this version: the latest response is "agree" to it."""
        latest = self.latest_response
        return (
            latest is not None
            and latest.response == ChildResponse.Response.AGREE
            and latest.plan_version == self.version
        )

    @property
    def changed_since_agreed(self) -> bool:
        """The child agreed to an earlier version, and the plan has changed since."""
        latest = self.latest_response
        return (
            latest is not None
            and latest.response == ChildResponse.Response.AGREE
            and latest.plan_version != self.version
        )


class ChildResponse(models.Model):
    class Response(models.TextChoices):
        AGREE = "agree", _("Agrees with the plan")
        DISAGREE = "disagree", _("Does not agree with the plan")
        COULD_NOT_ANSWER = "could_not_answer", _("Could not answer")

    plan = models.ForeignKey(ChildPlan, on_delete=models.CASCADE, related_name="responses")
    plan_version = models.PositiveIntegerField(help_text="The version of the plan responded to")
    response = models.CharField(_("response"), max_length=20, choices=Response.choices)
    words = models.TextField(_("the child's words"), blank=True)
    responded_on = models.DateField(_("date"))
    recorded_at = models.DateTimeField(default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_by_name = models.CharField(max_length=150, blank=True)

    class Meta:
        ordering = ["recorded_at", "id"]

    def __str__(self) -> str:
        return f"{self.response} to version {self.plan_version}"
