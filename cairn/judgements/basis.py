"""What a judgement rests on, and what has changed since it was made.

When a judgement is made it keeps its basis: a fingerprint of every answer that feeds it (the
catalogue's `feeds`, plus the answers its concerns link to) and the Core Record facts it used
(the score's inputs, the concerns, the child's alerts and legal status). Comparing that with
the basis now, in the same stage or a later one the judgement was carried into, gives the
reasons to reconfirm it. Fingerprints compare content, not row ids, so carrying a stage
forward changes nothing by itself.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from cairn.assessment import completion
from cairn.framework.catalogue import Catalogue
from cairn.judgements.models import Concern, Kind
from cairn.records.models import Child

FEEDS: dict[str, str] = {
    Kind.REOFFENDING: "judgement.likelihood_of_reoffending",
    Kind.SERIOUS_HARM: "judgement.serious_harm",
    Kind.SAFETY_WELLBEING: "judgement.safety_wellbeing",
}


def fingerprint(value: Any) -> str:
    text = json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def fed_keys(catalogue: Catalogue, stage_type: str, stage_depth: str, kind: str) -> list[str]:
    """Questions of the stage's sections that feed this judgement, in catalogue order."""
    feed = FEEDS.get(kind)
    if feed is None:
        return []
    return [
        question.key
        for section, _depth in completion.stage_sections(catalogue, stage_type, stage_depth)
        for question in section.questions
        if feed in question.feeds
    ]


def concern_content(concern: Concern) -> dict[str, Any]:
    return {
        "what": concern.what,
        "to_whom": concern.to_whom,
        "to_whom_detail": concern.to_whom_detail,
        "impact": concern.impact,
        "likelihood": concern.likelihood,
        "imminence": concern.imminence,
        "evidence": concern.evidence,
        "answer_keys": sorted(concern.answer_keys or []),
    }


def _record_facts(child: Child) -> dict[str, str]:
    return {
        "legal_status": child.legal_status or "",
        "looked_after": child.looked_after or "",
        "exploitation_concern": "yes" if child.has_exploitation_concern else "no",
        "risk_to_staff": "yes" if child.has_risk_to_staff else "no",
    }


@dataclass(frozen=True)
class StageFacts:
    """Everything the bases of one stage's judgements are computed from, loaded once."""

    catalogue: Catalogue
    stage_type: str
    stage_depth: str
    values: dict[str, Any]
    child: Child
    concerns: list[Concern]
    score_detail: dict[str, Any]  # proposals.score_detail, or {"reasons": [...]}
    ratings_for_level: tuple[str, str]  # (likelihood of reoffending, risk of serious harm)

    def concerns_of(self, kind: str) -> list[Concern]:
        return [concern for concern in self.concerns if concern.judgement == kind]


def basis_of(facts: StageFacts, kind: str) -> dict[str, Any]:
    keys = set(fed_keys(facts.catalogue, facts.stage_type, facts.stage_depth, kind))
    concerns = facts.concerns_of(kind)
    for concern in concerns:
        keys.update(concern.answer_keys or [])
    found: dict[str, str] = {}
    if kind == Kind.REOFFENDING:
        detail = facts.score_detail
        if "inputs" in detail:
            found.update({name: str(value) for name, value in detail["inputs"].items()})
            found.pop("assessed_on", None)
            found["model"] = f"{detail['model']['name']} {detail['model']['version']}"
            found["band"] = detail["band"]
            found["percent_2_years"] = str(detail["percent_2_years"])
        else:
            # Not the reasons themselves: they name the stage's date, which moves daily while
            # the stage is open. Becoming scorable changes the facts, and that is what counts.
            found["cannot_score"] = "yes"
    elif kind in (Kind.SERIOUS_HARM, Kind.SAFETY_WELLBEING):
        found.update(_record_facts(facts.child))
        found["concerns"] = fingerprint(
            sorted(
                (concern_content(c) for c in concerns), key=lambda c: json.dumps(c, sort_keys=True)
            )
        )
    elif kind == Kind.INTERVENTION_LEVEL:
        reoffending, serious_harm = facts.ratings_for_level
        found["reoffending_rating"] = reoffending
        found["serious_harm_rating"] = serious_harm
    return {
        "answers": {key: fingerprint(facts.values.get(key)) for key in sorted(keys)},
        "values": {key: shown(facts.values.get(key)) for key in sorted(keys)},
        "facts": found,
    }


SHOWN_TEXT = 200  # characters of a typed answer kept to say what it was


def shown(value: Any) -> Any:
    """An answer as kept with the basis, to say later what it was before it changed: a short
    choice, date or number whole, a typed answer's beginning, and nothing of a list of items
    (None: "changed" is all a reader is told). Never compared: the fingerprints are."""
    if isinstance(value, str):
        return value[:SHOWN_TEXT]
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return [item[:SHOWN_TEXT] for item in value]
    return None


@dataclass(frozen=True)
class Change:
    """One thing a judgement rested on that is different now.

    For a fact, `old` and `new` are its values as text. For an answer, `was` and `now` are the
    answer before and after as kept (see `shown`); `was_kept` is False for a judgement made
    before Cairn kept them, or when the answer was too long to keep."""

    kind: str  # "answer" or "fact"
    name: str  # the question key or the fact's name
    old: str = ""
    new: str = ""
    # What an answer was and is, to show; not what makes two changes the same.
    was: Any = field(default=None, compare=False)
    now: Any = field(default=None, compare=False)
    was_kept: bool = field(default=False, compare=False)
    now_kept: bool = field(default=False, compare=False)


def changes(saved: dict[str, Any], now: dict[str, Any]) -> list[Change]:
    """What differs between the basis a judgement was made on and the basis now."""
    found = []
    saved_answers, now_answers = saved.get("answers", {}), now.get("answers", {})
    saved_values, now_values = saved.get("values", {}), now.get("values", {})
    unanswered = fingerprint(None)
    # Only what the judgement rests on now: an answer that is no longer fed to it (a stage type
    # asking fewer sections) has not changed by leaving the list.
    for key in sorted(now_answers):
        before, after = saved_answers.get(key, unanswered), now_answers.get(key, unanswered)
        if before != after:
            was, is_now = saved_values.get(key), now_values.get(key)
            found.append(
                Change(
                    "answer",
                    key,
                    was=was,
                    now=is_now,
                    # unanswered (fingerprinted as None), or short enough to keep
                    was_kept=before == unanswered or (key in saved_values and was is not None),
                    now_kept=after == unanswered or is_now is not None,
                )
            )
    saved_facts, now_facts = saved.get("facts", {}), now.get("facts", {})
    for name in sorted(set(saved_facts) | set(now_facts)):
        old, new = saved_facts.get(name, ""), now_facts.get(name, "")
        if old != new:
            found.append(Change("fact", name, old, new))
    return found


def keys_of(changes_found: Iterable[Change]) -> set[str]:
    return {change.name for change in changes_found if change.kind == "answer"}
