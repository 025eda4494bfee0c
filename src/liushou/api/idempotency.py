"""``Idempotency-Key`` on POST (CONTRACT §1; draft-ietf-httpapi-idempotency-key-header).

1. Before the handler runs, the key is claimed in its own short transaction (a unique row per
   caller and key, ``in_progress``). A key already claimed answers: replay (same body, done),
   422 ``idempotency_key_reused`` (different body), or 409 while the first is in flight.
2. The handler stores its response on the claimed row inside its own unit of work, so the
   write and the stored response commit together or not at all.
3. If the handler fails, the claim is released: an error is not a result to replay.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Annotated, Any

import anyio.to_thread
import sqlalchemy as sa
from fastapi import Depends, Header, Request
from fastapi.encoders import jsonable_encoder
from pydantic import BaseModel
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select
from starlette.responses import JSONResponse, Response
from starlette.status import HTTP_201_CREATED

from liushou.api.models import IdempotencyKey
from liushou.auth.dependencies import Authenticated
from liushou.db import Database, utcnow
from liushou.errors import AppError, Conflict, Unprocessable

_KEY_SHAPE = re.compile(r"^[\x21-\x7e]{1,255}$")


class IdempotentReplay(Exception):
    """Raised by the dependency to answer with the stored response instead of running."""

    def __init__(self, status: int, headers: dict[str, str], body: Any) -> None:
        self.status, self.headers, self.body = status, headers, body


def replay_response(exc: IdempotentReplay) -> JSONResponse:
    headers = {**exc.headers, "Idempotent-Replayed": "true"}
    return JSONResponse(exc.body, status_code=exc.status, headers=headers)


class Idempotency:
    """The claimed key of this request, if it sent one."""

    def __init__(self, db: Database, claim_id: uuid.UUID | None) -> None:
        self._db = db
        self.claim_id = claim_id

    def store(self, session: Session, status: int, body: Any, headers: dict[str, str]) -> None:
        """Record the response in the handler's own transaction (call just before commit)."""
        if self.claim_id is None:
            return
        session.execute(
            sa.update(IdempotencyKey)
            .where(IdempotencyKey.id == self.claim_id)
            .values(state="done", status=status, body=jsonable_encoder(body), headers=headers)
        )

    def commit_created(
        self, session: Session, response: Response, result: BaseModel, headers: dict[str, str]
    ) -> None:
        """Finish a POST that created a resource: store its 201 response with the write,
        commit both, and give the live response the same headers (Location, ETag)."""
        self.store(session, HTTP_201_CREATED, result.model_dump(mode="json"), headers)
        session.commit()
        response.headers.update(headers)

    def release(self) -> None:
        if self.claim_id is None:
            return
        claim_id = self.claim_id

        def _delete(session: Session) -> None:
            session.execute(
                sa.delete(IdempotencyKey).where(
                    IdempotencyKey.id == claim_id, IdempotencyKey.state == "in_progress"
                )
            )

        self._db.run_in_session(_delete)


def parse_key(raw: str) -> str:
    key = raw.strip()
    if len(key) >= 2 and key[0] == key[-1] == '"':  # RFC 8941 sf-string, or a bare token
        key = key[1:-1]
    if not _KEY_SHAPE.match(key):
        raise AppError(
            "幂等键须为 1–255 个可见 ASCII 字符。",
            "The Idempotency-Key must be 1 to 255 visible ASCII characters.",
            code="invalid_idempotency_key",
            status=400,
        )
    return key


async def idempotency(
    request: Request,
    principal: Authenticated,
    idempotency_key: Annotated[
        str | None,
        Header(
            alias="Idempotency-Key",
            description=(
                "Makes a POST safe to retry: the same key with the same body replays the first "
                "response (`Idempotent-Replayed: true`); with another body it is 422; while the "
                "first is still running it is 409. Quoted or bare. Kept at least 7 days."
            ),
        ),
    ] = None,
) -> AsyncIterator[Idempotency]:
    db: Database = request.app.state.db
    if idempotency_key is None:
        yield Idempotency(db, None)
        return
    key = parse_key(idempotency_key)
    settings = request.app.state.settings
    claim = _Claim(
        principal_id=principal.id,
        key=key,
        method=request.method,
        path=request.url.path,
        body_sha256=hashlib.sha256(await request.body()).hexdigest(),
        ttl=timedelta(days=settings.idempotency_ttl_days),
        in_flight=timedelta(seconds=settings.idempotency_in_flight_seconds),
    )
    handle = Idempotency(db, await anyio.to_thread.run_sync(db.run_in_session, claim.take))
    try:
        yield handle
    except BaseException:
        await anyio.to_thread.run_sync(handle.release)
        raise


IdempotencyDep = Annotated[Idempotency, Depends(idempotency)]


class _Claim:
    def __init__(self, **kw: Any) -> None:
        self.__dict__.update(kw)

    def take(self, session: Session) -> uuid.UUID:
        now = utcnow()
        existing = session.exec(
            select(IdempotencyKey).where(
                IdempotencyKey.principal_id == self.principal_id, IdempotencyKey.key == self.key
            )
        ).one_or_none()
        if existing is not None and existing.expires_at <= now:
            session.delete(existing)
            session.flush()
            existing = None
        if existing is not None:
            self._answer_existing(session, existing, now)
        row = IdempotencyKey(
            principal_id=self.principal_id,
            key=self.key,
            method=self.method,
            path=self.path,
            body_sha256=self.body_sha256,
            state="in_progress",
            expires_at=now + self.ttl,
        )
        session.add(row)
        try:
            session.flush()
        except IntegrityError:
            # Another request claimed the same key between our read and our insert.
            raise _in_flight() from None
        return row.id

    def _answer_existing(self, session: Session, existing: IdempotencyKey, now: Any) -> None:
        same_request = (
            existing.body_sha256 == self.body_sha256
            and existing.method == self.method
            and existing.path == self.path
        )
        if not same_request:
            raise Unprocessable(
                "该幂等键已用于内容不同的请求。",
                "This Idempotency-Key was already used with a different request.",
                code="idempotency_key_reused",
            )
        if existing.state == "done":
            raise IdempotentReplay(existing.status or 200, existing.headers or {}, existing.body)
        if existing.created_at > now - self.in_flight:
            raise _in_flight()
        # The first attempt was abandoned (process died): take the key over.
        session.delete(existing)
        session.flush()


def _in_flight() -> Conflict:
    return Conflict(
        "相同幂等键的请求仍在处理中，请稍后重试。",
        "A request with this Idempotency-Key is still being processed; retry later.",
        code="idempotency_key_in_flight",
        headers={"Retry-After": "1"},
    )
