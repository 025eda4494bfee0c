"""Every read of distributions: Core, scoped to the caller's region subtree through the
copied ``region_path`` (auth.scoping.subtree_scope)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from pydantic import Field
from sqlalchemy.engine import Connection, RowMapping

from liushou.api.filters import PeriodFilters, one_by_id, rows_by_id, scoped, where_equal
from liushou.api.pagination import PageParams, keyset_rows
from liushou.api.params import Day, InRegion
from liushou.auth.principal import Principal
from liushou.auth.scoping import subtree_scope
from liushou.regions.repository import region_subtree
from liushou.services.enums import DistributionItem
from liushou.tables import distribution_t

COLUMNS = [c for c in distribution_t.c if c.name not in ("deleted_at", "region_path")]
# Newest first (ix_distribution_distributed_on_id).
ORDER = [distribution_t.c.distributed_on, distribution_t.c.id]


def _distributions(caller: Principal) -> sa.Select[Any]:
    t = distribution_t.c
    stmt = sa.select(*COLUMNS).where(t.deleted_at.is_(None))
    return scoped(stmt, subtree_scope(t.region_path, caller))


class DistributionFilters(PeriodFilters):
    region_id: InRegion = None
    item: DistributionItem | None = None
    activity_id: uuid.UUID | None = None
    from_: Day | None = Field(None, alias="from", description="distributed_on on or after")
    to: Day | None = Field(None, description="distributed_on on or before")


def get_distributions(
    conn: Connection, caller: Principal, distribution_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, RowMapping]:
    """The rows the caller may see among the ids, in one query, by id: a page of the
    change feed, or one id for GET /{id} (`get_distribution`)."""
    return rows_by_id(conn, _distributions(caller), distribution_t.c.id, distribution_ids)


get_distribution = one_by_id(get_distributions)


def list_distributions(
    conn: Connection, caller: Principal, page: PageParams, f: DistributionFilters
) -> Sequence[RowMapping]:
    t = distribution_t.c
    stmt = where_equal(
        _distributions(caller), distribution_t, item=f.item, activity_id=f.activity_id
    )
    if f.region_id is not None:
        stmt = stmt.where(region_subtree(f.region_id, t.region_path))
    stmt = f.within(stmt, t.distributed_on)
    return keyset_rows(conn, stmt, page, ORDER, descending=True, updated_at=t.updated_at)
