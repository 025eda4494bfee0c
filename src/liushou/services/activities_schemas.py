"""Request and response bodies of /activities (docs/services.md)."""

from __future__ import annotations

import uuid
from typing import Annotated

from pydantic import Field, StrictInt, StringConstraints

from liushou.api.params import Day, ShownDay
from liushou.api.schemas import RequestBody, ResourceRead

Title = Annotated[str, StringConstraints(min_length=1, max_length=200)]
Place = Annotated[str, StringConstraints(max_length=200)]
TypeCode = Annotated[
    str, StringConstraints(min_length=1, max_length=64), Field(examples=["after_school_class"])
]
Anonymous = Annotated[
    StrictInt, Field(ge=0, le=100000, description="People who came but are not on the register")
]
# One activity's attendees fit in one request: a 四点半课堂 or a village check-up day.
AttendeeIds = Annotated[
    list[uuid.UUID],
    Field(max_length=1000, description="Persons on the register; each gets one service record"),
]


class ActivityCreate(RequestBody):
    title: Title
    service_type: TypeCode = Field(description="A live service type's code")
    region_id: uuid.UUID = Field(description="A village or a township of the caller's area")
    held_on: Day = Field(description="Not in the future (Asia/Shanghai)")
    organization_id: uuid.UUID | None = None
    location: Place | None = None
    attendee_ids: AttendeeIds = Field(default_factory=list)
    anonymous_attendees: Anonymous = 0


class ActivityUpdate(RequestBody):
    """PATCH: only the fields given change; ``attendee_ids`` replaces the attendees the
    caller may see (those it may not see stay)."""

    title: Title | None = None
    service_type: TypeCode | None = None
    region_id: uuid.UUID | None = None
    held_on: Day | None = None
    organization_id: uuid.UUID | None = None
    location: Place | None = None
    attendee_ids: AttendeeIds | None = None
    anonymous_attendees: Anonymous | None = None


class AttendeesAdd(RequestBody):
    person_ids: Annotated[list[uuid.UUID], Field(min_length=1, max_length=1000)]


class ActivityRead(ResourceRead):
    title: str
    service_type: str
    region_id: uuid.UUID
    held_on: ShownDay
    organization_id: uuid.UUID | None
    location: str | None
    attendee_ids: list[uuid.UUID] = Field(
        description="The registered attendees the caller may see (a volunteer: its own)"
    )
    anonymous_attendees: int
    attendee_count: int = Field(description="Every registered attendee plus the anonymous ones")
