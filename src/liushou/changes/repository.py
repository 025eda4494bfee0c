"""The feed's queries (docs/changes.md): changes after a position, pruning."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy.engine import Connection, CursorResult, RowMapping
from sqlmodel import Session

from liushou.auth.principal import Principal
from liushou.auth.scoping import in_subtree
from liushou.changes.capture import change_t
from liushou.changes.cursor import Position
from liushou.tables import contract_village_t, person_t

# PostgreSQL: the oldest transaction still running. Every transaction whose id is below it
# has ended, so every change it wrote is visible now and no change can appear below it
# later (docs/changes.md, "Order").
_XMIN_SQL = sa.cast(
    sa.cast(sa.func.pg_snapshot_xmin(sa.func.pg_current_snapshot()), sa.Text), sa.BigInteger
)


def changes_after(
    conn: Connection,
    after: Position,
    types: Collection[str],
    since: datetime,
    limit: int,
) -> Sequence[RowMapping]:
    """Up to ``limit`` changes after ``after`` in feed order, of these types, none older
    than ``since`` (the retention period)."""
    c = change_t.c
    stmt = (
        sa.select(change_t)
        .where(
            sa.tuple_(c.txid, c.id) > sa.tuple_(sa.literal(after.txid), sa.literal(after.id)),
            c.resource_type.in_(sorted(types)),
            c.changed_at >= since,
        )
        .order_by(c.txid, c.id)
        .limit(limit)
    )
    if conn.dialect.name == "postgresql":
        stmt = stmt.where(c.txid < _XMIN_SQL)
    return conn.execute(stmt).mappings().all()


def contract_in_region(conn: Connection, contract_id: uuid.UUID, caller: Principal) -> bool:
    """A contract has a village in the caller's subtree (deleted contracts keep their
    villages)."""
    if not caller.region_path:
        return False
    v = contract_village_t.c
    stmt = sa.select(
        sa.exists().where(
            v.contract_id == contract_id, in_subtree(v.region_path, caller.region_path)
        )
    )
    return bool(conn.execute(stmt).scalar())


def person_version(conn: Connection, person_id: uuid.UUID) -> int:
    stmt = sa.select(person_t.c.version).where(person_t.c.id == person_id)
    return int(conn.execute(stmt).scalar_one_or_none() or 0)


def prune(session: Session, before: datetime) -> int:
    """Delete the changes older than ``before``; how many went."""
    result = session.execute(sa.delete(change_t).where(change_t.c.changed_at < before))
    return cast(CursorResult[Any], result).rowcount
