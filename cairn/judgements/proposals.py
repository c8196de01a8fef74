"""What the system proposes for each judgement, before the practitioner decides.

Likelihood of reoffending: the active scoring model's band, from the Core Record at the
stage's date. The two risk judgements: the highest rating their concerns reach through the
impact-by-likelihood matrix. The intervention level: the rules' table, from the two ratings
the practitioner made (or, until they have, the proposals).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from cairn.assessment.models import Stage
from cairn.judgements import rules as judgement_rules
from cairn.judgements import sanctions, scoring
from cairn.judgements.models import Concern, Judgement, Kind, ScoringModelFile
from cairn.records.models import Child

# The practitioner rates likelihood of reoffending low, medium or high, as in AssetPlus. The
# scoring model's band is evidence, not a rating: the proposal offered is the option its band
# maps to here (OGRS3's top band, very high, proposes high). A band not named here (a loaded
# model's own) proposes no option, so the practitioner rates with a reason.
REOFFENDING_RATINGS = ("low", "medium", "high")
REOFFENDING_OPTION_FOR_BAND = {
    "low": "low",
    "medium": "medium",
    "high": "high",
    "very_high": "high",
}
RISK_RATINGS = judgement_rules.RATING_ORDER


def active_model() -> scoring.ScoringModel:
    """The model an administrator loaded, else the shipped default (OGRS3)."""
    loaded = ScoringModelFile.objects.filter(is_active=True).only("data").first()
    if loaded is not None:
        return scoring.model_from_data(loaded.data)
    return scoring.default_model()


def stage_date(stage: Stage) -> dt.date:
    """The date a stage's judgements speak for: today while open, else the day it ended."""
    if stage.ended_at is not None:
        return timezone.localdate(stage.ended_at)
    return timezone.localdate()


def score_for(
    child: Child, on: dt.date, model: scoring.ScoringModel | None = None
) -> scoring.Score:
    """The child's score on a date; raises scoring.CannotScore saying exactly what is missing."""
    return scoring.score(model or active_model(), sanctions.inputs_for_child(child, on))


def proposed_option(kind: str, proposed: str) -> str:
    """The option a proposal marks on the page: always one of `ratings_for(kind)`, or "" when
    there is none (no score, or a band with no option). For reoffending `proposed` is the
    model's band, which is shown only as the model's band, never as the proposal."""
    if kind == Kind.REOFFENDING:
        return REOFFENDING_OPTION_FOR_BAND.get(proposed, "")
    return proposed if proposed in ratings_for(kind) else ""


def band_label(key: str, kept: Any, language: str) -> str:
    """A model's band in words, from one place: a band named like a rating reads as that
    rating does (sentence case, "Very high"), a loaded model's own band by its own label."""
    try:
        return judgement_rules.active().rating(key).label.get(language)
    except KeyError:
        pass
    if isinstance(kept, dict):
        return str(kept.get(language) or kept.get("en") or key)
    return str(kept or key)


@dataclass(frozen=True)
class Proposal:
    value: str  # "" when the system cannot propose (no score)
    detail: dict[str, Any]


def score_detail(found: scoring.Score) -> dict[str, Any]:
    """A score as kept with the judgement: enough to show it again exactly as it was."""
    inputs = found.inputs
    return {
        "model": {"name": found.model.name, "version": found.model.version},
        "model_label": found.model.label,
        "p_1_year": found.p_1_year,
        "p_2_years": found.p_2_years,
        "percent_1_year": found.percent_1_year,
        "percent_2_years": found.percent_2_years,
        "band": found.band.key,
        "band_label": found.band.label,
        "terms": [
            {
                "key": term.key,
                "label": term.label,
                "value": term.value,
                "explanation": term.explanation,
            }
            for term in found.terms
        ],
        "inputs": {
            "sex": inputs.sex,
            "date_of_birth": inputs.date_of_birth.isoformat(),
            "current_sanction_date": inputs.current_sanction_date.isoformat(),
            "first_sanction_date": inputs.first_sanction_date.isoformat(),
            "previous_sanctions": inputs.previous_sanctions,
            "offence_category": inputs.offence_category,
            "assessed_on": inputs.assessed_on.isoformat(),
        },
    }


