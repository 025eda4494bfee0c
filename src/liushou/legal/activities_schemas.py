"""Request and response bodies of /legal-activities, the legal service log (docs/legal.md,
"Legal service log")."""

from __future__ import annotations

import uuid
from typing import Annotated

from pydantic import Field, StrictInt, StringConstraints

from liushou.api.params import Day, ShownDay
from liushou.api.schemas import MULTI_LINE, RequestBody, ResourceRead
from liushou.legal.enums import LegalActivityMode, LegalActivityType

AdvisorId = Annotated[
    uuid.UUID, Field(description="The advisor who served (a legal_advisor login: its own)")
]
VillageId = Annotated[uuid.UUID, Field(description="A village under that advisor's contract")]
HeldOn = Annotated[Day, Field(description="Not in the future (Asia/Shanghai)")]
Minutes = Annotated[StrictInt, Field(ge=1, le=1440, description="1 to 1440 (one day)")]
Attendees = Annotated[StrictInt, Field(ge=0, le=100000, description="People present (≥ 0)")]
PersonId = Annotated[
    uuid.UUID,
    Field(
        description="A person on the register living in the village; a consultation, "
        "mediation, petition assistance or case representation also records the person's "
        "service record"
    ),
]
Summary = Annotated[str, StringConstraints(min_length=1, max_length=2000), MULTI_LINE]
Outcome = Annotated[str, StringConstraints(max_length=2000), MULTI_LINE]


class LegalActivityCreate(RequestBody):
    advisor_id: AdvisorId
    region_id: VillageId
    type: LegalActivityType
    mode: LegalActivityMode
    held_on: HeldOn
    duration_minutes: Minutes
    attendees: Attendees = 0
    person_id: PersonId | None = None
    summary: Summary
    outcome: Outcome | None = None


class LegalActivityUpdate(RequestBody):
    """PATCH: only the fields given change (``person_id``/``outcome`` null clear them)."""

    advisor_id: AdvisorId | None = None
    region_id: VillageId | None = None
    type: LegalActivityType | None = None
    mode: LegalActivityMode | None = None
    held_on: HeldOn | None = None
    duration_minutes: Minutes | None = None
    attendees: Attendees | None = None
    person_id: PersonId | None = None
    summary: Summary | None = None
    outcome: Outcome | None = None


class LegalActivityRead(ResourceRead):
    advisor_id: uuid.UUID
    contract_id: uuid.UUID = Field(
        description="The advisor's contract that covered the village on held_on (read-only)"
    )
    region_id: uuid.UUID
    type: LegalActivityType
    mode: LegalActivityMode
    held_on: ShownDay
    duration_minutes: int
    attendees: int
    person_id: uuid.UUID | None = Field(description="Only the id: never the person's data")
    summary: str
    outcome: str | None
    created_by: str
