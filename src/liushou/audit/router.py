"""GET /audit-events for admins and auditors."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from fastapi import APIRouter
from pydantic import AwareDatetime, BaseModel, Field
from sqlalchemy.engine import Connection, RowMapping

from liushou.api.filters import ListFilters, where_equal
from liushou.api.pagination import PageParams, keyset_rows
from liushou.api.params import Instant, SearchText
from liushou.api.routes import list_route
from liushou.audit.models import audit_t
from liushou.auth.callers import AuditReader
from liushou.auth.principal import Principal

router = APIRouter(prefix="/audit-events", tags=["audit"])


class AuditEventRead(BaseModel):
    id: uuid.UUID
    at: AwareDatetime
    actor_kind: str
    actor_id: uuid.UUID | None
    actor_name: str | None
    action: str
    resource_type: str | None
    resource_id: str | None
    outcome: str
    request_id: str | None
    changed_fields: list[str] | None
    detail: dict[str, Any] | None


class AuditFilters(ListFilters):
    """The list's query parameters; each is an exact match but the period."""

    actor_id: uuid.UUID | None = None
    action: SearchText | None = Field(None, max_length=64, examples=["region.update"])
    resource_type: SearchText | None = Field(None, max_length=64)
    resource_id: SearchText | None = Field(None, max_length=64)
    outcome: SearchText | None = Field(None, max_length=16)
    from_: Instant | None = Field(None, alias="from")
    to: Instant | None = None


def _events(
    conn: Connection, caller: Principal, page: PageParams, f: AuditFilters
) -> Sequence[RowMapping]:
    """Every event (an audit reader sees them all), ``from`` inclusive, ``to`` exclusive."""
    stmt = where_equal(
        sa.select(audit_t),
        audit_t,
        actor_id=f.actor_id,
        action=f.action,
        resource_type=f.resource_type,
        resource_id=f.resource_id,
        outcome=f.outcome,
    )
    if f.from_ is not None:
        stmt = stmt.where(audit_t.c.at >= f.from_)
    if f.to is not None:
        stmt = stmt.where(audit_t.c.at < f.to)
    return keyset_rows(conn, stmt, page, [audit_t.c.at, audit_t.c.id], descending=True)


list_route(
    router,
    AuditEventRead,
    AuditReader,
    AuditFilters,
    _events,
    ("at", "id"),
    name="list_audit_events",
    doc="Newest first. `from` is inclusive, `to` exclusive.",
)
