"""Request and response bodies for caretakers, assignments and visits."""

from __future__ import annotations

import uuid
from typing import Annotated

from pydantic import BaseModel, Field, StrictInt, StringConstraints

from liushou.api.params import Day, ShownDay
from liushou.api.schemas import MULTI_LINE, RequestBody, ResourceRead
from liushou.guardianship.models import (
    AssignmentRole,
    CaretakerKind,
    VisitMode,
    VisitNeed,
    VisitRiskLevel,
)

# RequestBody refuses control characters; findings may span lines (see docs/registry.md).
Name = Annotated[str, StringConstraints(min_length=1, max_length=100)]
Reason = Annotated[str, StringConstraints(min_length=1, max_length=200)]
Findings = Annotated[str, StringConstraints(max_length=2000), MULTI_LINE]
MobileIn = Annotated[
    str,
    StringConstraints(min_length=11, max_length=24),
    Field(
        description="Mainland mobile; +86, spaces and hyphens are stripped; write-only "
        "(reads show phone_masked, POST /caretakers/{id}/reveal the number)",
        examples=["138 1234 5678"],
    ),
]
IntervalDays = Annotated[StrictInt, Field(ge=1, le=366, description="Days between visits")]


# --- caretakers ------------------------------------------------------------------------


class CaretakerCreate(RequestBody):
    name: Name
    phone: MobileIn | None = None
    kind: CaretakerKind
    organization_id: uuid.UUID | None = None
    region_id: uuid.UUID = Field(description="The caretaker's village or township")
    user_id: uuid.UUID | None = Field(
        default=None, description="The login account of this caretaker (at most one caretaker)"
    )


class CaretakerUpdate(RequestBody):
    name: Name | None = None
    phone: MobileIn | None = None
    kind: CaretakerKind | None = None
    organization_id: uuid.UUID | None = None
    region_id: uuid.UUID | None = None
    user_id: uuid.UUID | None = None


class CaretakerRead(ResourceRead):
    name: str
    phone_masked: str | None = Field(
        description="138****5678; the clear number only through POST /caretakers/{id}/reveal"
    )
    kind: CaretakerKind
    organization_id: uuid.UUID | None
    region_id: uuid.UUID
    user_id: uuid.UUID | None


class CaretakerRevealed(BaseModel):
    phone: str | None


# --- assignments -----------------------------------------------------------------------


class AssignmentCreate(RequestBody):
    person_id: uuid.UUID
    caretaker_id: uuid.UUID
    role: AssignmentRole
    visit_interval_days: IntervalDays | None = Field(
        default=None,
        description="Default by the person: child 30, woman 90, elder by risk tier (high 7, "
        "key 30, general 90), unattended child 1 (configurable)",
    )
    starts_on: Day | None = Field(default=None, description="Default today; not in the future")
    ends_on: Day | None = None
    end_reason: Reason | None = None


class AssignmentUpdate(RequestBody):
    """Change the interval, or end the assignment (an ended one changes no more)."""

    visit_interval_days: IntervalDays | None = None
    ends_on: Day | None = None
    end_reason: Reason | None = None


class _CareRead(ResourceRead):
    """A row between a person and a caretaker: an assignment, a visit."""

    person_id: uuid.UUID
    caretaker_id: uuid.UUID


class AssignmentRead(_CareRead):
    role: AssignmentRole
    visit_interval_days: int
    starts_on: ShownDay
    ends_on: ShownDay | None
    end_reason: str | None
    active: bool = Field(description="Not ended")
    last_visited_on: ShownDay | None = Field(description="The person's latest visit")
    next_visit_due: ShownDay | None = Field(
        description="Latest visit (or starts_on when none) plus the interval; null once ended"
    )
    overdue: bool = Field(description="Active and next_visit_due is before today")


class PrimaryContactHandover(RequestBody):
    caretaker_id: uuid.UUID
    reason: Reason | None = Field(
        default=None, description="end_reason of the primary contact being replaced"
    )
    visit_interval_days: IntervalDays | None = None


# --- visits ----------------------------------------------------------------------------


class VisitCreate(RequestBody):
    person_id: uuid.UUID
    caretaker_id: uuid.UUID | None = Field(
        default=None,
        description="Who visited; defaults to the caller's own caretaker record",
    )
    visited_on: Day = Field(description="Not in the future (Asia/Shanghai)")
    mode: VisitMode
    findings: Findings | None = None
    needs: list[VisitNeed] = Field(default_factory=list, max_length=7)
    risk_level: VisitRiskLevel = VisitRiskLevel.normal
    next_visit_due: Day | None = Field(
        default=None,
        description="The visitor's planned next visit; default visited_on plus the interval "
        "of the person's primary contact",
    )


class VisitUpdate(RequestBody):
    visited_on: Day | None = None
    mode: VisitMode | None = None
    findings: Findings | None = None
    needs: list[VisitNeed] | None = Field(default=None, max_length=7)
    risk_level: VisitRiskLevel | None = None
    next_visit_due: Day | None = None


class VisitRead(_CareRead):
    visited_on: ShownDay
    mode: VisitMode
    findings: str | None
    needs: list[VisitNeed]
    risk_level: VisitRiskLevel
    next_visit_due: ShownDay
