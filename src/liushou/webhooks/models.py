"""The tables of webhooks (docs/webhooks.md): subscriptions and their deliveries.

A delivery row is the outbox: written in the transaction of the change it tells of
(webhooks/outbox.py), sent later by a worker (webhooks/sender.py). Its id is the
``webhook-id`` every attempt carries.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from liushou.db import Resource, UTCDateTime, utcnow

PENDING, SUCCEEDED, FAILED = "pending", "succeeded", "failed"
DELIVERY_STATUSES = (PENDING, SUCCEEDED, FAILED)


class WebhookSubscription(Resource, table=True):
    __tablename__ = "webhook_subscription"

    url: str = Field(max_length=2000)
    events: list[str] = Field(default_factory=list, sa_type=sa.JSON)
    active: bool = Field(default=True)
    description: str | None = Field(default=None, max_length=500)
    # "whsec_..." sealed with the data key, bound to this row (pii.FieldCipher).
    secret_cipher: str = Field(max_length=500)
    # The owner: an admin user, or a partner client and its organization.
    owner_user_id: uuid.UUID | None = Field(default=None, foreign_key="user_account.id")
    owner_client_id: uuid.UUID | None = Field(default=None, foreign_key="api_client.id", index=True)
    organization_id: uuid.UUID | None = Field(default=None, foreign_key="organization.id")
    consecutive_failures: int = Field(default=0)
    deactivated_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class WebhookDelivery(SQLModel, table=True):
    __tablename__ = "webhook_delivery"
    __table_args__ = (
        # The worker's claim: the due pending deliveries, oldest first.
        sa.Index("ix_webhook_delivery_status_next_attempt_at", "status", "next_attempt_at"),
        sa.Index("ix_webhook_delivery_subscription_id_created_at", "subscription_id", "created_at"),
        sa.CheckConstraint("status IN ('pending', 'succeeded', 'failed')", name="status"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    subscription_id: uuid.UUID = Field(foreign_key="webhook_subscription.id")
    event_type: str = Field(max_length=64)
    payload: dict[str, Any] = Field(default_factory=dict, sa_type=sa.JSON)
    status: str = Field(default=PENDING, max_length=16)
    attempts: int = Field(default=0)
    next_attempt_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_attempt_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_response_code: int | None = None
    last_error: str | None = Field(default=None, max_length=500)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
