"""Request and response bodies for regions and organizations."""

from __future__ import annotations

import uuid
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints
from pydantic_core import PydanticCustomError

from liushou.api.schemas import RequestBody, ResourceRead
from liushou.regions.models import Network, OrganizationType, RegionKind, RegionLevel
from liushou.validators import is_valid_credit_code, normalize_credit_code

RegionCode = Annotated[
    str,
    StringConstraints(pattern=r"^(\d{6}|\d{12})$"),
    Field(
        description="GB/T 2260 (6 digits) for province/city/county; 统计用区划代码 (12 digits) "
        "for township and village",
        examples=["370871", "370871005001"],
    ),
]
# One line of text: RequestBody refuses control characters (see docs/registry.md).
Name = Annotated[str, StringConstraints(min_length=1, max_length=100)]
OrgName = Annotated[str, StringConstraints(min_length=1, max_length=200)]
Phone = Annotated[
    str,
    StringConstraints(pattern=r"^\+?[0-9][0-9 \-]{2,30}$", max_length=32),
    Field(examples=["0537-5550101"]),
]


def _check_credit_code(value: str) -> str:
    code = normalize_credit_code(value)
    if not is_valid_credit_code(code):
        raise PydanticCustomError(
            "invalid_credit_code", "not a valid 统一社会信用代码 (GB 32100 check character)"
        )
    return code


CreditCode = Annotated[
    str,
    StringConstraints(min_length=18, max_length=24),
    AfterValidator(_check_credit_code),
    Field(
        description="统一社会信用代码, check character validated", examples=["31370871999900011T"]
    ),
]


class RegionCreate(RequestBody):
    code: RegionCode
    name: Name
    level: RegionLevel
    kind: RegionKind | None = Field(
        default=None,
        description="Required for townships (subdistrict 街道 / town 镇 / rural_township 乡) and "
        "villages (community 社区 / village 村); absent above",
    )
    parent_id: uuid.UUID | None = None


class RegionUpdate(RequestBody):
    name: Name | None = None
    kind: RegionKind | None = None


class RegionRead(ResourceRead):
    code: str
    name: str
    level: RegionLevel
    kind: RegionKind | None
    parent_id: uuid.UUID | None


class OrganizationCreate(RequestBody):
    name: OrgName
    type: OrganizationType
    networks: list[Network] = Field(default_factory=list, max_length=4)
    region_id: uuid.UUID
    phone: Phone | None = None
    credit_code: CreditCode | None = None


class OrganizationUpdate(RequestBody):
    name: OrgName | None = None
    type: OrganizationType | None = None
    networks: list[Network] | None = Field(default=None, max_length=4)
    region_id: uuid.UUID | None = None
    phone: Phone | None = None
    credit_code: CreditCode | None = None


class OrganizationRead(ResourceRead):
    name: str
    type: OrganizationType
    networks: list[Network]
    region_id: uuid.UUID
    phone: str | None
    credit_code: str | None
