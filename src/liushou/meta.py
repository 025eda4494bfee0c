"""GET /meta/enums: every enum with its zh-CN labels, for app drop-downs."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter
from pydantic import BaseModel

from liushou.auth.dependencies import requires
from liushou.auth.principal import Principal
from liushou.auth.roles import Role
from liushou.enums import LabelledEnum
from liushou.errors import problem_responses
from liushou.guardianship.models import GUARDIANSHIP_ENUM_NAMES
from liushou.referrals.models import REFERRAL_ENUM_NAMES
from liushou.regions.models import Network, OrganizationType, RegionKind, RegionLevel
from liushou.registry.enums import REGISTRY_ENUM_NAMES

router = APIRouter(prefix="/meta", tags=["meta"])

# Every enum of the API under its name here, in this order; each declares its own labels.
ENUM_NAMES: dict[type[LabelledEnum], str] = {
    Role: "role",
    RegionLevel: "region_level",
    RegionKind: "region_kind",
    OrganizationType: "organization_type",
    Network: "network",
    **REGISTRY_ENUM_NAMES,
    **GUARDIANSHIP_ENUM_NAMES,
    **REFERRAL_ENUM_NAMES,
}


class EnumValue(BaseModel):
    code: str
    label_zh: str


@router.get("/enums", responses=problem_responses(401, 403))
async def list_enums(caller: Annotated[Principal, requires()]) -> dict[str, list[EnumValue]]:
    """Every enum of the API: its codes (what the API accepts) and zh-CN labels."""
    return {
        ENUM_NAMES[enum]: [EnumValue(code=m.value, label_zh=m.label_zh) for m in enum]
        for enum in ENUM_NAMES
    }
