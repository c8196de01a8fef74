"""Shaping judgements for templates: the score with every term in words, the concerns with
their ratings, the matrix and tables as shown on screen, and what changed since a judgement
was made."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from cairn.assessment import presenters as assessment_presenters
from cairn.assessment import queries as assessment_queries
from cairn.assessment.models import Stage
from cairn.framework import catalogue as catalogues
from cairn.framework.catalogue import Catalogue
from cairn.judgements import basis, desistance, proposals, queries, scoring
from cairn.judgements import rules as judgement_rules
from cairn.judgements.models import Concern, Judgement, Kind, ScoringModelFile

FACT_LABELS = {
    "sex": gettext_lazy("Sex"),
    "date_of_birth": gettext_lazy("Date of birth"),
    "current_sanction_date": gettext_lazy("Current sanction"),
    "first_sanction_date": gettext_lazy("First sanction"),
    "previous_sanctions": gettext_lazy("Previous sanctions"),
    "offence_category": gettext_lazy("Current offence category"),
    "model": gettext_lazy("Scoring model"),
    "band": gettext_lazy("Band"),
    "percent_2_years": gettext_lazy("2-year score (%)"),
    "cannot_score": gettext_lazy("Why there is no score"),
    "legal_status": gettext_lazy("Legal status"),
    "looked_after": gettext_lazy("Looked-after status"),
    "exploitation_concern": gettext_lazy("Exploitation concern"),
    "risk_to_staff": gettext_lazy("Risk to staff"),
    "concerns": gettext_lazy("Concerns"),
    "reoffending_rating": gettext_lazy("Likelihood of reoffending rating"),
    "serious_harm_rating": gettext_lazy("Risk of serious harm rating"),
}

DECISION_LEGENDS = {
    Kind.REOFFENDING: gettext_lazy("Your rating of the likelihood of reoffending"),
    Kind.SERIOUS_HARM: gettext_lazy("Your rating of the risk of serious harm to others"),
    Kind.SAFETY_WELLBEING: gettext_lazy("Your rating of the child’s safety and well-being"),
    Kind.INTERVENTION_LEVEL: gettext_lazy("The intervention level you decide"),
}


def decision_legend(kind: str) -> str:
    return str(DECISION_LEGENDS[Kind(kind)])


def _date(value: dt.date | dt.datetime) -> str:
    if isinstance(value, dt.datetime):
        return formats.date_format(timezone.localtime(value), "j F Y, H:i")
    return formats.date_format(value, "j F Y")


def rating_label(kind: str, key: str, language: str) -> str:
    if not key:
        return ""
    rules = judgement_rules.active()
    if kind == Kind.INTERVENTION_LEVEL:
        try:
            return rules.level(key).label.get(language)
        except KeyError:
            return key
    try:
        return rules.rating(key).label.get(language)
    except KeyError:
        return key


def proposed_label(kind: str, proposed: str, language: str) -> str:
    """What a proposal reads as: the option it proposes, one of those offered ("" for none).
    Never the scoring model's band, which is shown only as the model's band."""
    return rating_label(kind, proposals.proposed_option(kind, proposed), language)


def proposal_label(state: queries.JudgementState, language: str) -> str:
    return proposed_label(state.kind, state.proposal.value, language)


def rating_choices(state: queries.JudgementState, language: str) -> list[tuple[str, str]]:
    """The ratings to choose from, the proposed one marked."""
    proposed = proposals.proposed_option(state.kind, state.proposal.value)
    marker = _("%(rating)s (proposed)")
    return [
        (
            key,
            marker % {"rating": rating_label(state.kind, key, language)}
            if key == proposed
            else rating_label(state.kind, key, language),
        )
        for key in proposals.ratings_for(state.kind)
    ]


@dataclass(frozen=True)
class ChangeLine:
    """One thing a judgement rests on that changed: a question (its label in the reader's
    language, its section and a link to it) or a Core Record fact, with old → new where known."""

    label: str
    url: str = ""
    old: str = ""
    new: str = ""
    section: str = ""

    @property
    def shows_values(self) -> bool:
        return bool(self.old or self.new)


SHORT_ANSWER = 60  # characters of an answer shown in "old → new"


def _short_answer(catalogue: Catalogue, key: str, value: Any, language: str) -> str:
    if value in (None, "", []):
        return _("not answered")
    text = " ".join(assessment_presenters.display_value(catalogue, key, value, language).split())
    return text if len(text) <= SHORT_ANSWER else text[: SHORT_ANSWER - 1].rstrip() + "…"


def change_lines(
    stage: Stage, changes: list[basis.Change], catalogue: Catalogue, language: str
) -> list[ChangeLine]:
    lines = []
    for change in changes:
        if change.kind == "answer":
            question = catalogue.questions.get(change.name)
            section = _section_of(catalogue, change.name)
            old = new = ""
            if change.now_kept:
                new = _short_answer(catalogue, change.name, change.now, language)
                if change.was_kept:
                    old = _short_answer(catalogue, change.name, change.was, language)
            lines.append(
                ChangeLine(
                    label=question.label.get(language) if question else change.name,
                    url=reverse("assessment:section", args=[stage.pk, section])
                    + f"#{assessment_presenters.element_id(change.name)}"
                    if section
                    else "",
                    old=old,
                    new=new,
                    section=_section_title(catalogue, section, language),
                )
            )
        elif change.name == "concerns":
            lines.append(ChangeLine(label=_("The concerns were added to, changed or removed")))
        else:
            lines.append(
                ChangeLine(
                    label=str(FACT_LABELS.get(change.name, change.name)),
                    old=_fact_value(change.name, change.old, language) or "–",
                    new=_fact_value(change.name, change.new, language) or "–",
                )
            )
    return lines


def stale_note(labels: list[str]) -> str:
    """What an optional judgement left as it was says: made before what changed, and that it
    was not reconfirmed ("made before “School attendance” changed; not reconfirmed")."""
    if not labels:
        return ""
    first = f"“{labels[0]}”"
    if len(labels) == 1:
        what = first
    else:
        what = ngettext(
            "%(first)s and %(num)d other thing it rests on",
            "%(first)s and %(num)d other things it rests on",
            len(labels) - 1,
        ) % {"first": first, "num": len(labels) - 1}
    return _("made before %(what)s changed; not reconfirmed") % {"what": what}


def stale_note_of(
    found: queries.StageJudgements, kind: str, catalogue: Catalogue, language: str
) -> str:
    """The note an optional judgement left as it was carries wherever it is shown ("" for a
    required one, which must be reconfirmed instead, or one nothing changed under)."""
    state = found.states.get(kind)
    if found.required or state is None or not state.to_reconfirm:
        return ""
    lines = change_lines(found.stage, state.changes, catalogue, language)
    return stale_note([line.label for line in lines])


def _question_url(stage: Stage, catalogue: Catalogue, key: str) -> str:
    section = _section_of(catalogue, key)
    if not section:
        return ""
    return reverse("assessment:section", args=[stage.pk, section]) + (
        f"#{assessment_presenters.element_id(key)}"
    )


def _section_title(catalogue: Catalogue, key: str, language: str) -> str:
    for section in catalogue.sections:
        if section.key == key:
            return section.title.get(language)
    return ""


def _section_of(catalogue: Catalogue, key: str) -> str:
    for section in catalogue.sections:
        if any(question.key == key for question in section.questions):
            return section.key
    return ""


def _fact_value(name: str, value: str, language: str) -> str:
    if name in ("current_sanction_date", "first_sanction_date", "date_of_birth") and value:
        try:
            return _date(dt.date.fromisoformat(value))
        except ValueError:
            return value
    if name == "offence_category" and value:
        return scoring.category_label(value)
    if name == "sex" and value:
        return scoring.sex_label(value)
    if name in ("reoffending_rating", "serious_harm_rating"):
        return rating_label(Kind.SERIOUS_HARM, value, language)
    if name == "band":
        return proposals.band_label(value, value, language)
    if name == "cannot_score":
        return _("No score") if value else _("Scored")
    if value in ("yes", "no"):
        return _("Yes") if value == "yes" else _("No")
    return value


@dataclass(frozen=True)
class TermLine:
    label: str
    value: str
    explanation: str


@dataclass(frozen=True)
class ScoreView:
    model_label: str
    model_title: str
    percent_1_year: int
    percent_2_years: int
    band: str
    terms: list[TermLine]
    total: str
    inputs: list[tuple[str, str]]
    moved: list[str] = field(default_factory=list)
    lowered: list[str] = field(default_factory=list)  # why a new offence lowered the score


def score_view(found: scoring.Score, previous: scoring.Score | None, language: str) -> ScoreView:
    inputs = found.inputs
    return ScoreView(
        model_label=found.model.label_in(language),
        model_title=found.model.title,
        percent_1_year=found.percent_1_year,
        percent_2_years=found.percent_2_years,
        band=proposals.band_label(found.band.key, found.band.label, language),
        terms=[
            TermLine(term.label, f"{term.value:+.3f}", term.explanation)
            for term in (*found.terms, *found.intercepts)
        ],
        total=f"{found.linear_score:+.3f}",
        inputs=[
            (_("Sex"), scoring.sex_label(inputs.sex)),
            (
                _("Age on the assessment date"),
                _("%(age)d (born %(born)s)")
                % {"age": found.age_at_assessment, "born": _date(inputs.date_of_birth)},
            ),
            (
                _("Current sanction"),
                _("%(date)s, %(category)s (age %(age)d)")
                % {
                    "date": _date(inputs.current_sanction_date),
                    "category": scoring.category_label(inputs.offence_category),
                    "age": found.age_at_current_sanction,
                },
            ),
            (
                _("First sanction"),
                _("%(date)s (age %(age)d)")
                % {"date": _date(inputs.first_sanction_date), "age": found.age_at_first_sanction},
            ),
            (_("Previous sanctions"), str(inputs.previous_sanctions)),
            (_("Assessment date"), _date(inputs.assessed_on)),
        ],
        moved=scoring.what_moved(previous, found) if previous is not None else [],
        lowered=scoring.why_lower(previous, found) if previous is not None else [],
    )


@dataclass(frozen=True)
class ConcernView:
    concern: Concern
    to_whom: str
    impact: str
    likelihood: str
    imminence: str
    rating: str
    rating_key: str
    answers: list[tuple[str, str]]
    carried: bool


def concern_views(
    stage: Stage, concerns: list[Concern], catalogue: Catalogue, language: str
) -> list[ConcernView]:
    rules = judgement_rules.active()
    views = []
    for concern in concerns:
        key = judgement_rules.concern_rating(
            rules, concern.impact, concern.likelihood, concern.imminence
        )
        to_whom = rules.label(f"to_whom.{concern.judgement}", concern.to_whom, language)
        if concern.to_whom_detail:
            to_whom = f"{to_whom} ({concern.to_whom_detail})"
        views.append(
            ConcernView(
                concern=concern,
                to_whom=to_whom,
                impact=rules.label("impact", concern.impact, language),
                likelihood=rules.label("likelihood", concern.likelihood, language),
                imminence=rules.label("imminence", concern.imminence, language),
                rating=rules.rating(key).label.get(language)
                if key
                else _("Not rated: change it to use the current rules"),
                rating_key=key,
                answers=[
                    (line.label, line.url)
                    for line in change_lines(
                        stage,
                        [basis.Change("answer", k) for k in concern.answer_keys or []],
                        catalogue,
                        language,
                    )
                ],
                carried=concern.carried_from_id is not None,
            )
        )
    order = judgement_rules.RATING_ORDER
    return sorted(views, key=lambda view: -order.index(view.rating_key) if view.rating_key else 1)


@dataclass(frozen=True)
class Table:
    caption: str
    corner: str
    columns: list[str]
    rows: list[tuple[str, list[str]]]


def matrix_table(language: str) -> Table:
    rules = judgement_rules.active()
    return Table(
        caption=_("How a concern’s rating is proposed: impact by likelihood"),
        corner=_("Impact"),
        columns=[choice.label.get(language) for choice in rules.likelihood],
        rows=[
            (
                choice.label.get(language),
                [rules.rating(cell).label.get(language) for cell in rules.matrix[choice.key]],
            )
            for choice in rules.impact
        ],
    )


def intervention_table(language: str) -> Table:
    rules = judgement_rules.active()
    return Table(
        caption=_(
            "How the intervention level is proposed: likelihood of reoffending by risk of serious harm"
        ),
        corner=_("Likelihood of reoffending"),
        columns=[choice.label.get(language) for choice in rules.ratings],
        rows=[
            (
                rules.rating(row).label.get(language),
                [rules.level(cell).label.get(language) for cell in cells],
            )
            for row, cells in rules.intervention.table.items()
        ],
    )


@dataclass(frozen=True)
class Made:
    judgement: Judgement
    rating: str
    proposed: str
    differs: bool
    by: str
    at: str
    carried_from: str  # the date of the stage it was carried from, until acted on in this one
    reconfirmed: bool = False  # last reconfirmed (rating kept) in this stage


def made_view(judgement: Judgement | None, kind: str, language: str) -> Made | None:
    if judgement is None:
        return None
    proposed = judgement.proposed
    carried = ""
    if judgement.carried_from is not None and not judgement.acted_in_stage:
        carried = _date(judgement.carried_from.started_at.date())
    return Made(
        judgement=judgement,
        rating=rating_label(kind, judgement.rating, language),
        proposed=proposed_label(kind, proposed, language),
        differs=proposals.needs_reason(kind, proposed, judgement.rating) if proposed else False,
        by=judgement.decided_by_name,
        at=_date(judgement.decided_at),
        carried_from=carried,
        reconfirmed=judgement.reconfirmed and judgement.acted_in_stage,
    )


@dataclass(frozen=True)
class Definition:
    rating: str
    definition: str
    example: str = ""


def risk_wording(kind: str, language: str) -> dict[str, Any]:
    """What a risk judgement's page says first and the definitions it shows: harm the child may
    cause others (the YJB's serious harm definitions) or harm to the child (safety and
    well-being's own), never the one for the other."""
    rules = judgement_rules.active()
    if kind == Kind.SAFETY_WELLBEING:
        wording = rules.safety_wellbeing
        return {
            "lead": wording.lead.get(language),
            "definitions_caption": _("What the ratings mean for safety and well-being"),
            "definitions": [
                Definition(
                    rules.rating(item.key).label.get(language),
                    item.definition.get(language),
                    item.example.get(language) if item.example else "",
                )
                for item in wording.ratings
            ],
            "harm": "",
            "serious_harm": "",
        }
    return {
        "lead": rules.serious_harm.lead.get(language),
        "definitions_caption": _(
            "What the ratings mean for risk of serious harm to others (YJB definitions)"
        ),
        "definitions": [
            Definition(
                choice.label.get(language),
                choice.definition.get(language) if choice.definition else "",
            )
            for choice in rules.ratings
        ],
        "harm": rules.harm_and_serious_harm.harm.get(language),
        "serious_harm": rules.harm_and_serious_harm.serious_harm.get(language),
    }


def proposal_moved_from(state: queries.JudgementState, language: str) -> str:
    """What the proposal was when the judgement was made, in words, if it has moved since
    (reoffending: the model's band, as the band moving is what moved it)."""
    made = state.judgement
    if made is None or made.proposed == state.proposal.value:
        return ""
    if state.kind == Kind.REOFFENDING:
        was = (
            proposals.band_label(made.proposed, made.detail.get("band_label"), language)
            if made.proposed
            else ""
        )
        now = (
            proposals.band_label(
                state.proposal.value, state.proposal.detail.get("band_label"), language
            )
            if state.proposal.value
            else ""
        )
        if was and now:
            return _("The model’s band was %(was)s when it was made and is %(now)s now.") % {
                "was": was,
                "now": now,
            }
    was = proposed_label(state.kind, made.proposed, language) or _("no proposal")
    now = proposed_label(state.kind, state.proposal.value, language) or _("no proposal")
    return _("The proposal was %(was)s when it was made and is %(now)s now.") % {
        "was": was,
        "now": now,
    }


def judgement_page(
    stage: Stage,
    found: queries.StageJudgements,
    state: queries.JudgementState,
    catalogue: Catalogue,
    language: str,
) -> dict[str, Any]:
    rules = judgement_rules.active()
    changes = change_lines(stage, state.changes, catalogue, language)
    page: dict[str, Any] = {
        "kind": state.kind,
        "title": Kind(state.kind).label,
        "made": made_view(state.judgement, state.kind, language),
        "changes": changes,
        # An optional judgement (a light stage's) may be left as it was: it says so instead.
        "stale_note": ""
        if found.required or not state.to_reconfirm
        else stale_note([line.label for line in changes]),
        "proposal": proposal_label(state, language),
        "required": found.required,
        # Reconfirming asks why the rating still holds when the proposal moved under it.
        "reconfirm_needs_reason": state.judgement is not None
        and proposals.reconfirming_needs_reason(
            state.kind, state.judgement.proposed, state.proposal.value, state.judgement.rating
        ),
        "proposal_was": proposal_moved_from(state, language),
    }
    if state.kind == Kind.REOFFENDING:
        previous = None
        kept = queries.previous_score(stage)
        if kept is not None:
            previous = proposals.score_from_detail(kept)
        page["score"] = score_view(state.score, previous, language) if state.score else None
        page["cannot_score"] = state.cannot_score
        page["model_label"] = proposals.active_model().label_in(language)
        page["desistance"] = desistance.summarise(catalogue, found.facts.values, language)
        page["desistance_url"] = _question_url(stage, catalogue, desistance.QUESTION)
    elif state.kind in (Kind.SERIOUS_HARM, Kind.SAFETY_WELLBEING):
        page["concerns"] = concern_views(stage, state.concerns, catalogue, language)
        page.update(risk_wording(state.kind, language))
        page["matrix"] = matrix_table(language)
        page["add_url"] = reverse("judgements:concern-add", args=[stage.pk, state.kind])
    else:
        reoffending, serious_harm = found.facts.ratings_for_level
        made = {kind: s.is_made for kind, s in found.states.items()}
        page["level_inputs"] = [
            (
                str(Kind.REOFFENDING.label),
                rating_label(Kind.SERIOUS_HARM, reoffending, language),
                made.get(Kind.REOFFENDING, False),
            ),
            (
                str(Kind.SERIOUS_HARM.label),
                rating_label(Kind.SERIOUS_HARM, serious_harm, language),
                made.get(Kind.SERIOUS_HARM, False),
            ),
        ]
        page["levels"] = [
            (
                choice.label.get(language),
                choice.definition.get(language) if choice.definition else "",
            )
            for choice in rules.intervention.levels
        ]
        page["table"] = intervention_table(language)
    return page


def conflict(current: Judgement | None, language: str) -> dict[str, str] | None:
    if current is None:
        return None
    return {
        "by": current.decided_by_name,
        "at": _date(current.decided_at),
        "rating": rating_label(current.kind, current.rating, language),
        "reason": current.reason,
    }


def concern_conflict(current: Concern, language: str) -> dict[str, str]:
    rules = judgement_rules.active()
    return {
        "by": current.updated_by.display_name if current.updated_by else "",
        "at": _date(current.updated_at),
        "what": current.what,
        "impact": rules.label("impact", current.impact, language),
        "likelihood": rules.label("likelihood", current.likelihood, language),
        "evidence": current.evidence,
    }


def answer_choices(
    stage: Stage, judgement: str, language: str, initial: dict[str, Any] | None
) -> list[tuple[str, str]]:
    """Answers a concern may rest on: the stage's answered questions that feed this judgement,
    and any already linked."""
    catalogue = catalogues.load(stage.catalogue_version)
    values = assessment_queries.values_of(stage)
    fed = set(basis.fed_keys(catalogue, stage.stage_type, stage.depth, judgement))
    linked = set((initial or {}).get("answer_keys") or [])
    return [
        (question.key, question.label.get(language))
        for section in catalogue.sections
        for question in section.questions
        if (question.key in fed and values.get(question.key) not in (None, "", []))
        or question.key in linked
    ]


@dataclass(frozen=True)
class ModelView:
    label: str
    title: str
    source: str
    is_default: bool
    loaded: ScoringModelFile | None
    model: scoring.ScoringModel


def model_view(language: str) -> ModelView:
    active = ScoringModelFile.objects.filter(is_active=True).select_related("loaded_by").first()
    model = proposals.active_model()
    return ModelView(
        label=model.label_in(language),
        title=model.title,
        source=model.source,
        is_default=active is None,
        loaded=active,
        model=model,
    )
