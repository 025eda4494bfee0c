"""Migrations run upgrade → downgrade → upgrade, and the models match them."""

from __future__ import annotations

import json
import os
import uuid

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from fastapi.testclient import TestClient
from sqlmodel import SQLModel

import liushou.models  # noqa: F401 - every table on the metadata
from liushou import migrations
from liushou.app import create_app
from tests.conftest import (
    PG_SERVER_URL,
    _worker,
    create_pg_database,
    drop_pg_database,
    make_settings,
)
from tests.factories import build_world
from tests.registry.factories import PERSONS, child_body, masked, patch, woman_body

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


# --- 0005: masked ID numbers show the first 6 and the last character (docs/privacy.md) ----

_COPIES = {"person_version": "snapshot", "idempotency_key": "body"}


def _old_mask(number: str) -> str:
    return number[:6] + "*" * 8 + number[-4:]


def _register_two_persons(url: str) -> dict[str, str]:
    """Two persons through the API (one with an Idempotency-Key, one changed once);
    returns person id -> full ID number."""
    app = create_app(make_settings(url))
    with TestClient(app) as client:
        world = build_world(app, app.state.db)
        staff = world.as_("staff")
        bodies = [child_body(world.village), woman_body(world.village)]
        created = [
            client.post(PERSONS, json=bodies[0], headers={**staff, "Idempotency-Key": "k-1"}),
            client.post(PERSONS, json=bodies[1], headers=staff),
        ]
        assert [r.status_code for r in created] == [201, 201]
        patch(client, staff, created[1].json(), {"address": "东营村 5 号"})
    return {r.json()["id"]: b["id_number"] for r, b in zip(created, bodies, strict=True)}


def _stored_masks(conn: sa.Connection) -> list[tuple[str, str | None]]:
    """(where, mask) of every stored copy of a masked ID number."""
    found = [
        ("person", row[0]) for row in conn.execute(sa.text("SELECT id_number_masked FROM person"))
    ]
    for table, column in _COPIES.items():
        t = sa.table(table, sa.column(column, sa.JSON))
        for (document,) in conn.execute(sa.select(t.c[column])):
            if isinstance(document, dict) and "id_number_masked" in document:
                found.append((table, document["id_number_masked"]))
    return found


def _write_old_masks(conn: sa.Connection, numbers: dict[str, str]) -> None:
    """What the code before 0005 stored: the first 6 and the last 4 characters."""
    person = sa.table("person", sa.column("id", sa.Uuid), sa.column("id_number_masked"))
    for person_id, number in numbers.items():
        conn.execute(
            sa.update(person)
            .where(person.c.id == uuid.UUID(person_id))
            .values(id_number_masked=_old_mask(number))
        )
    by_new_mask = {masked(n): _old_mask(n) for n in numbers.values()}
    for table, column in _COPIES.items():
        t = sa.table(table, sa.column("id", sa.Uuid), sa.column(column, sa.JSON))
        for row_id, document in conn.execute(sa.select(t.c.id, t.c[column])).all():
            if isinstance(document, dict) and document.get("id_number_masked"):
                old = {**document, "id_number_masked": by_new_mask[document["id_number_masked"]]}
                conn.execute(sa.update(t).where(t.c.id == row_id).values({column: old}))


def test_0005_rewrites_every_stored_mask_and_nothing_else(tmp_path) -> None:
    url = _fresh_database_url(tmp_path)
    try:
        migrations.upgrade(url)
        numbers = _register_two_persons(url)
        migrations.downgrade(url, "0004")
        engine = sa.create_engine(url)
        with engine.begin() as conn:
            _write_old_masks(conn, numbers)
            before = _stored_masks(conn)
            snapshots = _versions(conn)
        old_masks = {_old_mask(n) for n in numbers.values()}
        # person x2, versions x3, the idempotent response x1
        assert len(before) == 6 and {m for _, m in before} == old_masks

        migrations.upgrade(url)

        with engine.connect() as conn:
            after = _stored_masks(conn)
            rewritten = _versions(conn)
        engine.dispose()
        assert sorted(where for where, _ in after) == sorted(where for where, _ in before)
        assert {m for _, m in after} == {masked(n) for n in numbers.values()}
        # only the mask changed in the snapshots
        strip = "id_number_masked"
        for old, new in zip(snapshots, rewritten, strict=True):
            assert {k: v for k, v in old.items() if k != "snapshot"} == {
                k: v for k, v in new.items() if k != "snapshot"
            }
            old_snapshot, new_snapshot = _json(old["snapshot"]), _json(new["snapshot"])
            old_snapshot.pop(strip), new_snapshot.pop(strip)
            assert old_snapshot == new_snapshot
    finally:
        if PG_SERVER_URL:
            drop_pg_database(PG_SERVER_URL, MIGRATIONS_DB)


def _json(value) -> dict:  # type: ignore[no-untyped-def]
    return json.loads(value) if isinstance(value, str) else dict(value)


def _versions(conn: sa.Connection) -> list[dict]:
    rows = conn.execute(sa.text("SELECT * FROM person_version ORDER BY id")).mappings()
    return [dict(r) for r in rows]
