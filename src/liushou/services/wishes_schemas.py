"""Request and response bodies of wishes (微心愿 / 爱心圆梦) (docs/services.md, "Wishes")."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints

from liushou.api.params import Day, ShownDay
from liushou.api.schemas import MULTI_LINE, RequestBody, ResourceRead
from liushou.services.enums import WishKind, WishStatus

Description = Annotated[str, StringConstraints(min_length=1, max_length=1000), MULTI_LINE]
Note = Annotated[str, StringConstraints(max_length=2000), MULTI_LINE]
Reason = Annotated[str, StringConstraints(min_length=1, max_length=2000), MULTI_LINE]
DonorName = Annotated[str, StringConstraints(min_length=1, max_length=100)]
# Yuan: at most two decimals, 0 to 100000 (the column is NUMERIC(10, 2)). A JSON number or
# a numeric string; a third decimal is 422, never rounded away.
Yuan = Annotated[
    Decimal,
    Field(
        ge=0,
        le=100000,
        max_digits=8,
        decimal_places=2,
        description="Yuan, at most two decimals, 0 to 100000",
        examples=[120.5],
    ),
]
DonorPhone = Annotated[
    str,
    StringConstraints(min_length=11, max_length=24),
    Field(
        description="Mainland mobile; +86, spaces and hyphens are stripped; write-only "
        "(stored encrypted; reads show donor_phone_masked)",
        examples=["138 1234 5678"],
    ),
]


class WishCreate(RequestBody):
    """A new wish is open; the donor comes with ``/claim``."""

    person_id: uuid.UUID = Field(description="A child (the wish types serve children only)")
    kind: WishKind
    description: Description
    estimated_value: Yuan | None = None


class WishUpdate(RequestBody):
    """PATCH while the wish is open or claimed; the donor changes through /release and
    /claim, the status through the transitions."""

    description: Description | None = None
    estimated_value: Yuan | None = None


class WishClaim(RequestBody):
    donor_name: DonorName
    donor_phone: DonorPhone | None = None
    donor_organization_id: uuid.UUID | None = None
    claimed_on: Day | None = Field(default=None, description="Default today; not in the future")
    note: Note | None = None


class WishRelease(RequestBody):
    note: Note | None = None


class WishFulfil(RequestBody):
    fulfilled_on: Day = Field(
        description="Not in the future, not before claimed_on; the child on the register that day"
    )
    note: Note | None = Field(default=None, description="Kept on the timeline and the record")


class WishCancel(RequestBody):
    reason: Reason


class WishTimelineEntry(BaseModel):
    from_status: WishStatus | None = Field(description="null for the creation")
    to_status: WishStatus
    at: datetime
    by: str = Field(description="The actor's name (username or client id)")
    note: str | None


class WishRead(ResourceRead):
    person_id: uuid.UUID
    kind: WishKind
    description: str
    estimated_value: float | None = Field(description="Yuan, at most two decimals")
    status: WishStatus
    donor_name: str | None
    donor_organization_id: uuid.UUID | None
    donor_phone_masked: str | None = Field(
        description="138****5678; the clear number is never shown"
    )
    claimed_on: ShownDay | None
    fulfilled_on: ShownDay | None
    service_record_id: uuid.UUID | None = Field(
        description="The service record the fulfilment wrote (null until fulfilled)"
    )
    created_by: str
    timeline: list[WishTimelineEntry] = Field(description="Every transition, oldest first")
