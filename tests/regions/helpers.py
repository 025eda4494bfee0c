"""Small helpers for the regions and organizations tests (HTTP in, plain values out)."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import sqlalchemy as sa

from liushou.db import Database
from liushou.validators import USCC_ALPHABET, uscc_check_char
from tests.http import list_all  # noqa: F401  (re-exported for the tests here)

API = "/api/v1"
REGIONS = f"{API}/regions"
ORGANIZATIONS = f"{API}/organizations"
AUDIT = f"{API}/audit-events"
PROBLEM = "application/problem+json"


def region_body(
    code: str, name: str, level: str, parent: Any = None, kind: str | None = None
) -> dict[str, Any]:
    """A RegionCreate body; ``parent`` is a Region, an id or None."""
    parent_id = getattr(parent, "id", parent)
    body: dict[str, Any] = {"code": code, "name": name, "level": level}
    if kind is not None:
        body["kind"] = kind
    if parent_id is not None:
        body["parent_id"] = str(parent_id)
    return body


def village_body(township: Any, part: int, name: str | None = None) -> dict[str, Any]:
    """A village (村, part 200–399) or community (社区, 001–199) under a township Region."""
    kind = "community" if part < 200 else "village"
    return region_body(
        f"{township.code[:9]}{part:03d}", name or f"测试{part}村", "village", township, kind
    )


def create_region(
    client: httpx.Client, headers: dict[str, str], body: dict[str, Any]
) -> dict[str, Any]:
    response = client.post(REGIONS, json=body, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


def org_body(
    region: Any, name: str = "测试组织", type_: str = "other", **extra: Any
) -> dict[str, Any]:
    return {"name": name, "type": type_, "region_id": str(getattr(region, "id", region)), **extra}


def create_org(
    client: httpx.Client, headers: dict[str, str], body: dict[str, Any]
) -> dict[str, Any]:
    response = client.post(ORGANIZATIONS, json=body, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


def credit_code(first17: str = "31370871MA3C00001") -> str:
    """A synthetic 统一社会信用代码 with a correct check character."""
    return first17 + uscc_check_char(first17)


def wrong_check_char(code: str) -> str:
    """The same code with a check character that does not match."""
    wrong = USCC_ALPHABET[(USCC_ALPHABET.index(code[17]) + 1) % len(USCC_ALPHABET)]
    return code[:17] + wrong


def assert_problem(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    """An RFC 9457 problem with this status and code; returns the body."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM), response.headers
    body = response.json()
    assert body["code"] == code, body
    assert body["status"] == status
    assert body["type"] and body["title"]
    return body


def error_locs(body: dict[str, Any]) -> list[list[Any]]:
    return [e["loc"] for e in body.get("errors") or []]


def ids(items: list[dict[str, Any]]) -> set[str]:
    return {item["id"] for item in items}


def count(db: Database, table: str, *, live: bool = False) -> int:
    where = " WHERE deleted_at IS NULL" if live else ""
    with db.engine.connect() as conn:
        return conn.execute(sa.text(f"SELECT count(*) FROM {table}{where}")).scalar_one()


def audit_events(
    client: httpx.Client, admin: dict[str, str], resource_id: str
) -> list[dict[str, Any]]:
    """Audit events of one resource, oldest first."""
    return list(reversed(list_all(client, AUDIT, admin, resource_id=resource_id)))


def new_id() -> str:
    return str(uuid.uuid4())
