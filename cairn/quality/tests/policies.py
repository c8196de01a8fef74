"""For tests of other apps that complete stages the default countersigning policy would hold
(pre-sentence stages, ratings of high or above) when countersigning is not what they test."""

from __future__ import annotations

from cairn.accounts.models import Organisation
from cairn.quality.models import CountersignPolicy


def require_no_countersigning(organisation: Organisation) -> None:
    """The organisation's own policy, requiring none (sign-off can still be asked for)."""
    CountersignPolicy.objects.update_or_create(
        organisation=organisation, defaults={"stage_types": [], "minimum_rating": ""}
    )
