"""Every query of regions and organizations. Reads take a Connection (Core, no ORM)."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from pydantic import Field
from sqlalchemy.engine import Connection, RowMapping
from sqlmodel import Session, col, select

from liushou.api.filters import ListFilters, scoped, where_equal
from liushou.api.pagination import PageParams, keyset_bound, keyset_rows
from liushou.api.params import SearchText
from liushou.api.resources import get_live_by
from liushou.auth.principal import Principal
from liushou.auth.scoping import (
    in_subtree,
    lineage_scope,
    path_visible,
    subtree_bounds,
    within_bounds,
)
from liushou.read_path import PreparedSelect
from liushou.regions.models import (
    Network,
    Organization,
    OrganizationType,
    Region,
    RegionLevel,
)

region_t: sa.Table = Region.__table__  # type: ignore[attr-defined]
org_t: sa.Table = Organization.__table__  # type: ignore[attr-defined]

REGION_COLUMNS = [
    region_t.c.id,
    region_t.c.code,
    region_t.c.name,
    region_t.c.level,
    region_t.c.kind,
    region_t.c.parent_id,
    region_t.c.created_at,
    region_t.c.updated_at,
    region_t.c.version,
]
ORG_COLUMNS = [
    org_t.c.id,
    org_t.c.name,
    org_t.c.type,
    org_t.c.networks,
    org_t.c.region_id,
    org_t.c.phone,
    org_t.c.credit_code,
    org_t.c.created_at,
    org_t.c.updated_at,
    org_t.c.version,
]


def subtree_of(region_id: uuid.UUID | sa.BindParameter[Any]) -> sa.ColumnElement[bool]:
    """Regions at or under ``region_id``, in the same query (root path from a derived table,
    see :func:`region_subtree`)."""
    return region_subtree(region_id, region_t.c.path, derived=True)


# --- prepared reads ------------------------------------------------------------------
# The hot reads run statements built once with bound parameters (read_path.PreparedSelect):
# building a Core statement per request cost more than running it. A statement's shape
# depends on which filters are present and on the caller's kind of scope, so there is one
# per shape, built on first use.


def _scope_shape(caller: Principal) -> str | int:
    """``"all"``, ``"none"`` or the number of regions above the caller's own."""
    if caller.sees_everything:
        return "all"
    if not caller.region_path:
        return "none"
    return len(caller.ancestor_paths())


def _bound_lineage_scope(shape: str | int) -> sa.ColumnElement[bool] | None:
    """auth.scoping.lineage_scope with bound parameters (values: :func:`_lineage_values`)."""
    path = region_t.c.path
    if shape == "all":
        return None
    if shape == "none":
        return sa.false()
    subtree = within_bounds(path, sa.bindparam("scope_low"), sa.bindparam("scope_high"))
    if not shape:
        return subtree
    return sa.or_(subtree, path.in_([sa.bindparam(f"scope_up_{i}") for i in range(int(shape))]))


def _lineage_values(caller: Principal) -> dict[str, Any]:
    if caller.sees_everything or not caller.region_path:
        return {}
    low, high = subtree_bounds(caller.region_path)
    values = {"scope_low": low, "scope_high": high}
    values.update({f"scope_up_{i}": p for i, p in enumerate(caller.ancestor_paths())})
    return values


_REGION_BY_ID = PreparedSelect(
    sa.select(*REGION_COLUMNS, region_t.c.path).where(
        region_t.c.id == sa.bindparam("id"), region_t.c.deleted_at.is_(None)
    )
)
_ORGANIZATION_BY_ID = PreparedSelect(
    sa.select(*ORG_COLUMNS, region_t.c.path)
    .join(region_t, region_t.c.id == org_t.c.region_id)
    .where(org_t.c.id == sa.bindparam("id"), org_t.c.deleted_at.is_(None))
)
REGION_ORDER = [region_t.c.code, region_t.c.id]


@functools.cache
def _region_list(
    parent: bool, level: bool, within: bool, after: bool, since: bool, scope: str | int
) -> PreparedSelect:
    stmt = sa.select(*REGION_COLUMNS).where(region_t.c.deleted_at.is_(None))
    if parent:
        stmt = stmt.where(region_t.c.parent_id == sa.bindparam("parent_id"))
    if level:
        stmt = stmt.where(region_t.c.level == sa.bindparam("level"))
    if within:
        stmt = stmt.where(subtree_of(sa.bindparam("within", type_=region_t.c.id.type)))
    stmt = scoped(stmt, _bound_lineage_scope(scope))
    stmt = keyset_bound(
        stmt, REGION_ORDER, after=after, since=since, updated_at=region_t.c.updated_at
    )
    return PreparedSelect(stmt)


# --- regions: reads ------------------------------------------------------------------


