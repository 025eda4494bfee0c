"""The outbox of the change feed (docs/changes.md): one row per create, update or soft
delete of a feed resource, written in the transaction of the change (changes/capture.py).

Not a ``Resource``: rows are never changed, only pruned after the retention period. The
row keeps what deciding *who may see the change* needs once the resource has moved on:
its region path before and after (a person moved to another village), the person it
belongs to, the organization a referral is addressed to, the login of the caretaker an
assignment is held by (before and after: an ended assignment) and the legal advisor.
"""

from __future__ import annotations

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from liushou.db import UTCDateTime, path_type

# SQLite makes only an INTEGER PRIMARY KEY the rowid (autoincrementing); PostgreSQL gets a
# BIGINT identity.
BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


class Change(SQLModel, table=True):
    __tablename__ = "change"
    __table_args__ = (
        # The feed's order (docs/changes.md, "Order"): one range scan after a cursor.
        sa.Index("ix_change_txid_id", "txid", "id"),
        sa.Index("ix_change_changed_at", "changed_at"),
    )

    id: int | None = Field(default=None, sa_type=BigId, primary_key=True)
    # PostgreSQL: the id of the writing transaction (pg_current_xact_id); SQLite: 0.
    txid: int = Field(default=0, sa_type=sa.BigInteger, nullable=False)
    resource_type: str = Field(max_length=32)
    resource_id: uuid.UUID
    op: str = Field(max_length=8)  # upsert | delete
    version: int
    changed_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    person_id: uuid.UUID | None = None
    path_before: str | None = Field(default=None, sa_type=path_type())
    path_after: str | None = Field(default=None, sa_type=path_type())
    organization_id: uuid.UUID | None = None
    user_before: uuid.UUID | None = None
    user_after: uuid.UUID | None = None
    advisor_id: uuid.UUID | None = None
