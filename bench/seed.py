"""Synthetic data for the benchmark, created through the real services (codes, paths, audit).

One province, 2 cities, 2 counties each, 12 townships per county and 42 villages per
township: 48 townships and 2,016 villages. One street-staff user is held to the township
the endpoints read.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlmodel import Session

from liushou.auth.accounts import CLI_PRINCIPAL, create_user
from liushou.auth.roles import Role
from liushou.db import Database
from liushou.regions.models import Region, RegionKind, RegionLevel
from liushou.regions.schemas import RegionCreate
from liushou.regions.service import create_region

CITIES = ["370100", "370800"]
COUNTIES_PER_CITY = 2
TOWNSHIPS_PER_COUNTY = 12
COMMUNITIES_PER_TOWNSHIP = 10  # code parts 001.. (社区)
VILLAGES_PER_TOWNSHIP = 32  # code parts 200.. (村)

USERNAME = "bench_staff"
PASSWORD = "bench-password-1"


@dataclass(frozen=True)
class Fixture:
    """What the endpoints and the baseline need to know about the data."""

    township_id: str
    village_id: str
    region_path: str  # the user's scope: the township's path
    regions: int


def seed(url: str) -> Fixture:
    db = Database(url)
    try:
        return db.run_in_session(_seed)
    finally:
        db.dispose()


def _seed(session: Session) -> Fixture:
    count = 0

    def add(
        code: str,
        name: str,
        level: RegionLevel,
        kind: RegionKind | None = None,
        parent: Region | None = None,
    ) -> Region:
        nonlocal count
        count += 1
        data = RegionCreate(
            code=code, name=name, level=level, kind=kind, parent_id=parent.id if parent else None
        )
        return create_region(session, CLI_PRINCIPAL, data)

    province = add("370000", "山东省", RegionLevel.province)
    townships = []
    for city_code in CITIES:
        city = add(city_code, f"市{city_code}", RegionLevel.city, parent=province)
        for c in range(1, COUNTIES_PER_CITY + 1):
            county = add(f"{city_code[:4]}{c:02d}", f"县{c}", RegionLevel.county, parent=city)
            for t in range(1, TOWNSHIPS_PER_COUNTY + 1):
                part = 100 + t  # towns (镇): 100–199
                code = f"{county.code}{part:03d}000"
                townships.append(
                    add(code, f"镇{part}", RegionLevel.township, RegionKind.town, county)
                )
    villages: dict[uuid.UUID, list[Region]] = {}
    for township in townships:
        parts = [(n, RegionKind.community) for n in range(1, COMMUNITIES_PER_TOWNSHIP + 1)]
        parts += [(200 + n, RegionKind.village) for n in range(VILLAGES_PER_TOWNSHIP)]
        villages[township.id] = [
            add(f"{township.code[:9]}{part:03d}", f"村{part}", RegionLevel.village, kind, township)
            for part, kind in parts
        ]
    chosen = townships[len(townships) // 2]
    create_user(session, USERNAME, Role.street_staff, PASSWORD, region_code=chosen.code)
    return Fixture(
        township_id=str(chosen.id),
        village_id=str(villages[chosen.id][len(villages[chosen.id]) // 2].id),
        region_path=chosen.path,
        regions=count,
    )
