"""Request and response bodies of service types and service records (docs/services.md)."""

from __future__ import annotations

import uuid
from typing import Annotated

from pydantic import Field, StringConstraints

from liushou.api.params import Day, ShownDay
from liushou.api.schemas import MULTI_LINE, RequestBody, ResourceRead
from liushou.registry.enums import PersonCategory
from liushou.services.enums import Program

TypeCode = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z][a-z0-9_]{1,63}$"),
    Field(examples=["psychological_counseling"], description="snake_case, 2–64 characters"),
]
# A record names its type by code; an unknown code is 422 invalid_service_type, not a
# pattern error, so any short one-line string is accepted here.
TypeRef = Annotated[str, StringConstraints(min_length=1, max_length=64)]
NameZh = Annotated[str, StringConstraints(min_length=1, max_length=100)]
Unit = Annotated[str, StringConstraints(min_length=1, max_length=16)]
Text = Annotated[str, StringConstraints(max_length=2000), MULTI_LINE]
Categories = Annotated[
    list[PersonCategory],
    Field(min_length=1, max_length=3, description="Who the service is for; stored sorted"),
]


class ServiceTypeCreate(RequestBody):
    code: TypeCode
    name_zh: NameZh
    program: Program
    categories: Categories
    unit: Unit = "次"


class ServiceTypeUpdate(RequestBody):
    code: TypeCode | None = Field(
        default=None, description="Fixed once created: another value is 422 immutable_field"
    )
    name_zh: NameZh | None = None
    program: Program | None = None
    categories: Categories | None = None
    unit: Unit | None = None


class ServiceTypeRead(ResourceRead):
    code: str
    name_zh: str
    program: Program
    categories: list[PersonCategory]
    unit: str
    seeded: bool = Field(description="One of the catalogue's types: it cannot be deleted")


class ServiceRecordCreate(RequestBody):
    person_id: uuid.UUID = Field(description="Fixed once created (422 immutable_field)")
    service_type: TypeRef = Field(description="A live service type's code")
    delivered_on: Day = Field(description="Not in the future; the person on the register then")
    quantity: int = Field(default=1, ge=1, le=100000)
    provider_organization_id: uuid.UUID | None = None
    caretaker_id: uuid.UUID | None = Field(
        default=None, description="The caretaker who delivered it (one the caller may name)"
    )
    outcome: Text | None = None
    notes: Text | None = None


class ServiceRecordUpdate(RequestBody):
    person_id: uuid.UUID | None = Field(
        default=None, description="Fixed once created: another value is 422 immutable_field"
    )
    service_type: TypeRef | None = None
    delivered_on: Day | None = None
    quantity: int | None = Field(default=None, ge=1, le=100000)
    provider_organization_id: uuid.UUID | None = None
    caretaker_id: uuid.UUID | None = None
    outcome: Text | None = None
    notes: Text | None = None


class ServiceRecordRead(ResourceRead):
    person_id: uuid.UUID
    service_type: str
    service_type_name_zh: str = Field(description="The type's name_zh (read-only)")
    program: Program = Field(description="The type's programme (read-only)")
    delivered_on: ShownDay
    quantity: int
    provider_organization_id: uuid.UUID | None
    caretaker_id: uuid.UUID | None
    activity_id: uuid.UUID | None = Field(
        description="Set when an activity made the record: it changes only through the activity"
    )
    wish_id: uuid.UUID | None = Field(
        description="Set when a wish's fulfilment made the record: it changes only through the wish"
    )
    outcome: str | None
    notes: str | None
    created_by: str
