"""Region and organization tables."""

from __future__ import annotations

import uuid
from enum import StrEnum

import sqlalchemy as sa
from sqlmodel import Field

from liushou.db import Resource, enum_type, path_type


class RegionLevel(StrEnum):
    province = "province"
    city = "city"
    county = "county"
    township = "township"
    village = "village"


class RegionKind(StrEnum):
    """What kind of township (街道/镇/乡) or village (社区/村) a region is."""

    subdistrict = "subdistrict"
    town = "town"
    rural_township = "rural_township"
    community = "community"
    village = "village"


class OrganizationType(StrEnum):
    village_committee = "village_committee"
    community_committee = "community_committee"
    street_office = "street_office"
    family_planning_association = "family_planning_association"
    police_station = "police_station"
    judicial_office = "judicial_office"
    womens_federation = "womens_federation"
    youth_league = "youth_league"
    health_center = "health_center"
    school = "school"
    volunteer_team = "volunteer_team"
    law_firm = "law_firm"
    grassroots_legal_service = "grassroots_legal_service"
    social_work_agency = "social_work_agency"
    other = "other"


class Network(StrEnum):
    """The four networks of the 五位一体 mechanism."""

    education_management = "education_management"
    support = "support"
    rights_protection = "rights_protection"
    social_care = "social_care"


class Region(Resource, table=True):
    __tablename__ = "region"
    __table_args__ = (
        # Codes are unique among live regions; a deleted region's code may be reused.
        sa.Index(
            "uq_region_code_live",
            "code",
            unique=True,
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        ),
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
