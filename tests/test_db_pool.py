"""The PostgreSQL pool pings a connection that sat idle before handing it out (db.py,
docs/performance.md "Writes"): a dropped connection never reaches a request."""

from __future__ import annotations

import time

import sqlalchemy as sa

from liushou.db import PING_AFTER_IDLE_SECONDS, Database
from tests.guardianship.helpers import drop_other_connections, postgres_only


@postgres_only
def test_a_write_after_the_servers_connections_were_dropped_gets_a_live_one(database_url):
    db = Database(database_url)

    def write() -> int:
        return db.run_in_session(lambda session: session.execute(sa.text("SELECT 1")).scalar())

    try:
        assert write() == 1  # the pool now holds a connection
        admin_engine = sa.create_engine(database_url, poolclass=sa.pool.NullPool)
        with admin_engine.connect() as admin:  # not from the pool under test
            killed = drop_other_connections(admin)
        assert killed >= 1
        time.sleep(PING_AFTER_IDLE_SECONDS + 0.2)  # idle long enough to be pinged

        assert write() == 1
    finally:
        db.dispose()
