"""GET /audit-events for admins and auditors."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

import sqlalchemy as sa
from fastapi import APIRouter, Query
from pydantic import AwareDatetime, BaseModel

from liushou.api.dependencies import DatabaseDep
from liushou.api.pagination import Page, Paging, keyset_rows, read_page
from liushou.api.params import Instant, SearchText
from liushou.audit.models import audit_t
from liushou.auth.callers import AuditReader
from liushou.errors import problem_responses

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


@router.get("", responses=problem_responses(400, 401, 403, 422))
async def list_audit_events(
    db: DatabaseDep,
    caller: AuditReader,
    page: Paging,
    actor_id: uuid.UUID | None = None,
    action: Annotated[SearchText | None, Query(max_length=64, examples=["region.update"])] = None,
    resource_type: Annotated[SearchText | None, Query(max_length=64)] = None,
    resource_id: Annotated[SearchText | None, Query(max_length=64)] = None,
    outcome: Annotated[SearchText | None, Query(max_length=16)] = None,
    from_: Annotated[Instant | None, Query(alias="from")] = None,
    to: Instant | None = None,
) -> Page[AuditEventRead]:
    """Newest first. `from` is inclusive, `to` exclusive."""
    stmt = sa.select(audit_t)
    for column, value in (
        (audit_t.c.actor_id, actor_id),
        (audit_t.c.action, action),
        (audit_t.c.resource_type, resource_type),
        (audit_t.c.resource_id, resource_id),
        (audit_t.c.outcome, outcome),
    ):
        if value is not None:
            stmt = stmt.where(column == value)
    if from_ is not None:
        stmt = stmt.where(audit_t.c.at >= from_)
    if to is not None:
        stmt = stmt.where(audit_t.c.at < to)
    return await read_page(
        db,
        page,
        Page[AuditEventRead],
        lambda conn: keyset_rows(conn, stmt, page, [audit_t.c.at, audit_t.c.id], descending=True),
        lambda r: (r["at"], r["id"]),
    )
