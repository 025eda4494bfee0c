"""GET /meta/enums: every enum with its zh-CN labels, for app drop-downs."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter
from pydantic import BaseModel

from liushou.auth.dependencies import requires
from liushou.auth.principal import Principal
from liushou.auth.roles import ROLE_LABELS_ZH, Role
from liushou.errors import problem_responses
from liushou.guardianship.labels import GUARDIANSHIP_ENUM_NAMES, GUARDIANSHIP_LABELS
from liushou.referrals.labels import REFERRAL_ENUM_NAMES, REFERRAL_LABELS
from liushou.regions.codes import KIND_LABELS_ZH
from liushou.regions.models import Network, OrganizationType, RegionKind, RegionLevel
from liushou.registry.labels import REGISTRY_ENUM_NAMES, REGISTRY_LABELS

router = APIRouter(prefix="/meta", tags=["meta"])

LABELS: dict[type[StrEnum], dict[str, str]] = {
    Role: {r.value: label for r, label in ROLE_LABELS_ZH.items()},
    RegionLevel: {
        "province": "省",
        "city": "市",
        "county": "县(区)",
        "township": "乡(镇、街道)",
        "village": "村(社区)",
    },
    RegionKind: {k.value: label for k, label in KIND_LABELS_ZH.items()},
    OrganizationType: {
        "village_committee": "村民委员会",
        "community_committee": "社区居民委员会",
        "street_office": "街道办事处",
        "family_planning_association": "计划生育协会",
        "police_station": "派出所",
        "judicial_office": "司法所",
        "womens_federation": "妇联",
        "youth_league": "共青团",
        "health_center": "卫生院",
        "school": "学校",
        "volunteer_team": "志愿者队伍",
        "law_firm": "律师事务所",
        "grassroots_legal_service": "基层法律服务所",
        "social_work_agency": "社会工作服务机构",
        "other": "其他",
    },
    Network: {
        "education_management": "教育管理网络",
        "support": "帮扶保障网络",
        "rights_protection": "权益维护网络",
        "social_care": "社会爱心网络",
    },
    **REGISTRY_LABELS,
    **GUARDIANSHIP_LABELS,
    **REFERRAL_LABELS,
}
ENUM_NAMES: dict[type[StrEnum], str] = {
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
        ENUM_NAMES[enum]: [EnumValue(code=m.value, label_zh=LABELS[enum][m.value]) for m in enum]
        for enum in ENUM_NAMES
    }
