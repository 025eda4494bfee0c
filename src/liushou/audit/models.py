"""The audit_event table. Migrations add triggers that refuse UPDATE and DELETE."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from liushou import clock
from liushou.db import UTCDateTime


class AuditEvent(SQLModel, table=True):
    __tablename__ = "audit_event"
    __table_args__ = (
        sa.Index("ix_audit_event_at_id", "at", "id"),
        sa.Index("ix_audit_event_resource", "resource_type", "resource_id"),
        sa.Index("ix_audit_event_actor", "actor_id", "at"),
        sa.Index("ix_audit_event_action", "action", "at"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    at: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime)
    actor_kind: str = Field(max_length=16, description="user, client or anonymous")
    actor_id: uuid.UUID | None = Field(default=None)
    actor_name: str | None = Field(default=None, max_length=128)
    action: str = Field(max_length=64)
    resource_type: str | None = Field(default=None, max_length=64)
    resource_id: str | None = Field(default=None, max_length=64)
    outcome: str = Field(default="success", max_length=16)
    request_id: str | None = Field(default=None, max_length=128)
    # Names of changed fields, never their values.
    changed_fields: list[str] | None = Field(default=None, sa_type=sa.JSON)
    detail: dict[str, Any] | None = Field(default=None, sa_type=sa.JSON)


# The Core table, for the service's INSERT and the router's list (SQLModel leaves
# ``__table__`` untyped).
audit_t: sa.Table = AuditEvent.__table__  # type: ignore[attr-defined]
