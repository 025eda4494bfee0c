"""Synthetic services data for the benchmark (bench/seed.py fills the persons first).

* ``records`` service records (1,000,000 by default) over the last 12 months, spread over
  the seeded persons: each of a type that serves the person's category (the catalogue
  migration 0008 seeds), dated on a day the person was on the register (within its stay,
  before an exit or a child's 16th birthday), never in the future;
* activities (about one per 300 records, at least 1,000) in villages, each with a type of
  the catalogue and anonymous attendees only (``attendee_count`` = ``anonymous_attendees``,
  so the count stays what the service would keep);
* wishes of children (about one per 300 records), with the timeline their status needs
  (open → claimed → fulfilled or cancelled) in ``wish_transition``;
* distributions (about one per 300 records) in villages.

Rows are built in Python and inserted with seed.bulk_insert (executemany on SQLite, COPY on
PostgreSQL) in batches of ``BATCH`` rows, in one transaction. No audit events.
"""

from __future__ import annotations

import json
import random
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import sqlalchemy as sa
from seed import bulk_insert

from liushou.clock import today
from liushou.db import Database
from liushou.services.enums import DistributionItem, WishKind
from liushou.tables import (
    activity_t,
    distribution_t,
    service_record_t,
    wish_t,
    wish_transition_t,
)

SERVICE_RECORDS = 1_000_000
BATCH = 20_000
DAYS = 365  # the records' period: the last 12 months
OTHERS_PER_RECORD = 1 / 300  # activities, wishes and distributions, each
MIN_OTHERS = 1_000
CREATED_BY = "bench"


@dataclass(frozen=True)
class Stay:
    """A person, and the days it may have a service: [first, last]."""

    id: uuid.UUID
    category: str
    region_id: uuid.UUID
    region_path: str
    first: date
    last: date


@dataclass(frozen=True)
class ServicesSeeded:
    records: int
    activities: int
    wishes: int
    distributions: int
    seconds: float


def stays(conn: sa.Connection, since: date, until: date) -> list[Stay]:
    """The live persons with at least one day on the register in [since, until]."""
    rows = conn.execute(
        sa.text(
            "SELECT id, category, region_id, region_path, left_behind_since, exited_on, "
            "counts_until FROM person WHERE deleted_at IS NULL ORDER BY id"
        )
    ).all()
    found = []
    for id_, category, region_id, path, begun, exited, counts_until in rows:
        first = max(_day(begun), since)
        last = until
        for end in (exited, counts_until):
            if end is not None:
                last = min(last, _day(end) - timedelta(days=1))
        if first <= last:
            found.append(Stay(_id(id_), category, _id(region_id), path, first, last))
    return found


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


def _id(value: Any) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(hex=value)


def catalogue(conn: sa.Connection) -> dict[str, list[str]]:
    """Each PersonCategory code → the live service types serving it."""
    by_category: dict[str, list[str]] = {}
    for code, categories in conn.execute(
        sa.text("SELECT code, categories FROM service_type WHERE deleted_at IS NULL ORDER BY code")
    ):
        for category in json.loads(categories) if isinstance(categories, str) else categories:
            by_category.setdefault(category, []).append(code)
    return by_category


def _resource(at: datetime) -> dict[str, Any]:
    return {
        "id": uuid.uuid4(),
        "created_at": at,
        "updated_at": at,
        "version": 1,
        "deleted_at": None,
    }


def _instant(day: date, rng: random.Random) -> datetime:
    return datetime.combine(day, time(1 + rng.randint(0, 9), rng.randint(0, 59)), UTC)


def seed_services(url: str, records: int, seed: int = 20261207) -> ServicesSeeded:
    import time as clock

    started = clock.perf_counter()
    rng = random.Random(seed)
    until = today()
    since = until - timedelta(days=DAYS - 1)
    db = Database(url)
    try:
        with db.engine.begin() as conn:
            persons = stays(conn, since, until)
            types = catalogue(conn)
            persons = [p for p in persons if types.get(p.category)]
            villages = sorted({(p.region_id, p.region_path) for p in persons}, key=lambda v: v[1])
            children = [p for p in persons if p.category == "child"]
            made = _records(conn, rng, persons, types, records)
            others = max(MIN_OTHERS, int(records * OTHERS_PER_RECORD)) if records else 0
            activities = _activities(conn, rng, villages, types, others, since, until)
            wishes = _wishes(conn, rng, children, others, since, until)
            distributions = _distributions(conn, rng, villages, others, since, until)
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql("ANALYZE")
        if db.engine.dialect.name == "sqlite":
            with db.engine.begin() as conn:
                conn.exec_driver_sql("ANALYZE")
    finally:
        db.dispose()
    return ServicesSeeded(made, activities, wishes, distributions, clock.perf_counter() - started)


