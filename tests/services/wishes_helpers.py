"""Bodies and HTTP helpers for the wish and distribution tests.

Children are created through POST /persons as a client would (tests/guardianship/helpers);
dates are relative to today in Asia/Shanghai, because the rules under test (not in the
future, on the register that day) are about today.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

import httpx
import sqlalchemy as sa

from liushou.clock import today
from liushou.db import Database
from tests.auth.helpers import audit_rows  # noqa: F401
from tests.guardianship.helpers import assert_problem, create_person  # noqa: F401

API = "/api/v1"
WISHES = f"{API}/wishes"
DISTRIBUTIONS = f"{API}/distributions"
DONOR_PHONE = "13912345678"


def day(offset: int) -> date:
    return today() + timedelta(days=offset)


def wish_body(person: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "person_id": person["id"],
        "kind": "micro_wish",
        "description": "想要一套新的课外读物",
        "estimated_value": 120.5,
        **extra,
    }


def make_wish(
    client: httpx.Client, headers: dict[str, str], person: dict[str, Any], **extra: Any
) -> dict[str, Any]:
    response = client.post(WISHES, json=wish_body(person, **extra), headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


def act(
    client: httpx.Client,
    headers: dict[str, str],
    wish: dict[str, Any],
    action: str,
    body: dict[str, Any] | None = None,
    **extra_headers: str,
) -> httpx.Response:
    return client.post(
        f"{WISHES}/{wish['id']}/{action}",
        json=body if body is not None else default_body(action),
        headers={**headers, **extra_headers},
    )


def default_body(action: str) -> dict[str, Any]:
    return {
        "claim": {"donor_name": "爱心企业张先生", "donor_phone": DONOR_PHONE},
        "release": {},
        "fulfil": {"fulfilled_on": today().isoformat()},
        "cancel": {"reason": "孩子已随父母外出"},
    }[action]


def acted(client, headers, wish, action, body=None) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    response = act(client, headers, wish, action, body)
    assert response.status_code == 200, response.text
    return response.json()


def distribution_body(region: Any, **extra: Any) -> dict[str, Any]:
    return {
        "region_id": str(getattr(region, "id", region)),
        "distributed_on": day(-3).isoformat(),
        "item": "publicity_leaflet",
        "quantity": 200,
        "households": 80,
        "note": "赶集日发放",
        **extra,
    }


def table_rows(db: Database, table: sa.Table, **where: Any) -> list[dict[str, Any]]:
    """Rows of ``table`` (a liushou.tables handle) straight from the database, with the
    given column values (ids as strings or UUIDs)."""
    stmt = sa.select(table)
    for name, value in where.items():
        if isinstance(value, str) and name.endswith("id"):
            value = uuid.UUID(value)
        stmt = stmt.where(table.c[name] == value)
    with db.engine.connect() as conn:
        return [dict(r) for r in conn.execute(stmt).mappings()]
