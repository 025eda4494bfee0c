"""Request and response bodies of /legal-contracts (docs/legal.md, "Contracts")."""

from __future__ import annotations

import uuid
from typing import Annotated

from pydantic import AfterValidator, Field, StrictInt
from pydantic_core import PydanticCustomError

from liushou.api.params import Day, ShownDay
from liushou.api.schemas import RequestBody, ResourceRead
from liushou.legal.enums import ContractStatus


def _distinct(ids: list[uuid.UUID]) -> list[uuid.UUID]:
    if len(set(ids)) != len(ids):
        raise PydanticCustomError("duplicate_items", "each village may be named once")
    return ids


# A contract names a handful of villages (an advisor serves at most
# LIUSHOU_ADVISOR_MAX_VILLAGES at once); 100 leaves room for a larger setting.
RegionIds = Annotated[
    list[uuid.UUID],
    Field(min_length=1, max_length=100, description="Villages of the caller's area, each once"),
    AfterValidator(_distinct),
]
WeeklyTarget = Annotated[
    StrictInt, Field(ge=0, le=100, description="Legal activities a week the advisor owes")
]
OnsiteTarget = Annotated[
    StrictInt,
    Field(ge=0, le=44640, description="Minutes on site a month, per village"),
]
LawFirmId = Annotated[
    uuid.UUID, Field(description="The contracting party: a law_firm or grassroots_legal_service")
]
AdvisorId = Annotated[uuid.UUID, Field(description="Who serves: an advisor of that firm")]
StartsOn = Annotated[Day, Field(description="The first day covered")]
EndsOn = Annotated[Day, Field(description="The last day covered; after starts_on")]


class ContractCreate(RequestBody):
    """A contract. ``terminated_on`` is set by ``/terminate`` only."""

    law_firm_id: LawFirmId
    advisor_id: AdvisorId
    region_ids: RegionIds
    starts_on: StartsOn
    ends_on: EndsOn
    signed_on: Day | None = None
    weekly_activity_target: WeeklyTarget = 2
    monthly_onsite_minutes_target: OnsiteTarget = 240


class ContractUpdate(RequestBody):
    law_firm_id: LawFirmId | None = None
    advisor_id: AdvisorId | None = None
    region_ids: RegionIds | None = None
    starts_on: StartsOn | None = None
    ends_on: EndsOn | None = None
    signed_on: Day | None = None
    weekly_activity_target: WeeklyTarget | None = None
    monthly_onsite_minutes_target: OnsiteTarget | None = None


class ContractTerminate(RequestBody):
    terminated_on: Day = Field(
        description="The first day no longer covered; not after ends_on. May lie ahead."
    )


class ContractRenew(RequestBody):
    ends_on: Day = Field(description="The new contract's last day")
    signed_on: Day | None = None


class ContractRead(ResourceRead):
    law_firm_id: uuid.UUID
    advisor_id: uuid.UUID
    region_ids: list[uuid.UUID]
    starts_on: ShownDay
    ends_on: ShownDay
    signed_on: ShownDay | None
    terminated_on: ShownDay | None
    weekly_activity_target: int
    monthly_onsite_minutes_target: int
    status: ContractStatus = Field(description="From the dates, as of today (Asia/Shanghai)")
    renews_id: uuid.UUID | None = Field(description="The contract this one renews")
