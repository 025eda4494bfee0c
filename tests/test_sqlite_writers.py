"""SQLite's writers queue in the process before they take the database's one write lock
(db.py, docs/performance.md "Writes"): a second writer waits for the first to commit
without ever meeting SQLite's lock, so it never sleeps in SQLite's busy handler."""

from __future__ import annotations

import threading

import pytest

from liushou.db import Database


def test_a_second_writer_waits_for_the_first_commit_not_for_sqlite(db: Database) -> None:
    if not db.is_sqlite:
        pytest.skip("SQLite only: PostgreSQL has row locks")
    steps: list[str] = []
    failures: list[BaseException] = []

    def second_writer() -> None:
        try:
            with db.engine.connect() as conn:
                # No patience at all with SQLite's lock: were the lock ever taken when this
                # writer begins, BEGIN IMMEDIATE would fail at once ("database is locked").
                conn.connection.dbapi_connection.execute("PRAGMA busy_timeout=0")  # type: ignore[union-attr]
                with conn.begin():
                    conn.exec_driver_sql("SELECT 1")
                    steps.append("second began")
        except BaseException as exc:  # noqa: BLE001 - reported below
            failures.append(exc)

    with db.engine.connect() as conn:
        with conn.begin():
            conn.exec_driver_sql("SELECT 1")  # BEGIN IMMEDIATE: the write lock is held
            second = threading.Thread(target=second_writer)
            second.start()
            second.join(0.3)  # it is waiting, in the process's queue
            assert second.is_alive() and steps == []
            steps.append("first committed")
        second.join(10)

    assert failures == []
    assert steps == ["first committed", "second began"]


def test_a_rolled_back_write_lets_the_next_writer_in(db: Database) -> None:
    if not db.is_sqlite:
        pytest.skip("SQLite only")
    with pytest.raises(RuntimeError), db.engine.begin() as conn:
        conn.exec_driver_sql("SELECT 1")
        raise RuntimeError("the write fails: rolled back")

    def next_writer() -> None:
        with db.engine.begin() as conn:
            conn.exec_driver_sql("SELECT 1")

    # Were the queue's place not given back on rollback, the next writer would wait out the
    # queue's timeout (5 s, the busy timeout) although no one writes.
    writer = threading.Thread(target=next_writer)
    writer.start()
    writer.join(2)
    assert not writer.is_alive()


def test_a_file_database_keeps_a_pool_of_connections_and_memory_has_none(tmp_path) -> None:
    """docs/performance.md, "SQLite's pool": a crowd of writers reuses kept connections; an
    in-memory database (the OpenAPI export) still works, on its per-thread connection."""
    from liushou.db import SQLITE_POOL_SIZE, create_db_engine

    on_file = create_db_engine(f"sqlite:///{tmp_path / 'pool.db'}")
    assert on_file.pool.size() == SQLITE_POOL_SIZE  # type: ignore[attr-defined]
    on_file.dispose()
    in_memory = create_db_engine("sqlite://")
    with in_memory.connect() as conn:
        assert conn.exec_driver_sql("SELECT 1").scalar() == 1
    in_memory.dispose()
