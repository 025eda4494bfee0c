"""``Idempotency-Key`` on POST (draft-ietf-httpapi-idempotency-key-header; docs/architecture.md).

The key lives in the request's own transaction (api.unit_of_work), never in one of its own:

1. The first statement of the transaction claims the key: it inserts a row unique per caller
   and key. A key already there answers instead of the handler: a replay of the stored
   response (same method, path and body), 422 ``idempotency_key_reused`` (anything else
   differs), or 409 ``idempotency_key_in_flight`` (a row left ``in_progress`` by a process
   that died, until it counts as abandoned).
2. The handler's response is stored on that row just before the commit, so the write and
   its stored response commit together or not at all; a failed request rolls the claim
   back with everything else and leaves no key behind.
3. Two requests with the same key at once: on SQLite the second waits for the write lock
   the first holds from BEGIN; on PostgreSQL its insert waits on the unique index until the
   first commits. Either way it then finds the first's stored response and replays it, or,
   the first having failed, claims the key itself.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, select
from starlette.responses import JSONResponse

from liushou.api.models import IdempotencyKey
from liushou.db import utcnow
from liushou.errors import AppError, Conflict, Unprocessable

_KEY_SHAPE = re.compile(r"^[\x21-\x7e]{1,255}$")
_key_t: sa.Table = IdempotencyKey.__table__  # type: ignore[attr-defined]
# The claim and the stored response, built once and run with the request's values
# (building them on every POST cost more than running them; docs/performance.md, "Writes").
_CLAIM = {
    name: insert(_key_t)
    .on_conflict_do_nothing(index_elements=["principal_id", "key"])
    .returning(_key_t.c.id)
    for name, insert in (("postgresql", postgresql.insert), ("sqlite", sqlite.insert))
}
_STORE = sa.update(_key_t).where(_key_t.c.id == sa.bindparam("claim_id"))

KEY_DESCRIPTION = (
    "Makes a POST safe to retry: the same key with the same body replays the first "
    "response (`Idempotent-Replayed: true`); with another body it is 422; while the "
    "first is still running it is 409. Quoted or bare. Kept at least 7 days."
)


class IdempotentReplay(Exception):
    """Raised in place of running the handler: answer with the stored response."""

    def __init__(self, status: int, headers: dict[str, str], body: Any) -> None:
        self.status, self.headers, self.body = status, headers, body


def replay_response(exc: IdempotentReplay) -> JSONResponse:
    headers = {**exc.headers, "Idempotent-Replayed": "true"}
    return JSONResponse(exc.body, status_code=exc.status, headers=headers)


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


@dataclass
class KeyClaim:
    """One request's Idempotency-Key: what identifies the request, and its claimed row."""

    principal_id: uuid.UUID
    key: str
    method: str
    path: str
    body_sha256: str
    ttl: timedelta
    in_flight: timedelta
    claim_id: uuid.UUID | None = None
    stored: bool = False

    @classmethod
    def of(
        cls, principal_id: uuid.UUID, key: str, method: str, path: str, body: bytes, **kw: Any
    ) -> KeyClaim:
        digest = hashlib.sha256(body).hexdigest()
        return cls(principal_id, key, method, path, digest, **kw)

    def take(self, session: Session) -> None:
        """Claim the key in ``session``'s transaction, or raise what answers instead."""
        now = utcnow()
        if self._insert(session, now):
            return
        existing = session.exec(
            select(IdempotencyKey).where(
                IdempotencyKey.principal_id == self.principal_id, IdempotencyKey.key == self.key
            )
        ).one_or_none()
        if existing is not None:
            self._answer_existing(existing, now)  # returns only if the row may be taken over
            session.delete(existing)
            session.flush()
        if not self._insert(session, now):
            raise _in_flight()  # claimed again between our statements (PostgreSQL only)

    def store(self, session: Session, status: int, body: Any, headers: dict[str, str]) -> None:
        """Record the response on the claimed row, in the same transaction as the write."""
        values = {"state": "done", "status": status, "body": body, "headers": headers}
        session.execute(_STORE, {"claim_id": self.claim_id, **values})
        self.stored = True

    def _insert(self, session: Session, now: datetime) -> bool:
        """INSERT … ON CONFLICT DO NOTHING: False when the caller already holds the key.
        On PostgreSQL a concurrent claim of the same key makes this wait for its outcome."""
        claim = _CLAIM[session.get_bind().dialect.name]
        values = {
            "id": uuid.uuid4(),
            "principal_id": self.principal_id,
            "key": self.key,
            "method": self.method,
            "path": self.path,
            "body_sha256": self.body_sha256,
            "state": "in_progress",
            "created_at": now,
            "expires_at": now + self.ttl,
        }
        self.claim_id = session.execute(claim, values).scalar_one_or_none()
        return self.claim_id is not None

    def _answer_existing(self, existing: IdempotencyKey, now: datetime) -> None:
        if existing.expires_at <= now:
            return  # expired: the key may be used again
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
        # Left in progress by an attempt that never finished (the process died): take it over.


def _in_flight() -> Conflict:
    return Conflict(
        "相同幂等键的请求仍在处理中，请稍后重试。",
        "A request with this Idempotency-Key is still being processed; retry later.",
        code="idempotency_key_in_flight",
        headers={"Retry-After": "1"},
    )
