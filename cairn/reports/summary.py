"""The one-page summary of a child for other professionals: a social worker, a court, a
secure establishment.

`summary_for(child, access, …)` gathers everything the page shows into a `Summary`, in the
language active when it is called (labels from the catalogue, the judgement rules and the
scoring model are resolved then): who the child is, the assessment stage it speaks for,
strengths, key concerns, the three judgements with the reoffending score's model named, the
intervention level and the key contacts. It holds the full texts; `fit(summary, limits)` is
pure and shortens them (with an ellipsis) and caps the lists, so the document fits one A4 page.
The PDF view fits with `NORMAL` first and falls back to `COMPACT`, then `TIGHT`.

The stage it speaks for is the most recent one (cancelled stages aside) with any judgement
made, else the most recent one; with no stage, the summary still shows the Core Record parts
and says no assessment has been made yet.

What each level of access sees (records.access.Access):

- SUMMARY (a partner agency holding a summary grant) sees the whole summary, but only what a
  partner needs to work with the child: alerts by name without their notes (as the record's
  header shows them), each concern's "to whom" as its category without the few words that can
  name a third party, no identifiers beyond the service's local ID, parents' and carers' names
  and relationship without their phone numbers, and no links into the record. It shows
  whether a child protection or child in need plan is in place, never the National Referral
  Mechanism or MAPPA.
- READ and EDIT (the child's own service, a secure establishment or placements team with a
  grant) also see the alerts' notes, who a concern is about, the PNC ID, family phone numbers
  and a link to the stage, and the NRM referral and decisions and the MAPPA category and
  level (records.safeguarding).

Nobody sees a concern's evidence or the assessment's answers beyond the few strengths quoted:
those stay in the stage, behind READ access.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from django.db.models import Exists, OuterRef
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from cairn.assessment import queries as assessment_queries
from cairn.assessment.models import Stage
from cairn.framework import catalogue as catalogues
from cairn.framework.catalogue import Catalogue
from cairn.judgements import desistance, proposals
from cairn.judgements import presenters as judgement_presenters
from cairn.judgements import queries as judgement_queries
from cairn.judgements import rules as judgement_rules
from cairn.judgements.models import Concern, Judgement, Kind
from cairn.records import presenters as record_presenters
from cairn.records import safeguarding, terms
from cairn.records.access import Access, may_see
from cairn.records.models import Address, Child, Contact, Education

# Foundations-for-change answers quoted as strengths, in this order.
FOUNDATIONS = (
    "foundations_for_change.strengths",
    "foundations_for_change.goals",
    "foundations_for_change.resilience",
)
ENGAGEMENT = "foundations_for_change.engagement"
CUSTODY_STATUSES = {Child.LegalStatus.REMAND_YDA, Child.LegalStatus.CUSTODY}
LOOKED_AFTER = {
    Child.LookedAfter.SECTION_20,
    Child.LookedAfter.CARE_ORDER,
    Child.LookedAfter.REMAND,
}
JUDGEMENT_KINDS = (Kind.REOFFENDING, Kind.SERIOUS_HARM, Kind.SAFETY_WELLBEING)


def language() -> str:
    return "cy" if (translation.get_language() or "").startswith("cy") else "en"


def _in_language(label: Any, lang: str) -> str:
    """A label kept as {"en": …, "cy": …} (model and band labels in a score's detail)."""
    if isinstance(label, dict):
        return str((label.get("cy") if lang == "cy" else None) or label.get("en") or "")
    return str(label or "")


# What the page shows ----------------------------------------------------------------------


@dataclass(frozen=True)
class Fact:
    label: str
    value: str


@dataclass(frozen=True)
class AlertLine:
    text: str
    detail: str = ""


@dataclass(frozen=True)
class StageInfo:
    stage_id: int
    title: str
    status: str
    is_draft: bool
    date_label: str  # "Completed", "Started", "Stopped"
    date: dt.date


@dataclass(frozen=True)
class Strength:
    factor: str
    strength: str


@dataclass(frozen=True)
class Quote:
    label: str
    text: str


@dataclass(frozen=True)
class ConcernLine:
    what: str
    to_whom: str
    rating_key: str
    rating: str
    imminence: str


@dataclass(frozen=True)
class ScoreLine:
    """The reoffending score, shown only beside the practitioner's rating and with its caveat
    (the model named, indicative). `band` is the model's own band, kept for the API and the
    judgement page; the summary never shows it, as it is not the judgement."""

    model_label: str
    model_title: str
    percent_1_year: int
    percent_2_years: int
    band: str


@dataclass(frozen=True)
class JudgementLine:
    kind: str
    title: str
    state: str  # "made", "not_made", "not_in_stage"
    rating_key: str = ""
    rating: str = ""
    proposed: str = ""
    differs: bool = False
    reason: str = ""
    basis: str = ""  # why the proposal is what it is, where there is no reason
    to_reconfirm: bool = False
    score: ScoreLine | None = None
    cannot_score: str = ""
    stale_note: str = ""  # an optional judgement left as it was: "made before … changed; …"

    @property
    def is_made(self) -> bool:
        return self.state == "made"


@dataclass(frozen=True)
class ContactLine:
    role: str
    name: str
    detail: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class Summary:
    child_id: int
    name: str
    known_as: str
    date_of_birth: dt.date
    age: int
    local_id: str
    organisation: str
    produced_on: dt.date
    produced_by: str
    produced_for: str  # the organisation of the person who produced it
    is_full: bool  # READ access or more: see the module's docstring
    facts: list[Fact]
    alerts: list[AlertLine]
    stage: StageInfo | None
    strengths: list[Strength]
    quotes: list[Quote]
    concerns: list[ConcernLine]
    judgements: list[JudgementLine]
    intervention: JudgementLine | None
    contacts: list[ContactLine]
    # Set once plans exist; the page shows nothing for it until then.
    plan_headline: str = ""
    more_strengths: int = 0
    more_concerns: int = 0
    more_contacts: int = 0
    density: str = "normal"

    @property
    def has_judgements(self) -> bool:
        return any(line.state != "not_in_stage" for line in self.judgements)


# Shortening -------------------------------------------------------------------------------


def shorten(text: str, limit: int) -> str:
    """The text on one line, cut at a word within `limit` characters, ending with "…"."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if text[limit - 1] != " " and space >= limit * 0.6:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-–—(") + "…"


@dataclass(frozen=True)
class Limits:
    """How much of each text and list the page shows."""

    name: str
    fact: int
    alert: int
    factor: int
    quote: int
    concern: int
    reason: int
    contact_detail: int
    strengths: int
    quotes: int
    concerns: int
    contacts: int


NORMAL = Limits("normal", 90, 80, 110, 260, 150, 230, 60, 4, 3, 6, 8)
COMPACT = Limits("compact", 70, 60, 80, 170, 110, 160, 45, 3, 2, 5, 7)
TIGHT = Limits("tight", 50, 40, 60, 100, 80, 100, 35, 3, 1, 4, 5)
DENSITIES = (NORMAL, COMPACT, TIGHT)


def fit(summary: Summary, limits: Limits = NORMAL) -> Summary:
    """The summary with every text shortened and every list capped to the limits."""
    strengths = [
        replace(item, factor=shorten(item.factor, limits.factor)) for item in summary.strengths
    ]
    quotes = [replace(item, text=shorten(item.text, limits.quote)) for item in summary.quotes]
    concerns = [
        replace(item, what=shorten(item.what, limits.concern), to_whom=shorten(item.to_whom, 60))
        for item in summary.concerns
    ]
    contacts = [
        replace(
            item,
            name=shorten(item.name, 50),
            detail=shorten(item.detail, limits.contact_detail),
            email=item.email if len(item.email) <= 60 else "",
        )
        for item in summary.contacts
    ]

    def judgement(line: JudgementLine | None) -> JudgementLine | None:
        if line is None:
            return None
        return replace(
            line,
            reason=shorten(line.reason, limits.reason),
            basis=shorten(line.basis, limits.reason),
            cannot_score=shorten(line.cannot_score, limits.reason),
        )

    return replace(
        summary,
        name=shorten(summary.name, 70),
        known_as=shorten(summary.known_as, 40),
        facts=[replace(fact, value=shorten(fact.value, limits.fact)) for fact in summary.facts],
        alerts=[
            replace(alert, detail=shorten(alert.detail, limits.alert)) for alert in summary.alerts
        ],
        strengths=strengths[: limits.strengths],
        more_strengths=summary.more_strengths + max(0, len(strengths) - limits.strengths),
        quotes=quotes[: limits.quotes],
        concerns=concerns[: limits.concerns],
        more_concerns=summary.more_concerns + max(0, len(concerns) - limits.concerns),
        judgements=[line for line in map(judgement, summary.judgements) if line is not None],
        intervention=judgement(summary.intervention),
        contacts=contacts[: limits.contacts],
        more_contacts=summary.more_contacts + max(0, len(contacts) - limits.contacts),
        density=limits.name,
    )


# Gathering ----------------------------------------------------------------------------------


def stage_spoken_for(child: Child) -> Stage | None:
    """The most recent stage with any judgement made, else the most recent; never a
    cancelled one (opened in error)."""
    stages = list(
        Stage.objects.filter(child=child)
        .exclude(status=Stage.Status.CANCELLED)
        .annotate(has_judgements=Exists(Judgement.objects.filter(stage=OuterRef("pk"))))
        .select_related("started_by")
        .order_by("-started_at", "-id")
    )
    if not stages:
        return None
    return next((stage for stage in stages if stage.has_judgements), stages[0])


def _stage_info(stage: Stage, catalogue: Catalogue, lang: str) -> StageInfo:
    try:
        title = catalogue.stage(stage.stage_type).label.get(lang)
    except StopIteration:
        title = stage.stage_type.replace("_", " ")
    if stage.status == Stage.Status.COMPLETED and stage.ended_at:
        date_label, when = _("Completed"), stage.ended_at
    elif stage.ended_at:
        date_label, when = _("Ended"), stage.ended_at
    else:
        date_label, when = _("Started"), stage.started_at
    return StageInfo(
        stage_id=stage.pk,
        title=title,
        status=str(stage.get_status_display()),
        is_draft=stage.status != Stage.Status.COMPLETED,
        date_label=date_label,
        date=timezone.localdate(when),
    )


def _current_address(child: Child) -> Address | None:
    today = timezone.localdate()
    for address in child.addresses.order_by("-from_date", "-id"):
        if address.from_date <= today and (address.to_date is None or address.to_date >= today):
            return address
    return None


def _education(child: Child) -> Education | None:
    try:
        return child.education
    except Education.DoesNotExist:
        return None


def _legal_status(child: Child, access: Access) -> str:
    legal = str(child.get_legal_status_display())
    if (
        may_see(access, "next_court_date")
        and child.next_court_date
        and child.next_court_date >= timezone.localdate()
    ):
        legal += "; " + _("next in court %(date)s") % {
            "date": formats.date_format(child.next_court_date, "j F Y")
        }
        if child.next_court and may_see(access, "next_court"):
            legal += f" ({child.next_court})"
    return legal


def _lives(child: Child, access: Access) -> str:
    """Where the child lives: the town only, never the street (a partner needs the area). With
    whom (a residential home, foster carers) is for READ access: for a summary grant it would
    tell looked-after status, which the summary's scope leaves out (records.access.may_see)."""
    if (
        child.legal_status in CUSTODY_STATUSES
        and child.custody_establishment
        and may_see(access, "custody_establishment")
    ):
        return _("In custody: %(place)s") % {"place": child.custody_establishment}
    address = _current_address(child)
    if address is None:
        return _("Not recorded")
    if not address.living_with or not may_see(access, "living_with"):
        return address.town
    return _("%(town)s, with %(people)s") % {
        "town": address.town,
        "people": address.living_with[:1].lower() + address.living_with[1:],
    }


def _education_text(education: Education) -> str:
    status = str(education.get_status_display())
    parts = [education.setting, status[:1].lower() + status[1:]] if education.setting else [status]
    if education.year_group:
        parts.append(education.year_group)
    if education.attendance_percent is not None:
        parts.append(_("%(percent)d%% attendance") % {"percent": education.attendance_percent})
    if education.sen not in {"", Education.Sen.NONE, Education.Sen.YET_TO_CLARIFY}:
        sen = terms.choice_of(education.child, education, "sen")
        parts.append(sen or str(education.get_sen_display()))
    return ", ".join(parts)


def _language_text(child: Child, access: Access) -> str:
    parts = (
        [child.first_language] if child.first_language and may_see(access, "first_language") else []
    )
    if child.needs_interpreter and may_see(access, "interpreter_language"):
        parts.append(
            _("needs an interpreter (%(language)s)") % {"language": child.interpreter_language}
        )
    elif child.needs_interpreter:
        parts.append(_("needs an interpreter"))
    if child.prefers_welsh:
        parts.append(_("prefers Welsh"))
    return ", ".join(parts)


def _facts(child: Child, education: Education | None, access: Access) -> list[Fact]:
    """The child's own details, each as far as the reader's access shows it (records.access
    .may_see: the overview and the API follow the same rule)."""
    facts = [
        Fact(_("Gender"), child.gender_identity)
        if child.gender_identity
        else Fact(_("Sex"), str(child.get_sex_display()))
    ]
    if child.pronouns:
        facts.append(Fact(_("Pronouns"), child.pronouns))
    facts.append(Fact(_("Legal status"), _legal_status(child, access)))
    if may_see(access, "looked_after"):
        looked_after = terms.choice_of(child, child, "looked_after") or str(
            child.get_looked_after_display()
        )
        if child.looked_after in LOOKED_AFTER and child.care_local_authority:
            looked_after += f" ({child.care_local_authority})"
        facts.append(Fact(_("Looked after"), looked_after))
    facts.append(Fact(_("Lives"), _lives(child, access)))
    if education is not None:
        facts.append(Fact(_("Education"), _education_text(education)))
    spoken = _language_text(child, access)
    if spoken:
        facts.append(Fact(_("Language"), spoken))
    if may_see(access, "pnc_number") and child.pnc_number:
        facts.append(Fact(_("PNC ID"), child.pnc_number))
    return facts


def _safeguarding_facts(child: Child, full: bool) -> list[Fact]:
    """Child protection or child in need, for every reader: a partner working with the child
    needs to know a plan is in place. Whether the child was referred to the National Referral
    Mechanism, and MAPPA, only for the child's own service and full grants: they say what may
    have been done to the child or what they did, beyond what a partner needs."""
    found = safeguarding.of(child)
    facts = []
    if found is not None and found.has_plan:
        facts.append(Fact(_("Child protection"), safeguarding.protection(child)))
    if full:
        nrm = safeguarding.nrm(child)
        if nrm:
            facts.append(Fact(_("NRM"), nrm))
        mappa = safeguarding.mappa(child)
        if mappa:
            facts.append(Fact(_("MAPPA"), mappa))
    return facts


def _strengths(
    values: dict[str, Any], catalogue: Catalogue, lang: str
) -> tuple[list[Strength], list[Quote]]:
    factors = desistance.summarise(catalogue, values, lang).supporting
    strengths = [Strength(factor.factor, factor.strength_label) for factor in factors]
    quotes = []
    headings = {
        "foundations_for_change.strengths": _("Strengths and interests"),
        "foundations_for_change.goals": _("Hopes for the future"),
        "foundations_for_change.resilience": _("What has helped before"),
    }
    for key in FOUNDATIONS:
        text = values.get(key)
        if isinstance(text, str) and text.strip():
            quotes.append(Quote(headings[key], text))
    engagement = values.get(ENGAGEMENT)
    found = catalogue.questions.get(ENGAGEMENT)
    if isinstance(engagement, str) and engagement and found is not None:
        label = next((o.label.get(lang) for o in found.choices() if o.value == engagement), "")
        if label:
            quotes.insert(0, Quote(_("Engagement so far"), label))
    return strengths, quotes


def _concerns(
    concerns: list[Concern], rules: judgement_rules.Rules, lang: str, full: bool
) -> list[ConcernLine]:
    lines = []
    for concern in concerns:
        rating_key = judgement_rules.concern_rating(
            rules, concern.impact, concern.likelihood, concern.imminence
        )
        to_whom = rules.label(f"to_whom.{concern.judgement}", concern.to_whom, lang)
        if full and concern.to_whom_detail:
            to_whom = f"{to_whom}: {concern.to_whom_detail}"
        lines.append(
            ConcernLine(
                what=concern.what,
                to_whom=to_whom,
                rating_key=rating_key,
                rating=rules.rating(rating_key).label.get(lang),
                imminence=rules.label("imminence", concern.imminence, lang),
            )
        )
    # Highest rated first; serious harm before safety and well-being at the same rating.
    order = judgement_rules.RATING_ORDER
    return sorted(
        lines,
        key=lambda line: -order.index(line.rating_key) if line.rating_key in order else 0,
    )


def _rating_label(kind: str, key: str, rules: judgement_rules.Rules, lang: str) -> str:
    if not key:
        return ""
    try:
        if kind == Kind.INTERVENTION_LEVEL:
            return rules.level(key).label.get(lang)
        return rules.rating(key).label.get(lang)
    except KeyError:
        return key


def _score(detail: dict[str, Any], lang: str) -> ScoreLine | None:
    if not detail or "model" not in detail or detail.get("percent_2_years") is None:
        return None
    model = detail.get("model") or {}
    return ScoreLine(
        model_label=_in_language(detail.get("model_label"), lang)
        or f"{model.get('name', '')} {model.get('version', '')}".strip(),
        model_title=f"{model.get('name', '')} {model.get('version', '')}".strip(),
        percent_1_year=int(detail.get("percent_1_year") or 0),
        percent_2_years=int(detail["percent_2_years"]),
        band=proposals.band_label(str(detail.get("band", "")), detail.get("band_label"), lang),
    )


def _judgement_line(
    kind: str,
    state: judgement_queries.JudgementState | None,
    rules: judgement_rules.Rules,
    lang: str,
    stale_note: str = "",
) -> JudgementLine:
    title = str(Kind(kind).label)
    if state is None:
        return JudgementLine(kind=kind, title=title, state="not_in_stage")
    judgement = state.judgement
    if judgement is not None:
        proposed_key, detail = judgement.proposed, judgement.detail or {}
    else:
        proposed_key, detail = state.proposal.value, state.proposal.detail or {}
    score = _score(detail, lang) if kind == Kind.REOFFENDING else None
    # Reoffending: the judgement is the practitioner's rating. The score is shown beside it
    # with its caveat; its band (an adult model's, for OGRS3) is never offered as the rating.
    proposed = "" if kind == Kind.REOFFENDING else _rating_label(kind, proposed_key, rules, lang)
    basis = ""
    if kind == Kind.INTERVENTION_LEVEL and detail.get("reoffending"):
        basis = _(
            "Proposed from likelihood of reoffending (%(reoffending)s) and risk of serious "
            "harm (%(harm)s)"
        ) % {
            "reoffending": _rating_label(Kind.REOFFENDING, detail["reoffending"], rules, lang),
            "harm": _rating_label(Kind.SERIOUS_HARM, detail.get("serious_harm", ""), rules, lang),
        }
    cannot_score = ""
    if kind == Kind.REOFFENDING and score is None:
        reasons = detail.get("reasons") or state.cannot_score
        cannot_score = "; ".join(str(reason) for reason in reasons)
    if judgement is None:
        return JudgementLine(
            kind=kind,
            title=title,
            state="not_made",
            proposed=proposed,
            basis=basis,
            score=score,
            cannot_score=cannot_score,
        )
    return JudgementLine(
        kind=kind,
        title=title,
        state="made",
        rating_key=judgement.rating,
        rating=_rating_label(kind, judgement.rating, rules, lang),
        proposed=proposed,
        differs=bool(proposed)
        and bool(proposed_key)
        and proposals.needs_reason(kind, proposed_key, judgement.rating),
        reason=judgement.reason,
        basis=basis,
        to_reconfirm=state.to_reconfirm,
        score=score,
        cannot_score=cannot_score,
        stale_note=stale_note,
    )


def _contacts(
    child: Child, stage: Stage | None, education: Education | None, full: bool
) -> list[ContactLine]:
    contacts = []
    manager = child.case_worker or (stage.started_by if stage is not None else None)
    if manager is not None:
        team = child.team.name if child.team_id and child.team else ""
        contacts.append(
            ContactLine(
                role=_("Case manager"),
                name=manager.display_name,
                detail=", ".join(part for part in [team, child.organisation.name] if part),
                email=manager.email,
            )
        )
    if child.social_worker_name:
        contacts.append(
            ContactLine(
                role=_("Social worker"),
                name=child.social_worker_name,
                detail=child.social_worker_team or child.care_local_authority,
                phone=child.social_worker_phone,
                email=child.social_worker_email,
            )
        )
    people = list(child.contacts.order_by("id"))
    for person in people:
        if not person.has_parental_responsibility:
            continue
        relationship = str(person.get_relationship_display())
        detail = _("parental responsibility")
        if person.lives_with_child:
            detail += ", " + _("lives with the child")
        contacts.append(
            ContactLine(
                role=relationship,
                name=person.name,
                detail=detail,
                phone=person.phone if full else "",
            )
        )
    if education is not None and education.setting:
        contacts.append(
            ContactLine(
                role=_("School, college or employer"),
                name=education.setting,
                detail=education.year_group,
            )
        )
    for person in people:
        if person.relationship != Contact.Relationship.PROFESSIONAL:
            continue
        if child.social_worker_name and person.name == child.social_worker_name:
            continue
        contacts.append(
            ContactLine(
                role=_("Professional"),
                name=person.name,
                detail=person.relationship_detail,
                phone=person.phone,
                email=person.email,
            )
        )
    return contacts


def summary_for(
    child: Child,
    access: Access,
    *,
    produced_by: str = "",
    produced_for: str = "",
    on: dt.date | None = None,
) -> Summary:
    """Everything the one-page summary shows, in full, in the active language."""
    lang = language()
    full = access >= Access.READ
    rules = judgement_rules.active()
    stage = stage_spoken_for(child)
    education = _education(child)
    stage_info: StageInfo | None = None
    strengths: list[Strength] = []
    quotes: list[Quote] = []
    concerns: list[ConcernLine] = []
    judgements = [
        JudgementLine(kind, str(Kind(kind).label), "not_in_stage") for kind in JUDGEMENT_KINDS
    ]
    intervention: JudgementLine | None = None
    if stage is not None:
        catalogue = catalogues.load(stage.catalogue_version)
        stage_info = _stage_info(stage, catalogue, lang)
        values = assessment_queries.values_of(stage)
        strengths, quotes = _strengths(values, catalogue, lang)
        found = judgement_queries.review(stage, values)
        concerns = _concerns(
            [
                concern
                for state in found
                for concern in state.concerns
                if state.kind in (Kind.SERIOUS_HARM, Kind.SAFETY_WELLBEING)
            ],
            rules,
            lang,
            full,
        )
        judgements = [
            _judgement_line(
                kind,
                found.states.get(kind),
                rules,
                lang,
                judgement_presenters.stale_note_of(found, kind, catalogue, lang),
            )
            for kind in JUDGEMENT_KINDS
        ]
        if Kind.INTERVENTION_LEVEL in found.states:
            intervention = _judgement_line(
                Kind.INTERVENTION_LEVEL, found.states[Kind.INTERVENTION_LEVEL], rules, lang
            )
    alerts = [
        AlertLine(alert.text, alert.detail if full else "")
        for alert in record_presenters.alerts(child, access)
    ]
    today = on or timezone.localdate()
    return Summary(
        child_id=child.pk,
        name=child.full_name,
        known_as=child.preferred_name
        if child.preferred_name and child.preferred_name != child.given_name
        else "",
        date_of_birth=child.date_of_birth,
        age=child.age_on(today),
        local_id=child.local_id,
        organisation=child.organisation.name,
        produced_on=today,
        produced_by=produced_by,
        produced_for=produced_for,
        is_full=full,
        facts=_facts(child, education, access) + _safeguarding_facts(child, full),
        alerts=alerts,
        stage=stage_info,
        strengths=strengths,
        quotes=quotes,
        concerns=concerns,
        judgements=judgements,
        intervention=intervention,
        contacts=_contacts(child, stage, education, full),
    )
