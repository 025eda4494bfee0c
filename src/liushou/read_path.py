"""How reads reach the database: the plain path and the speed path (docs/performance.md).

The interface is small: :meth:`ReadPath.read` and :meth:`ReadPath.read_heavy` run a function
of a ``Connection`` and return its result; :class:`PreparedSelect` is a statement built once
that a repository runs with :meth:`PreparedSelect.fetch`. Everything else in the service uses
plain SQLAlchemy.

* :class:`PlainReads` (``LIUSHOU_READ_PATH=plain``): SQLAlchemy as documented. Every read on a
  worker thread, on a pooled connection of the write engine, through ``Connection.execute``.
* :class:`FastReads` (the default): on SQLite the read runs inline on the event loop on a
  persistent per-thread connection (a point query costs tens of microseconds, far less than
  the threadpool hop); on PostgreSQL on a worker thread, on a pool of autocommit connections
  without pre-ping (one round trip per query). Its connections are marked so that
  :meth:`PreparedSelect.fetch` runs on the driver's cursor and skips SQLAlchemy's
  per-execution work.

The benchmark (bench/run.py) serves both and prints what the speed path buys per endpoint.
Heavy reads (reports, export batches) take the same worker-thread path on both (bounded, see
``read_heavy``): a few at once; a report waits in a short queue with a deadline and is
refused with 503 ``busy`` beyond it, an export batch (its response already started) waits.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol, TypeVar

import anyio
import anyio.to_thread
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import Connection, Engine

from liushou.errors import AppError, problem_responses

T = TypeVar("T")
ReadPathName = Literal["fast", "plain"]

# Heavy reads (reports) running at once: the machine's cores are the limit anyway.
HEAVY_READERS = 2
# Execution options: no BEGIN on SQLite (db._configure_sqlite), and the speed path's mark.
AUTOCOMMIT = {"liushou_autocommit": True}
_FAST = "liushou_fast_reads"


@dataclass(frozen=True)
class HeavyReadQueue:
    """How many heavy reads may wait for one of the ``HEAVY_READERS`` slots, and how long
    (``LIUSHOU_HEAVY_READ_QUEUE``, ``LIUSHOU_HEAVY_READ_WAIT_SECONDS``). Waiting without a
    bound turned a burst of reports into client timeouts (docs/performance.md): past either
    bound the read is refused at once with 503 ``busy`` and ``Retry-After``."""

    size: int = 8
    wait_seconds: float = 1.0


class HeavyReadsBusy(AppError):
    status, code = 503, "busy"
    detail_zh, detail_en = (
        "报表请求过多，请稍后重试。",
        "Too many reports are being computed; retry shortly.",
    )


# The `responses=` entry of the routes that read through `read_heavy`.
BUSY_RESPONSE: dict[int | str, dict[str, Any]] = {
    503: {
        **problem_responses(503)[503],
        "description": "Too many heavy reads running and waiting (`busy`)",
        "headers": {
            "Retry-After": {
                "description": "Seconds after which a retry is likely to find a slot",
                "schema": {"type": "integer"},
            }
        },
    }
}


class ReadPath(Protocol):
    async def read(self, fn: Callable[[Connection], T]) -> T: ...

    async def read_heavy(self, fn: Callable[[Connection], T], *, refusable: bool = True) -> T: ...

    def dispose(self) -> None: ...


class PlainReads:
    """Every read on a worker thread, on the write engine's pool, as SQLAlchemy documents."""

    def __init__(self, engine: Engine, heavy_queue: HeavyReadQueue | None = None) -> None:
        self.engine = engine
        self.heavy_queue = heavy_queue or HeavyReadQueue()
        self._heavy_readers: anyio.CapacityLimiter | None = None
        # The worker threads of the reads holding a slot: as many as the slots, so a read
        # that has its slot never waits here (nor for the threads of the other reads).
        self._heavy_threads: anyio.CapacityLimiter | None = None

    def _run(self, fn: Callable[[Connection], T]) -> T:
        with self.engine.connect() as conn:
            return fn(conn.execution_options(**AUTOCOMMIT))

    async def read(self, fn: Callable[[Connection], T]) -> T:
        return await anyio.to_thread.run_sync(self._run, fn)

    async def read_heavy(self, fn: Callable[[Connection], T], *, refusable: bool = True) -> T:
        """A read whose cost grows with the data (a report over a county): on a worker
        thread, at most ``HEAVY_READERS`` at once, each on a pooled connection it gives back,
        so however many requests wait for a report the pool keeps connections for the other
        reads and the writes. At most ``heavy_queue.size`` wait for a slot, each at most
        ``heavy_queue.wait_seconds``; beyond either :class:`HeavyReadsBusy` (503).

        ``refusable=False``: wait for a slot without limit, for a read whose response has
        already started (an export's next batch: a refusal would cut the file short)."""
        if self._heavy_readers is None:  # created on the event loop, on first use
            self._heavy_readers = anyio.CapacityLimiter(HEAVY_READERS)
            self._heavy_threads = anyio.CapacityLimiter(HEAVY_READERS)
        if not refusable:
            async with self._heavy_readers:
                return await anyio.to_thread.run_sync(self._run, fn, limiter=self._heavy_threads)
        slots = self._heavy_readers.statistics()
        queue_full = slots.tasks_waiting >= self.heavy_queue.size
        if queue_full and slots.borrowed_tokens >= slots.total_tokens:
            raise self._busy()  # at once: waiting could only end in a refusal or a hang
        try:
            # Only the wait for a slot has a deadline: a read that started runs to its end.
            with anyio.fail_after(self.heavy_queue.wait_seconds):
                await self._heavy_readers.acquire()
        except TimeoutError:
            raise self._busy() from None
        try:
            return await anyio.to_thread.run_sync(self._run, fn, limiter=self._heavy_threads)
        finally:
            self._heavy_readers.release()

    def _busy(self) -> HeavyReadsBusy:
        retry_after = str(max(1, math.ceil(self.heavy_queue.wait_seconds)))
        return HeavyReadsBusy(headers={"Retry-After": retry_after})

    def dispose(self) -> None:
        """Nothing of its own: the engine is the Database's."""


