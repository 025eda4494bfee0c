"""The shortcuts conftest takes for speed keep every test's app and database its own."""

from __future__ import annotations

import sqlalchemy as sa
from fastapi import HTTPException
from fastapi.testclient import TestClient

from liushou.api.dependencies import database
from liushou.app import create_app
from liushou.config import Settings
from tests.conftest import empty_pg_tables, share_compiled_routes
from tests.guardianship.helpers import postgres_only


def test_apps_share_compiled_routes_but_not_routes_added_later(settings: Settings) -> None:
    first = share_compiled_routes(create_app(settings))
    second = share_compiled_routes(create_app(settings))
    first.add_api_route("/test-only/first", lambda: {"app": "first"})
    with TestClient(first) as a, TestClient(second) as b:
        assert a.get("/test-only/first").json() == {"app": "first"}
        assert b.get("/test-only/first").status_code == 404
        # Both serve through the compiled branches, each with its own database.
        assert a.get("/healthz").status_code == b.get("/healthz").status_code == 200
    assert first.state.db is not second.state.db


def test_an_override_reaches_the_borrowed_routes(app, world, settings):  # type: ignore[no-untyped-def]
    borrower = share_compiled_routes(create_app(settings))
    shared = [
        mine is theirs
        for mine, theirs in zip(borrower.router.routes, app.router.routes, strict=True)
    ]
    assert sum(shared) > 20  # the API's routers, compiled once

    async def unavailable() -> None:
        raise HTTPException(503)

    with TestClient(borrower) as client:
        assert client.get("/api/v1/regions", headers=world.as_("admin")).status_code == 200
        borrower.dependency_overrides[database] = unavailable
        assert client.get("/api/v1/regions", headers=world.as_("admin")).status_code == 503
        borrower.dependency_overrides.clear()  # what the app fixture does after every test
        assert client.get("/api/v1/regions", headers=world.as_("admin")).status_code == 200


@postgres_only
def test_emptying_postgresql_leaves_no_row(client, world, db) -> None:  # type: ignore[no-untyped-def]
    with db.engine.begin() as conn:
        tables = [t for t in sa.inspect(conn).get_table_names() if t != "alembic_version"]
        filled = [t for t in tables if conn.exec_driver_sql(f'SELECT count(*) FROM "{t}"').scalar()]
        assert {"region", "user_account", "audit_event"} <= set(filled)
        empty_pg_tables(conn)
        left = {t: conn.exec_driver_sql(f'SELECT count(*) FROM "{t}"').scalar() for t in tables}
        assert set(left.values()) == {0}, left
        # The foreign keys and triggers are back on for the rest of the transaction.
        assert conn.exec_driver_sql("SHOW session_replication_role").scalar() == "origin"
