"""Request and response bodies of webhooks (docs/webhooks.md)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from liushou.api.schemas import RequestBody
from liushou.webhooks.rules import EVENTS

_EVENTS_DOC = "Any of: " + ", ".join(f"`{e}`" for e in EVENTS) + " (a partner: `referral.*` only)"


class WebhookSubscriptionCreate(RequestBody):
    url: str = Field(max_length=2000, description="Where deliveries are POSTed")
    events: list[str] = Field(max_length=len(EVENTS), description=_EVENTS_DOC)
    active: bool = True
    description: str | None = Field(default=None, max_length=500)


class WebhookSubscriptionUpdate(RequestBody):
    url: str | None = Field(default=None, max_length=2000)
    events: list[str] | None = Field(default=None, max_length=len(EVENTS))
    active: bool | None = Field(
        default=None, description="true again restarts a deactivated subscription"
    )
    description: str | None = Field(default=None, max_length=500)


class WebhookSubscriptionRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    url: str
    events: list[str]
    active: bool
    description: str | None
    organization_id: uuid.UUID | None = Field(
        description="A partner's organization; null for an admin's subscription"
    )
    consecutive_failures: int = Field(
        description="Failed deliveries in a row; at 3 the subscription is deactivated"
    )
    deactivated_at: datetime | None
    created_at: datetime
    updated_at: datetime
    version: int


class WebhookSubscriptionWithSecret(WebhookSubscriptionRead):
    secret: str = Field(
        description="`whsec_` + base64: shown in this answer only, never again",
        examples=["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"],
    )


class WebhookDeliveryRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID = Field(description="The `webhook-id` header of every attempt")
    subscription_id: uuid.UUID
    event_type: str
    payload: dict[str, Any]
    status: Literal["pending", "succeeded", "failed"]
    attempts: int
    next_attempt_at: datetime | None
    last_attempt_at: datetime | None
    last_response_code: int | None
    last_error: str | None
    created_at: datetime
    updated_at: datetime
