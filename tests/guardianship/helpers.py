"""Bodies and HTTP helpers for the care tests (caretakers, assignments, visits).

Persons are created through POST /persons like a client would; dates are relative to
today in Asia/Shanghai, because the rules under test (due dates, overdue) are about today.
"""

from __future__ import annotations

import itertools
import uuid
from datetime import date, timedelta
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from liushou.clock import today
from liushou.db import Database
from liushou.registry.identifiers import birthday_at_age, make_id_number
from tests.conftest import PG_SERVER_URL
from tests.http import list_all

API = "/api/v1"
PERSONS = f"{API}/persons"
CARETAKERS = f"{API}/caretakers"
ASSIGNMENTS = f"{API}/assignments"
VISITS = f"{API}/visits"
AUDIT = f"{API}/audit-events"
PROBLEM = "application/problem+json"

_sequence = itertools.count(100, 2)
_phones = itertools.count(20000001)


def postgres_only(fn: Any) -> Any:
    """Needs two real connections to PostgreSQL; skipped on SQLite."""
    fn = pytest.mark.postgres_only(fn)
    return pytest.mark.skipif(not PG_SERVER_URL, reason="needs PostgreSQL")(fn)


def drop_other_connections(conn: sa.Connection) -> int:
    """Terminate every other backend of this database, as a server restart would; how many."""
    return conn.execute(
        sa.text(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
    ).scalar_one()


def days_ago(days: int) -> date:
    return today() - timedelta(days=days)


def _born(years: int) -> date:
    return birthday_at_age(today(), -years) - timedelta(days=20)


def new_phone() -> str:
    return f"137{next(_phones):08d}"


def person_body(
    region: Any,
    category: str = "child",
    *,
    guardianship_type: str = "grandparents",
    risk_tier: str = "general",
    name: str = "李小明",
) -> dict[str, Any]:
    years, sex, profile_field, profile = {
        "child": (
            9,
            "male",
            "child_profile",
            {"left_behind_reason": "both_parents_away", "guardianship_type": guardianship_type},
        ),
        "woman": (36, "female", "woman_profile", {"employment_status": "farming"}),
        "elder": (
            75,
            "male",
            "elder_profile",
            {"living_arrangement": "alone", "risk_tier": risk_tier},
        ),
    }[category]
    born = _born(years)
    return {
        "category": category,
        "name": name,
        "region_id": str(getattr(region, "id", region)),
        "id_number": make_id_number("370871", born, next(_sequence) % 1000, sex),  # type: ignore[arg-type]
        "left_behind_since": days_ago(500).isoformat(),
        profile_field: profile,
    }


def create_person(
    client: httpx.Client, headers: dict[str, str], region: Any, category: str = "child", **kw: Any
) -> dict[str, Any]:
    response = client.post(PERSONS, json=person_body(region, category, **kw), headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


def caretaker_body(region: Any, kind: str = "village_cadre", **extra: Any) -> dict[str, Any]:
    return {
        "name": extra.pop("name", "王建国"),
        "phone": extra.pop("phone", new_phone()),
        "kind": kind,
        "region_id": str(getattr(region, "id", region)),
        **extra,
    }


def create_caretaker(
    client: httpx.Client, headers: dict[str, str], region: Any, kind: str = "village_cadre", **kw
) -> dict[str, Any]:
    response = client.post(CARETAKERS, json=caretaker_body(region, kind, **kw), headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


def assign(
    client: httpx.Client,
    headers: dict[str, str],
    person: dict[str, Any],
    caretaker: dict[str, Any],
    role: str = "primary_contact",
    **extra: Any,
) -> httpx.Response:
    body = {"person_id": person["id"], "caretaker_id": caretaker["id"], "role": role, **extra}
    return client.post(ASSIGNMENTS, json=body, headers=headers)


def assigned(client, headers, person, caretaker, role="primary_contact", **extra) -> dict:  # type: ignore[no-untyped-def]
    response = assign(client, headers, person, caretaker, role, **extra)
    assert response.status_code == 201, response.text
    return response.json()


def hand_over(
    client: httpx.Client, headers: dict[str, str], person: dict[str, Any], caretaker_id: str, **kw
) -> httpx.Response:
    return client.put(
        f"{PERSONS}/{person['id']}/primary-contact",
        json={"caretaker_id": caretaker_id, **kw},
        headers=headers,
    )


def visit_body(person: dict[str, Any], visited_on: date | None = None, **extra: Any) -> dict:
    return {
        "person_id": person["id"],
        "visited_on": (visited_on or today()).isoformat(),
        "mode": "home",
        **extra,
    }


def record_visit(
    client: httpx.Client, headers: dict[str, str], person: dict[str, Any], **kw: Any
) -> httpx.Response:
    visited_on = kw.pop("visited_on", None)
    return client.post(VISITS, json=visit_body(person, visited_on, **kw), headers=headers)


def active_primaries(db: Database, person_id: str) -> list[Any]:
    """Straight from the database: the person's active primary contacts."""
    stmt = sa.text(
        "SELECT id, caretaker_id FROM assignment WHERE person_id = :p "
        "AND role = 'primary_contact' AND ends_on IS NULL AND deleted_at IS NULL"
    ).bindparams(sa.bindparam("p", type_=sa.Uuid))
    stmt = stmt.columns(id=sa.Uuid, caretaker_id=sa.Uuid)
    with db.engine.connect() as conn:
        return conn.execute(stmt, {"p": uuid.UUID(person_id)}).all()


def assert_problem(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM), response.headers
    body = response.json()
    assert body["code"] == code, body
    assert body["status"] == status
    assert body["type"] == f"urn:liushou:problem:{code}"
    return body


def audit_events(client: httpx.Client, admin: dict[str, str], resource_id: str) -> list[dict]:
    """Audit events of one resource, oldest first."""
    return list(reversed(list_all(client, AUDIT, admin, resource_id=resource_id)))


def ids(items: list[dict[str, Any]]) -> set[str]:
    return {item["id"] for item in items}
