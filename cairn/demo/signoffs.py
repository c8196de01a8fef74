"""The demo follows the countersigning policy: every stage it completes that needs countersigning
(by default pre-sentence stages, and any stage rated high or very high for risk of serious harm
or safety and well-being) is sent for sign-off by its case worker and signed off by a manager
of the organisation who did not write it, before it is completed, through the same operations
a practitioner and a manager use.

The countersigner is the organisation's first manager in DEMO_MANAGERS (mo.manager in
Northshire) unless they wrote in the stage, then the next one.
"""

from __future__ import annotations

from cairn.accounts.models import Membership
from cairn.assessment.models import Stage
from cairn.audit.operations import Actor
from cairn.demo.judgements import DemoDataError
from cairn.quality import operations, policy, queries
from cairn.quality.models import Sections, SignoffRequest

DEMO_MANAGERS = ("mo.manager",)
COMMENT = "Analysis is clear and the plan follows from it. Signed off."


def countersigner(stage: Stage) -> Membership:
    writers = queries.writers_since(stage, None)
    managers = {
        membership.user.username: membership
        for membership in Membership.objects.select_related("user").filter(
            organisation_id=stage.organisation_id,
            role=Membership.Role.MANAGER,
            is_active=True,
        )
    }
    ordered = [managers[name] for name in DEMO_MANAGERS if name in managers] + sorted(
        (m for name, m in managers.items() if name not in DEMO_MANAGERS),
        key=lambda m: m.user.username,
    )
    for membership in ordered:
        if membership.user_id not in writers:
            return membership
    raise DemoDataError(
        f"{stage.child.local_id} {stage.stage_type} needs countersigning, but every manager of "
        "its organisation wrote in it: give the child a case worker who is not a manager"
    )


def sign_off_if_needed(by: Actor, stage: Stage) -> SignoffRequest | None:
    """Ask for sign-off of the whole stage and sign it off, if the policy says it needs it."""
    if not policy.needs_countersigning(stage):
        return None
    try:
        request = operations.request_signoff(by=by, stage=stage, sections=Sections.BOTH)
    except operations.NotReadyError as error:
        raise DemoDataError(
            f"{stage.child.local_id} {stage.stage_type} cannot be sent for sign-off: "
            + "; ".join(item.text for item in error.left)
        ) from None
    manager = countersigner(stage)
    request.stage = stage
    return operations.decide(
        by=Actor(user=manager.user, organisation=manager.organisation),
        membership=manager,
        request=request,
        decision=SignoffRequest.Status.SIGNED_OFF,
        comment=COMMENT,
    )
