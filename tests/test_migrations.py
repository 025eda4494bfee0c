"""Migrations run upgrade → downgrade → upgrade, and the models match them."""

from __future__ import annotations

import os

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlmodel import SQLModel

import liushou.models  # noqa: F401 - every table on the metadata
from liushou import migrations
from tests.conftest import PG_SERVER_URL, _worker, create_pg_database, drop_pg_database

# The process id keeps two test runs on one server (CI and a developer) out of each other's way.
MIGRATIONS_DB = f"liushou_migrations_{_worker()}_{os.getpid()}"


def _fresh_database_url(tmp_path) -> str:  # type: ignore[no-untyped-def]
    if PG_SERVER_URL:
        return create_pg_database(PG_SERVER_URL, MIGRATIONS_DB)
    return f"sqlite:///{tmp_path / 'migrations.db'}"


def _tables(url: str) -> set[str]:
    engine = sa.create_engine(url)
    try:
        return set(sa.inspect(engine).get_table_names()) - {"alembic_version"}
    finally:
        engine.dispose()


def test_upgrade_downgrade_upgrade(tmp_path) -> None:
    url = _fresh_database_url(tmp_path)
    try:
        migrations.upgrade(url)
        expected = set(SQLModel.metadata.tables)
        assert _tables(url) == expected
        migrations.downgrade(url, "base")
        assert _tables(url) == set()
        migrations.upgrade(url)
        assert _tables(url) == expected
    finally:
        if PG_SERVER_URL:
            drop_pg_database(PG_SERVER_URL, MIGRATIONS_DB)


def test_models_and_migrations_agree(database_url: str) -> None:
    engine = sa.create_engine(database_url)
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "render_as_batch": conn.dialect.name == "sqlite"}
        )
        diff = compare_metadata(context, SQLModel.metadata)
    engine.dispose()
    assert diff == []


def test_audit_events_are_append_only_at_the_database_level(db, world) -> None:  # type: ignore[no-untyped-def]
    with db.engine.connect() as conn:
        assert conn.scalar(sa.text("SELECT count(*) FROM audit_event")) > 0
    for statement in ("UPDATE audit_event SET action = 'x'", "DELETE FROM audit_event"):
        try:
            with db.engine.begin() as conn:
                conn.execute(sa.text(statement))
        except sa.exc.DBAPIError as exc:
            assert "append-only" in str(exc).lower() or "audit" in str(exc).lower()
        else:
            raise AssertionError(f"{statement} was allowed")
