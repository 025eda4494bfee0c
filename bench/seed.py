"""Synthetic data for the benchmark.

Regions are created through the real services (codes, paths, audit): one province, 2
cities, 2 counties each, 12 townships per county and 42 villages per township: 48
townships and 2,016 villages. One street-staff user is held to the township the endpoints
read (and the writes and imports write to); one auditor sees every region (the deep walk
over another county, the export of the province).

Persons (100,000) are too many for the service's one-at-a-time path: their rows are built
in Python with the service's own helpers (bench/people.py: ID numbers, pinyin, masking,
blind index and AES-GCM with the run's keys, the first ``person_version``) and inserted in
batches of executemany. The village the list reads gets 400 of them (~160 children, so a
page of 50 has a next page); the rest are spread over every village.

Care (bench/care.py): two caretakers per village, a primary contact for about 90 % of the
persons on the register, and 3 visits per person (300,000), inserted the same way; about
15 % of the assigned persons are overdue for a visit.
"""

from __future__ import annotations

import random
import time
import uuid
from dataclasses import dataclass
from typing import Any

import sheet
import sqlalchemy as sa
from care import VISITS_PER_PERSON, Care, Seeded, seeded
from people import People, columns, created_at
from sqlmodel import Session

from liushou.auth.accounts import CLI_PRINCIPAL, create_user
from liushou.auth.roles import Role
from liushou.db import Database
from liushou.guardianship.models import Assignment, Caretaker, Visit
from liushou.pii import BlindIndex, FieldCipher
from liushou.regions.models import Region, RegionKind, RegionLevel
from liushou.regions.schemas import RegionCreate
from liushou.regions.service import create_region
from liushou.registry.enums import PersonCategory
from liushou.registry.models import Person, PersonVersion
from liushou.registry.person_values import PersonalData

CITIES = ["370100", "370800"]
COUNTIES_PER_CITY = 2
TOWNSHIPS_PER_COUNTY = 12
COMMUNITIES_PER_TOWNSHIP = 10  # code parts 001.. (社区)
VILLAGES_PER_TOWNSHIP = 32  # code parts 200.. (村)
PERSONS = 100_000
PERSONS_IN_LISTED_VILLAGE = 400
BATCH = 5_000

USERNAME = "bench_staff"
PASSWORD = "bench-password-1"
# Sees every region (the deep walk over a county, the export of the province).
AUDITOR = "bench_auditor"


@dataclass(frozen=True)
class Village:
    id: uuid.UUID
    code: str
    path: str


@dataclass(frozen=True)
class Fixture:
    """What the endpoints and the baseline need to know about the data."""

    township_id: str
    township_code: str
    village_id: str  # also the village the persons list reads
    person_id: str  # an active child of that village
    region_path: str  # the user's scope: the township's path
    regions: int
    persons: int
    township_villages: tuple[Village, ...]  # for the import sheet
    caretakers: int = 0
    assignments: int = 0
    visits: int = 0
    county_id: str = ""  # the deep walk's county: not the one of the township above
    province_id: str = ""  # the export's region: the whole register


def seed(url: str, pii: PersonalData, persons: int = PERSONS) -> Fixture:
    db = Database(url)
    try:
        fixture, villages = db.run_in_session(_seed)
        started = time.perf_counter()
        person_id, people = _seed_persons(db, pii, villages, fixture, persons)
        print(f"persons: {persons:,} in {time.perf_counter() - started:.1f} s", flush=True)  # noqa: T201
        started = time.perf_counter()
        care = _seed_care(db, pii, villages, people, VISITS_PER_PERSON * persons)
        fixture = Fixture(
            **{
                **fixture.__dict__,
                "person_id": str(person_id),
                "persons": persons,
                **care,
            }
        )
        _analyze(db)
        print(  # noqa: T201
            f"care: {care['caretakers']:,} caretakers, {care['assignments']:,} assignments, "
            f"{care['visits']:,} visits in {time.perf_counter() - started:.1f} s",
            flush=True,
        )
        return fixture
    finally:
        db.dispose()


def personal_data(data_key: str, index_key: str) -> PersonalData:
    return PersonalData(FieldCipher(data_key), BlindIndex(index_key))


