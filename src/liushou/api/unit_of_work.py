"""The unit of work of a write request: one session, one transaction, one commit.

A write handler declares ``uow: UnitOfWorkDep`` (or ``IdempotentUnitOfWorkDep`` on a POST
that accepts ``Idempotency-Key``) and hands ``uow.session`` to the service, which adds and
flushes. The handler never commits: once it has returned, the dependency commits (on a
worker thread), before the response leaves. If the handler raised, everything is rolled
back. A commit the database refuses (a constraint a concurrent write broke) is answered by
the application's IntegrityError and DataError handlers: 409 ``conflict`` or 422
``invalid_value``, never a 500, and never after a success was sent.

See docs/architecture.md ("How a request flows").
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from datetime import timedelta
from typing import Annotated

import anyio.to_thread
from fastapi import Depends, Header, Request, Response
from pydantic import BaseModel
from sqlmodel import Session

from liushou.api.dependencies import DatabaseDep, SettingsDep
from liushou.api.idempotency import KEY_DESCRIPTION, KeyClaim, parse_key
from liushou.auth.dependencies import Authenticated
from liushou.db import Database


class UnitOfWork:
    def __init__(self, db: Database, response: Response, key: KeyClaim | None = None) -> None:
        self._db = db
        self._response = response
        self._key = key
        self._session: Session | None = None
        self._ended = False
        self.commit_despite: tuple[type[BaseException], ...] = ()
        """Errors that still commit what the handler wrote (a refused reveal is audited)."""

    @property
    def session(self) -> Session:
        """The request's session. Its first use begins the transaction and, when the
        request sent an Idempotency-Key, claims the key before anything else is written
        (or raises the stored answer: replay, 409, 422)."""
        if self._session is None:
            self._session = Session(self._db.engine, expire_on_commit=False)
            if self._key is not None:
                self._key.take(self._session)
        return self._session

    def respond(
        self, body: BaseModel, *, status: int = 200, headers: Mapping[str, str] | None = None
    ) -> None:
        """Set the response's status and headers; with an Idempotency-Key, also store the
        response for replays, in this transaction."""
        headers = dict(headers or {})
        self._response.status_code = status
        self._response.headers.update(headers)
        if self._key is not None:
            self._key.store(self.session, status, body.model_dump(mode="json"), headers)

    def commit(self) -> None:
        """Commit now, on the handler's own thread, rather than once the handler has returned.
        The standard write routes do (api/routes.py): the transaction then ends on the thread
        that wrote, so SQLite's write lock is not held while the request waits for two more
        worker threads (docs/performance.md, "Writes")."""
        self._ended = True
        self._finish(None)

    def _finish(self, error: BaseException | None) -> None:
        session = self._session
        if session is None:
            return
        with session:  # closing rolls back whatever was not committed
            if error is None or isinstance(error, self.commit_despite):
                if error is None and self._key is not None and not self._key.stored:
                    raise RuntimeError("an idempotent handler must call UnitOfWork.respond()")
                session.commit()

    async def __aenter__(self) -> UnitOfWork:
        return self

    async def __aexit__(self, _type: object, error: BaseException | None, _tb: object) -> None:
        if self._session is not None and not self._ended:  # else nothing to end
            await anyio.to_thread.run_sync(self._finish, error)


async def unit_of_work(response: Response, db: DatabaseDep) -> AsyncIterator[UnitOfWork]:
    async with UnitOfWork(db, response) as uow:
        yield uow


async def idempotent_unit_of_work(
    request: Request,
    response: Response,
    principal: Authenticated,
    db: DatabaseDep,
    settings: SettingsDep,
    idempotency_key: Annotated[
        str | None, Header(alias="Idempotency-Key", description=KEY_DESCRIPTION)
    ] = None,
) -> AsyncIterator[UnitOfWork]:
    key = None
    if idempotency_key is not None:
        key = KeyClaim.of(
            principal.id,
            parse_key(idempotency_key),
            request.method,
            request.url.path,
            await request.body(),
            ttl=timedelta(days=settings.idempotency_ttl_days),
            in_flight=timedelta(seconds=settings.idempotency_in_flight_seconds),
        )
    async with UnitOfWork(db, response, key) as uow:
        yield uow


# scope="function": the commit runs when the handler returns, before the response is sent,
# so a refused commit still becomes the response (the default scope ends after sending).
UnitOfWorkDep = Annotated[UnitOfWork, Depends(unit_of_work, scope="function")]
IdempotentUnitOfWorkDep = Annotated[UnitOfWork, Depends(idempotent_unit_of_work, scope="function")]
