"""What every API process runs beside its requests (started and stopped by the app's
lifespan): learning of revoked tokens, and on PostgreSQL sharing the rate-limit counts
(docs/security.md, "Token revocation" and "Rate limits")."""

from __future__ import annotations

import asyncio

import anyio
import sqlalchemy as sa
from sqlalchemy.pool import NullPool

from liushou.auth.revocation import RevocationListener, Revocations, catch_up
from liushou.db import Database
from liushou.ops.logging import log
from liushou.rate_limits.limiter import CallerRateLimit, SharedCounts

# How often a process re-reads recent revocations: on SQLite the only way it learns of
# another process's (a command-line write); on PostgreSQL a safety net under LISTEN.
CATCH_UP_SECONDS = {"sqlite": 1.0, "postgresql": 5.0}


class Background:
    def __init__(self, db: Database, revocations: Revocations, rate_limit: CallerRateLimit) -> None:
        self._db = db
        # A connection of its own for each catch-up, closed after it (one read a second at
        # most): none is held open between reads, nor taken from the requests' pool.
        self._catch_up_engine = sa.create_engine(db.url, poolclass=NullPool)
        self._revocations = revocations
        self._counts = SharedCounts(rate_limit, db.engine) if rate_limit.shared else None
        self._listener: RevocationListener | None = None
        self._catch_up_task: asyncio.Task[None] | None = None

    def _catch_up(self) -> int:
        with self._catch_up_engine.connect() as conn:
            return catch_up(conn, self._revocations)

    async def _catch_up_forever(self, every: float) -> None:
        while True:
            await asyncio.sleep(every)
            try:
                await anyio.to_thread.run_sync(self._catch_up)
            except Exception as exc:
                log.warning("revocation_catch_up_failed", error=type(exc).__name__)

    async def start(self) -> None:
        # Before the first request: what was revoked while this process was not running.
        try:
            await anyio.to_thread.run_sync(self._catch_up)
        except Exception as exc:  # e.g. not migrated yet: /readyz says so
            log.warning("revocation_catch_up_failed", error=type(exc).__name__)
        dialect = self._db.engine.dialect.name
        if dialect == "postgresql":
            self._listener = RevocationListener(self._db.url, self._revocations, self._catch_up)
            self._listener.start()
        every = CATCH_UP_SECONDS.get(dialect, 1.0)
        self._catch_up_task = asyncio.get_running_loop().create_task(self._catch_up_forever(every))
        if self._counts is not None:
            self._counts.start()

    async def stop(self) -> None:
        if self._counts is not None:
            await self._counts.stop()
        if self._catch_up_task is not None:
            self._catch_up_task.cancel()
            try:
                await self._catch_up_task
            except asyncio.CancelledError:
                pass
        if self._listener is not None:
            self._listener.stop()
        self._catch_up_engine.dispose()

    @property
    def listening(self) -> bool:
        return self._listener is not None and self._listener.listening.is_set()
