"""Tables behind the shared HTTP mechanics."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from liushou.db import UTCDateTime, utcnow


class IdempotencyKey(SQLModel, table=True):
    """One row per (caller, key): in flight, then the stored first response."""

    __tablename__ = "idempotency_key"
    __table_args__ = (
        sa.UniqueConstraint("principal_id", "key", name="uq_idempotency_key_principal_key"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    principal_id: uuid.UUID
    key: str = Field(max_length=255)
    method: str = Field(max_length=8)
    path: str = Field(max_length=500)
    body_sha256: str = Field(max_length=64)
    state: str = Field(max_length=16, description="in_progress or done")
    status: int | None = None
    headers: dict[str, str] | None = Field(default=None, sa_type=sa.JSON)
    body: Any | None = Field(default=None, sa_type=sa.JSON)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    expires_at: datetime = Field(sa_type=UTCDateTime, index=True)
