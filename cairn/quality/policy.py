"""Which stages need countersigning: each organisation's policy, as configuration.

A stage needs countersigning when its type is one the organisation lists, or when its risk of
serious harm or its safety and well-being rating (the practitioner's, once made) is at least
the organisation's minimum rating. Which cases need countersigning is local policy
(DOMAIN.md), but no manager oversight at all is an unsafe default: an organisation that has not
set a policy of its own (a new one, say) gets DEFAULT, which is the code's and is never written
to the database: pre-sentence report stages, and any stage rated high or very high. Saving a
policy on the policy page replaces it (an empty one means nothing is required); sign-off can be
asked for on any stage either way.
"""

from __future__ import annotations

from dataclasses import dataclass

from cairn.assessment.models import Stage
from cairn.judgements.models import Judgement, Kind
from cairn.judgements.rules import RATING_ORDER
from cairn.quality.models import CountersignPolicy

DEFAULT_STAGE_TYPES: frozenset[str] = frozenset({"pre_sentence"})
DEFAULT_MINIMUM_RATING = "high"
RATED_KINDS = (Kind.SERIOUS_HARM, Kind.SAFETY_WELLBEING)
MINIMUM_RATINGS = RATING_ORDER[1:]  # "low" as a minimum would mean every rated stage


@dataclass(frozen=True)
class Policy:
    stage_types: frozenset[str]
    minimum_rating: str  # "" when ratings never call for countersigning
    is_default: bool


DEFAULT = Policy(DEFAULT_STAGE_TYPES, DEFAULT_MINIMUM_RATING, is_default=True)


def policy_for(organisation_id: int) -> Policy:
    found = list(CountersignPolicy.objects.filter(organisation_id=organisation_id)[:1])
    if not found:
        return DEFAULT
    own = found[0]
    return Policy(frozenset(own.stage_types), own.minimum_rating, is_default=False)


def at_least(rating: str, minimum: str) -> bool:
    if not minimum or rating not in RATING_ORDER or minimum not in RATING_ORDER:
        return False
    return RATING_ORDER.index(rating) >= RATING_ORDER.index(minimum)


def needs_countersigning(stage: Stage, policy: Policy | None = None) -> bool:
    policy = policy or policy_for(stage.organisation_id)
    if stage.stage_type in policy.stage_types:
        return True
    if not policy.minimum_rating:
        return False
    ratings = Judgement.objects.filter(stage=stage, kind__in=RATED_KINDS).values_list(
        "rating", flat=True
    )
    return any(at_least(rating, policy.minimum_rating) for rating in ratings)
