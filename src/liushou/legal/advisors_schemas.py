"""Request and response bodies of /legal-advisors (docs/legal.md, "Advisors")."""

from __future__ import annotations

import uuid
from typing import Annotated

from pydantic import AfterValidator, Field, StrictBool, StringConstraints
from pydantic_core import PydanticCustomError

from liushou.api.schemas import RequestBody, ResourceRead
from liushou.legal.enums import AdvisorCategory

LICENSE_DIGITS = 17


def _license_no(value: str) -> str:
    # 律师执业证号: 17 digits (a grassroots legal worker's 执业证 number is written the same
    # way). A clear code of its own rather than a bare pattern mismatch.
    if len(value) != LICENSE_DIGITS or not value.isascii() or not value.isdigit():
        raise PydanticCustomError(
            "license_no_format",
            "a licence number (执业证号) is exactly 17 digits, got {length} characters",
            {"length": len(value)},
        )
    return value


LicenseNo = Annotated[
    str,
    AfterValidator(_license_no),
    Field(
        description="律师执业证号: exactly 17 digits, unique among live advisors",
        examples=["13708201810123456"],
        json_schema_extra={"pattern": r"^[0-9]{17}$"},
    ),
]
Name = Annotated[str, StringConstraints(min_length=1, max_length=100)]
# Published on the hotline card (not personal data kept from view): a mobile or a landline
# with its area code, digits with an optional leading +, spaces and hyphens.
Phone = Annotated[
    str,
    StringConstraints(min_length=5, max_length=20, pattern=r"^\+?[0-9][0-9 -]*[0-9]$"),
    Field(examples=["13905371234", "0537-2345678"]),
]
ServiceHours = Annotated[
    str, StringConstraints(max_length=200), Field(examples=["周一至周五 9:00–17:00"])
]
LawFirmId = Annotated[
    uuid.UUID, Field(description="An organization of type law_firm or grassroots_legal_service")
]
UserId = Annotated[uuid.UUID, Field(description="The login of a legal_advisor user (optional)")]


class AdvisorCreate(RequestBody):
    name: Name
    law_firm_id: LawFirmId
    license_no: LicenseNo
    phone: Phone
    category: AdvisorCategory
    service_hours: ServiceHours | None = None
    user_id: UserId | None = None
    active: StrictBool = True


class AdvisorUpdate(RequestBody):
    name: Name | None = None
    law_firm_id: LawFirmId | None = None
    license_no: LicenseNo | None = None
    phone: Phone | None = None
    category: AdvisorCategory | None = None
    service_hours: ServiceHours | None = None
    user_id: UserId | None = None
    active: StrictBool | None = None


class AdvisorRead(ResourceRead):
    name: str
    law_firm_id: uuid.UUID
    license_no: str
    phone: str
    category: AdvisorCategory
    service_hours: str | None
    user_id: uuid.UUID | None
    active: bool
