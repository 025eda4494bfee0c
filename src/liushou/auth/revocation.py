"""Revoked tokens, known to every API process in memory (docs/security.md, "Token revocation").

A revocation is a row of ``token_revocation``: a login session (the ``sid`` claim of its
access tokens, which is the family id of its refresh tokens), or a subject (a user, a client
or an organization) whose tokens issued before ``revoked_at`` are all refused. Checking a
token is two dictionary look-ups in :class:`Revocations`; no database is read per request.

How a process learns of a revocation:

* the process that commits it, at once: the write adds the revocation to its session, and
  the session's ``after_commit`` hands it to the process's :class:`Revocations`;
* the other processes on PostgreSQL, within milliseconds: the write sends ``NOTIFY`` in its
  transaction, and :class:`RevocationListener` (a thread holding a ``LISTEN`` connection in
  each process) applies the payload;
* anything missed (a process started later, a dropped ``LISTEN`` connection, a command-line
  write on SQLite): :func:`catch_up`, a small read of the recent rows, at start, after every
  reconnection and every few seconds.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
import weakref
from collections.abc import Callable
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import UOWTransaction
from sqlalchemy.orm.attributes import get_history
from sqlmodel import Session, col

from liushou.auth.models import ApiClient, RefreshToken, TokenRevocation, UserAccount
from liushou.ops.logging import log
from liushou.regions.models import Organization

CHANNEL = "liushou_token_revocation"
_PENDING = "liushou.revocations"
# A catch-up re-reads this far behind the newest revocation it saw: a PostgreSQL
# transaction may commit a revocation stamped a little before one already read.
CATCH_UP_OVERLAP_SECONDS = 30.0

revocation_t: sa.Table = TokenRevocation.__table__  # type: ignore[attr-defined]


class Revocations:
    """What this process knows to be revoked.

    ``keep_seconds``: the longest life of an access token; a revocation older than that
    refuses no token that is still valid, and is forgotten.
    """

    def __init__(self, keep_seconds: float) -> None:
        self.keep_seconds = keep_seconds
        self.sessions: dict[str, float] = {}  # sid -> when revoked (epoch seconds)
        self.subjects: dict[str, float] = {}  # user, client or organization id -> not before
        self.newest = 0.0  # the newest revocation a catch-up read

    def is_revoked(self, sid: str | None, sub: str, org: str | None, iat: float) -> bool:
        if sid is not None and sid in self.sessions:
            return True
        if self.subjects:
            # iat is in whole seconds: a token issued in the second of the revocation, even
            # just after it, is refused too (the safe side).
            before = self.subjects.get(sub)
            if before is not None and iat < before:
                return True
            if org is not None:
                before = self.subjects.get(org)
                if before is not None and iat < before:
                    return True
        return False

    def add(self, session_id: str | None, subject_id: str | None, at: float) -> None:
        if session_id:
            self.sessions.setdefault(session_id, at)
        if subject_id:
            self.subjects[subject_id] = max(at, self.subjects.get(subject_id, 0.0))

    def apply_payload(self, payload: str) -> None:
        data = json.loads(payload)
        self.add(data.get("sid"), data.get("sub"), float(data["at"]))

    def prune(self, now: float) -> None:
        oldest = now - self.keep_seconds
        for known in (self.sessions, self.subjects):
            for key in [k for k, at in known.items() if at < oldest]:
                known.pop(key, None)


# --- writing a revocation ---------------------------------------------------------------

_BY_ENGINE: weakref.WeakKeyDictionary[sa.Engine, Revocations] = weakref.WeakKeyDictionary()


def register(engine: sa.Engine, revocations: Revocations) -> None:
    """The revocations that sessions on ``engine`` hand their committed revocations to."""
    _BY_ENGINE[engine] = revocations


def record(
    session: Session, *, session_id: uuid.UUID | None = None, subject_id: uuid.UUID | None = None
) -> None:
    """Add a revocation to ``session``'s transaction (with its NOTIFY on PostgreSQL)."""
    at = datetime.now(UTC)
    session.add(TokenRevocation(session_id=session_id, subject_id=subject_id, revoked_at=at))
    entry = {
        "sid": str(session_id) if session_id else None,
        "sub": str(subject_id) if subject_id else None,
        "at": at.timestamp(),
    }
    session.info.setdefault(_PENDING, []).append(entry)
    if session.get_bind().dialect.name == "postgresql":
        # Delivered to every listener when (and only if) the transaction commits.
        session.execute(sa.select(sa.func.pg_notify(CHANNEL, json.dumps(entry))))


def revoke_session(session: Session, session_id: uuid.UUID) -> None:
    """One login session: its refresh tokens (the family) and its access tokens (``sid``)."""
    session.execute(
        sa.update(RefreshToken)
        .where(col(RefreshToken.family_id) == session_id, col(RefreshToken.revoked_at).is_(None))
        .values(revoked_at=datetime.now(UTC))
    )
    record(session, session_id=session_id)


