"""Test databases are built by running the migrations, once per session (per xdist worker).

* SQLite (default): the migrated file is a template; each test gets its own copy.
* PostgreSQL (``LIUSHOU_TEST_DATABASE_URL`` = a server URL, e.g.
  ``postgresql+psycopg://postgres@127.0.0.1:5432/postgres``): each worker creates its own
  database, migrates it, and empties every table after each test (DELETE, see
  empty_pg_tables).

Every test gets its own app from create_app; the apps share only FastAPI's compiled router
branches (share_compiled_routes), so a test pays for its requests, not for compiling ~200 routes.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import fastapi.dependencies.models
import fastapi.routing
import pytest
import sqlalchemy as sa
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import settings as hypothesis_settings
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool
from sqlmodel import SQLModel

from liushou import clock as service_clock
from liushou import migrations
from liushou import models as _models  # noqa: F401 - every table in SQLModel.metadata
from liushou.app import create_app
from liushou.config import Settings
from liushou.db import Database

PG_SERVER_URL = os.environ.get("LIUSHOU_TEST_DATABASE_URL")
TEST_SECRET = "test-secret-key-that-is-long-enough-0123456789"
# Fixed personal-data keys: tests never create a development key file.
TEST_DATA_KEY = "t1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"
TEST_INDEX_KEY = "i1:ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8"


def make_settings(database_url: str, **overrides: Any) -> Settings:
    """Settings for an app under test: no .env file, fixed secrets, quiet logs.

    An override of None leaves that setting at its default (``secret_key=None``: the
    development key file's secret; then pass a ``dev_key_file`` under tmp_path).
    """
    values: dict[str, Any] = {
        "database_url": database_url,
        "secret_key": TEST_SECRET,
        "data_key": TEST_DATA_KEY,
        "index_key": TEST_INDEX_KEY,
        "log_level": "WARNING",
    }
    chosen = {name: value for name, value in (values | overrides).items() if value is not None}
    return Settings(_env_file=None, **chosen)  # type: ignore[call-arg]


def _worker() -> str:
    return os.environ.get("PYTEST_XDIST_WORKER", "main")


def pg_admin_engine(server_url: str) -> sa.Engine:
    return sa.create_engine(server_url, isolation_level="AUTOCOMMIT")


def create_pg_database(server_url: str, name: str) -> str:
    """A fresh, empty database on the test server; returns its URL."""
    admin = pg_admin_engine(server_url)
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    admin.dispose()
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


def drop_pg_database(server_url: str, name: str) -> None:
    admin = pg_admin_engine(server_url)
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


@pytest.fixture(scope="session")
def backend() -> str:
    return "postgresql" if PG_SERVER_URL else "sqlite"


@pytest.fixture(scope="session")
def _migrated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if PG_SERVER_URL:
        name = f"liushou_test_{_worker()}_{os.getpid()}"
        url = create_pg_database(PG_SERVER_URL, name)
        migrations.upgrade(url)
        yield url
        drop_pg_database(PG_SERVER_URL, name)
        return
    template = tmp_path_factory.mktemp("template") / "template.db"
    migrations.upgrade(f"sqlite:///{template}")
    # Fold the WAL into the main file so a plain file copy is a complete database.
    with sqlite3.connect(template) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    yield str(template)


# Tables the migrations fill with reference data, which every test starts with.
SEEDED_TABLES = ("service_type",)


@pytest.fixture(scope="session")
def _seeded_rows(_migrated: str) -> dict[str, list[dict[str, Any]]]:
    """On PostgreSQL, the rows the migrations seeded, as migrated (read before any test)."""
    if not PG_SERVER_URL:
        return {}
    engine = sa.create_engine(_migrated, poolclass=NullPool)
    with engine.connect() as conn:
        seeded = {
            table: [
                dict(r) for r in conn.execute(SQLModel.metadata.tables[table].select()).mappings()
            ]
            for table in SEEDED_TABLES
        }
    engine.dispose()
    return seeded


@pytest.fixture
def database_url(
    _migrated: str, _seeded_rows: dict[str, list[dict[str, Any]]], tmp_path: Path
) -> Iterator[str]:
    if not PG_SERVER_URL:
        target = tmp_path / "liushou.db"
        shutil.copyfile(_migrated, target)
        yield f"sqlite:///{target}"
        return
    yield _migrated
    # A connection of its own (no pool): a test may have terminated every other connection.
    engine = sa.create_engine(_migrated, poolclass=NullPool)
    with engine.begin() as conn:
        if _is_superuser(conn):
            empty_pg_tables(conn)
        else:
            tables = [t for t in sa.inspect(conn).get_table_names() if t != "alembic_version"]
            conn.exec_driver_sql(
                "TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE"
            )
        # What the migrations seed (the catalogue of service types) back as migrated.
        for table, rows in _seeded_rows.items():
            conn.execute(SQLModel.metadata.tables[table].insert(), rows)
    engine.dispose()


def _is_superuser(conn: sa.Connection) -> bool:
    return bool(conn.exec_driver_sql("SELECT current_setting('is_superuser') = 'on'").scalar())


# TRUNCATE gives every table and index a new file: 150-400 ms a test for the 27 tables, where
# DELETE of the few rows a test leaves takes ~20 ms. With session_replication_role = replica
# (this transaction only; it needs a superuser) the rows go in any order, past the foreign
# keys and the audit log's append-only trigger: every table ends empty, nothing dangles. The
# test server runs without autovacuum, so a table whose file outgrew 64 kB of dead rows is
# truncated instead; sequences restart as TRUNCATE ... RESTART IDENTITY did.
EMPTY_PG_TABLES = """
DO $$
DECLARE
    name text;
BEGIN
    FOR name IN
        SELECT tablename FROM pg_tables
        WHERE schemaname = current_schema() AND tablename <> 'alembic_version'
    LOOP
        IF pg_relation_size(format('%I', name)::regclass) > 65536 THEN
            EXECUTE format('TRUNCATE %I CASCADE', name);
        ELSE
            EXECUTE format('DELETE FROM %I', name);
        END IF;
    END LOOP;
    FOR name IN
        SELECT sequencename FROM pg_sequences
        WHERE schemaname = current_schema() AND last_value IS NOT NULL
    LOOP
        EXECUTE format('ALTER SEQUENCE %I RESTART', name);
    END LOOP;
END $$
"""


def empty_pg_tables(conn: sa.Connection) -> None:
    """Every table but alembic_version emptied, in the caller's transaction."""
    conn.exec_driver_sql("SET LOCAL session_replication_role = replica")
    conn.execute(sa.text(EMPTY_PG_TABLES))
    conn.exec_driver_sql("SET LOCAL session_replication_role = origin")


# Hypothesis's per-example deadline (200 ms) times the machine, not the code: under a full
# parallel suite an ID-number property failed it at 364 ms and passed alone. No property
# here is about speed (speed lives in bench/), so examples have no deadline.
hypothesis_settings.register_profile("liushou", deadline=None)
hypothesis_settings.load_profile("liushou")


@pytest.fixture
def settings(database_url: str) -> Settings:
    return make_settings(database_url)


# FastAPI compiles an included router's routes (dependants, pydantic fields, handlers) on
# an app's first request, per app: ~200 ms of CPU, two thirds of a typical test. The compiled
# branches are configuration, the same for every app create_app builds; each test still gets
# its own app (state, database, middleware, handlers) and borrows the branches an identical
# earlier app compiled. Private to FastAPI: without it, apps simply compile their own.
_IncludedRouter = getattr(fastapi.routing, "_IncludedRouter", None)
# routes of an app -> (the first app with them, its routes as built: a test may add more later)
_COMPILED: dict[tuple[object, ...], tuple[FastAPI, tuple[Any, ...]]] = {}


def _included_context(route: Any) -> Any:
    # The app itself is the only part of an inclusion that differs between two apps.
    return dataclasses.replace(route.include_context, dependency_overrides_provider=None)


def share_compiled_routes(app: FastAPI) -> FastAPI:
    """Give ``app`` the compiled router branches of an earlier app with the same routes."""
    if _IncludedRouter is None:
        return app
    routes = app.router.routes
    key = tuple(
        id(r.original_router) if isinstance(r, _IncludedRouter) else (type(r), r.path)
        for r in routes
    )
    donor, compiled_routes = _COMPILED.setdefault(key, (app, tuple(routes)))
    if donor is app:
        return app
    for index, (route, compiled) in enumerate(zip(routes, compiled_routes, strict=True)):
        if isinstance(route, _IncludedRouter) and (
            _included_context(route) == _included_context(compiled)
        ):
            routes[index] = compiled
    # The borrowed branches look overrides up on the donor: one dict for both, emptied after
    # every test (app fixture).
    app.dependency_overrides = donor.dependency_overrides
    return app


# FastAPI keeps up to 4096 endpoints per classification cache; an app's own endpoints (its
# /openapi.json, docs pages) close over the app, so without this ~1000 finished apps with
# their engines stayed alive per worker and every full garbage collection walked them.
_ENDPOINT_CACHES = [
    cached
    for name in (
        "_is_gen_callable_cached",
        "_is_async_gen_callable_cached",
        "_is_coroutine_callable_cached",
    )
    if (cached := getattr(fastapi.dependencies.models, name, None)) is not None
]


@pytest.fixture
def app(settings: Settings) -> Iterator[FastAPI]:
    built = share_compiled_routes(create_app(settings))
    yield built
    built.dependency_overrides.clear()
    for cached in _ENDPOINT_CACHES:
        cached.cache_clear()


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def clock() -> Iterator[service_clock.FixedClock]:
    """The service's clock, stopped at the real current instant: a test moves time with
    ``clock.advance(...)`` or ``clock.set_today(...)`` instead of editing stored rows."""
    fixed = service_clock.FixedClock(datetime.now(UTC))
    previous = service_clock.install(fixed)
    yield fixed
    service_clock.install(previous)


@pytest.fixture
def db(app: FastAPI) -> Database:
    return app.state.db


@pytest.fixture
def world(app: FastAPI, db: Database):  # type: ignore[no-untyped-def]
    """A small region tree, its organizations and one signed-in user per role."""
    from tests.factories import build_world

    return build_world(app, db)


def new_id() -> str:
    return str(uuid.uuid4())
