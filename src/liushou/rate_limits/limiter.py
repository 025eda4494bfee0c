"""The per-caller limit of every authenticated route (docs/security.md, "Rate limits").

``LIUSHOU_RATE_LIMIT_PER_MINUTE`` requests per caller (a user or a partner client) in each
minute of the clock: the ``limits`` library's fixed window over its in-memory storage, the
window named by the minute so that every process counts the same minutes. Counting costs a
dictionary update under the storage's lock, no database.

On PostgreSQL the count must hold across API processes: :class:`SharedCounts` (a task of
each process) adds this process's new hits to the ``rate_limit_hits`` row of each caller and
minute every ``SYNC_SECONDS`` and reads back the total, then adds the other processes' hits
to the local window. A process thus learns the others' hits at most one sync late: the
bound of the overshoot (docs/security.md).
"""

from __future__ import annotations

import asyncio
import time
from collections import defaultdict
from dataclasses import dataclass

import anyio
import sqlalchemy as sa
from limits import RateLimitItemPerMinute
from limits.storage import MemoryStorage
from limits.strategies import FixedWindowRateLimiter
from sqlalchemy.dialects import postgresql

from liushou.ops.logging import log
from liushou.rate_limits.models import RateLimitHits

SYNC_SECONDS = 0.25
_NAMESPACE = "caller"

hits_t: sa.Table = RateLimitHits.__table__  # type: ignore[attr-defined]


@dataclass(slots=True)  # not frozen: a frozen dataclass's __init__ is four setattr calls
class Verdict:
    """One counted request: may it pass, and its ``RateLimit-*`` header values."""

    allowed: bool
    limit: int
    remaining: int
    reset: int  # seconds until the window ends

    def headers(self) -> list[tuple[bytes, bytes]]:
        return [
            (b"ratelimit-limit", str(self.limit).encode()),
            (b"ratelimit-remaining", str(self.remaining).encode()),
            (b"ratelimit-reset", str(self.reset).encode()),
        ]


def _memory_storage() -> MemoryStorage:
    """``limits``' in-memory storage without its expiry timer. That timer starts a thread
    every 10 ms while requests come (``Thread.start`` waits for the thread, on the event
    loop), which cost the by-id read 15-30 % of its CPU (measured in process). Keys here are
    named by their minute, so :meth:`CallerRateLimit.hit` clears a minute's keys itself when
    the next one starts; a key's own expiry is still checked on every use.

    The timer is switched off on the instance, not in a subclass: ``limits`` wraps each
    subclass's methods in its error handler once more, two calls more on every request."""
    storage = MemoryStorage()
    setattr(storage, "_MemoryStorage__schedule_expiry", _no_timer)  # noqa: B010 (mangled name)
    return storage


def _no_timer() -> None:
    pass