def reoffending(child: Child, on: dt.date) -> tuple[Proposal, scoring.Score | None, list[str]]:
    """The band as the proposal, the score itself, or the reasons it cannot be scored."""
    try:
        found = score_for(child, on)
    except scoring.CannotScore as refusal:
        return Proposal("", {"reasons": refusal.reasons}), None, refusal.reasons
    return Proposal(found.band.key, score_detail(found)), found, []


def risk(rules: judgement_rules.Rules, concerns: Iterable[Concern]) -> Proposal:
    concerns = list(concerns)
    return Proposal(
        judgement_rules.proposed_rating(rules, concerns),
        {
            "concerns": [
                {
                    "id": concern.pk,
                    "rating": judgement_rules.concern_rating(
                        rules, concern.impact, concern.likelihood, concern.imminence
                    ),
                }
                for concern in concerns
            ]
        },
    )


def intervention(
    rules: judgement_rules.Rules, reoffending_rating: str, serious_harm_rating: str
) -> Proposal:
    return Proposal(
        judgement_rules.intervention_level(rules, reoffending_rating, serious_harm_rating),
        {"reoffending": reoffending_rating, "serious_harm": serious_harm_rating},
    )


def ratings_for_intervention(
    judgements: dict[str, Judgement], reoffending_band: str, concerns: list[Concern]
) -> tuple[str, str]:
    """The two ratings the level follows: the practitioner's where made, else the proposals
    (the model's band; the serious harm concerns through the matrix)."""
    made = judgements.get(Kind.REOFFENDING)
    reoffending_rating = (
        made.rating
        if made is not None
        else proposed_option(Kind.REOFFENDING, reoffending_band) or "low"
    )
    made = judgements.get(Kind.SERIOUS_HARM)
    if made is not None:
        harm_rating = made.rating
    else:
        harm_rating = risk(
            judgement_rules.active(),
            [c for c in concerns if c.judgement == Concern.Judgement.SERIOUS_HARM],
        ).value
    return reoffending_rating, harm_rating


def ratings_for(kind: str) -> tuple[str, ...]:
    """What the practitioner chooses from for this judgement."""
    if kind == Kind.REOFFENDING:
        return REOFFENDING_RATINGS
    if kind == Kind.INTERVENTION_LEVEL:
        return tuple(level.key for level in judgement_rules.active().intervention.levels)
    return RISK_RATINGS


def needs_reason(kind: str, proposed: str, rating: str) -> bool:
    """A reason is needed where the decision differs from the proposed option, or there is
    none."""
    option = proposed_option(kind, proposed)
    return not option or option != rating


def reconfirming_needs_reason(kind: str, was: str, now: str, rating: str) -> bool:
    """Reconfirming needs a (new) reason when the proposal moved since the judgement was made
    and the rating kept is not exactly the new proposal: for reoffending the model's band
    counts, so High kept when the band moved from High to Very high needs one. When the
    proposal is unchanged, the rating stands on the reason it already has."""
    if was == now:
        return False
    return not now or now != rating


def _model_named(name: str, version: str) -> scoring.ScoringModel | None:
    for candidate in (active_model(), scoring.default_model()):
        if candidate.name == name and candidate.version == version:
            return candidate
    stored = (
        ScoringModelFile.objects.filter(name=name, version=version)
        .order_by("-loaded_at")
        .values_list("data", flat=True)
        .first()
    )
    return scoring.model_from_data(stored) if stored else None


def score_from_detail(detail: dict[str, Any]) -> scoring.Score | None:
    """A score kept with a judgement, computed again from its own inputs and model."""
    if "inputs" not in detail:
        return None
    model = _model_named(detail["model"]["name"], detail["model"]["version"])
    if model is None:
        return None
    kept = detail["inputs"]
    try:
        return scoring.score(
            model,
            scoring.Inputs(
                sex=kept["sex"],
                date_of_birth=dt.date.fromisoformat(kept["date_of_birth"]),
                current_sanction_date=dt.date.fromisoformat(kept["current_sanction_date"]),
                first_sanction_date=dt.date.fromisoformat(kept["first_sanction_date"]),
                previous_sanctions=int(kept["previous_sanctions"]),
                offence_category=kept["offence_category"],
                assessed_on=dt.date.fromisoformat(kept["assessed_on"]),
            ),
        )
    except (scoring.CannotScore, KeyError, ValueError):
        return None
