"""Organisations, teams, people and the roles they hold in each organisation."""

from __future__ import annotations

import hashlib
import secrets

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Organisation(models.Model):
    class Kind(models.TextChoices):
        YOUTH_JUSTICE_SERVICE = "yjs", _("Youth justice service")
        SECURE_CHILDRENS_HOME = "sch", _("Secure children's home")
        SECURE_TRAINING_CENTRE = "stc", _("Secure training centre")
        YOUNG_OFFENDER_INSTITUTION = "yoi", _("Young offender institution")
        PLACEMENTS_TEAM = "ycs", _("Youth custody placements team")
        PARTNER_AGENCY = "partner", _("Partner agency")

    class Nation(models.TextChoices):
        """Whose law applies to the organisation's children: records.terms words the facts
        that differ (additional learning needs in Wales, special educational needs in
        England; accommodation under section 76 of the 2014 Act, not section 20)."""

        ENGLAND = "england", _("England")
        WALES = "wales", _("Wales")

    name = models.CharField(_("name"), max_length=200, unique=True)
    nation = models.CharField(
        _("nation"), max_length=10, choices=Nation.choices, default=Nation.ENGLAND
    )
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices)
    code = models.SlugField(_("code"), max_length=40, unique=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.name

    @property
    def is_secure_estate(self) -> bool:
        return self.kind in {
            self.Kind.SECURE_CHILDRENS_HOME,
            self.Kind.SECURE_TRAINING_CENTRE,
            self.Kind.YOUNG_OFFENDER_INSTITUTION,
        }


class Team(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="teams")
    name = models.CharField(_("name"), max_length=120)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="team_name_unique_in_org")
        ]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    """A member of staff. What they may do comes from their memberships, never from here."""

    is_demo_account = models.BooleanField(
        default=False,
        help_text="Demo accounts skip two-factor sign-in, and only while CAIRN_DEMO is on.",
    )
    # The one service-wide role: adds organisations and sets up anyone's roles. It is granted
    # only on the command line (manage.py service_administrator), never from a page, so no
    # organisation's administrator can reach it. An organisation's administrators act only
    # within their own organisation.
    is_service_administrator = models.BooleanField(
        default=False,
        help_text="Service administrators manage every organisation. Set with manage.py service_administrator.",
    )

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username


class Membership(models.Model):
    """A user's role in one organisation, optionally within one of its teams."""

    class Role(models.TextChoices):
        PRACTITIONER = "practitioner", _("Practitioner")
        MANAGER = "manager", _("Manager")
        SECURE_ESTATE = "secure_estate", _("Secure estate staff")
        PLACEMENTS_OFFICER = "placements_officer", _("Placements officer")
        PARTNER_VIEWER = "partner_viewer", _("Partner viewer")
        ADMINISTRATOR = "administrator", _("Administrator")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="memberships"
    )
    team = models.ForeignKey(
        Team, on_delete=models.PROTECT, null=True, blank=True, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"], name="one_membership_per_user_and_org"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()}, {self.organisation}"


class AccessToken(models.Model):
    """A personal access token for the API. Only a hash of the secret is stored."""

    PREFIX = "cairn_"

    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="tokens")
    name = models.CharField(_("name"), max_length=80)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.name

    @classmethod
    def new_secret(cls) -> str:
        return cls.PREFIX + secrets.token_urlsafe(32)

    @staticmethod
    def hash_secret(secret: str) -> str:
        return hashlib.sha256(secret.encode()).hexdigest()

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
