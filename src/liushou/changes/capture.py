"""Every write of a feed resource leaves a ``change`` row in its own transaction
(docs/changes.md, "Capture").

Capture is not a call each service makes (one would forget it) but two events of every
SQLAlchemy ``Session``, registered once when this module is imported:

* ``after_flush``: the rows the flush inserted or changed (``session.new``/``dirty`` still
  hold their pre-flush state and attribute history there), so a create, a PATCH, a soft
  delete (``deleted_at`` set) and the rows a service writes indirectly (a legal activity's
  or an activity's service records, a wish's record) are all seen;
* ``do_orm_execute``: a Core ``INSERT`` into a feed table through ``Session.execute`` (the
  person import inserts its batches that way).

The change rows go out as one Core INSERT on the session's connection, so they commit or
roll back with the change. The cost on the hot path (``POST /persons``) is that one
statement: nothing is queried, except the caretaker's login of an assignment that changed.

Other code learns about changes in the same transaction through :func:`listen`.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from types import SimpleNamespace
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction

from liushou.changes.models import Change
from liushou.db import utcnow

change_t: sa.Table = Change.__table__  # type: ignore[attr-defined]
# A light handle on the caretaker table: this module is imported with the models
# (liushou.models) and so imports none of the domain packages.
_caretaker = sa.table("caretaker", sa.column("id", sa.Uuid()), sa.column("user_id", sa.Uuid()))

# The feed's resource types: the tables' own names (CONTRACT: the singular snake_case name).
RESOURCE_TYPES: tuple[str, ...] = (
    "person",
    "consent",
    "caretaker",
    "assignment",
    "visit",
    "referral",
    "service_record",
    "activity",
    "wish",
    "distribution",
    "legal_contract",
    "legal_activity",
)
_TRACKED = frozenset(RESOURCE_TYPES)

# Types whose region is their own column (others follow their person).
OWN_REGION = frozenset({"person", "caretaker", "activity", "distribution", "legal_activity"})

UPSERT, DELETE = "upsert", "delete"

# PostgreSQL: the writing transaction's id, the feed's first sort key (docs/changes.md, "Order").
_TXID_SQL = sa.cast(sa.cast(sa.func.pg_current_xact_id(), sa.Text), sa.BigInteger)


@dataclass(frozen=True, slots=True)
class ChangeEvent:
    """One change, as listeners are told of it. ``verb`` is ``created``, ``updated`` or
    ``deleted`` (a webhook's event name is ``f"{resource_type}.{verb}"``)."""

    resource_type: str
    resource_id: uuid.UUID
    verb: str
    version: int
    changed_at: datetime
    # A referral's addressee (who a partner's webhook may tell of it); None for the rest.
    organization_id: uuid.UUID | None = None


Listener = Callable[[Session, Sequence[ChangeEvent]], None]
_listeners: list[Listener] = []


def listen(listener: Listener) -> Listener:
    """Call ``listener(session, events)`` after the change rows of a flush (or of a Core
    insert) are written, in the same transaction. It may write through
    ``session.connection()`` (Core); it must not add ORM objects (the flush is over).
    Usable as a decorator; returns the listener."""
    _listeners.append(listener)
    return listener


def unlisten(listener: Listener) -> None:
    _listeners.remove(listener)


def _history(obj: Any, name: str, created: bool) -> tuple[Any, Any]:
    """The attribute's value before this flush and now (before is None for a new row)."""
    after = getattr(obj, name)
    if created:
        return None, after
    changed = sa.inspect(obj).attrs[name].history.deleted
    return (changed[0] if changed else after), after


def _caretaker_user(session: Session, caretaker_id: uuid.UUID | None) -> uuid.UUID | None:
    if caretaker_id is None:
        return None
    stmt = sa.select(_caretaker.c.user_id).where(_caretaker.c.id == caretaker_id)
    return session.connection().execute(stmt).scalar_one_or_none()


def _values(
    session: Session, kind: str, obj: Any, created: bool, now: datetime
) -> dict[str, Any] | None:
    """The change row of ``obj`` (None: nothing the feed shows changed)."""
    deleted_before, deleted_after = _history(obj, "deleted_at", created)
    if deleted_before is not None:
        return None  # a row already deleted: not in the feed any more
    row: dict[str, Any] = {
        "resource_type": kind,
        "resource_id": obj.id,
        "op": UPSERT if deleted_after is None else DELETE,
        "version": obj.version,
        "changed_at": now,
        "person_id": obj.id if kind == "person" else getattr(obj, "person_id", None),
        "path_before": None,
        "path_after": None,
        "organization_id": getattr(obj, "to_organization_id", None),
        "user_before": None,
        "user_after": None,
        "advisor_id": getattr(obj, "advisor_id", None),
    }
    if kind in OWN_REGION:
        row["path_before"], row["path_after"] = _history(obj, "region_path", created)
    if kind == "assignment":
        ends_before, ends_after = _history(obj, "ends_on", created)
        active_before = not created and ends_before is None
        active_after = ends_after is None and deleted_after is None
        if active_before or active_after:
            user = _caretaker_user(session, obj.caretaker_id)
            row["user_before"] = user if active_before else None
            row["user_after"] = user if active_after else None
    return row


def _write(session: Session, rows: list[dict[str, Any]], created: Iterable[bool]) -> None:
    """Insert the change rows, then tell the listeners."""
    if not rows:
        return
    conn = session.connection()
    stmt = sa.insert(change_t)
    if conn.dialect.name == "postgresql":
        stmt = stmt.values(txid=_TXID_SQL)
    else:
        rows = [{**r, "txid": 0} for r in rows]
    conn.execute(stmt, rows)
    if _listeners:
        events = [
            ChangeEvent(
                r["resource_type"],
                r["resource_id"],
                "deleted" if r["op"] == DELETE else "created" if new else "updated",
                r["version"],
                r["changed_at"],
                r["organization_id"],
            )
            for r, new in zip(rows, created, strict=True)
        ]
        for listener in list(_listeners):
            listener(session, events)


def _seen(session: Session) -> set[tuple[Any, ...]]:
    """(type, id, version, op) already written in this transaction: a row flushed twice at
    the same version (a service that flushes, then sets one more field) is one change."""
    seen: set[tuple[Any, ...]] = session.info.setdefault("liushou_changes_seen", set())
    return seen


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _flush: UOWTransaction) -> None:
    now = utcnow()
    seen = _seen(session)
    rows: list[dict[str, Any]] = []
    created: list[bool] = []
    for objects, new in ((session.new, True), (session.dirty, False)):
        for obj in objects:
            kind = getattr(obj, "__tablename__", None)
            if kind not in _TRACKED:
                continue
            if not new and not session.is_modified(obj, include_collections=False):
                continue
            row = _values(session, str(kind), obj, new, now)
            if row is None:
                continue
            key = (kind, row["resource_id"], row["version"], row["op"])
            if key in seen:
                continue
            seen.add(key)
            rows.append(row)
            created.append(new)
    _write(session, rows, created)


