"""Engine, sessions and the column types every domain shares.

Writes run in a synchronous ``Session`` (one unit of work per request, api/unit_of_work.py)
on a worker thread. Reads go through :meth:`Database.read` and :meth:`Database.read_heavy`,
whose path (plain SQLAlchemy, or the speed path) lives in :mod:`liushou.read_path`.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, TypeVar

import anyio.to_thread
import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlmodel import Field, Session, SQLModel

from liushou import clock
from liushou.read_path import HeavyReadQueue, ReadPathName, read_path

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
# Must be set before any table model is defined (Alembic and batch mode rely on the names).
SQLModel.metadata.naming_convention = NAMING_CONVENTION

T = TypeVar("T")


def utcnow() -> datetime:
    """Now, from the service's clock (a test's FixedClock moves stored timestamps too)."""
    return clock.now()


class UTCDateTime(sa.types.TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on both databases (SQLite stores them naive)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def enum_type(enum_cls: type[StrEnum], name: str) -> sa.Enum:
    """Enums are short strings guarded by a CHECK constraint, never native PG enums."""
    return sa.Enum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=max(len(m.value) for m in enum_cls),
        values_callable=lambda cls: [m.value for m in cls],
        validate_strings=True,
    )


def path_type(length: int = 400) -> sa.types.TypeEngine[str]:
    """Materialised paths compare byte-wise, so subtree range scans work on any locale."""
    return sa.String(length).with_variant(sa.String(length, collation="C"), "postgresql")


class Resource(SQLModel):
    """Columns every API resource carries: id, timestamps, version (the ETag), soft delete."""

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    updated_at: datetime = Field(
        default_factory=utcnow, sa_type=UTCDateTime, nullable=False, index=True
    )
    version: int = Field(default=1, nullable=False)
    deleted_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


SQLITE_BUSY_TIMEOUT_MS = 5000


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # We emit BEGIN ourselves (below): pysqlite's implicit transactions start too late.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    # SQLite has one write lock. A writer that finds it taken sleeps in SQLite's busy
    # handler, in steps of up to 100 ms, and retries: under a crowd of writers most of a
    # write's time was that sleep. So the writers of this process queue on a lock of their
    # own first and take SQLite's lock only once it is free (docs/performance.md,
    # "Writes"). Writers of other processes (the CLI) still meet busy_timeout; so does a
    # writer whose wait here outlasts it (never a deadlock).
    writers = threading.Lock()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        if conn.get_execution_options().get("liushou_autocommit"):
            return
        queued = writers.acquire(timeout=SQLITE_BUSY_TIMEOUT_MS / 1000)
        try:
            # IMMEDIATE takes the write lock up front, so a transaction that reads and then
            # writes waits for other writers instead of failing with SQLITE_BUSY.
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        except BaseException:
            if queued:
                writers.release()
            raise
        conn.info["liushou_writer"] = queued

    @event.listens_for(engine, "commit")
    def _on_commit(conn: Connection) -> None:
        if not conn.info.pop("liushou_writer", False):
            return
        # COMMIT here, as BEGIN above, so that the next writer is let in only once SQLite's
        # lock is free (pysqlite's commit() that follows then finds nothing to commit).
        try:
            conn.exec_driver_sql("COMMIT")
        finally:
            writers.release()

    @event.listens_for(engine, "rollback")
    def _on_rollback(conn: Connection) -> None:
        if conn.info.pop("liushou_writer", False):
            writers.release()


# Connections kept open for the writes' units of work and the worker threads' reads. A
# connection the pool does not keep is closed when given back, and a new one pays for its
# PRAGMAs and for reading the schema on its first statement: with the default 5, a crowd of
# 16 writers opened and closed connections all the time (docs/performance.md, "Writes").
SQLITE_POOL_SIZE = 20


def create_db_engine(url: str) -> Engine:
    # hide_parameters: a logged database error never carries the statement's values (names,
    # ciphertexts, search terms), only the SQL.
    if url.startswith("sqlite"):
        database = sa.engine.make_url(url).database
        # An in-memory database (the OpenAPI export) has one connection per thread, no pool.
        in_memory = not database or database == ":memory:"
        pool = (
            {} if in_memory else {"pool_size": SQLITE_POOL_SIZE, "max_overflow": SQLITE_POOL_SIZE}
        )
        engine = sa.create_engine(
            url, connect_args={"check_same_thread": False}, hide_parameters=True, **pool
        )
        _configure_sqlite(engine)
        return engine
    engine = sa.create_engine(url, pool_size=10, max_overflow=10, hide_parameters=True)
    _ping_idle_connections(engine)
    return engine


# A pooled PostgreSQL connection is pinged before use only when it has sat idle this long.
# A restarted server or a dropped connection is still found before a request uses it, but a
# busy server, whose connections come back into use within milliseconds, pays no round
# trip per request as with pool_pre_ping (docs/performance.md, "Writes").
PING_AFTER_IDLE_SECONDS = 1.0


def _ping_idle_connections(engine: Engine) -> None:
    @event.listens_for(engine, "checkin")
    def _on_checkin(_dbapi_conn: Any, record: Any) -> None:
        record.info["liushou_idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _on_checkout(dbapi_conn: Any, record: Any, _proxy: Any) -> None:
        idle_since = record.info.pop("liushou_idle_since", None)
        if idle_since is None or time.monotonic() - idle_since < PING_AFTER_IDLE_SECONDS:
            return  # a new connection, or one in use a moment ago
        try:
            engine.dialect.do_ping(dbapi_conn)
        except engine.dialect.loaded_dbapi.Error as exc:
            # The pool discards this connection and checks out another (a new one).
            raise sa.exc.DisconnectionError("a pooled connection was dropped") from exc


class Database:
    """The engine, the units of work of the writes, and the read path (liushou.read_path)."""

    def __init__(
        self, url: str, reads: ReadPathName = "fast", heavy_queue: HeavyReadQueue | None = None
    ) -> None:
        self.url = url
        self.engine = create_db_engine(url)
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        self._reads = read_path(self.engine, reads, heavy_queue)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work; the caller commits once, anything unfinished is rolled back."""
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    def run_in_session(self, fn: Callable[[Session], T]) -> T:
        """Run ``fn`` in a fresh unit of work and commit it."""
        with self.session() as session:
            result = fn(session)
            session.commit()
            return result

    async def write(self, fn: Callable[[Session], T]) -> T:
        """:meth:`run_in_session` on a worker thread, for ``async`` callers."""
        return await anyio.to_thread.run_sync(self.run_in_session, fn)

    async def read(self, fn: Callable[[Connection], T]) -> T:
        """Run the read ``fn`` the way the read path chooses (inline or on a worker thread)."""
        return await self._reads.read(fn)

    async def read_heavy(self, fn: Callable[[Connection], T], *, refusable: bool = True) -> T:
        """:meth:`read` for a query whose cost grows with the data: always on a worker
        thread, a bounded number at once, a bounded number waiting, else 503 ``busy``
        unless not ``refusable`` (liushou.read_path.PlainReads.read_heavy)."""
        return await self._reads.read_heavy(fn, refusable=refusable)

    def dispose(self) -> None:
        self._reads.dispose()
        self.engine.dispose()
