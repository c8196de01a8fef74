"""Writing judgements and concerns. Every write is one transaction, refuses a stale version,
refuses a closed stage, and is audited.

A judgement is decided (rating and, where it differs from the proposal, a reason), reconfirmed
(the same rating, on what the stage holds now), or revised (decided again). What it rested on
is kept each time, so a later change flags it to reconfirm.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cairn.accounts.models import User
from cairn.assessment import completion
from cairn.assessment.extensions import edited
from cairn.assessment.models import Stage
from cairn.assessment.operations import ensure_editable
from cairn.assessment.writes import InvalidError as InvalidError  # re-exported for callers
from cairn.assessment.writes import StaleError as StaleError
from cairn.audit.operations import Actor, changed, record_event
from cairn.framework import catalogue as catalogues
from cairn.judgements import basis, proposals, queries, scoring
from cairn.judgements import rules as judgement_rules
from cairn.judgements.models import Concern, Judgement, Kind, ScoringModelFile

MAX_TEXT = 5000


class UnknownJudgementError(KeyError):
    """This stage does not make that judgement."""


def _user(by: Actor) -> User | None:
    return by.user


def _locked_open_stage(stage: Stage) -> Stage:
    """The stage, locked for this transaction, if it may be edited (open, not signed off)."""
    stage = Stage.objects.select_for_update().get(pk=stage.pk)
    ensure_editable(stage)
    return stage


def _check_decision(kind: str, rating: str, reason: str, proposed: str) -> None:
    errors = {}
    if rating not in proposals.ratings_for(kind):
        errors["rating"] = (
            _("Select a rating")
            if not rating
            else _("‘%(value)s’ is not a rating here") % {"value": rating}
        )
    elif proposals.needs_reason(kind, proposed, rating) and not reason.strip():
        errors["reason"] = (
            _("Give the reason for your rating: the system could not propose one")
            if not proposed
            else _("Give the reason your rating differs from the proposed one")
        )
    if len(reason) > MAX_TEXT:
        errors["reason"] = _("The reason must be %(max)d characters or fewer") % {"max": MAX_TEXT}
    if errors:
        raise InvalidError(errors)


@transaction.atomic
def decide(
    *, by: Actor, stage: Stage, kind: str, rating: str, reason: str, version: int
) -> Judgement:
    """Make or revise a judgement. `version` is the one the person saw (0 when none was made)."""
    stage = _locked_open_stage(stage)
    if kind not in queries.kinds_of(stage):
        raise UnknownJudgementError(kind)
    existing = Judgement.objects.select_for_update().filter(stage=stage, kind=kind).first()
    if (existing.version if existing else 0) != version:
        raise StaleError(existing)
    found = queries.review(stage)
    state = found.states[kind]
    reason = reason.strip()
    _check_decision(kind, rating, reason, state.proposal.value)
    judgement = existing or Judgement(stage=stage, kind=kind, version=0)
    judgement.proposed = state.proposal.value
    judgement.rating = rating
    judgement.reason = reason
    judgement.detail = state.proposal.detail
    judgement.basis = basis.basis_of(found.facts, kind)
    judgement.version += 1
    judgement.reconfirmed = False
    judgement.decided_at = timezone.now()
    judgement.decided_by = _user(by)
    judgement.decided_by_name = by.user.get_full_name() or by.user.username if by.user else ""
    judgement.save()
    record_event(
        by=by,
        event_type="judgements.decided",
        child_id=stage.child_id,
        obj=judgement,
        summary=f"{Kind(kind).label}: {rating}"
        + (" (differs from proposal)" if judgement.differs else ""),
        detail={
            "stage": stage.pk,
            "kind": kind,
            "proposed": judgement.proposed,
            "rating": rating,
            "reason": reason,
            "version": judgement.version,
        },
    )
    edited(by, stage)
    return judgement


@transaction.atomic
def reconfirm(*, by: Actor, stage: Stage, kind: str, version: int, reason: str = "") -> Judgement:
    """Keep the rating on what the stage holds now: the changes are seen and accepted. When
    the proposal moved since it was made (and the rating is not the new proposal), `reason`
    says why the rating still holds, and replaces the one given before; otherwise none is
    needed and the rating keeps its reason."""
    stage = _locked_open_stage(stage)
    judgement = Judgement.objects.select_for_update().filter(stage=stage, kind=kind).first()
    if judgement is None:
        raise UnknownJudgementError(kind)
    if judgement.version != version:
        raise StaleError(judgement)
    found = queries.review(stage)
    state = found.states.get(kind)
    if state is None:
        raise UnknownJudgementError(kind)
    reason = reason.strip()
    was_proposed, now_proposed = judgement.proposed, state.proposal.value
    if not reason and proposals.reconfirming_needs_reason(
        kind, was_proposed, now_proposed, judgement.rating
    ):
        raise InvalidError(
            {
                "reason": _(
                    "The proposal has changed since this judgement was made: give the reason "
                    "your rating still holds, or change it"
                )
            }
        )
    if len(reason) > MAX_TEXT:
        raise InvalidError(
            {"reason": _("The reason must be %(max)d characters or fewer") % {"max": MAX_TEXT}}
        )
    proposed_before = judgement.proposed
    judgement.proposed = now_proposed
    if reason:
        judgement.reason = reason
    judgement.detail = state.proposal.detail
    judgement.basis = basis.basis_of(found.facts, kind)
    judgement.version += 1
    judgement.reconfirmed = True
    judgement.decided_at = timezone.now()
    judgement.decided_by = _user(by)
    judgement.decided_by_name = by.user.get_full_name() or by.user.username if by.user else ""
    judgement.save()
    record_event(
        by=by,
        event_type="judgements.reconfirmed",
        child_id=stage.child_id,
        obj=judgement,
        summary=f"{Kind(kind).label}: {judgement.rating} reconfirmed",
        # Flat, as judgements.decided keeps its decision: no "changes" key, which other
        # events keep as {field: [old, new]} for the record's history to list field by field.
        detail={
            "stage": stage.pk,
            "kind": kind,
            "rating": judgement.rating,
            "proposed_before": proposed_before,
            "proposed": judgement.proposed,
            **({"reason": reason} if reason else {}),
            # What it rests on that had changed: the question keys and Core Record facts.
            "after": [change.name for change in state.changes],
            "version": judgement.version,
        },
    )
    edited(by, stage)
    return judgement


# Concerns ------------------------------------------------------------------------------------

CONCERN_FIELDS = (
    "what",
    "to_whom",
    "to_whom_detail",
    "impact",
    "likelihood",
    "imminence",
    "evidence",
    "answer_keys",
)


@dataclass(frozen=True)
class ConcernInput:
    what: str = ""
    to_whom: str = ""
    to_whom_detail: str = ""
    impact: str = ""
    likelihood: str = ""
    imminence: str = ""
    evidence: str = ""
    answer_keys: tuple[str, ...] = ()


def stage_answer_keys(stage: Stage) -> set[str]:
    """Questions of this stage a concern may link to."""
    catalogue = catalogues.load(stage.catalogue_version)
    return {
        question.key
        for section, _depth in completion.stage_sections(catalogue, stage.stage_type, stage.depth)
        for question in section.questions
    }


def validate_concern(stage: Stage, judgement: str, data: ConcernInput) -> dict[str, str]:
    rules = judgement_rules.active()
    errors: dict[str, str] = {}
    if not data.what.strip():
        errors["what"] = _("Describe what might happen")
    elif len(data.what) > MAX_TEXT:
        errors["what"] = _("What might happen must be %(max)d characters or fewer") % {
            "max": MAX_TEXT
        }
    messages = {
        "to_whom": ("to_whom." + judgement, _("Select who might be harmed")),
        "impact": ("impact", _("Select the impact")),
        "likelihood": ("likelihood", _("Select how likely it is")),
        "imminence": ("imminence", _("Select how soon it might happen")),
    }
    for name, (choices, message) in messages.items():
        value = getattr(data, name)
        if value not in {choice.key for choice in rules.choices(choices)}:
            errors[name] = (
                message
                if not value
                else _("‘%(value)s’ is not one of the choices") % {"value": value}
            )
    if len(data.to_whom_detail) > 200:
        errors["to_whom_detail"] = _("Who, in a few words, must be 200 characters or fewer")
    if not data.evidence.strip():
        errors["evidence"] = _("Give the evidence for this concern")
    elif len(data.evidence) > MAX_TEXT:
        errors["evidence"] = _("The evidence must be %(max)d characters or fewer") % {
            "max": MAX_TEXT
        }
    unknown = sorted(set(data.answer_keys) - stage_answer_keys(stage))
    if unknown:
        errors["answer_keys"] = _("Not a question of this stage: %(keys)s") % {
            "keys": ", ".join(unknown)
        }
    return errors


def _apply(concern: Concern, data: ConcernInput) -> None:
    concern.what = data.what.strip()
    concern.to_whom = data.to_whom
    concern.to_whom_detail = data.to_whom_detail.strip()
    concern.impact = data.impact
    concern.likelihood = data.likelihood
    concern.imminence = data.imminence
    concern.evidence = data.evidence.strip()
    concern.answer_keys = sorted(set(data.answer_keys))


def _concern_judgement(stage: Stage, judgement: str) -> None:
    if judgement not in Concern.Judgement.values or judgement not in queries.kinds_of(stage):
        raise UnknownJudgementError(judgement)


@transaction.atomic
def add_concern(*, by: Actor, stage: Stage, judgement: str, data: ConcernInput) -> Concern:
    stage = _locked_open_stage(stage)
    _concern_judgement(stage, judgement)
    errors = validate_concern(stage, judgement, data)
    if errors:
        raise InvalidError(errors)
    concern = Concern(stage=stage, judgement=judgement, updated_by=_user(by))
    _apply(concern, data)
    concern.save()
    record_event(
        by=by,
        event_type="judgements.concern.added",
        child_id=stage.child_id,
        obj=concern,
        summary=f"Added a concern to {Concern.Judgement(judgement).label}",
        detail={"stage": stage.pk, **basis.concern_content(concern)},
    )
    edited(by, stage)
    return concern


@transaction.atomic
def change_concern(
    *, by: Actor, stage: Stage, concern_id: int, data: ConcernInput, version: int
) -> Concern:
    stage = _locked_open_stage(stage)
    concern = Concern.objects.select_for_update().filter(stage=stage, pk=concern_id).first()
    if concern is None:
        raise Concern.DoesNotExist
    if concern.version != version:
        raise StaleError(concern)
    errors = validate_concern(stage, concern.judgement, data)
    if errors:
        raise InvalidError(errors)
    old = basis.concern_content(concern)
    _apply(concern, data)
    concern.version += 1
    concern.updated_at = timezone.now()
    concern.updated_by = _user(by)
    concern.save()
    new = basis.concern_content(concern)
    record_event(
        by=by,
        event_type="judgements.concern.changed",
        child_id=stage.child_id,
        obj=concern,
        summary=f"Changed a concern in {Concern.Judgement(concern.judgement).label}",
        detail={
            "stage": stage.pk,
            "changes": changed(old, new),
        },
    )
    edited(by, stage)
    return concern


@transaction.atomic
def remove_concern(*, by: Actor, stage: Stage, concern_id: int, version: int) -> None:
    stage = _locked_open_stage(stage)
    concern = Concern.objects.select_for_update().filter(stage=stage, pk=concern_id).first()
    if concern is None:
        raise Concern.DoesNotExist
    if concern.version != version:
        raise StaleError(concern)
    record_event(
        by=by,
        event_type="judgements.concern.removed",
        child_id=stage.child_id,
        obj=concern,
        summary=f"Removed a concern from {Concern.Judgement(concern.judgement).label}",
        detail={"stage": stage.pk, **basis.concern_content(concern)},
    )
    concern.delete()
    edited(by, stage)


# Carrying forward ----------------------------------------------------------------------------


def carry_forward(by: Actor, previous: Stage, stage: Stage) -> None:
    """A new stage starts with the previous stage's judgements and concerns, as they were.

    Their bases are kept, so only those resting on something that has changed since are
    flagged to reconfirm."""
    kinds = set(queries.kinds_of(stage))
    concerns = [
        Concern(
            stage=stage,
            judgement=concern.judgement,
            carried_from=previous,
            created_at=concern.created_at,
            updated_at=concern.updated_at,
            updated_by=concern.updated_by,
            **{name: getattr(concern, name) for name in CONCERN_FIELDS},
        )
        for concern in Concern.objects.filter(stage=previous, judgement__in=kinds).order_by(
            "created_at", "id"
        )
    ]
    Concern.objects.bulk_create(concerns)
    judgements = [
        Judgement(
            stage=stage,
            kind=judgement.kind,
            proposed=judgement.proposed,
            rating=judgement.rating,
            reason=judgement.reason,
            detail=judgement.detail,
            basis=judgement.basis,
            decided_at=judgement.decided_at,
            decided_by=judgement.decided_by,
            decided_by_name=judgement.decided_by_name,
            carried_from=previous,
        )
        for judgement in Judgement.objects.filter(stage=previous, kind__in=kinds)
    ]
    Judgement.objects.bulk_create(judgements)
    if judgements or concerns:
        record_event(
            by=by,
            event_type="judgements.carried_forward",
            child_id=stage.child_id,
            obj=stage,
            summary=f"Carried forward {len(judgements)} judgement(s) and {len(concerns)} concern(s)",
            detail={"from_stage": previous.pk, "stage": stage.pk},
        )


# Scoring models ------------------------------------------------------------------------------


@transaction.atomic
def load_scoring_model(*, by: Actor, text: str) -> ScoringModelFile:
    """Make a model file the active one. A malformed file raises scoring.ModelFileError and the
    active model stays as it was."""
    model = scoring.parse_model(text)
    ScoringModelFile.objects.filter(is_active=True).update(is_active=False)
    loaded = ScoringModelFile.objects.create(
        name=model.name,
        version=model.version,
        source=model.source,
        data=scoring.model_to_data(model),
        loaded_by=_user(by),
        is_active=True,
    )
    record_event(
        by=by,
        event_type="judgements.scoring_model.loaded",
        obj=loaded,
        summary=f"Loaded scoring model {model.name} {model.version}",
        detail={"name": model.name, "version": model.version},
    )
    return loaded


@transaction.atomic
def use_default_model(*, by: Actor) -> None:
    """Go back to the shipped default model."""
    set_aside = ScoringModelFile.objects.filter(is_active=True).update(is_active=False)
    if set_aside:
        default = scoring.default_model()
        record_event(
            by=by,
            event_type="judgements.scoring_model.loaded",
            summary=f"Went back to the default scoring model {default.name} {default.version}",
            detail={"name": default.name, "version": default.version, "default": True},
        )
