"""Request and response bodies of distributions (materials handed out) (docs/services.md,
"Distributions")."""

from __future__ import annotations

import uuid
from typing import Annotated

from pydantic import Field, StrictInt, StringConstraints

from liushou.api.params import Day, ShownDay
from liushou.api.schemas import MULTI_LINE, RequestBody, ResourceRead
from liushou.services.enums import DistributionItem

Note = Annotated[str, StringConstraints(max_length=1000), MULTI_LINE]
Quantity = Annotated[StrictInt, Field(ge=1, le=10_000_000, description="How many were handed out")]
Households = Annotated[
    StrictInt, Field(ge=0, le=10_000_000, description="Households reached (optional)")
]
# Declared once for the create and the replacement (a PUT's body is a whole distribution).
RegionId = Annotated[uuid.UUID, Field(description="A region inside the caller's area")]
DistributedOn = Annotated[Day, Field(description="Not in the future")]
ActivityId = Annotated[
    uuid.UUID, Field(description="The activity the materials were handed out at (optional)")
]


class DistributionCreate(RequestBody):
    region_id: RegionId
    distributed_on: DistributedOn
    item: DistributionItem
    quantity: Quantity
    households: Households | None = None
    activity_id: ActivityId | None = None
    note: Note | None = None


class DistributionUpdate(RequestBody):
    region_id: RegionId | None = None
    distributed_on: DistributedOn | None = None
    item: DistributionItem | None = None
    quantity: Quantity | None = None
    households: Households | None = None
    activity_id: ActivityId | None = None
    note: Note | None = None


class DistributionRead(ResourceRead):
    region_id: uuid.UUID
    distributed_on: ShownDay
    item: DistributionItem
    quantity: int
    households: int | None
    activity_id: uuid.UUID | None
    note: str | None
