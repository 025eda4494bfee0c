"""Database.read_heavy (reports): off the event loop, bounded, and never keeping connections.

A report waited for by many clients at once must not take the pool's connections away from
the writes (this happened: with one SQLite connection kept per worker thread, 16 concurrent
coverage reports exhausted the pool and a concurrent import failed with 500).
"""

from __future__ import annotations

import threading
import time

import anyio
import sqlalchemy as sa

from liushou.db import Database
from liushou.read_path import HEAVY_READERS


def _run_concurrently(db: Database, count: int) -> tuple[list[int], int]:
    lock = threading.Lock()
    running = 0
    peak = 0

    def report(conn: sa.Connection) -> int:
        nonlocal running, peak
        with lock:
            running += 1
            peak = max(peak, running)
        try:
            time.sleep(0.02)  # a query that takes a while
            return int(conn.execute(sa.text("SELECT 1")).scalar_one())
        finally:
            with lock:
                running -= 1

    results: list[int] = []

    async def main() -> None:
        async def one() -> None:
            results.append(await db.read_heavy(report))

        async with anyio.create_task_group() as group:
            for _ in range(count):
                group.start_soon(one)

    anyio.run(main)
    return results, peak


def test_many_heavy_reads_give_their_connections_back(db: Database):
    results, peak = _run_concurrently(db, 24)

    assert results == [1] * 24
    assert db.engine.pool.checkedout() == 0
    assert 1 <= peak <= HEAVY_READERS
    # A write still gets a connection at once, and so does a second wave (another loop).
    assert db.run_in_session(lambda s: s.execute(sa.text("SELECT 2")).scalar_one()) == 2
    assert _run_concurrently(db, 8)[0] == [1] * 8