class FastReads(PlainReads):
    """The speed path: see the module docstring."""

    def __init__(self, engine: Engine, heavy_queue: HeavyReadQueue | None = None) -> None:
        super().__init__(engine, heavy_queue)
        self.is_sqlite = engine.dialect.name == "sqlite"
        # PostgreSQL: a pool of its own, autocommit (no BEGIN and ROLLBACK round trips around
        # each query) and no pre-ping (a round trip per checkout); a connection found dropped
        # is replaced and the read retried once instead (see _run_pooled).
        self._pool = (
            None
            if self.is_sqlite
            else sa.create_engine(
                engine.url,
                pool_size=10,
                max_overflow=10,
                isolation_level="AUTOCOMMIT",
                hide_parameters=True,
            )
        )
        self._local = threading.local()
        self._sqlite_connections: list[Connection] = []
        self._lock = threading.Lock()

    async def read(self, fn: Callable[[Connection], T]) -> T:
        if not self.is_sqlite:
            return await anyio.to_thread.run_sync(self._run_pooled, fn)
        conn = self._sqlite_connection()
        try:
            return fn(conn)
        finally:
            conn.rollback()  # no BEGIN was sent: this only resets SQLAlchemy's bookkeeping

    def _run_pooled(self, fn: Callable[[Connection], T]) -> T:
        assert self._pool is not None
        try:
            with self._pool.connect() as conn:
                return fn(conn.execution_options(**{_FAST: True}))
        except sa.exc.DBAPIError as exc:
            if not exc.connection_invalidated:
                raise
            # The connection had been dropped (PostgreSQL restarted, a proxy timed it out):
            # the pooled ones likely were too. Start a fresh pool and run the read again;
            # reads are safe to repeat.
            self._pool.dispose()
        with self._pool.connect() as conn:
            return fn(conn.execution_options(**{_FAST: True}))

    def _sqlite_connection(self) -> Connection:
        conn: Connection | None = getattr(self._local, "conn", None)
        if conn is None or conn.closed:  # closed: dispose() ran (app shut down and restarted)
            # Autocommit: each SELECT sees the latest commit and no read snapshot stays open
            # between requests (so WAL checkpoints are never starved).
            conn = self.engine.connect().execution_options(**AUTOCOMMIT, **{_FAST: True})
            self._local.conn = conn
            with self._lock:
                self._sqlite_connections.append(conn)
        return conn

    def dispose(self) -> None:
        with self._lock:
            for conn in self._sqlite_connections:
                try:
                    conn.close()
                except Exception:  # noqa: BLE001 - closing a connection of another thread
                    pass
            self._sqlite_connections.clear()
        if self._pool is not None:
            self._pool.dispose()


