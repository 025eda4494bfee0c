"""Every query of service records.

Reads take a Connection (Core, no ORM) and apply the caller's scope in SQL: a record is
visible exactly when its person is (visibility.person_scope, the registry's one rule), so a
record outside the caller's sight is absent (404, the same answer as an unknown id). Each
row carries its type's programme and name, joined in the same query.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from pydantic import Field
from sqlalchemy.engine import Connection, RowMapping

from liushou.api.filters import PeriodFilters, one_by_id, rows_by_id, scoped, where_equal
from liushou.api.pagination import PageParams, keyset_rows
from liushou.api.params import Day, InRegion, SearchText
from liushou.auth.principal import Principal
from liushou.regions.repository import region_subtree
from liushou.services.enums import Program
from liushou.tables import person_t, service_record_t, service_type_t
from liushou.visibility import person_scope

RECORD_COLUMNS = [c for c in service_record_t.c if c.name not in ("deleted_at", "created_by_id")]
TYPE_COLUMNS = [
    service_type_t.c.program.label("program"),
    service_type_t.c.name_zh.label("service_type_name_zh"),
]
# Newest first, on ix_service_record_delivered_on_id.
ORDER = [service_record_t.c.delivered_on, service_record_t.c.id]


class RecordFilters(PeriodFilters):
    person_id: uuid.UUID | None = None
    service_type: SearchText | None = Field(None, max_length=64, description="A type's code")
    program: Program | None = None
    region_id: InRegion = None
    from_: Day | None = Field(None, alias="from", description="delivered_on on or after")
    to: Day | None = Field(None, description="delivered_on on or before")
    activity_id: uuid.UUID | None = None


def _records(caller: Principal) -> sa.Select[Any]:
    r = service_record_t
    stmt = (
        sa.select(*RECORD_COLUMNS, *TYPE_COLUMNS)
        .join(person_t, person_t.c.id == r.c.person_id)
        .join(service_type_t, service_type_t.c.code == r.c.service_type)
        .where(r.c.deleted_at.is_(None), person_t.c.deleted_at.is_(None))
    )
    return scoped(stmt, person_scope(person_t.c.id, person_t.c.region_path, caller))


def get_records(
    conn: Connection, caller: Principal, record_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, RowMapping]:
    """The rows the caller may see among the ids, in one query, by id: a page of the
    change feed, or one id for GET /{id} (`get_record`)."""
    return rows_by_id(conn, _records(caller), service_record_t.c.id, record_ids)


get_record = one_by_id(get_records)


def list_records(
    conn: Connection, caller: Principal, page: PageParams, f: RecordFilters
) -> list[RowMapping]:
    """One page (limit + 1 rows). ``region_id`` is the person's region's subtree: a region
    outside the caller's sight simply adds nothing (as `GET /persons?region_id=`)."""
    t = service_record_t.c
    stmt = where_equal(
        _records(caller),
        service_record_t,
        person_id=f.person_id,
        service_type=f.service_type,
        activity_id=f.activity_id,
    )
    if f.program is not None:
        stmt = stmt.where(service_type_t.c.program == f.program)
    if f.region_id is not None:
        stmt = stmt.where(region_subtree(f.region_id, person_t.c.region_path, derived=True))
    stmt = f.within(stmt, t.delivered_on)
    rows = keyset_rows(conn, stmt, page, ORDER, descending=True, updated_at=t.updated_at)
    return list(rows)
