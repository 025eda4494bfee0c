"""Test data for the legal-advisor tests, made through the API as a client would: a law
firm (an organization; the factory goes through the regions service), advisors, contracts
and extra villages. Dates are relative to today in Asia/Shanghai (a contract's status is
about today)."""

from __future__ import annotations

import random
import uuid
from datetime import date, timedelta
from typing import Any

import httpx
import sqlalchemy as sa

from liushou.clock import today
from liushou.db import Database
from liushou.regions.models import Organization, OrganizationType, Region, RegionKind, RegionLevel
from liushou.tables import contract_village_t, legal_contract_t
from tests.factories import make_organization, make_region
from tests.guardianship.helpers import assert_problem  # noqa: F401 - re-exported

API = "/api/v1"
ADVISORS = f"{API}/legal-advisors"
CONTRACTS = f"{API}/legal-contracts"


def day(offset: int) -> date:
    return today() + timedelta(days=offset)


def make_firm(
    db: Database,
    region: Region,
    name: str = "山东鲁南律师事务所",
    type: OrganizationType = OrganizationType.law_firm,
) -> Organization:
    return db.run_in_session(lambda s: make_organization(s, name, type, region))


def make_villages(db: Database, township: Region, count: int, first: int = 10) -> list[Region]:
    """``count`` more villages under ``township`` (codes <township>2<nn>)."""

    def build(session: Any) -> list[Region]:
        return [
            make_region(
                session,
                f"{township.code[:9]}2{first + i:02d}",
                f"第{first + i}村",
                RegionLevel.village,
                township,
                RegionKind.village,
            )
            for i in range(count)
        ]

    return db.run_in_session(build)


def license_no() -> str:
    return "".join(random.choices("0123456789", k=17))


def advisor_body(firm: Any, **extra: Any) -> dict[str, Any]:
    return {
        "name": "王律师",
        "law_firm_id": str(getattr(firm, "id", firm)),
        "license_no": license_no(),
        "phone": "13905371234",
        "category": "full_time",
        "service_hours": "周一至周五 9:00–17:00",
        **extra,
    }


def create_advisor(
    client: httpx.Client, headers: dict[str, str], firm: Any, **extra: Any
) -> dict[str, Any]:
    response = client.post(ADVISORS, json=advisor_body(firm, **extra), headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


def _id(thing: Any) -> str:
    """The id of a response body, a row, or an id itself."""
    if isinstance(thing, dict):
        return str(thing["id"])
    return str(getattr(thing, "id", thing))


def contract_body(
    firm: Any,
    advisor: Any,
    villages: list[Any],
    starts_on: date | None = None,
    ends_on: date | None = None,
    **extra: Any,
) -> dict[str, Any]:
    starts_on = starts_on or day(-30)
    ends_on = ends_on or starts_on + timedelta(days=364)
    return {
        "law_firm_id": _id(firm),
        "advisor_id": _id(advisor),
        "region_ids": [_id(v) for v in villages],
        "starts_on": starts_on.isoformat(),
        "ends_on": ends_on.isoformat(),
        **extra,
    }


def post_contract(
    client: httpx.Client, headers: dict[str, str], *args: Any, **kwargs: Any
) -> httpx.Response:
    return client.post(CONTRACTS, json=contract_body(*args, **kwargs), headers=headers)


def create_contract(
    client: httpx.Client, headers: dict[str, str], *args: Any, **kwargs: Any
) -> dict[str, Any]:
    response = post_contract(client, headers, *args, **kwargs)
    assert response.status_code == 201, response.text
    return response.json()


def stored_contract(db: Database, contract_id: str) -> dict[str, Any]:
    """The contract's row and its villages, straight from the tables."""
    cid = uuid.UUID(contract_id)
    with db.engine.connect() as conn:
        row = conn.execute(sa.select(legal_contract_t).where(legal_contract_t.c.id == cid))
        found = dict(row.mappings().one())
        villages = conn.execute(
            sa.select(contract_village_t.c.region_id, contract_village_t.c.region_path).where(
                contract_village_t.c.contract_id == cid
            )
        ).all()
    found["villages"] = {str(v.region_id): v.region_path for v in villages}
    return found


def live_contracts(db: Database) -> list[dict[str, Any]]:
    with db.engine.connect() as conn:
        stmt = sa.select(legal_contract_t).where(legal_contract_t.c.deleted_at.is_(None))
        return [dict(r) for r in conn.execute(stmt).mappings()]
