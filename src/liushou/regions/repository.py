"""Every query of regions and organizations. Reads take a Connection (Core, no ORM)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, RowMapping
from sqlmodel import Session, select

from liushou.api.pagination import PageParams, keyset
from liushou.auth.principal import Principal
from liushou.auth.scoping import lineage_scope
from liushou.regions.models import Organization, Region, RegionLevel

region_t: sa.Table = Region.__table__  # type: ignore[attr-defined]
org_t: sa.Table = Organization.__table__  # type: ignore[attr-defined]

REGION_COLUMNS = [
    region_t.c.id, region_t.c.code, region_t.c.name, region_t.c.level, region_t.c.kind,
    region_t.c.parent_id, region_t.c.created_at, region_t.c.updated_at, region_t.c.version,
]
ORG_COLUMNS = [
    org_t.c.id, org_t.c.name, org_t.c.type, org_t.c.networks, org_t.c.region_id, org_t.c.phone,
    org_t.c.credit_code, org_t.c.created_at, org_t.c.updated_at, org_t.c.version,
]


def _scoped(stmt: sa.Select[Any], caller: Principal) -> sa.Select[Any]:
    condition = lineage_scope(region_t.c.path, caller)
    return stmt if condition is None else stmt.where(condition)


def subtree_of(region_id: uuid.UUID) -> sa.ColumnElement[bool]:
    """Regions at or under ``region_id``, in the same query (a scalar subquery on its path)."""
    root = (
        sa.select(region_t.c.path)
        .where(region_t.c.id == region_id, region_t.c.deleted_at.is_(None))
        .scalar_subquery()
    )
    upper = sa.func.substr(root, 1, sa.func.length(root) - 1).concat("0")
    return sa.and_(region_t.c.path >= root, region_t.c.path < upper)


# --- regions: reads ------------------------------------------------------------------


def get_region(conn: Connection, caller: Principal, region_id: uuid.UUID) -> RowMapping | None:
    stmt = sa.select(*REGION_COLUMNS).where(
        region_t.c.id == region_id, region_t.c.deleted_at.is_(None)
    )
    return conn.execute(_scoped(stmt, caller)).mappings().one_or_none()


def list_regions(
    conn: Connection,
    caller: Principal,
    page: PageParams,
    *,
    parent_id: uuid.UUID | None = None,
    level: RegionLevel | None = None,
    within: uuid.UUID | None = None,
) -> Sequence[RowMapping]:
    stmt = sa.select(*REGION_COLUMNS).where(region_t.c.deleted_at.is_(None))
    if parent_id is not None:
        stmt = stmt.where(region_t.c.parent_id == parent_id)
    if level is not None:
        stmt = stmt.where(region_t.c.level == level)
    if within is not None:
        stmt = stmt.where(subtree_of(within))
    stmt = keyset(
        _scoped(stmt, caller), page, [region_t.c.code, region_t.c.id],
        updated_at=region_t.c.updated_at,
    )
    return conn.execute(stmt).mappings().all()


# --- regions: writes -----------------------------------------------------------------


def live_region_by_code(session: Session, code: str) -> Region | None:
    return session.exec(
        select(Region).where(Region.code == code, Region.deleted_at.is_(None))
    ).one_or_none()


def live_region(session: Session, region_id: uuid.UUID) -> Region | None:
    return session.exec(
        select(Region).where(Region.id == region_id, Region.deleted_at.is_(None))
    ).one_or_none()


def region_in_use(session: Session, region: Region) -> bool:
    child = session.exec(
        select(Region.id).where(Region.parent_id == region.id, Region.deleted_at.is_(None)).limit(1)
    ).first()
    org = session.exec(
        select(Organization.id)
        .where(Organization.region_id == region.id, Organization.deleted_at.is_(None))
        .limit(1)
    ).first()
    return child is not None or org is not None


# --- organizations -------------------------------------------------------------------


def get_organization(
    conn: Connection, caller: Principal, organization_id: uuid.UUID
) -> RowMapping | None:
    stmt = (
        sa.select(*ORG_COLUMNS)
        .join(region_t, region_t.c.id == org_t.c.region_id)
        .where(org_t.c.id == organization_id, org_t.c.deleted_at.is_(None))
    )
    return conn.execute(_scoped(stmt, caller)).mappings().one_or_none()


def list_organizations(
    conn: Connection,
    caller: Principal,
    page: PageParams,
    *,
    type_: str | None = None,
    network: str | None = None,
    within: uuid.UUID | None = None,
    q: str | None = None,
) -> Sequence[RowMapping]:
    stmt = (
        sa.select(*ORG_COLUMNS)
        .join(region_t, region_t.c.id == org_t.c.region_id)
        .where(org_t.c.deleted_at.is_(None))
    )
    if type_ is not None:
        stmt = stmt.where(org_t.c.type == type_)
    if network is not None:
        # Networks are a short JSON list of fixed codes: a quoted-substring match is exact.
        stmt = stmt.where(sa.cast(org_t.c.networks, sa.Text).contains(f'"{network}"'))
    if within is not None:
        stmt = stmt.where(subtree_of(within))
    if q:
        stmt = stmt.where(org_t.c.name.contains(q, autoescape=True))
    stmt = keyset(
        _scoped(stmt, caller), page, [org_t.c.name, org_t.c.id], updated_at=org_t.c.updated_at
    )
    return conn.execute(stmt).mappings().all()


def region_path(session: Session, region_id: uuid.UUID) -> str | None:
    return session.exec(
        select(Region.path).where(Region.id == region_id, Region.deleted_at.is_(None))
    ).one_or_none()
