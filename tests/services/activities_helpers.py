"""Bodies, HTTP helpers and database reads for the activity tests.

Persons are created through POST /persons like a client would; the attendance records are
read straight from the service_record table (GET /service-records is built elsewhere).
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

import httpx
import sqlalchemy as sa

from liushou.clock import today
from liushou.db import Database
from liushou.tables import activity_t, service_record_t
from tests.guardianship.helpers import (  # noqa: F401
    API,
    assert_problem,
    create_caretaker,
    create_person,
    person_body,
)

ACTIVITIES = f"{API}/activities"
PERSONS = f"{API}/persons"


def day(offset: int) -> date:
    return today() + timedelta(days=offset)


def rid(thing: Any) -> str:
    """The id of a region or organization object, or of a JSON body."""
    return str(thing["id"] if isinstance(thing, dict) else getattr(thing, "id", thing))


def activity_body(region: Any, attendees: list[dict[str, Any]] = (), **extra: Any) -> dict:  # type: ignore[assignment]
    return {
        "title": "四点半课堂：安全知识",
        "service_type": "after_school_class",
        "region_id": rid(region),
        "held_on": day(-3).isoformat(),
        "location": "村委会活动室",
        "attendee_ids": [p["id"] for p in attendees],
        **extra,
    }


def create_activity(
    client: httpx.Client, headers: dict[str, str], region: Any, attendees=(), **extra: Any
) -> dict[str, Any]:
    response = client.post(
        ACTIVITIES, json=activity_body(region, list(attendees), **extra), headers=headers
    )
    assert response.status_code == 201, response.text
    return response.json()


def person_since(
    client: httpx.Client, headers: dict[str, str], region: Any, category: str, since: date
) -> dict[str, Any]:
    """A person on the register from ``since`` on."""
    body = {**person_body(region, category), "left_behind_since": since.isoformat()}
    response = client.post(PERSONS, json=body, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


def records(db: Database, activity_id: str, *, live: bool = True) -> list[dict[str, Any]]:
    """The activity's service records, from the table."""
    t = service_record_t.c
    stmt = sa.select(service_record_t).where(t.activity_id == uuid.UUID(activity_id))
    if live:
        stmt = stmt.where(t.deleted_at.is_(None))
    with db.engine.connect() as conn:
        return [dict(r) for r in conn.execute(stmt.order_by(t.created_at)).mappings()]


def record_persons(db: Database, activity_id: str) -> list[str]:
    return sorted(str(r["person_id"]) for r in records(db, activity_id))


def count(db: Database, table: sa.Table, *, live: bool = True) -> int:
    stmt = sa.select(sa.func.count()).select_from(table)
    if live:
        stmt = stmt.where(table.c.deleted_at.is_(None))
    with db.engine.connect() as conn:
        return int(conn.scalar(stmt) or 0)


__all__ = ["activity_t", "service_record_t"]
