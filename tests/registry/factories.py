"""Bodies and HTTP helpers for the /persons tests.

Bodies are plain dicts (what a client sends); ``*_body(region, **overrides)`` gives a valid
person of that category in ``region`` with a fresh, valid ID number, and overrides replace
top-level fields (``None`` removes one). Dates are relative to today (Asia/Shanghai): the
rules under test (ages, the 16th birthday) are about today.
"""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from typing import Any

import httpx
import sqlalchemy as sa

from liushou.clock import today
from liushou.db import Database
from liushou.registry.identifiers import birthday_at_age, make_id_number

API = "/api/v1"
PERSONS = f"{API}/persons"
AUDIT = f"{API}/audit-events"
PROBLEM = "application/problem+json"
# The county of the test world (济宁高新区); any 6 digits would do.
COUNTY6 = "370871"

_sequence = itertools.count(10, 2)  # make_id_number sets the last bit from the sex
_phones = itertools.count(10000001)

CHILD_PROFILE: dict[str, Any] = {
    "left_behind_reason": "both_parents_away",
    "guardianship_type": "grandparents",
    "guardianship_assessment": "good",
    "guardian_name": "王秀兰",
    "guardian_relation": "祖母",
    "father_status": "migrant",
    "mother_status": "migrant",
    "parents_work_location": "浙江省宁波市",
    "school": "黄屯小学",
    "grade": "三年级",
    "schooling_status": "primary",
    "boarding": False,
    "health_status": "healthy",
}
WOMAN_PROFILE: dict[str, Any] = {
    "spouse_away_since": "2020-03-01",
    "spouse_work_location": "江苏省苏州市",
    "employment_status": "farming",
    "training_interests": ["电商", "家政"],
    "children_count": 2,
}
ELDER_PROFILE: dict[str, Any] = {
    "living_arrangement": "alone",
    "support_status": "insufficient",
    "health_status": "chronic_illness",
    "self_care": "mild",
    "benefits": ["elderly_allowance"],
    "risk_tier": "key",
    "children_work_location": "北京市",
}


def years_ago(years: int, days: int = 0) -> date:
    """The day ``years`` years before today, minus ``days`` more days."""
    return birthday_at_age(today(), -years) - timedelta(days=days)


def id_number(birth_date: date, sex: str = "male", region6: str = COUNTY6) -> str:
    """A fresh valid ID number (a new sequence code on every call)."""
    return make_id_number(region6, birth_date, next(_sequence) % 1000, sex)  # type: ignore[arg-type]


def new_phone() -> str:
    return f"139{next(_phones):08d}"


def masked(id_number: str) -> str:
    """The masked form reads show: the first 6 and the last character (docs/privacy.md)."""
    return id_number[:6] + "*" * 11 + id_number[-1]


def _body(
    category: str,
    region: Any,
    profile_field: str,
    profile: dict[str, Any],
    birth_date: date,
    sex: str,
    overrides: dict[str, Any],
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "category": category,
        "name": "张伟",
        "region_id": str(getattr(region, "id", region)),
        "id_number": id_number(birth_date, sex),
        "phone": new_phone(),
        "address": "黄屯街道东营村 3 号",
        "left_behind_since": (today() - timedelta(days=400)).isoformat(),
        profile_field: dict(profile),
    }
    for key, value in overrides.items():
        if value is None:
            body.pop(key, None)
        else:
            body[key] = value
    return body


def child_body(region: Any, *, born: date | None = None, **overrides: Any) -> dict[str, Any]:
    """A left-behind child, 10 by default, with a guardian's phone."""
    born = born or years_ago(10)
    profile = {**CHILD_PROFILE, "guardian_phone": new_phone()}
    return _body("child", region, "child_profile", profile, born, "male", overrides)


def woman_body(region: Any, *, born: date | None = None, **overrides: Any) -> dict[str, Any]:
    born = born or years_ago(35)
    return _body("woman", region, "woman_profile", WOMAN_PROFILE, born, "female", overrides)


def elder_body(region: Any, *, born: date | None = None, **overrides: Any) -> dict[str, Any]:
    born = born or years_ago(72)
    return _body("elder", region, "elder_profile", ELDER_PROFILE, born, "male", overrides)


# --- HTTP ------------------------------------------------------------------------------


def create(client: httpx.Client, headers: dict[str, str], body: dict[str, Any]) -> dict[str, Any]:
    """POST /persons that must succeed; returns the created person."""
    response = client.post(PERSONS, json=body, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


def get(client: httpx.Client, headers: dict[str, str], person_id: str) -> httpx.Response:
    return client.get(f"{PERSONS}/{person_id}", headers=headers)


def patch(
    client: httpx.Client,
    headers: dict[str, str],
    person: dict[str, Any],
    changes: dict[str, Any],
) -> dict[str, Any]:
    """PATCH with If-Match of the given representation; must succeed."""
    response = client.patch(
        f"{PERSONS}/{person['id']}",
        json=changes,
        headers={**headers, "If-Match": f'"{person["version"]}"'},
    )
    assert response.status_code == 200, response.text
    return response.json()


def exit_(
    client: httpx.Client,
    headers: dict[str, str],
    person: dict[str, Any],
    exited_on: date | str,
    reason: str = "parents_returned",
) -> dict[str, Any]:
    response = client.post(
        f"{PERSONS}/{person['id']}/exit",
        json={"exited_on": str(exited_on), "exit_reason": reason},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    return response.json()


def ids_of(items: list[dict[str, Any]]) -> list[str]:
    return [item["id"] for item in items]


def assert_problem(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    """An RFC 9457 problem with this status and code; returns the body."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM), response.headers
    body = response.json()
    assert body["code"] == code, body
    assert body["status"] == status
    assert body["type"] == f"urn:liushou:problem:{code}"
    assert body["title"] and body["detail"]
    if status != 400:  # each code has its own title, not the generic "Bad request"
        assert body["title"] not in ("请求有误", "Bad request"), body
    return body


def count(db: Database, table: str, **where: Any) -> int:
    """Rows of a table (straight from the database), optionally filtered by column values."""
    t = sa.table(table, *[sa.column(name) for name in where])
    stmt = sa.select(sa.func.count()).select_from(t)
    for name, value in where.items():
        stmt = stmt.where(t.c[name] == value)
    with db.engine.connect() as conn:
        return int(conn.execute(stmt).scalar_one())


def table_text(db: Database, table: str) -> str:
    """Every column of every row of a table, as one string (to search for leaks)."""
    with db.engine.connect() as conn:
        rows = conn.execute(sa.text(f"SELECT * FROM {table}")).all()  # noqa: S608 - test code
    return "\n".join(repr(tuple(row)) for row in rows)
