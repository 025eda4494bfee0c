"""The two read paths (docs/performance.md): the speed path answers exactly what plain
SQLAlchemy answers, and survives a dropped PostgreSQL connection."""

from __future__ import annotations

import asyncio
import uuid

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from liushou.app import create_app
from liushou.db import Database
from liushou.read_path import FastReads, PlainReads, PreparedBatch, PreparedSelect
from liushou.regions.models import Region
from tests.conftest import make_settings
from tests.guardianship.helpers import drop_other_connections, postgres_only
from tests.registry.factories import child_body, create, elder_body, woman_body

_region_t = Region.__table__
_BY_CODE = PreparedSelect(
    sa.select(_region_t.c.id, _region_t.c.name, _region_t.c.level, _region_t.c.updated_at)
    .where(_region_t.c.code == sa.bindparam("code"))
    .order_by(_region_t.c.id)
)


def test_the_hot_reads_answer_the_same_on_both_paths(client, world, database_url):
    staff = world.as_("staff")
    people = [
        create(client, staff, child_body(world.village)),
        create(client, staff, woman_body(world.village)),
        create(client, staff, elder_body(world.community)),
    ]
    paths = [
        f"/api/v1/regions/{world.village.id}",
        f"/api/v1/regions?within={world.huangtun.id}",
        f"/api/v1/persons/{people[0]['id']}",
        f"/api/v1/persons?region_id={world.huangtun.id}&limit=2",
        f"/api/v1/persons?region_id={world.village.id}&category=child",
        f"/api/v1/reports/coverage?region_id={world.huangtun.id}",
    ]
    plain_app = create_app(make_settings(database_url, read_path="plain"))
    assert isinstance(plain_app.state.db._reads, PlainReads)
    assert not isinstance(plain_app.state.db._reads, FastReads)
    assert isinstance(client.app.state.db._reads, FastReads)

    with TestClient(plain_app) as plain:
        for path in paths:
            fast_answer = client.get(path, headers=staff)
            plain_answer = plain.get(path, headers=staff)
            assert fast_answer.status_code == 200, (path, fast_answer.text)
            assert (plain_answer.status_code, plain_answer.json()) == (200, fast_answer.json())
            assert plain_answer.headers.get("etag") == fast_answer.headers.get("etag")


@pytest.mark.parametrize("reads", ["fast", "plain"])
def test_a_prepared_select_gives_the_columns_python_values(world, database_url, reads):
    """Both paths pass values through the columns' processors: enums, aware datetimes."""
    db = Database(database_url, reads)
    try:
        rows = asyncio.run(db.read(lambda conn: _BY_CODE.fetch(conn, {"code": "370871005201"})))
    finally:
        db.dispose()

    assert [row["id"] for row in rows] == [world.village.id]
    assert rows[0]["name"] == "东营村"
    assert rows[0]["level"] == world.village.level
    assert rows[0]["updated_at"].utcoffset() is not None


_BY_IDS = PreparedBatch(
    lambda one_of: sa.select(_region_t.c.id, _region_t.c.name, _region_t.c.updated_at).where(
        one_of(_region_t.c.id)
    ),
    sa.Uuid,
)


@pytest.mark.parametrize("reads", ["fast", "plain"])
def test_a_prepared_batch_reads_any_number_of_keys(world, database_url, reads):
    """Chunks of the fixed sizes, the last one padded: every row of the keys, once."""
    regions = [world.village, world.community, world.other_village, world.huangtun]
    wanted = [r.id for r in regions]
    db = Database(database_url, reads)
    try:
        for keys in ([], wanted[:1], wanted, [uuid.uuid4() for _ in range(700)] + wanted):
            rows = asyncio.run(db.read(lambda conn, keys=keys: _BY_IDS.fetch(conn, keys, {})))
            assert sorted(r["id"] for r in rows) == sorted(set(keys) & set(wanted))
            assert all(r["updated_at"].utcoffset() is not None for r in rows)
    finally:
        db.dispose()


@postgres_only
def test_a_read_on_a_dropped_connection_is_retried(world, database_url):
    db = Database(database_url, "fast")
    village = str(world.village.id)

    def read() -> list[dict[str, object]]:
        return asyncio.run(db.read(lambda conn: _BY_CODE.fetch(conn, {"code": "370871005201"})))

    try:
        assert str(read()[0]["id"]) == village  # the read pool now holds a connection
        with db.engine.connect() as admin:
            killed = drop_other_connections(admin)
        assert killed >= 1

        assert str(read()[0]["id"]) == village
    finally:
        db.dispose()