class CallerRateLimit:
    def __init__(self, per_minute: int, *, shared: bool) -> None:
        self.item = RateLimitItemPerMinute(per_minute)
        self.storage = _memory_storage()
        self.limiter = FixedWindowRateLimiter(self.storage)
        self._incr = self.storage.incr
        self._amount = per_minute
        self._expiry = self.item.get_expiry()
        self._keys: dict[str, str] = {}  # caller -> its window's key, this minute
        self._keys_minute = -1
        self.shared = shared
        # Shared counting: this process's hits not yet added to the table, per (caller,
        # minute); the totals of the rows so far: this process's, and the others' (already
        # added to the local window).
        self._unsent: defaultdict[tuple[str, int], int] = defaultdict(int)
        self._sent: dict[tuple[str, int], int] = {}
        self._others: dict[tuple[str, int], int] = {}

    def hit(self, caller: str, now: float | None = None) -> Verdict:
        """Count one request of ``caller``. The fixed window's own ``hit`` is this ``incr``
        of the storage; called directly, with the window's key built once a minute per
        caller, it costs a few µs instead of ~30 (``key_for`` and the window's statistics,
        measured under load), and its count gives ``RateLimit-Remaining``. Every call is on
        the path of every request: bench/revisions.py measures what it costs."""
        now = time.time() if now is None else now
        minute = int(now // 60)
        if minute != self._keys_minute:
            for old in self._keys.values():
                self.storage.clear(old)
            self._keys, self._keys_minute = {}, minute
        key = self._keys.get(caller)
        if key is None:
            key = self._keys[caller] = self.item.key_for(_NAMESPACE, caller, str(minute))
        count = self._incr(key, self._expiry)
        if self.shared:
            self._unsent[(caller, minute)] += 1
        remaining = self._amount - count
        # Seconds to the next minute, rounded up: (minute + 1) * 60 - now, at least 1.
        reset = (minute + 1) * 60 - int(now)
        return Verdict(remaining >= 0, self._amount, max(0, remaining), reset)

    # --- shared counting (PostgreSQL) ---------------------------------------------------

    def take_unsent(self) -> dict[tuple[str, int], int]:
        """The hits counted since the last call (on the event loop, where ``hit`` runs)."""
        unsent, self._unsent = self._unsent, defaultdict(int)
        return unsent

    def give_back(self, unsent: dict[tuple[str, int], int]) -> None:
        """Hits whose sync failed: sent with the next one (on the event loop)."""
        for key, count in unsent.items():
            self._unsent[key] += count

    def sync(self, conn: sa.Connection, unsent: dict[tuple[str, int], int]) -> None:
        """Add this process's new hits to the table and learn the others' (one statement
        per direction). Runs on a worker thread, one at a time."""
        minute = int(time.time() // 60)
        # Every caller this process saw in the current minute: its total may have grown.
        watched = {key for key in [*self._sent, *unsent] if key[1] == minute}
        totals: dict[tuple[str, int], int] = {}
        if unsent:
            insert = postgresql.insert(hits_t).values(
                [{"caller": c, "minute": w, "hits": n} for (c, w), n in unsent.items()]
            )
            upsert = insert.on_conflict_do_update(
                index_elements=[hits_t.c.caller, hits_t.c.minute],
                set_={"hits": hits_t.c.hits + insert.excluded.hits},
            ).returning(hits_t.c.caller, hits_t.c.minute, hits_t.c.hits)
            totals.update({(c, w): n for c, w, n in conn.execute(upsert)})
        rest = [c for c, w in watched if (c, w) not in totals]
        if rest:
            rows = conn.execute(
                sa.select(hits_t.c.caller, hits_t.c.minute, hits_t.c.hits).where(
                    hits_t.c.minute == minute, hits_t.c.caller.in_(rest)
                )
            )
            totals.update({(c, w): n for c, w, n in rows})
        for key, count in unsent.items():
            self._sent[key] = self._sent.get(key, 0) + count
        for key, total in totals.items():
            others = total - self._sent.get(key, 0)
            new = others - self._others.get(key, 0)
            if new > 0:
                self._others[key] = others
                caller, window = key
                self.limiter.hit(self.item, _NAMESPACE, caller, str(window), cost=new)
        for known in (self._sent, self._others):
            for key in [k for k in known if k[1] < minute]:
                del known[key]

    @staticmethod
    def prune(conn: sa.Connection) -> None:
        """Drop the rows of minutes long past (any process may; it is idempotent)."""
        conn.execute(sa.delete(hits_t).where(hits_t.c.minute < int(time.time() // 60) - 2))


class SharedCounts:
    """The task that runs :meth:`CallerRateLimit.sync` every ``SYNC_SECONDS``."""

    def __init__(self, limit: CallerRateLimit, engine: sa.Engine) -> None:
        self._limit = limit
        self._engine = engine
        self._task: asyncio.Task[None] | None = None

    def _sync(self, unsent: dict[tuple[str, int], int], prune: bool) -> None:
        with self._engine.begin() as conn:
            self._limit.sync(conn, unsent)
            if prune:
                self._limit.prune(conn)

    async def _run(self) -> None:
        rounds = 0
        while True:
            await asyncio.sleep(SYNC_SECONDS)
            rounds += 1
            unsent = self._limit.take_unsent()
            try:
                await anyio.to_thread.run_sync(self._sync, unsent, rounds % 240 == 0)
            except Exception as exc:  # the database away: count locally, try again
                self._limit.give_back(unsent)
                log.warning("rate_limit_sync_failed", error=type(exc).__name__)

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._run())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass
            self._task = None
