"""The shapes the API reads and writes. Codes are the Core Record's own (and OGRS3's)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Literal

from ninja import Schema
from pydantic import ConfigDict, Field

from cairn.records.models import Child, LifeEvent, Offence

# The codes come from the models, so the API can never drift from the Core Record.
if TYPE_CHECKING:
    OffenceCategory = str
    OutcomeType = str
    OffenceStatus = str
    LifeEventType = str
    LegalStatus = str
else:
    OffenceCategory = Literal[tuple(Offence.Category.values)]
    OutcomeType = Literal[tuple(Offence.Outcome.values)]
    OffenceStatus = Literal[tuple(Offence.Status.values)]
    LifeEventType = Literal[tuple(LifeEvent.Kind.values)]
    LegalStatus = Literal[tuple(Child.LegalStatus.values)]


class Created(Schema):
    id: int


class ChildCreated(Schema):
    id: int
    local_id: str
    likely_duplicates: list[int] = Field(
        description="Other children of the organisation with the same name and date of birth"
    )


class ChildIn(Schema):
    given_name: str = Field(min_length=1, max_length=100)
    family_name: str = Field(min_length=1, max_length=100)
    date_of_birth: dt.date
    sex: Literal["male", "female"]
    preferred_name: str = Field(default="", max_length=100)
    local_id: str = Field(default="", max_length=30)
    pnc_number: str = Field(default="", max_length=20)
    nhs_number: str = Field(default="", max_length=20)
    upn: str = Field(default="", max_length=20)


class ChildSummary(Schema):
    id: int
    local_id: str
    given_name: str
    family_name: str
    preferred_name: str
    date_of_birth: dt.date
    sex: str
    organisation: str
    legal_status: LegalStatus
    has_exploitation_concern: bool
    has_risk_to_staff: bool
    needs_interpreter: bool
    updated_at: dt.datetime

    @staticmethod
    def resolve_organisation(obj: Child | dict[str, object]) -> str:
        if isinstance(obj, dict):
            return str(obj["organisation"])
        return obj.organisation.name


class ChildOut(ChildSummary):
    middle_names: str | None = None
    gender_identity: str | None = None
    ethnicity: str | None = None
    religion: str | None = None
    first_language: str | None = None
    interpreter_language: str | None = None
    nationality: str | None = None
    pnc_number: str | None = None
    nhs_number: str | None = None
    upn: str | None = None
    looked_after: str | None = None
    social_worker_name: str | None = None
    bail_conditions: str | None = None
    next_court_date: dt.date | None = None
    custody_establishment: str | None = None
    version: int
    access: Literal["summary", "read", "edit"]


class ChildChange(Schema):
    """A change to the child's personal details, based on the version the caller read."""

    model_config = ConfigDict(extra="forbid")

    date_of_birth: dt.date = Field(
        description="Refused (422, naming them) when any recorded offence would fall before the "
        "tenth birthday this date gives"
    )
    version: int = Field(
        description="The personal details' version, exactly as GET /api/v1/children/{id} "
        "returns it in `version`; 409 if someone changed them since"
    )


class ChildConflict(Schema):
    detail: str
    current: ChildOut = Field(description="The child as saved now, with the current `version`")


class OffenceIn(Schema):
    offence_date: dt.date
    description: str = Field(min_length=1, max_length=300)
    category: OffenceCategory
    is_primary: bool = False
    outcome_type: OutcomeType | Literal[""] | None = Field(
        default=None,
        description="Leave out (or empty) for a charge awaiting its outcome: it is then alleged. "
        "`acquitted`, `withdrawn`, `dismissed`, `no_further_action`, `outcome_21` and "
        "`outcome_22` prove nothing and are never sanctions",
    )
    outcome_date: dt.date | None = None
    court: str = Field(default="", max_length=120)
    notes: str = ""


class OffenceOut(Schema):
    id: int
    offence_date: dt.date
    description: str
    category: str
    is_primary: bool
    outcome_type: str
    outcome_date: dt.date | None
    court: str
    status: OffenceStatus = Field(
        description="Whether the offence is proven, from its outcome: `alleged` (no outcome yet: "
        "a charge awaiting trial or decision), `proven` (a caution, conditional caution or court "
        "outcome after conviction, or a community resolution, which the child admits), "
        "`not_proven` (acquitted, withdrawn, dismissed, no further action) or `diverted` (police "
        "outcome 21 or 22: no conviction or caution). Only `proven` offences can be sanctions "
        "and end a period without offending"
    )
    version: int


class LifeEventIn(Schema):
    date: dt.date
    event_type: LifeEventType
    description: str = Field(min_length=1, max_length=5000)


class LifeEventOut(Schema):
    id: int
    date: dt.date
    event_type: str
    description: str
    version: int
