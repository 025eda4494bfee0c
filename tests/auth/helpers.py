"""Small helpers for the auth and audit tests (HTTP in, plain values out)."""

from __future__ import annotations

import base64
from typing import Any

import httpx
import sqlalchemy as sa
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from liushou.audit.models import AuditEvent
from liushou.auth.models import UserAccount
from liushou.auth.principal import Principal
from liushou.db import Database
from tests import factories
from tests.http import list_all  # noqa: F401  (re-exported for the tests here)

API = "/api/v1"
TOKEN = f"{API}/auth/token"
ME = f"{API}/auth/me"
USERS = f"{API}/users"
AUDIT = f"{API}/audit-events"
PROBLEM = "application/problem+json"

PARTNER_SCOPES = {"referrals:read", "referrals:write", "reports:read"}


def token_request(client: httpx.Client, **form: str) -> httpx.Response:
    return client.post(TOKEN, data=form)


def password_login(
    client: httpx.Client, username: str, password: str = factories.PASSWORD, **extra: str
) -> httpx.Response:
    return token_request(
        client, grant_type="password", username=username, password=password, **extra
    )


def login(
    client: httpx.Client, username: str, password: str = factories.PASSWORD, **extra: str
) -> dict[str, Any]:
    """A successful password grant; returns the token body."""
    response = password_login(client, username, password, **extra)
    assert response.status_code == 200, response.text
    return response.json()


def basic(client_id: str, secret: str) -> dict[str, str]:
    raw = base64.b64encode(f"{client_id}:{secret}".encode()).decode()
    return {"Authorization": f"Basic {raw}"}


def client_login(
    client: httpx.Client,
    client_id: str,
    secret: str = factories.CLIENT_SECRET,
    *,
    use_basic: bool = False,
    **extra: str,
) -> httpx.Response:
    if use_basic:
        return client.post(
            TOKEN,
            data={"grant_type": "client_credentials", **extra},
            headers=basic(client_id, secret),
        )
    return token_request(
        client,
        grant_type="client_credentials",
        client_id=client_id,
        client_secret=secret,
        **extra,
    )


def client_at(app: FastAPI, host: str) -> TestClient:
    """A test client whose requests come from ``host`` (the address the app sees)."""
    return TestClient(app, client=(host, 50000))


def refresh(client: httpx.Client, refresh_token: str) -> httpx.Response:
    return token_request(client, grant_type="refresh_token", refresh_token=refresh_token)


def bearer(access_token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {access_token}"}


def me(client: httpx.Client, headers: dict[str, str]) -> httpx.Response:
    return client.get(ME, headers=headers)


def assert_problem(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    """An RFC 9457 problem with this status and code; returns the body."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM), response.headers
    body = response.json()
    assert body["code"] == code, body
    assert body["status"] == status
    assert body["type"] == f"urn:liushou:problem:{code}"
    assert body["title"]
    return body


def principal_of(app: FastAPI, headers: dict[str, str]) -> Principal:
    """The principal behind a bearer header (to mint variants of its token)."""
    return app.state.tokens.verify(headers["Authorization"].removeprefix("Bearer "))


def audit_rows(db: Database, **where: Any) -> list[dict[str, Any]]:
    """audit_event rows straight from the table, oldest first."""
    table: sa.Table = AuditEvent.__table__  # type: ignore[attr-defined]
    stmt = sa.select(table).order_by(table.c.at, table.c.id)
    for name, value in where.items():
        stmt = stmt.where(table.c[name] == value)
    with db.engine.connect() as conn:
        return [dict(r) for r in conn.execute(stmt).mappings()]


def audit_table_text(db: Database) -> str:
    """Every column of every audit_event row, as one string (to search for leaks)."""
    with db.engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT * FROM audit_event")).all()
    return "\n".join(repr(tuple(row)) for row in rows)


def update_user(db: Database, username: str, **values: Any) -> None:
    """Change a user account directly in the database (what no endpoint does yet)."""

    def _update(session: Session) -> None:
        user = session.exec(select(UserAccount).where(UserAccount.username == username)).one()
        for name, value in values.items():
            setattr(user, name, value)
        session.add(user)

    db.run_in_session(_update)