def _records(
    conn: sa.Connection,
    rng: random.Random,
    persons: list[Stay],
    types: dict[str, list[str]],
    total: int,
) -> int:
    if not persons:
        return 0
    rows: list[dict[str, Any]] = []
    for n in range(total):
        person = persons[n % len(persons)] if n < len(persons) else rng.choice(persons)
        day = person.first + timedelta(days=rng.randint(0, (person.last - person.first).days))
        at = _instant(day, rng)
        rows.append(
            {
                **_resource(at),
                "person_id": person.id,
                "service_type": rng.choice(types[person.category]),
                "delivered_on": day,
                "quantity": 1 if rng.random() < 0.8 else rng.randint(2, 5),
                "provider_organization_id": None,
                "caretaker_id": None,
                "activity_id": None,
                "wish_id": None,
                "outcome": None,
                "notes": None,
                "created_by_id": None,
                "created_by": CREATED_BY,
            }
        )
        if len(rows) == BATCH:
            bulk_insert(conn, service_record_t, rows)
            rows = []
    bulk_insert(conn, service_record_t, rows)
    return total


def _day_in(rng: random.Random, since: date, until: date) -> date:
    return since + timedelta(days=rng.randint(0, (until - since).days))


def _activities(
    conn: sa.Connection,
    rng: random.Random,
    villages: list[tuple[uuid.UUID, str]],
    types: dict[str, list[str]],
    total: int,
    since: date,
    until: date,
) -> int:
    codes = sorted({code for codes in types.values() for code in codes})
    rows = []
    for n in range(total if villages else 0):
        region_id, path = rng.choice(villages)
        day = _day_in(rng, since, until)
        attendees = rng.randint(5, 60)
        rows.append(
            {
                **_resource(_instant(day, rng)),
                "title": f"活动{n}",
                "service_type": rng.choice(codes),
                "region_id": region_id,
                "region_path": path,
                "held_on": day,
                "organization_id": None,
                "location": None,
                "anonymous_attendees": attendees,
                "attendee_count": attendees,
                "created_by_id": None,
                "created_by": CREATED_BY,
            }
        )
    bulk_insert(conn, activity_t, rows)
    return len(rows)


def _wishes(
    conn: sa.Connection,
    rng: random.Random,
    children: list[Stay],
    total: int,
    since: date,
    until: date,
) -> int:
    wishes, steps = [], []
    for n in range(total if children else 0):
        child = rng.choice(children)
        made_on = _day_in(rng, child.first, child.last)
        at = _instant(made_on, rng)
        path = ["open"]
        roll = rng.random()
        if roll < 0.5:
            path += ["claimed", "fulfilled"]
        elif roll < 0.7:
            path += ["claimed"]
        elif roll < 0.8:
            path += ["cancelled"]
        days = sorted(_day_in(rng, made_on, until) for _ in path[1:])
        wish = {
            **_resource(at),
            "person_id": child.id,
            "kind": rng.choice(list(WishKind)).value,
            "description": f"心愿{n}",
            "estimated_value": None,
            "status": path[-1],
            "donor_name": "爱心人士" if len(path) > 1 and path[1] == "claimed" else None,
            "donor_organization_id": None,
            "donor_phone_cipher": None,
            "donor_phone_masked": None,
            "claimed_on": days[0] if len(path) > 1 and path[1] == "claimed" else None,
            "fulfilled_on": days[-1] if path[-1] == "fulfilled" else None,
            "created_by_id": None,
            "created_by": CREATED_BY,
        }
        instants = [at] + [max(at, _instant(d, rng)) for d in days]
        wish["updated_at"] = instants[-1]
        wish["version"] = len(path)
        wishes.append(wish)
        for seq, status in enumerate(path):
            steps.append(
                {
                    "id": uuid.uuid4(),
                    "wish_id": wish["id"],
                    "seq": seq + 1,
                    "from_status": path[seq - 1] if seq else None,
                    "to_status": status,
                    "at": instants[seq],
                    "actor_id": None,
                    "by": CREATED_BY,
                    "note": None,
                }
            )
    bulk_insert(conn, wish_t, wishes)
    bulk_insert(conn, wish_transition_t, steps)
    return len(wishes)


def _distributions(
    conn: sa.Connection,
    rng: random.Random,
    villages: list[tuple[uuid.UUID, str]],
    total: int,
    since: date,
    until: date,
) -> int:
    items = [item.value for item in DistributionItem]
    rows = []
    for _ in range(total if villages else 0):
        region_id, path = rng.choice(villages)
        day = _day_in(rng, since, until)
        rows.append(
            {
                **_resource(_instant(day, rng)),
                "region_id": region_id,
                "region_path": path,
                "distributed_on": day,
                "item": rng.choice(items),
                "quantity": rng.randint(10, 500),
                "households": rng.randint(5, 100) if rng.random() < 0.7 else None,
                "activity_id": None,
                "note": None,
            }
        )
    bulk_insert(conn, distribution_t, rows)
    return len(rows)