@event.listens_for(Session, "do_orm_execute")
def _core_insert(state: ORMExecuteState) -> None:
    if not state.is_insert:
        return
    table = getattr(state.statement, "table", None)
    kind = getattr(table, "name", None)
    if kind not in _TRACKED:
        return
    given = state.parameters
    params: Sequence[Mapping[str, Any]] = (
        [given] if isinstance(given, Mapping) else list(given or [])
    )
    now = utcnow()
    session = state.session
    rows = [
        row
        for p in params
        if (row := _values(session, str(kind), _row_object(p), True, now)) is not None
    ]
    _write(session, rows, [True] * len(rows))


def _row_object(values: Mapping[str, Any]) -> Any:
    """The values of a Core insert as the attributes :func:`_values` reads."""
    defaults = {"deleted_at": None, "version": 1, "ends_on": None}
    return SimpleNamespace(**(defaults | dict(values)))


def _forget_on_rollback(session: Session, _previous: Any) -> None:
    session.info.pop("liushou_changes_seen", None)


def _forget_at_end(session: Session, transaction: Any) -> None:
    if transaction.parent is None:  # the outermost transaction ended (commit or rollback)
        session.info.pop("liushou_changes_seen", None)


event.listen(Session, "after_soft_rollback", _forget_on_rollback)
event.listen(Session, "after_transaction_end", _forget_at_end)
