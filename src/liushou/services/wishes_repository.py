"""Every query of wishes.

Reads take a Connection (Core) and apply the caller's scope in SQL: a wish is seen exactly
when its child is (visibility.person_scope, the registry's one rule), so a wish outside it
is absent (404, as an unknown id). The timelines of a page come in one second query.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlmodel import Session, col, select

from liushou.api.filters import scoped, where_equal
from liushou.api.pagination import PageParams, keyset_rows
from liushou.auth.principal import Principal
from liushou.regions.repository import region_subtree
from liushou.services.enums import WishKind, WishStatus
from liushou.services.models import ServiceRecord, WishTransition
from liushou.tables import person_t, service_record_t, wish_t, wish_transition_t
from liushou.visibility import person_scope

WISH_COLUMNS = [
    c for c in wish_t.c if c.name not in ("deleted_at", "created_by_id", "donor_phone_cipher")
]
ORDER = [wish_t.c.created_at, wish_t.c.id]  # newest first (ix_wish_created_at_id)


def _record_of_wish() -> sa.ScalarSelect[Any]:
    """The live service record a wish's fulfilment wrote (at most one)."""
    r = service_record_t.c
    return (
        sa.select(r.id)
        .where(r.wish_id == wish_t.c.id, r.deleted_at.is_(None))
        .limit(1)
        .scalar_subquery()
    )


def _wishes(caller: Principal) -> sa.Select[Any]:
    stmt = (
        sa.select(*WISH_COLUMNS, _record_of_wish().label("service_record_id"))
        .join(person_t, person_t.c.id == wish_t.c.person_id)
        .where(wish_t.c.deleted_at.is_(None), person_t.c.deleted_at.is_(None))
    )
    return scoped(stmt, person_scope(person_t.c.id, person_t.c.region_path, caller))


@dataclass(frozen=True)
class WishFilters:
    person_id: uuid.UUID | None = None
    status: WishStatus | None = None
    kind: WishKind | None = None
    region_id: uuid.UUID | None = None


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


def get_wish(conn: Connection, caller: Principal, wish_id: uuid.UUID) -> dict[str, Any] | None:
    """The wish with its timeline, if the caller may see its child."""
    row = conn.execute(_wishes(caller).where(wish_t.c.id == wish_id)).mappings().one_or_none()
    if row is None:
        return None
    return {**row, "timeline": timelines(conn, [row["id"]]).get(row["id"], [])}


def list_wishes(
    conn: Connection, caller: Principal, page: PageParams, f: WishFilters
) -> list[dict[str, Any]]:
    """One page (limit + 1 rows) with the timelines."""
    stmt = where_equal(_wishes(caller), wish_t, person_id=f.person_id, status=f.status, kind=f.kind)
    if f.region_id is not None:
        stmt = stmt.where(region_subtree(f.region_id, person_t.c.region_path))
    page_rows = keyset_rows(
        conn, stmt, page, ORDER, descending=True, updated_at=wish_t.c.updated_at
    )
    rows = [dict(r) for r in page_rows]
    steps = timelines(conn, [r["id"] for r in rows])
    for row in rows:
        row["timeline"] = steps.get(row["id"], [])
    return rows


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


def record_of(session: Session, wish_id: uuid.UUID) -> ServiceRecord | None:
    """The live service record of the wish's fulfilment."""
    return session.exec(
        select(ServiceRecord).where(
            ServiceRecord.wish_id == wish_id, col(ServiceRecord.deleted_at).is_(None)
        )
    ).first()
