"""Database.read_heavy (reports): off the event loop, bounded, and never keeping connections.

A report waited for by many clients at once must not take the pool's connections away from
the writes (this happened: with one SQLite connection kept per worker thread, 16 concurrent
coverage reports exhausted the pool and a concurrent import failed with 500). Nor may it make
them wait without end (at 64 connections the coverage report hit 2 s client timeouts): a
short queue with a deadline, then 503 `busy` with Retry-After.

The bounded-queue tests hold the slots with reads blocked on a threading.Event, so what they
show does not depend on timing.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import anyio
import anyio.to_thread
import pytest
import sqlalchemy as sa

from liushou.config import Settings
from liushou.db import Database
from liushou.read_path import HEAVY_READERS, HeavyReadQueue, HeavyReadsBusy
from tests.conftest import make_settings

COVERAGE = "/api/v1/reports/coverage"
# A wait that never runs out during a test: a refusal under it is the queue's bound.
LONG_WAIT = 600
# Seconds: never reached when the service is right; it turns a hang (no bound) into a failure.
SAFETY = 60


@pytest.fixture
def settings(database_url: str) -> Settings:
    """The app of these tests: no queue at all, so a third report is refused at once."""
    return make_settings(database_url, heavy_read_queue=0, heavy_read_wait_seconds=LONG_WAIT)


@pytest.fixture
def heavy_db(database_url: str) -> Iterator[Database]:
    """A Database of its own with a queue of two (the app's has none)."""
    db = Database(database_url, heavy_queue=HeavyReadQueue(size=2, wait_seconds=LONG_WAIT))
    yield db
    db.dispose()


class Held:
    """Reads that hold their slot until :meth:`release` (a threading.Event)."""

    def __init__(self) -> None:
        self._gate = threading.Event()
        self._entered = threading.Semaphore(0)

    def read(self, conn: sa.Connection) -> int:
        self._entered.release()
        self._gate.wait()
        return int(conn.execute(sa.text("SELECT 1")).scalar_one())

    def wait_running(self, count: int) -> None:
        """Block until ``count`` reads are inside their slot (a safety timeout only)."""
        for _ in range(count):
            assert self._entered.acquire(timeout=SAFETY)

    def release(self) -> None:
        self._gate.set()


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


def test_many_heavy_reads_give_their_connections_back(database_url: str):
    # A queue as long as the burst: this test is about connections, not refusals.
    db = Database(database_url, heavy_queue=HeavyReadQueue(size=24, wait_seconds=LONG_WAIT))
    results, peak = _run_concurrently(db, 24)

    assert results == [1] * 24
    assert db.engine.pool.checkedout() == 0
    assert 1 <= peak <= HEAVY_READERS
    # A write still gets a connection at once, and so does a second wave (another loop).
    assert db.run_in_session(lambda s: s.execute(sa.text("SELECT 2")).scalar_one()) == 2
    assert _run_concurrently(db, 8)[0] == [1] * 8
    db.dispose()


def test_a_full_queue_refuses_at_once_and_the_queue_runs_when_the_slots_free(heavy_db):
    held = Held()
    results: list[int] = []

    async def main() -> None:
        async def one() -> None:
            results.append(await heavy_db.read_heavy(held.read))

        async with anyio.create_task_group() as group:
            for _ in range(HEAVY_READERS):
                group.start_soon(one)
            await anyio.to_thread.run_sync(held.wait_running, HEAVY_READERS)
            for _ in range(2):  # the queue's size
                group.start_soon(one)
            await anyio.wait_all_tasks_blocked()  # both are waiting for a slot

            # The slots are held and the queue is full: refused without waiting (the wait
            # allowed is LONG_WAIT, and nothing has been released yet).
            try:
                with anyio.fail_after(SAFETY), pytest.raises(HeavyReadsBusy) as refused:
                    await heavy_db.read_heavy(held.read)
                assert results == []
            finally:
                held.release()
            refusals.append(refused.value)

    refusals: list[HeavyReadsBusy] = []
    anyio.run(main)

    assert [(busy.status, busy.code, busy.headers) for busy in refusals] == [
        (503, "busy", {"Retry-After": str(LONG_WAIT)})
    ]
    # The two that waited ran once the slots were free; no connection is kept.
    assert results == [1] * (HEAVY_READERS + 2)
    assert heavy_db.engine.pool.checkedout() == 0


def test_a_read_that_waits_past_the_deadline_is_refused(database_url: str):
    db = Database(database_url, heavy_queue=HeavyReadQueue(size=8, wait_seconds=0.05))
    held = Held()
    results: list[int] = []

    async def main() -> None:
        async def one() -> None:
            results.append(await db.read_heavy(held.read))

        async with anyio.create_task_group() as group:
            for _ in range(HEAVY_READERS):
                group.start_soon(one)
            await anyio.to_thread.run_sync(held.wait_running, HEAVY_READERS)
            # Room in the queue, but the slots stay held past the deadline.
            try:
                with anyio.fail_after(SAFETY), pytest.raises(HeavyReadsBusy) as refused:
                    await db.read_heavy(held.read)
            finally:
                held.release()
            refusals.append(refused.value)
        # The slots free again: the next read runs.
        results.append(
            await db.read_heavy(lambda c: int(c.execute(sa.text("SELECT 2")).scalar_one()))
        )

    refusals: list[HeavyReadsBusy] = []
    anyio.run(main)
    db.dispose()

    assert [busy.headers for busy in refusals] == [{"Retry-After": "1"}]
    assert results == [1] * HEAVY_READERS + [2]


def hold_the_slots(client, held: Held) -> list[object]:
    """Take every heavy-read slot of the app's own Database with reads blocked on ``held``,
    on the app's event loop (the TestClient's portal), and wait until they run."""
    db = client.app.state.db
    futures = [
        client.portal.start_task_soon(db.read_heavy, held.read) for _ in range(HEAVY_READERS)
    ]
    held.wait_running(HEAVY_READERS)
    return futures


def test_a_busy_report_is_503_busy_with_retry_after(client, world):
    held = Held()
    staff = world.as_("staff")

    holding = hold_the_slots(client, held)
    try:
        english = {**staff, "Accept-Language": "en"}
        refused = client.get(COVERAGE, headers=english)
        refused_zh = client.get(COVERAGE, headers=staff)
    finally:
        held.release()
    assert [future.result(timeout=SAFETY) for future in holding] == [1] * HEAVY_READERS
    answered = client.get(COVERAGE, headers=staff)

    assert refused.status_code == 503, refused.text
    assert refused.headers["content-type"] == "application/problem+json"
    assert refused.headers["retry-after"] == str(LONG_WAIT)
    assert refused.json()["code"] == "busy"
    assert refused.json()["title"] == "Busy, retry later"
    assert refused_zh.json()["title"] == "服务繁忙，请稍后重试"
    assert answered.status_code == 200, answered.text
