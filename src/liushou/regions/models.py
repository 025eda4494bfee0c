"""Region and organization tables."""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from sqlmodel import Field

from liushou.db import Resource, enum_type, path_type
from liushou.enums import LabelledEnum
from liushou.indexes import partial_unique_index


class RegionLevel(LabelledEnum):
    province = "province", "省"
    city = "city", "市"
    county = "county", "县(区)"
    township = "township", "乡(镇、街道)"
    village = "village", "村(社区)"


class RegionKind(LabelledEnum):
    """What kind of township (街道/镇/乡) or village (社区/村) a region is."""

    subdistrict = "subdistrict", "街道"
    town = "town", "镇"
    rural_township = "rural_township", "乡"
    community = "community", "社区"
    village = "village", "村"


class OrganizationType(LabelledEnum):
    village_committee = "village_committee", "村民委员会"
    community_committee = "community_committee", "社区居民委员会"
    street_office = "street_office", "街道办事处"
    family_planning_association = "family_planning_association", "计划生育协会"
    police_station = "police_station", "派出所"
    judicial_office = "judicial_office", "司法所"
    womens_federation = "womens_federation", "妇联"
    youth_league = "youth_league", "共青团"
    health_center = "health_center", "卫生院"
    school = "school", "学校"
    volunteer_team = "volunteer_team", "志愿者队伍"
    law_firm = "law_firm", "律师事务所"
    grassroots_legal_service = "grassroots_legal_service", "基层法律服务所"
    social_work_agency = "social_work_agency", "社会工作服务机构"
    other = "other", "其他"


class Network(LabelledEnum):
    """The four networks of the 五位一体 mechanism."""

    education_management = "education_management", "教育管理网络"
    support = "support", "帮扶保障网络"
    rights_protection = "rights_protection", "权益维护网络"
    social_care = "social_care", "社会爱心网络"


class Region(Resource, table=True):
    __tablename__ = "region"
    __table_args__ = (
        # Codes are unique among live regions; a deleted region's code may be reused.
        partial_unique_index("uq_region_code_live", "code", "deleted_at IS NULL"),
    )

    code: str = Field(max_length=12)
    name: str = Field(max_length=100)
    level: RegionLevel = Field(sa_type=enum_type(RegionLevel, "region_level"))
    kind: RegionKind | None = Field(default=None, sa_type=enum_type(RegionKind, "region_kind"))
    parent_id: uuid.UUID | None = Field(default=None, foreign_key="region.id", index=True)
    # Ids from the root down, each followed by "/": a subtree is one index range scan.
    path: str = Field(sa_type=path_type(), index=True)


class Organization(Resource, table=True):
    __tablename__ = "organization"

    name: str = Field(max_length=200)
    type: OrganizationType = Field(sa_type=enum_type(OrganizationType, "organization_type"))
    networks: list[str] = Field(default_factory=list, sa_type=sa.JSON)
    region_id: uuid.UUID = Field(foreign_key="region.id", index=True)
    phone: str | None = Field(default=None, max_length=32)
    credit_code: str | None = Field(default=None, max_length=18, index=True)