def _visible_one(
    query: PreparedSelect, conn: Connection, caller: Principal, row_id: uuid.UUID
) -> dict[str, Any] | None:
    """The row of ``query`` with this id, if it lies in the caller's lineage. One row by
    primary key, so the scope is checked on it (the same rule as lineage_scope) on the
    ``path`` the query selects, which the row then drops."""
    rows = query.fetch(conn, {"id": row_id})
    if not rows or not path_visible(rows[0].pop("path"), caller, lineage=True):
        return None
    return rows[0]


def get_region(conn: Connection, caller: Principal, region_id: uuid.UUID) -> dict[str, Any] | None:
    return _visible_one(_REGION_BY_ID, conn, caller, region_id)


class RegionFilters(ListFilters):
    parent_id: uuid.UUID | None = None
    level: RegionLevel | None = None
    within: uuid.UUID | None = Field(
        None, description="A region id: that region and its whole subtree"
    )


def list_regions(
    conn: Connection, caller: Principal, page: PageParams, f: RegionFilters
) -> list[dict[str, Any]]:
    filters = f.model_dump(exclude_none=True)
    query = _region_list(
        "parent_id" in filters,
        "level" in filters,
        "within" in filters,
        page.cursor is not None,
        page.updated_since is not None,
        _scope_shape(caller),
    )
    params = {**filters, **_lineage_values(caller), **page.bound_values(REGION_ORDER)}
    return query.fetch(conn, params)


# --- regions: writes -----------------------------------------------------------------


def live_region_by_code(session: Session, code: str) -> Region | None:
    return get_live_by(session, Region, code=code)


# Tables of the packages above this one whose rows sit in a region: named, not imported,
# so that regions stays below registry and care.
_PLACED_IN_REGION = [
    sa.table(name, sa.column("region_id", sa.Uuid), sa.column("deleted_at"))
    for name in ("organization", "person", "caretaker", "user_account")
]


def region_in_use(session: Session, region: Region) -> bool:
    """A live child region, or a live organization, person, caretaker or user in it."""
    queries: list[sa.Select[Any]] = [
        sa.select(region_t.c.id).where(
            region_t.c.parent_id == region.id, region_t.c.deleted_at.is_(None)
        )
    ]
    queries += [
        sa.select(t.c.region_id).where(t.c.region_id == region.id, t.c.deleted_at.is_(None))
        for t in _PLACED_IN_REGION
    ]
    return any(session.execute(q.limit(1)).first() is not None for q in queries)


def region_subtree(
    region_id: uuid.UUID | sa.BindParameter[Any], path_column: Any, *, derived: bool = False
) -> sa.ColumnElement[bool]:
    """``path_column`` lies in the subtree of the region ``region_id`` (itself included); an
    unknown or deleted region matches nothing.

    The root's path is a scalar subquery, or with ``derived`` a one-row derived table
    (``FROM ..., (SELECT path ...)``): looked up once where a scalar subquery runs once per
    comparison (and SQLite then picked the wider range of the caller's scope for the index).
    """
    lookup = sa.select(region_t.c.path.label("path")).where(
        region_t.c.id == region_id, region_t.c.deleted_at.is_(None)
    )
    root = lookup.subquery("subtree_root").c.path if derived else lookup.scalar_subquery()
    return in_subtree(path_column, root)


# --- organizations -------------------------------------------------------------------


def get_organization(
    conn: Connection, caller: Principal, organization_id: uuid.UUID
) -> dict[str, Any] | None:
    return _visible_one(_ORGANIZATION_BY_ID, conn, caller, organization_id)


class OrganizationFilters(ListFilters):
    type: OrganizationType | None = None
    network: Network | None = None
    region_id: uuid.UUID | None = Field(None, description="Organizations in this region's subtree")
    q: SearchText | None = Field(None, max_length=100, description="Name contains")


def list_organizations(
    conn: Connection, caller: Principal, page: PageParams, f: OrganizationFilters
) -> Sequence[RowMapping]:
    stmt = (
        sa.select(*ORG_COLUMNS)
        .join(region_t, region_t.c.id == org_t.c.region_id)
        .where(org_t.c.deleted_at.is_(None))
    )
    stmt = where_equal(stmt, org_t, type=f.type)
    if f.network is not None:
        # Networks are a short JSON list of fixed codes: a quoted-substring match is exact.
        stmt = stmt.where(sa.cast(org_t.c.networks, sa.Text).contains(f'"{f.network}"'))
    if f.region_id is not None:
        stmt = stmt.where(subtree_of(f.region_id))
    if f.q:
        stmt = stmt.where(org_t.c.name.contains(f.q, autoescape=True))
    stmt = scoped(stmt, lineage_scope(region_t.c.path, caller))
    return keyset_rows(conn, stmt, page, [org_t.c.name, org_t.c.id], updated_at=org_t.c.updated_at)


def region_path(session: Session, region_id: uuid.UUID) -> str | None:
    return session.exec(
        select(Region.path).where(Region.id == region_id, col(Region.deleted_at).is_(None))
    ).one_or_none()
