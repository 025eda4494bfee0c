"""Advisors, contracts and bodies for the legal service log tests.

/legal-advisors and /legal-contracts are built elsewhere, so the advisors, their contracts
and the contracts' villages are inserted as model rows (the contract's ``last_day`` from
legal/coverage.py, as the contracts' service keeps it); the law firm through the regions
service. Persons are created through POST /persons like a client would.
"""

from __future__ import annotations

import itertools
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from fastapi import FastAPI
from sqlmodel import Session

from liushou.auth.roles import Role
from liushou.clock import today
from liushou.db import Database
from liushou.legal import coverage
from liushou.legal.enums import AdvisorCategory
from liushou.legal.models import LegalAdvisor, LegalContract, LegalContractVillage
from liushou.regions.models import Organization, OrganizationType, Region
from liushou.tables import legal_activity_t, service_record_t
from tests.factories import bearer, make_organization, make_user
from tests.guardianship.helpers import (  # noqa: F401
    API,
    PERSONS,
    assert_problem,
    audit_events,
    create_person,
    person_body,
)
from tests.http import list_all  # noqa: F401

LEGAL_ACTIVITIES = f"{API}/legal-activities"
SERVICE_RECORDS = f"{API}/service-records"

_licences = itertools.count(1)


def day(offset: int) -> date:
    """Today (Asia/Shanghai) plus ``offset`` days."""
    return today() + timedelta(days=offset)


def make_advisor(
    session: Session, firm: Organization, name: str, user_id: uuid.UUID | None = None
) -> LegalAdvisor:
    advisor = LegalAdvisor.model_validate(
        {
            "name": name,
            "law_firm_id": firm.id,
            "license_no": f"1370820{next(_licences):010d}",
            "phone": "13905370000",
            "category": AdvisorCategory.full_time,
            "service_hours": "周一至周五 9:00–17:00",
            "user_id": user_id,
        }
    )
    session.add(advisor)
    session.flush()
    return advisor


def make_contract(
    session: Session,
    advisor: LegalAdvisor,
    villages: list[Region],
    starts_on: date,
    ends_on: date,
    terminated_on: date | None = None,
) -> LegalContract:
    contract = LegalContract.model_validate(
        {
            "law_firm_id": advisor.law_firm_id,
            "advisor_id": advisor.id,
            "starts_on": starts_on,
            "ends_on": ends_on,
            "terminated_on": terminated_on,
            "last_day": coverage.last_day(ends_on, terminated_on),
            "created_by": "u_admin",
        }
    )
    session.add(contract)
    session.flush()
    for village in villages:
        session.add(
            LegalContractVillage(
                contract_id=contract.id, region_id=village.id, region_path=village.path
            )
        )
    session.flush()
    return contract


@dataclass
class Legal:
    """A law firm of 黄屯街道 and two advisors: ``advisor`` (the world's ``lawyer`` login)
    covering 东营村 and 金色嘉苑社区 (黄屯街道), ``other`` covering 西苑村 (柳行街道), both
    from 60 days ago to 300 days ahead."""

    firm: Organization
    advisor: LegalAdvisor
    other: LegalAdvisor
    contract: LegalContract
    other_contract: LegalContract

    @property
    def advisor_id(self) -> str:
        return str(self.advisor.id)

    @property
    def other_id(self) -> str:
        return str(self.other.id)


def build_legal(db: Database, world: Any) -> Legal:
    def build(session: Session) -> Legal:
        firm = make_organization(
            session, "山东正义律师事务所", OrganizationType.law_firm, world.huangtun
        )
        advisor = make_advisor(session, firm, "王律师", world.users["lawyer"].id)
        other = make_advisor(session, firm, "赵律师")
        return Legal(
            firm=firm,
            advisor=advisor,
            other=other,
            contract=make_contract(
                session, advisor, [world.village, world.community], day(-60), day(300)
            ),
            other_contract=make_contract(session, other, [world.other_village], day(-60), day(300)),
        )

    return db.run_in_session(build)


@pytest.fixture(name="legal")
def legal_fixture(db, world) -> Legal:  # type: ignore[no-untyped-def]
    """The fixture ``legal``: import ``legal_fixture`` into a test module to use it."""
    return build_legal(db, world)


def login(app: FastAPI, db: Database, username: str, role: Role, region: Region | None) -> dict:
    """The headers of a new login of this role."""

    def make(session: Session) -> dict[str, str]:
        user = make_user(session, username, role, region)
        return bearer(app, app.state.auth.user_principal(session, user))

    return db.run_in_session(make)


def activity_body(
    advisor: Any, region: Any, type: str = "consultation", **extra: Any
) -> dict[str, Any]:
    return {
        "advisor_id": str(getattr(advisor, "id", advisor)),
        "region_id": str(getattr(region, "id", region)),
        "type": type,
        "mode": "on_site",
        "held_on": day(-3).isoformat(),
        "duration_minutes": 90,
        "attendees": 1,
        "summary": "村民咨询土地承包经营权流转合同问题",
        **extra,
    }


def post(
    client: httpx.Client, headers: dict[str, str], advisor: Any, region: Any, **kw: Any
) -> httpx.Response:
    return client.post(LEGAL_ACTIVITIES, json=activity_body(advisor, region, **kw), headers=headers)


def created(client, headers, advisor, region, **kw) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    response = post(client, headers, advisor, region, **kw)
    assert response.status_code == 201, response.text
    return response.json()


def records_of(db: Database, activity_id: str, *, live: bool = True) -> list[dict[str, Any]]:
    """The service records the activity wrote, from the table, oldest first."""
    t = service_record_t.c
    stmt = sa.select(service_record_t).where(t.legal_activity_id == uuid.UUID(activity_id))
    if live:
        stmt = stmt.where(t.deleted_at.is_(None))
    with db.engine.connect() as conn:
        return [dict(r) for r in conn.execute(stmt.order_by(t.created_at)).mappings()]


def count(db: Database, table: sa.Table) -> int:
    stmt = sa.select(sa.func.count()).select_from(table).where(table.c.deleted_at.is_(None))
    with db.engine.connect() as conn:
        return int(conn.scalar(stmt) or 0)


__all__ = ["legal_activity_t", "service_record_t"]