def revoke_subject(session: Session, subject_id: uuid.UUID, *, organization: bool = False) -> None:
    """Every token of a user or a client (``subject_id``), or of an organization's users and
    clients (``organization``): their refresh tokens, and access tokens issued until now."""
    whose = (
        col(RefreshToken.user_id).in_(
            sa.select(col(UserAccount.id)).where(col(UserAccount.organization_id) == subject_id)
        )
        if organization
        else col(RefreshToken.user_id) == subject_id
    )
    session.execute(
        sa.update(RefreshToken)
        .where(whose, col(RefreshToken.revoked_at).is_(None))
        .values(revoked_at=datetime.now(UTC))
    )
    record(session, subject_id=subject_id)


def _switched_off(row: object) -> bool:
    """Has this flush disabled (``active`` true → false) or deleted (``deleted_at`` set)
    the row?"""
    deleted = get_history(row, "deleted_at")
    if any(v is not None for v in deleted.added or ()) and not any(deleted.deleted or ()):
        return True
    if hasattr(row, "active"):
        active = get_history(row, "active")
        return False in (active.added or ()) and True in (active.deleted or ())
    return False


@event.listens_for(OrmSession, "before_flush")
def _revoke_switched_off(session: OrmSession, _context: UOWTransaction, _instances: object) -> None:
    """Disabling or deleting a user, a client or an organization revokes its tokens, in the
    same transaction, whatever write does it (the organizations' DELETE, a command, a test;
    not a bulk UPDATE, which no code uses for these tables)."""
    for row in list(session.dirty):
        if isinstance(row, UserAccount | ApiClient | Organization) and _switched_off(row):
            revoke_subject(
                session,  # type: ignore[arg-type]
                row.id,
                organization=isinstance(row, Organization),
            )


@event.listens_for(OrmSession, "after_commit")
def _apply_committed(session: OrmSession) -> None:
    pending = session.info.pop(_PENDING, None)
    if not pending:
        return
    bind = session.get_bind()
    engine = bind if isinstance(bind, sa.Engine) else bind.engine
    revocations = _BY_ENGINE.get(engine)
    if revocations is not None:
        for entry in pending:
            revocations.add(entry["sid"], entry["sub"], entry["at"])


@event.listens_for(OrmSession, "after_rollback")
def _forget_rolled_back(session: OrmSession) -> None:
    session.info.pop(_PENDING, None)


# --- learning of the others' revocations ------------------------------------------------


def catch_up(conn: sa.Connection, revocations: Revocations) -> int:
    """Read the revocations not yet known (those since the newest seen, with an overlap);
    returns how many rows were read."""
    now = time.time()
    since = max(revocations.newest - CATCH_UP_OVERLAP_SECONDS, now - revocations.keep_seconds)
    rows = conn.execute(
        sa.select(
            revocation_t.c.session_id, revocation_t.c.subject_id, revocation_t.c.revoked_at
        ).where(revocation_t.c.revoked_at > datetime.fromtimestamp(since, UTC))
    ).all()
    for session_id, subject_id, revoked_at in rows:
        at = revoked_at.timestamp()
        revocations.add(
            str(session_id) if session_id else None, str(subject_id) if subject_id else None, at
        )
        revocations.newest = max(revocations.newest, at)
    revocations.prune(now)
    return len(rows)


def libpq_url(database_url: str) -> str:
    """``postgresql+psycopg://…`` as psycopg itself takes it."""
    return make_url(database_url).set(drivername="postgresql").render_as_string(hide_password=False)


class RevocationListener:
    """A thread with a ``LISTEN`` connection (PostgreSQL): each revocation another process
    commits is applied here within milliseconds. After every (re)connection it runs
    ``catch_up`` for what it may have missed while not listening."""

    def __init__(
        self, database_url: str, revocations: Revocations, catch_up: Callable[[], object]
    ) -> None:
        self._dsn = libpq_url(database_url)
        self._revocations = revocations
        self._catch_up = catch_up
        self._stop = threading.Event()
        self.listening = threading.Event()
        self._thread = threading.Thread(target=self._run, name="revocation-listener", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """Ask the thread to end; it does within half a second, closing its connection (not
        waited for: a daemon thread, and a late notice changes nothing)."""
        self._stop.set()

    def _run(self) -> None:
        import psycopg

        while not self._stop.is_set():
            try:
                with psycopg.connect(self._dsn, autocommit=True, connect_timeout=5) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    self._catch_up()
                    self.listening.set()
                    while not self._stop.is_set():
                        for notice in conn.notifies(timeout=0.5):
                            self._revocations.apply_payload(notice.payload)
            except Exception as exc:  # a dropped connection: listen again in a second
                self.listening.clear()
                log.warning("revocation_listener_failed", error=type(exc).__name__)
                self._stop.wait(1.0)
        self.listening.clear()
