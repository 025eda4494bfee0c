"""Every query of wishes.

Reads take a Connection (Core) and apply the caller's scope in SQL: a wish is seen exactly
when its child is (visibility.person_scope, the registry's one rule), so a wish outside it
is absent (404, as an unknown id). The timelines and service records of a page come in
two more queries.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from pydantic import Field
from sqlalchemy.engine import Connection
from sqlmodel import Session, col, select

from liushou.api.filters import ListFilters, one_by_id, rows_by_id, scoped, where_equal
from liushou.api.pagination import PageParams, keyset_rows
from liushou.auth.principal import Principal
from liushou.regions.repository import region_subtree
from liushou.services.enums import WishKind, WishStatus
from liushou.services.models import ServiceRecord, Wish, WishTransition
from liushou.tables import person_t, service_record_t, wish_t, wish_transition_t
from liushou.visibility import person_scope

WISH_COLUMNS = [
    c for c in wish_t.c if c.name not in ("deleted_at", "created_by_id", "donor_phone_cipher")
]
ORDER = [wish_t.c.created_at, wish_t.c.id]  # newest first (ix_wish_created_at_id)


def _wishes(caller: Principal) -> sa.Select[Any]:
    stmt = (
        sa.select(*WISH_COLUMNS)
        .join(person_t, person_t.c.id == wish_t.c.person_id)
        .where(wish_t.c.deleted_at.is_(None), person_t.c.deleted_at.is_(None))
    )
    return scoped(stmt, person_scope(person_t.c.id, person_t.c.region_path, caller))


class WishFilters(ListFilters):
    person_id: uuid.UUID | None = None
    status: WishStatus | None = None
    kind: WishKind | None = None
    region_id: uuid.UUID | None = Field(None, description="The child's region: its whole subtree")


def timelines(conn: Connection, wish_ids: Sequence[Any]) -> dict[Any, list[dict[str, Any]]]:
    """The timeline of each wish, oldest step first."""
    if not wish_ids:
        return {}
    t = wish_transition_t.c
    stmt = (
        sa.select(t.wish_id, t.from_status, t.to_status, t.at, t.by, t.note)
        .where(t.wish_id.in_(list(wish_ids)))
        .order_by(t.wish_id, t.seq)
    )
    result: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for row in conn.execute(stmt).mappings():
        entry = dict(row)
        result[entry.pop("wish_id")].append(entry)
    return result


def records(conn: Connection, rows: Sequence[dict[str, Any]]) -> dict[Any, Any]:
    """The live service record each fulfilled wish wrote, by wish id. Looked up through
    the children's ids, which the records' person index serves (there is no index on
    ``wish_id``)."""
    fulfilled = [r for r in rows if str(r["status"]) == WishStatus.fulfilled.value]
    if not fulfilled:
        return {}
    t = service_record_t.c
    stmt = sa.select(t.wish_id, t.id).where(
        t.person_id.in_({r["person_id"] for r in fulfilled}),
        t.wish_id.in_([r["id"] for r in fulfilled]),
        t.deleted_at.is_(None),
    )
    return {row.wish_id: row.id for row in conn.execute(stmt)}


def _complete(conn: Connection, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows with their timelines and service records (two queries for a page)."""
    steps = timelines(conn, [r["id"] for r in rows])
    made = records(conn, rows)
    for row in rows:
        row["timeline"] = steps.get(row["id"], [])
        row["service_record_id"] = made.get(row["id"])
    return rows


def get_wishes(
    conn: Connection, caller: Principal, wish_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, dict[str, Any]]:
    """The wishes the caller may see among the ids (those of children it may see), with
    their timelines (three queries), by id: a page of the change feed, or one id for
    GET /{id} (`get_wish`)."""
    rows = rows_by_id(conn, _wishes(caller), wish_t.c.id, wish_ids)
    if not rows:
        return {}
    return {row["id"]: row for row in _complete(conn, [dict(r) for r in rows.values()])}


get_wish = one_by_id(get_wishes)


def list_wishes(
    conn: Connection, caller: Principal, page: PageParams, f: WishFilters
) -> list[dict[str, Any]]:
    """One page (limit + 1 rows) with the timelines and service records."""
    stmt = where_equal(_wishes(caller), wish_t, person_id=f.person_id, status=f.status, kind=f.kind)
    if f.region_id is not None:
        stmt = stmt.where(region_subtree(f.region_id, person_t.c.region_path))
    page_rows = keyset_rows(
        conn, stmt, page, ORDER, descending=True, updated_at=wish_t.c.updated_at
    )
    return _complete(conn, [dict(r) for r in page_rows])


# --- writes --------------------------------------------------------------------------------


def last_seq(session: Session, wish_id: uuid.UUID) -> int:
    seq = session.exec(
        select(sa.func.max(WishTransition.seq)).where(WishTransition.wish_id == wish_id)
    ).one()
    return int(seq or 0)


def transitions_of(session: Session, wish_id: uuid.UUID) -> Sequence[WishTransition]:
    return session.exec(
        select(WishTransition)
        .where(WishTransition.wish_id == wish_id)
        .order_by(col(WishTransition.seq))
    ).all()


def record_of(session: Session, wish: Wish) -> ServiceRecord | None:
    """The live service record of the wish's fulfilment (found through the child, as
    :func:`records`)."""
    if wish.status != WishStatus.fulfilled:
        return None
    return session.exec(
        select(ServiceRecord).where(
            ServiceRecord.person_id == wish.person_id,
            ServiceRecord.wish_id == wish.id,
            col(ServiceRecord.deleted_at).is_(None),
        )
    ).first()
