"""Bodies and HTTP helpers for the referral tests.

Persons and consents are created through the API like a client would; dates are relative
to today in Asia/Shanghai, because the rules under test (consent validity, due dates,
overdue, under 14) are about today.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import httpx
import sqlalchemy as sa
from fastapi import FastAPI

from liushou.clock import today
from liushou.db import Database
from liushou.regions.models import OrganizationType
from tests import factories
from tests.auth.helpers import audit_rows  # noqa: F401
from tests.guardianship.helpers import PERSONS, assert_problem, create_person  # noqa: F401

API = "/api/v1"
REFERRALS = f"{API}/referrals"
PERSON_MIN_KEYS = {"id", "name", "sex", "age", "village", "phone_masked"}


def day(offset: int) -> date:
    return today() + timedelta(days=offset)


def referral_body(person: dict[str, Any], org: Any, **extra: Any) -> dict[str, Any]:
    """A DV report to ``org`` on a statutory duty: valid for any person and organization."""
    return {
        "person_id": person["id"],
        "to_organization_id": str(getattr(org, "id", org)),
        "type": "dv_report",
        "need": "邻居反映其遭受家庭暴力，需民警上门核实。",
        "legal_basis": "statutory_duty",
        "justification": "反家庭暴力法第十四条：发现家暴应当及时报案。",
        **extra,
    }


def refer(
    client: httpx.Client, headers: dict[str, str], person: dict, org: Any, **extra: Any
) -> httpx.Response:
    return client.post(REFERRALS, json=referral_body(person, org, **extra), headers=headers)


def referred(client, headers, person, org, **extra) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    response = refer(client, headers, person, org, **extra)
    assert response.status_code == 201, response.text
    return response.json()


def move(
    client: httpx.Client, headers: dict[str, str], referral: dict, to_status: str, **extra: Any
) -> httpx.Response:
    body = {"to_status": to_status, **extra.pop("body", {})}
    return client.post(
        f"{REFERRALS}/{referral['id']}/transitions", json=body, headers={**headers, **extra}
    )


def consent(
    client: httpx.Client,
    headers: dict[str, str],
    person: dict[str, Any],
    recipients: list[str],
    **extra: Any,
) -> dict[str, Any]:
    body = {
        "given_by": "self",
        "recipients": recipients,
        "purpose": "转介至相关单位提供帮扶",
        "given_on": day(-10).isoformat(),
        **extra,
    }
    if body["given_by"] == "guardian":
        body.setdefault("guardian_name", "李奶奶")
    response = client.post(f"{PERSONS}/{person['id']}/consents", json=body, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


def partner_headers(app: FastAPI, db: Database, organization: Any) -> dict[str, str]:
    """A partner client of ``organization`` (default partner scopes) and its bearer header."""

    def build(session):  # type: ignore[no-untyped-def]
        client = factories.make_client(session, organization)
        principal = app.state.auth.client_principal(
            session, client, frozenset(client.scopes.split())
        )
        return factories.bearer(app, principal)

    return db.run_in_session(build)


def make_org(db: Database, region: Any, type_: OrganizationType, **extra: Any) -> Any:
    return db.run_in_session(
        lambda s: factories.make_organization(s, f"测试{type_.value}", type_, region, **extra)
    )


def count_rows(db: Database, table: str) -> int:
    with db.engine.connect() as conn:
        return int(conn.scalar(sa.text(f"SELECT count(*) FROM {table}")))
