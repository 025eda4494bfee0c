"""Engine, sessions and the column types every domain shares.

Two paths into the database, chosen once here:

* writes run in a synchronous ``Session`` (one unit of work per request) on a worker thread;
* reads go through :meth:`Database.read`, which on SQLite runs the query inline on the event
  loop (a point query costs tens of microseconds, far less than a threadpool hop) on a
  persistent per-thread connection, and on PostgreSQL hands it to a worker thread so a
  network round trip never stalls the loop (on a pool of autocommit connections: one
  round trip per query, see :meth:`Database._run_read`).

The hottest reads also skip SQLAlchemy's per-execution machinery: see :class:`PreparedSelect`.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, TypeVar

import anyio.to_thread
import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlmodel import Field, Session, SQLModel

from liushou import clock

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


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # We emit BEGIN ourselves (below): pysqlite's implicit transactions start too late.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=5000")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        if conn.get_execution_options().get("liushou_autocommit"):
            return
        # IMMEDIATE takes the write lock up front, so a transaction that reads and then writes
        # waits for other writers (busy_timeout) instead of failing with SQLITE_BUSY.
        conn.exec_driver_sql("BEGIN IMMEDIATE")


@dataclass(frozen=True)
class _CompiledSelect:
    sql: str
    positional: tuple[str, ...] | None  # parameter names in order (qmark), None for named
    defaults: dict[str, Any]  # values bound when the statement was built
    bind_processors: dict[str, Callable[[Any], Any]]
    keys: list[str]
    result_processors: list[tuple[int, Callable[[Any], Any]]]  # (column index, processor)


class PreparedSelect:
    """A Core SELECT built once, compiled once per dialect and run on the driver's connection.

    For the hottest reads only. Building a Core statement, computing its cache key and
    setting up SQLAlchemy's execution context and result objects costs several times what
    SQLite spends on a point query (~190 µs against ~10 µs for ``GET /regions/{id}``).
    SQLAlchemy still writes the SQL, and values still pass through the columns' own bind
    and result processors, so rows hold the same Python values ``Connection.execute`` gives.
    Every parameter is a ``sa.bindparam`` given to :meth:`fetch` by name.
    """

    def __init__(self, stmt: sa.Select[Any]) -> None:
        self.stmt = stmt
        self._compiled: dict[str, _CompiledSelect] = {}  # by dialect name

    def _compile(self, dialect: sa.Dialect) -> _CompiledSelect:
        compiled = self._compiled.get(dialect.name)
        if compiled is not None:
            return compiled
        c = self.stmt.compile(dialect=dialect)
        binds = {
            name: bind.type.dialect_impl(dialect).bind_processor(dialect)
            for name, bind in c.binds.items()
        }
        results = [
            col.type.dialect_impl(dialect).result_processor(dialect, None)
            for col in self.stmt.selected_columns
        ]
        compiled = _CompiledSelect(
            sql=c.string,
            positional=tuple(c.positiontup) if c.positiontup else None,
            defaults={name: bind.value for name, bind in c.binds.items() if not bind.required},
            bind_processors={name: proc for name, proc in binds.items() if proc is not None},
            keys=list(self.stmt.selected_columns.keys()),
            result_processors=[(i, proc) for i, proc in enumerate(results) if proc is not None],
        )
        self._compiled[dialect.name] = compiled
        return compiled

    def fetch(self, conn: Connection, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        """Every row as a dict of column key to value; ``conn`` comes from :meth:`Database.read`."""
        c = self._compile(conn.dialect)
        values = {**c.defaults, **params}

        def bind(name: str) -> Any:
            proc = c.bind_processors.get(name)
            return values[name] if proc is None else proc(values[name])

        # qmark (SQLite): a list in the SQL's order; pyformat (psycopg): a dict by name.
        args: Any = (
            [bind(n) for n in c.positional] if c.positional else {n: bind(n) for n in values}
        )
        dbapi_conn: Any = conn.connection.driver_connection
        try:
            cursor = dbapi_conn.cursor()
            try:
                cursor.execute(c.sql, args)
                rows = cursor.fetchall()
            finally:
                cursor.close()
        except conn.dialect.loaded_dbapi.Error as exc:
            # Raised as Connection.execute would (the app answers OperationalError with 503;
            # Database.read retries a read whose connection was dropped).
            dropped = conn.dialect.is_disconnect(exc, dbapi_conn, None)
            if dropped:
                conn.invalidate(exc)
            raise sa.exc.DBAPIError.instance(
                c.sql,
                args,
                exc,
                conn.dialect.loaded_dbapi.Error,
                connection_invalidated=dropped,
                dialect=conn.dialect,
            ) from exc
        result = []
        for raw in rows:
            row = list(raw)
            for i, proc in c.result_processors:
                row[i] = proc(row[i])
            result.append(dict(zip(c.keys, row, strict=True)))
        return result


def create_db_engine(url: str) -> Engine:
    # hide_parameters: a logged database error never carries the statement's values (names,
    # ciphertexts, search terms), only the SQL.
    if url.startswith("sqlite"):
        engine = sa.create_engine(
            url, connect_args={"check_same_thread": False}, hide_parameters=True
        )
        _configure_sqlite(engine)
        return engine
    return sa.create_engine(
        url, pool_size=10, max_overflow=10, pool_pre_ping=True, hide_parameters=True
    )


# Heavy reads (reports) running at once: the machine's cores are the limit anyway.
HEAVY_READERS = 2


class Database:
    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = create_db_engine(url)
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        # PostgreSQL reads get their own pool: autocommit (no BEGIN and ROLLBACK round trips
        # around each query) and no pre-ping (a round trip per checkout); a connection found
        # dropped is replaced and the read retried once instead (see _run_read).
        self._read_engine = (
            None
            if self.is_sqlite
            else sa.create_engine(
                url,
                pool_size=10,
                max_overflow=10,
                isolation_level="AUTOCOMMIT",
                hide_parameters=True,
            )
        )
        self._local = threading.local()
        self._readers: list[Any] = []
        self._readers_lock = threading.Lock()
        self._heavy_readers: anyio.CapacityLimiter | None = None

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

    def _run_read(self, fn: Callable[[Connection], T]) -> T:
        assert self._read_engine is not None
        try:
            with self._read_engine.connect() as conn:
                return fn(conn)
        except sa.exc.DBAPIError as exc:
            if not exc.connection_invalidated:
                raise
            # The connection had been dropped (PostgreSQL restarted, a proxy timed it out):
            # the pooled ones likely were too. Start a fresh pool and run the read again;
            # reads are safe to repeat.
            self._read_engine.dispose()
        with self._read_engine.connect() as conn:
            return fn(conn)

    async def read(self, fn: Callable[[Connection], T]) -> T:
        if not self.is_sqlite:
            return await anyio.to_thread.run_sync(self._run_read, fn)
        conn = self._sqlite_read_connection()
        try:
            return fn(conn)
        finally:
            conn.rollback()  # no BEGIN was sent: this only resets SQLAlchemy's bookkeeping

    async def read_heavy(self, fn: Callable[[Connection], T]) -> T:
        """:meth:`read` for a query whose cost grows with the data (a report over a county):
        on a worker thread on SQLite too, so it never stalls the event loop (sqlite3 releases
        the GIL while a statement runs). At most ``HEAVY_READERS`` run at once, each on a
        pooled connection it gives back: however many requests wait for a report, the pools
        keep connections for the other reads and the writes."""
        if self._heavy_readers is None:  # created on the event loop, on first use
            self._heavy_readers = anyio.CapacityLimiter(HEAVY_READERS)
        run = self._sqlite_read if self.is_sqlite else self._run_read
        return await anyio.to_thread.run_sync(run, fn, limiter=self._heavy_readers)

    def _sqlite_read(self, fn: Callable[[Connection], T]) -> T:
        with self.engine.connect() as conn:
            return fn(conn.execution_options(liushou_autocommit=True))

    def _sqlite_read_connection(self) -> Connection:
        conn = getattr(self._local, "sa_conn", None)
        if conn is None or conn.closed:  # closed: dispose() ran (app shut down and restarted)
            # Autocommit: each SELECT sees the latest commit and no read snapshot stays open
            # between requests (so WAL checkpoints are never starved).
            conn = self.engine.connect().execution_options(liushou_autocommit=True)
            self._local.sa_conn = conn
            with self._readers_lock:
                self._readers.append(conn)
        return conn

    def dispose(self) -> None:
        with self._readers_lock:
            for conn in self._readers:
                try:
                    conn.close()
                except Exception:  # noqa: BLE001 - closing a connection of another thread
                    pass
            self._readers.clear()
        if self._read_engine is not None:
            self._read_engine.dispose()
        self.engine.dispose()