def read_path(
    engine: Engine, name: ReadPathName, heavy_queue: HeavyReadQueue | None = None
) -> ReadPath:
    return (FastReads if name == "fast" else PlainReads)(engine, heavy_queue)


@dataclass(frozen=True)
class _CompiledSelect:
    sql: str
    positional: tuple[str, ...] | None  # parameter names in order (qmark), None for named
    defaults: dict[str, Any]  # values bound when the statement was built
    bind_processors: dict[str, Callable[[Any], Any]]
    keys: list[str]
    result_processors: list[tuple[int, Callable[[Any], Any]]]  # (column index, processor)


class PreparedSelect:
    """A Core SELECT built once; every parameter a ``sa.bindparam`` given to :meth:`fetch`.

    On a plain connection :meth:`fetch` is ``Connection.execute``. On the speed path's
    connections it compiles once per dialect and runs on the driver's cursor: building a
    Core statement, computing its cache key and setting up SQLAlchemy's execution context
    and result objects cost several times what SQLite spends on a point query. SQLAlchemy
    still writes the SQL, and values still pass through the columns' own bind and result
    processors, so rows hold the same Python values either way (tests/test_read_path.py).
    """

    def __init__(self, stmt: sa.Select[Any]) -> None:
        self.stmt = stmt
        self._compiled: dict[str, _CompiledSelect] = {}  # by dialect name

    def fetch(self, conn: Connection, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        """Every row as a dict of column key to value."""
        if not conn.get_execution_options().get(_FAST):
            return [dict(row) for row in conn.execute(self.stmt, dict(params)).mappings()]
        return self._fetch_on_driver(conn, params)

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

    def _fetch_on_driver(self, conn: Connection, params: Mapping[str, Any]) -> list[dict[str, Any]]:
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
            # FastReads retries a read whose connection was dropped).
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


class PreparedBatch:
    """A :class:`PreparedSelect` that reads many keys at once. ``build`` is given ``match``,
    which makes the condition "this column is one of the keys", and returns the SELECT
    (``lambda match: sa.select(...).where(match(t.c.id))``).

    An ``IN`` of a varying length is not a statement built once (SQLAlchemy expands it per
    execution, and psycopg re-parses a long query on every execution). On PostgreSQL the
    keys are therefore one array parameter (``= ANY(:keys)``); on SQLite, which has no
    arrays, they go in chunks of a few fixed sizes, the last one padded with a repeated
    key, one statement per size built on first use. The other parameters are bound as in
    :meth:`PreparedSelect.fetch`.
    """

    SIZES = (1, 8, 32, 128, 512)

    def __init__(
        self, build: Callable[[Callable[[Any], Any]], sa.Select[Any]], key_type: Any
    ) -> None:
        self._build = build
        self._key_type = key_type
        self._by_size: dict[int, PreparedSelect] = {}
        self._array: PreparedSelect | None = None

    def _prepared(self, size: int) -> PreparedSelect:
        prepared = self._by_size.get(size)
        if prepared is None:
            binds = [sa.bindparam(f"key_{i}", type_=self._key_type) for i in range(size)]
            prepared = self._by_size[size] = PreparedSelect(self._build(lambda c: c.in_(binds)))
        return prepared

    def _prepared_array(self) -> PreparedSelect:
        if self._array is None:
            keys = sa.bindparam("keys", type_=postgresql.ARRAY(self._key_type))
            self._array = PreparedSelect(self._build(lambda c: c == sa.any_(keys)))
        return self._array

    def fetch(
        self, conn: Connection, keys: Sequence[Any], params: Mapping[str, Any]
    ) -> list[dict[str, Any]]:
        """Every row of these keys, as dicts (each row once)."""
        if not keys:
            return []
        if conn.dialect.name == "postgresql":
            return self._prepared_array().fetch(conn, {**params, "keys": list(keys)})
        rows: list[dict[str, Any]] = []
        largest = self.SIZES[-1]
        for start in range(0, len(keys), largest):
            chunk = list(keys[start : start + largest])
            size = next(s for s in self.SIZES if s >= len(chunk))
            chunk += [chunk[-1]] * (size - len(chunk))
            bound = {f"key_{i}": key for i, key in enumerate(chunk)}
            rows += self._prepared(size).fetch(conn, {**params, **bound})
        return rows
