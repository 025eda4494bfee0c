"""Every query of service types: Core reads for the API and /meta/enums."""

from __future__ import annotations

import uuid
from typing import Any

import sqlalchemy as sa
from pydantic import Field
from sqlalchemy.engine import Connection, RowMapping
from sqlmodel import Session, select

from liushou.api.filters import ListFilters, where_equal
from liushou.api.pagination import PageParams, keyset_rows
from liushou.auth.principal import Principal
from liushou.registry.enums import PersonCategory
from liushou.services.enums import Program
from liushou.services.models import ServiceType
from liushou.tables import service_type_t

TYPE_COLUMNS = [c for c in service_type_t.c if c.name != "deleted_at"]
ORDER = [service_type_t.c.code]  # unique: the code alone orders the list stably


def _live() -> sa.Select[Any]:
    return sa.select(*TYPE_COLUMNS).where(service_type_t.c.deleted_at.is_(None))


def get_type(conn: Connection, caller: Principal, type_id: uuid.UUID) -> RowMapping | None:
    """Every holder of services:read sees every live type (the catalogue is not scoped)."""
    return conn.execute(_live().where(service_type_t.c.id == type_id)).mappings().one_or_none()


def has_category(category: PersonCategory) -> sa.ColumnElement[bool]:
    """``categories`` (a JSON list of codes) contains ``category``: a match on its JSON text,
    the same on SQLite and PostgreSQL (the codes never contain one another in quotes)."""
    return sa.cast(service_type_t.c.categories, sa.Text).like(f'%"{category.value}"%')


class TypeFilters(ListFilters):
    program: Program | None = None
    category: PersonCategory | None = Field(None, description="The types meant for that category")


def list_types(
    conn: Connection, _caller: Principal, page: PageParams, f: TypeFilters
) -> list[RowMapping]:
    """Every caller sees the whole catalogue."""
    stmt = where_equal(_live(), service_type_t, program=f.program)
    if f.category is not None:
        stmt = stmt.where(has_category(f.category))
    rows = keyset_rows(conn, stmt, page, ORDER, updated_at=service_type_t.c.updated_at)
    return list(rows)


def names(conn: Connection) -> list[RowMapping]:
    """Code and name_zh (as ``label_zh``) of every live type, by code: `GET /meta/enums`,
    ``service_type``."""
    t = service_type_t.c
    stmt = (
        sa.select(t.code, t.name_zh.label("label_zh"))
        .where(t.deleted_at.is_(None))
        .order_by(t.code)
    )
    return list(conn.execute(stmt).mappings())


# Built once: building the statement cost more than running it (docs/performance.md, "Writes").
_BY_CODE = select(ServiceType).where(ServiceType.code == sa.bindparam("code"))


def by_code(session: Session, code: str) -> ServiceType | None:
    """The type with this code, deleted or not: a code is never given out twice."""
    return session.exec(_BY_CODE, params={"code": code}).one_or_none()