def _seed(session: Session) -> tuple[Fixture, list[Village]]:
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
    counties = []
    for city_code in CITIES:
        city = add(city_code, f"市{city_code}", RegionLevel.city, parent=province)
        for c in range(1, COUNTIES_PER_CITY + 1):
            county = add(f"{city_code[:4]}{c:02d}", f"县{c}", RegionLevel.county, parent=city)
            counties.append(county)
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
    create_user(session, AUDITOR, Role.auditor, PASSWORD)
    listed = villages[chosen.id][len(villages[chosen.id]) // 2]
    fixture = Fixture(
        township_id=str(chosen.id),
        township_code=chosen.code,
        village_id=str(listed.id),
        person_id="",
        region_path=chosen.path,
        regions=count,
        persons=0,
        township_villages=tuple(Village(v.id, v.code, v.path) for v in villages[chosen.id]),
        county_id=str(counties[0].id),
        province_id=str(province.id),
    )
    assert not chosen.path.startswith(counties[0].path)  # writes and imports go elsewhere
    every = [Village(v.id, v.code, v.path) for vs in villages.values() for v in vs]
    # The listed village first: seed_persons gives it its share before spreading the rest.
    every.sort(key=lambda v: v.id != listed.id)
    return fixture, every


def _seed_persons(
    db: Database, pii: PersonalData, villages: list[Village], fixture: Fixture, total: int
) -> tuple[uuid.UUID, list[Seeded]]:
    """Bulk rows (no HTTP, no session per person); returns an active child of the listed
    village, with an ID number and a guardian, and what care needs of every person."""
    people = People(seed=20261129)
    rng = random.Random(7)
    person_t: sa.Table = Person.__table__  # type: ignore[attr-defined]
    version_t: sa.Table = PersonVersion.__table__  # type: ignore[attr-defined]
    listed = villages[0]
    assert str(listed.id) == fixture.village_id
    chosen: uuid.UUID | None = None
    every: list[Seeded] = []
    with db.engine.begin() as conn:
        persons: list[dict] = []  # type: ignore[type-arg]
        versions: list[dict] = []  # type: ignore[type-arg]
        for n in range(total):
            if n < PERSONS_IN_LISTED_VILLAGE:
                village = listed
            else:
                village = villages[1 + (n - PERSONS_IN_LISTED_VILLAGE) % (len(villages) - 1)]
            category = PersonCategory.child if chosen is None else None
            d = people.describe(
                village.id, village.code, village.path, category, may_exit=chosen is not None
            )
            row, rows = columns(d, pii, created_at(rng), uuid.UUID(int=0))
            if chosen is None and d.id_number and d.profile.get("guardian_phone"):
                chosen = row["id"]
            persons.append(row)
            versions.extend(rows)
            every.append(seeded(row))
            if len(persons) == BATCH or n == total - 1:
                conn.execute(person_t.insert(), persons)
                conn.execute(version_t.insert(), versions)
                persons, versions = [], []
    assert chosen is not None
    return chosen, every


def _seed_care(
    db: Database, pii: PersonalData, villages: list[Village], persons: list[Seeded], visits: int
) -> dict[str, int]:
    """Caretakers, assignments and visits (bench/care.py) in executemany batches."""
    care = Care(seed=20261130)
    caretaker_t: sa.Table = Caretaker.__table__  # type: ignore[attr-defined]
    assignment_t: sa.Table = Assignment.__table__  # type: ignore[attr-defined]
    visit_t: sa.Table = Visit.__table__  # type: ignore[attr-defined]
    caretakers = care.caretakers(villages, pii)
    by_village: dict[uuid.UUID, list[uuid.UUID]] = {}
    for row in caretakers:
        by_village.setdefault(row["region_id"], []).append(row["id"])
    assigned = care.plan(persons, visits)
    counts = {"caretakers": len(caretakers), "assignments": 0, "visits": 0}
    with db.engine.begin() as conn:
        bulk_insert(conn, caretaker_t, caretakers)
        assignments: list[dict] = []  # type: ignore[type-arg]
        rows: list[dict] = []  # type: ignore[type-arg]
        for n, (person, count) in enumerate(assigned):
            made, seen = care.assignments_and_visits(person, by_village[person.village_id], count)
            assignments.extend(made)
            rows.extend(seen)
            if len(rows) >= 4 * BATCH or n == len(assigned) - 1:
                bulk_insert(conn, assignment_t, assignments)
                bulk_insert(conn, visit_t, rows)
                counts["assignments"] += len(assignments)
                counts["visits"] += len(rows)
                assignments, rows = [], []
    return counts


def bulk_insert(conn: sa.Connection, table: sa.Table, rows: list[dict]) -> None:  # type: ignore[type-arg]
    """Rows straight to the driver, in the transaction of ``conn``: one executemany on
    SQLite (values stored as SQLAlchemy's types store them), COPY on PostgreSQL."""
    if not rows:
        return
    names = [c.name for c in table.columns]
    driver: Any = conn.connection.driver_connection
    if conn.dialect.name == "sqlite":
        marks = ", ".join("?" * len(names))
        driver.executemany(
            f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({marks})",
            [tuple(sheet.sqlite_value(row[n]) for n in names) for row in rows],
        )
        return
    from psycopg.types.json import Json

    with (
        driver.cursor() as cur,
        cur.copy(f"COPY {table.name} ({', '.join(names)}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row(
                [Json(v) if isinstance(v, dict | list) else v for v in (row[n] for n in names)]
            )


def _analyze(db: Database) -> None:
    with db.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
