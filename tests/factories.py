"""Small factories for test data. They go through the services, like the API does."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from fastapi import FastAPI
from sqlmodel import Session

from liushou.auth.accounts import CLI_PRINCIPAL
from liushou.auth.models import ApiClient, UserAccount
from liushou.auth.passwords import hash_secret
from liushou.auth.principal import Principal
from liushou.auth.roles import ROLE_SCOPES, Role
from liushou.db import Database
from liushou.regions import service as regions
from liushou.regions.models import Organization, OrganizationType, Region, RegionKind, RegionLevel
from liushou.regions.schemas import OrganizationCreate, RegionCreate

PASSWORD = "correct horse battery staple"
CLIENT_SECRET = "partner-secret-0123456789abcdef"


@cache
def password_hash(secret: str = PASSWORD) -> str:
    # argon2 is slow on purpose; hash once per test session and reuse.
    return hash_secret(secret)


def make_region(
    session: Session,
    code: str,
    name: str,
    level: RegionLevel,
    parent: Region | None = None,
    kind: RegionKind | None = None,
) -> Region:
    return regions.create_region(
        session,
        CLI_PRINCIPAL,
        RegionCreate(
            code=code, name=name, level=level, kind=kind, parent_id=parent.id if parent else None
        ),
    )


def make_organization(
    session: Session, name: str, type: OrganizationType, region: Region, **extra: Any
) -> Organization:
    return regions.create_organization(
        session,
        CLI_PRINCIPAL,
        OrganizationCreate(name=name, type=type, region_id=region.id, **extra),
    )


def make_user(
    session: Session,
    username: str,
    role: Role,
    region: Region | None = None,
    organization: Organization | None = None,
    active: bool = True,
) -> UserAccount:
    user = UserAccount(
        username=username,
        password_hash=password_hash(),
        role=role,
        region_id=region.id if region else None,
        organization_id=organization.id if organization else None,
        active=active,
    )
    session.add(user)
    session.flush()
    return user


def make_client(
    session: Session, organization: Organization, scopes: str | None = None
) -> ApiClient:
    client = ApiClient(
        client_id="cl_" + uuid.uuid4().hex[:16],
        secret_hash=password_hash(CLIENT_SECRET),
        name=f"{organization.name} 系统",
        organization_id=organization.id,
        scopes=scopes or " ".join(sorted(ROLE_SCOPES[Role.partner])),
    )
    session.add(client)
    session.flush()
    return client


def bearer(app: FastAPI, principal: Principal) -> dict[str, str]:
    token = app.state.tokens.issue(principal, ttl_seconds=600)
    return {"Authorization": f"Bearer {token}"}


@dataclass
class World:
    """济宁市 → 济宁高新区 → 黄屯街道 (two villages) and 柳行街道 (one village)."""

    province: Region
    city: Region
    county: Region
    huangtun: Region
    liuxing: Region
    village: Region  # 黄屯街道, 村
    community: Region  # 黄屯街道, 金色嘉苑社区
    other_village: Region  # 柳行街道
    police: Organization
    womens_federation: Organization
    users: dict[str, UserAccount] = field(default_factory=dict)
    headers: dict[str, dict[str, str]] = field(default_factory=dict)
    partner: ApiClient | None = None

    def as_(self, who: str) -> dict[str, str]:
        return self.headers[who]


# who -> (role, region attribute)
WORLD_USERS = {
    "admin": (Role.admin, None),
    "auditor": (Role.auditor, None),
    "staff": (Role.street_staff, "huangtun"),
    "other_staff": (Role.street_staff, "liuxing"),
    "village": (Role.village_contact, "community"),
    "volunteer": (Role.volunteer, "community"),
    "lawyer": (Role.legal_advisor, "county"),
}


def build_world(app: FastAPI, db: Database) -> World:
    auth = app.state.auth

    def build(session: Session) -> World:
        province = make_region(session, "370000", "山东省", RegionLevel.province)
        city = make_region(session, "370800", "济宁市", RegionLevel.city, province)
        county = make_region(session, "370871", "济宁高新区", RegionLevel.county, city)
        huangtun = make_region(
            session,
            "370871005000",
            "黄屯街道",
            RegionLevel.township,
            county,
            RegionKind.subdistrict,
        )
        liuxing = make_region(
            session,
            "370871002000",
            "柳行街道",
            RegionLevel.township,
            county,
            RegionKind.subdistrict,
        )
        world = World(
            province=province,
            city=city,
            county=county,
            huangtun=huangtun,
            liuxing=liuxing,
            village=make_region(
                session, "370871005201", "东营村", RegionLevel.village, huangtun, RegionKind.village
            ),
            community=make_region(
                session,
                "370871005001",
                "金色嘉苑社区",
                RegionLevel.village,
                huangtun,
                RegionKind.community,
            ),
            other_village=make_region(
                session, "370871002201", "西苑村", RegionLevel.village, liuxing, RegionKind.village
            ),
            police=make_organization(
                session,
                "黄屯派出所",
                OrganizationType.police_station,
                huangtun,
                networks=["rights_protection"],
            ),
            womens_federation=make_organization(
                session,
                "柳行街道妇联",
                OrganizationType.womens_federation,
                liuxing,
                networks=["rights_protection", "support"],
            ),
        )
        for who, (role, region_attr) in WORLD_USERS.items():
            region = getattr(world, region_attr) if region_attr else None
            user = make_user(session, f"u_{who}", role, region)
            world.users[who] = user
            world.headers[who] = bearer(app, auth.user_principal(session, user))
        world.partner = make_client(session, world.police)
        world.headers["partner"] = bearer(
            app,
            auth.client_principal(session, world.partner, frozenset(world.partner.scopes.split())),
        )
        return world

    return db.run_in_session(build)
